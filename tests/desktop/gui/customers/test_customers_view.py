"""Customers & notice, driven as an agent would: find the customer as you type, add and
correct customers and subscriptions, read the notice answer, copy the message, and
work through the coming deadlines. The clock is pinned: Monday 23 November 2026."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton

from desktop.common import i18n
from desktop.common.i18n import _, ngettext
from desktop.gui.customers.customers_view import CustomersView
from desktop.gui.platform.language import apply_language
from desktop.wording.letters.notice import customer_message
from desktop.wording.notice import day_text, long_day_text, short_date_text
from domain.customers import Customer, Subscription
from domain.notice import Term
from tests.desktop.gui.keyboard_input import press, retype, type_text


def signed(country: str, language: str):
    """The message's signature: the agent's name and the customer's desk's phone (issue 16)."""
    from desktop.gui.platform.settings import Settings
    from desktop.wording.letters.signature import Signature, desk_phone

    return Signature(Settings().agent_name, desk_phone(country, language))

pytestmark = pytest.mark.gui

LONG_DANISH = "Østergaard & Søn Rådgivende Ingeniørfirma ApS"
LONG_FINNISH = "Pohjois-Pohjanmaan Sairaanhoitopiirin Kuntayhtymä"


# --- helpers ------------------------------------------------------------------------------

# Dates as the agent's language writes them (CLDR's formats, tested in test_notice_text.py);
# the tests here are about the sentences around them.
def day(year: int, month: int, date: int) -> str:
    return day_text(dt.date(year, month, date))


def long_day(year: int, month: int, date: int) -> str:
    return long_day_text(dt.date(year, month, date))


def short_date(year: int, month: int, date: int) -> str:
    return short_date_text(dt.date(year, month, date))


def add_customer(store, name: str, country: str = "SE", org_number: str = "",
                 subscriptions: tuple[Subscription, ...] = (), today: dt.date = dt.date(2026, 11, 23)):
    from domain.services.register import save_customer, save_subscription

    customer = save_customer(store, Customer(name=name, country=country, org_number=org_number,
                                             phone="+46 8 123 456 78"))
    saved = [save_subscription(store, Subscription(**{**s.__dict__, "customer_id": customer.id}), today)
             for s in subscriptions]
    return customer, saved


def open_customer(qtbot, view: CustomersView, customer_id: int, subscription_id: int | None = None) -> None:
    with qtbot.waitSignal(view.customerShown, timeout=10_000):
        view.open_customer(customer_id, subscription_id)
    assert view.record.customer.id == customer_id


def double_click(qtbot, view, index) -> None:
    """As a mouse does it: the first click selects, the second is the double-click."""
    position = view.visualRect(index).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=position)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=position)


def answer_confirm(qtbot, view: CustomersView, button: QMessageBox.StandardButton) -> str:
    """Read the open question, then click `button` as the agent does; returns the question."""
    qtbot.waitUntil(lambda: view.confirm_box is not None and view.confirm_box.isVisible())
    box = view.confirm_box
    text = box.text()
    qtbot.mouseClick(box.button(button), Qt.MouseButton.LeftButton)
    return text


# --- the view and the search ----------------------------------------------------------------

def test_the_view_is_in_the_navigation(main_window):
    titles = [main_window.navigation.item(row).text() for row in range(main_window.navigation.count())]
    assert "Customers & notice" in titles


def test_an_empty_register_says_how_to_fill_it(open_customers):
    view = open_customers()
    assert view.customers.rowCount() == 0
    assert "No customers yet" in view.list_note.text()
    assert "deskguide import" in view.list_note.text()
    assert view.hint_label.isVisible()
    assert not view.form.isVisible() and not view.notice.isVisible()


def test_search_as_you_type_by_name_org_number_phone_and_email(qtbot, store, open_customers):
    add_customer(store, LONG_DANISH, "DK", "25 31 37 63")
    add_customer(store, "Åkesson & Söner AB", "SE", "556677-8899")
    add_customer(store, LONG_FINNISH, "FI", "0112038-9")
    view = open_customers()
    assert view.customers.names() == ["Åkesson & Söner AB", LONG_DANISH, LONG_FINNISH]  # by name, ø read as o
    assert view.list_note.text() == "3 customers."

    type_text(view.search_edit, "østerg")
    assert view.customers.names() == [LONG_DANISH]
    retype(view.search_edit, "sairaanhoito")
    assert view.customers.names() == [LONG_FINNISH]
    retype(view.search_edit, "5566778899")
    assert view.customers.names() == ["Åkesson & Söner AB"]
    retype(view.search_edit, "zzz")
    assert view.customers.rowCount() == 0
    assert "No customer matches “zzz”" in view.list_note.text()

    # Type, Enter: the best match opens.
    retype(view.search_edit, "söner")
    with qtbot.waitSignal(view.customerShown, timeout=10_000):
        press(view.search_edit, Qt.Key.Key_Return)
    assert view.record.customer.name == "Åkesson & Söner AB"
    assert view.name_label.text() == "Åkesson & Söner AB"
    assert view.customer_table.currentIndex().row() == 0


def test_the_table_shows_a_few_hundred_rows_of_a_large_register(qtbot, store, open_customers):
    from domain.services.register import upsert_records

    customers = [Customer(name=f"Kund {number:04d} AB", country="SE", external_id=f"C-{number}")
                 for number in range(250)]
    upsert_records(store, customers, [], dt.date(2026, 11, 23))
    view = open_customers()
    assert view.customers.rowCount() == 200
    assert "The first 200 of 250 customers" in view.list_note.text()
    type_text(view.search_edit, "kund 0249")
    assert view.customers.names() == ["Kund 0249 AB"]


# --- the customer form --------------------------------------------------------------------

def test_a_bad_org_number_is_shown_under_its_field_and_refused_then_fixed_and_found(qtbot, open_customers):
    view = open_customers()
    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    form = view.form
    assert form.isVisible() and form.title() == "New customer"
    assert not form.save_button.isEnabled()
    assert form.error_text("name") == ""  # nothing typed yet: no wall of red

    type_text(form.name_edit, "Åkesson & Söner AB")
    qtbot.keyClicks(form.org_number_edit, "556677-8898")  # one digit off

    assert "wrong check digit" in form.error_text("org_number")
    assert form.errors["org_number"].isVisible()
    assert form.org_number_edit.accessibleDescription() == form.error_text("org_number")
    # Next to its own field: right under the org number, above the next field.
    error = form.errors["org_number"].geometry()
    assert form.org_number_edit.geometry().bottom() < error.top() < form.country_combo.geometry().top()
    assert not form.save_button.isEnabled()
    with qtbot.assertNotEmitted(form.saveRequested):
        press(form.org_number_edit, Qt.Key.Key_Return)  # Enter is refused too
    assert view.record is None

    form.org_number_edit.backspace()
    qtbot.keyClicks(form.org_number_edit, "9")
    assert form.error_text("org_number") == ""
    assert form.save_button.isEnabled()
    with qtbot.waitSignal(view.customerSaved, timeout=10_000) as saved, \
            qtbot.waitSignal(view.registerLoaded, timeout=10_000):
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    customer = saved.args[0]
    assert customer.id is not None and customer.org_number == "556677-8899"
    assert view.record.customer.id == customer.id
    assert form.status_label.text() == "Saved."
    assert form.title() == "Customer" and form.delete_button.isEnabled()

    type_text(view.search_edit, "söner")
    assert view.customers.names() == ["Åkesson & Söner AB"]


def test_every_problem_shows_under_its_own_field(qtbot, open_customers):
    view = open_customers()
    view.new_customer()
    form = view.form
    qtbot.keyClicks(form.phone_edit, "call me")
    qtbot.keyClicks(form.email_edit, "not-an-address")
    assert form.error_text("name") == "Name is required"
    assert "is not a phone number" in form.error_text("phone")
    assert "is not an e-mail address" in form.error_text("email")
    assert form.error_text("org_number") == ""
    assert not form.save_button.isEnabled()


def test_changing_a_customer_saves_and_refreshes_the_list(qtbot, store, open_customers):
    customer, _ = add_customer(store, "Fjellstue AS", "NO", "923 609 016")
    view = open_customers()
    open_customer(qtbot, view, customer.id)
    assert not view.form.save_button.isEnabled()  # nothing changed yet
    view.form.name_edit.end(False)
    type_text(view.form.name_edit, " Sæter")
    with qtbot.waitSignal(view.registerLoaded, timeout=10_000):
        qtbot.mouseClick(view.form.save_button, Qt.MouseButton.LeftButton)
    assert view.customers.names() == ["Fjellstue AS Sæter"]
    assert view.name_label.text() == "Fjellstue AS Sæter"


def test_deleting_a_customer_asks_naming_it_and_its_subscriptions(qtbot, store, open_customers):
    customer, _ = add_customer(store, LONG_DANISH, "DK", subscriptions=(
        Subscription("Microsoft 365 E3", Term.MONTHS_12, dt.date(2026, 1, 1), 10),
        Subscription("Exchange Online (Plan 1)", Term.PAYG, dt.date(2026, 1, 1), 2)))
    view = open_customers()
    open_customer(qtbot, view, customer.id)

    qtbot.mouseClick(view.form.delete_button, Qt.MouseButton.LeftButton)
    question = answer_confirm(qtbot, view, QMessageBox.StandardButton.Cancel)
    assert question == f"Delete “{LONG_DANISH}” and its 2 subscriptions? This cannot be undone."
    assert view.record is not None and view.customers.rowCount() == 1  # cancelled: nothing happened

    qtbot.mouseClick(view.form.delete_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(view.customerDeleted, timeout=10_000), \
            qtbot.waitSignal(view.registerLoaded, timeout=10_000):
        answer_confirm(qtbot, view, QMessageBox.StandardButton.Yes)
    assert view.record is None and view.customers.rowCount() == 0
    assert view.hint_label.isVisible() and not view.form.isVisible()
    from domain.services.register import customer_summaries

    assert customer_summaries(store) == []


# --- subscriptions and the notice answer -----------------------------------------------------

def fill_subscription(qtbot, dialog, product: str, term: Term, start: dt.date, seats: int) -> None:
    dialog.product_edit.clear()
    qtbot.keyClicks(dialog.product_edit, product)
    dialog.term_combo.setCurrentIndex(dialog.term_combo.findData(term.value))
    dialog.start_edit.set_moment(start)
    dialog.seats_spin.setValue(seats)


def test_a_12_month_subscription_from_29_february_gets_its_deadline_and_what_if(qtbot, open_customers, store):
    customer, _ = add_customer(store, "Åkesson & Söner AB", "SE", "556677-8899")
    view = open_customers()
    open_customer(qtbot, view, customer.id)
    assert "No subscriptions yet" in view.subscriptions_note.text()
    assert not view.notice.isVisible()  # nothing to answer yet

    qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
    dialog = view.subscription_dialog
    assert dialog is not None and dialog.isVisible()
    fill_subscription(qtbot, dialog, "Microsoft 365 Business Standard", Term.MONTHS_12, dt.date(2024, 2, 29), 25)
    with qtbot.waitSignal(view.subscriptionsChanged, timeout=10_000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    assert view.subscriptions.rowCount() == 1
    assert view.current_subscription().product == "Microsoft 365 Business Standard"
    # Periods from 29 Feb: 1 Mar 2026 - 28 Feb 2027, deadline 30 days before its end.
    notice = view.notice
    assert notice.period_value.text() == f"{day(2026, 3, 1)} – {day(2027, 2, 28)}"
    assert notice.deadline_value.text() == f"{long_day(2027, 1, 29)} (67 days left)"
    assert notice.outcome_badge.text() == "In time"
    assert notice.outcome_label.text() == (
        f"Notice on {long_day(2026, 11, 23)} is in time: the subscription ends on {long_day(2027, 2, 28)}.")
    assert notice.renewal_label.text() == (
        f"If not cancelled: renews for 12 months, to {long_day(2028, 2, 28)} (terms §10).")
    assert view.subscriptions.data(view.subscriptions.index(0, 6)) == short_date(2027, 1, 29)
    # terms §3 and §11: the price holds for the period; changed terms need 30 days' notice.
    assert notice.price_label.text() == (f"Price: fixed for this period, to {day(2027, 2, 28)}; a change applies only "
                                         "from a new period (terms §3, §11). Changed terms need 30 days' written "
                                         "notice (§11).")

    # What if the notice arrives after the deadline?
    notice.ask(dt.date(2027, 1, 30))
    assert notice.outcome_badge.text() == "Too late"
    assert notice.outcome_label.text() == (f"Notice on {long_day(2027, 1, 30)} is too late: it renews for 12 "
                                           f"months and ends on {long_day(2028, 2, 28)}.")
    assert notice.answer.ends_on == dt.date(2028, 2, 28)
    assert not notice.renewal_label.isVisible()  # the outcome says it renews
    assert notice.deadline_value.text() == f"{long_day(2027, 1, 29)} (67 days left)"  # counted from today
    qtbot.mouseClick(notice.today_button, Qt.MouseButton.LeftButton)
    assert notice.notice_day() == dt.date(2026, 11, 23) and notice.answer.in_time


def test_the_pinned_clock_decides_today(qtbot, store, clock, open_customers):
    customer, (subscription,) = add_customer(store, "Åkesson & Söner AB", "SE", subscriptions=(
        Subscription("Microsoft 365 E3", Term.MONTHS_12, dt.date(2024, 2, 29), 10),))
    clock.moment = dt.datetime(2027, 2, 10, 9, 0, tzinfo=dt.timezone.utc)  # after the deadline of 29 January
    view = open_customers()
    open_customer(qtbot, view, customer.id, subscription.id)
    assert view.notice.notice_day() == dt.date(2027, 2, 10)
    assert view.notice.deadline_value.text() == f"{long_day(2027, 1, 29)} (12 days ago)"
    assert "too late" in view.notice.outcome_label.text()
    assert f"ends on {long_day(2028, 2, 28)}" in view.notice.outcome_label.text()
    # The table shows the next deadline the customer can still make.
    assert view.subscriptions.data(view.subscriptions.index(0, 6)) == short_date(2028, 1, 29)


def test_at_midnight_today_moves_on(qtbot, store, clock, main_window, open_customers):
    customer, (subscription,) = add_customer(store, "Åkesson & Söner AB", "SE", subscriptions=(
        Subscription("Microsoft 365 E3", Term.MONTHS_12, dt.date(2024, 2, 29), 10),))
    view = open_customers()
    open_customer(qtbot, view, customer.id)
    assert view.notice.deadline_value.text() == f"{long_day(2027, 1, 29)} (67 days left)"
    clock.moment = dt.datetime(2026, 11, 23, 23, 0, 30, tzinfo=dt.timezone.utc)  # 00:00 on Tuesday in Sweden
    main_window.hours.tick()
    assert view.notice.notice_day() == dt.date(2026, 11, 24)
    assert view.notice.deadline_value.text() == f"{long_day(2027, 1, 29)} (66 days left)"


def test_the_swedish_message_has_the_deadline_and_the_address_and_is_copied(qtbot, store, open_customers):
    customer, (subscription,) = add_customer(store, "Åkesson & Söner AB", "SE", subscriptions=(
        Subscription("Microsoft 365 Business Standard", Term.MONTHS_12, dt.date(2024, 2, 29), 25),))
    view = open_customers()
    open_customer(qtbot, view, customer.id, subscription.id)
    notice = view.notice
    assert notice.language() == "sv"  # a Swedish customer gets Swedish
    message = notice.message()
    assert message == customer_message(notice.answer, "sv", "Åkesson & Söner AB", "Microsoft 365 Business Standard",
                                       signature=signed("SE", "sv"))
    assert "29 januari 2027" in message  # the deadline, written the Swedish way
    assert "cspavtal@dustin.se" in message
    assert "Åkesson & Söner AB" in message

    QApplication.clipboard().clear()
    with qtbot.waitSignal(notice.copied):
        qtbot.mouseClick(notice.copy_button, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == message
    assert "Copied" in notice.copy_status.text()

    notice.set_language("en")
    assert notice.message().startswith("Hello,")
    assert f"no later than {i18n.format_date(dt.date(2027, 1, 29), 'long')}" in notice.message()
    assert notice.copy_status.text() == ""  # another text: not what is on the clipboard

    with i18n.in_language("sv"):
        greeting = _("Hello,")
    assert message.startswith(greeting + "\n") and greeting != "Hello,"  # Swedish words (once translated)


def test_the_message_language_follows_the_customers_country(qtbot, store, open_customers):
    view = open_customers()
    for country, language, name in (("SE", "sv", "Åkesson & Söner AB"), ("NO", "nb", "Fjellstue AS"),
                                     ("DK", "da", LONG_DANISH), ("FI", "fi", LONG_FINNISH)):
        customer, _subscriptions = add_customer(store, name, country, subscriptions=(
            Subscription("Microsoft 365 E3", Term.MONTHS_12, dt.date(2026, 1, 1), 10),))
        open_customer(qtbot, view, customer.id)
        assert view.notice.language() == language
        assert view.notice.language_combo.currentText() == i18n.LANGUAGE_NAMES[language]
        assert view.notice.message() == customer_message(view.notice.answer, language, name, "Microsoft 365 E3",
                                                         signature=signed(country, language))
        with i18n.in_language(language):  # the deadline, 1 December 2026, the customer's way
            assert i18n.format_date(dt.date(2026, 12, 1), "long") in view.notice.message()


def test_a_deadline_on_a_closed_day_warns_with_the_safe_day(qtbot, store, open_customers):
    # 12 months from 26 Jan 2025: deadline Saturday 26 December 2026, Boxing Day in Sweden;
    # the 25th and the 24th are closed too, so the safe day is Wednesday the 23rd.
    customer, (subscription,) = add_customer(store, "Lindqvist Bygg AB", "SE", subscriptions=(
        Subscription("Microsoft 365 E3", Term.MONTHS_12, dt.date(2025, 1, 26), 40),))
    view = open_customers()
    open_customer(qtbot, view, customer.id)
    warning = view.notice.warning_label
    assert warning.isVisible()
    assert f"send the notice by {long_day(2026, 12, 23)}" in warning.text()
    assert "onsdag 23 december 2026" in view.notice.message()  # the customer's message: Swedish dates


def test_pay_as_you_go_ends_when_handled_or_at_the_desks_closing_time(qtbot, store, open_customers):
    customer, (subscription,) = add_customer(store, "Åkesson & Söner AB", "SE", subscriptions=(
        Subscription("Exchange Online (Plan 1)", Term.PAYG, dt.date(2025, 6, 1), 3),))
    view = open_customers()
    open_customer(qtbot, view, customer.id)
    notice = view.notice
    assert notice.deadline_value.text() == "None (pay-as-you-go)"
    assert not notice.outcome_badge.isVisible()  # no deadline to be in time for
    assert "as soon as we have handled the cancellation" in notice.outcome_label.text()
    assert f"{day(2026, 11, 23)} 17:00" in notice.outcome_label.text()  # the Swedish desk closes at 17:00
    assert not notice.renewal_label.isVisible()
    assert "23 november 2026" in notice.message() and "17:00" in notice.message()  # a Swedish customer's message
    assert view.subscriptions.data(view.subscriptions.index(0, 6)) == "None"


def test_how_to_cancel_gives_the_address_and_the_appmarket_steps(qtbot, store, open_customers):
    customer, _ = add_customer(store, "Åkesson & Söner AB", "SE", subscriptions=(
        Subscription("Microsoft 365 E3", Term.MONTHS_12, dt.date(2026, 1, 1), 10),))
    view = open_customers()
    open_customer(qtbot, view, customer.id)
    how = view.notice.how_label.text()
    for words in ("cspavtal@dustin.se", "Billing and Business App", "My Business Apps", "gear icon",
                  "Cancel subscription", "“Yes”", "I accept the additional terms and conditions of use.",
                  "purchase confirmation"):
        assert words in how


def test_the_subscription_form_checks_each_field(qtbot, store, open_customers):
    customer, _ = add_customer(store, "Åkesson & Söner AB")
    view = open_customers()
    open_customer(qtbot, view, customer.id)
    view.add_subscription()
    dialog = view.subscription_dialog
    qtbot.keyClicks(dialog.product_edit, "x")
    dialog.product_edit.clear()
    dialog.seats_spin.setValue(0)
    dialog.start_edit.set_moment(dt.date(1995, 1, 1))
    assert dialog.error_text("product") == "Product is required"
    assert "must be a whole number from 1 to" in dialog.error_text("seats")
    assert "outside the supported range" in dialog.error_text("start_date")
    assert not dialog.ok_button.isEnabled()
    dialog.reject()


def test_changing_seats_says_when_they_end_and_saves(qtbot, store, open_customers):
    customer, (subscription,) = add_customer(store, "Åkesson & Söner AB", "SE", subscriptions=(
        Subscription("Microsoft 365 E3", Term.MONTHS_12, dt.date(2024, 2, 29), 10),))
    view = open_customers()
    open_customer(qtbot, view, customer.id)
    qtbot.mouseClick(view.change_button, Qt.MouseButton.LeftButton)
    dialog = view.subscription_dialog
    assert dialog.product_edit.text() == "Microsoft 365 E3"
    assert not dialog.seat_note.isVisible()
    dialog.seats_spin.setValue(13)
    assert dialog.seat_note.text() == (
        f"The 3 added seats end with the current period on {long_day(2027, 2, 28)} (terms §11).")
    assert dialog.seat_note.isVisible()
    assert dialog.seat_note.height() >= dialog.seat_note.heightForWidth(dialog.seat_note.width())  # not cut
    dialog.seats_spin.setValue(9)
    assert dialog.seat_note.text() == (
        f"The 1 removed seat ends with the current period on {long_day(2027, 2, 28)} (terms §11).")
    with qtbot.waitSignal(view.subscriptionsChanged, timeout=10_000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert view.current_subscription().seats == 9
    assert view.current_subscription().id == subscription.id


def test_deleting_a_subscription_asks_and_removes_it(qtbot, store, open_customers):
    customer, _ = add_customer(store, "Åkesson & Söner AB", "SE", subscriptions=(
        Subscription("Microsoft 365 E3", Term.MONTHS_12, dt.date(2026, 1, 1), 10),))
    view = open_customers()
    open_customer(qtbot, view, customer.id)
    qtbot.mouseClick(view.delete_subscription_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(view.subscriptionsChanged, timeout=10_000):
        question = answer_confirm(qtbot, view, QMessageBox.StandardButton.Yes)
    assert "“Microsoft 365 E3” (10 seats) of “Åkesson & Söner AB”" in question
    assert view.subscriptions.rowCount() == 0
    assert "No subscriptions yet" in view.subscriptions_note.text()


# --- coming deadlines ---------------------------------------------------------------------

def test_coming_deadlines_list_what_is_due_soonest_first_and_open_it(qtbot, store, open_customers):
    # 12 months from 13 Jan 2026: the period ends 12 Jan 2027, the deadline is 13 Dec 2026 (20 days).
    # 12 months from 22 Feb 2026: the deadline is 22 Jan 2027 (60 days): not within 45.
    soon_customer, (soon,) = add_customer(store, LONG_FINNISH, "FI", subscriptions=(
        Subscription("Microsoft 365 E5", Term.MONTHS_12, dt.date(2026, 1, 13), 800),))
    later_customer, (later,) = add_customer(store, "Åkesson & Söner AB", "SE", subscriptions=(
        Subscription("Microsoft 365 E3", Term.MONTHS_12, dt.date(2026, 2, 22), 10),))
    view = open_customers()
    deadlines = view.deadlines
    view.tabs.setCurrentWidget(deadlines)
    qtbot.waitUntil(lambda: deadlines.model.rowCount() == 1, timeout=10_000)
    assert deadlines.days == 45
    (entry,) = deadlines.model.deadlines()
    assert (entry.customer_name, entry.product, entry.notice_deadline, entry.days_left) == (
        LONG_FINNISH, "Microsoft 365 E5", dt.date(2026, 12, 13), 20)
    model = deadlines.model
    assert [model.data(model.index(0, column)) for column in range(4)] == [
        day(2026, 12, 13), "20", LONG_FINNISH, "Microsoft 365 E5"]

    with qtbot.waitSignal(deadlines.loaded, timeout=10_000):
        deadlines.days_spin.setValue(90)
    assert [d.subscription_id for d in deadlines.model.deadlines()] == [soon.id, later.id]  # soonest first

    # Double-click opens that customer with that subscription's answer.
    table = deadlines.table
    index = model.index(1, 2)
    with qtbot.waitSignal(view.customerShown, timeout=10_000):
        double_click(qtbot, table, index)
    assert view.record.customer.id == later_customer.id
    assert view.current_subscription().id == later.id
    assert view.notice.deadline_value.text() == f"{long_day(2027, 1, 22)} (60 days left)"

    # Enter opens the selected one.
    table.setCurrentIndex(model.index(0, 0))
    with qtbot.waitSignal(view.customerShown, timeout=10_000):
        press(table, Qt.Key.Key_Return)
    assert view.record.customer.id == soon_customer.id and view.current_subscription().id == soon.id


def test_a_new_subscription_shows_up_in_the_coming_deadlines(qtbot, store, open_customers):
    customer, _ = add_customer(store, "Åkesson & Söner AB")
    view = open_customers()
    assert view.deadlines.note.text() == ""  # not read until the tab is shown: the worker stays free
    with qtbot.waitSignal(view.deadlines.loaded, timeout=10_000):
        view.tabs.setCurrentWidget(view.deadlines)
    assert "No notice deadline in the next 45 days" in view.deadlines.note.text()
    open_customer(qtbot, view, customer.id)
    view.add_subscription()
    fill_subscription(qtbot, view.subscription_dialog, "Microsoft 365 E3", Term.MONTHS_12, dt.date(2026, 1, 13), 5)
    with qtbot.waitSignal(view.deadlines.loaded, timeout=10_000):
        view.subscription_dialog.accept()
    assert [d.product for d in view.deadlines.model.deadlines()] == ["Microsoft 365 E3"]


# --- for the call workflow, and the layout ---------------------------------------------------

def test_open_customer_selects_the_subscription_asked_for(qtbot, store, open_customers):
    customer, (first, second) = add_customer(store, "Åkesson & Söner AB", "SE", subscriptions=(
        Subscription("Microsoft 365 E3", Term.MONTHS_12, dt.date(2026, 1, 1), 10),
        Subscription("Microsoft 365 E5", Term.MONTHS_36, dt.date(2025, 3, 31), 5)))
    view = open_customers()
    open_customer(qtbot, view, customer.id, second.id)
    assert view.current_subscription().id == second.id
    assert view.notice.subscription.id == second.id
    assert "Microsoft 365 E5" in view.notice.text()


@pytest.mark.parametrize("name", [LONG_DANISH, LONG_FINNISH])
def test_long_nordic_names_are_shown_whole_in_a_small_window(qtbot, store, open_customers, main_window, name):
    country, org = ("DK", "25 31 37 63") if name == LONG_DANISH else ("FI", "0112038-9")
    customer, _ = add_customer(store, name, country, org, subscriptions=(
        Subscription("Microsoft 365 Business Standard", Term.MONTHS_12, dt.date(2024, 2, 29), 25),
        Subscription("Microsoft 365 E3", Term.MONTHS_36, dt.date(2024, 1, 15), 120),
        Subscription("Exchange Online (Plan 1)", Term.PAYG, dt.date(2025, 6, 1), 3)))
    main_window.resize(1024, 700)
    view = open_customers()
    open_customer(qtbot, view, customer.id)
    qtbot.waitUntil(lambda: view.details_scroll.widget().height()
                    >= view.details_scroll.widget().heightForWidth(view.details_scroll.viewport().width()))
    # The heading wraps the whole name; nothing in the details is squeezed below its own size.
    heading = view.name_label
    assert heading.text() == name and heading.wordWrap()
    assert heading.height() >= heading.heightForWidth(heading.width())
    for box in (view.subscriptions_box, view.notice):
        assert box.height() >= box.minimumSizeHint().height()
    table = view.subscription_table
    assert table.height() >= table.minimumHeight()
    name_field = view.form.name_edit
    assert name_field.fontMetrics().horizontalAdvance(name) < name_field.width()
    # The search list elides, with the whole name in the tooltip.
    assert view.customers.data(view.customers.index(0, 0), Qt.ItemDataRole.ToolTipRole) == name


def test_tab_order_follows_the_reading_order(qtbot, store, open_customers):
    customer, _ = add_customer(store, "Åkesson & Söner AB", "SE", subscriptions=(
        Subscription("Microsoft 365 E3", Term.MONTHS_12, dt.date(2026, 1, 1), 10),))
    view = open_customers()
    open_customer(qtbot, view, customer.id)
    chain, widget = [], view.search_edit
    for _ in range(40):
        chain.append(widget)
        widget = widget.nextInFocusChain()
        while not (widget.focusPolicy() & Qt.FocusPolicy.TabFocus) or not widget.isVisible() \
                or not widget.isEnabled():
            widget = widget.nextInFocusChain()
        if widget is view.notice.copy_button:
            chain.append(widget)
            break
    expected = [view.search_edit, view.new_button, view.customer_table, view.form.name_edit,
                view.form.org_number_edit, view.form.country_combo, view.form.contact_edit, view.form.phone_edit,
                view.form.email_edit, view.form.offering_combo, view.form.notes_edit,
                view.form.delete_button, view.subscription_table, view.add_button,
                view.change_button, view.delete_subscription_button, view.notice.on_edit.line_edit,
                view.notice.today_button, view.notice.language_combo, view.notice.copy_button]
    assert [w for w in chain if w in expected] == expected


def test_every_control_has_an_accessible_name(qtbot, store, open_customers):
    customer, _ = add_customer(store, "Åkesson & Söner AB", "SE", subscriptions=(
        Subscription("Microsoft 365 E3", Term.MONTHS_12, dt.date(2026, 1, 1), 10),))
    view = open_customers()
    open_customer(qtbot, view, customer.id)
    from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit, QTableView

    controls = [w for kind in (QLineEdit, QComboBox, QAbstractButton, QAbstractSpinBox, QTableView)
                for w in view.findChildren(kind) if w.isVisible() and w.parent() is not None
                and not isinstance(w.parent(), (QComboBox, QAbstractSpinBox))]
    unnamed = [w for w in controls if not w.accessibleName() and not getattr(w, "text", lambda: "")()]
    assert not unnamed, unnamed


def test_a_long_deadline_list_shows_the_soonest_and_says_how_many_there_are(qtbot, store, open_customers,
                                                                             monkeypatch):
    # A big register has thousands of deadlines a month: the list shows the soonest and counts the rest.
    import desktop.gui.customers.coming_deadlines_widget as widget

    monkeypatch.setattr(widget, "SHOWN_AT_MOST", 2)
    add_customer(store, "Åkesson & Söner AB", "SE", subscriptions=tuple(
        Subscription(f"Microsoft 365 E{n}", Term.MONTHS_12, dt.date(2026, 1, 10 + n), 5) for n in range(3)))
    view = open_customers()
    with qtbot.waitSignal(view.deadlines.loaded, timeout=10_000):
        view.tabs.setCurrentWidget(view.deadlines)
    assert [d.product for d in view.deadlines.model.deadlines()] == ["Microsoft 365 E0", "Microsoft 365 E1"]
    assert "The 2 soonest of 3 notice deadlines in the next 45 days" in view.deadlines.note.text()


def test_pay_as_you_go_price_is_fixed_for_twelve_months_from_the_order(qtbot, store, open_customers):
    # Ordered 1 Jun 2026: the price is fixed to 31 May 2027 (terms §3); ordered 1 Jun 2025: it has ended.
    customer, (recent, older) = add_customer(store, "Åkesson & Söner AB", "SE", subscriptions=(
        Subscription("Exchange Online (Plan 1)", Term.PAYG, dt.date(2026, 6, 1), 3),
        Subscription("Microsoft 365 Business Basic", Term.PAYG, dt.date(2025, 6, 1), 3)))
    view = open_customers()
    open_customer(qtbot, view, customer.id, recent.id)
    assert f"fixed for 12 months from the order, to {day(2027, 5, 31)} (terms §3)" in view.notice.price_label.text()
    open_customer(qtbot, view, customer.id, older.id)
    assert f"the first 12 months' fixed price ended {day(2026, 5, 31)}" in view.notice.price_label.text()


def test_unsaved_edits_are_never_thrown_away_silently(qtbot, store, open_customers):
    first, _ = add_customer(store, "Åkesson & Söner AB", "SE")
    second, _ = add_customer(store, "Fjellstue Sæter AS", "NO")
    view = open_customers()
    open_customer(qtbot, view, first.id)
    retype(view.form.name_edit, "Åkesson & Döttrar AB")
    assert view.form.is_dirty()

    # Opening another customer asks first; "Keep editing" (the default) keeps the typing.
    view.open_customer(second.id)
    question = answer_confirm(qtbot, view, QMessageBox.StandardButton.Cancel)
    assert "Åkesson & Döttrar AB" in question and "not saved" in question
    assert view.record.customer.id == first.id
    assert view.form.name_edit.text() == "Åkesson & Döttrar AB"

    # "New customer" asks too; discarding goes on to what was asked for.
    view.new_customer()
    answer_confirm(qtbot, view, QMessageBox.StandardButton.Cancel)
    assert view.form.name_edit.text() == "Åkesson & Döttrar AB"
    with qtbot.waitSignal(view.customerShown, timeout=10_000):
        view.open_customer(second.id)
        answer_confirm(qtbot, view, QMessageBox.StandardButton.Yes)
    assert view.record.customer.id == second.id
    assert view.form.name_edit.text() == "Fjellstue Sæter AS"

    # Nothing changed: no question at all.
    open_customer(qtbot, view, first.id)
    assert view.confirm_box is None


# --- the agent's language, switched while a customer is open ----------------------------------
# Expected texts come from the catalogues (`in_language`) and must differ from English: these
# assertions fail until the translators have translated them, on purpose.

def in_lang(language: str, text: str) -> str:
    with i18n.in_language(language):
        return _(text)


def test_switching_language_keeps_the_customer_the_subscription_and_the_edits(qtbot, store, open_customers):
    customer, (first, second) = add_customer(store, "Åkesson & Söner AB", "SE", subscriptions=(
        Subscription("Microsoft 365 E3", Term.MONTHS_12, dt.date(2026, 1, 1), 10),
        Subscription("Microsoft 365 Business Standard", Term.MONTHS_12, dt.date(2024, 2, 29), 25)))
    add_customer(store, "Fjellstue AS", "NO")
    view = open_customers()
    type_text(view.search_edit, "åkes")
    open_customer(qtbot, view, customer.id, second.id)
    form, notice = view.form, view.notice
    type_text(form.contact_edit, "Anna Berg")  # not saved
    notice.ask(dt.date(2027, 1, 30))  # what if it arrives after the deadline?
    message = notice.message()
    horizontal = Qt.Orientation.Horizontal

    for language in ("sv", "fi"):
        apply_language(language)
        # What the agent was doing is all still there.
        assert view.record.customer.id == customer.id
        assert view.current_subscription().id == second.id
        assert notice.notice_day() == dt.date(2027, 1, 30) and not notice.answer.in_time
        assert form.contact_edit.text() == "Anna Berg" and form.is_dirty()
        assert form.save_button.isEnabled()
        assert view.search_edit.text() == "åkes" and view.customers.names() == ["Åkesson & Söner AB"]
        assert view.customer_table.selectionModel().isRowSelected(0)
        assert notice.language() == "sv" and notice.message() == message  # the customer's language, as it was
        # Dates and country names the language's own way (CLDR), translated or not.
        with i18n.in_language(language):  # "perjantai 29. tammikuuta 2027"
            deadline = i18n.format_date(dt.date(2027, 1, 29), "full")
            sweden = _("{name} ({code})").format(name=i18n.country_name("SE"), code="SE")
        assert deadline in notice.deadline_value.text()
        assert form.country_combo.currentText() == sweden != "Sweden (SE)"  # "Ruotsi (SE)"
        assert i18n.country_name("SE") in view.facts_label.text()

        # The form: title, labels and buttons in the new language.
        assert form.title() == in_lang(language, "Customer") != "Customer"
        assert form.field_labels[0].text() == in_lang(language, "&Org number:") != "&Org number:"
        assert form.save_button.text() == in_lang(language, "Sa&ve customer") != "Sa&ve customer"
        # The tables' headers, and their cells.
        assert view.customers.headerData(0, horizontal) == in_lang(language, "Name") != "Name"
        assert view.subscriptions.headerData(0, horizontal) == in_lang(language, "Product") != "Product"
        assert view.subscriptions.data(view.subscriptions.index(1, 1)) == in_lang(language, "12 months") \
            != "12 months"
        assert view.tabs.tabText(0) == in_lang(language, "Customers") != "Customers"
        # The notice answer, same subscription, same day asked.
        assert notice.title() == in_lang(language, "Cancellation notice") != "Cancellation notice"
        assert notice.outcome_badge.text() == in_lang(language, "Too late") != "Too late"
        assert notice.period_heading.text() == in_lang(language, "Current period:") != "Current period:"


def test_a_danish_customers_message_is_danish_while_the_agent_reads_finnish(qtbot, store, open_customers):
    customer, (subscription,) = add_customer(store, LONG_DANISH, "DK", "25 31 37 63", subscriptions=(
        Subscription("Microsoft 365 E3", Term.MONTHS_12, dt.date(2026, 1, 1), 10),))
    view = open_customers()
    apply_language("fi")
    open_customer(qtbot, view, customer.id)
    notice = view.notice
    assert notice.language() == "da"
    message = notice.message()
    assert message == customer_message(notice.answer, "da", LONG_DANISH, "Microsoft 365 E3", signature=signed("DK", "da"))
    assert "1. december 2026" in message  # the deadline, written the Danish way
    assert notice.title() == in_lang("fi", "Cancellation notice")  # while the agent reads Finnish

    apply_language("sv")  # the agent switches: the customer still gets Danish
    assert notice.language() == "da" and notice.message() == message
    notice.set_language("en")  # the agent picks English for this customer...
    english = notice.message()
    apply_language("fi")  # ...and a switch leaves that choice alone
    assert notice.language() == "en" and notice.message() == english
    assert notice.language_combo.currentText() == "English"

    with i18n.in_language("da"):
        greeting = _("Hello,")
    assert message.startswith(greeting + "\n") and greeting != "Hello,"  # Danish words (once translated)


def test_the_coming_deadlines_count_in_each_language(qtbot, store, open_customers):
    add_customer(store, LONG_FINNISH, "FI", subscriptions=(
        Subscription("Microsoft 365 E5", Term.MONTHS_12, dt.date(2026, 1, 13), 800),))
    view = open_customers()
    deadlines = view.deadlines
    with qtbot.waitSignal(deadlines.loaded, timeout=10_000):
        view.tabs.setCurrentWidget(deadlines)
    singular = "{n} notice deadline in the next {days} days. Double-click or press Enter to open the customer."
    plural = "{n} notice deadlines in the next {days} days. Double-click or press Enter to open the customer."
    assert deadlines.note.text() == singular.format(n=1, days=45)
    assert deadlines.days_spin.suffix() == " days"
    deadlines.table.setCurrentIndex(deadlines.model.index(0, 0))

    apply_language("fi")
    with i18n.in_language("fi"):
        one = ngettext(singular, plural, 1).format(n=1, days=45)
        days = ngettext(" day", " days", 45)
        header = _("Days left")
    assert deadlines.note.text() == one
    assert deadlines.days_spin.suffix() == days
    assert deadlines.model.headerData(1, Qt.Orientation.Horizontal) == header
    assert deadlines.model.data(deadlines.model.index(0, 0)) == day(2026, 12, 13)  # "su 13.12.2026"
    assert deadlines.table.currentIndex().row() == 0 and deadlines.days == 45  # the agent's place kept

    add_customer(store, "Åkesson & Söner AB", "SE", subscriptions=(
        Subscription("Microsoft 365 E3", Term.MONTHS_12, dt.date(2026, 1, 20), 10),))
    with qtbot.waitSignal(deadlines.loaded, timeout=10_000):
        deadlines.days_spin.setValue(1)
    with qtbot.waitSignal(deadlines.loaded, timeout=10_000):
        deadlines.days_spin.setValue(60)
    with i18n.in_language("fi"):
        two = ngettext(singular, plural, 2).format(n=2, days=60)
        one_day = ngettext(" day", " days", 1)
    assert deadlines.note.text() == two
    assert one != "1 notice deadline in the next 45 days. Double-click or press Enter to open the customer."
    assert two != plural.format(n=2, days=60) and one_day != days  # Finnish words, singular and plural


def test_the_field_errors_follow_the_language_and_the_typing_stays(qtbot, open_customers):
    from domain.customers import customer_problems

    view = open_customers()
    view.new_customer()
    form = view.form
    qtbot.keyClicks(form.phone_edit, "call me")
    english = (form.error_text("name"), form.error_text("phone"))
    assert english == ("Name is required", "Phone 'call me' is not a phone number, e.g. +46 8 123 456 78")

    apply_language("sv")
    assert form.phone_edit.text() == "call me" and not form.save_button.isEnabled()
    assert form.errors["phone"].isVisible()
    name_problem, phone_problem = customer_problems(Customer(name="", country="SE", phone="call me"))
    with i18n.in_language("sv"):  # the domain's sentences, said in Swedish, after the field's name
        expected = tuple(_("{field} {message}").format(field=_(field), message=_(problem.message))
                         for field, problem in (("Name", name_problem), ("Phone", phone_problem)))
    assert (form.error_text("name"), form.error_text("phone")) == expected
    assert form.phone_edit.accessibleDescription() == expected[1]  # what a screen reader says
    assert form.title() == in_lang("sv", "New customer") != "New customer"
    assert expected[0] != english[0] and expected[1] != english[1]


def test_an_open_subscription_dialog_follows_the_language_and_keeps_the_entries(qtbot, store, open_customers):
    customer, _subscriptions = add_customer(store, "Åkesson & Söner AB", "SE")
    view = open_customers()
    open_customer(qtbot, view, customer.id)
    view.add_subscription()
    dialog = view.subscription_dialog
    type_text(dialog.product_edit, "Microsoft 365 E3")
    dialog.term_combo.setCurrentIndex(dialog.term_combo.findData(Term.MONTHS_36.value))
    apply_language("fi")
    assert dialog.product_edit.text() == "Microsoft 365 E3" and dialog.ok_button.isEnabled()
    assert dialog.term_combo.currentData() == Term.MONTHS_36.value
    texts = (dialog.windowTitle(), dialog.ok_button.text(), dialog.term_combo.currentText())
    with qtbot.waitSignal(view.subscriptionsChanged, timeout=10_000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)  # still the button that adds it
    assert view.current_subscription().term is Term.MONTHS_36
    assert texts == (in_lang("fi", "New subscription"), in_lang("fi", "Add subscription"), in_lang("fi", "36 months"))
    assert texts != ("New subscription", "Add subscription", "36 months")


def test_finnish_fits_a_small_window_nothing_cut(qtbot, store, open_customers, main_window):
    customer, _subscriptions = add_customer(store, LONG_FINNISH, "FI", "0112038-9", subscriptions=(
        Subscription("Microsoft 365 E3", Term.MONTHS_36, dt.date(2025, 1, 26), 120),
        Subscription("Exchange Online (Plan 1)", Term.PAYG, dt.date(2025, 6, 1), 3)))
    main_window.resize(1024, 700)
    view = open_customers()
    apply_language("fi")  # Finnish runs 30-50% longer than English
    open_customer(qtbot, view, customer.id)
    qtbot.waitUntil(lambda: view.details_scroll.widget().height()
                    >= view.details_scroll.widget().heightForWidth(view.details_scroll.viewport().width()))
    buttons = [b for b in view.findChildren(QPushButton) if b.isVisible()]
    assert buttons and all(b.width() >= b.sizeHint().width() for b in buttons), \
        [b.text() for b in buttons if b.width() < b.sizeHint().width()]  # sized by their text
    labels = [label for label in view.form.findChildren(QLabel) if label.isVisible() and label.wordWrap()]
    assert all(label.height() >= label.heightForWidth(label.width()) for label in labels), \
        [label.text() for label in labels if label.height() < label.heightForWidth(label.width())]  # wrapped whole
    assert view.notice.outcome_label.height() >= view.notice.outcome_label.heightForWidth(
        view.notice.outcome_label.width())
