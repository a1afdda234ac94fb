"""A whole phone call, as an agent makes it: Ctrl+F, type part of the name, open the
card, check the scope from it, save the verdict to the journal, copy the summary for the
ticket; and the command palette with the keyboard alone."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.common import i18n
from domain.customers import Customer, Offering, Subscription
from domain.notice import Term
from tests.desktop.gui.keyboard_input import press, type_text

pytestmark = pytest.mark.gui
NAME = "Lindqvist Bygg & Fastighetsförvaltning i Norrland AB"


def add_lindqvist(store):
    from domain.services.register import save_customer, save_subscription

    customer = save_customer(store, Customer(NAME, "SE", "556036-0793", "Åsa Lindqvist", "+46 90 12 34 56",
                                             "asa@lindqvistbygg.se", Offering.UNIFIED))
    subscription = save_subscription(store, Subscription("Microsoft 365 Business Standard", Term.MONTHS_12,
                                                         dt.date(2025, 1, 26), 40, customer_id=customer.id),
                                     dt.date(2026, 11, 23))
    return customer, subscription


@pytest.fixture
def call_window(qtbot, store, open_window, isolated_settings):
    from desktop.gui.platform.settings import Settings

    Settings().agent_name = "Anna Berg"  # the first-run dialog's answer
    customer, subscription = add_lindqvist(store)
    window = open_window()
    qtbot.waitUntil(lambda: window.call is not None and window.view("call").finder.is_loaded, timeout=15_000)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
    return window, customer, subscription


def shortcut(qtbot, window, key: Qt.Key, modifiers=Qt.KeyboardModifier.ControlModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget() or window, key, modifiers)


def test_a_whole_call_from_the_customer_to_the_ticket(qtbot, call_window):
    window, customer, subscription = call_window
    window.show_view("hours")  # the agent is elsewhere when the phone rings

    # Ctrl+F from anywhere: the call view, its search focused.
    window.call.find_action.trigger()
    call = window.view("call")
    assert window.current_view() is call and QApplication.focusWidget() is call.search_edit

    # Part of the name, Enter: the card.
    type_text(call.search_edit, "lindqv")
    assert call.finder.model.names() == [NAME]
    with qtbot.waitSignal(call.customerOpened, timeout=10_000):
        press(call.search_edit, Qt.Key.Key_Return)
    card = call.current_card
    assert card.customer.id == customer.id and card.soonest_subscription_id == subscription.id
    assert window.call.customer_label.text() == f"On the call: {NAME}"

    # Check scope from the card: the scope view, prefilled, in the customer's language.
    call.card_widget.scope_button.click()
    scope = window.view("scope")
    assert window.current_view() is scope
    qtbot.waitUntil(lambda: scope.is_loaded, timeout=10_000)
    assert scope.facts().from_reseller is True
    assert scope.verdict_widget.customer_language.language() == "sv"  # a Swedish customer
    type_text(scope.search_edit, "skrivaren")
    scope.pick_row(scope.topics.row_of("print-problem"))
    assert scope.current_answer is not None

    # Save it to the journal, with a note, by keyboard.
    window.call.journal_action.trigger()
    from desktop.gui.call.journal_entry_dialog import JournalEntryDialog
    from desktop.gui.call.journal_model import TOPIC

    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(JournalEntryDialog)), timeout=5_000)
    dialog = next(d for d in window.findChildren(JournalEntryDialog) if d.isVisible())
    assert dialog.record.kind == "scope"
    type_text(dialog.note_edit, "Skrivaren i Umeå, fjärrsession bokad")
    with qtbot.waitSignal(call.journal_panel.entryAdded, timeout=10_000):
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    model = call.journal_panel.model
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=10_000)
    assert model.data(model.index(0, TOPIC)) == scope.current_topic.title("en")
    assert "Saved to" in window.statusBar().currentMessage()

    # Copy summary: the ticket text, in Swedish because the customer is Swedish.
    QApplication.clipboard().clear()
    window.call.copy_action.trigger()
    copied = QApplication.clipboard().text()
    assert copied == scope.verdict_widget.message()
    assert "Utskriftsproblem" in copied  # the topic's Swedish title
    with i18n.in_language("sv"):
        assert i18n._("Kind regards") in copied


def test_the_journal_needs_a_customer_and_copy_needs_an_answer(call_window):
    window, _customer, _subscription = call_window
    window.show_view("scope")
    window.call.copy_action.trigger()
    assert window.statusBar().currentMessage() == "Nothing to copy: this view shows no answer yet."
    window.call.journal_action.trigger()
    assert window.statusBar().currentMessage() == "Nothing to save: this view shows no answer yet."


def test_the_palette_by_keyboard_alone_opens_a_customer_a_view_and_a_topic(qtbot, call_window):
    window, customer, _subscription = call_window
    scope = window.view("scope")
    qtbot.waitUntil(lambda: scope.is_loaded, timeout=10_000)

    def palette_run(text: str) -> None:
        window.call.palette_action.trigger()
        palette = window.call.palette
        qtbot.waitUntil(palette.isActiveWindow, timeout=5_000)
        assert QApplication.focusWidget() is palette.search_edit  # type at once
        type_text(palette.search_edit, text)
        press(palette.search_edit, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not palette.isVisible(), timeout=5_000)

    palette_run("lindqv")
    call = window.view("call")
    assert window.current_view() is call
    qtbot.waitUntil(lambda: call.current_card is not None and call.current_card.customer.id == customer.id,
                    timeout=10_000)

    palette_run("opening hours")
    assert window.current_view() is window.view("hours")

    palette_run("glömt lösenord")
    assert window.current_view() is scope
    assert scope.current_topic is not None and scope.current_topic.id == "password-reset"


def test_ctrl_shift_c_on_the_customer_card_copies_the_card_for_the_ticket(qtbot, store, call_window):
    """Issue 16: the call view has no answer of its own; Copy gives the card as text."""
    from domain.cases import new_case
    from domain.services.escalation import end_case, escalator, save_case

    window, customer, _subscription = call_window
    opened = dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.timezone.utc)
    answer = escalator(store).escalate("B", "unified", opened, "SE")
    case = save_case(store, new_case(answer, "SE", "Exchange Online", NAME, customer.id))
    closed = save_case(store, new_case(answer, "SE", "Teams", NAME, customer.id))
    end_case(store, closed, "closed", "Solved", by="Anna Berg", now=opened)  # not open: not on the card
    call = window.view("call")
    window.show_view("call")
    with qtbot.waitSignal(call.customerOpened, timeout=10_000):
        call.open_customer(customer.id)
    qtbot.waitUntil(lambda: call.current_card is not None and call.current_card.customer.id == customer.id)
    QApplication.clipboard().clear()
    window.call.copy_action.trigger()
    copied = QApplication.clipboard().text()
    assert window.statusBar().currentMessage() == "Customer card copied: paste it into the ticket."
    lines = copied.splitlines()
    assert lines[0] == NAME
    assert f"Register id: {customer.external_id}" in lines
    assert "Country: Sweden" in lines and "Org number: 556036-0793" in lines and "Phone: +46 90 12 34 56" in lines
    assert "Sweden desk now" in lines and any(line.strip().startswith("Phone: ") for line in lines[6:])
    assert any(line.startswith("  Microsoft 365 Business Standard: ") for line in lines)
    assert (f"  Case {case.id}, Exchange Online, severity B: due Mon 23 Nov 15:00 (the customer's time), "
            "Open: due in 2 h") in lines
    assert "Teams" not in copied


def test_copy_with_no_customer_on_the_card_still_says_nothing_to_copy(call_window):
    window, _customer, _subscription = call_window
    window.show_view("call")
    window.call.copy_action.trigger()
    assert window.statusBar().currentMessage() == "Nothing to copy: this view shows no answer yet."
