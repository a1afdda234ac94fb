"""The customer register in the store: customers and subscriptions, notice answers for a
subscription, coming deadlines from the stored copy of each deadline, and imports."""
from __future__ import annotations

import dataclasses
import datetime as dt
import random

import pytest
from alembic import command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from domain.customers import Customer, CustomerRecord, CustomerSummary, InvalidRecord, Offering, Subscription
from domain.errors import InvalidInput
from domain.notice import Term, next_notice_deadline, period_containing
from domain.services import register
from domain.services.notice import notice_for
from domain.services.register import Deadline, RecordRejected, UpsertResult
from domain.store.database import _alembic_config, head_revision, table_names
from tests.domain.raw_sql import sql

TODAY = dt.date(2026, 11, 23)

ACME = Customer(name="Östergren Bygg AB", country="SE", org_number="556677-8899", contact="Anna Lindqvist",
                phone="+46 8 123 456 78", email="anna@ostergrenbygg.se", offering=Offering.UNIFIED,
                notes="Ring före lunch.", external_id="CSP-1")
FJORD = Customer(name="Fjordkraft Regnskap AS", country="NO", org_number="923 609 016", phone="+47 22 12 34 56",
                 email="post@fjordkraft.no", external_id="CSP-2")




def dump(path) -> dict[str, list[tuple]]:
    """Every register row, every column: what "no row changed" means."""
    return {table: sql(path, f"SELECT * FROM {table} ORDER BY id") for table in ("customer", "subscription")}


def subscription(customer_id: int | None, start: dt.date, term: Term = Term.MONTHS_12, **fields) -> Subscription:
    return Subscription(product=fields.pop("product", "Microsoft 365 Business Standard"), term=term,
                        start_date=start, customer_id=customer_id, **fields)


# --- customers ---------------------------------------------------------------------------

def test_a_saved_customer_reads_back_whole_and_tidied(store):
    saved = register.save_customer(store, dataclasses.replace(ACME, name="  Östergren Bygg AB ", country="se"))
    assert saved.id is not None
    record = register.get_customer(store, saved.id)
    assert record == CustomerRecord(dataclasses.replace(ACME, id=saved.id), ())
    assert record.customer.offering is Offering.UNIFIED


def test_changing_a_customer_keeps_its_id_and_stamps_the_change(store, isolated_data):
    saved = register.save_customer(store, ACME)
    created = sql(store, "SELECT created_at, updated_at FROM customer")[0]
    assert all(created)  # the database stamps both on insert
    changed = register.save_customer(store, dataclasses.replace(saved, phone="+46 31 12 34 56", notes=""))
    assert changed.id == saved.id
    assert register.get_customer(store, saved.id).customer.phone == "+46 31 12 34 56"
    assert [s.name for s in register.customer_summaries(store)] == ["Östergren Bygg AB"]


def test_changing_an_unknown_customer_says_so(store):
    with pytest.raises(InvalidInput) as raised:
        register.save_customer(store, dataclasses.replace(ACME, id=4711, version=1))
    assert raised.value.field == "customer" and "4711" in str(raised.value)
    assert register.customer_summaries(store) == []


def test_every_bad_field_is_named_and_nothing_is_written(store):
    with pytest.raises(InvalidRecord) as raised:
        register.save_customer(store, dataclasses.replace(ACME, org_number="556677-8890", email="anna(at)bygg"))
    assert {e.field for e in raised.value.errors} == {"org_number", "email"}
    assert "check digit" in str(raised.value) and "anna(at)bygg" in str(raised.value)
    assert register.customer_summaries(store) == []


