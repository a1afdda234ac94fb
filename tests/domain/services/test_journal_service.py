"""The case journal in the store (migration 0006): saved and listed newest first, searched
without case or accents, purged after the retention period, and gone with its customer."""
from __future__ import annotations

import datetime as dt

import pytest
from alembic import command

from domain.customers import Customer, InvalidRecord
from domain.errors import InvalidInput
from domain.journal import JournalEntry, JournalKind
from domain.services import journal, register
from domain.store import Store, open_store
from domain.store.database import _alembic_config, head_revision, table_names
from tests.domain.raw_sql import sql

UTC = dt.timezone.utc
NOW = dt.datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


@pytest.fixture
def customers(store):
    return [register.save_customer(store, Customer(name=name, country=country)).id
            for name, country in [("Östergren Bygg AB", "SE"), ("Mäkinen Oy", "FI")]]


def entry(customer_id: int, created: dt.datetime = NOW, kind: JournalKind = JournalKind.SCOPE,
          topic: str = "password-reset", verdict: str = "in_scope", agent: str = "Anna Berg", note: str = "",
          summary: str = "") -> JournalEntry:
    return JournalEntry(customer_id, created, agent, kind, topic, verdict, note, summary)


def stored_count(path) -> int:
    return sql(path, "SELECT count(*) FROM journal_entry")[0][0]


# --- saving and listing ---------------------------------------------------------------------

def test_a_saved_entry_comes_back_with_an_id_and_the_same_instant(store, customers):
    helsinki = dt.timezone(dt.timedelta(hours=2))
    saved = journal.add_entry(store, entry(
        customers[0], dt.datetime(2026, 11, 23, 14, 5, 30, tzinfo=helsinki), JournalKind.NOTICE,
        topic=" Microsoft 365 E3 (#12) ", verdict="in time", note="Skickar uppsägning i morgon\nvia e-post",
        summary="Notice deadline: Tue 1 Dec 2026\n  Ends on 31 Dec 2026"))
    assert saved.id is not None and saved.topic == "Microsoft 365 E3 (#12)"
    [back] = journal.journal(store, customers[0])
    assert back == saved
    assert back.created == dt.datetime(2026, 11, 23, 12, 5, 30, tzinfo=UTC) and back.created.tzinfo is not None
    assert back.kind is JournalKind.NOTICE
    assert back.summary == "Notice deadline: Tue 1 Dec 2026\n  Ends on 31 Dec 2026"


def test_the_journal_is_newest_first_and_only_the_customers_own(store, customers):
    first, other = customers
    for hours in (5, 1, 30, 2):
        journal.add_entry(store, entry(first, NOW - dt.timedelta(hours=hours), topic=f"{hours} hours ago"))
    journal.add_entry(store, entry(other, NOW, topic="someone else's"))
    assert [e.topic for e in journal.journal(store, first)] == [
        "1 hours ago", "2 hours ago", "5 hours ago", "30 hours ago"]
    assert [e.topic for e in journal.journal(store, other)] == ["someone else's"]


def test_entries_of_the_same_moment_list_the_later_saved_first(store, customers):
    for topic in ("saved first", "saved second"):
        journal.add_entry(store, entry(customers[0], NOW, topic=topic))
    assert [e.topic for e in journal.journal(store, customers[0])] == ["saved second", "saved first"]


def test_the_limit_keeps_the_newest(store, customers):
    for day in range(1, 8):
        journal.add_entry(store, entry(customers[0], NOW - dt.timedelta(days=day), topic=f"day {day}"))
    assert [e.topic for e in journal.journal(store, customers[0], limit=3)] == ["day 1", "day 2", "day 3"]
    assert [e.topic for e in journal.journal(store, customers[0], search="day", limit=2)] == ["day 1", "day 2"]
    for bad in (0, -1, True, "10"):
        with pytest.raises(InvalidInput):
            journal.journal(store, customers[0], limit=bad)


def test_an_unknown_customer_is_refused_and_nothing_is_written(store, customers, isolated_data):
    with pytest.raises(InvalidInput) as raised:
        journal.add_entry(store, entry(4711))
    assert raised.value.field == "customer" and "not a customer in the register" in str(raised.value)
    with pytest.raises(InvalidInput):
        journal.journal(store, 4711)
    assert stored_count(store) == 0


def test_a_bad_entry_is_refused_before_anything_is_written(store, customers, isolated_data):
    with pytest.raises(InvalidRecord) as raised:
        journal.add_entry(store, entry(customers[0], agent=" ", topic=""))
    assert [e.field for e in raised.value.errors] == ["agent", "topic"]
    assert stored_count(store) == 0


