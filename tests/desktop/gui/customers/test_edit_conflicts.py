"""Editing together safely, driven as an agent would (issue 14): the window and a colleague
(the test's own store on the same file, saving through the services) change the same
customer or subscription; the agent's save shows both versions field by field, and
each answer does what it says, checked in the store afterwards. Nothing typed is lost
unless the agent chooses it."""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop.gui.widgets.edit_conflict_dialog import FIELD, THEIRS, YOURS
from domain.customers import Customer, Subscription
from domain.notice import Term
from domain.services import register
from tests.desktop.gui.customers.test_customers_view import add_customer, answer_confirm, open_customer
from tests.desktop.gui.keyboard_input import retype

pytestmark = pytest.mark.gui

TODAY = dt.date(2026, 11, 23)


def stored(store, customer_id: int) -> Customer:
    return register.get_customer(store, customer_id).customer


def colleague_saves(store, customer_id: int, **changes) -> Customer:
    """Another agent's app saves the customer, from the version it reads now."""
    return register.save_customer(store, dataclasses.replace(stored(store, customer_id), **changes))


def conflict_dialog(qtbot, view):
    qtbot.waitUntil(lambda: view.conflict_dialog is not None and view.conflict_dialog.isVisible(), timeout=10_000)
    return view.conflict_dialog


def rows(dialog) -> list[tuple[str, str, str]]:
    model = dialog.model
    return [tuple(model.index(row, column).data() for column in (FIELD, THEIRS, YOURS))
            for row in range(model.rowCount())]


def click(qtbot, button) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


@pytest.fixture
def opened(qtbot, store, open_customers):
    """The customer open in the window at version 1; the agent types a phone and an
    e-mail; meanwhile a colleague saves another phone and a contact person."""
    customer, _ = add_customer(store, "Fjellstue AS", "NO", "923 609 016")
    view = open_customers()
    open_customer(qtbot, view, customer.id)
    retype(view.form.phone_edit, "+47 40 00 00 01")
    retype(view.form.email_edit, "post@fjellstue.no")
    colleague_saves(store, customer.id, phone="+47 99 99 99 99", contact="Kari Nordmann")
    return view, customer


def save_and_meet_the_conflict(qtbot, view):
    click(qtbot, view.form.save_button)
    return conflict_dialog(qtbot, view)


def test_the_colleagues_version_is_shown_beside_mine_and_cancel_keeps_what_i_typed(qtbot, store, opened):
    view, customer = opened
    dialog = save_and_meet_the_conflict(qtbot, view)
    assert "Someone else saved “Fjellstue AS”" in dialog.heading.text()
    assert rows(dialog) == [("Contact person", "Kari Nordmann", "(empty)"),
                            ("Phone (you both changed it)", "+47 99 99 99 99", "+47 40 00 00 01"),
                            ("E-mail", "(empty)", "post@fjellstue.no")]
    assert "You both changed Phone" in dialog.merge_note.text()
    assert dialog.cancel_button.isDefault()  # Enter throws nothing away
    assert [b.text() for b in (dialog.take_theirs_button, dialog.merge_button, dialog.overwrite_button)] == [
        "&Take theirs", "&Merge", "&Overwrite with mine"]

    click(qtbot, dialog.cancel_button)
    qtbot.waitUntil(lambda: view.conflict_dialog is None)
    # Nothing written, nothing lost: the form as typed, saying why it is not saved.
    assert (view.form.phone_edit.text(), view.form.email_edit.text()) == ("+47 40 00 00 01", "post@fjellstue.no")
    assert view.form.status_label.text().startswith("Not saved: customer")
    assert "was changed by someone else" in view.form.status_label.text()
    now = stored(store, customer.id)
    assert (now.phone, now.email, now.contact, now.version) == ("+47 99 99 99 99", "", "Kari Nordmann", 2)
    # Saving again asks again: the form still builds on the version it opened.
    click(qtbot, save_and_meet_the_conflict(qtbot, view).cancel_button)


def test_take_theirs_shows_their_version_and_writes_nothing(qtbot, store, opened):
    view, customer = opened
    with qtbot.waitSignal(view.customerShown, timeout=10_000):
        click(qtbot, save_and_meet_the_conflict(qtbot, view).take_theirs_button)
    assert (view.form.phone_edit.text(), view.form.email_edit.text(), view.form.contact_edit.text()) == (
        "+47 99 99 99 99", "", "Kari Nordmann")
    assert view.form.status_label.text() == "Their version is shown; what you typed was not saved."
    assert not view.form.is_dirty()
    assert stored(store, customer.id).version == 2


