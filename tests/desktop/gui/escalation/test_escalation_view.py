"""Escalation to Microsoft, driven as an agent would: answer the severity questions (and
override the proposal), name the customer and the product, read the target, the due time
and why, save the case and watch its countdown; mark the first response. The clock is
pinned: Monday 23 November 2026, 12:00 UTC (13:00 in Sweden)."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QWidget

from desktop.common import i18n
from desktop.common.i18n import _, ngettext
from desktop.gui.escalation.escalation_view import EscalationView
from desktop.gui.platform.language import apply_language
from domain.customers import Customer, Offering
from tests.desktop.gui.keyboard_input import press, retype, tab_positions, type_text

pytestmark = pytest.mark.gui

LONG_FINNISH = "Pohjois-Pohjanmaan Sairaanhoitopiirin Kuntayhtymä"


# --- helpers ------------------------------------------------------------------------------

def click(qtbot, widget) -> None:
    assert widget.isVisible() and widget.isEnabled(), widget.text()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def answer_questions(qtbot, view: EscalationView, *answers: bool) -> None:
    for yes in answers:
        click(qtbot, view.severity.yes_button if yes else view.severity.no_button)


def open_on(view: EscalationView, moment: dt.datetime) -> None:
    """Type the opening on the customer's clock, as the agent does in the field."""
    view.form.opened_edit.set_moment(moment)


def pick(combo, data: str) -> None:
    combo.setCurrentIndex(combo.findData(data))


# --- the view ------------------------------------------------------------------------------

def test_the_view_is_in_the_navigation(main_window):
    titles = [main_window.navigation.item(row).text() for row in range(main_window.navigation.count())]
    assert "Escalation" in titles


def test_before_a_severity_the_answer_says_what_to_do_and_the_case_list_says_it_is_empty(open_escalation):
    view = open_escalation()
    severity = view.severity
    assert severity.question_label.text().startswith("Is a critical business system down")
    assert severity.yes_button.isVisible() and severity.no_button.isVisible()
    assert severity.severity is None and view.current_answer is None
    assert "Answer the severity questions" in view.answer_widget.text()
    assert not view.answer_widget.save_button.isVisible()
    assert view.cases.model.rowCount() == 0
    assert "No cases yet" in view.cases.note.text()
    # Opened: now, on the customer's (Sweden's) clock.
    assert view.form.opened_wall() == dt.datetime(2026, 11, 23, 13, 0)
    assert "Sweden Time" in view.form.opened_zone.text()


def test_the_questions_propose_a_and_the_agent_overrides_to_b(qtbot, open_escalation):
    view = open_escalation()
    severity = view.severity
    answer_questions(qtbot, view, False)
    assert "Is a critical business system down" in severity.history_label.text()
    assert severity.question_label.text().startswith("Is a critical business system degraded")
    with qtbot.waitSignal(view.answerChanged) as changed:
        answer_questions(qtbot, view, True)
    assert severity.proposed == "A" and severity.severity == "A"
    assert changed.args[0].severity.id == "A"
    assert "Proposed: severity A" in severity.question_label.text()
    assert severity.radios["A"].text() == "A (proposed)"
    assert not severity.overridden and not severity.override_label.isVisible()
    assert not severity.yes_button.isVisible()
    assert "60 minutes, around the clock" in view.answer_widget.target_label.text()

    click(qtbot, severity.radios["B"])  # the agent knows better: work can continue
    assert severity.severity == "B" and severity.overridden
    assert severity.override_label.isVisible()
    assert severity.override_label.text().startswith("Overridden")
    assert "proposed A" in severity.override_label.text()
    answer = view.current_answer
    assert answer.severity.id == "B" and answer.target.minutes == 120 and answer.clock == "business_hours"
    assert view.answer_widget.target_label.text() == "First response within 120 business minutes"
    assert "business hours only: 09:00–17:30 Sweden time on weekdays" in view.answer_widget.clock_label.text()

    click(qtbot, severity.restart_button)  # ask again: back to the first question
    assert severity.proposed is None and severity.severity is None
    assert severity.question_label.text().startswith("Is a critical business system down")


def test_three_noes_propose_c_with_the_fourth_definition(qtbot, open_escalation):
    view = open_escalation()
    answer_questions(qtbot, view, False, False, False)
    assert view.severity.proposed == "C"
    assert view.severity.question_label.text().startswith("Otherwise: minor impact")
    assert view.current_answer.target.minutes == 240


