"""Writes to a database that can no longer be written: the agent reads one sentence
saying what happened and what to do, next to the form, and what they typed stays in
it to save again. No SQL, parameters or traceback reaches the screen.

How the database is made unwritable (`refuse_writes`): every connection the store
opens from then on runs `PRAGMA query_only=ON`, and the connections it had are closed.
SQLite then refuses every write with the error a read-only file gives
(SQLITE_READONLY, "attempt to write a readonly database"), through the same driver and
the same error translation. The obvious ways do not hold everywhere: `chmod 0o444` does
not stop root (these tests may run as root); deleting or renaming the file under the
open connection is noticed by SQLite only in rollback-journal mode (in WAL mode it goes
on writing to the vanished file) and is impossible on Windows while the file is open;
a full disk needs a small file system. query_only works as any user, on any OS, in any
journal mode, on the real file.
"""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from desktop.gui.main_window import MainWindow
from desktop.gui.platform.settings import Settings
from domain.customers import Subscription
from domain.notice import Term
from tests.desktop.gui.keyboard_input import type_text
from tests.desktop.gui.test_quit_workflow import add_customer, hold_the_worker, open_in_customers, set_up_escalation

pytestmark = pytest.mark.gui

READ_ONLY = "attempt to write a readonly database"
NEVER_ON_SCREEN = ("INSERT", "UPDATE ", "sqlite3.", "Traceback", "sqlalchemy", "[SQL:", "parameters")


# --- helpers ------------------------------------------------------------------------------------

def _query_only(dbapi_connection, _record) -> None:
    dbapi_connection.execute("PRAGMA query_only=ON")


def refuse_writes(qtbot, window: MainWindow, refuse: bool = True) -> None:
    """From now on the window's store refuses every write (see the module's docstring);
    `refuse=False` lets it write again (the file is back)."""
    def switch(store) -> None:
        from sqlalchemy import event

        if refuse:
            event.listen(store.engine, "connect", _query_only)
        else:
            event.remove(store.engine, "connect", _query_only)
        store.engine.dispose()  # the connections opened before: closed, so every one is new

    with qtbot.waitCallback(timeout=10_000) as done:
        window.worker.run(switch, done)


def texts_on_screen(window: MainWindow) -> list[str]:
    """Every label of the window and of its dialogs, the status bar's message too."""
    texts = [window.statusBar().currentMessage()]
    for top in [window, *QApplication.topLevelWidgets()]:
        texts += [label.text() for label in top.findChildren(QLabel)]
    return texts


def assert_no_internals(window: MainWindow) -> None:
    for text in texts_on_screen(window):
        for word in NEVER_ON_SCREEN:
            assert word not in text, f"{word!r} shown: {text!r}"


def advice(window: MainWindow) -> str:
    return (f"the database cannot be read or written: {READ_ONLY}. Check that the database file "
            f"{window.worker.db_path} is still there and can be written to, then try again.")


def open_on_call(qtbot, window: MainWindow, customer_id: int):
    view = window.show_view("call")
    with qtbot.waitSignal(view.customerOpened, timeout=10_000):
        view.open_customer(customer_id)
    qtbot.waitUntil(lambda: view.journal_panel.is_loaded, timeout=10_000)
    return view


# --- the journal note ------------------------------------------------------------------------------

