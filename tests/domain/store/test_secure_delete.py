"""Deleted personal data is gone from the file's bytes, not only unlinked: secure_delete
overwrites it, and after a purge or a customer deletion the freed pages go and the
write-ahead log is folded in (Store.erase_deleted), so no older copy lingers in -wal."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import event

from domain.customers import Customer
from domain.journal import JournalEntry, JournalKind
from domain.services import journal, register
from tests.domain.raw_sql import sql

NOW = dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.timezone.utc)
MARKER = "Zq7-unique-marker-"


@pytest.fixture
def store(sqlite_store):
    """All SQLite here (secure_delete, WAL, the file's bytes): PostgreSQL's counterpart is
    VACUUM and the server's own files, IT's business (docs/store.md "Two engines")."""
    return sqlite_store


def file_bytes(path: Path) -> bytes:
    """The database and whatever sits beside it (-wal, -shm, -journal)."""
    return b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*") if p.is_file())


def note(customer_id: int, created: dt.datetime, text: str) -> JournalEntry:
    return JournalEntry(customer_id, created, "Anna Berg", JournalKind.SCOPE, "password-reset", "in_scope", text, "")


def test_a_purged_journal_note_is_not_in_the_files_bytes(store):
    build_default_off(store)
    kept = register.save_customer(store, Customer(name="Östergren Bygg AB", country="SE")).id
    journal.add_entry(store, note(kept, NOW - dt.timedelta(days=800), MARKER + "old note " * 20))
    journal.add_entry(store, note(kept, NOW, "a recent note"))
    store.outside_transaction("PRAGMA wal_checkpoint(TRUNCATE)")  # the note is in the file itself now
    assert MARKER.encode() in file_bytes(store.path)

    assert journal.purge_older_than(store, 24, NOW) == 1
    assert MARKER.encode() not in file_bytes(store.path)
    assert [e.note for e in journal.journal(store, kept)] == ["a recent note"]


def build_default_off(store) -> None:
    """As a SQLite built without SQLITE_SECURE_DELETE (this one may have it): off on every
    new connection before the store's own settings run."""
    store.engine.dispose()
    event.listen(store.engine, "connect", lambda dbapi_connection, _: dbapi_connection.execute(
        "PRAGMA secure_delete=OFF"), insert=True)


def test_a_deleted_customers_name_and_journal_are_not_in_the_files_bytes(store):
    build_default_off(store)
    gone = register.save_customer(store, Customer(name=MARKER + "Bygg AB", country="SE", notes=MARKER + "notes")).id
    kept = register.save_customer(store, Customer(name="Mäkinen Oy", country="FI")).id
    journal.add_entry(store, note(gone, NOW, MARKER + "journal"))
    store.outside_transaction("PRAGMA wal_checkpoint(TRUNCATE)")
    assert MARKER.encode() in file_bytes(store.path)
    # A reader holding an older snapshot would keep the log; one that has finished does not.
    assert len(register.customer_summaries(store)) == 2

    register.delete_customer(store, gone, expected_version=1)  # as added, never changed
    assert MARKER.encode() not in file_bytes(store.path)
    assert [c.id for c in register.customer_summaries(store)] == [kept]


def test_secure_delete_is_on_for_every_connection(store):
    build_default_off(store)
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA secure_delete").scalar() == 1


def test_a_new_database_returns_freed_pages(store):
    assert sql(store, "PRAGMA auto_vacuum") == [(2,)]  # incremental
