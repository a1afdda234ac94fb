"""Issue 16, "State that follows the customer": a view opened from a customer's card starts
fresh for that customer, and a scope search that matches nothing clears the old verdict, so
Ctrl+J never saves one customer's topic to another's journal."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from domain.customers import Customer, Offering
from tests.desktop.gui.keyboard_input import type_text

pytestmark = pytest.mark.gui


@pytest.fixture
def two_customers_window(qtbot, store, open_window, isolated_settings):
    from desktop.gui.platform.settings import Settings
    from domain.services.register import save_customer

    Settings().agent_name = "Anna Berg"
    first = save_customer(store, Customer("Åkesson & Söner AB", "SE", "556677-8899", offering=Offering.UNIFIED))
    second = save_customer(store, Customer("Fjellstue Sæter AS", "NO", "923 609 016"))
    window = open_window()
    qtbot.waitUntil(lambda: window.call is not None and window.view("call").finder.is_loaded, timeout=15_000)
    scope = window.view("scope")
    qtbot.waitUntil(lambda: scope.is_loaded, timeout=10_000)
    return window, first, second


def open_card(qtbot, window, customer) -> None:
    window.show_view("call")
    call = window.view("call")
    with qtbot.waitSignal(call.customerOpened, timeout=10_000):
        call.open_customer(customer.id)
    assert call.current_card.customer.id == customer.id


def check_scope_from_card(window, problem: str, topic: str):
    window.view("call").card_widget.scope_button.click()
    scope = window.view("scope")
    assert window.current_view() is scope
    type_text(scope.search_edit, problem)
    scope.pick_row(scope.topics.row_of(topic))
    assert scope.current_topic.id == topic and scope.current_answer is not None
    return scope


def save_to_journal(qtbot, window) -> None:
    from desktop.gui.call.journal_entry_dialog import JournalEntryDialog

    window.call.journal_action.trigger()
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(JournalEntryDialog)), timeout=5_000)
    dialog = next(d for d in window.findChildren(JournalEntryDialog) if d.isVisible())
    with qtbot.waitSignal(window.view("call").journal_panel.entryAdded, timeout=10_000):
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()


def journal_topics(store, customer) -> list[str]:
    from domain.services.journal import journal

    return [entry.topic for entry in journal(store, customer.id)]


def test_scope_from_the_second_card_starts_empty_and_ctrl_j_saves_only_its_topic(qtbot, two_customers_window,
                                                                                  store):
    window, first, second = two_customers_window
    open_card(qtbot, window, first)
    scope = check_scope_from_card(window, "skrivaren", "print-problem")
    printing = scope.current_topic.title("en")

    open_card(qtbot, window, second)
    window.view("call").card_widget.scope_button.click()
    # The previous call's problem, topic and verdict are gone; the facts are this customer's.
    assert scope.search_edit.text() == ""
    assert scope.current_topic is None and scope.current_answer is None and scope.answer_record() is None
    assert not scope.topic_list.currentIndex().isValid()
    assert QApplication.focusWidget() is scope.search_edit
    assert scope.verdict_widget.customer_language.language() == "nb"  # a Norwegian customer

    type_text(scope.search_edit, "glömt lösenord")
    assert scope.search_edit.text() == "glömt lösenord"  # typed into an empty field, not appended
    scope.pick_row(scope.topics.row_of("password-reset"))
    save_to_journal(qtbot, window)

    password = scope.current_topic.title("en")
    assert journal_topics(store, second) == [password]
    assert printing not in journal_topics(store, second) and journal_topics(store, first) == []


def test_another_customer_on_the_call_clears_a_check_opened_for_the_previous_one(qtbot, two_customers_window):
    window, first, second = two_customers_window
    open_card(qtbot, window, first)
    scope = check_scope_from_card(window, "skrivaren", "print-problem")

    open_card(qtbot, window, second)  # the next call, found with Ctrl+F: the scope view is not reopened
    window.show_view("scope")
    assert scope.current_answer is None and scope.search_edit.text() == ""
    window.call.journal_action.trigger()
    assert window.statusBar().currentMessage() == "Nothing to save: this view shows no answer yet."


def test_a_search_that_matches_nothing_clears_the_verdict(qtbot, two_customers_window, store):
    window, first, _second = two_customers_window
    open_card(qtbot, window, first)
    scope = check_scope_from_card(window, "skrivaren", "print-problem")

    scope.search_edit.clear()
    type_text(scope.search_edit, "qxzzyv wibble")
    assert scope.topics.rowCount() == 0
    assert scope.current_topic is None and scope.current_answer is None
    assert not scope.facts_widget.version_edit.isEnabled() or scope.facts_widget.version_edit.text() == ""
    window.call.journal_action.trigger()
    assert window.statusBar().currentMessage() == "Nothing to save: this view shows no answer yet."
    assert journal_topics(store, first) == []


def test_escalation_from_the_second_card_asks_the_severity_again(qtbot, two_customers_window):
    window, first, second = two_customers_window
    escalation = window.view("escalation")
    qtbot.waitUntil(lambda: escalation.is_loaded, timeout=10_000)
    open_card(qtbot, window, first)
    window.view("call").card_widget.escalate_button.click()
    escalation.severity.choose("A")
    escalation.form.azure_check.setChecked(True)
    escalation.form.set_opened(escalation.form.opened_wall() - dt.timedelta(hours=3))  # typed: no longer "now"
    assert escalation.severity.severity == "A" and not escalation.form.follows_clock

    open_card(qtbot, window, second)
    window.view("call").card_widget.escalate_button.click()
    assert escalation.severity.severity is None and escalation.answer_record() is None
    assert not escalation.form.azure_check.isChecked() and escalation.form.follows_clock
    assert escalation.form.country() == "NO"


def test_the_next_customer_found_with_ctrl_f_clears_the_escalation_and_keeps_the_focus(qtbot, two_customers_window):
    from tests.desktop.gui.keyboard_input import press

    window, first, second = two_customers_window
    escalation = window.view("escalation")
    qtbot.waitUntil(lambda: escalation.is_loaded, timeout=10_000)
    open_card(qtbot, window, first)
    window.view("call").card_widget.escalate_button.click()
    escalation.severity.choose("B")

    window.call.find_action.trigger()
    call = window.view("call")
    type_text(call.search_edit, "Fjellstue")
    with qtbot.waitSignal(call.customerOpened, timeout=10_000):
        press(call.search_edit, Qt.Key.Key_Return)
    assert call.current_card.customer.id == second.id
    assert escalation.severity.severity is None  # A's severity is not B's
    assert window.current_view() is call and call.isAncestorOf(QApplication.focusWidget())
