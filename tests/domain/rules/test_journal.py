"""The case journal's rules: what an entry must hold, and where retention cuts off
(calendar months back, clamped to the month's last day), against a month-stepping reference."""
from __future__ import annotations

import dataclasses
import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.customers import InvalidRecord
from domain.errors import InvalidInput
from domain.journal import (
    MAX_AGENT,
    MAX_NOTE,
    MAX_TOPIC,
    MAX_VERDICT,
    JournalEntry,
    JournalKind,
    check_entry,
    retention_cutoff,
)

UTC = dt.timezone.utc
STOCKHOLM = ZoneInfo("Europe/Stockholm")
CREATED = dt.datetime(2026, 11, 23, 13, 5, tzinfo=STOCKHOLM)
ENTRY = JournalEntry(customer_id=7, created=CREATED, agent="Anna Berg", kind=JournalKind.SCOPE,
                     topic="password-reset", verdict="in_scope", note="Calls back after lunch",
                     summary="Forgotten Office 365 password: IN SCOPE\n  §5 ...")


def fields_of(error: InvalidRecord) -> list[str]:
    return [e.field for e in error.errors]


# --- what an entry must hold ---------------------------------------------------------------

def test_a_good_entry_comes_back_tidied_in_utc():
    checked = check_entry(dataclasses.replace(ENTRY, agent="  Anna Berg ", topic=" password-reset ", kind="scope",
                                              note=" Calls back after lunch\n"))
    assert (checked.agent, checked.topic, checked.note) == ("Anna Berg", "password-reset", "Calls back after lunch")
    assert checked.kind is JournalKind.SCOPE
    assert checked.created == CREATED and checked.created.tzinfo is UTC  # the same instant, in UTC
    assert checked.created.hour == 12
    assert checked.summary == ENTRY.summary  # pasted as shown: its lines and indentation stay


def test_the_agent_is_required_and_the_message_says_where_to_set_it():
    with pytest.raises(InvalidRecord) as raised:
        check_entry(dataclasses.replace(ENTRY, agent="   "))
    assert fields_of(raised.value) == ["agent"]
    assert "set your name in the settings" in str(raised.value)


@pytest.mark.parametrize("kind", [JournalKind.SCOPE, JournalKind.NOTICE, JournalKind.ESCALATION])
def test_an_answer_needs_its_topic(kind):
    with pytest.raises(InvalidRecord) as raised:
        check_entry(dataclasses.replace(ENTRY, kind=kind, topic=" "))
    assert fields_of(raised.value) == ["topic"]


def test_a_note_needs_no_topic_but_its_text():
    note = dataclasses.replace(ENTRY, kind=JournalKind.NOTE, topic="", verdict="", summary="")
    assert check_entry(note).kind is JournalKind.NOTE
    with pytest.raises(InvalidRecord) as raised:
        check_entry(dataclasses.replace(note, note="  "))
    assert fields_of(raised.value) == ["note"]


@pytest.mark.parametrize("field, limit", [("agent", MAX_AGENT), ("topic", MAX_TOPIC), ("verdict", MAX_VERDICT),
                                          ("note", MAX_NOTE)])
def test_lengths_are_bounded(field, limit):
    assert (limit, field) in {(100, "agent"), (200, "topic"), (60, "verdict"), (4000, "note")}
    at_limit = check_entry(dataclasses.replace(ENTRY, **{field: "å" * limit}))
    assert getattr(at_limit, field) == "å" * limit
    with pytest.raises(InvalidRecord) as raised:
        check_entry(dataclasses.replace(ENTRY, **{field: "å" * (limit + 1)}))
    assert fields_of(raised.value) == [field]
    assert f"{limit + 1} characters, at most {limit}" in str(raised.value)


def test_the_moment_must_be_aware():
    with pytest.raises(InvalidRecord) as raised:
        check_entry(dataclasses.replace(ENTRY, created=dt.datetime(2026, 11, 23, 12, 0)))
    assert fields_of(raised.value) == ["created"] and "has no time zone" in str(raised.value)


def test_an_unknown_kind_is_refused_with_the_kinds_named():
    with pytest.raises(InvalidRecord) as raised:
        check_entry(dataclasses.replace(ENTRY, kind="phone-call"))
    assert fields_of(raised.value) == ["kind"]
    assert "use scope, notice, escalation, claim or note" in str(raised.value)


def test_every_problem_is_reported_at_once():
    with pytest.raises(InvalidRecord) as raised:
        check_entry(dataclasses.replace(ENTRY, customer_id=0, agent="", topic="", verdict="x" * 61,
                                        created=dt.datetime(2026, 1, 1)))
    assert fields_of(raised.value) == ["customer_id", "created", "agent", "topic", "verdict"]
    assert isinstance(raised.value, InvalidInput)  # the CLI reports it as bad input: exit 2