def test_merge_saves_their_changes_and_mine_where_they_did_not_touch(qtbot, store, opened):
    view, customer = opened
    with qtbot.waitSignal(view.customerSaved, timeout=10_000):
        click(qtbot, save_and_meet_the_conflict(qtbot, view).merge_button)
    now = stored(store, customer.id)
    # Theirs where both changed (the phone), theirs (the contact) and mine (the e-mail) elsewhere.
    assert (now.phone, now.contact, now.email, now.version) == (
        "+47 99 99 99 99", "Kari Nordmann", "post@fjellstue.no", 3)
    assert view.form.phone_edit.text() == "+47 99 99 99 99" and view.form.status_label.text() == "Saved."


def test_overwrite_with_mine_saves_what_i_typed_over_theirs(qtbot, store, opened):
    view, customer = opened
    with qtbot.waitSignal(view.customerSaved, timeout=10_000):
        click(qtbot, save_and_meet_the_conflict(qtbot, view).overwrite_button)
    now = stored(store, customer.id)
    assert (now.phone, now.contact, now.email, now.version) == ("+47 40 00 00 01", "", "post@fjellstue.no", 3)


def test_a_third_agents_save_before_my_overwrite_is_asked_about_again(qtbot, store, opened):
    view, customer = opened
    dialog = save_and_meet_the_conflict(qtbot, view)
    colleague_saves(store, customer.id, notes="Ring før kl. 10")  # a third agent, while the question is open
    click(qtbot, dialog.overwrite_button)
    qtbot.waitUntil(lambda: view.conflict_dialog is not None and view.conflict_dialog is not dialog
                    and view.conflict_dialog.isVisible(), timeout=10_000)
    again = view.conflict_dialog
    assert ("Notes", "Ring før kl. 10", "(empty)") in rows(again)
    click(qtbot, again.cancel_button)
    qtbot.waitUntil(lambda: view.conflict_dialog is None)
    assert stored(store, customer.id).notes == "Ring før kl. 10"  # the third agent's change stands
    assert view.form.phone_edit.text() == "+47 40 00 00 01"  # and mine is still in the form


