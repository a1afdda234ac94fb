"""The customers the search found, as a table: name, country, org number, phone.

A register holds 100,000 customers; the table holds at most MAX_ROWS of them (the best
matches, or the first by name while the search is empty), so a keystroke resets a few
hundred rows at most and the view never lays out a hundred thousand.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desktop.i18n import _

if TYPE_CHECKING:
    from domain.services.register import CustomerSummary

MAX_ROWS = 200
CUSTOMER_ID_ROLE = Qt.ItemDataRole.UserRole + 1

NAME, COUNTRY, ORG_NUMBER, PHONE = range(4)


class CustomerTableModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[CustomerSummary] = []
        self._headers = (_("Name"), _("Country"), _("Org number"), _("Phone"))

    def show(self, rows: list[CustomerSummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows[:MAX_ROWS])
        self.endResetModel()

    def summary(self, row: int) -> CustomerSummary:
        return self._rows[row]

    def row_of(self, customer_id: int) -> int:
        return next((row for row, entry in enumerate(self._rows) if entry.id == customer_id), -1)

    def names(self) -> list[str]:
        return [entry.name for entry in self._rows]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        entry = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (entry.name, entry.country, entry.org_number, entry.phone)[index.column()]
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return (entry.name, entry.country, entry.org_number, entry.phone)[index.column()] or _("none")
        if role == CUSTOMER_ID_ROLE:
            return entry.id
        return None
