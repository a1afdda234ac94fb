"""A colleague saved the record after the agent opened it: both versions side by side,
field by field, and the agent's choice (issue 14, "Editing together safely").

The table shows each field where what is stored now (theirs) and what the agent typed
(yours) differ; a field both changed, each differently, is marked in words and in bold,
since a merge keeps theirs there. Three buttons do what the domain's three answers do
(domain/concurrent_edits.py): Take theirs, Merge, Overwrite with mine. Cancel, the
default, changes nothing: the form keeps what was typed. Nothing typed is lost unless
the agent chooses it.

For a delete the agent typed nothing: the table shows what the colleague changed
(theirs against what the agent saw), and the choice is to keep theirs or delete anyway.

The dialog knows no field names: the view that opens it says how a field is called and
how its values read (`label`, `value_text`), so customers and subscriptions share it.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QVBoxLayout

from desktop.common.i18n import _
from desktop.gui.widgets.column_widths import PADDING, fit_columns
from desktop.gui.widgets.customer_finder_widget import register_table
from desktop.gui.widgets.retranslating import Retranslating
from desktop.gui.widgets.row_table_model import RowTableModel
from desktop.gui.widgets.wrapped_label import wrapped_label
from desktop.wording.hours import moment_text
from domain.concurrent_edits import Resolution

if TYPE_CHECKING:
    from domain.concurrent_edits import EditConflict, FieldDifference

FIELD, THEIRS, YOURS = range(3)
Label = Callable[[str], str]
ValueText = Callable[[str, Any], str]


def _headers(deleting: bool) -> tuple[str, ...]:
    return _("Field"), _("Theirs (saved now)"), _("When you opened it") if deleting else _("Yours")


class EditConflictModel(RowTableModel):
    """One row per field that differs: its name, their value, yours (or, for a delete,
    the value when the agent opened it)."""

    def __init__(self, label: Label, value_text: ValueText, deleting: bool, parent=None):
        super().__init__(lambda: _headers(deleting), parent)
        self._label, self._value_text, self._deleting = label, value_text, deleting
        self.bold = QFont()
        self.bold.setBold(True)

    def show(self, differences: tuple[FieldDifference, ...]) -> None:
        self.beginResetModel()
        self._rows = list(differences)
        self.endResetModel()

    def difference(self, row: int) -> FieldDifference:
        return self._rows[row]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        difference = self._row_at(index)
        if difference is None:
            return None
        both = difference.both_changed and not self._deleting
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            column = index.column()
            if column == FIELD:
                name = self._label(difference.field)
                # Said in words, not only in bold: a screen reader and a colour-blind eye see it too.
                return _("{field} (you both changed it)").format(field=name) if both else name
            value = difference.theirs if column == THEIRS else (
                difference.base if self._deleting else difference.mine)
            return self._value_text(difference.field, value)
        if role == Qt.ItemDataRole.FontRole and both:
            return self.bold
        return None


class EditConflictDialog(Retranslating, QDialog):
    """`resolved` carries the agent's Resolution, or None for Cancel (and for closing)."""

    resolved = Signal(object)

    def __init__(self, conflict: EditConflict, base: Any, label: Label, value_text: ValueText, name: str,
                 parent=None):
        super().__init__(parent)
        self.conflict, self.name, self._label = conflict, name, label
        self.comparison = conflict.three_way(base)
        self._chosen: Resolution | None = None

        self.heading = wrapped_label(self, selectable=True)
        self.model = EditConflictModel(label, value_text, conflict.deleting, self)
        self.model.show(self.comparison.differences)
        self.table = register_table(self, "")
        self.table.setModel(self.model)  # a long value is cut in its cell; its tooltip holds it whole
        self.merge_note = wrapped_label(self)
        self.buttons = QDialogButtonBox(self)
        self.take_theirs_button = self._button(Resolution.TAKE_THEIRS)
        self.merge_button = self._button(Resolution.MERGE)
        self.overwrite_button = self._button(Resolution.OVERWRITE)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.rejected.connect(self.reject)
        # Enter must not throw anything away: Cancel is the default.
        for button in (self.take_theirs_button, self.merge_button, self.overwrite_button):
            button.setAutoDefault(False)
        self.cancel_button.setDefault(True)
        self.merge_button.setVisible(not conflict.deleting)  # nothing typed to merge
        self.merge_note.setVisible(not conflict.deleting)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.merge_note)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 90)
        self.finished.connect(lambda _result: self.resolved.emit(self._chosen))
        self.retranslate()

    def _button(self, resolution: Resolution) -> QPushButton:
        button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        button.clicked.connect(lambda: self.choose(resolution))
        return button

    def retranslate(self) -> None:
        deleting = self.conflict.deleting
        self.setWindowTitle(_("Changed by someone else"))
        self.setAccessibleName(self.windowTitle())
        changed_at = self.conflict.changed_at
        if deleting:
            self.heading.setText(_("Someone else changed “{name}” after you opened it; below is what they changed. "
                                   "It is not deleted yet.").format(name=self.name))
        elif changed_at is not None:
            self.heading.setText(_("Someone else saved “{name}” at {time}, after you opened it. Nothing of yours is "
                                   "saved yet: choose what to keep.").format(
                name=self.name, time=moment_text(changed_at.astimezone(), with_year=True)))
        else:
            self.heading.setText(_("Someone else saved “{name}” after you opened it. Nothing of yours is saved yet: "
                                   "choose what to keep.").format(name=self.name))
        self.model.retranslate()
        self.table.setAccessibleName(_("Their version and yours, field by field"))
        names = [self.model.data(self.model.index(row, FIELD)) or "" for row in range(self.model.rowCount())]
        fit_columns(self.table, {FIELD: names}, stretch=(THEIRS, YOURS))
        bold = QFontMetrics(self.model.bold).horizontalAdvance  # the rows both changed are in bold
        header = self.table.horizontalHeader()
        header.resizeSection(FIELD, max([header.sectionSize(FIELD), *(bold(name) + PADDING for name in names)]))
        both = self.comparison.both_changed
        if both:
            self.merge_note.setText(_("Merge keeps their changes and adds yours where they changed nothing. You "
                                      "both changed {fields}: there theirs is kept (Overwrite with mine keeps "
                                      "yours).").format(fields=", ".join(self._label(f) for f in both)))
        else:
            self.merge_note.setText(_("Merge keeps their changes and adds yours: you changed different fields."))
        self.take_theirs_button.setText(_("&Keep theirs") if deleting else _("&Take theirs"))
        self.take_theirs_button.setToolTip(_("Show their version; what you typed is not saved") if not deleting
                                           else _("Do not delete; show their version"))
        self.merge_button.setText(_("&Merge"))
        self.merge_button.setToolTip(_("Save their changes together with yours"))
        self.overwrite_button.setText(_("&Delete anyway") if deleting else _("&Overwrite with mine"))
        self.overwrite_button.setToolTip(_("Delete it with their changes") if deleting
                                         else _("Save what you typed over their version"))
        self.cancel_button.setToolTip(_("Change nothing: what you typed stays in the form"))

    def choose(self, resolution: Resolution) -> None:
        self._chosen = resolution
        self.accept()

    def open_for(self, owner: object, attribute: str, on_resolved: Callable[[Resolution | None], None]) -> None:
        """Open (window-modal) with `on_resolved(choice)` called once it closes however it
        closes; `owner.<attribute>` holds it while open (views and tests find it there)."""
        def finished(choice: Resolution | None) -> None:
            setattr(owner, attribute, None)
            self.deleteLater()
            on_resolved(choice)

        self.resolved.connect(finished)
        setattr(owner, attribute, self)
        self.open()