def test_b_opened_before_christmas_is_due_monday_and_the_explanation_says_why(qtbot, open_escalation):
    view = open_escalation()
    pick(view.form.country_combo, "SE")
    pick(view.form.offering_combo, "unified")
    open_on(view, dt.datetime(2026, 12, 23, 16, 45))
    view.severity.choose("B")
    answer = view.current_answer
    assert answer.due == dt.datetime(2026, 12, 28, 10, 15, tzinfo=answer.due.tzinfo)
    widget = view.answer_widget
    assert widget.due_label.text() == "Due Mon 28 Dec 10:15"
    assert "Sweden Time, GMT+01:00" in widget.zone_label.text()
    assert not view.form.follows_clock

    assert not widget.explanation_frame.isVisible()
    click(qtbot, widget.explain_button)
    assert widget.explanation_frame.isVisible()
    table = widget.timeline_label.text()
    for shown in ("Wed 23 Dec", "16:45–17:30", "45 min", "Christmas Eve", "Christmas Day", "Second Day of Christmas",
                  "weekend", "Mon 28 Dec", "09:00–10:15", "75 min", "Total: 120 min"):
        assert shown in table
    lines = widget.explanation.splitlines()
    assert "Wed 23 Dec: 16:45–17:30, 45 min" in lines
    assert "Thu 24 Dec: skipped, Christmas Eve" in lines
    assert "Fri 25 Dec: skipped, Christmas Day" in lines
    assert "Sat 26 Dec: skipped, Second Day of Christmas" in lines
    assert "Sun 27 Dec: skipped, weekend" in lines
    assert "Mon 28 Dec: 09:00–10:15, 75 min" in lines
    assert lines[-1].startswith("120 minutes counted: due Mon 28 Dec 2026 10:15")

    QApplication.clipboard().clear()
    with qtbot.waitSignal(widget.copied):
        click(qtbot, widget.copy_button)
    assert QApplication.clipboard().text() == widget.explanation
    assert widget.copy_status.text().startswith("Copied")


def test_enhanced_response_severity_1_for_a_non_azure_product_is_30_minutes_around_the_clock(qtbot, open_escalation):
    view = open_escalation()
    pick(view.form.offering_combo, "enhanced-response")
    answer_questions(qtbot, view, True)
    answer = view.current_answer
    assert answer.severity.id == "1" and answer.target.minutes == 30 and answer.clock == "24x7"
    assert view.answer_widget.target_label.text() == "First response within 30 minutes, around the clock"
    assert "24x7" in view.answer_widget.clock_label.text()
    # Opened now (13:00 in Sweden): due half an hour later, counting down.
    assert view.answer_widget.due_label.text() == "Due Mon 23 Nov 13:30"
    assert "due in 30 min" in view.answer_widget.zone_label.text()
    assert "Enhanced Incident Management" in view.answer_widget.submit_label.text()
    assert "Chinese" in view.answer_widget.languages_label.text()
    chain = view.answer_widget.chain_label.text().splitlines()
    assert [line[:3] for line in chain] == ["1. ", "2. ", "3. "]
    assert "second line" in chain[1] and chain[2].startswith("3. Microsoft")

    view.form.azure_check.setChecked(True)  # an Azure component: 15 minutes
    assert view.current_answer.target.minutes == 15


def test_rapid_response_severity_c_says_the_base_target_applies(qtbot, open_escalation):
    view = open_escalation()
    pick(view.form.offering_combo, "rapid-response")
    view.form.azure_check.setChecked(True)
    view.severity.choose("C")
    answer = view.current_answer
    assert answer.target.offering == "unified" and answer.target.minutes == 240
    notes = view.answer_widget.notes_label.text()
    assert "base package target applies" in notes
    assert view.answer_widget.notes_label.isVisible()
    assert "Azure portal" in view.answer_widget.submit_label.text()


def test_event_management_shows_its_extra_line_and_aem(qtbot, open_escalation):
    view = open_escalation()
    pick(view.form.offering_combo, "event-management")
    view.form.azure_check.setChecked(True)
    view.severity.choose("1")
    assert "critical-situation resource is assigned within 30 minutes" in view.answer_widget.notes_label.text()
    assert "AEM" in view.answer_widget.submit_label.text()