def test_a_note_that_cannot_be_saved_stays_in_its_field_with_one_sentence_then_saves(qtbot, store, main_window):
    from domain.services.journal import journal

    Settings().agent_name = "Anna Söderström"
    customer = add_customer(store)
    call = open_on_call(qtbot, main_window, customer.id)
    panel = call.journal_panel
    refuse_writes(qtbot, main_window)

    panel.note_button.click()
    dialog = panel.note_dialog
    type_text(dialog.note_edit, "Ring tillbaka på fredag om licenserna")
    with qtbot.waitSignal(main_window.worker.idle, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert panel.note_dialog is dialog and dialog.isVisible()  # not closed: the note is not in the journal
    assert dialog.note_edit.toPlainText() == "Ring tillbaka på fredag om licenserna"
    assert dialog.status_label.text() == f"Not saved: {advice(main_window)}"
    assert dialog.save_button.isEnabled()  # to try again
    assert panel.status.text() == f"The entry could not be saved: {advice(main_window)}"
    assert main_window.error_banner.label.text() == advice(main_window)
    assert_no_internals(main_window)
    assert journal(store, customer.id) == []

    refuse_writes(qtbot, main_window, refuse=False)  # the file is back
    with qtbot.waitSignal(panel.entryAdded, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.note_dialog is None, timeout=10_000)
    assert [entry.note for entry in journal(store, customer.id)] == ["Ring tillbaka på fredag om licenserna"]


def test_an_answer_saved_to_the_journal_keeps_its_note_when_the_save_fails(qtbot, store, main_window):
    from desktop.gui.call.journal_entry_dialog import JournalEntryDialog

    Settings().agent_name = "Anna Söderström"
    customer = add_customer(store)
    open_on_call(qtbot, main_window, customer.id)
    set_up_escalation(qtbot, main_window)
    main_window.show_view("escalation")  # the answer on screen is what Ctrl+J saves
    refuse_writes(qtbot, main_window)

    main_window.call.journal_action.trigger()
    dialog = main_window.call.journal_dialog
    assert isinstance(dialog, JournalEntryDialog) and dialog.isVisible()
    type_text(dialog.note_edit, "Ärende öppnat hos Microsoft")
    with qtbot.waitSignal(main_window.worker.idle, timeout=10_000):
        dialog.save_button.click()
    assert dialog.isVisible() and dialog.note_edit.toPlainText() == "Ärende öppnat hos Microsoft"
    assert dialog.status_label.text() == f"Not saved: {advice(main_window)}"
    assert "Saved to" not in main_window.statusBar().currentMessage()  # never claimed
    assert_no_internals(main_window)


# --- the customer register ----------------------------------------------------------------------------

def test_a_customer_and_a_subscription_that_cannot_be_saved_keep_what_was_typed(qtbot, store, main_window):
    from domain.services.register import get_customer

    customer = add_customer(store)
    view = open_in_customers(qtbot, main_window, customer.id)
    refuse_writes(qtbot, main_window)

    view.form.name_edit.end(False)
    type_text(view.form.name_edit, " Sæter")
    with qtbot.waitSignal(main_window.worker.idle, timeout=10_000):
        qtbot.mouseClick(view.form.save_button, Qt.MouseButton.LeftButton)
    assert view.form.status_label.text() == f"Not saved: {advice(main_window)}"
    assert view.form.name_edit.text() == "Fjellstue AS Sæter" and view.form.is_dirty()

    view.add_subscription()
    dialog = view.subscription_dialog
    type_text(dialog.product_edit, "Microsoft 365 E3")
    with qtbot.waitSignal(main_window.worker.idle, timeout=10_000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert view.subscription_dialog is dialog and dialog.isVisible()
    assert dialog.product_edit.text() == "Microsoft 365 E3"
    assert dialog.status_label.text() == f"Not saved: {advice(main_window)}"
    assert dialog.ok_button.isEnabled()
    assert_no_internals(main_window)
    dialog.reject()

    assert get_customer(store, customer.id).customer.name == "Fjellstue AS"
    assert not get_customer(store, customer.id).subscriptions


def test_deleting_and_the_cases_say_the_same_sentence(qtbot, store, main_window):
    from domain.services.register import get_customer, save_subscription

    customer = add_customer(store)
    save_subscription(store, Subscription("Microsoft 365 E3", Term.MONTHS_12, dt.date(2026, 1, 1), 5,
                                          customer_id=customer.id), dt.date(2026, 11, 23))
    view = open_in_customers(qtbot, main_window, customer.id)
    escalation = set_up_escalation(qtbot, main_window)
    refuse_writes(qtbot, main_window)

    with qtbot.waitSignal(main_window.worker.idle, timeout=10_000):
        view.ask_delete_customer()
        view.confirm_box.button(view.confirm_box.StandardButton.Yes).click()
    assert main_window.error_banner.label.text() == advice(main_window)
    assert view.record is not None  # still shown: it is still there
    assert get_customer(store, customer.id) is not None

    with qtbot.waitSignal(main_window.worker.idle, timeout=10_000):
        escalation.save_case()
    assert escalation.answer_widget.save_status.text() == f"Not saved: {advice(main_window)}"
    assert escalation.form.product_edit.text() == "Exchange Online"
    assert_no_internals(main_window)


# --- quitting with a save that fails -------------------------------------------------------------------

def test_a_save_that_fails_while_quitting_keeps_deskguide_open_with_the_text(qtbot, store, main_window):
    customer = add_customer(store)
    view = open_in_customers(qtbot, main_window, customer.id)
    refuse_writes(qtbot, main_window)
    view.form.name_edit.end(False)
    type_text(view.form.name_edit, " Sæter")

    release = hold_the_worker(main_window)  # the save waits behind it
    try:
        qtbot.mouseClick(view.form.save_button, Qt.MouseButton.LeftButton)
        main_window.quit_action.trigger()
    finally:
        release.set()
    qtbot.waitUntil(lambda: not main_window.quitting.waiting, timeout=10_000)
    assert main_window.isVisible() and main_window.worker.running
    assert main_window.statusBar().currentMessage() == "Deskguide did not quit: a change could not be saved."
    assert view.form.status_label.text() == f"Not saved: {advice(main_window)}"
    assert view.form.name_edit.text() == "Fjellstue AS Sæter"
    assert main_window.centralWidget().isEnabled()  # back to the agent
