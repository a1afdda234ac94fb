"""Escalation cases in the store (migration 0005): saved as answered, listed by urgency,
the first response recorded once, and the rules read back from the store."""
from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from domain.cases import new_case
from domain.concurrent_edits import AlreadyResponded
from domain.errors import ConflictError, InvalidInput
from domain.escalation_data import load_escalation
from domain.services.escalation import escalator, list_cases, load_rules, mark_responded, save_case

UTC = dt.timezone.utc
SE, FI = ZoneInfo("Europe/Stockholm"), ZoneInfo("Europe/Helsinki")


def same_instant(a: dt.datetime | None, b: dt.datetime | None) -> bool:
    if a is None or b is None:
        return a is b
    return a.astimezone(UTC) == b.astimezone(UTC)


def open_case(store, severity: str, opened: dt.datetime, country: str = "SE", product: str = "Exchange Online",
              offering: str = "unified", azure: bool = False, **fields):
    answer = escalator(store).escalate(severity, offering, opened, country, azure)
    return save_case(store, new_case(answer, country, product, **fields))


def test_the_store_holds_the_same_rules_as_the_bundled_file(store):
    assert load_rules(store) == load_escalation()[1]


def test_the_store_backed_escalator_answers_like_the_issue(store):
    answer = escalator(store).escalate("B", "unified", dt.datetime(2026, 12, 23, 16, 45), "SE")
    assert answer.due.isoformat() == "2026-12-28T10:15:00+01:00"
    answer = escalator(store).escalate("1", "enhanced-response", dt.datetime(2026, 11, 24, 10, 0), "SE")
    assert answer.target.minutes == 30


def test_a_saved_case_comes_back_with_an_id_and_the_same_instants(store):
    saved = open_case(store, "B", dt.datetime(2026, 12, 23, 16, 45), customer_name="Kund AB", customer_id=None,
                      note="Mail flow degraded")
    assert saved.id is not None
    [back] = list_cases(store)
    assert back.id == saved.id
    assert (back.customer_name, back.country, back.product, back.note) == ("Kund AB", "SE", "Exchange Online",
                                                                           "Mail flow degraded")
    assert (back.severity, back.offering, back.azure, back.clock, back.target_minutes) == (
        "B", "unified", False, "business_hours", 120)
    assert same_instant(back.opened, dt.datetime(2026, 12, 23, 16, 45, tzinfo=SE))
    assert same_instant(back.due, dt.datetime(2026, 12, 28, 10, 15, tzinfo=SE))
    assert back.opened.tzinfo is not None and back.due.tzinfo is not None  # aware, never naive
    assert back.responded is None and back.met is None


def test_cases_are_listed_by_urgency(store):
    # Open cases soonest due first, then the answered ones, newest first.
    late = open_case(store, "C", dt.datetime(2026, 11, 24, 9, 0))  # due 13:00
    soon = open_case(store, "1", dt.datetime(2026, 11, 24, 10, 0), azure=False)  # due 11:00
    middle = open_case(store, "B", dt.datetime(2026, 11, 24, 9, 30))  # due 11:30
    finland = open_case(store, "A", dt.datetime(2026, 11, 24, 11, 50), country="FI")  # due 12:50 FI = 11:50 SE
    answered_old = open_case(store, "C", dt.datetime(2026, 11, 20, 9, 0))
    answered_new = open_case(store, "C", dt.datetime(2026, 11, 23, 9, 0))
    mark_responded(store, answered_old.id, dt.datetime(2026, 11, 20, 10, 0, tzinfo=SE), by="Anna Lind")
    mark_responded(store, answered_new.id, dt.datetime(2026, 11, 23, 10, 0, tzinfo=SE), by="Anna Lind")

    assert [c.id for c in list_cases(store)] == [soon.id, middle.id, finland.id, late.id, answered_new.id,
                                                 answered_old.id]
    assert [c.id for c in list_cases(store, open_only=True)] == [soon.id, middle.id, finland.id, late.id]


def test_marking_the_first_response_stops_the_clock_and_records_the_verdict(store):
    case = open_case(store, "B", dt.datetime(2026, 11, 24, 10, 0))  # due 12:00
    answered = mark_responded(store, case.id, dt.datetime(2026, 11, 24, 12, 0, tzinfo=SE), by="Anna Lind")
    assert answered.met is True
    [back] = list_cases(store)
    assert same_instant(back.responded, dt.datetime(2026, 11, 24, 11, 0, tzinfo=UTC))
    assert back.met is True
    assert back.minutes_left(dt.datetime(2026, 11, 30, tzinfo=UTC)) == 0  # frozen

    late = open_case(store, "B", dt.datetime(2026, 11, 24, 10, 0))
    assert mark_responded(store, late.id, dt.datetime(2026, 11, 24, 12, 0, 1, tzinfo=SE), by="Anna Lind").met is False


