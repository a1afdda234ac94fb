"""A one-line label that gives way: its text shortened in the middle with "…" when the
space is short, the whole text in its tooltip and accessible description."""
from __future__ import annotations

# Not `Qt` here (issue 17): its first use builds ~140 enums (~15 ms), and this label is
# built before the first frame, when it has nothing to shorten yet.
from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class ElidedLabel(QLabel):
    """The status bar's database (issue 16): "Local database /home/…/deskguide.sqlite3"
    must never push the four desks' answers off a 1024-pixel screen."""

    def __init__(self, parent: QWidget | None = None, *, minimum_chars: int = 12):
        super().__init__(parent)
        self._full = ""
        self._minimum_chars = minimum_chars
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def set_full_text(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self.setAccessibleDescription(text)
        self._elide()

    def full_text(self) -> str:
        return self._full

    def sizeHint(self) -> QSize:
        return QSize(self.fontMetrics().horizontalAdvance(self._full) + 8, super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        return QSize(self.fontMetrics().averageCharWidth() * self._minimum_chars, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        if not self._full and not self.text():
            return  # nothing to shorten (the database is named once it is open)
        from PySide6.QtCore import Qt

        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideMiddle, max(0, self.width() - 4))
        if shown != self.text():
            super().setText(shown)
