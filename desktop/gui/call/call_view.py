"""The call: find the customer as you type, see their card, and go from there.

Left: the search over the register (name, org number, phone, e-mail; the same finder
as Customers & notice). Right: the customer card (who, their desk now, subscriptions
with the soonest notice deadline, open escalations counting down, and the buttons to
the scope check, the notice answer and the escalation) and, under it, their journal.

The card is read through the worker (operations.card.read_card), one job at a
time: while one is on its way, a newer pick waits, and only the latest is read next, so
arrowing down the list or typing fast never queues a read per keystroke nor shows an
older customer last. The buttons ask the main window for the prefilled views with a
CallRequest: the card and the subscription picked in it.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from desktop.common.i18n import _
from desktop.gui.call.customer_card_widget import CustomerCardWidget
from desktop.gui.call.journal_panel_widget import JournalPanelWidget
from desktop.gui.operations import ChangedElsewhere
from desktop.gui.operations import card as card_operations
from desktop.gui.widgets.customer_finder_widget import CustomerFinderWidget
from desktop.gui.widgets.customer_table_model import PHONE
from desktop.gui.widgets.retranslating import Retranslating

if TYPE_CHECKING:
    from desktop.gui.operations.card import CustomerCard
    from desktop.gui.view_context import ViewContext
    from domain.customers import Subscription


@dataclass(frozen=True)
class CallRequest:
    """What the card asks another view to answer: for this customer, this subscription
    (the one picked in the card, else the soonest deadline's; None without any)."""

    card: CustomerCard
    subscription: Subscription | None


class CallView(Retranslating, QWidget):
    customerOpened = Signal(object)  # the CustomerCard now shown
    scopeRequested = Signal(object)  # a CallRequest
    noticeRequested = Signal(object)  # a CallRequest
    escalationRequested = Signal(object)  # a CallRequest

    def __init__(self, context: ViewContext, parent=None):
        super().__init__(parent)
        self.worker, self.hours, self.clock = context.worker, context.hours, context.clock
        self._wanted: int | None = None  # the customer last asked for
        self._reading = False  # a card read is on its way
        self._stale = False  # ... and a newer one was asked for meanwhile

        self.finder = CustomerFinderWidget(context.customer_index, self)
        self.finder.new_button.hide()  # new customers are added in Customers & notice, not on a call
        self.finder.empty_text = _empty_register_text  # ... so its empty note does not name that button
        # Room for the name: the search finds by phone too, and the card shows the number.
        self.finder.table.setColumnHidden(PHONE, True)
        self.finder.setMinimumWidth(240)
        self.card_widget = CustomerCardWidget(self.hours, self.clock, self)
        self.journal_panel = JournalPanelWidget(self.worker, self.clock, self)
        self.search_edit = self.finder.search_edit

        # The agent may give the card or the journal more room, and the list more width.
        self.right = QSplitter(Qt.Orientation.Vertical, self)
        self.right.addWidget(self.card_widget)
        self.right.addWidget(self.journal_panel)
        self.right.setChildrenCollapsible(False)
        self.right.setStretchFactor(0, 2)
        self.right.setStretchFactor(1, 1)
        self.right.setSizes([540, 220])
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.finder)
        self.splitter.addWidget(self.right)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([300, 800])
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 12, 12, 12)
        outer.addWidget(self.splitter)

        # Reading order: find, pick, the card, the journal.
        order = [self.search_edit, self.finder.table, *self.card_widget.controls(), *self.journal_panel.controls()]
        for before, after in zip(order, order[1:]):
            self.setTabOrder(before, after)

        self.finder.customerPicked.connect(self.open_customer)
        self.finder.detailsRequested.connect(self._focus_card)
        self.card_widget.scopeRequested.connect(lambda: self._request(self.scopeRequested))
        self.card_widget.noticeRequested.connect(lambda: self._request(self.noticeRequested))
        self.card_widget.escalationRequested.connect(lambda: self._request(self.escalationRequested))
        self.card_widget.dayChanged.connect(self.reload_card)
        self.worker.changed_elsewhere.connect(self._on_elsewhere)
        self.retranslate()
        self.finder.reload()

    def retranslate(self) -> None:
        """The view's own texts (its parts re-read theirs on the same event); the customer
        open, the search typed and the subscription picked stay."""
        self.setAccessibleName(_("Call"))
        self.finder.setAccessibleName(_("Find the customer on the call"))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Back from another view, where a subscription, a case or an entry may have been saved.
        if self.current_card is not None:
            self.reload_card()
            self.journal_panel.refresh()

    # --- for the main window ---------------------------------------------------------------------

    def unsaved_changes(self) -> list[str]:
        """What the agent typed here and has not saved (asked before quitting)."""
        return self.journal_panel.unsaved_changes()

    def focus_search(self) -> None:
        """Ctrl+F from anywhere: the search, its text selected, ready to type over."""
        self.search_edit.selectAll()
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    @property
    def current_card(self) -> CustomerCard | None:
        return self.card_widget.card

    def ticket_text(self) -> str:
        """The open customer's card as text for the ticket (Ctrl+Shift+C, issue 16); "" without one."""
        return self.card_widget.ticket_text()

    def current_subscription(self) -> Subscription | None:
        """The subscription selected in the card, else the one with the soonest deadline."""
        return self.card_widget.current_subscription()

    def open_customer(self, customer_id: int) -> None:
        """Open `customer_id`'s card (and journal); the latest customer asked for wins."""
        self._wanted = customer_id
        self.finder.mark(customer_id)
        if self._reading:
            self._stale = True
            return
        self._read()

    def reload_card(self) -> None:
        """Read the open customer's card again (a new day, a change made elsewhere)."""
        if self._wanted is not None:
            self.open_customer(self._wanted)

    def _on_elsewhere(self, news: ChangedElsewhere) -> None:
        """A colleague changed the customer on the call, a subscription, a case or the
        journal of theirs (issue 15, "Live"): the card or the journal follows."""
        customer_id = self._wanted
        if customer_id is None:
            return
        if any(news.touches(kind, customer_id=customer_id) for kind in ("customer", "subscription", "case")):
            self.reload_card()  # the journal is read again with the card
        elif news.touches("journal", customer_id=customer_id):
            self.journal_panel.refresh()

    def reload_register(self) -> None:
        """Read the register again for the search (after customers were added, changed or
        deleted elsewhere), and the open card with it."""
        self.finder.reload()
        self.reload_card()

    # --- reading the card ----------------------------------------------------------------------------

    def _read(self) -> None:
        self._reading, self._stale = True, False
        customer_id, days = self._wanted, self._days()
        now = self.clock()
        guess = days.get(self._expected_country(customer_id), now.astimezone().date())
        self.worker.run(lambda store: card_operations.read_card(store, customer_id, days, guess), self._on_card, self._on_failed)

    def _days(self) -> dict[str, dt.date]:
        """Today on each desk's clock."""
        now = self.clock()
        return {country: now.astimezone(policy.desk.zone).date() for country, policy in self.hours.policies.items()}

    def _expected_country(self, customer_id: int) -> str | None:
        """The customer's country as the list (or the card shown) has it."""
        row = self.finder.model.row_of(customer_id)
        if row >= 0:
            return self.finder.model.summary(row).country
        card = self.current_card
        return card.customer.country if card is not None and card.customer.id == customer_id else None

    def _on_card(self, card: CustomerCard) -> None:
        self._reading = False
        if self._stale:  # the agent moved on: read the latest, show nothing older
            self._read()
            return
        previous = self.current_card
        same = previous is not None and previous.customer.id == card.customer.id
        self.card_widget.show_card(card, keep_subscription=same)
        self.journal_panel.set_customer(card.customer)
        self.customerOpened.emit(card)

    def _on_failed(self, message: str) -> None:
        self._reading = False
        if self._stale:
            self._read()
            return
        self.card_widget.show_problem(message)
        self.journal_panel.set_customer(None)

    # --- from the card -------------------------------------------------------------------------------

    def _request(self, signal) -> None:
        card = self.current_card
        if card is not None:
            signal.emit(CallRequest(card, self.current_subscription()))

    def _focus_card(self) -> None:
        """Enter on the list: on into the card, at its first control that can take it."""
        for widget in self.card_widget.controls():
            if widget.isVisible() and widget.isEnabled():
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                return


def _empty_register_text() -> str:
    """The call view's note when the register is empty (issue 16: it showed literal
    backticks and named the New customer button, which this view does not have)."""
    return _("No customers yet: add them in {view}, or import a register file with the deskguide import "
             "command.").format(view=_("Customers & notice"))
