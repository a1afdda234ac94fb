"""Colleagues hear of a commit (issue 15, "Live"): on PostgreSQL a notice per record
written, sent with the commit and never with a rollback; on SQLite `PRAGMA data_version`
moves when another connection commits."""
from __future__ import annotations

import time

import pytest

from domain.customers import Customer
from domain.journal import JournalEntry, JournalKind
from domain.services.journal import add_entry
from domain.services.register import save_customer
from domain.store import Store
from domain.store.live import MANY, DataVersionWatch
from domain.store.team import TeamStore


def hear(listener, until) -> list:
    """What the listener hears until `until(notices)` holds (at most 5 s)."""
    deadline = time.monotonic() + 5
    notices: list = []
    while not until(notices) and time.monotonic() < deadline:
        notices += listener.wait(deadline - time.monotonic())
    return notices


@pytest.fixture
def listening(postgres_store):
    """This app's listener, and a colleague's app on the same team database (a store of
    its own origin, so it is heard)."""
    listener = postgres_store.listen()
    other = TeamStore(postgres_store.engine.url, postgres_store.reference_store)
    yield listener, other
    listener.close()
    other.engine.dispose()


@pytest.mark.postgres
def test_a_commit_is_heard_with_what_changed_and_who(listening, now):
    listener, other = listening
    customer = save_customer(other, Customer(name="Fjellstue AS", country="NO"))
    add_entry(other, JournalEntry(customer_id=customer.id, created=now, agent="Anna", kind=JournalKind.NOTE,
                                  topic="", verdict="", note="Called back"))
    notices = hear(listener, lambda heard: len(heard) >= 2)
    kinds = [(n.kind, n.id is not None, n.customer_id) for n in notices]
    assert ("customer", True, customer.id) in kinds and ("journal", True, customer.id) in kinds
    journal = next(n for n in notices if n.kind == "journal")
    assert journal.who == "Anna" and journal.at is not None
    customer_notice = next(n for n in notices if n.kind == "customer")
    assert customer_notice.who  # the database login, when the write names no agent


@pytest.mark.postgres
def test_a_rollback_sends_nothing_and_an_app_does_not_hear_itself(listening, postgres_store):
    listener, other = listening
    with other.unit_of_work(write=True) as uow:
        uow.customers.add(Customer(name="Never saved", country="SE"))
        # no commit: rolled back
    save_customer(postgres_store, Customer(name="Mine", country="SE"))  # this app's own
    marker = save_customer(other, Customer(name="Marker", country="SE"))
    notices = hear(listener, lambda heard: any(n.id == marker.id for n in heard))
    assert [(n.kind, n.id) for n in notices] == [("customer", marker.id)]


@pytest.mark.postgres
def test_a_bulk_write_is_one_notice_for_the_kind(listening):
    listener, other = listening
    with other.unit_of_work(write=True) as uow:
        for number in range(MANY + 5):
            uow.customers.add(Customer(name=f"Kund {number}", country="SE"))
        uow.commit()
    notices = hear(listener, bool)
    assert [(n.kind, n.id) for n in notices] == [("customer", None)]


def test_sqlite_data_version_moves_when_another_connection_commits(sqlite_store):
    watch = DataVersionWatch(sqlite_store.path)
    try:
        assert not watch.changed()
        other = Store.for_file(sqlite_store.path)
        save_customer(other, Customer(name="Fjellstue AS", country="NO"))
        other.close()
        assert watch.changed()
        assert not watch.changed()  # once
    finally:
        watch.close()