def test_an_excluded_azure_product_is_noted_next_to_its_field_and_the_other_target_applies(qtbot, open_escalation):
    view = open_escalation()
    form = view.form
    pick(form.offering_combo, "unified")
    assert not form.azure_combo.isEnabled()
    form.azure_check.setChecked(True)
    assert form.azure_combo.isEnabled()
    items = [form.azure_combo.itemText(row) for row in range(form.azure_combo.count())]
    assert "Azure StorSimple" in items  # the offering's exclusion list to choose from
    view.severity.choose("1")
    assert view.current_answer.target.minutes == 15
    form.azure_combo.setCurrentText("Azure StorSimple")
    assert form.azure_note.isVisible() and "exclusion list" in form.azure_note.text()
    assert form.azure_note.text().startswith("⚠")
    assert view.current_answer.target.minutes == 60 and not view.current_answer.azure
    assert "exclusion list" in view.answer_widget.notes_label.text()
    form.azure_combo.setCurrentText("Azure Virtual Machines")  # free text, not excluded
    assert view.current_answer.target.minutes == 15
    assert "exclusion list" not in form.azure_note.text()


# --- the product's lifecycle ---------------------------------------------------------------------

def test_windows_7_shows_the_ended_warning_in_the_answer(qtbot, open_escalation):
    view = open_escalation()
    view.severity.choose("B")
    with qtbot.waitSignal(view.lifecycleChanged) as checked:
        type_text(view.form.product_edit, "Windows 7")
    lifecycle = checked.args[0]
    assert lifecycle.product.name == "Windows 7" and lifecycle.ended
    widget = view.answer_widget
    assert widget.ended_badge.isVisible() and widget.ended_badge.text() == "Support ended"  # words and colour
    assert widget.warning_label.isVisible()
    assert "Microsoft support for Windows 7 ended on 2020-01-14" in widget.warning_label.text()
    assert "support ended on 14 Jan 2020" in view.form.product_note.text()
    assert "Windows 7 on 23 Nov 2026, the day the case was opened: support has ended" in widget.lifecycle_label.text()
    assert "Not allowed:" in widget.lifecycle_label.text()

    retype(view.form.product_edit, "Exchange SE")  # a supported product: no warning
    assert not widget.ended_badge.isVisible() and not widget.warning_label.isVisible()
    assert "in mainstream support" in view.form.product_note.text()


def test_the_lifecycle_phase_is_on_the_day_the_case_was_opened(qtbot, open_escalation):
    view = open_escalation()
    type_text(view.form.product_edit, "Windows 10 Enterprise LTSC 2019")
    assert view.current_lifecycle.phase.value == "extended"
    open_on(view, dt.datetime(2018, 12, 3, 10, 0))
    assert view.current_lifecycle.phase.value == "mainstream"


def test_unknown_and_ambiguous_products_list_the_closest_names_next_to_the_field(qtbot, open_escalation):
    view = open_escalation()
    form = view.form
    type_text(form.product_edit, "Windows 11")
    assert form.product_note.isVisible()
    note = form.product_note.text()
    assert "Fits 15 products" in note and "Windows 11 24H2 (Home, Pro)" in note
    assert view.current_lifecycle is None
    retype(form.product_edit, "Foo Bar 2000")
    assert "Not in the lifecycle list" in form.product_note.text()
    assert "Windows Server 2019" in form.product_note.text()
    # A closest name is a link: following it fills the field in.
    with qtbot.waitSignal(view.lifecycleChanged):
        form.product_note.linkActivated.emit("Windows Server 2019")
    assert form.product_edit.text() == "Windows Server 2019"
    assert view.current_lifecycle.product.name == "Windows Server 2019"


# --- the customer ----------------------------------------------------------------------------

def test_picking_a_customer_sets_its_country_and_offering(qtbot, store, open_escalation):
    from domain.services.register import save_customer

    save_customer(store, Customer(LONG_FINNISH, "FI", "0112038-9", offering=Offering.ENHANCED_RESPONSE))
    save_customer(store, Customer("Åkesson & Söner AB", "SE", "556677-8899"))
    view = open_escalation()
    picker = view.form.customer
    picker.search_edit.setFocus()
    type_text(picker.search_edit, "pohjois")
    qtbot.waitUntil(lambda: picker.model.rowCount() == 1, timeout=10_000)
    assert picker.table.isVisible()
    with qtbot.waitSignal(picker.customerPicked):
        press(picker.search_edit, Qt.Key.Key_Return)  # Enter picks the best match
    assert picker.customer_id is not None and picker.name() == LONG_FINNISH
    assert view.form.country() == "FI" and view.form.offering() == "enhanced-response"
    assert not picker.table.isVisible()
    assert picker.note.text() == f"From the register: {LONG_FINNISH} · Finland · Enhanced Response"
    # The opening stays the same instant, now on Finland's clock.
    assert view.form.opened_wall() == dt.datetime(2026, 11, 23, 14, 0)

    retype(picker.search_edit, "Nobody Oy")  # a name not in the register: kept as typed
    assert picker.customer_id is None and picker.name() == "Nobody Oy"
    assert "Not in the register" in picker.note.text()
    assert view.form.country() == "FI"  # unchanged by dropping the pick