# --- search ---------------------------------------------------------------------------------

@pytest.fixture
def searchable(store, customers):
    cid = customers[0]
    journal.add_entry(store, entry(cid, NOW - dt.timedelta(hours=3), topic="password-reset", verdict="in_scope",
                                   agent="Anna Lindqvist", note="Glömt lösenordet till Outlook"))
    journal.add_entry(store, entry(cid, NOW - dt.timedelta(hours=2), JournalKind.ESCALATION,
                                   topic="Exchange Online", verdict="severity B", agent="Jørgen Østergaard",
                                   summary="Severity B, Unified: first response within 120 minutes"))
    journal.add_entry(store, entry(cid, NOW - dt.timedelta(hours=1), JournalKind.NOTE, topic="", verdict="",
                                   agent="Anna Lindqvist", note="Kunden vill ha en offert på E5"))
    return cid


@pytest.mark.parametrize("search, topics", [
    ("", ["", "Exchange Online", "password-reset"]),
    ("losenordet", ["password-reset"]),  # without the accent
    ("LÖSENORD outlook", ["password-reset"]),  # any case, two words in one field
    ("anna", ["", "password-reset"]),  # the agent
    ("anna offert", [""]),  # every word: one in the agent, one in the note
    ("offert anna", [""]),  # in any order
    ("jorgen ostergaard", ["Exchange Online"]),  # ø folded as the customer search folds it
    ("120 minutes", ["Exchange Online"]),  # in the summary
    ("severity", ["Exchange Online"]),  # the verdict
    ("in_scope", ["password-reset"]),
    ("anna severity", []),  # no entry has both
    ("teams", []),
    ("  ", ["", "Exchange Online", "password-reset"]),  # only spaces: no filter
])
def test_search_needs_every_word_somewhere_without_case_or_accents(store, searchable, search, topics):
    assert [e.topic for e in journal.journal(store, searchable, search=search)] == topics


def test_a_word_does_not_match_across_two_fields(store, searchable):
    # "...Outlook" ends the note and "Anna..." is the agent: never one word "outlookanna" or "outlook\nanna".
    assert journal.journal(store, searchable, search="outlookanna") == []
    assert journal.journal(store, searchable, search="resetin") == []


# --- retention ------------------------------------------------------------------------------

def test_purge_deletes_only_entries_older_than_the_months(store, customers, isolated_data):
    now = dt.datetime(2026, 3, 31, 9, 30, tzinfo=UTC)  # one month back is 28 February, 09:30
    cutoff = dt.datetime(2026, 2, 28, 9, 30, tzinfo=UTC)
    moments = {"long ago": dt.datetime(2024, 5, 1, tzinfo=UTC), "a second too old": cutoff - dt.timedelta(seconds=1),
               "exactly a month": cutoff, "a second younger": cutoff + dt.timedelta(seconds=1), "today": now}
    for customer_id in customers:
        for topic, created in moments.items():
            journal.add_entry(store, entry(customer_id, created, topic=topic))
    assert journal.count_older_than(store, 1, now) == 4
    assert stored_count(store) == 10  # counting deletes nothing
    assert journal.purge_older_than(store, 1, now) == 4
    for customer_id in customers:
        assert [e.topic for e in journal.journal(store, customer_id)] == [
            "today", "a second younger", "exactly a month"]
    assert journal.count_older_than(store, 1, now) == 0
    assert journal.purge_older_than(store, 1, now) == 0


