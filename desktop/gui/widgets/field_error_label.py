"""A field's problem in words, in red right under the field; hidden while it is fine.

The message also becomes the field's accessible description, so a screen reader says
why the field is refused when the agent tabs into it.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QWidget

from desktop.common.i18n import _
from desktop.gui.widgets.wrapped_label import wrapping_policy

# As in the scope view: no single red has 4.5:1 contrast on both white and near-black.
ERROR_ON_LIGHT = "#b71c1c"
ERROR_ON_DARK = "#ff8a80"


class FieldErrorLabel(QLabel):
    def __init__(self, field: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.field = field
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        # Ignored: a long message wraps to the field's width instead of widening the form.
        self.setSizePolicy(wrapping_policy())
        self._problem = ""
        self._colour()
        self.hide()

    @property
    def problem(self) -> str:
        return self._problem

    def show_problem(self, problem: str) -> None:
        """`problem` in words ("" when the field is fine)."""
        if problem == self._problem:
            return
        self._problem = problem
        self.setText(_("⚠ {problem}").format(problem=problem) if problem else "")
        self.setVisible(bool(problem))
        self.field.setAccessibleDescription(problem)

    def _colour(self) -> None:
        dark = self.palette().color(QPalette.ColorRole.Window).lightness() < 128
        wanted = QColor(ERROR_ON_DARK if dark else ERROR_ON_LIGHT)
        if self.palette().color(QPalette.ColorRole.WindowText) == wanted:
            return  # setting it again would send another PaletteChange, and so on
        palette = QPalette()
        palette.setColor(QPalette.ColorRole.WindowText, wanted)
        self.setPalette(palette)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # A label with a palette of its own hears of a theme switch as PaletteChange.
        if event.type() in (QEvent.Type.ApplicationPaletteChange, QEvent.Type.PaletteChange,
                            QEvent.Type.ParentChange):
            self._colour()