def test_changing_the_country_keeps_the_instant_the_case_was_opened(qtbot, open_escalation):
    view = open_escalation()
    open_on(view, dt.datetime(2026, 12, 23, 16, 45))
    pick(view.form.country_combo, "FI")
    assert view.form.opened_wall() == dt.datetime(2026, 12, 23, 17, 45)
    assert "Finland Time" in view.form.opened_zone.text()


def test_set_question_prefills_for_the_call_workflow(qtbot, store, open_escalation):
    from domain.services.register import save_customer

    customer = save_customer(store, Customer("Fjellstue Sæter AS", "NO", "923 609 016"))
    view = open_escalation()
    view.set_question("NO", "rapid-response", customer.id, "Windows Server 2019")
    qtbot.waitUntil(lambda: view.form.customer.customer_id == customer.id, timeout=10_000)
    assert view.form.customer.name() == "Fjellstue Sæter AS"
    assert view.form.country() == "NO" and view.form.offering() == "rapid-response"
    assert view.form.product_edit.text() == "Windows Server 2019"
    assert view.current_lifecycle.product.name == "Windows Server 2019"


# --- cases ---------------------------------------------------------------------------------------

def save_case(qtbot, view: EscalationView):
    with qtbot.waitSignal(view.caseSaved, timeout=10_000) as saved, \
            qtbot.waitSignal(view.cases.loaded, timeout=10_000):
        click(qtbot, view.answer_widget.save_button)
    return saved.args[0]


def mark_first_response(qtbot, cases) -> None:
    """Mark first response: the dialog asks when (now, as left), and the agent confirms."""
    click(qtbot, cases.mark_button)
    qtbot.waitUntil(lambda: cases.dialog is not None and cases.dialog.isVisible())
    click(qtbot, cases.dialog.ok_button)


def test_a_case_needs_a_product_said_next_to_the_field(qtbot, open_escalation):
    view = open_escalation()
    view.severity.choose("A")
    with qtbot.assertNotEmitted(view.caseSaved):
        click(qtbot, view.answer_widget.save_button)
    assert view.form.product_error.isVisible()
    assert "Name the product" in view.form.product_error.text()
    assert view.form.product_edit.accessibleDescription() == view.form.product_error.problem
    type_text(view.form.product_edit, "E")
    assert not view.form.product_error.isVisible()


def test_a_saved_case_counts_down_is_breached_past_due_and_its_first_response_is_recorded(
        qtbot, main_window, clock, open_escalation):
    view = open_escalation()
    type_text(view.form.customer.search_edit, "Åkesson & Söner AB")
    type_text(view.form.product_edit, "Exchange Online")
    answer_questions(qtbot, view, False, True)  # severity A: 60 minutes, 24x7, opened now (13:00 in Sweden)
    case = save_case(qtbot, view)
    assert case.id is not None and case.severity == "A" and case.customer_name == "Åkesson & Söner AB"
    assert case.due == dt.datetime(2026, 11, 23, 13, 0, tzinfo=dt.timezone.utc)
    assert "Saved as case" in view.answer_widget.save_status.text()

    cases = view.cases
    assert cases.model.rowCount() == 1
    row = cases.model.row_of(case.id)
    assert cases.table.currentIndex().row() == row  # the new case is selected
    assert cases.model.status_text(row) == "Open: due in 1 h"
    assert cases.model.index(row, 1).data() == "Mon 23 Nov 14:00"  # on the customer's clock
    assert not cases.model.breached(row)

    clock.moment = dt.datetime(2026, 11, 23, 12, 48, tzinfo=dt.timezone.utc)
    main_window.hours.tick()  # the minute turned
    assert cases.model.status_text(row) == "Open: due in 12 min"

    clock.moment = dt.datetime(2026, 11, 23, 13, 5, tzinfo=dt.timezone.utc)
    main_window.hours.tick()
    assert cases.model.breached(row)
    status = cases.model.index(row, 0)
    assert status.data() == "Breached: overdue by 5 min"  # in words, and in colour:
    assert status.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert "1 breached" in cases.note.text()

    assert cases.mark_button.isEnabled()
    with qtbot.waitSignal(cases.responded, timeout=10_000) as responded, \
            qtbot.waitSignal(cases.loaded, timeout=10_000):
        mark_first_response(qtbot, cases)
    marked = responded.args[0]
    assert marked.responded == clock.moment and marked.met is False
    row = cases.model.row_of(case.id)
    assert cases.model.status_text(row) == "Missed: answered 5 min late"
    assert cases.model.index(row, 0).data(Qt.ItemDataRole.BackgroundRole) is None  # the clock has stopped
    assert "missed" in cases.note.text()
    assert not cases.mark_button.isEnabled()  # answered once


