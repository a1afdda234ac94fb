"""The customer on the call at a glance: who they are, their country's desk right now,
their subscriptions with the soonest notice deadline marked, their open escalations
counting down, and the buttons that open the scope check, the notice answer, the
escalation and the claim (issue 19) prefilled with what the card knows.

The card is shown from a CustomerCard (operations.card) (read through the worker by
the call view); everything else here is computed on the GUI thread from plain values:
the desk from the HoursModel's answers, the countdowns from the clock. The minute tick
redraws both, and reports a new day (the days left then count from it) to the view.
"""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QItemSelectionModel, QObject, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.common.i18n import _, country_name
from desktop.gui.call.card_subscriptions_model import DAYS_LEFT, DEADLINE, PRODUCT, CardSubscriptionsModel
from desktop.gui.widgets.case_table_model import COUNTRY, CUSTOMER, DUE, PEOPLE, SEVERITY, STATUS, CaseTableModel
from desktop.gui.widgets.case_table_model import PRODUCT as CASE_PRODUCT
from desktop.gui.widgets.cases_widget import WIDEST_DUE
from desktop.gui.widgets.column_widths import fit_columns
from desktop.gui.widgets.customer_finder_widget import register_table
from desktop.gui.widgets.desk_card import show_desk_state
from desktop.gui.widgets.phone_label import PhoneLabel
from desktop.gui.widgets.retranslating import Retranslating
from desktop.gui.widgets.wrapped_label import name_heading, wrapped_label
from desktop.wording import hours as hours_text
from desktop.wording.notice import offering_text

if TYPE_CHECKING:
    from desktop.gui.operations.card import CustomerCard
    from desktop.gui.platform.store_worker import Clock
    from desktop.gui.widgets.hours_model import HoursModel
    from domain.customers import Subscription
    from domain.opening_hours import DeskStatus

MAX_SUBSCRIPTION_ROWS = 6  # more, and the table scrolls instead of pushing the cases out of sight
MAX_CASE_ROWS = 4
MIN_PRODUCT_WIDTH = 170  # px: "Microsoft 365 Business Pre…" still says which one it is
_FACTS = ("org_number", "country", "contact", "phone", "email", "offering")  # the card's rows, in order


def fit_rows(table: QTableView, rows: int, most: int, scrolls_sideways: bool = False) -> None:
    """The table as tall as `rows` rows (at least one, at most `most`), and the horizontal
    scroll bar when the columns are wider than the table: no row hides below it."""
    shown = max(1, min(most, rows))
    row_height = table.verticalHeader().defaultSectionSize()
    header = max(table.horizontalHeader().sizeHint().height(), row_height)
    height = header + shown * row_height + 2 * table.frameWidth() + 2
    if scrolls_sideways:
        height += table.horizontalScrollBar().sizeHint().height()
    if table.height() != height:
        table.setFixedHeight(height)


class DeskNowWidget(QGroupBox):
    """The desk of the customer's country now: the state in words and colour (as the
    hours view's cards say it), until when or when it opens, why it is closed, its phone."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.country: str | None = None
        self._colour = ""
        self.state = QLabel(self)
        self.state.setAlignment(Qt.AlignmentFlag.AlignCenter)
        state_font = QFont(self.font())
        state_font.setBold(True)
        state_font.setPointSizeF(state_font.pointSizeF() * 1.2)
        self.state.setFont(state_font)
        self.when = wrapped_label(self)
        when_font = QFont(self.font())
        when_font.setBold(True)
        self.when.setFont(when_font)
        self.reason = wrapped_label(self)
        self.phone = PhoneLabel(self)  # agents dial it or paste it: copied as stored (issue 16)

        top = QHBoxLayout()
        top.addWidget(self.state, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.when, 1)
        layout = QVBoxLayout(self)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.reason)
        layout.addWidget(self.phone)

    def show_status(self, country: str, status: DeskStatus | None, failed: bool = False) -> None:
        """`status` None: the desks are not loaded yet, or (`failed`) could not be."""
        self.country = country
        self.setTitle(_("{country} desk now").format(country=country_name(country)))
        self.setAccessibleName(_("{country} desk").format(country=country_name(country)))
        if status is None:
            self.state.hide()
            self.when.setText(_("The desks could not be loaded.") if failed else _("Loading the desks…"))
            self.reason.clear()
            self.phone.clear()
        else:
            self._colour = show_desk_state(status, self.state, self.when, self.reason, self._colour)
            self.state.show()
            self.phone.show_phone(status.phone, status.country, _("Phone: {phone}"))
        for label in (self.reason, self.phone):
            label.setVisible(bool(label.text()))
        self.setAccessibleDescription(self.text())

    @property
    def colour(self) -> str:
        """The state's colour ("" while no state is shown)."""
        return "" if self.state.isHidden() else self._colour

    def text(self) -> str:
        """What the box says, in reading order (screen readers, tests)."""
        labels = (self.state, self.when, self.reason, self.phone)
        return "\n".join(label.text() for label in labels if label.text() and not label.isHidden())


