"""The call view, driven as an agent on the phone drives it: type part of the customer's
name, Enter, read the card (the desk now, the subscriptions with the soonest notice
deadline, the support offering, the open escalations counting down), go on to the
scope check, the notice answer or the escalation, and keep the customer's journal.
The clock is pinned: Monday 23 November 2026, 12:00 UTC (13:00 in Stockholm)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialogButtonBox,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)

from desktop.common.i18n import _, format_clock
from desktop.gui.call.call_view import CallRequest, CallView
from desktop.gui.call.card_subscriptions_model import DAYS_LEFT, DEADLINE, PRODUCT, SOONEST_MARKER
from desktop.gui.call.journal_model import AGENT, KIND, NOTE, TOPIC, VERDICT, WHEN, when_text
from desktop.gui.operations.card import read_card
from desktop.gui.platform.language import apply_language
from desktop.gui.platform.settings import Settings
from desktop.gui.widgets.case_table_model import PRODUCT as CASE_PRODUCT
from desktop.gui.widgets.case_table_model import SEVERITY
from desktop.gui.widgets.desk_card import CLOSED_COLOUR, CLOSING_SOON_COLOUR, OPEN_COLOUR
from desktop.wording import escalation as escalation_text
from desktop.wording.notice import day_text, days_left_text
from domain.customers import Customer, Offering, Subscription
from domain.journal import JournalEntry, JournalKind
from domain.notice import Term
from tests.desktop.gui.keyboard_input import press, retype, tab_positions, type_text

pytestmark = pytest.mark.gui

UTC = dt.timezone.utc
TODAY = dt.date(2026, 11, 23)
LONG_DANISH = "Østergaard & Søn Rådgivende Ingeniørfirma ApS"
LONG_FINNISH = ("Pohjois-Pohjanmaan Sairaanhoitopiirin Kuntayhtymän Tietohallintopalvelut ja "
                "Työterveyshuoltoyksikkö Oy")
PICTURES = Path("/tmp/deskguide-call-view")


# --- helpers ---------------------------------------------------------------------------------------

def add_customer(store, name: str, country: str = "SE", subscriptions=(), **fields) -> tuple[Customer, list]:
    from domain.services.register import save_customer, save_subscription

    customer = save_customer(store, Customer(name=name, country=country, **fields))
    saved = [save_subscription(store, Subscription(product, term, start, seats, customer_id=customer.id), TODAY)
             for product, term, start, seats in subscriptions]
    return customer, saved


# Added in no particular order: the card lists them soonest deadline first.
OSTERGREN_SUBSCRIPTIONS = (
    ("Project Plan 3", Term.MONTHS_12, dt.date(2026, 6, 1), 3),  # deadline Sat 1 May 2027
    ("Power BI Pro", Term.PAYG, dt.date(2026, 1, 1), 5),  # no deadline: last
    ("Visio Plan 2", Term.MONTHS_36, dt.date(2024, 1, 13), 2),  # Sun 13 Dec 2026
    ("Microsoft 365 E3", Term.MONTHS_12, dt.date(2025, 12, 24), 40),  # Mon 23 Nov 2026: today
    ("Teams Essentials", Term.MONTHS_24, dt.date(2024, 12, 30), 12),  # Sun 29 Nov 2026
)


def add_ostergren(store) -> tuple[Customer, list]:
    return add_customer(store, "Östergren Bygg AB", "SE", OSTERGREN_SUBSCRIPTIONS, org_number="556677-8899",
                        contact="Anna Östergren", phone="+46 8 123 456 78", email="anna@ostergren.se",
                        offering=Offering.UNIFIED)


def add_case(store, customer: Customer | None, severity: str, opened: dt.datetime, product: str):
    from domain.cases import new_case
    from domain.services.escalation import escalator, save_case

    country = customer.country if customer is not None else "SE"
    answer = escalator(store).escalate(severity, "unified", opened, country)
    return save_case(store, new_case(answer, country, product, customer.name if customer else "Walk-in",
                                     customer_id=customer.id if customer else None))


@pytest.fixture
def open_call(qtbot, open_window):
    """The window on the test's store (filled first), on the call view, its register read."""

    def _open() -> CallView:
        window = open_window()
        view = window.show_view("call")
        assert window.current_view() is view
        if not view.finder.is_loaded:
            with qtbot.waitSignal(view.finder.loaded, timeout=15_000):
                pass
        return view

    return _open