def test_a_first_response_in_time_is_recorded_as_met_and_cases_list_by_urgency(
        qtbot, main_window, clock, open_escalation):
    view = open_escalation()
    type_text(view.form.product_edit, "SharePoint Server 2019")
    view.severity.choose("C")  # 240 business minutes: due Mon 23 Nov 17:00
    later = save_case(qtbot, view)
    view.severity.choose("A")  # 60 minutes: due 14:00, more urgent
    sooner = save_case(qtbot, view)
    cases = view.cases
    assert [cases.model.case(row).id for row in range(2)] == [sooner.id, later.id]
    assert "(no customer)" == cases.model.index(0, 3).data()

    clock.moment = dt.datetime(2026, 11, 23, 12, 30, tzinfo=dt.timezone.utc)
    cases.select_case(sooner.id)
    with qtbot.waitSignal(cases.loaded, timeout=10_000):
        mark_first_response(qtbot, cases)
    # Answered cases go after the open ones; the recorded outcome is shown.
    assert [cases.model.case(row).id for row in range(2)] == [later.id, sooner.id]
    row = cases.model.row_of(sooner.id)
    assert cases.model.status_text(row) == "Met: answered Mon 23 Nov 13:30"
    assert "first response recorded, met" in cases.note.text()


def test_the_first_response_records_the_agents_name(qtbot, store, clock, open_escalation):
    from desktop.gui.platform.settings import Settings
    from domain.services.escalation import list_cases

    Settings().agent_name = "Anna Lind"
    view = open_escalation()
    type_text(view.form.product_edit, "Exchange Online")
    view.severity.choose("A")
    case = save_case(qtbot, view)
    with qtbot.waitSignal(view.cases.loaded, timeout=10_000):
        mark_first_response(qtbot, view.cases)
    [stored] = list_cases(store)
    assert (stored.id, stored.responded, stored.responded_by, stored.version) == (case.id, clock(), "Anna Lind", 2)


def test_a_colleague_who_marked_the_first_response_first_is_named_with_the_moment(
        qtbot, store, clock, open_escalation):
    """Two agents on one case: the colleague's mark landed first (another app, the same
    database); this agent's click records nothing and says who and when."""
    from desktop.gui.platform.settings import Settings
    from domain.services.escalation import list_cases, mark_responded

    Settings().agent_name = "Anna Lind"
    view = open_escalation()
    type_text(view.form.product_edit, "Exchange Online")
    view.severity.choose("A")
    case = save_case(qtbot, view)
    colleague_at = dt.datetime(2026, 11, 23, 12, 20, tzinfo=dt.timezone.utc)  # 13:20 in Sweden
    mark_responded(store, case.id, colleague_at, by="Mikko Virtanen")
    clock.moment = dt.datetime(2026, 11, 23, 12, 21, tzinfo=dt.timezone.utc)
    cases = view.cases
    assert cases.mark_button.isEnabled()  # the list was read before the colleague's mark
    with qtbot.assertNotEmitted(cases.responded), qtbot.waitSignal(cases.loaded, timeout=10_000):
        mark_first_response(qtbot, cases)
    assert (f"Case {case.id}: not recorded, Mikko Virtanen marked the first response at Mon 23 Nov 13:20, "
            "before you.") in cases.note.text()
    assert not cases.mark_button.isEnabled()  # the list shows it answered now
    assert cases.model.status_text(cases.model.row_of(case.id)).startswith("Met: answered")
    [stored] = list_cases(store)
    assert (stored.responded, stored.responded_by) == (colleague_at, "Mikko Virtanen")