def test_deleting_a_customer_a_colleague_changed_asks_first(qtbot, store, open_customers):
    customer, _ = add_customer(store, "Fjellstue AS", "NO", "923 609 016")
    view = open_customers()
    open_customer(qtbot, view, customer.id)
    colleague_saves(store, customer.id, notes="Ny kontrakt")
    click(qtbot, view.form.delete_button)
    answer_confirm(qtbot, view, QMessageBox.StandardButton.Yes)
    dialog = conflict_dialog(qtbot, view)
    assert "It is not deleted yet" in dialog.heading.text()
    assert rows(dialog) == [("Notes", "Ny kontrakt", "(empty)")]
    assert not dialog.merge_button.isVisible()
    assert dialog.take_theirs_button.text() == "&Keep theirs" and dialog.overwrite_button.text() == "&Delete anyway"
    with qtbot.waitSignal(view.customerShown, timeout=10_000):
        click(qtbot, dialog.take_theirs_button)
    assert view.record.customer.notes == "Ny kontrakt" and stored(store, customer.id).version == 2

    colleague_saves(store, customer.id, notes="Ny kontrakt, igen")
    click(qtbot, view.form.delete_button)
    answer_confirm(qtbot, view, QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(view.customerDeleted, timeout=10_000):
        click(qtbot, conflict_dialog(qtbot, view).overwrite_button)
    assert register.customer_summaries(store) == []


# --- subscriptions ----------------------------------------------------------------------------

@pytest.fixture
def subscription_opened(qtbot, store, open_customers):
    """The subscription's dialog open at version 1, the agent typing 15 seats and taking
    end-user support out; meanwhile a colleague saves 12 seats and another product name."""
    customer, (subscription,) = add_customer(store, "Åkesson & Söner AB", "SE", "556677-8899", subscriptions=(
        Subscription("Microsoft 365 E3", Term.MONTHS_12, dt.date(2025, 3, 1), 10),))
    view = open_customers()
    open_customer(qtbot, view, customer.id)
    click(qtbot, view.change_button)
    dialog = view.subscription_dialog
    dialog.seats_spin.setValue(15)
    dialog.end_user_support.setChecked(False)
    register.save_subscription(store, dataclasses.replace(subscription, seats=12, product="Microsoft 365 E3 (NCE)"),
                               TODAY)
    return view, dialog, subscription


def stored_subscription(store, subscription: Subscription) -> Subscription:
    [found] = register.get_customer(store, subscription.customer_id).subscriptions
    return found


def test_a_subscription_changed_meanwhile_is_asked_about_over_its_dialog(qtbot, store, subscription_opened):
    view, dialog, subscription = subscription_opened
    click(qtbot, dialog.ok_button)
    question = conflict_dialog(qtbot, view)
    assert question.parent() is dialog
    assert rows(question) == [("Product", "Microsoft 365 E3 (NCE)", "Microsoft 365 E3"),
                              ("Seats (you both changed it)", "12", "15"),
                              ("End-user support included", "Yes", "No")]
    click(qtbot, question.cancel_button)
    # The dialog stays open as typed, saying why nothing was saved.
    qtbot.waitUntil(lambda: dialog.status_label.isVisible())
    assert "was changed by someone else" in dialog.status_label.text()
    assert view.subscription_dialog is dialog and dialog.seats_spin.value() == 15
    assert dialog.ok_button.isEnabled()
    assert stored_subscription(store, subscription).seats == 12

    with qtbot.waitSignal(view.subscriptionsChanged, timeout=10_000):
        click(qtbot, dialog.ok_button)
        click(qtbot, conflict_dialog(qtbot, view).merge_button)
    now = stored_subscription(store, subscription)
    assert (now.product, now.seats, now.end_user_support, now.version) == ("Microsoft 365 E3 (NCE)", 12, False, 3)
    qtbot.waitUntil(lambda: view.subscription_dialog is None)
    assert view.current_subscription() == now


def test_taking_their_subscription_closes_the_dialog_and_shows_theirs(qtbot, store, subscription_opened):
    view, dialog, subscription = subscription_opened
    click(qtbot, dialog.ok_button)
    with qtbot.waitSignal(view.subscriptionsChanged, timeout=10_000):
        click(qtbot, conflict_dialog(qtbot, view).take_theirs_button)
    qtbot.waitUntil(lambda: view.subscription_dialog is None)
    assert view.current_subscription().seats == 12
    assert stored_subscription(store, subscription).version == 2


def test_overwriting_their_subscription_saves_mine(qtbot, store, subscription_opened):
    view, dialog, subscription = subscription_opened
    click(qtbot, dialog.ok_button)
    with qtbot.waitSignal(view.subscriptionsChanged, timeout=10_000):
        click(qtbot, conflict_dialog(qtbot, view).overwrite_button)
    now = stored_subscription(store, subscription)
    assert (now.product, now.seats, now.end_user_support) == ("Microsoft 365 E3", 15, False)


def test_deleting_a_subscription_a_colleague_changed_asks_first(qtbot, store, open_customers):
    customer, (subscription,) = add_customer(store, "Åkesson & Söner AB", "SE", subscriptions=(
        Subscription("Microsoft 365 E3", Term.MONTHS_12, dt.date(2025, 3, 1), 10),))
    view = open_customers()
    open_customer(qtbot, view, customer.id)
    register.save_subscription(store, dataclasses.replace(subscription, seats=40), TODAY)
    click(qtbot, view.delete_subscription_button)
    answer_confirm(qtbot, view, QMessageBox.StandardButton.Yes)
    dialog = conflict_dialog(qtbot, view)
    assert rows(dialog) == [("Seats", "40", "10")]
    with qtbot.waitSignal(view.subscriptionsChanged, timeout=10_000):
        click(qtbot, dialog.take_theirs_button)
    assert view.current_subscription().seats == 40
    assert stored_subscription(store, subscription).seats == 40  # kept


def test_the_question_follows_the_language_and_keeps_the_choice_open(qtbot, store, opened):
    from desktop.gui.platform.language import apply_language

    view, customer = opened
    dialog = save_and_meet_the_conflict(qtbot, view)
    apply_language("sv")
    assert (dialog.windowTitle(), dialog.take_theirs_button.text(), dialog.overwrite_button.text()) == (
        "Ändrad av någon annan", "&Ta deras", "Skriv &över med min")
    assert rows(dialog)[1] == ("Telefon (ni ändrade båda)", "+47 99 99 99 99", "+47 40 00 00 01")
    assert "Någon annan sparade ”Fjellstue AS”" in dialog.heading.text()
    with qtbot.waitSignal(view.customerSaved, timeout=10_000):
        click(qtbot, dialog.merge_button)
    assert stored(store, customer.id).email == "post@fjellstue.no"