def open_card(qtbot, view: CallView, customer_id: int) -> None:
    with qtbot.waitSignal(view.customerOpened, timeout=10_000):
        view.open_customer(customer_id)
    assert view.current_card.customer.id == customer_id
    wait_journal(qtbot, view)


def wait_journal(qtbot, view: CallView) -> None:
    qtbot.waitUntil(lambda: view.journal_panel.is_loaded, timeout=10_000)


def rows(model, column: int) -> list[str]:
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


def is_bold(model, row: int, column: int) -> bool:
    font = model.data(model.index(row, column), Qt.ItemDataRole.FontRole)
    return isinstance(font, QFont) and font.bold()


# --- finding the customer -----------------------------------------------------------------------------

def test_an_empty_register_says_where_customers_come_from_without_a_button_the_view_lacks(qtbot, open_call):
    # Issue 16: it showed `deskguide import` with its backticks and named New customer,
    # a button the call view does not have.
    view = open_call()
    note = view.finder.note.text()
    assert note == ("No customers yet: add them in Customers & notice, or import a register file with the "
                    "deskguide import command.")
    assert not view.finder.new_button.isVisible()
    apply_language("sv")
    swedish = view.finder.note.text()
    assert swedish != note and "`" not in swedish and "deskguide import" in swedish



