"""The customer card's data: the customer, its subscriptions soonest deadline first (the
soonest to highlight, pay-as-you-go last), and its escalations still waiting for Microsoft."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from domain.cases import new_case
from domain.customers import Customer, Offering, Subscription
from domain.errors import InvalidInput
from domain.notice import Term, period
from domain.services import register
from domain.services.card import customer_card
from domain.services.escalation import escalator, mark_responded, save_case

TODAY = dt.date(2026, 11, 23)  # a Monday, as tests/conftest.py's `now`
D = dt.date


def add_customer(store, name: str, country: str = "SE", **fields) -> int:
    return register.save_customer(store, Customer(name=name, country=country, **fields)).id


def add_subscription(store, customer_id: int, product: str, start: dt.date, term: Term) -> int:
    return register.save_subscription(store, Subscription(product, term, start, customer_id=customer_id), TODAY).id


def open_case(store, customer_id: int | None, severity: str, opened: dt.datetime, name: str = "Kund AB"):
    answer = escalator(store).escalate(severity, "unified", opened, "SE")
    return save_case(store, new_case(answer, "SE", f"Product {severity}", name, customer_id=customer_id))


@pytest.fixture
def customer(store) -> int:
    cid = add_customer(store, "Östergren Bygg AB", org_number="556677-8899", phone="+46 8 123 456 78",
                       email="anna@ostergren.se", offering=Offering.UNIFIED)
    # Added in no particular order; the card sorts them.
    for product, start, term in [
        ("Project Plan 3", D(2026, 6, 1), Term.MONTHS_12),  # deadline 1 May 2027
        ("Power BI Pro", D(2026, 1, 1), Term.PAYG),
        ("Visio Plan 2", D(2024, 1, 13), Term.MONTHS_36),  # 13 Dec 2026
        ("Microsoft 365 E3", D(2025, 12, 24), Term.MONTHS_12),  # 23 Nov 2026: today
        ("Exchange Online (Plan 1)", D(2025, 11, 30), Term.MONTHS_12),  # 30 Oct 2026 passed: 30 Oct 2027
        ("Teams Essentials", D(2024, 12, 30), Term.MONTHS_24),  # 29 Nov 2026
    ]:
        add_subscription(store, cid, product, start, term)
    return cid


def test_the_card_shows_the_customer(store, customer):
    card = customer_card(store, customer, TODAY)
    assert card.customer.id == customer
    assert (card.customer.name, card.customer.org_number, card.customer.phone, card.customer.email) == (
        "Östergren Bygg AB", "556677-8899", "+46 8 123 456 78", "anna@ostergren.se")
    assert card.customer.offering is Offering.UNIFIED


def test_subscriptions_soonest_deadline_first_and_pay_as_you_go_last(store, customer):
    card = customer_card(store, customer, TODAY)
    assert [(s.subscription.product, s.next_deadline, s.days_left) for s in card.subscriptions] == [
        ("Microsoft 365 E3", D(2026, 11, 23), 0),
        ("Teams Essentials", D(2026, 11, 29), 6),
        ("Visio Plan 2", D(2026, 12, 13), 20),
        ("Project Plan 3", D(2027, 5, 1), 159),
        ("Exchange Online (Plan 1)", D(2027, 10, 30), 341),
        ("Power BI Pro", None, None),  # ends on the day notice arrives: no deadline
    ]
    assert card.soonest_subscription_id == card.subscriptions[0].subscription.id


def test_the_day_after_a_deadline_the_next_one_counts(store, customer):
    card = customer_card(store, customer, TODAY + dt.timedelta(days=1))
    first = card.subscriptions[0]
    assert (first.subscription.product, first.next_deadline, first.days_left) == (
        "Teams Essentials", D(2026, 11, 29), 5)
    e3 = next(s for s in card.subscriptions if s.subscription.product == "Microsoft 365 E3")
    assert e3.next_deadline == D(2027, 11, 23)  # the renewal's deadline, twelve months on
    assert card.soonest_subscription_id == first.subscription.id


def test_a_customer_without_deadlines_highlights_none(store):
    payg = add_customer(store, "Mäkinen Oy", "FI")
    add_subscription(store, payg, "Microsoft 365 Business Basic", D(2025, 3, 1), Term.PAYG)
    card = customer_card(store, payg, TODAY)
    assert [(s.next_deadline, s.days_left) for s in card.subscriptions] == [(None, None)]
    assert card.soonest_subscription_id is None
    bare = customer_card(store, add_customer(store, "Hansen AS", "NO"), TODAY)
    assert (bare.subscriptions, bare.soonest_subscription_id, bare.open_cases) == ((), None, ())


def test_open_cases_are_the_customers_unanswered_ones_most_urgent_first(store, customer):
    other = add_customer(store, "Mäkinen Oy", "FI")
    later = open_case(store, customer, "C", dt.datetime(2026, 11, 24, 9, 0))  # due 13:00
    sooner = open_case(store, customer, "1", dt.datetime(2026, 11, 24, 10, 0))  # due 11:00
    answered = open_case(store, customer, "B", dt.datetime(2026, 11, 23, 9, 0))
    mark_responded(store, answered.id, dt.datetime(2026, 11, 23, 9, 30, tzinfo=dt.timezone.utc), by="Anna Lind")
    open_case(store, other, "A", dt.datetime(2026, 11, 24, 9, 0), name="Mäkinen Oy")
    open_case(store, None, "A", dt.datetime(2026, 11, 24, 9, 0), name="Walk-in")
    card = customer_card(store, customer, TODAY)
    assert [c.id for c in card.open_cases] == [sooner.id, later.id]
    assert all(c.responded is None and c.customer_id == customer for c in card.open_cases)
    assert [c.customer_name for c in customer_card(store, other, TODAY).open_cases] == ["Mäkinen Oy"]


def test_an_unknown_customer_is_invalid_input(store):
    with pytest.raises(InvalidInput) as raised:
        customer_card(store, 4711, TODAY)
    assert raised.value.field == "customer" and "not a customer in the register" in str(raised.value)


def reference_deadline(start: dt.date, term: Term, today: dt.date) -> dt.date:
    """Walk the periods from the first: the first deadline on or after today."""
    k = 0
    while period(start, term, k).notice_deadline < today:
        k += 1
    return period(start, term, k).notice_deadline


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.dates(min_value=D(2026, 1, 1), max_value=D(2032, 12, 31)))
def test_on_any_day_the_deadlines_are_the_first_still_reachable_soonest_first(store, customer, today):
    card = customer_card(store, customer, today)
    dated = [s for s in card.subscriptions if s.next_deadline is not None]
    assert len(dated) == 5 and card.subscriptions[-1].next_deadline is None
    for item in dated:
        s = item.subscription
        assert item.next_deadline == reference_deadline(s.start_date, s.term, today)
        assert item.days_left == (item.next_deadline - today).days >= 0
    assert [s.next_deadline for s in dated] == sorted(s.next_deadline for s in dated)
    assert card.soonest_subscription_id == dated[0].subscription.id


def test_every_query_of_the_card_is_an_index_lookup(sqlite_store, customer):
    """At 100,000 customers and years of cases a scan would not fit a frame: ask SQLite
    how it runs each statement the card really sends."""
    store = sqlite_store  # SQLite's own (EXPLAIN QUERY PLAN, sqlite_master, its locking, its file)
    from sqlalchemy import event

    sent = []

    def record(_connection, _cursor, statement, parameters, _context, _many):
        sent.append((statement, parameters))

    open_case(store, customer, "C", dt.datetime(2026, 11, 24, 9, 0))
    event.listen(store.engine, "before_cursor_execute", record)
    try:
        customer_card(store, customer, TODAY)
    finally:
        event.remove(store.engine, "before_cursor_execute", record)
    selects = [(s, p) for s, p in sent if s.lstrip().upper().startswith("SELECT")]
    assert len(selects) == 3  # the customer, its subscriptions, its open cases
    with store.engine.connect() as connection:
        plans = [" | ".join(row[-1] for row in connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {s}", p))
                 for s, p in selects]
    assert all("SEARCH" in plan and "SCAN" not in plan for plan in plans), plans
    assert any("ix_escalation_case_customer_id" in plan for plan in plans)