def test_an_unknown_offering_or_term_is_a_field_error_not_a_crash(store):
    with pytest.raises(InvalidRecord) as raised:
        register.save_customer(store, dataclasses.replace(ACME, offering="gold", name=""))
    assert {e.field for e in raised.value.errors} == {"offering", "name"}
    assert "'gold' is not a support offering" in str(raised.value)
    saved = register.save_customer(store, dataclasses.replace(ACME, offering="rapid-response"))
    assert register.get_customer(store, saved.id).customer.offering is Offering.RAPID_RESPONSE
    with pytest.raises(InvalidRecord) as raised:
        register.save_subscription(store, subscription(saved.id, dt.date(2025, 1, 1), term="18"), TODAY)
    assert raised.value.errors[0].field == "term" and "'18'" in str(raised.value)
    assert register.save_subscription(store, subscription(saved.id, dt.date(2025, 1, 1), term="24"),
                                      TODAY).term is Term.MONTHS_24


def test_a_taken_external_id_is_refused_naming_it(store):
    first = register.save_customer(store, ACME)
    with pytest.raises(InvalidRecord) as raised:
        register.save_customer(store, dataclasses.replace(FJORD, external_id="CSP-1"))
    assert raised.value.errors[0].field == "external_id"
    assert "'CSP-1'" in str(raised.value) and f"customer {first.id}" in str(raised.value)
    # The customer itself may keep its own external id when it is changed.
    register.save_customer(store, dataclasses.replace(first, contact="Per"))
    assert [s.name for s in register.customer_summaries(store)] == ["Östergren Bygg AB"]


def test_get_customer_of_an_unknown_id(store):
    with pytest.raises(InvalidInput) as raised:
        register.get_customer(store, 99)
    assert raised.value.field == "customer" and raised.value.value == 99


def test_summaries_are_every_customer_by_name(store):
    for name in ("Zeta Konsult AB", "Alfa Bygg AB", "Mäkinen Oy"):
        register.save_customer(store, Customer(name=name, country="SE" if "AB" in name else "FI"))
    summaries = register.customer_summaries(store)
    assert [s.name for s in summaries] == ["Alfa Bygg AB", "Mäkinen Oy", "Zeta Konsult AB"]
    alfa = summaries[0]
    assert alfa == CustomerSummary(alfa.id, "Alfa Bygg AB", "", "SE", "", "", "none", f"deskguide-customer-{alfa.id}")


# --- subscriptions -----------------------------------------------------------------------

def test_a_subscription_reads_back_with_its_customer(store):
    customer = register.save_customer(store, ACME)
    saved = register.save_subscription(store, subscription(customer.id, dt.date(2025, 3, 1), Term.MONTHS_36, seats=25,
                                                           end_user_support=False, external_id="SUB-1"), TODAY)
    assert saved.id is not None
    record = register.get_customer(store, customer.id)
    assert record.subscriptions == (saved,)
    assert record.subscriptions[0].term is Term.MONTHS_36 and record.subscriptions[0].seats == 25
    changed = register.save_subscription(store, dataclasses.replace(saved, seats=30, from_reseller=False), TODAY)
    assert register.get_customer(store, customer.id).subscriptions == (changed,)


def test_a_subscription_needs_a_customer_in_the_register(store):
    with pytest.raises(InvalidRecord) as raised:
        register.save_subscription(store, subscription(42, dt.date(2025, 3, 1)), TODAY)
    assert raised.value.errors[0].field == "customer_id" and "42" in str(raised.value)
    with pytest.raises(InvalidRecord) as raised:
        register.save_subscription(store, subscription(None, dt.date(2025, 3, 1)), TODAY)
    assert raised.value.errors[0].field == "customer_id"


def test_bad_subscription_fields_are_named(store):
    customer = register.save_customer(store, ACME)
    with pytest.raises(InvalidRecord) as raised:
        register.save_subscription(store, subscription(customer.id, dt.date(2028, 1, 1), seats=0, product=" "), TODAY)
    assert {e.field for e in raised.value.errors} == {"seats", "start_date", "product"}
    assert register.get_customer(store, customer.id).subscriptions == ()