def test_the_cutoff_is_the_same_instant_whatever_zone_now_is_given_in(store, customers):
    journal.add_entry(store, entry(customers[0], dt.datetime(2026, 5, 23, 11, 0, tzinfo=UTC)))
    stockholm_noon = dt.datetime(2026, 11, 23, 13, 0, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    # Six months before 13:00+01:00 is 23 May 13:00+01:00 = 12:00 UTC: the 11:00 UTC entry is older.
    assert journal.count_older_than(store, 6, stockholm_noon) == 1
    assert journal.count_older_than(store, 6, dt.datetime(2026, 11, 23, 10, 0, tzinfo=UTC)) == 0


@pytest.mark.parametrize("months", [0, 121, -3])
def test_a_bad_retention_deletes_nothing(store, customers, isolated_data, months):
    journal.add_entry(store, entry(customers[0], dt.datetime(2010, 1, 1, tzinfo=UTC)))
    for action in (journal.count_older_than, journal.purge_older_than):
        with pytest.raises(InvalidInput):
            action(store, months, NOW)
    assert stored_count(store) == 1


# --- the schema ------------------------------------------------------------------------------

def test_deleting_a_customer_deletes_its_journal(store, customers, isolated_data):
    gone, kept = customers
    for customer_id in customers:
        journal.add_entry(store, entry(customer_id, note="personal data"))
    register.delete_customer(store, gone, expected_version=1)  # as added, never changed
    assert sql(store, "SELECT customer_id FROM journal_entry") == [(kept,)]
    assert len(journal.journal(store, kept)) == 1


def test_the_journal_query_is_an_index_range(sqlite_store, isolated_data):
    store = sqlite_store  # SQLite's own (EXPLAIN QUERY PLAN, sqlite_master, its locking, its file)
    plan = sql(store, "EXPLAIN QUERY PLAN SELECT * FROM journal_entry WHERE customer_id = 3 "
                              "ORDER BY created DESC, id DESC")
    details = " | ".join(row[-1] for row in plan)
    assert "ix_journal_entry_customer_id_created" in details and "SCAN journal_entry" not in details


def test_upgrading_a_0005_database_with_data_keeps_it_and_adds_the_journal(tmp_path, now):
    """A database of the previous Deskguide, with customers and an escalation case in it,
    opened by this one: migrated to 0006 at start, nothing lost."""
    from domain.services.escalation import list_cases

    path = tmp_path / "from-0005.sqlite3"
    old = Store.for_url(f"sqlite:///{path}", path)
    with old.engine.begin() as connection:
        command.upgrade(_alembic_config(connection), "0005")
    assert old.schema_revision() == "0005" and "journal_entry" not in table_names(old)
    old.close()
    # Filled by hand, as that version wrote its rows (open_store would migrate first).
    sql(path, "INSERT INTO customer (id, external_id, name, org_number, country, contact, phone, email, offering, "
              "notes) VALUES (41, 'CSP-41', 'Åkesson Redovisning AB', '', 'SE', '', '', '', 'unified', '')")
    sql(path, "INSERT INTO subscription (external_id, customer_id, product, term, start_date, seats, "
              "end_user_support, from_reseller, next_notice_deadline, deadline_computed_on) VALUES "
              "('SUB-1', 41, 'Microsoft 365 E3', '12', '2025-12-24', 5, 1, 1, '2026-11-23', '2026-11-23')")
    sql(path, "INSERT INTO escalation_case (customer_id, customer_name, country, product, severity, offering, azure, "
              "clock, target_minutes, opened, due, responded, note) VALUES (41, 'Åkesson Redovisning AB', 'SE', "
              "'Exchange Online', 'B', 'unified', 0, 'business_hours', 120, '2026-11-23 09:00:00.000000', "
              "'2026-11-23 11:00:00.000000', NULL, 'Mail flow degraded')")

    store = open_store(path, now=now)
    try:
        assert store.schema_revision() == head_revision()
        [customer] = [s for s in register.customer_summaries(store) if s.id == 41]
        assert customer.name == "Åkesson Redovisning AB"
        assert len(register.get_customer(store, 41).subscriptions) == 1
        [case] = list_cases(store)
        assert (case.customer_id, case.note, case.due) == (41, "Mail flow degraded",
                                                           dt.datetime(2026, 11, 23, 11, 0, tzinfo=UTC))
        saved = journal.add_entry(store, entry(41, note="after the upgrade"))
        assert journal.journal(store, 41) == [saved]
    finally:
        store.close()


def test_migration_0006_goes_down_to_0005_and_up_again(sqlite_store, customers, isolated_data):
    store = sqlite_store  # SQLite's own (EXPLAIN QUERY PLAN, sqlite_master, its locking, its file)
    journal.add_entry(store, entry(customers[0]))
    with store.engine.begin() as connection:
        command.downgrade(_alembic_config(connection), "0005")
    assert store.schema_revision() == "0005"
    tables = set(table_names(store))
    assert "journal_entry" not in tables
    assert {"customer", "subscription", "escalation_case"} <= tables  # the earlier migrations' tables stay
    assert sql(store, "SELECT count(*) FROM customer") == [(2,)]
    with store.engine.begin() as connection:
        command.upgrade(_alembic_config(connection), "head")
    assert store.schema_revision() == head_revision()
    assert journal.journal(store, customers[0]) == []
    indexes = {row[0] for row in sql(store, "SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert "ix_journal_entry_customer_id_created" in indexes