def test_cases_saved_earlier_are_listed_when_the_view_opens(qtbot, store, open_escalation):
    from domain.cases import new_case
    from domain.services.escalation import escalator
    from domain.services.escalation import save_case as store_case

    answer = escalator(store).escalate("B", "unified", dt.datetime(2026, 11, 20, 9, 0), "DK")
    store_case(store, new_case(answer, "DK", "Microsoft Teams", "Østergaard & Søn Rådgivende Ingeniørfirma ApS"))
    view = open_escalation()
    assert view.cases.model.rowCount() == 1
    assert view.cases.model.status_text(0).startswith("Breached: overdue by")


# --- accessibility and layout -----------------------------------------------------------------------

def test_controls_have_accessible_names_and_tab_in_reading_order(qtbot, open_escalation):
    view = open_escalation()
    view.severity.choose("B")
    type_text(view.form.product_edit, "Windows 7")
    for widget in view.findChildren(QWidget):
        if isinstance(widget.parentWidget(), (QComboBox, QAbstractSpinBox)):
            continue  # the editor inside a combo box or a date field: the field's name is read
        if widget.isVisible() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus and not widget.accessibleName():
            # Every control an agent tabs to says what it is (buttons and check boxes by their text).
            assert getattr(widget, "text", lambda: "")(), widget

    order = [view.form.customer.search_edit, view.form.country_combo, view.form.offering_combo,
             view.form.product_edit, view.form.azure_check, view.form.opened_edit.line_edit, view.form.now_button,
             view.severity.restart_button, view.answer_widget.explain_button, view.answer_widget.save_button,
             view.answer_widget.summary_button, view.cases.table]
    positions = tab_positions(order)
    assert len(positions) == len(order) and positions == sorted(positions)


def test_long_names_and_texts_wrap_instead_of_being_cut(qtbot, main_window, store, open_escalation):
    from domain.services.register import save_customer

    save_customer(store, Customer(LONG_FINNISH, "FI", "0112038-9", offering=Offering.UNIFIED))
    main_window.resize(1024, 700)
    view = open_escalation()
    picker = view.form.customer
    picker.search_edit.setFocus()
    type_text(picker.search_edit, "sairaanhoito")
    qtbot.waitUntil(lambda: picker.model.rowCount() == 1, timeout=10_000)
    picker.pick_row(0)
    view.severity.choose("1")
    type_text(view.form.product_edit, "Windows 7")
    QApplication.processEvents()
    for label in (view.answer_widget.warning_label, view.answer_widget.chain_label,
                  view.answer_widget.obligations_label, view.severity.situation_label, picker.note):
        if label.isVisible():
            assert label.width() <= label.parentWidget().width()
            assert label.height() >= label.heightForWidth(label.width()) - 1, label.accessibleName()
    # No horizontal scrolling in either column: everything wraps to the width.
    assert view.question_scroll.widget().width() <= view.question_scroll.viewport().width()
    assert view.answer_scroll.widget().width() <= view.answer_scroll.viewport().width()


# --- the wording -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("minutes", "text"), [
    (72, "due in 1 h 12 min"), (60, "due in 1 h"), (0.5, "due in 1 min"), (0, "due now"), (-0.2, "overdue by 1 min"),
    (-5, "overdue by 5 min"), (-125, "overdue by 2 h 5 min"), (4 * 24 * 60 + 75, "due in 4 d 1 h"),
    (2 * 24 * 60, "due in 2 d"),
])
def test_countdowns_read_as_a_person_says_them(minutes, text):
    from desktop.wording.escalation import countdown_text

    assert countdown_text(minutes) == text


def test_a_wall_time_that_does_not_exist_is_said_next_to_the_opening(qtbot, open_escalation):
    view = open_escalation()
    open_on(view, dt.datetime(2026, 3, 29, 2, 30))  # Sweden: the clocks go from 02:00 to 03:00
    assert view.form.opened_error.isVisible()
    assert "does not exist" in view.form.opened_error.text()
    open_on(view, dt.datetime(2026, 3, 30, 2, 30))
    assert not view.form.opened_error.isVisible()


# --- another language, while the agent works ---------------------------------------------------------

