"""The customers the search found, as a table: name, country, org number, phone.

A register holds 100,000 customers; the table holds at most MAX_ROWS of them (the best
matches, or the first by name while the search is empty), so a keystroke resets a few
hundred rows at most and the view never lays out a hundred thousand.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from desktop.common.i18n import _
from desktop.gui.widgets.row_table_model import RowTableModel, ui_collator
from desktop.wording.phones import phone_text

if TYPE_CHECKING:
    from desktop.gui.operations.register import CustomerSummary

MAX_ROWS = 200
CUSTOMER_ID_ROLE = Qt.ItemDataRole.UserRole + 1

NAME, COUNTRY, ORG_NUMBER, PHONE = range(4)


def _headers() -> tuple[str, ...]:
    return _("Name"), _("Country"), _("Org number"), _("Phone")


class CustomerTableModel(RowTableModel):
    def __init__(self, parent=None):
        super().__init__(_headers, parent)

    def show(self, rows: list[CustomerSummary], by_name: bool = False) -> None:
        """`rows` in the order given (the best matches first), or `by_name`: in the UI
        language's alphabetical order (issue 16: Å, Ä, Ö after Z in Swedish, not as A and O)."""
        self.beginResetModel()
        self._rows = list(rows[:MAX_ROWS])
        if by_name:
            collator = ui_collator()
            self._rows.sort(key=lambda entry: (collator.sortKey(entry.name), entry.id))
        self.endResetModel()

    def summary(self, row: int) -> CustomerSummary:
        return self._rows[row]

    def row_of(self, customer_id: int) -> int:
        return next((row for row, entry in enumerate(self._rows) if entry.id == customer_id), -1)

    def names(self) -> list[str]:
        return [entry.name for entry in self._rows]

    @staticmethod
    def _cells(entry) -> tuple[str, str, str, str]:
        # The phone grouped for reading aloud in the customer's country (issue 16).
        return entry.name, entry.country, entry.org_number, phone_text(entry.phone, entry.country)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        entry = self._row_at(index)
        if entry is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._cells(entry)[index.column()]
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._cells(entry)[index.column()] or _("none")
        if role == CUSTOMER_ID_ROLE:
            return entry.id
        return None