class CustomerCardWidget(Retranslating, QWidget):
    scopeRequested = Signal()
    noticeRequested = Signal()
    escalationRequested = Signal()
    claimRequested = Signal()  # issue 19: a claim after an outage, for this customer
    dayChanged = Signal()  # the customer's day turned: the days left count from the new one

    def __init__(self, hours: HoursModel, clock: Clock, parent=None):
        super().__init__(parent)
        self.hours, self.clock = hours, clock
        self.card: CustomerCard | None = None
        self._problem: str | None = None  # why the card could not be opened (said in the hint)

        self._build()
        self._lay_out()
        self._connect()
        self.retranslate()
        self.show_card(None)

    def _build(self) -> None:
        self.hint = wrapped_label(self)
        self.name_label = name_heading(self)
        self.changed_label = wrapped_label(self)  # who saved the customer last (issue 15)

        # --- who: the facts, a row each ------------------------------------------------------------
        self.facts = QWidget(self)
        self.fact_titles: dict[str, QLabel] = {}
        self.fact_values: dict[str, QLabel] = {}
        for key in _FACTS:
            title = QLabel(self.facts)
            value = PhoneLabel(self.facts) if key == "phone" else wrapped_label(self.facts, selectable=True)
            title.setBuddy(value)
            self.fact_titles[key], self.fact_values[key] = title, value
        self.desk = DeskNowWidget(self)

        # --- what: the buttons, the subscriptions, the open escalations -----------------------------
        self.subscriptions_box = QGroupBox(self)
        self.subscriptions = CardSubscriptionsModel(self)
        self.subscription_table = register_table(self, "")
        self.subscription_table.setModel(self.subscriptions)
        header = self.subscription_table.horizontalHeader()
        # A customer has a handful of subscriptions: the columns as wide as what they hold
        # (not the widest any could hold); the product takes the rest, see _fit_product().
        for column in range(self.subscriptions.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(PRODUCT, QHeaderView.ResizeMode.Interactive)
        self.subscriptions_empty = wrapped_label(self.subscriptions_box)

        self.scope_button = QPushButton(self)
        self.notice_button = QPushButton(self)
        self.escalate_button = QPushButton(self)
        self.claim_button = QPushButton(self)

        self.cases_box = QGroupBox(self)
        self.cases = CaseTableModel(self)
        self.case_table = register_table(self, "")
        self.case_table.setModel(self.cases)
        # The card is one customer's, in their country; who opened a case is the case list's.
        for column in (CUSTOMER, COUNTRY, PEOPLE):
            self.case_table.setColumnHidden(column, True)
        self.cases_empty = wrapped_label(self.cases_box)

    def _lay_out(self) -> None:
        # A grid, not a QFormLayout: the form lays wrapped values out shorter than the
        # height it asks for them, and a long e-mail address was cut.
        grid = QGridLayout(self.facts)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(1, 1)
        for row, key in enumerate(_FACTS):
            grid.addWidget(self.fact_titles[key], row, 0, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            grid.addWidget(self.fact_values[key], row, 1)
        box = QVBoxLayout(self.subscriptions_box)
        box.addWidget(self.subscription_table)
        box.addWidget(self.subscriptions_empty)
        buttons = QHBoxLayout()
        for button in self.buttons():
            buttons.addWidget(button)
        buttons.addStretch(1)
        box = QVBoxLayout(self.cases_box)
        box.addWidget(self.case_table)
        box.addWidget(self.cases_empty)
        content = QWidget(self)
        column = QVBoxLayout(content)
        column.setContentsMargins(4, 0, 4, 0)
        column.setSpacing(10)
        column.addWidget(self.hint)
        column.addWidget(self.name_label)
        column.addWidget(self.changed_label)
        who = QHBoxLayout()
        who.setSpacing(12)
        who.addWidget(self.facts, 3)
        who.addWidget(self.desk, 2, Qt.AlignmentFlag.AlignTop)
        column.addLayout(who)
        column.addLayout(buttons)  # in sight without scrolling, however many subscriptions
        column.addWidget(self.subscriptions_box)
        column.addWidget(self.cases_box)
        column.addStretch(1)
        self.scroll = QScrollArea(self)  # a small screen scrolls the card; nothing is squeezed or cut
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Not a tab stop of its own: Tab goes from control to control, and the area scrolls
        # to the one that takes the focus.
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll)

        for before, after in zip(self.controls(), self.controls()[1:]):
            self.setTabOrder(before, after)

    def _connect(self) -> None:
        self.scope_button.clicked.connect(self.scopeRequested)
        self.notice_button.clicked.connect(self.noticeRequested)
        self.escalate_button.clicked.connect(self.escalationRequested)
        self.claim_button.clicked.connect(self.claimRequested)
        self.scroll.viewport().installEventFilter(self)
        self.subscription_table.viewport().installEventFilter(self)
        self.subscription_table.horizontalHeader().sectionResized.connect(self._on_section_resized)
        self.hours.loaded.connect(self._on_hours_loaded)
        self.hours.failed.connect(self._on_hours_failed)
        self.hours.ticked.connect(self.tick)

    def buttons(self) -> list[QPushButton]:
        return [self.scope_button, self.notice_button, self.escalate_button, self.claim_button]

    def controls(self) -> list[QWidget]:
        """The card's focusable parts in reading order (the view chains them after the search)."""
        return [*self.buttons(), self.subscription_table, self.case_table]

    def retranslate(self) -> None:
        """Every text in the current language; the customer and the subscription picked stay."""
        self.hint.setAccessibleName(_("About the customer card"))
        self.name_label.setAccessibleName(_("Customer"))
        titles = {"org_number": _("Org number:"), "country": _("Country:"), "contact": _("Contact:"),
                  "phone": _("Phone:"), "email": _("E-mail:"), "offering": _("Microsoft support:")}
        for key, title in titles.items():
            self.fact_titles[key].setText(title)
            self.fact_values[key].setAccessibleName(title.rstrip(":"))
        self.subscriptions_box.setTitle(_("Subscriptions, soonest notice deadline first"))
        self.subscriptions_box.setAccessibleName(_("Subscriptions"))
        self.subscription_table.setAccessibleName(_("Subscriptions, soonest notice deadline first"))
        self.subscriptions_empty.setText(_("No subscriptions"))
        self.subscriptions_empty.setAccessibleName(_("No subscriptions"))
        self.subscriptions.retranslate()
        self.scope_button.setText(_("Check sc&ope…"))
        self.scope_button.setAccessibleName(_("Check the support scope for this customer"))
        self.notice_button.setText(_("&Notice…"))
        self.notice_button.setAccessibleName(_("Notice answer for the selected subscription"))
        self.escalate_button.setText(_("&Escalate…"))
        self.escalate_button.setAccessibleName(_("Escalate to Microsoft for this customer"))
        self.claim_button.setText(_("Cl&aim…"))
        self.claim_button.setAccessibleName(_("Claim after an outage or a loss, for this customer"))
        self.cases_box.setTitle(_("Open escalations"))
        self.cases_box.setAccessibleName(_("Open escalations"))
        self.case_table.setAccessibleName(_("Open escalations, most urgent first"))
        self.cases_empty.setText(_("No open escalations"))
        self.cases_empty.setAccessibleName(_("No open escalations"))
        self.cases.retranslate()
        # The status and the product share the rest: a countdown is bold, wider than the
        # font measures it, and a product name may be long.
        fit_columns(self.case_table, {DUE: [hours_text.moment_text(WIDEST_DUE, with_year=True)], SEVERITY: ["A"]},
                    stretch=(STATUS, CASE_PRODUCT))
        self._show_texts()

    # --- showing a customer -----------------------------------------------------------------------

    def show_card(self, card: CustomerCard | None, keep_subscription: bool = False) -> None:
        """Show `card` (None: no customer yet). `keep_subscription`: the same customer again
        (a new day, a refresh): the subscription the agent picked stays picked."""
        kept = self.selected_subscription() if keep_subscription else None
        self.card, self._problem = card, None
        shown = card is not None
        for widget in (self.name_label, self.facts, self.desk, self.subscriptions_box, self.cases_box):
            widget.setVisible(shown)
        for button in self.buttons():
            button.setEnabled(shown)
        self.hint.setVisible(not shown)
        if card is None:
            self.changed_label.hide()
            self.subscriptions.show((), None)
            self.cases.show([], {}, self.clock())
        else:
            self.subscriptions.show(card.subscriptions, card.soonest_subscription_id)
            row = self.subscriptions.row_of(kept.id) if kept is not None else -1
            if row < 0:
                row = self.subscriptions.soonest_row()
            self._select_subscription_row(row if row >= 0 else 0)
            self.cases.show(list(card.open_cases), self._zones(), self.clock())
            self.notice_button.setEnabled(bool(card.subscriptions))  # no subscription, no notice to answer
        self._show_texts()
        self._refit()

    def show_problem(self, message: str) -> None:
        """The customer could not be opened: say why where the card would be."""
        self.show_card(None)
        self._problem = message
        self._show_texts()

    def _show_texts(self) -> None:
        """The texts worded from the card (again after a language switch)."""
        card = self.card
        if card is None:
            self.setAccessibleName(_("Customer card"))
            self.hint.setText(_("The customer could not be opened: {reason}").format(reason=self._problem)
                              if self._problem else
                              _("Find the customer on the left by name, org number, phone or e-mail, and press "
                                "Enter: their card shows the desk in their country, their subscriptions and "
                                "notice deadlines, and their open escalations."))
            return
        customer = card.customer
        self.name_label.setText(customer.name)
        from desktop.wording.hours import last_change_text

        self.changed_label.setText(last_change_text(customer.changed, self.clock()))
        self.changed_label.setVisible(bool(self.changed_label.text()))
        from domain.customers import Offering

        values = {"org_number": customer.org_number, "country": country_name(customer.country),
                  "contact": customer.contact, "phone": customer.phone, "email": customer.email,
                  "offering": offering_text(Offering(customer.offering))}
        for key, value in values.items():
            self.fact_values[key].setText(value or _("not recorded"))
        if customer.phone.strip():  # grouped to read aloud, copied as stored (issue 16)
            self.fact_values["phone"].show_phone(customer.phone, customer.country)
        self._show_desk()
        has_subscriptions, has_cases = bool(card.subscriptions), bool(card.open_cases)
        self.subscription_table.setVisible(has_subscriptions)
        self.subscriptions_empty.setVisible(not has_subscriptions)
        self._fit_product()
        self.case_table.setVisible(has_cases)
        self.cases_empty.setVisible(not has_cases)
        fit_rows(self.case_table, len(card.open_cases), MAX_CASE_ROWS)
        self.setAccessibleName(_("Customer card: {name}").format(name=customer.name))

    def _show_desk(self) -> None:
        if self.card is None:
            return
        country = self.card.customer.country
        status = next((s for s in self.hours.statuses(self.clock()) if s.country == country), None)
        self.desk.show_status(country, status, failed=self.hours.error is not None)

    def _zones(self) -> dict:
        return {country: policy.desk.zone for country, policy in self.hours.policies.items()}

    def today(self) -> dt.date | None:
        """The customer's today, on their country desk's clock (None without a customer)."""
        if self.card is None:
            return None
        policy = self.hours.policies.get(self.card.customer.country)
        now = self.clock()
        return (now.astimezone(policy.desk.zone) if policy is not None else now.astimezone()).date()

    # --- live: the minute tick ----------------------------------------------------------------------

    def tick(self) -> None:
        """The minute turned: the desk and the countdowns move; a new day is reported."""
        if self.card is None:
            return
        self._show_desk()
        self.cases.set_now(self.clock())
        if self._day_changed():
            self.dayChanged.emit()

    def _day_changed(self) -> bool:
        shown = self.card.subscriptions
        today = self.today()
        # The days left were counted from the day the card was read: a turned day counts anew.
        return any(s.next_deadline is not None and s.days_left is not None
                   and (s.next_deadline - today).days != s.days_left for s in shown)

    def _on_hours_failed(self, _message: str) -> None:
        self._show_desk()  # says the desks could not be loaded (the window shows the reason)

    def _on_hours_loaded(self) -> None:
        if self.card is not None:
            self._show_desk()
            self.cases.show(list(self.card.open_cases), self._zones(), self.clock())  # on the customer's clock

    # --- the subscription picked ----------------------------------------------------------------------

    def selected_subscription(self) -> Subscription | None:
        index = self.subscription_table.currentIndex()
        if self.card is None or not index.isValid() or index.row() >= self.subscriptions.rowCount():
            return None
        return self.subscriptions.subscription(index.row())

    def current_subscription(self) -> Subscription | None:
        """The subscription selected in the card, else the one with the soonest deadline."""
        selected = self.selected_subscription()
        if selected is not None or self.card is None:
            return selected
        row = self.subscriptions.soonest_row()
        return self.subscriptions.subscription(row) if row >= 0 else None

    def _select_subscription_row(self, row: int) -> None:
        selection = self.subscription_table.selectionModel()
        if not 0 <= row < self.subscriptions.rowCount():
            selection.clear()
            return
        index = self.subscriptions.index(row, PRODUCT)
        selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                  | QItemSelectionModel.SelectionFlag.Rows)
        self.subscription_table.scrollTo(index)

    # --- layout ------------------------------------------------------------------------------------------

    def _refit(self) -> None:
        """New text in wrapped labels: let the scroll area measure the card again (as
        CustomersView._refit explains, it does not ask by itself)."""
        self.scroll.widget().layout().invalidate()
        QCoreApplication.postEvent(self.scroll, QEvent(QEvent.Type.LayoutRequest))

    def _fit_product(self) -> None:
        """The product column takes what the others leave, but never less than
        MIN_PRODUCT_WIDTH: on a narrow card the last columns (term, seats) scroll instead
        of the product shrinking to "Mic…" (a stretched column would)."""
        table = self.subscription_table
        header = table.horizontalHeader()
        others = sum(header.sectionSize(column) for column in range(header.count()) if column != PRODUCT)
        width = max(MIN_PRODUCT_WIDTH, table.viewport().width() - others)
        if header.sectionSize(PRODUCT) != width:
            header.resizeSection(PRODUCT, width)
        rows = len(self.card.subscriptions) if self.card is not None else 0
        fit_rows(table, rows, MAX_SUBSCRIPTION_ROWS, scrolls_sideways=others + width > table.viewport().width())

    def _on_section_resized(self, column: int, _old: int, _new: int) -> None:
        if column != PRODUCT:  # a column fitted its contents: the product takes the rest
            self._fit_product()

    # --- the card as text for the ticket (Ctrl+Shift+C, issue 16) -------------------------------

    def ticket_text(self) -> str:
        """The card as plain text, as it reads now: the customer, their desk now, the notice
        deadlines and the open cases with their due times; "" without a customer."""
        card = self.card
        if card is None:
            return ""
        customer = card.customer
        lines = [customer.name]
        for label, value in ((_("Register id"), customer.external_id or ""),
                             (_("Country"), country_name(customer.country)),
                             (_("Org number"), customer.org_number), (_("Phone"), customer.phone)):
            lines.append(_("{label}: {value}").format(label=label, value=value or _("not recorded")))
        none = "  " + _("none")
        lines += ["", self.desk.title(), *(f"  {line}" for line in self.desk.text().splitlines())]
        lines += ["", _("Notice deadlines:")]
        subscriptions = self.subscriptions
        lines += [f"  {subscriptions.text(row, PRODUCT)}: {subscriptions.text(row, DEADLINE)}"
                  f" ({subscriptions.text(row, DAYS_LEFT)})" for row in range(subscriptions.rowCount())] \
            or [none]
        lines += ["", _("Open cases:")]
        cases = self.cases
        lines += [_("  Case {id}, {product}, severity {severity}: due {due} (the customer's time), {status}").format(
            id=cases.case(row).id, product=cases.case(row).product, severity=cases.case(row).severity,
            due=cases.index(row, DUE).data(), status=cases.status_text(row)) for row in range(cases.rowCount())] \
            or [none]
        return "\n".join(lines) + "\n"

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            if watched is self.scroll.viewport():
                self._refit()
            elif watched is self.subscription_table.viewport():
                self._fit_product()
        return super().eventFilter(watched, event)