def test_a_taken_subscription_external_id_is_refused(store):
    customer = register.save_customer(store, ACME)
    register.save_subscription(store, subscription(customer.id, dt.date(2025, 3, 1), external_id="SUB-1"), TODAY)
    with pytest.raises(InvalidRecord) as raised:
        register.save_subscription(store, subscription(customer.id, dt.date(2025, 4, 1), external_id="SUB-1"), TODAY)
    assert raised.value.errors[0].field == "external_id" and "'SUB-1'" in str(raised.value)
    assert len(register.get_customer(store, customer.id).subscriptions) == 1


def test_deleting_a_customer_takes_its_subscriptions(store, isolated_data):
    acme, fjord = register.save_customer(store, ACME), register.save_customer(store, FJORD)
    gone = register.save_subscription(store, subscription(acme.id, dt.date(2025, 3, 1)), TODAY)
    kept = register.save_subscription(store, subscription(fjord.id, dt.date(2025, 3, 1)), TODAY)
    register.delete_customer(store, acme.id, acme.version)
    with pytest.raises(InvalidInput):
        register.get_customer(store, acme.id)
    with pytest.raises(InvalidInput) as raised:
        register.notice_for_subscription(store, gone.id, TODAY)
    assert raised.value.field == "subscription"
    assert sql(store, "SELECT id FROM subscription") == [(kept.id,)]
    with pytest.raises(InvalidInput):
        register.delete_customer(store, acme.id, acme.version)


def test_deleting_a_subscription(store):
    customer = register.save_customer(store, ACME)
    first = register.save_subscription(store, subscription(customer.id, dt.date(2025, 3, 1)), TODAY)
    second = register.save_subscription(store, subscription(customer.id, dt.date(2025, 6, 1)), TODAY)
    register.delete_subscription(store, first.id, first.version)
    assert register.get_customer(store, customer.id).subscriptions == (second,)
    with pytest.raises(InvalidInput) as raised:
        register.delete_subscription(store, first.id, first.version)
    assert raised.value.field == "subscription"


def test_export_is_every_customer_by_name_with_its_subscriptions(store):
    fjord, acme = register.save_customer(store, FJORD), register.save_customer(store, ACME)
    late = register.save_subscription(store, subscription(acme.id, dt.date(2025, 6, 1)), TODAY)
    early = register.save_subscription(store, subscription(acme.id, dt.date(2024, 1, 15), Term.PAYG), TODAY)
    assert register.export_records(store) == [CustomerRecord(fjord, ()), CustomerRecord(acme, (early, late))]


# --- notice for a subscription ---------------------------------------------------------------

def test_notice_uses_the_customers_country_desk(store):
    # 12 months from 17 June 2026: notice by Monday 17 May 2027, Norway's Constitution Day.
    fjord, acme = register.save_customer(store, FJORD), register.save_customer(store, ACME)
    start = dt.date(2026, 6, 17)
    norwegian = register.save_subscription(store, subscription(fjord.id, start), TODAY)
    swedish = register.save_subscription(store, subscription(acme.id, start), TODAY)
    answer = register.notice_for_subscription(store, norwegian.id, TODAY)
    assert answer.notice_deadline == dt.date(2027, 5, 17) and answer.in_time
    assert answer.ends_on == dt.date(2027, 6, 16)
    assert "Constitution Day" in answer.deadline_warning.reason
    assert answer == notice_for(store, start, Term.MONTHS_12, TODAY, "NO")
    assert register.notice_for_subscription(store, swedish.id, TODAY).deadline_warning is None


def test_notice_after_the_deadline_renews_for_twelve_months(store):
    acme = register.save_customer(store, ACME)
    sub = register.save_subscription(store, subscription(acme.id, dt.date(2025, 12, 1)), TODAY)
    answer = register.notice_for_subscription(store, sub.id, TODAY)
    # The first year ends 30 Nov 2026; notice was due 31 Oct 2026.
    assert answer.notice_deadline == dt.date(2026, 10, 31) and not answer.in_time
    assert answer.ends_on == answer.renews_to == dt.date(2027, 11, 30)


