"""Quitting loses nothing: the writes on their way reach the store first (with a note if
that takes a moment), then the agent is asked about what they typed and did not save
(desktop/gui/quit_workflow.py). Real window, real SQLite file, waited on by signal."""
from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop.gui.main_window import MainWindow
from domain.customers import Customer
from tests.desktop.gui.keyboard_input import type_text

pytestmark = pytest.mark.gui

SAVING_NOTE = "Saving your changes…"


# --- helpers ------------------------------------------------------------------------------------

def add_customer(store, name: str = "Fjellstue AS") -> Customer:
    from domain.services.register import save_customer

    return save_customer(store, Customer(name=name, country="NO", org_number="923 609 016"))


def stored_name(store, customer_id: int) -> str:
    from domain.services.register import get_customer

    return get_customer(store, customer_id).customer.name


def open_in_customers(qtbot, window: MainWindow, customer_id: int):
    view = window.show_view("customers")
    if not view.is_loaded:
        with qtbot.waitSignal(view.registerLoaded, timeout=15_000):
            pass
    with qtbot.waitSignal(view.customerShown, timeout=10_000):
        view.open_customer(customer_id)
    return view


def set_up_escalation(qtbot, window: MainWindow):
    """An escalation answered (severity B, a product), ready to save as a case."""
    view = window.view("escalation")
    qtbot.waitUntil(lambda: view.is_loaded, timeout=15_000)
    view.form.set_product("Exchange Online")
    view.severity.choose("B")
    assert view.current_answer is not None
    return view


def hold_the_worker(window: MainWindow) -> threading.Event:
    """A job that keeps the worker busy until the test sets the event it returns: what a
    slow disk or a busy database does to the save queued behind it."""
    release = threading.Event()
    window.worker.run(lambda store: release.wait(20))
    return release


def quit_question(qtbot, window: MainWindow) -> QMessageBox:
    qtbot.waitUntil(lambda: window.quitting is not None and window.quitting.question is not None
                    and window.quitting.question.isVisible(), timeout=10_000)
    return window.quitting.question


def answer(box: QMessageBox, button: QMessageBox.StandardButton) -> None:
    box.button(button).click()


# --- the writes on their way ----------------------------------------------------------------------

def test_a_save_still_on_its_way_when_quit_is_asked_is_stored_before_the_window_closes(qtbot, store,
                                                                                      main_window):
    """The issue's case: Save customer, then Ctrl+Q at once. Here the save is held behind a
    slow job, so quit really finds it queued; the window waits, says so, then closes."""
    customer = add_customer(store, "Fjellstue AS")
    view = open_in_customers(qtbot, main_window, customer.id)
    view.form.name_edit.end(False)
    type_text(view.form.name_edit, " Sæter")

    release = hold_the_worker(main_window)
    try:
        qtbot.mouseClick(view.form.save_button, Qt.MouseButton.LeftButton)  # queued behind the slow job
        main_window.quit_action.trigger()
        assert main_window.isVisible() and main_window.worker.running  # waiting, not closed
        assert not main_window.centralWidget().isEnabled()  # nothing typed now would be saved
        qtbot.waitUntil(lambda: main_window.statusBar().currentMessage() == SAVING_NOTE, timeout=5_000)
        assert main_window.quitting.question is None  # the save may still land: nothing asked yet
    finally:
        release.set()
    qtbot.waitUntil(lambda: not main_window.isVisible(), timeout=10_000)
    assert not main_window.worker.running
    assert stored_name(store, customer.id) == "Fjellstue AS Sæter"  # read from the file, another connection


def test_a_quick_quit_shows_no_note_and_asks_nothing(qtbot, main_window):
    qtbot.waitUntil(lambda: not main_window.worker.pending, timeout=10_000)
    messages: list[str] = []
    main_window.statusBar().messageChanged.connect(messages.append)
    main_window.quit_action.trigger()
    assert not main_window.isVisible() and not main_window.worker.running
    assert SAVING_NOTE not in messages


# --- the unsaved edits -------------------------------------------------------------------------------

def test_quit_lists_the_unsaved_edits_of_every_view_and_keep_editing_keeps_them(qtbot, store, main_window):
    customer = add_customer(store, "Fjellstue AS")
    customers = open_in_customers(qtbot, main_window, customer.id)
    customers.form.name_edit.end(False)
    type_text(customers.form.name_edit, " Sæter")  # not saved

    # A note typed under the journal of the customer on the call, not added.
    call = main_window.show_view("call")
    with qtbot.waitSignal(call.customerOpened, timeout=10_000):
        call.open_customer(customer.id)
    call.journal_panel.note_button.click()
    note = call.journal_panel.note_dialog
    type_text(note.note_edit, "Ring tillbaka på fredag")

    main_window.quit_action.trigger()
    box = quit_question(qtbot, main_window)
    # In the order of the views: the call first.
    assert box.text() == ("Not saved yet:\n• Journal entry: Fjellstue AS\n• Customer details: Fjellstue AS Sæter\n\n"
                          "Quit and discard them?")
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)  # the safe answer
    assert box.button(QMessageBox.StandardButton.Cancel).text() == "Keep editing"

    answer(box, QMessageBox.StandardButton.Cancel)
    assert main_window.isVisible() and main_window.worker.running
    assert main_window.quitting.question is None
    assert customers.form.name_edit.text() == "Fjellstue AS Sæter" and customers.form.is_dirty()
    assert call.journal_panel.note_dialog is note and note.note_edit.toPlainText() == "Ring tillbaka på fredag"

    # Asked again, the agent lets them go.
    main_window.quit_action.trigger()
    answer(quit_question(qtbot, main_window), QMessageBox.StandardButton.Discard)
    qtbot.waitUntil(lambda: not main_window.isVisible(), timeout=10_000)
    assert not main_window.worker.running
    assert stored_name(store, customer.id) == "Fjellstue AS"  # discarded, as asked
    from domain.services.journal import journal

    assert journal(store, customer.id) == []


def test_an_open_subscription_dialog_and_an_unsaved_case_are_asked_about(qtbot, store, main_window):
    customer = add_customer(store, "Fjellstue AS")
    customers = open_in_customers(qtbot, main_window, customer.id)
    customers.add_subscription()
    type_text(customers.subscription_dialog.product_edit, "Microsoft 365 E3")

    escalation = set_up_escalation(qtbot, main_window)

    main_window.quit_action.trigger()
    box = quit_question(qtbot, main_window)
    assert "• Subscription: Microsoft 365 E3" in box.text()
    assert "• Escalation not saved as a case: Exchange Online" in box.text()
    answer(box, QMessageBox.StandardButton.Cancel)

    # Saved, they are no longer unsaved: quit asks nothing.
    with qtbot.waitSignal(customers.subscriptionsChanged, timeout=10_000):
        customers.subscription_dialog.accept()
    assert customers.subscription_dialog is None  # closed once the store had it
    with qtbot.waitSignal(escalation.caseSaved, timeout=10_000):
        escalation.save_case()
    assert main_window.quitting.unsaved_changes() == []
    main_window.quit_action.trigger()
    qtbot.waitUntil(lambda: not main_window.isVisible(), timeout=10_000)
    assert main_window.quitting.question is None