def test_typing_part_of_a_name_lists_the_customer_and_enter_opens_the_card(qtbot, store, open_call):
    add_customer(store, LONG_DANISH, "DK", org_number="25 31 37 63")
    ostergren, _subscriptions = add_ostergren(store)
    add_customer(store, "Åkesson & Söner AB", "SE", org_number="556036-0793")
    view = open_call()
    assert view.card_widget.hint.isVisible() and view.current_card is None  # nobody yet: how to start

    view.focus_search()
    type_text(view.search_edit, "östergr")
    assert view.finder.model.names() == ["Östergren Bygg AB"]
    with qtbot.waitSignal(view.customerOpened, timeout=10_000) as opened:
        press(view.search_edit, Qt.Key.Key_Return)
    assert opened.args[0].customer.id == ostergren.id
    assert view.card_widget.name_label.text() == "Östergren Bygg AB"
    assert not view.card_widget.hint.isVisible()

    # By org number, then Down and Enter: the card opens, and Enter goes on into it.
    retype(view.search_edit, "25313763")
    assert view.finder.model.names() == [LONG_DANISH]
    with qtbot.waitSignal(view.customerOpened, timeout=10_000) as opened:
        press(view.search_edit, Qt.Key.Key_Down)
    assert opened.args[0].customer.name == LONG_DANISH
    press(view.finder.table, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is view.card_widget.scope_button

    # Ctrl+F's target: the search again, its text selected to be typed over.
    view.focus_search()
    assert QApplication.focusWidget() is view.search_edit
    assert view.search_edit.selectedText() == "25313763"


def test_a_customer_picked_while_another_is_read_shows_only_the_latest(qtbot, store, open_call):
    customers = [add_customer(store, f"Kund {letter} AB")[0] for letter in "ABCDE"]
    view = open_call()
    shown = []
    view.customerOpened.connect(lambda card: shown.append(card.customer.id))
    for customer in customers:  # arrowing down the list faster than the store answers
        view.open_customer(customer.id)
    qtbot.waitUntil(lambda: view.current_card is not None and view.current_card.customer.id == customers[-1].id,
                    timeout=10_000)
    # Every read asked for has answered: an older card would have been shown by now.
    qtbot.waitUntil(lambda: not view.worker.pending, timeout=10_000)
    assert shown == [customers[-1].id]  # the first read was already on its way, but only the latest is shown
    assert view.current_card.customer.id == customers[-1].id


# --- the card ------------------------------------------------------------------------------------------

def test_the_card_shows_who_the_desk_now_the_subscriptions_soonest_first_and_the_offering(
        qtbot, store, open_call):
    ostergren, _subscriptions = add_ostergren(store)
    view = open_call()
    open_card(qtbot, view, ostergren.id)
    card = view.card_widget

    facts = {key: label.text() for key, label in card.fact_values.items()}
    assert facts == {"org_number": "556677-8899", "country": "Sweden", "contact": "Anna Östergren",
                     "phone": "+46 8 123 456 78", "email": "anna@ostergren.se", "offering": "Unified Support"}

    # 13:00 in Stockholm on a Monday: open, in the hours view's green, with the desk's number.
    assert card.desk.title() == "Sweden desk now"
    assert card.desk.state.text() == "OPEN" and card.desk.colour == OPEN_COLOUR
    assert card.desk.when.text() == f"until {format_clock(dt.time(17, 0))}"
    assert card.desk.phone.text() == "Phone: +46 77 017 61 00"

    model = card.subscriptions
    assert rows(model, PRODUCT) == ["Microsoft 365 E3", "Teams Essentials", "Visio Plan 2", "Project Plan 3",
                                    "Power BI Pro"]
    assert rows(model, DEADLINE) == [day_text(dt.date(2026, 11, 23)), day_text(dt.date(2026, 11, 29)),
                                     day_text(dt.date(2026, 12, 13)), day_text(dt.date(2027, 5, 1)), "None"]
    # The soonest is marked for the eye (bold, a star) and for the ear (in words).
    assert model.data(model.index(0, DAYS_LEFT)) == f"{SOONEST_MARKER} today"
    assert model.data(model.index(0, DAYS_LEFT), Qt.ItemDataRole.AccessibleTextRole) == \
        "today, the soonest notice deadline"
    assert all(is_bold(model, 0, column) for column in range(model.columnCount()))
    assert rows(model, DAYS_LEFT)[1:] == [days_left_text(6), days_left_text(20), days_left_text(159), ""]
    assert not any(is_bold(model, row, PRODUCT) for row in range(1, model.rowCount()))
    assert SOONEST_MARKER not in "".join(rows(model, DAYS_LEFT)[1:])
    # Picked to begin with: the one to talk about.
    assert view.current_subscription().product == "Microsoft 365 E3"
    assert card.subscription_table.isVisible() and not card.subscriptions_empty.isVisible()


def test_phones_read_grouped_in_the_customers_country_and_copy_as_stored(qtbot, store, open_call):
    """Issue 16: grouped for reading aloud, dialable as stored (the list, the card, the desk)."""
    nordmann, _subscriptions = add_customer(store, "Nordmann Bygg AS", "NO", org_number="923 609 016",
                                            phone="22123456")
    view = open_call()
    view.focus_search()
    type_text(view.search_edit, "nordmann")
    assert view.finder.model.names() == ["Nordmann Bygg AS"]
    assert view.finder.model.data(view.finder.model.index(0, 3)) == "22 12 34 56"

    open_card(qtbot, view, nordmann.id)
    phone = view.card_widget.fact_values["phone"]
    assert phone.text() == "22 12 34 56"
    phone.copy_number()
    assert QApplication.clipboard().text() == "22123456"
    assert view.card_widget.desk.phone.text() == "Phone: +47 815 03 636"


def test_the_desk_on_the_card_closes_soon_closes_and_says_when_it_opens(qtbot, store, clock, open_call):
    customer, _subscriptions = add_customer(store, LONG_DANISH, "DK")
    view = open_call()
    open_card(qtbot, view, customer.id)
    desk = view.card_widget.desk
    assert desk.title() == "Denmark desk now" and desk.colour == OPEN_COLOUR

    clock.moment = dt.datetime(2026, 11, 23, 14, 45, tzinfo=UTC)  # 15:45 in Copenhagen, closes 16:00
    view.hours.tick()
    assert desk.state.text() == "OPEN" and desk.colour == CLOSING_SOON_COLOUR
    assert desk.reason.text() == "Closing soon: closes in 15 minutes"

    clock.moment = dt.datetime(2026, 11, 28, 10, 0, tzinfo=UTC)  # Saturday
    view.hours.tick()
    assert desk.state.text() == "CLOSED" and desk.colour == CLOSED_COLOUR
    assert desk.when.text().startswith("opens Mon 30 Nov")
    assert desk.reason.text() == "Weekend"


def test_open_escalations_count_down_and_turn_overdue(qtbot, store, clock, open_call):
    ostergren, _subscriptions = add_ostergren(store)
    other, _ = add_customer(store, "Åkesson & Söner AB")
    due_soon = add_case(store, ostergren, "B", dt.datetime(2026, 11, 23, 11, 30, tzinfo=UTC), "Exchange Online")
    add_case(store, ostergren, "C", dt.datetime(2026, 11, 23, 11, 0, tzinfo=UTC), "SharePoint Online")
    answered = add_case(store, ostergren, "A", dt.datetime(2026, 11, 23, 9, 0, tzinfo=UTC), "Teams")
    add_case(store, other, "A", dt.datetime(2026, 11, 23, 11, 0, tzinfo=UTC), "Teams")
    from domain.services.escalation import mark_responded

    mark_responded(store, answered.id, dt.datetime(2026, 11, 23, 9, 30, tzinfo=UTC), by="Anna Lind")
    view = open_call()
    open_card(qtbot, view, ostergren.id)
    card = view.card_widget
    cases = card.cases

    # Only this customer's cases still waiting for Microsoft, the soonest due first.
    assert rows(cases, CASE_PRODUCT) == ["Exchange Online", "SharePoint Online"]
    assert rows(cases, SEVERITY) == ["B", "C"]
    assert cases.status_text(0) == "Open: " + escalation_text.countdown_text(
        due_soon.minutes_left(clock.moment))
    assert "due in" in cases.status_text(0)
    assert card.case_table.isVisible() and not card.cases_empty.isVisible()

    clock.moment = due_soon.due + dt.timedelta(minutes=5)
    view.hours.tick()  # the minute turned
    assert cases.status_text(0) == "Breached: overdue by 5 min"
    assert cases.breached(0)


def test_a_customer_with_no_subscriptions_and_no_cases_says_so(qtbot, store, open_call):
    customer, _ = add_customer(store, "Nya Kunden AB", "SE")
    view = open_call()
    open_card(qtbot, view, customer.id)
    card = view.card_widget
    assert card.subscriptions_empty.isVisible() and card.subscriptions_empty.text() == "No subscriptions"
    assert not card.subscription_table.isVisible()
    assert card.cases_empty.isVisible() and card.cases_empty.text() == "No open escalations"
    assert not card.case_table.isVisible()
    assert card.fact_values["offering"].text() == "None"
    assert card.fact_values["email"].text() == "not recorded"
    assert view.current_subscription() is None
    assert not card.notice_button.isEnabled()  # nothing to give notice on
    assert card.scope_button.isEnabled() and card.escalate_button.isEnabled()


def test_the_buttons_ask_for_the_prefilled_views_with_the_customer_and_subscription(qtbot, store, open_call):
    ostergren, _subscriptions = add_ostergren(store)
    view = open_call()
    open_card(qtbot, view, ostergren.id)
    card = view.card_widget

    with qtbot.waitSignal(view.scopeRequested, timeout=2_000) as asked:
        qtbot.mouseClick(card.scope_button, Qt.MouseButton.LeftButton)
    request = asked.args[0]
    assert isinstance(request, CallRequest)
    assert request.card.customer.id == ostergren.id
    assert request.subscription.product == "Microsoft 365 E3"  # the soonest, picked to begin with

    table = card.subscription_table
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualRect(card.subscriptions.index(2, PRODUCT)).center())
    assert view.current_subscription().product == "Visio Plan 2"
    with qtbot.waitSignal(view.noticeRequested, timeout=2_000) as asked:
        qtbot.mouseClick(card.notice_button, Qt.MouseButton.LeftButton)
    assert asked.args[0].subscription.product == "Visio Plan 2"
    assert asked.args[0].card.customer.name == "Östergren Bygg AB"
    with qtbot.waitSignal(view.escalationRequested, timeout=2_000) as asked:
        qtbot.mouseClick(card.escalate_button, Qt.MouseButton.LeftButton)
    assert asked.args[0].card.customer.id == ostergren.id
    assert asked.args[0].subscription.product == "Visio Plan 2"