def test_notice_for_an_unknown_subscription_or_a_day_before_the_start(store):
    with pytest.raises(InvalidInput) as raised:
        register.notice_for_subscription(store, 404, TODAY)
    assert raised.value.field == "subscription" and "404" in str(raised.value)
    acme = register.save_customer(store, ACME)
    sub = register.save_subscription(store, subscription(acme.id, dt.date(2026, 12, 1)), TODAY)
    with pytest.raises(InvalidInput) as raised:
        register.notice_for_subscription(store, sub.id, TODAY)
    assert raised.value.field == "on" and "2026-12-01" in str(raised.value)


# --- coming deadlines ------------------------------------------------------------------------

def expected_deadlines(store, today: dt.date, within: int) -> list[tuple]:
    """The same list computed in Python from every subscription, the slow way."""
    found = []
    for record in register.export_records(store):
        for sub in record.subscriptions:
            deadline = next_notice_deadline(sub.start_date, sub.term, today)
            if deadline is not None and today <= deadline <= today + dt.timedelta(days=within):
                end = period_containing(sub.start_date, sub.term, deadline).end
                found.append((deadline, record.customer.name, sub.id, record.customer.id, sub.product,
                              (deadline - today).days, end))
    return sorted(found)


def as_tuples(deadlines: list[Deadline]) -> list[tuple]:
    return [(d.notice_deadline, d.customer_name, d.subscription_id, d.customer_id, d.product, d.days_left,
             d.period_end) for d in deadlines]


def fill_register(store, today: dt.date, customers: int = 40, subscriptions: int = 400, seed: int = 5) -> None:
    rng = random.Random(seed)
    ids = [register.save_customer(store, Customer(name=f"Kund {rng.choice('ÅÄÖABC')}{n:03d} AB", country="SE")).id
           for n in range(customers)]
    for _ in range(subscriptions):
        start = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randrange(8 * 365))
        start = min(start, today + dt.timedelta(days=300))
        register.save_subscription(store, subscription(rng.choice(ids), start, rng.choice(list(Term)),
                                                       product=rng.choice(["E3", "Business Basic", "Visio"])),
                                   today)


def test_coming_deadlines_match_every_subscription_computed_in_python(store):
    fill_register(store, TODAY)
    for within in (0, 7, 45, 400):
        assert as_tuples(register.coming_deadlines(store, TODAY, within)) == expected_deadlines(store, TODAY, within)
    listed = register.coming_deadlines(store, TODAY)
    assert listed, "a register of 400 subscriptions has some deadline in 45 days"
    assert all(0 <= d.days_left <= 45 for d in listed)


def test_the_stored_deadlines_are_refreshed_as_days_go_by(store, isolated_data):
    fill_register(store, TODAY, seed=11)
    day = TODAY
    for step in (1, 3, 30, 100, 365, 2):
        day += dt.timedelta(days=step)
        assert as_tuples(register.coming_deadlines(store, day, 45)) == expected_deadlines(store, day, 45)
    # Nothing stored is older than the last day asked about.
    assert sql(store, "SELECT count(*) FROM subscription WHERE next_notice_deadline < ?",
               day.isoformat()) == [(0,)]
    # And back again (a clock set wrong, then put right): still the right answer.
    assert as_tuples(register.coming_deadlines(store, TODAY, 45)) == expected_deadlines(store, TODAY, 45)


def test_a_passed_deadline_moves_to_the_next_period(store, isolated_data):
    acme = register.save_customer(store, ACME)
    sub = register.save_subscription(store, subscription(acme.id, dt.date(2025, 12, 24)), TODAY)
    deadline = dt.date(2026, 11, 23)  # period ends 23 Dec 2026; notice 30 days before
    [due] = register.coming_deadlines(store, TODAY)
    assert (due.notice_deadline, due.days_left, due.period_end) == (deadline, 0, dt.date(2026, 12, 23))
    assert due.customer_name == "Östergren Bygg AB" and due.subscription_id == sub.id
    tomorrow = TODAY + dt.timedelta(days=1)
    assert register.coming_deadlines(store, tomorrow) == []
    assert sql(store, "SELECT next_notice_deadline, deadline_computed_on FROM subscription") == [
        ("2027-11-23", tomorrow.isoformat())]
    [renewed] = register.coming_deadlines(store, dt.date(2027, 10, 20))
    assert (renewed.notice_deadline, renewed.days_left) == (dt.date(2027, 11, 23), 34)