# --- retention -------------------------------------------------------------------------------

def reference_cutoff(now: dt.datetime, months: int) -> dt.datetime:
    """Step back one month at a time; then the day, or the month's last day if shorter
    (found by trying days from the 31st down)."""
    year, month = now.year, now.month
    for _ in range(months):
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    last = 31
    while True:
        try:
            dt.date(year, month, last)
            break
        except ValueError:
            last -= 1
    return now.replace(year=year, month=month, day=min(now.day, last))


def _exists(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _near_month_end(year: int, month: int, day: int, hour: int, zone) -> dt.datetime:
    last = max(d for d in range(28, 32) if _exists(year, month, d))
    return dt.datetime(year, month, min(day, last), hour, 17, 3, 250, tzinfo=zone)


zones = st.sampled_from([UTC, STOCKHOLM, ZoneInfo("Europe/Helsinki"), dt.timezone(dt.timedelta(hours=-5))])
# The days where months differ: the 28th to the 31st (the 29th of February in leap years).
month_ends = st.builds(_near_month_end, st.integers(1990, 2100), st.integers(1, 12),
                       st.sampled_from([28, 29, 30, 31]), st.integers(0, 23), zones)
moments = st.one_of(
    st.datetimes(min_value=dt.datetime(1990, 1, 1), max_value=dt.datetime(2100, 12, 31), timezones=zones),
    month_ends)
retention = st.integers(1, 120)


@given(moments, retention)
def test_the_cutoff_is_the_month_stepping_reference(now, months):
    assert retention_cutoff(now, months) == reference_cutoff(now, months)


@given(moments, retention)
def test_the_cutoff_keeps_the_wall_time_and_zone_and_lies_before_now(now, months):
    cutoff = retention_cutoff(now, months)
    assert cutoff.time() == now.time() and cutoff.tzinfo is now.tzinfo
    assert cutoff.replace(tzinfo=None) < now.replace(tzinfo=None)
    assert (now.year * 12 + now.month) - (cutoff.year * 12 + cutoff.month) == months
    assert cutoff.day == now.day or (cutoff.day < now.day and not _exists(cutoff.year, cutoff.month, cutoff.day + 1))


@given(moments, st.integers(1, 119))
def test_more_months_never_cut_later(now, months):
    assert retention_cutoff(now, months + 1) < retention_cutoff(now, months)


@pytest.mark.parametrize("now, months, cutoff", [
    (dt.datetime(2026, 3, 31, 9, 30, tzinfo=UTC), 1, dt.datetime(2026, 2, 28, 9, 30, tzinfo=UTC)),
    (dt.datetime(2024, 3, 31, 9, 30, tzinfo=UTC), 1, dt.datetime(2024, 2, 29, 9, 30, tzinfo=UTC)),  # leap year
    (dt.datetime(2024, 2, 29, 23, 59, tzinfo=UTC), 12, dt.datetime(2023, 2, 28, 23, 59, tzinfo=UTC)),
    (dt.datetime(2028, 2, 29, 8, 0, tzinfo=UTC), 48, dt.datetime(2024, 2, 29, 8, 0, tzinfo=UTC)),
    (dt.datetime(2026, 1, 15, 12, 0, tzinfo=UTC), 1, dt.datetime(2025, 12, 15, 12, 0, tzinfo=UTC)),
    (dt.datetime(2026, 10, 31, 12, 0, tzinfo=UTC), 6, dt.datetime(2026, 4, 30, 12, 0, tzinfo=UTC)),
    (dt.datetime(2026, 11, 23, 12, 0, tzinfo=UTC), 120, dt.datetime(2016, 11, 23, 12, 0, tzinfo=UTC)),
])
def test_examples(now, months, cutoff):
    assert retention_cutoff(now, months) == cutoff


def test_the_same_wall_time_across_a_clock_change():
    # 12:00 in Stockholm in winter; six months back is 12:00 summer time, an hour less in UTC.
    now = dt.datetime(2026, 11, 23, 12, 0, tzinfo=STOCKHOLM)
    cutoff = retention_cutoff(now, 6)
    assert (cutoff.month, cutoff.hour, cutoff.utcoffset()) == (5, 12, dt.timedelta(hours=2))


@pytest.mark.parametrize("months", [0, -1, 121, 1.5, True, "6", None])
def test_months_outside_1_to_120_are_refused(months):
    with pytest.raises(InvalidInput) as raised:
        retention_cutoff(dt.datetime(2026, 11, 23, 12, tzinfo=UTC), months)
    assert "whole number of months from 1 to 120" in str(raised.value)


def test_a_moment_without_a_zone_is_refused():
    with pytest.raises(InvalidInput) as raised:
        retention_cutoff(dt.datetime(2026, 11, 23, 12), 6)
    assert "has no time zone" in str(raised.value)
