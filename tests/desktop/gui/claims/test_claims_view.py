"""The Claims view (issue 19) in the real main window: the agent picks the service, enters
the outage (start and end on the customer's clock, or minutes in a month), and reads the
uptime, the credit band and each sentence with its clause; the customer's message in
five languages; Ctrl+J keeps it in the journal; opened from the card it starts fresh for
that customer; the palette finds it."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.common import i18n
from domain.customers import Customer, Offering
from tests.desktop.gui.keyboard_input import press, type_text

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, store, open_window, isolated_settings):
    from desktop.gui.platform.settings import Settings
    from domain.services.register import save_customer

    Settings().agent_name = "Anna Berg"
    finnish = save_customer(store, Customer("Pohjolan Puu Oy", "FI", "0112038-9", offering=Offering.UNIFIED))
    swedish = save_customer(store, Customer("Åkesson & Söner AB", "SE", "556677-8899"))
    window = open_window()
    qtbot.waitUntil(lambda: window.call is not None and window.view("call").finder.is_loaded, timeout=15_000)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
    return window, finnish, swedish


def claims_view(window):
    return window.show_view("claims")


def outage(view, start: dt.datetime, end: dt.datetime, service: str = "exchange-online") -> None:
    view.form.set_service(service)
    view.form.set_times(start, end)


def open_card(qtbot, window, customer) -> None:
    window.show_view("call")
    call = window.view("call")
    with qtbot.waitSignal(call.customerOpened, timeout=10_000):
        call.open_customer(customer.id)


def test_four_hours_of_exchange_in_a_30_day_month_is_a_25_percent_credit(qtbot, window):
    window, _finnish, _swedish = window
    view = claims_view(window)
    names = [view.form.service_combo.itemText(i) for i in range(view.form.service_combo.count())]
    assert names == ["Exchange Online", "SharePoint Online", "OneDrive for Business", "Microsoft Teams",
                     "Microsoft 365 Apps for enterprise"]
    outage(view, dt.datetime(2026, 11, 10, 8, 0), dt.datetime(2026, 11, 10, 12, 0))
    answer = view.current_answer
    assert (answer.service, answer.month, answer.outage_minutes, answer.month_minutes) == (
        "exchange-online", "2026-11", 240, 43_200)
    shown = view.answer_widget
    assert shown.uptime() == "Uptime 99.44% · SLA 99.9%"
    assert shown.credit() == "Service Credit 25%"
    lines = shown.lines()
    # Who to claim from, the remedy, the cap, what is excluded and the next step, each cited.
    assert "The claim goes to the reseller (us)" in lines and "§4" in lines
    assert "paid only after Microsoft has credited the reseller" in lines
    assert "at most what the customer paid for end-user support and Office 365 in the last six months" in lines
    assert "no consequential loss" in lines and "Loss of data is never compensated" in lines
    assert "incident id from the Microsoft 365 service health page" in lines
    assert lines.splitlines()[0].startswith("Next step: ")
    assert all("(" in line for line in lines.splitlines()[1:])  # every reason with its citation
    assert "Microsoft “Service Level Agreement for Microsoft Online Services”" in lines
    # The citation opens the terms' clause in the source viewer, as the scope verdict's do.
    from desktop.wording.citations import ref_text

    link = next(n for n, ref in enumerate(shown._refs) if ref_text(ref).endswith("§12"))
    shown.lines_label.linkActivated.emit(f"source:{link}")
    assert shown.source_viewer is not None and shown.source_viewer.isVisible()
    assert "§12" in shown.source_viewer.windowTitle()
    shown.source_viewer.close()


def test_the_outage_is_on_the_customers_clock_and_minutes_give_the_same_answer(qtbot, window):
    window, _finnish, _swedish = window
    view = claims_view(window)
    view.form.set_country("FI")
    assert "Eastern European" in view.form.zone_label.text() or "Finland" in view.form.zone_label.text()
    # An outage across the month's end counts inside the start's month only (the rest is December's).
    outage(view, dt.datetime(2026, 11, 30, 22, 0), dt.datetime(2026, 12, 1, 3, 0))
    assert view.current_answer.outage_minutes == 120 and view.current_answer.month == "2026-11"
    # As minutes: the month is typed.
    view.form.minutes_radio.click()
    assert not view.form.start_edit.isVisibleTo(view) and view.form.minutes_spin.isVisibleTo(view)
    view.form.set_minutes(240, "2026-11")
    assert view.current_answer.uptime_percent == 99.44 and view.answer_widget.credit() == "Service Credit 25%"
    # February 2027 has 40,320 minutes: more is refused at the field, no answer stands.
    view.form.set_minutes(40_321, "2027-02")
    assert view.current_answer is None
    assert "40320" in view.form.minutes_error.text() and view.form.minutes_error.isVisibleTo(view)
    view.form.month_edit.setText("2027-13")
    assert "not a month" in view.form.month_error.text()
    view.form.set_minutes(43, "2026-11")  # 99.9% exactly: the SLA is met
    assert view.answer_widget.credit() == "SLA met: no Service Credit"
    # Back to start and end: an end before the start is said at the end field.
    view.form.times_radio.click()
    outage(view, dt.datetime(2026, 11, 10, 12, 0), dt.datetime(2026, 11, 10, 8, 0))
    assert view.current_answer is None and "is not after the start" in view.form.end_error.text()


def test_data_loss_is_excluded_and_a_portal_claim_must_be_corrected(qtbot, window):
    window, _finnish, _swedish = window
    view = claims_view(window)
    outage(view, dt.datetime(2026, 11, 10, 8, 0), dt.datetime(2026, 11, 10, 8, 30))  # within the SLA
    view.form.data_loss_check.setChecked(True)
    answer = view.current_answer
    assert answer.data_loss and "data-loss" in answer.excluded and not answer.credit_due
    assert "Lost data is never compensated" in view.answer_widget.lines()
    assert "Lost data cannot be compensated" in view.answer_widget.message()
    view.form.portal_check.setChecked(True)
    assert "within 30 days" in view.answer_widget.lines()
    assert "within 30 days" in view.answer_widget.message()


@pytest.mark.parametrize("language", i18n.LANGUAGES)
def test_the_message_in_each_language_from_the_combo(qtbot, window, language):
    window, _finnish, _swedish = window
    view = claims_view(window)
    outage(view, dt.datetime(2026, 11, 10, 8, 0), dt.datetime(2026, 11, 10, 12, 0))
    combo = view.answer_widget.customer_language
    combo.setCurrentIndex(combo.findData(language))
    message = view.answer_widget.message()
    with i18n.in_language(language):
        assert message.startswith(i18n._("Hello,"))
        assert i18n._("Please let us know if you have any questions.") in message
    assert "Exchange Online" in message and "25" in message
    QApplication.clipboard().clear()
    view.answer_widget.copy_button.click()
    assert QApplication.clipboard().text() == message


def test_from_the_card_it_starts_fresh_and_ctrl_j_saves_the_claim(qtbot, window, store, clock):
    window, finnish, swedish = window
    view = claims_view(window)
    outage(view, dt.datetime(2026, 11, 2, 8, 0), dt.datetime(2026, 11, 2, 20, 0), "teams")
    view.form.data_loss_check.setChecked(True)

    open_card(qtbot, window, finnish)
    card = window.view("call").card_widget
    assert card.claim_button.isEnabled() and card.claim_button in card.buttons()
    card.claim_button.click()
    assert window.current_view() is view
    # Fresh: the first service, no data lost, four hours ending now on Helsinki's clock, in Finnish.
    assert view.form.service() == "exchange-online" and not view.form.data_loss()
    helsinki_now = clock().astimezone(view._zone("FI")).replace(tzinfo=None, second=0, microsecond=0)
    assert view.form.country() == "FI" and view.form.end_wall() == helsinki_now
    assert view.answer_widget.customer_language.language() == "fi"
    assert QApplication.focusWidget() is view.form.service_combo

    # Ctrl+J: the claim in the Finnish customer's journal, as a claim.
    from desktop.gui.call.journal_entry_dialog import JournalEntryDialog

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(JournalEntryDialog)), timeout=5_000)
    dialog = next(d for d in window.findChildren(JournalEntryDialog) if d.isVisible())
    assert dialog.record.kind == "claim"
    type_text(dialog.note_edit, "Incident EX123456")
    with qtbot.waitSignal(window.view("call").journal_panel.entryAdded, timeout=10_000):
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    from domain.journal import JournalKind
    from domain.services.journal import journal

    entries = journal(store, finnish.id, "")
    assert [(e.kind, e.topic, e.verdict, e.note) for e in entries] == [
        (JournalKind.CLAIM, "Claim: Exchange Online, November 2026", "Service Credit 25%", "Incident EX123456")]
    assert entries[0].summary == view.answer_widget.message() and "Hei" in entries[0].summary

    # Another customer on the call: the claim opened for the Finnish one starts again for them.
    view.form.data_loss_check.setChecked(True)
    open_card(qtbot, window, swedish)
    assert not view.form.data_loss() and view.form.country() == "SE"
    assert view.answer_widget.customer_language.language() == "sv"


def test_the_save_to_journal_button_and_the_palette(qtbot, window, store):
    window, finnish, _swedish = window
    open_card(qtbot, window, finnish)

    def palette_run(text: str) -> None:
        window.call.palette_action.trigger()
        palette = window.call.palette
        qtbot.waitUntil(palette.isActiveWindow, timeout=5_000)
        type_text(palette.search_edit, text)
        press(palette.search_edit, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not palette.isVisible(), timeout=5_000)

    palette_run("claims")
    view = window.view("claims")
    assert window.current_view() is view
    window.show_view("hours")
    palette_run("service credit")  # the view's other words find it too
    assert window.current_view() is view
    window.show_view("hours")
    palette_run("claim for pohjolan")  # fresh for the customer on the call
    assert window.current_view() is view and view.form.country() == "FI"

    from desktop.gui.call.journal_entry_dialog import JournalEntryDialog

    view.answer_widget.journal_button.click()
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(JournalEntryDialog)), timeout=5_000)
    dialog = next(d for d in window.findChildren(JournalEntryDialog) if d.isVisible())
    assert dialog.record.kind == "claim" and dialog.record.topic.startswith("Claim: Exchange Online")
    dialog.reject()


def test_the_sla_is_cited_by_name_and_its_viewer_says_it_is_not_shipped(window):
    window, _finnish, _swedish = window
    view = claims_view(window)
    outage(view, dt.datetime(2026, 11, 10, 8, 0), dt.datetime(2026, 11, 10, 12, 0))
    shown = view.answer_widget
    assert shown.lines_label.text().count("<a href") == len(view.current_answer.reasons)  # every one cited
    sla = next(n for n, reason in enumerate(view.current_answer.reasons) if reason.text_key == "uptime")
    shown.lines_label.linkActivated.emit(f"source:{sla + 1}")  # the next step, uncited, comes first
    viewer = shown.source_viewer
    assert "Service Level Agreement for Microsoft Online Services" in viewer.windowTitle()
    assert "is not shipped with Deskguide" in viewer.note.text() and not viewer.text.isVisible()
    viewer.close()


def test_a_language_switch_rewords_the_answer_and_keeps_the_customers_message(qtbot, window):
    window, _finnish, _swedish = window
    view = claims_view(window)
    outage(view, dt.datetime(2026, 11, 10, 8, 0), dt.datetime(2026, 11, 10, 12, 0))
    message = view.answer_widget.message()
    window.choose_language("sv")
    qtbot.waitUntil(lambda: view.answer_widget.uptime().startswith("Drifttid"))
    assert "99,44" in view.answer_widget.uptime() and "SLA 99,9" in view.answer_widget.uptime()
    assert view.form.service() == "exchange-online" and view.current_answer.outage_minutes == 240
    assert view.answer_widget.message() == message  # the customer's language is not the agent's