def test_pay_as_you_go_has_no_deadline_to_list(store):
    acme = register.save_customer(store, ACME)
    register.save_subscription(store, subscription(acme.id, dt.date(2026, 1, 1), Term.PAYG), TODAY)
    assert register.coming_deadlines(store, TODAY, 3650) == []


def test_same_day_deadlines_are_listed_by_customer_name_and_a_limit_pages(store):
    start = dt.date(2025, 12, 30)  # notice by 29 Nov 2026
    names = ["Zeta AB", "Alfa AB", "Mitt AB", "Beta AB"]
    for name in names:
        customer = register.save_customer(store, Customer(name=name, country="SE"))
        register.save_subscription(store, subscription(customer.id, start), TODAY)
    sooner = register.save_customer(store, Customer(name="Öst AB", country="SE"))
    register.save_subscription(store, subscription(sooner.id, dt.date(2025, 12, 27)), TODAY)
    listed = register.coming_deadlines(store, TODAY)
    assert [d.customer_name for d in listed] == ["Öst AB", "Alfa AB", "Beta AB", "Mitt AB", "Zeta AB"]
    assert [d.days_left for d in listed] == [3, 6, 6, 6, 6]
    assert register.coming_deadlines(store, TODAY, limit=2) == listed[:2]
    assert register.coming_deadlines(store, TODAY, within_days=5) == listed[:1]


def test_a_window_past_the_end_of_the_calendar_lists_everything(store):
    acme = register.save_customer(store, ACME)
    register.save_subscription(store, subscription(acme.id, dt.date(2025, 6, 1)), TODAY)
    assert [d.notice_deadline for d in register.coming_deadlines(store, TODAY, 10 ** 12)] == [dt.date(2027, 5, 1)]


def test_a_bad_number_of_days_is_refused(store):
    with pytest.raises(InvalidInput) as raised:
        register.coming_deadlines(store, TODAY, -1)
    assert raised.value.field == "within_days"
    with pytest.raises(InvalidInput):
        register.coming_deadlines(store, TODAY, 45, limit=-5)


def test_saving_a_subscription_stores_its_next_deadline(store, isolated_data):
    acme = register.save_customer(store, ACME)
    sub = register.save_subscription(store, subscription(acme.id, dt.date(2024, 2, 29), Term.MONTHS_24), TODAY)
    stored = sql(store, "SELECT next_notice_deadline FROM subscription WHERE id = ?", sub.id)
    assert stored == [(next_notice_deadline(dt.date(2024, 2, 29), Term.MONTHS_24, TODAY).isoformat(),)]
    register.save_subscription(store, dataclasses.replace(sub, term=Term.PAYG), TODAY)
    assert sql(store, "SELECT next_notice_deadline FROM subscription") == [(None,)]


