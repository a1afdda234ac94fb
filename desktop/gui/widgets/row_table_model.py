"""A read-only table over a list of rows with fixed column headers.

The register, deadline, subscription and case tables all show plain values a row each;
this holds what they share, and each says in data() what a cell shows. Headers come
from a function, so `retranslate()` can say them again in a new language.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt


class RowTableModel(QAbstractTableModel):
    def __init__(self, headers: Callable[[], Sequence[str]], parent=None):
        super().__init__(parent)
        self._header_texts = headers
        self._headers = tuple(headers())
        self._rows: list = []

    def retranslate(self) -> None:
        """Headers and every cell in the current language: a model gets no LanguageChange
        event, so the view that shows it calls this on its own."""
        self._headers = tuple(self._header_texts())
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._headers) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self._headers) - 1))

    def _row_at(self, index: QModelIndex):
        """The row an index points at, or None for an invalid or stale index."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self._rows[index.row()]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None