def pick_customer(qtbot, view: EscalationView, typed: str) -> None:
    picker = view.form.customer
    picker.search_edit.setFocus()
    type_text(picker.search_edit, typed)
    qtbot.waitUntil(lambda: picker.model.rowCount() == 1, timeout=10_000)
    with qtbot.waitSignal(picker.customerPicked):
        picker.pick_row(0)


@pytest.mark.parametrize("lang", ["sv", "fi"])
def test_a_language_switch_keeps_the_question_and_says_the_answer_in_the_new_language(
        qtbot, store, open_escalation, lang):
    from domain.services.register import save_customer

    customer = save_customer(store, Customer(LONG_FINNISH, "FI", "0112038-9", offering=Offering.ENHANCED_RESPONSE))
    view = open_escalation()
    pick_customer(qtbot, view, "pohjois")
    answer_questions(qtbot, view, False, True)  # the questions propose A...
    click(qtbot, view.severity.radios["B"])  # ...and the agent overrides to B
    before = view.current_answer
    level = before.severity

    apply_language(lang)

    # Everything the agent chose is still chosen.
    form, severity, widget = view.form, view.severity, view.answer_widget
    assert form.customer.customer_id == customer.id and form.customer.name() == LONG_FINNISH
    assert form.country() == "FI" and form.offering() == "enhanced-response"
    assert severity.proposed == "A" and severity.severity == "B" and severity.overridden
    assert view.current_answer == before
    with i18n.in_language(lang):
        box_title = _("Customer")
        country_item = _("{name} ({code})").format(name=i18n.country_name("FI"), code="FI")
        note = _("From the register: {name} · {country} · {offering}").format(
            name=LONG_FINNISH, country=i18n.country_name("FI"), offering=_("Enhanced Response"))
        overridden = _("Overridden: the questions proposed {proposed}, severity {used} is used.").format(
            proposed="A", used="B")
        situation = _(level.situation)
        target = ngettext("First response within {n} business minute", "First response within {n} business minutes",
                          120).format(n=120)
        explain = _("E&xplain this due time")
    assert form.customer_box.title() == box_title != "Customer"
    assert form.country_combo.currentText() == country_item
    assert form.customer.note.text() == note != f"From the register: {LONG_FINNISH} · Finland · Enhanced Response"
    assert severity.override_label.text() == overridden
    assert overridden != "Overridden: the questions proposed A, severity B is used."
    assert situation in severity.situation_label.text() and situation != level.situation
    assert widget.target_label.text() == target != "First response within 120 business minutes"
    assert widget.explain_button.text() == explain != "E&xplain this due time"


def test_the_due_time_its_explanation_and_the_lifecycle_warning_follow_the_language(qtbot, open_escalation):
    view = open_escalation()
    pick(view.form.country_combo, "FI")
    open_on(view, dt.datetime(2026, 12, 23, 16, 45))  # Finnish time: Wednesday before Christmas
    view.severity.choose("B")
    type_text(view.form.product_edit, "Windows 7")
    widget = view.answer_widget
    click(qtbot, widget.explain_button)
    lifecycle = view.current_lifecycle

    apply_language("fi")

    assert view.form.product_edit.text() == "Windows 7" and view.severity.severity == "B"
    assert widget.explanation_frame.isVisible()  # still open, now in Finnish
    with i18n.in_language("fi"):
        wednesday = i18n.format_date(dt.date(2026, 12, 23), "EEE")
        due_clock = i18n.format_clock(view.current_answer.due)
        total = _("Total: {n} min").format(n=120)
        warning = _(lifecycle.warning)
        badge = _("Support ended")
    assert wednesday in widget.timeline_label.text() and wednesday != "Wed"
    assert wednesday in widget.explanation
    assert total in widget.timeline_label.text() and total != "Total: 120 min"
    assert due_clock in widget.due_label.text() and due_clock != "10:15"  # Finland writes 10.15
    assert widget.ended_badge.text() == badge != "Support ended"
    assert warning in widget.warning_label.text() and warning != str(lifecycle.warning)


