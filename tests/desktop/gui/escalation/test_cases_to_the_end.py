"""Cases seen through to the end (issue 16), driven as an agent would in the real window:
a repeat flagged before it is saved, the first response entered and undone, a case
edited, closed and cancelled, and the customer's journal written with the case and its
mark. The clock is pinned: Monday 23 November 2026, 12:00 UTC (13:00 in Sweden)."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from desktop.gui.platform.settings import Settings
from domain.customers import Customer
from domain.services import journal
from domain.services.escalation import edit_case, list_cases
from domain.services.register import save_customer
from tests.desktop.gui.escalation.test_escalation_view import click, mark_first_response, save_case
from tests.desktop.gui.keyboard_input import retype, type_text

pytestmark = pytest.mark.gui
UTC = dt.timezone.utc


@pytest.fixture
def customer(store, isolated_settings):
    Settings().agent_name = "Anna Berg"  # the journal records who
    return save_customer(store, Customer("Östergren Bygg AB", "SE", "556036-0793"))


def case_for(qtbot, view, customer, severity="B", product="Exchange Online"):
    view.set_question("SE", "unified", customer.id, product)
    qtbot.waitUntil(lambda: view.form.customer.customer_id == customer.id, timeout=10_000)
    view.severity.choose(severity)


def click_save(qtbot, view):
    click(qtbot, view.answer_widget.save_button)
    qtbot.waitUntil(lambda: view.duplicate_dialog is not None and view.duplicate_dialog.isVisible(),
                    timeout=10_000)
    return view.duplicate_dialog


def test_saving_the_same_case_twice_asks_first_and_can_open_the_existing_one(qtbot, store, customer,
                                                                              open_escalation):
    view = open_escalation()
    case_for(qtbot, view, customer)
    first = save_case(qtbot, view)

    dialog = click_save(qtbot, view)  # the same question again, a minute later
    assert f"Case {first.id} is open for Östergren Bygg AB: Exchange Online, severity B" in dialog.text()
    with qtbot.waitSignal(view.cases.loaded, timeout=10_000):
        click(qtbot, dialog.open_button)
    assert [c.id for c in list_cases(store)] == [first.id]  # nothing written twice
    assert view.cases.current_id() == first.id
    assert f"case {first.id} is selected below" in view.answer_widget.save_status.text()

    dialog = click_save(qtbot, view)
    with qtbot.waitSignal(view.caseSaved, timeout=10_000) as saved:
        click(qtbot, dialog.save_button)  # a second problem after all
    assert len(list_cases(store)) == 2 and saved.args[0].id != first.id

    dialog = click_save(qtbot, view)
    click(qtbot, dialog.cancel_button)
    qtbot.waitUntil(lambda: view.answer_widget.save_status.text() == "Not saved.")
    assert len(list_cases(store)) == 2


def test_the_case_and_its_first_response_are_written_to_the_customers_journal(qtbot, store, clock, customer,
                                                                              open_escalation):
    view = open_escalation()
    case_for(qtbot, view, customer)
    case = save_case(qtbot, view)
    clock.moment = dt.datetime(2026, 11, 23, 12, 40, tzinfo=UTC)
    with qtbot.waitSignal(view.cases.loaded, timeout=10_000):
        mark_first_response(qtbot, view.cases)
    entries = journal.journal(store, customer.id)
    assert [(e.kind.value, e.topic, e.verdict, e.agent) for e in entries] == [
        ("escalation", "Exchange Online", "First response", "Anna Berg"),
        ("escalation", "Exchange Online", "Case opened", "Anna Berg")]
    assert "due Mon 23 Nov 2026 15:00" in entries[1].summary  # severity B: 120 business minutes
    assert "came Mon 23 Nov 2026 13:40" in entries[0].summary and "met" in entries[0].summary
    assert case.customer_id == customer.id


def test_the_first_response_is_the_moment_the_agent_enters_and_can_be_undone(qtbot, store, clock, customer,
                                                                             open_escalation):
    view = open_escalation()
    case_for(qtbot, view, customer)
    case = save_case(qtbot, view)
    clock.moment = dt.datetime(2026, 11, 23, 13, 0, tzinfo=UTC)  # 14:00 in Sweden; it came at 13:30
    cases = view.cases
    click(qtbot, cases.mark_button)
    qtbot.waitUntil(lambda: cases.dialog is not None and cases.dialog.isVisible())
    dialog = cases.dialog
    edit = dialog.moment_edit
    assert edit.moment() == dt.datetime(2026, 11, 23, 14, 0)  # now, on the customer's clock, by default

    def typed(text: str) -> None:  # Ctrl+A and the whole moment, as the agent types it (issue 16)
        qtbot.keyClick(edit.line_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(edit.line_edit, text)
        qtbot.keyClick(edit.line_edit, Qt.Key.Key_Return)

    typed("23.11.2026 12.59")  # before the case was opened (13:00): refused, said why
    assert not dialog.ok_button.isEnabled() and "cannot come before" in dialog.range_label.text()
    typed("2026-11-23 14:01")  # in the future
    assert not dialog.ok_button.isEnabled() and "in the future" in dialog.range_label.text()
    assert dialog.isVisible()  # Enter on a refused moment records nothing
    # A moment in range: Enter takes it and records it, as the dialog's OK does.
    with qtbot.waitSignal(cases.responded, timeout=10_000) as responded, qtbot.waitSignal(cases.loaded):
        typed("23.11.2026 kl. 13.30")
    assert responded.args[0].responded == dt.datetime(2026, 11, 23, 12, 30, tzinfo=UTC)
    [stored] = list_cases(store)
    assert stored.responded == dt.datetime(2026, 11, 23, 12, 30, tzinfo=UTC) and stored.met

    assert cases.undo_button.isVisible() and cases.undo_timer.isActive()
    assert cases.undo_timer.interval() == 60_000  # within a minute
    with qtbot.waitSignal(cases.loaded, timeout=10_000):
        click(qtbot, cases.undo_button)
    [stored] = list_cases(store)
    assert stored.responded is None and stored.responded_by is None
    assert f"Case {case.id}: first response mark undone" in cases.note.text()
    assert not cases.undo_button.isVisible() and cases.mark_button.isEnabled()
    assert journal.journal(store, customer.id)[0].verdict == "First response undone"

    # Marked again; the minute passes: Undo is no longer offered.
    with qtbot.waitSignal(cases.loaded, timeout=10_000):
        mark_first_response(qtbot, cases)
    assert cases.undo_button.isVisible()
    cases.undo_timer.timeout.emit()  # the minute is up
    assert not cases.undo_button.isVisible()


def test_undo_after_a_colleague_changed_the_case_keeps_the_mark_and_says_why(qtbot, store, customer,
                                                                            open_escalation):
    view = open_escalation()
    case_for(qtbot, view, customer)
    save_case(qtbot, view)
    cases = view.cases
    with qtbot.waitSignal(cases.responded, timeout=10_000) as responded, qtbot.waitSignal(cases.loaded):
        mark_first_response(qtbot, cases)
    edit_case(store, responded.args[0], "Teams", "Bo's note")  # a colleague, in another app
    with qtbot.waitSignal(cases.loaded, timeout=10_000):
        click(qtbot, cases.undo_button)
    assert "Not undone: case" in cases.note.text() and "changed by someone else" in cases.note.text()
    assert list_cases(store)[0].responded is not None


def test_a_case_is_edited_then_closed_and_shown_again_with_show_closed(qtbot, store, customer, open_escalation):
    view = open_escalation()
    case_for(qtbot, view, customer)
    case = save_case(qtbot, view)
    cases = view.cases

    click(qtbot, cases.edit_button)
    qtbot.waitUntil(lambda: cases.dialog is not None and cases.dialog.isVisible())
    dialog = cases.dialog
    retype(dialog.product_edit, "")
    assert not dialog.ok_button.isEnabled()  # a case is always about a product
    type_text(dialog.product_edit, "Exchange Online Protection")
    dialog.note_edit.setPlainText("Spam filter drops mail")
    with qtbot.waitSignal(cases.loaded, timeout=10_000):
        click(qtbot, dialog.ok_button)
    row = cases.model.row_of(case.id)
    assert cases.model.index(row, 4).data() == "Exchange Online Protection"
    assert list_cases(store)[0].note == "Spam filter drops mail"

    click(qtbot, cases.end_button)
    qtbot.waitUntil(lambda: cases.dialog is not None and cases.dialog.isVisible())
    dialog = cases.dialog
    assert dialog.close_radio.isChecked() and not dialog.ok_button.isEnabled()  # a reason is required
    type_text(dialog.reason_edit, "Solved by Microsoft")
    with qtbot.waitSignal(cases.loaded, timeout=10_000):
        click(qtbot, dialog.ok_button)
    assert cases.model.row_of(case.id) == -1  # off the worklist and its countdowns
    assert f"Case {case.id} closed: Solved by Microsoft" in cases.note.text()

    with qtbot.waitSignal(cases.loaded, timeout=10_000):
        click(qtbot, cases.show_ended_check)
    row = cases.model.row_of(case.id)
    assert cases.model.status_text(row) == "Closed: Solved by Microsoft"
    cases.select_case(case.id)
    assert not cases.edit_button.isEnabled() and not cases.end_button.isEnabled()
    assert not cases.mark_button.isEnabled()
    [stored] = list_cases(store, include_ended=True)
    assert (stored.status, stored.ended_by) == ("closed", "Anna Berg")


def test_a_case_opened_twice_is_cancelled_and_an_edit_a_colleague_beat_is_refused(qtbot, store, customer,
                                                                                   open_escalation):
    view = open_escalation()
    case_for(qtbot, view, customer)
    case = save_case(qtbot, view)
    cases = view.cases
    edit_case(store, list_cases(store)[0], "Teams", "")  # a colleague, after the list was read

    click(qtbot, cases.end_button)
    qtbot.waitUntil(lambda: cases.dialog is not None and cases.dialog.isVisible())
    click(qtbot, cases.dialog.cancel_radio)
    type_text(cases.dialog.reason_edit, "Opened twice")
    # Waited for by what the agent sees, not by the next `loaded`: the colleague's commit
    # also makes the list reload by itself (data_version), and that reload may come first.
    click(qtbot, cases.dialog.ok_button)
    qtbot.waitUntil(lambda: "Not saved: case" in cases.note.text(), timeout=10_000)
    assert "changed by someone else" in cases.note.text()
    qtbot.waitUntil(lambda: cases.model.index(cases.model.row_of(case.id), 4).data() == "Teams")  # theirs, shown

    click(qtbot, cases.end_button)  # again, on what is stored now
    qtbot.waitUntil(lambda: cases.dialog is not None and cases.dialog.isVisible())
    click(qtbot, cases.dialog.cancel_radio)
    type_text(cases.dialog.reason_edit, "Opened twice")
    click(qtbot, cases.dialog.ok_button)
    qtbot.waitUntil(lambda: f"Case {case.id} cancelled: Opened twice" in cases.note.text(), timeout=10_000)
    assert list_cases(store) == []
