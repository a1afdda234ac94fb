"""What each agent's Deskguide does in the two-process tests (test_concurrent_agents.py):
plain functions a spawned process runs against the same database, each reading first,
then waiting at a barrier until the other agent has read too, then writing. What
happened goes back to the test on a queue (values only: no store objects cross).

A spawned process starts from nothing: it imports this module by name (the tests'
package is on its path) and opens the store itself, as another agent's app would.
"""
from __future__ import annotations

import dataclasses
import datetime as dt

BARRIER_TIMEOUT = 60  # seconds: a process that never arrives fails the test, it does not hang it


def open_store(target: tuple[str, str]):
    """The database the test made: ("sqlite", its file) or ("postgresql", its URL)."""
    from domain.store import Store

    engine, where = target
    return Store.for_file(where) if engine == "sqlite" else Store.for_url(where)


def save_phone(target, customer_id: int, phone: str, barrier, results) -> None:
    """Open the customer, wait until the other agent has it open too, change the phone, save."""
    from domain.concurrent_edits import EditConflict
    from domain.services import register

    store = open_store(target)
    try:
        opened = register.get_customer(store, customer_id).customer
        barrier.wait(BARRIER_TIMEOUT)
        try:
            saved = register.save_customer(store, dataclasses.replace(opened, phone=phone))
        except EditConflict as conflict:
            results.put(("conflict", phone, opened.version, conflict.version, conflict.theirs.phone,
                         conflict.mine.phone))
        else:
            results.put(("saved", phone, opened.version, saved.version))
    finally:
        store.close()


def mark_first_response(target, case_id: int, agent: str, at: dt.datetime, barrier, results) -> None:
    """See the case still open in the list, wait for the other agent, mark its first response."""
    from domain.concurrent_edits import AlreadyResponded
    from domain.services import escalation

    store = open_store(target)
    try:
        [case] = [c for c in escalation.list_cases(store, open_only=True) if c.id == case_id]
        assert case.responded is None
        barrier.wait(BARRIER_TIMEOUT)
        try:
            marked = escalation.mark_responded(store, case_id, at, by=agent)
        except AlreadyResponded as taken:
            results.put(("told", agent, taken.responded_by, taken.responded.isoformat(), str(taken)))
        else:
            results.put(("marked", agent, marked.responded_by, marked.responded.isoformat(), ""))
    finally:
        store.close()


def import_file(target, path: str, today: dt.date, barrier, results) -> None:
    """Read and check a register file, wait until the other agent's is read too, import it."""
    from domain.services.register_csv import import_records, read_register_file

    store = open_store(target)
    try:
        parsed = read_register_file(path, today)
        barrier.wait(BARRIER_TIMEOUT)
        result = import_records(store, parsed, today)
        results.put(("imported", path, dataclasses.astuple(result)))
    finally:
        store.close()
