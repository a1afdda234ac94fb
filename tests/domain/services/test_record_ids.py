"""Record ids are 64-bit on both engines (domain/errors.py MAX_RECORD_ID): an id beyond
PostgreSQL's 32-bit `integer` is simply "not found", never a database error (migration
0008 made every id and every column that refers to one `bigint` there)."""
from __future__ import annotations

import datetime as dt

import pytest

from domain.customers import Customer
from domain.errors import MAX_RECORD_ID, InvalidInput, StoreError
from domain.journal import JournalEntry, JournalKind
from domain.services import card, escalation, hours, journal, register
from tests.domain.raw_sql import sql

BEYOND_32_BITS = (3_000_000_000, MAX_RECORD_ID)
NOW = dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.timezone.utc)


def note(customer_id: int) -> JournalEntry:
    return JournalEntry(customer_id, NOW, "Anna Lind", JournalKind.NOTE, "Call", "", note="Rang back")


@pytest.mark.parametrize("record_id", BEYOND_32_BITS)
def test_a_huge_id_is_simply_not_found(store, record_id):
    lookups = [
        lambda: register.get_customer(store, record_id),
        lambda: register.save_customer(store, Customer("Östergren Bygg AB", "SE", id=record_id, version=1)),
        lambda: register.delete_customer(store, record_id, 1),
        lambda: register.delete_subscription(store, record_id, 1),
        lambda: register.notice_for_subscription(store, record_id, NOW.date()),
        lambda: card.customer_card(store, record_id, NOW.date()),
        lambda: journal.journal(store, record_id),
        lambda: journal.add_entry(store, note(record_id)),
        lambda: escalation.mark_responded(store, record_id, NOW, by="Anna Lind"),
        lambda: hours.remove_override(store, record_id),
    ]
    for lookup in lookups:
        with pytest.raises(InvalidInput) as raised:
            lookup()
        assert not isinstance(raised.value, StoreError)
        assert str(record_id) in str(raised.value)


def test_ids_beyond_32_bits_are_handed_out_and_found(store):
    """A register whose ids have gone past 2**31 (a long-lived team database) keeps working."""
    if store.is_sqlite:  # the next rowid is the largest one plus one
        sql(store, "INSERT INTO customer (id, name, org_number, country, contact, phone, email, offering, notes) "
                   "VALUES (3000000000, 'Plats AB', '', 'SE', '', '', '', 'none', '')")
    else:  # the sequence behind the id goes on from here
        sql(store, "SELECT setval(pg_get_serial_sequence('customer', 'id'), 3000000000)")
    saved = register.save_customer(store, Customer("Östergren Bygg AB", "SE"))
    assert saved.id > 2**31
    assert register.get_customer(store, saved.id).customer.name == "Östergren Bygg AB"
    entry = journal.add_entry(store, note(saved.id))
    assert journal.journal(store, saved.id) == [entry]