def test_a_response_can_be_recorded_only_once_and_the_second_agent_is_told_who_and_when(store):
    case = open_case(store, "C", dt.datetime(2026, 11, 24, 10, 0))
    marked = mark_responded(store, case.id, dt.datetime(2026, 11, 24, 11, 0, tzinfo=SE), by="Anna Lind")
    assert (marked.responded_by, marked.version) == ("Anna Lind", 2)
    with pytest.raises(AlreadyResponded) as error:
        mark_responded(store, case.id, dt.datetime(2026, 11, 24, 11, 30, tzinfo=SE), by="Mikko Virtanen")
    assert isinstance(error.value, ConflictError)
    assert error.value.responded_by == "Anna Lind"
    assert same_instant(error.value.responded, dt.datetime(2026, 11, 24, 11, 0, tzinfo=SE))
    assert str(error.value) == (f"case {case.id}: Anna Lind already marked the first response at "
                                "2026-11-24T10:00+00:00; yours was not recorded")
    [back] = list_cases(store)
    assert same_instant(back.responded, dt.datetime(2026, 11, 24, 11, 0, tzinfo=SE))  # the first one stays
    assert (back.responded_by, back.version) == ("Anna Lind", 2)


def test_the_agent_marking_is_recorded_within_the_column_size(store):
    case = open_case(store, "C", dt.datetime(2026, 11, 24, 10, 0))
    with pytest.raises(InvalidInput) as error:
        mark_responded(store, case.id, dt.datetime(2026, 11, 24, 11, 0, tzinfo=SE), by="A" * 101)
    assert "too long" in str(error.value)
    assert list_cases(store)[0].responded is None


def test_a_response_before_the_case_was_opened_is_refused(store):
    case = open_case(store, "C", dt.datetime(2026, 11, 24, 10, 0))
    with pytest.raises(InvalidInput) as error:
        mark_responded(store, case.id, dt.datetime(2026, 11, 24, 9, 59, tzinfo=SE), by="Anna Lind")
    assert "before the case was opened" in str(error.value)
    assert list_cases(store)[0].responded is None


def test_a_response_without_a_time_zone_is_refused(store):
    case = open_case(store, "C", dt.datetime(2026, 11, 24, 10, 0))
    with pytest.raises(InvalidInput) as error:
        mark_responded(store, case.id, dt.datetime(2026, 11, 24, 11, 0), by="Anna Lind")
    assert "time zone" in str(error.value)
    assert list_cases(store)[0].responded is None


def test_an_unknown_case_is_named(store):
    with pytest.raises(InvalidInput) as error:
        mark_responded(store, 4711, dt.datetime(2026, 11, 24, 11, 0, tzinfo=SE), by="Anna Lind")
    assert "4711" in str(error.value)


def test_cases_outlive_the_session(store, now):
    from tests.domain.raw_sql import reopen

    case = open_case(store, "A", dt.datetime(2026, 11, 24, 10, 0), country="FI", product="Azure SQL Database",
                     offering="enhanced-response", azure=True)
    store.close()
    reopened = reopen(store, now=now)
    try:
        [back] = list_cases(reopened)
    finally:
        reopened.close()
    assert back.id == case.id and back.azure is True and back.target_minutes == 30
    assert same_instant(back.due, dt.datetime(2026, 11, 24, 10, 30, tzinfo=FI))


def test_the_list_keeps_every_open_case_but_only_the_recent_answered_ones(store):
    # A desk's worklist, not an archive: all open cases, then the newest answered ones.
    opened = [dt.datetime(2026, 11, 2, 10, 0, tzinfo=SE) + dt.timedelta(hours=n) for n in range(6)]
    cases = [open_case(store, "A", moment) for moment in opened]
    for case in cases[:4]:
        mark_responded(store, case.id, case.opened + dt.timedelta(minutes=20), by="Anna Lind")
    listed = list_cases(store, answered_limit=2)
    assert [c.id for c in listed] == [cases[4].id, cases[5].id, cases[3].id, cases[2].id]
