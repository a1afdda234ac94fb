"""What is PostgreSQL's own in the store: `team init` migrates a team database and loads
the reference data, and a write unit of work takes the writers' lock (the equivalent of
SQLite's BEGIN IMMEDIATE), so a second writer waits and, past the busy timeout, is told
the database is busy (temporary) instead of failing on what it read."""
from __future__ import annotations

import threading
import time

import pytest

from domain.errors import StoreBusy
from domain.store import Store, init_team_database
from domain.store.database import head_revision, stored_revision, table_names

pytestmark = pytest.mark.postgres


def test_team_init_on_an_empty_database_migrates_it_and_loads_the_reference_data(empty_postgres_url, now):
    init_team_database(empty_postgres_url, now=now)
    store = Store.for_url(empty_postgres_url)
    try:
        assert not store.is_sqlite
        assert stored_revision(store) == head_revision()
        assert {"customer", "desk", "journal_entry", "reference_document"} <= set(table_names(store))
        with store.unit_of_work() as uow:
            assert uow.customers.exists(1) is not None
    finally:
        store.close()


def test_a_second_writer_waits_for_the_first(postgres_store):
    order = []
    first_has_lock = threading.Event()

    def first():
        with postgres_store.unit_of_work(write=True) as uow:
            uow.customers.exists(1)  # its first statement: the lock is taken before it
            first_has_lock.set()
            time.sleep(0.3)
            order.append("first")
            uow.commit()

    thread = threading.Thread(target=first)
    thread.start()
    first_has_lock.wait(5)
    with postgres_store.unit_of_work(write=True) as uow:
        uow.customers.exists(1)
        order.append("second")
    thread.join()
    assert order == ["first", "second"]


def test_a_writer_that_waits_longer_than_the_busy_timeout_is_told_busy(postgres_store):
    impatient = Store.for_url(postgres_store.engine.url, busy_timeout=0.2)
    try:
        with postgres_store.unit_of_work(write=True) as holding:
            holding.customers.exists(1)
            with pytest.raises(StoreBusy) as raised:
                with impatient.unit_of_work(write=True) as uow:
                    uow.customers.exists(1)
            assert raised.value.temporary
    finally:
        impatient.close()


def test_readers_never_wait_for_a_writer(postgres_store):
    with postgres_store.unit_of_work(write=True) as holding:
        holding.customers.exists(1)
        with postgres_store.unit_of_work() as reader:
            assert reader.reference.stored_version("desks") is not None
