"""A read-only table over a list of rows with fixed column headers.

The register, deadline, subscription and case tables all show plain values a row each;
this holds what they share, and each says in data() what a cell shows. Headers come
from a function, so `retranslate()` can say them again in a new language.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QCollator, QLocale, QModelIndex, QPersistentModelIndex, Qt

from desktop.common.i18n import current_locale
from desktop.common.language_choice import QT_LOCALES


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

    # --- sorting: by the UI language's alphabet (issue 16) ---------------------------------

    def sort_value(self, row: int, column: int) -> object:
        """What a cell sorts by: the text it shows, unless a model says otherwise."""
        return self.data(self.index(row, column), Qt.ItemDataRole.DisplayRole)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Rows by `column`, texts compared as the UI language's alphabet has it: Å, Ä, Ö
        after Z in Swedish, Æ, Ø, Å in Danish and Norwegian; digits by their value."""
        if not self._rows or not 0 <= column < len(self._headers):
            return
        collator = ui_collator()
        keys = [(self.sort_value(position, column), position) for position in range(len(self._rows))]
        ranked = sorted(keys, key=lambda entry: _sort_key(collator, entry[0]),
                        reverse=order == Qt.SortOrder.DescendingOrder)
        self.layoutAboutToBeChanged.emit()
        moved = {old: new for new, (_value, old) in enumerate(ranked)}
        self._rows = [self._rows[old] for _value, old in ranked]
        persistent = self.persistentIndexList()
        self.changePersistentIndexList(persistent, [
            self.index(moved[index.row()], index.column()) if 0 <= index.row() < len(moved) else QModelIndex()
            for index in persistent])
        self.layoutChanged.emit()


def ui_collator() -> QCollator:
    """The UI language's collation: the language the texts are in (desktop.common.i18n),
    not whatever QLocale's default is (the system's, "C" in a bare session, before
    apply_language sets it)."""
    language = current_locale()
    collator = QCollator(QLocale(QT_LOCALES.get(language, language)))
    collator.setNumericMode(True)  # "Kontor 9" before "Kontor 10"
    collator.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    return collator


def _sort_key(collator: QCollator, value: object) -> tuple:
    # Empty cells last, texts by the collation; numbers, dates and the like by themselves.
    if value is None or value == "":
        return (2, b"")
    if isinstance(value, str):
        return (1, collator.sortKey(value))
    return (0, value)