def test_the_summary_for_a_norwegian_customer_is_norwegian_while_the_agent_reads_finnish(qtbot, open_escalation):
    view = open_escalation()
    pick(view.form.country_combo, "NO")
    view.severity.choose("A")
    widget = view.answer_widget
    click(qtbot, widget.summary_button)
    assert widget.summary_language.language() == "nb"  # chosen from the customer's country

    apply_language("fi")

    answer = view.current_answer
    assert widget.summary_language.language() == "nb"
    shown = widget.summary_label.text()
    assert shown == widget.summary
    english = "Your case is escalated to Microsoft at severity A (Critical business system degraded)."
    with i18n.in_language("nb"):
        opening = _("Your case is escalated to Microsoft at severity {id} ({title}).").format(
            id="A", title=_(answer.severity.title))
        situation = _(answer.severity.situation)
        due_day = i18n.format_date(answer.due.date(), "full")
    with i18n.in_language("fi"):
        finnish = _("Your case is escalated to Microsoft at severity {id} ({title}).").format(
            id="A", title=_(answer.severity.title))
        button = _("Summary for the cus&tomer")
    assert shown.splitlines()[0] == opening and opening not in (english, finnish)
    assert situation in shown and situation != answer.severity.situation
    assert due_day in shown  # "mandag 23. november 2026"
    assert widget.summary_button.text() == button != "Summary for the cus&tomer"  # the agent's own language

    widget.summary_language.set_language("da")  # the agent knows better: write in Danish
    view.severity.choose("B")  # a new answer for the same customer keeps the choice
    assert widget.summary_language.language() == "da"
    with i18n.in_language("da"):
        danish = _("Your case is escalated to Microsoft at severity {id} ({title}).").format(
            id="B", title=_(view.current_answer.severity.title))
    assert widget.summary.splitlines()[0] == danish
    pick(view.form.country_combo, "FI")  # another country: its language
    assert widget.summary_language.language() == "fi"


def test_copy_puts_exactly_the_shown_summary_on_the_clipboard(qtbot, open_escalation):
    view = open_escalation()
    open_on(view, dt.datetime(2026, 12, 23, 16, 45))
    view.severity.choose("C")
    widget = view.answer_widget
    assert not widget.summary_frame.isVisible()
    click(qtbot, widget.summary_button)
    assert widget.summary_frame.isVisible()
    widget.summary_language.set_language("en")
    summary = widget.summary_label.text()
    assert summary.splitlines()[0] == "Your case is escalated to Microsoft at severity C (Minor business impact)."
    assert "240 business minutes, counted in business hours only" in summary
    assert "due by Monday, 28 December 2026 at 12:15" in summary  # 45 min on the 23rd, 195 on Monday
    assert "• Respond within 24 hours." in summary and "000:" not in summary

    QApplication.clipboard().clear()
    with qtbot.waitSignal(widget.summaryCopied):
        click(qtbot, widget.summary_copy_button)
    assert QApplication.clipboard().text() == summary
    assert widget.summary_copy_status.text().startswith("Copied")


@pytest.mark.parametrize("lang", ["sv", "fi"])
def test_the_cases_count_down_in_the_new_language_and_keep_the_selection(
        qtbot, main_window, clock, open_escalation, lang):
    view = open_escalation()
    type_text(view.form.product_edit, "Exchange Online")
    view.severity.choose("A")  # 60 minutes, 24x7: due 14:00 in Sweden
    case = save_case(qtbot, view)
    cases = view.cases

    apply_language(lang)

    row = cases.model.row_of(case.id)
    assert cases.table.currentIndex().row() == row  # the case stays selected
    with i18n.in_language(lang):
        header = _("Due (customer's time)")
        status = _("{state}: {detail}").format(state=_("Open"), detail=_("due in {time}").format(
            time=_("{h} h").format(h=1)))
        counts = ngettext("{n} open case", "{n} open cases", 1).format(n=1)
        saved = _("Saved as case {id}: it is listed below with its countdown.").format(id=case.id)
    assert cases.model.headerData(1, Qt.Orientation.Horizontal) == header != "Due (customer's time)"
    assert cases.model.index(row, 0).data() == status != "Open: due in 1 h"
    assert cases.note.text().startswith(counts) and counts != "1 open case"
    assert view.answer_widget.save_status.text() == saved

    clock.moment = dt.datetime(2026, 11, 23, 13, 5, tzinfo=dt.timezone.utc)
    main_window.hours.tick()  # the minute turned: breached, said in the new language
    with i18n.in_language(lang):
        breached = _("{state}: {detail}").format(state=_("Breached"), detail=_("overdue by {time}").format(
            time=_("{m} min").format(m=5)))
    assert cases.model.index(row, 0).data() == breached != "Breached: overdue by 5 min"