def test_the_card_is_read_again_when_the_day_turns(qtbot, store, clock, open_call):
    ostergren, _subscriptions = add_ostergren(store)
    view = open_call()
    open_card(qtbot, view, ostergren.id)
    model = view.card_widget.subscriptions
    assert rows(model, DAYS_LEFT)[0] == f"{SOONEST_MARKER} today"
    clock.moment = dt.datetime(2026, 11, 23, 23, 0, 30, tzinfo=UTC)  # 00:00 on Tuesday in Sweden
    with qtbot.waitSignal(view.customerOpened, timeout=10_000):
        view.hours.tick()
    # Microsoft 365 E3's deadline has passed: its next is a year on; Teams Essentials is now the soonest.
    assert rows(model, PRODUCT)[0] == "Teams Essentials"
    assert rows(model, DAYS_LEFT)[0] == f"{SOONEST_MARKER} {days_left_text(5)}"
    assert view.current_subscription().product == "Microsoft 365 E3"  # the agent's pick stays


@settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(minutes=st.integers(min_value=-24 * 60, max_value=24 * 60), guess=st.sampled_from(["SE", "FI", None]))
def test_the_days_left_count_from_the_customers_own_today(store, minutes, guess):
    """Near midnight Helsinki is a day ahead of Stockholm: a Finnish customer's days
    left count from Helsinki's date, whichever day the read first guessed."""
    from zoneinfo import ZoneInfo

    from domain.services.register import save_customer, save_subscription

    finnish = save_customer(store, Customer("Oy Testi Ab", "FI"))
    save_subscription(store, Subscription("Microsoft 365 E3", Term.MONTHS_12, dt.date(2025, 12, 24),
                                          customer_id=finnish.id), TODAY)  # deadline 23 Nov 2026
    now = dt.datetime(2026, 11, 23, 22, 0, tzinfo=UTC) + dt.timedelta(minutes=minutes)
    zones = {"SE": ZoneInfo("Europe/Stockholm"), "FI": ZoneInfo("Europe/Helsinki")}
    days = {country: now.astimezone(zone).date() for country, zone in zones.items()}
    card = read_card(store, finnish.id, days, days[guess] if guess else now.date())
    helsinki_today = now.astimezone(zones["FI"]).date()
    (entry,) = card.subscriptions
    assert entry.days_left == (entry.next_deadline - helsinki_today).days
    assert entry.next_deadline >= helsinki_today  # a deadline the customer can still make


