"""Moving an agent's local database into the team's (domain/services/team_import.py): a
real SQLite file into a real PostgreSQL database. Everything lands once, a second run
adds nothing, a register id with other values is a reported collision that keeps the
team's record, and a dry run writes nothing."""
from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from domain.customers import Customer
from domain.journal import JournalEntry, JournalKind
from domain.services import escalation, journal, register
from domain.services.register_csv import import_csv
from domain.services.team_import import import_local, report_as_dict

pytestmark = pytest.mark.postgres
EXAMPLE = Path(__file__).resolve().parents[2] / "data" / "register-semicolon.csv"
TODAY = dt.date(2026, 11, 23)


@pytest.fixture
def local(sqlite_store, now):
    """An agent's own database: the example register, a case and a journal entry."""
    import_csv(sqlite_store, EXAMPLE, TODAY)
    customer = register.get_customer(sqlite_store, 1).customer
    answer = escalation.escalator(sqlite_store).escalate("A", "unified", now, customer.country)
    case = escalation.save_case(sqlite_store, escalation_case(answer, customer))
    escalation.mark_responded(sqlite_store, case.id, now + dt.timedelta(minutes=20), by="Anna Berg")
    journal.add_entry(sqlite_store, JournalEntry(customer.id, now, "Anna Berg", JournalKind.NOTE, "", "",
                                                 note="Called about the renewal"))
    return sqlite_store


def escalation_case(answer, customer):
    from domain.cases import new_case

    return new_case(answer, customer.country, "Exchange Online", customer.name, customer.id)


def everything(store) -> tuple:
    records = register.export_records(store)
    customers = sorted((repr(dataclasses.replace(r.customer, id=None, changed=None)), tuple(sorted(
        (s.external_id, s.product, s.seats) for s in r.subscriptions))) for r in records)
    cases = sorted((c.customer_name, c.product, c.opened, c.responded, c.responded_by)
                   for c in escalation.list_cases(store))
    entries = sorted((e.agent, e.created, e.note) for r in records for e in journal.journal(store, r.customer.id))
    return customers, cases, entries


def test_everything_lands_once_and_a_second_run_adds_nothing(local, postgres_store):
    report = report_as_dict(import_local(local, postgres_store, TODAY))
    assert report["added"] == {"customers": 4, "subscriptions": 4, "cases": 1, "journal_entries": 1}
    assert everything(postgres_store) == everything(local)

    again = report_as_dict(import_local(local, postgres_store, TODAY))
    assert again["added"] == {"customers": 0, "subscriptions": 0, "cases": 0, "journal_entries": 0}
    assert again["already_there"] == report["added"] and again["collisions"] == []
    assert everything(postgres_store) == everything(local)


def test_a_register_id_with_other_values_is_a_collision_and_the_teams_record_stays(local, postgres_store):
    team_version = Customer("Åkesson & Söner AB", "SE", org_number="556677-8899", phone="+46 8 999 000 00",
                            external_id="C-1001")
    register.save_customer(postgres_store, team_version)
    report = report_as_dict(import_local(local, postgres_store, TODAY))
    [collision] = report["collisions"]
    assert collision["kind"] == "customer" and collision["register_id"] == "C-1001"
    assert collision["fields"]["phone"] == {"team": "+46 8 999 000 00", "local": "+46 8 123 456 78"}
    kept = [r for r in register.export_records(postgres_store) if r.customer.external_id == "C-1001"]
    assert kept[0].customer.phone == "+46 8 999 000 00"
    # The local customer's subscriptions, case and journal joined the team's record.
    assert {s.external_id for s in kept[0].subscriptions} == {"S-5001", "S-5002"}
    assert [e.agent for e in journal.journal(postgres_store, kept[0].customer.id)] == ["Anna Berg"]


def test_a_dry_run_reports_the_same_and_writes_nothing(local, postgres_store):
    dry = report_as_dict(import_local(local, postgres_store, TODAY, dry_run=True))
    assert dry["dry_run"] and dry["added"]["customers"] == 4
    assert register.customer_summaries(postgres_store) == []
    real = report_as_dict(import_local(local, postgres_store, TODAY))
    assert {**dry, "dry_run": False} == real


def test_a_failure_half_way_writes_nothing(local, postgres_store):
    # A journal entry too long for the team's column: the whole import is undone.
    from tests.domain.raw_sql import sql

    sql(postgres_store, "ALTER TABLE journal_entry ALTER COLUMN agent TYPE varchar(3)")
    with pytest.raises(Exception):
        import_local(local, postgres_store, TODAY)
    assert register.customer_summaries(postgres_store) == []
