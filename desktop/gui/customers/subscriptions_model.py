"""One customer's subscriptions as a table, with each one's next notice deadline.

The deadline is the first one the customer can still make on `today`
(domain.notice.next_notice_deadline), so the agent sees at a glance which subscription
is urgent before opening any.
"""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from desktop.common.i18n import _
from desktop.gui.widgets.row_table_model import RowTableModel
from desktop.wording.notice import day_text, days_left_text, number_text, short_date_text, term_text
from domain.customers import Subscription
from domain.notice import Term, next_notice_deadline

SUBSCRIPTION_ID_ROLE = Qt.ItemDataRole.UserRole + 1

PRODUCT, TERM, START, SEATS, END_USER_SUPPORT, FROM_RESELLER, DEADLINE = range(7)


def _headers() -> tuple[str, ...]:
    return _("Product"), _("Term"), _("Start"), _("Seats"), _("Support"), _("From us"), _("Deadline")


def _header_tips() -> tuple[str, ...]:
    return ("", _("The first term; afterwards it renews for 12 months at a time (terms §10)"), _("Start date"),
            _("Seats (users)"), _("End-user support included (terms §4)"),
            _("Bought from us, the reseller (terms §4)"),
            _("The next notice deadline: the last day the customer's written notice may arrive (terms §10)"))


class SubscriptionsModel(RowTableModel):
    def __init__(self, parent=None):
        super().__init__(_headers, parent)
        self._today = dt.date.today()
        self._header_tips = _header_tips()

    def retranslate(self) -> None:
        """Headers and cells (terms, dates, Yes/No) in the current language: a model gets no
        LanguageChange, its view calls this."""
        self._header_tips = _header_tips()
        super().retranslate()

    def show(self, subscriptions: tuple[Subscription, ...] | list[Subscription], today: dt.date) -> None:
        self.beginResetModel()
        self._today = today
        self._rows = [(s, _deadline(s, today)) for s in subscriptions]
        self.endResetModel()

    def subscription(self, row: int) -> Subscription:
        return self._rows[row][0]

    def row_of(self, subscription_id: int | None) -> int:
        return next((row for row, (s, _d) in enumerate(self._rows) if s.id == subscription_id), -1)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._header_tips[section] or None
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        row = self._row_at(index)
        if row is None:
            return None
        subscription, deadline = row
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(subscription, deadline, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == DEADLINE and deadline is not None:
                return _("{day}: {left}").format(day=day_text(deadline),
                                                 left=days_left_text((deadline - self._today).days))
            if column == DEADLINE:
                return _("No notice period: pay-as-you-go ends once the cancellation is handled (terms §10)")
            return self._text(subscription, deadline, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == SEATS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == SUBSCRIPTION_ID_ROLE:
            return subscription.id
        return None

    @staticmethod
    def _text(subscription: Subscription, deadline: dt.date | None, column: int) -> str:
        if column == PRODUCT:
            return subscription.product
        if column == TERM:
            return term_text(subscription.term)
        if column == START:
            return short_date_text(subscription.start_date)
        if column == SEATS:
            return number_text(subscription.seats)
        if column == END_USER_SUPPORT:
            return _("Yes") if subscription.end_user_support else _("No")
        if column == FROM_RESELLER:
            return _("Yes") if subscription.from_reseller else _("No")
        if subscription.term is Term.PAYG:
            return _("None")  # the tooltip says why
        return short_date_text(deadline) if deadline is not None else ""


def _deadline(subscription: Subscription, today: dt.date) -> dt.date | None:
    if subscription.term is Term.PAYG:
        return None
    return next_notice_deadline(subscription.start_date, subscription.term, today)
