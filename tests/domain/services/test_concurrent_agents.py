"""Two agents at once, as two real processes on the same database (a SQLite file, then a
PostgreSQL database): the lost update is detected, the first response has one winner and
the other is told who and when, and two imports at once both land (issue 14).

Each process reads, then waits at a barrier until the other has read too, then writes:
the race is real (neither writes before both have read) and no sleep decides who goes
first. The processes are spawned, not forked: each starts as another agent's app does.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import multiprocessing
import queue

from domain.cases import new_case
from domain.customer_csv import write_register_csv
from domain.customers import Customer, CustomerRecord, Subscription
from domain.notice import Term
from domain.services import escalation, register
from tests.domain.services import concurrent_agents

TODAY = dt.date(2026, 11, 23)
UTC = dt.timezone.utc
MORNING = dt.datetime(2026, 11, 24, 9, 0, tzinfo=UTC)  # a Tuesday: the desk is open
JOIN_TIMEOUT = 120  # seconds; spawning imports SQLAlchemy afresh in each process


def target_of(store) -> tuple[str, str]:
    """How a process of its own finds the test's database."""
    if store.is_sqlite:
        return "sqlite", str(store.path)
    return "postgresql", store.engine.url.render_as_string(hide_password=False)


def run_agents(*calls) -> list[tuple]:
    """Run each (function, args...) in a process of its own, all released together by one
    barrier once each has read; what each reported, in the order they reported it."""
    context = multiprocessing.get_context("spawn")
    barrier, results = context.Barrier(len(calls)), context.Queue()
    processes = [context.Process(target=function, args=(*args, barrier, results)) for function, *args in calls]
    for process in processes:
        process.start()
    reported = []
    try:
        for _ in calls:
            reported.append(results.get(timeout=JOIN_TIMEOUT))
    except queue.Empty:
        pass  # a process failed: its exit code says so below
    for process in processes:
        process.join(JOIN_TIMEOUT)
    assert [p.exitcode for p in processes] == [0] * len(calls), "an agent's process failed (see its traceback)"
    return reported


def test_a_lost_update_is_detected(store):
    customer = register.save_customer(store, Customer("Östergren Bygg AB", "SE", phone="+46 8 123 456 78"))
    target = target_of(store)
    reported = run_agents((concurrent_agents.save_phone, target, customer.id, "+46 31 12 34 56"),
                          (concurrent_agents.save_phone, target, customer.id, "+46 40 98 76 54"))

    outcomes = sorted(reported)  # "conflict" before "saved"
    assert [outcome[0] for outcome in outcomes] == ["conflict", "saved"]  # exactly one succeeds
    conflict, saved = outcomes
    winner = saved[1]
    assert saved[2:] == (1, 2)  # opened at 1, saved as 2
    # The loser opened version 1 too, and is shown the winner's phone as theirs, its own as mine.
    assert conflict[2:] == (1, 2, winner, conflict[1])
    stored = register.get_customer(store, customer.id).customer
    assert (stored.phone, stored.version) == (winner, 2)


def test_two_agents_mark_the_first_response_at_once_one_wins_the_other_is_told(store):
    now = MORNING
    answer = escalation.escalator(store).escalate("B", "unified", now, "SE")
    case = escalation.save_case(store, new_case(answer, "SE", "Exchange Online", "Östergren Bygg AB"))
    target = target_of(store)
    anna_at, mikko_at = now + dt.timedelta(minutes=20), now + dt.timedelta(minutes=21)
    reported = run_agents((concurrent_agents.mark_first_response, target, case.id, "Anna Lind", anna_at),
                          (concurrent_agents.mark_first_response, target, case.id, "Mikko Virtanen", mikko_at))

    outcomes = sorted(reported)  # "marked" before "told"
    assert [outcome[0] for outcome in outcomes] == ["marked", "told"]
    marked, told = outcomes
    winner, loser = marked[1], told[1]
    assert {winner, loser} == {"Anna Lind", "Mikko Virtanen"}
    won_at = anna_at if winner == "Anna Lind" else mikko_at
    # The loser is told who and when: the winner's name and the winner's moment.
    assert told[2:4] == (winner, won_at.isoformat())
    assert f"{winner} already marked the first response at {won_at.isoformat(timespec='minutes')}" in told[4]
    [stored] = [c for c in escalation.list_cases(store) if c.id == case.id]
    assert (stored.responded, stored.responded_by, stored.version) == (won_at, winner, 2)


def register_file(path, prefix: str, shared: Customer) -> None:
    records = [CustomerRecord(Customer(f"{prefix} Kund {n:02d} AB", "SE", external_id=f"{prefix}-{n}"),
                              (Subscription("Microsoft 365 E3", Term.MONTHS_12, dt.date(2025, 3, 1) + dt.timedelta(n),
                                            seats=n + 1, external_id=f"{prefix}-SUB-{n}"),))
               for n in range(25)]
    path.write_bytes(write_register_csv([*records, CustomerRecord(shared)]))


def test_two_imports_at_once_both_land(store, tmp_path):
    shared = Customer("Gemensam Kund AB", "SE", external_id="SHARED-1")  # in both files, alike
    first, second = tmp_path / "anna.csv", tmp_path / "mikko.csv"
    register_file(first, "ANNA", shared)
    register_file(second, "MIKKO", shared)
    target = target_of(store)
    reported = run_agents((concurrent_agents.import_file, target, str(first), TODAY),
                          (concurrent_agents.import_file, target, str(second), TODAY))

    results = {path: counts for _, path, counts in reported}
    # (customers added, updated, unchanged, subscriptions added, updated, unchanged): the one
    # that went second found the shared customer there already, unchanged.
    assert sorted(results.values()) == [(25, 0, 1, 25, 0, 0), (26, 0, 0, 25, 0, 0)]
    records = register.export_records(store)
    assert len(records) == 51 and sum(len(r.subscriptions) for r in records) == 50
    assert {r.customer.external_id.split("-")[0] for r in records} == {"ANNA", "MIKKO", "SHARED"}
    assert all(r.customer.version == 1 for r in records)  # added once each, changed by nobody


def test_the_helpers_reach_the_same_database(store):
    """The processes' way in finds what the test wrote (else every race above is void)."""
    customer = register.save_customer(store, Customer("Östergren Bygg AB", "SE"))
    other = concurrent_agents.open_store(target_of(store))
    try:
        assert register.get_customer(other, customer.id).customer == dataclasses.replace(customer)
    finally:
        other.close()