# --- the journal ------------------------------------------------------------------------------------

def add_note_as_agent(qtbot, view: CallView, text: str) -> None:
    """Add a note, clicking and typing as the agent does."""
    panel = view.journal_panel
    qtbot.mouseClick(panel.note_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.note_dialog is not None and panel.note_dialog.isVisible())
    dialog = panel.note_dialog
    editor = dialog.findChild(QPlainTextEdit)
    editor.setFocus()
    type_text(editor, text)
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save),
                         Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.note_dialog is None)  # closed once the journal has it


def test_a_note_is_added_listed_newest_first_and_found_by_search(qtbot, store, clock, open_call):
    Settings().agent_name = "Anna-Karin Söderström"
    ostergren, _subscriptions = add_ostergren(store)
    view = open_call()
    open_card(qtbot, view, ostergren.id)
    panel = view.journal_panel
    assert panel.note.text() == ("No journal entries yet: save an answer to the journal (Ctrl+J) or add a "
                                 "note.")

    add_note_as_agent(qtbot, view, "Ringde om fakturan")
    assert panel.status.text() == "Saved to the journal."
    assert rows(panel.model, NOTE) == ["Ringde om fakturan"]
    assert rows(panel.model, AGENT) == ["Anna-Karin Söderström"]
    assert rows(panel.model, KIND) == ["Note"]
    assert rows(panel.model, WHEN) == [when_text(clock.moment)]

    # Later on the call, an answer saved from elsewhere (Ctrl+J): it comes first.
    clock.moment += dt.timedelta(minutes=7)
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        panel.add_entry(JournalKind.SCOPE, "Printer does not print", "In scope", "Covered (terms §4).",
                        "Drivrutin installerad")
    assert rows(panel.model, TOPIC) == ["Printer does not print", ""]
    assert rows(panel.model, VERDICT) == ["In scope", ""]
    assert rows(panel.model, KIND) == ["Scope", "Note"]
    assert rows(panel.model, WHEN) == [when_text(clock.moment), when_text(clock.moment - dt.timedelta(minutes=7))]
    assert panel.note.text() == "2 entries, newest first."

    # Searching: without case or accents, in the note, topic or verdict.
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        type_text(panel.search_edit, "FAKTURA")
    assert rows(panel.model, NOTE) == ["Ringde om fakturan"]
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        retype(panel.search_edit, "printer")
    assert rows(panel.model, TOPIC) == ["Printer does not print"]
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        retype(panel.search_edit, "nothing like it")
    assert panel.model.rowCount() == 0
    assert panel.note.text() == "No entry matches “nothing like it”."

    # Another customer's journal is their own, and starts unsearched.
    other, _ = add_customer(store, "Åkesson & Söner AB")
    view.reload_register()
    open_card(qtbot, view, other.id)
    assert panel.search_edit.text() == "" and panel.model.rowCount() == 0


