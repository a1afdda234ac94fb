"""The database's errors come out of a unit of work as domain errors, on a real SQLite file."""
from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from domain.desks import Override, OverrideKind
from domain.errors import ConflictError, StoreBusy, StoreError
from domain.services import hours
from domain.store.database import Store


def closed_day(country: str = "SE") -> Override:
    return Override(id=None, country=country, kind=OverrideKind.CLOSED_DATE, note="", on_date=dt.date(2026, 12, 18),
                    created_at=dt.datetime(2026, 11, 23, 12, tzinfo=dt.timezone.utc), created_by="")


def test_a_database_another_program_holds_is_busy_and_temporary(sqlite_store):
    store = sqlite_store  # SQLite's own (EXPLAIN QUERY PLAN, sqlite_master, its locking, its file)
    # timeout=0: SQLite gives up at once instead of waiting five seconds for the lock.
    impatient = Store.for_url(f"sqlite:///{store.path}?timeout=0", store.path)
    holder = sqlite3.connect(store.path)
    try:
        holder.execute("BEGIN EXCLUSIVE")
        with pytest.raises(StoreBusy) as raised:
            hours.add_override(impatient, closed_day())
    finally:
        holder.rollback()
        holder.close()
        impatient.close()
    assert raised.value.temporary and isinstance(raised.value, StoreError)
    assert "busy" in raised.value.message and "INSERT" not in raised.value.message
    assert hours.add_override(store, closed_day()).id is not None  # free again: the same call works


def test_a_file_that_is_not_a_database_is_a_store_error_without_sql(tmp_path):
    path = tmp_path / "letter.sqlite3"
    path.write_text("Dear helpdesk, " * 100)
    broken = Store.for_url(f"sqlite:///{path}", path)
    try:
        with pytest.raises(StoreError) as raised:
            hours.load_policies(broken)
    finally:
        broken.close()
    assert not raised.value.temporary
    assert "not a database" in raised.value.message and raised.value.why == "file is not a database"
    assert "SELECT" not in raised.value.message and "desk" not in raised.value.message


def test_a_clash_with_stored_data_is_a_conflict_and_nothing_is_written(store):
    with pytest.raises(ConflictError) as raised:
        with store.unit_of_work() as uow:
            uow.desks.add_override(closed_day("SE"))
            uow.desks.add_override(closed_day("IS"))  # no Icelandic desk: the foreign key refuses it
            uow.commit()
    assert not raised.value.temporary
    assert hours.list_overrides(store) == []
