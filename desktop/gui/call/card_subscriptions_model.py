"""The customer card's subscriptions: product, the next notice deadline and the days
left to it, term and seats, soonest first (the card service orders them).

The soonest deadline is the one the agent must mention on the call: its row is bold and
its days-left cell carries a marker, which a screen reader hears too (the marker's
meaning is in the cell's accessible text), so it is never told by weight alone.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from desktop.common.i18n import _
from desktop.gui.widgets.row_table_model import RowTableModel
from desktop.wording.notice import day_text, days_left_text, number_text, term_text

if TYPE_CHECKING:
    from desktop.gui.operations.card import CardSubscription
    from domain.customers import Subscription

# What the call is about first: on a narrow card the term and the seats scroll off, not the deadline.
PRODUCT, DEADLINE, DAYS_LEFT, TERM, SEATS = range(5)
SUBSCRIPTION_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SOONEST_MARKER = "★"  # the same in every language; the words are in the accessible text


def _headers() -> tuple[str, ...]:
    return _("Product"), _("Notice deadline"), _("Days left"), _("Term"), _("Seats")


class CardSubscriptionsModel(RowTableModel):
    def __init__(self, parent=None):
        super().__init__(_headers, parent)
        self._soonest: int | None = None
        self._bold = QFont()
        self._bold.setBold(True)

    def show(self, subscriptions: tuple[CardSubscription, ...], soonest_id: int | None) -> None:
        self.beginResetModel()
        self._rows = list(subscriptions)
        self._soonest = soonest_id
        self.endResetModel()

    def subscription(self, row: int) -> Subscription:
        return self._rows[row].subscription

    def row_of(self, subscription_id: int | None) -> int:
        return next((row for row, entry in enumerate(self._rows) if entry.subscription.id == subscription_id), -1)

    def soonest_row(self) -> int:
        return self.row_of(self._soonest) if self._soonest is not None else -1

    def is_soonest(self, row: int) -> bool:
        return self._soonest is not None and self._rows[row].subscription.id == self._soonest

    def text(self, row: int, column: int) -> str:
        """What the cell shows (the marker included)."""
        entry = self._rows[row]
        if column == DAYS_LEFT and self.is_soonest(row):
            return f"{SOONEST_MARKER} {self._days_left(entry)}"
        return self._plain(entry, column)

    def accessible_text(self, row: int, column: int) -> str:
        """What a screen reader says for the cell: the marker in words."""
        entry = self._rows[row]
        if column == DAYS_LEFT and self.is_soonest(row):
            return _("{left}, the soonest notice deadline").format(left=self._days_left(entry))
        return self._plain(entry, column) or _("none")

    @staticmethod
    def _days_left(entry: CardSubscription) -> str:
        return days_left_text(entry.days_left) if entry.days_left is not None else ""

    def _plain(self, entry: CardSubscription, column: int) -> str:
        subscription = entry.subscription
        if column == PRODUCT:
            return subscription.product
        if column == TERM:
            return term_text(subscription.term)
        if column == SEATS:
            return number_text(subscription.seats)
        if column == DEADLINE:
            # Pay-as-you-go has no notice period (terms §10); the tooltip says so.
            return day_text(entry.next_deadline) if entry.next_deadline is not None else _("None")
        return self._days_left(entry)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        entry = self._row_at(index)
        if entry is None:
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, column)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.accessible_text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column in (DEADLINE, DAYS_LEFT) and entry.next_deadline is None:
                return _("No notice period: pay-as-you-go ends once the cancellation is handled (terms §10)")
            return self.accessible_text(row, column)
        if role == Qt.ItemDataRole.FontRole and self.is_soonest(row):
            return self._bold
        if role == Qt.ItemDataRole.TextAlignmentRole and column == SEATS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == SUBSCRIPTION_ID_ROLE:
            return entry.subscription.id
        return None