def test_an_empty_note_or_no_agent_name_saves_nothing_and_says_why(qtbot, store, open_call):
    from domain.services.journal import journal

    ostergren, _subscriptions = add_ostergren(store)
    view = open_call()
    open_card(qtbot, view, ostergren.id)
    panel = view.journal_panel

    qtbot.mouseClick(panel.note_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.note_dialog is not None and panel.note_dialog.isVisible())
    dialog = panel.note_dialog
    type_text(dialog.findChild(QPlainTextEdit), "   ")  # only spaces
    add = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    assert add.text() == "Add note" and not add.isEnabled()  # nothing to add
    dialog.accept()  # Enter: refused too
    assert panel.note_dialog is dialog and panel.status.text() == ""
    dialog.reject()
    assert panel.note_dialog is None

    panel.add_entry(JournalKind.NOTE, "", "", "", "Ringde")  # no agent name set yet
    qtbot.waitUntil(lambda: bool(panel.status.text()), timeout=10_000)
    assert panel.status.text().startswith("The entry could not be saved:")
    assert "set your name in the settings" in panel.status.text()
    assert journal(store, ostergren.id) == []


def add_old_entry(store, customer: Customer, created: dt.datetime, note: str) -> None:
    from domain.services.journal import add_entry

    add_entry(store, JournalEntry(customer.id, created, "Anna", JournalKind.NOTE, "", "", note))


def answer_purge(qtbot, panel, button: QMessageBox.StandardButton) -> str:
    qtbot.waitUntil(lambda: panel.confirm_box is not None and panel.confirm_box.isVisible(), timeout=10_000)
    box = panel.confirm_box
    text = box.text()
    qtbot.mouseClick(box.button(button), Qt.MouseButton.LeftButton)
    return text


