"""Who changed what (issue 15): every save of a customer, a subscription or a case is
signed with the agent's display name and, in a team, the database login, at the
database's clock; a case keeps who opened it and who marked the first response. Both
engines (a local file signs with the name alone)."""
from __future__ import annotations

import datetime as dt
from dataclasses import replace

from domain.cases import new_case
from domain.customers import Customer, Subscription
from domain.notice import Term
from domain.roles import author_of
from domain.services import escalation, register

TODAY = dt.date(2026, 11, 23)


def signed(store, name: str) -> str:
    return name if store.is_sqlite else f"{name} ({store.login})"


def just_now(moment: dt.datetime | None) -> bool:
    # The database's clock (SQLite's CURRENT_TIMESTAMP has whole seconds), not the tests' pinned one.
    return moment is not None and abs(moment - dt.datetime.now(dt.timezone.utc)) < dt.timedelta(minutes=1)


def test_a_saved_customer_and_subscription_say_who_saved_them_last_and_when(store):
    store.agent_name = "Anna Berg"
    customer = register.save_customer(store, Customer("Östergren Bygg AB", "SE"))
    subscription = register.save_subscription(
        store, Subscription("Microsoft 365 E3", Term.MONTHS_12, dt.date(2026, 1, 1), customer_id=customer.id), TODAY)
    stored = register.get_customer(store, customer.id)
    assert stored.customer.changed.by == signed(store, "Anna Berg") and just_now(stored.customer.changed.at)
    assert stored.subscriptions[0].changed.by == signed(store, "Anna Berg")

    store.agent_name = "Mikko Virtanen"  # a colleague changes the phone, and then the seats
    register.save_customer(store, replace(stored.customer, phone="+46 8 123 456 78"))
    register.save_subscription(store, replace(stored.subscriptions[0], seats=12), TODAY)
    again = register.get_customer(store, customer.id)
    assert again.customer.changed.by == signed(store, "Mikko Virtanen")
    assert again.subscriptions[0].changed.by == signed(store, "Mikko Virtanen")
    assert subscription.id == again.subscriptions[0].id


def test_an_import_signs_what_it_adds(store):
    store.agent_name = "Import job"
    register.upsert_records(store, [Customer("Kylänpää Oy", "FI", external_id="C-1")],
                            [("C-1", Subscription("Exchange Online", Term.PAYG, dt.date(2026, 2, 1),
                                                  external_id="S-1"))], TODAY)
    [record] = register.export_records(store)
    assert record.customer.changed.by == signed(store, "Import job") and just_now(record.customer.changed.at)
    assert record.subscriptions[0].changed.by == signed(store, "Import job")


def test_a_case_keeps_who_opened_it_and_who_marked_the_first_response(store, now):
    store.agent_name = "Anna Berg"
    answer = escalation.escalator(store).escalate("B", "unified", now, "SE")
    case = escalation.save_case(store, new_case(answer, "SE", "Exchange Online", "Östergren Bygg AB"))
    store.agent_name = "Mikko Virtanen"
    escalation.mark_responded(store, case.id, now + dt.timedelta(minutes=30), by="Mikko Virtanen")
    [stored] = escalation.list_cases(store)
    assert stored.opened_by == signed(store, "Anna Berg")
    assert stored.responded_by == "Mikko Virtanen"
    assert stored.changed.by == signed(store, "Mikko Virtanen") and just_now(stored.changed.at)


def test_a_save_without_an_agent_name_is_signed_by_the_login_alone(store):
    customer = register.save_customer(store, Customer("Åkesson & Söner AB", "SE"))
    # No agent name given (a script that says nothing): the login alone in a team, nothing locally.
    found = register.get_customer(store, customer.id).customer.changed
    assert found.by == ("" if store.is_sqlite else store.login)


def test_the_signature_is_the_name_and_the_login_once_each():
    assert author_of("Anna Berg", "anna.berg") == "Anna Berg (anna.berg)"
    assert author_of("  Anna   Berg ", None) == "Anna Berg"
    assert author_of("anna.berg", "anna.berg") == "anna.berg"
    assert author_of("", "anna.berg") == "anna.berg"
    assert len(author_of("A" * 150, "anna.berg")) == 100