# Each example is a dozen committed transactions on a real file: a tenth of the
# profile's examples keeps this one test from costing more than the rest of the module.
@settings(max_examples=max(10, settings().max_examples // 10),
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(starts=st.lists(st.tuples(st.dates(dt.date(2019, 1, 1), dt.date(2026, 12, 31)), st.sampled_from(list(Term))),
                       min_size=1, max_size=12),
       steps=st.lists(st.integers(-40, 400), min_size=1, max_size=6))
def test_property_the_list_is_always_the_python_answer(store, starts, steps):
    with store.unit_of_work() as uow:  # a fresh register for each example
        for summary in uow.customers.summaries():
            uow.customers.delete(summary.id)
        uow.commit()
    customer = register.save_customer(store, Customer(name="Kund AB", country="SE"))
    for start, term in starts:
        register.save_subscription(store, subscription(customer.id, start, term), TODAY)
    day = TODAY
    for step in steps:
        day += dt.timedelta(days=step)
        assert as_tuples(register.coming_deadlines(store, day, 60)) == expected_deadlines(store, day, 60)


# --- import ----------------------------------------------------------------------------------

def import_batch() -> tuple[list[Customer], list[tuple[str, Subscription]]]:
    customers = [ACME, FJORD, Customer(name="Mäkinen Oy", country="FI", org_number="0112038-9", external_id="CSP-3")]
    subscriptions = [
        ("CSP-1", subscription(None, dt.date(2025, 12, 24), external_id="SUB-1")),
        ("CSP-1", subscription(None, dt.date(2024, 5, 1), Term.PAYG, external_id="SUB-2", seats=3)),
        ("CSP-3", subscription(None, dt.date(2023, 9, 1), Term.MONTHS_36, external_id="SUB-3", product="Visio")),
    ]
    return customers, subscriptions


def test_import_adds_then_a_second_import_changes_nothing(store, isolated_data):
    customers, subscriptions = import_batch()
    first = register.upsert_records(store, customers, subscriptions, TODAY)
    assert first == UpsertResult(3, 0, 0, 3, 0, 0)
    acme = register.get_customer(store, register.customer_summaries(store)[2].id)
    assert acme.customer.name == "Östergren Bygg AB"
    assert [s.external_id for s in acme.subscriptions] == ["SUB-2", "SUB-1"]
    assert [d.subscription_id for d in register.coming_deadlines(store, TODAY)] == [
        s.id for s in acme.subscriptions if s.external_id == "SUB-1"]
    before = dump(store)
    second = register.upsert_records(store, customers, subscriptions, TODAY + dt.timedelta(days=3))
    assert second == UpsertResult(0, 0, 3, 0, 0, 3)
    assert dump(store) == before


def test_import_updates_only_what_changed(store, isolated_data):
    customers, subscriptions = import_batch()
    register.upsert_records(store, customers, subscriptions, TODAY)
    before = dump(store)
    customers[1] = dataclasses.replace(FJORD, phone="+47 23 45 67 89")
    subscriptions[2] = ("CSP-3", dataclasses.replace(subscriptions[2][1], seats=12))
    subscriptions[0] = ("CSP-2", subscriptions[0][1])  # moved to another customer
    result = register.upsert_records(store, customers, subscriptions, TODAY)
    assert result == UpsertResult(0, 1, 2, 0, 2, 1)
    after = dump(store)
    assert after["customer"][0] == before["customer"][0]
    assert after["customer"][1] != before["customer"][1]
    fjord = register.get_customer(store, after["customer"][1][0])
    assert fjord.customer.phone == "+47 23 45 67 89"
    assert [s.external_id for s in fjord.subscriptions] == ["SUB-1"]


def test_a_bad_record_in_the_middle_writes_nothing(store, isolated_data):
    register.save_customer(store, Customer(name="Redan Här AB", country="SE"))
    before = dump(store)
    customers, subscriptions = import_batch()
    customers[1] = dataclasses.replace(FJORD, org_number="923 609 017")
    with pytest.raises(RecordRejected) as raised:
        register.upsert_records(store, customers, subscriptions, TODAY)
    assert (raised.value.kind, raised.value.position, raised.value.external_id) == ("customer", 1, "CSP-2")
    assert raised.value.errors[0].field == "org_number" and "'CSP-2'" in str(raised.value)
    assert dump(store) == before


def test_a_subscription_of_an_unknown_customer_undoes_the_whole_import(store, isolated_data):
    before = dump(store)
    customers, subscriptions = import_batch()
    subscriptions.insert(1, ("CSP-404", subscription(None, dt.date(2025, 1, 1), external_id="SUB-9")))
    with pytest.raises(RecordRejected) as raised:
        register.upsert_records(store, customers, subscriptions, TODAY)
    assert raised.value.errors[0].field == "customer_external_id" and "CSP-404" in str(raised.value)
    assert raised.value.position == 1
    assert dump(store) == before  # the customers added before it are gone too


def test_import_needs_external_ids_once_each(store, isolated_data):
    customers, subscriptions = import_batch()
    with pytest.raises(RecordRejected) as raised:
        register.upsert_records(store, [*customers, dataclasses.replace(ACME, name="Kopia AB")], subscriptions, TODAY)
    assert raised.value.position == 3 and "twice" in str(raised.value)
    with pytest.raises(RecordRejected) as raised:
        register.upsert_records(store, [dataclasses.replace(ACME, external_id=" ")], [], TODAY)
    assert raised.value.errors[0].field == "external_id" and "required" in str(raised.value)
    with pytest.raises(RecordRejected) as raised:
        register.upsert_records(store, customers, [("CSP-1", subscription(None, dt.date(2025, 1, 1)))], TODAY)
    assert (raised.value.kind, raised.value.errors[0].field) == ("subscription", "external_id")
    assert dump(store) == {"customer": [], "subscription": []}


def test_a_dry_run_counts_but_writes_nothing(store, isolated_data):
    customers, subscriptions = import_batch()
    dry = register.upsert_records(store, customers, subscriptions, TODAY, dry_run=True)
    assert dry == UpsertResult(3, 0, 0, 3, 0, 0)
    assert dump(store) == {"customer": [], "subscription": []}
    assert register.upsert_records(store, customers, subscriptions, TODAY) == dry


# --- the schema ------------------------------------------------------------------------------

def test_migration_0003_goes_down_to_0002_and_up_again(sqlite_store, isolated_data):
    store = sqlite_store  # SQLite's own (EXPLAIN QUERY PLAN, sqlite_master, its locking, its file)
    register.save_customer(store, ACME)
    with store.engine.begin() as connection:
        command.downgrade(_alembic_config(connection), "0002")
    assert store.schema_revision() == "0002"
    tables = set(table_names(store))
    assert not {"customer", "subscription"} & tables
    assert {"desk", "scope_topic"} <= tables  # the earlier migrations' tables stay
    with store.engine.begin() as connection:
        command.upgrade(_alembic_config(connection), "head")
    assert store.schema_revision() == head_revision()
    assert register.customer_summaries(store) == []
    indexes = {row[0] for row in sql(store, "SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"ix_subscription_next_notice_deadline", "ix_subscription_customer_id", "ix_customer_name"} <= indexes


def test_the_coming_deadlines_query_is_an_index_range(sqlite_store, isolated_data):
    store = sqlite_store  # SQLite's own (EXPLAIN QUERY PLAN, sqlite_master, its locking, its file)
    plan = sql(store, "EXPLAIN QUERY PLAN SELECT s.id FROM subscription s JOIN customer c ON c.id = "
                              "s.customer_id WHERE s.next_notice_deadline >= '2026-11-23' AND "
                              "s.next_notice_deadline <= '2027-01-07' ORDER BY s.next_notice_deadline, c.name")
    details = " | ".join(row[-1] for row in plan)
    assert "ix_subscription_next_notice_deadline" in details and "SCAN s" not in details


def test_the_deadline_count_matches_the_full_list(store):
    today = dt.date(2026, 11, 23)
    customer = register.save_customer(store, Customer(name="Åkesson AB", country="SE"))
    for day in range(1, 29):
        register.save_subscription(store, Subscription(f"Product {day}", Term.MONTHS_12, dt.date(2026, 1, day),
                                                       customer_id=customer.id), today)
    for within in (0, 10, 45, 400):
        listed = register.coming_deadlines(store, today, within)
        assert register.count_coming_deadlines(store, today, within) == len(listed)
        assert [d.notice_deadline for d in register.coming_deadlines(store, today, within, limit=3)] == \
            [d.notice_deadline for d in listed[:3]]