def test_purging_asks_with_the_exact_count_and_cancel_deletes_nothing(qtbot, store, clock, open_call):
    from domain.services.journal import journal

    Settings().journal_retention_months = 24
    ostergren, _subscriptions = add_ostergren(store)
    other, _ = add_customer(store, "Åkesson & Söner AB")
    now = clock.moment  # Mon 23 Nov 2026 12:00 UTC: the cut is 23 Nov 2024 12:00
    add_old_entry(store, ostergren, dt.datetime(2024, 5, 2, 9, 0, tzinfo=UTC), "Gammal")
    add_old_entry(store, other, dt.datetime(2024, 11, 23, 11, 59, tzinfo=UTC), "Precis för gammal")
    add_old_entry(store, ostergren, dt.datetime(2024, 11, 23, 12, 0, tzinfo=UTC), "Exakt 24 månader")
    add_old_entry(store, ostergren, now - dt.timedelta(days=3), "Ny")
    view = open_call()
    open_card(qtbot, view, ostergren.id)
    panel = view.journal_panel
    assert panel.purge_button.text() == "&Delete entries older than 24 months…"
    assert panel.model.rowCount() == 3

    qtbot.mouseClick(panel.purge_button, Qt.MouseButton.LeftButton)
    question = answer_purge(qtbot, panel, QMessageBox.StandardButton.Cancel)
    assert question == ("Delete 2 journal entries older than 24 months, of every customer? This cannot be "
                        "undone.")
    assert panel.status.text() == "Nothing was deleted."
    assert len(journal(store, ostergren.id)) == 3 and len(journal(store, other.id)) == 1

    qtbot.mouseClick(panel.purge_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(panel.purged, timeout=10_000) as purged:
        answer_purge(qtbot, panel, QMessageBox.StandardButton.Yes)
    assert purged.args == [2]
    assert panel.status.text() == "Deleted 2 entries."
    wait_journal(qtbot, view)
    assert rows(panel.model, NOTE) == ["Ny", "Exakt 24 månader"]
    assert journal(store, other.id) == []

    # Nothing older left: it says so, and asks nothing.
    qtbot.mouseClick(panel.purge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.status.text() == "No journal entries are older than 24 months.", timeout=10_000)
    assert panel.confirm_box is None


def test_one_entry_and_one_month_are_said_in_the_singular(qtbot, store, clock, open_call):
    Settings().journal_retention_months = 1
    ostergren, _subscriptions = add_ostergren(store)
    add_old_entry(store, ostergren, clock.moment - dt.timedelta(days=40), "Gammal")
    view = open_call()
    open_card(qtbot, view, ostergren.id)
    panel = view.journal_panel
    assert panel.purge_button.text() == "&Delete entries older than 1 month…"
    qtbot.mouseClick(panel.purge_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(panel.purged, timeout=10_000):
        question = answer_purge(qtbot, panel, QMessageBox.StandardButton.Yes)
    assert question == "Delete 1 journal entry older than one month, of every customer? This cannot be undone."
    assert panel.status.text() == "Deleted 1 entry."
    # A change of the setting shows at once.
    Settings().journal_retention_months = 6
    assert panel.purge_button.text() == "&Delete entries older than 6 months…"


# --- language, keyboard, screen readers, long names ---------------------------------------------------

def test_switching_language_keeps_the_customer_the_pick_and_the_search(qtbot, store, open_call):
    Settings().agent_name = "Matti"
    ostergren, _subscriptions = add_ostergren(store)
    view = open_call()
    type_text(view.search_edit, "östergr")
    open_card(qtbot, view, ostergren.id)
    card = view.card_widget
    table = card.subscription_table
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualRect(card.subscriptions.index(1, PRODUCT)).center())
    with qtbot.waitSignal(view.journal_panel.loaded, timeout=10_000):
        view.journal_panel.add_entry(JournalKind.NOTE, "", "", "", "Soitti laskusta")

    apply_language("fi")
    assert view.current_card.customer.id == ostergren.id
    assert card.name_label.text() == "Östergren Bygg AB"
    assert view.search_edit.text() == "östergr"
    assert view.current_subscription().product == "Teams Essentials"
    # Said again in Finnish: the desk, the country, the dates, the journal's time.
    assert card.desk.state.text() == "AVOINNA"
    assert card.fact_values["country"].text() == "Ruotsi"
    assert card.subscriptions.data(card.subscriptions.index(0, DEADLINE)) == day_text(dt.date(2026, 11, 23))
    assert day_text(dt.date(2026, 11, 23)) != "Mon 23 Nov 2026"
    assert card.subscriptions.headerData(PRODUCT, Qt.Orientation.Horizontal) == _("Product") != "Product"
    panel = view.journal_panel
    assert rows(panel.model, WHEN) == [when_text(view.clock())]
    assert rows(panel.model, NOTE) == ["Soitti laskusta"]

    apply_language("en")
    assert card.desk.state.text() == "OPEN" and card.fact_values["country"].text() == "Sweden"


def test_controls_have_accessible_names_and_tab_in_reading_order(qtbot, store, open_call):
    ostergren, _subscriptions = add_ostergren(store)
    add_case(store, ostergren, "B", dt.datetime(2026, 11, 23, 10, 0, tzinfo=UTC), "Exchange Online")
    view = open_call()
    open_card(qtbot, view, ostergren.id)
    for widget in view.findChildren(QWidget):
        if widget.isVisible() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus and not widget.accessibleName():
            assert isinstance(widget, QAbstractButton) and widget.text(), widget  # a button says its text

    card, panel = view.card_widget, view.journal_panel
    order = [view.search_edit, view.finder.table, card.scope_button, card.notice_button, card.escalate_button,
             card.subscription_table, card.case_table, panel.search_edit, panel.table, panel.note_button,
             panel.purge_button]
    positions = tab_positions(order)
    assert len(positions) == len(order) and positions == sorted(positions)


def twelve_subscriptions():
    products = ["Microsoft 365 Business Premium", "Microsoft 365 E5 (no Teams)", "Exchange Online (Plan 2)",
                "Power BI Premium Per User", "Project Plan 5", "Visio Plan 2", "Teams Essentials",
                "Microsoft 365 Apps for enterprise", "Defender for Office 365 (Plan 2)", "Intune Suite",
                "Copilot for Microsoft 365", "Dynamics 365 Business Central Essentials"]
    terms = [Term.MONTHS_12, Term.MONTHS_36, Term.PAYG, Term.MONTHS_24]
    return [(product, terms[i % 4], dt.date(2025, 1 + i, 3 + i), 10_000 + i)
            for i, product in enumerate(products)]


@pytest.mark.parametrize("lang", ["en", "fi"])
@pytest.mark.parametrize("many", [True, False], ids=["twelve", "none"])
def test_a_long_nordic_name_and_many_or_no_subscriptions_wrap_and_are_never_cut(
        qtbot, store, open_call, lang, many):
    customer, _ = add_customer(store, LONG_FINNISH, "FI", twelve_subscriptions() if many else (),
                               org_number="0112038-9", contact="Marja-Liisa Kärkkäinen-Väänänen",
                               phone="+358 40 123 4567",
                               email="marja-liisa.karkkainen-vaananen@pohjois-pohjanmaan-sairaanhoitopiiri.fi",
                               offering=Offering.ENHANCED_RESPONSE)
    if many:
        add_case(store, customer, "B", dt.datetime(2026, 11, 23, 10, 0, tzinfo=UTC), "Exchange Online")
    view = open_call()
    window = view.window()
    window.resize(1024, 700)  # a laptop
    apply_language(lang)
    open_card(qtbot, view, customer.id)
    qtbot.waitUntil(lambda: not view.worker.pending, timeout=10_000)  # the journal read too
    QApplication.processEvents()  # the layouts the card and the language asked for
    PICTURES.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(PICTURES / f"call-{lang}-{'twelve' if many else 'none'}.png"))

    card = view.card_widget
    labels = [card.name_label, *card.fact_values.values(), *card.fact_titles.values(), card.desk.when,
              card.desk.reason, card.desk.phone, card.subscriptions_empty, card.cases_empty, card.hint]
    for label in labels:
        if label.isVisible():
            assert label.width() <= label.parentWidget().width(), label.accessibleName()
            if label.wordWrap():
                assert label.height() >= label.heightForWidth(label.width()) - 1, label.accessibleName()
            else:
                assert label.width() >= label.sizeHint().width(), label.text()
    for button in (*card.buttons(), view.journal_panel.note_button, view.journal_panel.purge_button):
        assert button.width() >= button.sizeHint().width(), button.text()
    # The card scrolls down, never sideways: everything wraps to its width.
    assert card.scroll.widget().width() <= card.scroll.viewport().width()
    assert card.name_label.text() == LONG_FINNISH  # whole, wrapped rather than cut
    if many:
        assert card.subscriptions.rowCount() == 12 and card.subscription_table.isVisible()
    else:
        assert card.subscriptions_empty.isVisible() and card.cases_empty.isVisible()
