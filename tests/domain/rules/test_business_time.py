"""Property tests: the escalation clocks agree with a minute-by-minute reference.

The reference below is written independently of domain/: it reads the `holidays` library
directly, adds the eves of the issue "Escalation to Microsoft" (the closed days of the
country's desk) by date, and counts business time by stepping one UTC minute at a time.
Starts crowd where calendar bugs live: evenings, weekends, Easter weeks, the Swedish eves,
Christmas to New Year and the DST weekends, with seconds in the start time.
"""
from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from domain.business_time import BusinessHours, add_business_minutes, add_calendar_minutes
from domain.closed_days import ClosedDayCalendar
from tests.domain.reference_calendar import (
    COUNTRIES,
    MINUTE,
    UTC,
    ZONES,
    easter_sunday,
    last_sunday,
    midsummer_eve,
    reference_closed_dates,
    same_instant,
)

OPENS, CLOSES = dt.time(9, 0), dt.time(17, 30)  # 000:2707-2709, local time as the clocks show it
HOURS = BusinessHours(OPENS, CLOSES)
# 600 business minutes are less than two business days; the longest closure (Maundy
# Thursday to Easter Monday, or Christmas Eve to the Sunday after) is under six days.
# Fourteen days of minutes bound the walk generously.
MAX_STEPS = 14 * 24 * 60

SETTINGS = dict(suppress_health_check=[HealthCheck.too_slow])


# --- the reference --------------------------------------------------------------------





def is_business_minute(country: str, instant: dt.datetime) -> bool:
    """Does the minute starting at `instant` count? Weekday, not closed, 09:00 <= t < 17:30 local."""
    local = instant.astimezone(ZONES[country])
    return (local.weekday() < 5 and local.date() not in reference_closed_dates(country, local.year)
            and OPENS <= local.time() < CLOSES)


def floor_minute(instant: dt.datetime) -> dt.datetime:
    return instant.astimezone(UTC).replace(second=0, microsecond=0)


def reference_due(country: str, start: dt.datetime, minutes: int) -> dt.datetime:
    """Step whole UTC minutes from the start; the due moment is where the target runs out.

    Business hours open and close on whole minutes, so whole UTC minutes are either in or
    out. A start with seconds is handled exactly: if the minute it falls in counts, the
    rest of that minute counts (and the target runs out a fraction into the last counted
    minute); if it does not count (opened outside business hours), nothing counts until
    the next counted minute, which is the next opening. Stepping from the start itself
    would count a minute that straddles the closing time in full.
    """
    need = dt.timedelta(minutes=minutes)
    moment = floor_minute(start)
    if is_business_minute(country, moment) and moment != start.astimezone(UTC):
        head = moment + MINUTE - start.astimezone(UTC)  # the rest of the started minute
        if need <= head:
            return start.astimezone(UTC) + need
        need -= head
        moment += MINUTE
    for _ in range(MAX_STEPS):
        if is_business_minute(country, moment):
            if need <= MINUTE:
                return moment + need  # the end of the N-th counted minute for a whole-minute start
            need -= MINUTE
        moment += MINUTE
    raise AssertionError(f"no due moment within {MAX_STEPS} minutes of {start}")


def reference_skip_reason(country: str, day: dt.date) -> str | None:
    name = reference_closed_dates(country, day.year).get(day)
    if name is not None:
        return name
    return "weekend" if day.weekday() >= 5 else None




# --- where to look --------------------------------------------------------------------





HOUR, DAY = 3600, 86400
years = st.integers(min_value=2024, max_value=2030)
countries = st.sampled_from(COUNTRIES)
presentations = st.sampled_from([UTC, dt.timezone(dt.timedelta(hours=2)), dt.timezone(dt.timedelta(hours=-5)),
                                 *ZONES.values(), ZoneInfo("America/New_York")])
seconds_in_minute = st.one_of(st.just(0), st.just(59), st.integers(min_value=0, max_value=59))
micros = st.one_of(st.just(0), st.just(999_999), st.integers(min_value=0, max_value=999_999))


def _midnight_utc(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(0), tzinfo=UTC)


@st.composite
def starts(draw) -> dt.datetime:
    """A moment a case is opened, crowded where the business-hours clock is tricky."""
    year = draw(years)
    kind = draw(st.sampled_from(["evening", "weekend", "easter", "swedish_eve", "christmas", "dst", "edges",
                                 "random"]))
    if kind == "evening":  # 15:00-24:00 Stockholm-ish on any day: the clock carries over to the next opening
        day = draw(st.dates(min_value=dt.date(year, 1, 1), max_value=dt.date(year, 12, 31)))
        anchor = _midnight_utc(day) + dt.timedelta(hours=14)
        minutes = draw(st.integers(min_value=0, max_value=9 * 60))
    elif kind == "weekend":  # Friday noon UTC to Monday noon UTC
        monday = draw(st.dates(min_value=dt.date(year, 1, 1), max_value=dt.date(year, 12, 31)))
        monday -= dt.timedelta(days=monday.weekday())
        anchor = _midnight_utc(monday) - dt.timedelta(days=2, hours=12)
        minutes = draw(st.integers(min_value=0, max_value=3 * 24 * 60))
    elif kind == "easter":  # the week before Easter Sunday to the Wednesday after
        anchor = _midnight_utc(easter_sunday(year) - dt.timedelta(days=7))
        minutes = draw(st.integers(min_value=0, max_value=10 * 24 * 60))
    elif kind == "swedish_eve":  # the day before Midsummer Eve, Christmas Eve or New Year's Eve, to the day after
        eve = draw(st.sampled_from([midsummer_eve(year), dt.date(year, 12, 24), dt.date(year, 12, 31)]))
        anchor = _midnight_utc(eve - dt.timedelta(days=1))
        minutes = draw(st.integers(min_value=0, max_value=3 * 24 * 60))
    elif kind == "christmas":  # 20 December to 8 January
        anchor = _midnight_utc(dt.date(year, 12, 20))
        minutes = draw(st.integers(min_value=0, max_value=19 * 24 * 60))
    elif kind == "dst":  # Thursday to Tuesday around the last Sunday of March or October
        anchor = _midnight_utc(last_sunday(year, draw(st.sampled_from([3, 10]))) - dt.timedelta(days=3))
        minutes = draw(st.integers(min_value=0, max_value=5 * 24 * 60))
    elif kind == "edges":  # the minutes around opening and closing, in the country's own wall clock
        day = draw(st.dates(min_value=dt.date(year, 1, 1), max_value=dt.date(year, 12, 31)))
        edge = draw(st.sampled_from([OPENS, CLOSES]))
        zone = draw(st.sampled_from(list(ZONES.values())))
        wall = dt.datetime.combine(day, edge) + dt.timedelta(minutes=draw(st.integers(min_value=-3, max_value=3)))
        anchor, minutes = wall.replace(tzinfo=zone).astimezone(UTC), 0  # 09:00/17:30 never fall in a DST gap
    else:
        anchor = _midnight_utc(dt.date(year, 1, 1))
        minutes = draw(st.integers(min_value=0, max_value=365 * 24 * 60))
    instant = anchor + dt.timedelta(minutes=minutes, seconds=draw(seconds_in_minute), microseconds=draw(micros))
    return instant.astimezone(draw(presentations))


targets = st.one_of(st.sampled_from([120, 240]), st.integers(min_value=1, max_value=600))


@pytest.fixture(scope="session")
def calendars(bundled_policies) -> dict[str, ClosedDayCalendar]:
    return {country: ClosedDayCalendar(policy) for country, policy in bundled_policies.items()}


# --- business hours: the properties ---------------------------------------------------------

def check_business_clock(policies, calendars, country: str, start: dt.datetime, minutes: int) -> None:
    zone = ZONES[country]
    result = add_business_minutes(start, minutes, policies[country], calendars[country], HOURS)
    expected = reference_due(country, start, minutes)

    assert same_instant(result.due, expected), (country, start.isoformat(), minutes)
    # Shown in the customer's own time, with the offset in force at that moment.
    assert result.due.isoformat() == expected.astimezone(zone).isoformat()

    timeline = result.timeline
    # One entry per local day, from the day the case was opened to the day it is due.
    assert timeline[0].day == start.astimezone(zone).date()
    assert timeline[-1].day == result.due.astimezone(zone).date()
    assert [d.day for d in timeline] == [timeline[0].day + dt.timedelta(days=i) for i in range(len(timeline))]

    # The counted minutes add up to the target exactly (elapsed time, in UTC).
    counted = [span for day in timeline for span in day.counted]
    total = sum((s.end.astimezone(UTC) - s.start.astimezone(UTC) for s in counted), dt.timedelta())
    assert total == dt.timedelta(minutes=minutes)
    assert sum(day.minutes for day in timeline) == pytest.approx(minutes)
    # The clock starts at the start or at the next opening, and stops at the due moment.
    assert same_instant(counted[-1].end, result.due)
    first_counted = counted[0].start.astimezone(UTC)
    assert first_counted >= start.astimezone(UTC)
    if is_business_minute(country, floor_minute(start)):
        assert same_instant(counted[0].start, start)
    else:
        assert first_counted.second == 0 and first_counted.microsecond == 0
        assert first_counted.astimezone(zone).time() == OPENS  # the next opening
        assert all(not is_business_minute(country, m) for m in _minutes_between(start, first_counted))

    for index, day in enumerate(timeline):
        reason = reference_skip_reason(country, day.day)
        if day.counted:
            assert day.skipped is None
            assert reason is None, f"{day.day} counted but is closed: {reason}"
            for span in day.counted:
                begin, end = span.start.astimezone(zone), span.end.astimezone(zone)
                assert begin.date() == end.date() == day.day
                assert OPENS <= begin.time() and end.time() <= CLOSES and begin < end
            # Every open day between the first and the last counts from opening to closing.
            if 0 < index < len(timeline) - 1:
                assert [(s.start.astimezone(zone).time(), s.end.astimezone(zone).time()) for s in day.counted] == [
                    (OPENS, CLOSES)]
        elif reason is not None:
            assert day.skipped == reason  # "weekend" or the holiday's name
        else:
            # An open weekday with nothing counted: only the day the case was opened after closing.
            assert index == 0 and day.skipped == "after business hours"
            assert start.astimezone(zone).time() >= CLOSES


def _minutes_between(start: dt.datetime, end: dt.datetime):
    moment = floor_minute(start)
    while moment < end:
        yield moment
        moment += MINUTE


@settings(**SETTINGS)
@given(country=countries, start=starts(), minutes=targets)
def test_business_minutes_match_the_minute_by_minute_reference(bundled_policies, calendars, country, start, minutes):
    check_business_clock(bundled_policies, calendars, country, start, minutes)


@settings(**SETTINGS)
@given(country=countries, minutes=targets,
       naive=st.datetimes(min_value=dt.datetime(2024, 1, 1), max_value=dt.datetime(2030, 12, 31)))
def test_business_minutes_match_the_reference_at_any_moment(bundled_policies, calendars, country, minutes, naive):
    check_business_clock(bundled_policies, calendars, country, naive.replace(tzinfo=UTC), minutes)


@pytest.mark.parametrize("country", COUNTRIES)
@pytest.mark.parametrize("minutes", [120, 240])
@pytest.mark.parametrize("start", [
    dt.datetime(2026, 12, 23, 16, 45, 30),  # the evening before Christmas Eve
    dt.datetime(2026, 12, 30, 17, 29, 59),  # a second before closing before New Year's Eve
    dt.datetime(2026, 6, 18, 15, 0),  # the day before Midsummer Eve
    dt.datetime(2026, 4, 1, 15, 0),  # Wednesday before Easter
    dt.datetime(2026, 3, 27, 16, 0, 1),  # Friday before spring forward
    dt.datetime(2026, 10, 23, 17, 30),  # Friday closing before the clocks go back
])
def test_business_minutes_on_the_days_agents_ask_about(bundled_policies, calendars, country, minutes, start):
    check_business_clock(bundled_policies, calendars, country, start.replace(tzinfo=ZONES[country]), minutes)


def test_the_reference_gives_the_answers_a_person_works_out_by_hand():
    se = ZONES["SE"]
    # 45 minutes on 23 December, closed 24-27 December, 75 minutes on Monday 28 December.
    assert reference_due("SE", dt.datetime(2026, 12, 23, 16, 45, tzinfo=se), 120) == dt.datetime(
        2026, 12, 28, 10, 15, tzinfo=se)
    # Norway: Maundy Thursday, Good Friday, the weekend and Easter Monday are closed.
    assert reference_due("NO", dt.datetime(2026, 4, 1, 15, 0, tzinfo=ZONES["NO"]), 240) == dt.datetime(
        2026, 4, 7, 8, 30, tzinfo=UTC)
    # Thirty seconds before closing count; the rest runs from 09:00 the next day.
    assert reference_due("SE", dt.datetime(2026, 11, 24, 17, 29, 30, tzinfo=se), 120) == dt.datetime(
        2026, 11, 25, 10, 59, 30, tzinfo=se)
    # Opened a few seconds before opening time: the clock starts at 09:00 sharp.
    assert reference_due("SE", dt.datetime(2026, 11, 24, 8, 59, 45, tzinfo=se), 120) == dt.datetime(
        2026, 11, 24, 11, 0, tzinfo=se)
    # A target that runs out exactly at closing time is due at closing time.
    assert reference_due("SE", dt.datetime(2026, 11, 24, 15, 30, tzinfo=se), 120) == dt.datetime(
        2026, 11, 24, 17, 30, tzinfo=se)
    assert reference_due("SE", dt.datetime(2026, 11, 24, 15, 30, 30, tzinfo=se), 120) == dt.datetime(
        2026, 11, 25, 9, 0, 30, tzinfo=se)
    assert reference_skip_reason("SE", midsummer_eve(2027)) == "Midsummer Eve"
    assert reference_skip_reason("NO", midsummer_eve(2027)) is None
    assert reference_skip_reason("FI", dt.date(2026, 12, 24)) == "Christmas Eve"
    assert reference_skip_reason("DK", dt.date(2026, 12, 31)) == "New Year's Eve"
    assert reference_skip_reason("SE", dt.date(2026, 12, 26)) == "Second Day of Christmas"  # a Saturday
    assert reference_skip_reason("SE", dt.date(2026, 12, 27)) == "weekend"
    assert easter_sunday(2026) == dt.date(2026, 4, 5) and last_sunday(2026, 10) == dt.date(2026, 10, 25)


# --- around the clock -------------------------------------------------------------------

@st.composite
def calendar_starts(draw) -> dt.datetime:
    """Mostly the DST nights (the changes are at 01:00 UTC) and the days around them."""
    year = draw(years)
    kind = draw(st.sampled_from(["dst_night", "dst_days", "anywhere"]))
    if kind == "dst_night":
        sunday = last_sunday(year, draw(st.sampled_from([3, 10])))
        anchor = _midnight_utc(sunday) - dt.timedelta(hours=1)
        offset = dt.timedelta(seconds=draw(st.integers(min_value=0, max_value=3 * HOUR)))
    elif kind == "dst_days":
        sunday = last_sunday(year, draw(st.sampled_from([3, 10])))
        anchor = _midnight_utc(sunday) - dt.timedelta(days=2)
        offset = dt.timedelta(seconds=draw(st.integers(min_value=0, max_value=4 * DAY)))
    else:
        anchor = _midnight_utc(dt.date(year, 1, 1))
        offset = dt.timedelta(seconds=draw(st.integers(min_value=0, max_value=365 * DAY)))
    instant = anchor + offset + dt.timedelta(microseconds=draw(micros))
    return instant.astimezone(draw(presentations))


@settings(**SETTINGS)
@given(country=countries, start=calendar_starts(),
       minutes=st.one_of(st.sampled_from([15, 30, 60]), st.integers(min_value=1, max_value=120),
                         st.integers(min_value=1, max_value=3 * 24 * 60)))
def test_calendar_minutes_are_elapsed_minutes_across_dst(country, start, minutes):
    zone = ZONES[country]
    result = add_calendar_minutes(start, minutes, zone)

    # Exactly `minutes` of real time, whatever the wall clock does meanwhile.
    assert result.due.astimezone(UTC) - start.astimezone(UTC) == dt.timedelta(minutes=minutes)
    assert result.due.isoformat() == (start.astimezone(UTC) + dt.timedelta(minutes=minutes)).astimezone(
        zone).isoformat()

    # Split per local day, contiguous, summing to the target.
    timeline = result.timeline
    assert timeline, "the per-day breakdown is never empty"
    assert sum(day.minutes for day in timeline) == pytest.approx(minutes)
    spans = [span for day in timeline for span in day.counted]
    assert same_instant(spans[0].start, start) and same_instant(spans[-1].end, result.due)
    for before, after in zip(spans, spans[1:]):
        assert same_instant(before.end, after.start)
        assert after.start.astimezone(zone).time() == dt.time(0)  # a new day starts at local midnight
    for day in timeline:
        assert day.skipped is None and len(day.counted) == 1
        assert day.counted[0].start.astimezone(zone).date() == day.day
    assert [d.day for d in timeline] == [timeline[0].day + dt.timedelta(days=i) for i in range(len(timeline))]


def test_calendar_minutes_on_the_spring_forward_night():
    se = ZONES["SE"]
    # 01:30 CET on 29 March 2026; at 02:00 the clocks jump to 03:00.
    result = add_calendar_minutes(dt.datetime(2026, 3, 29, 1, 30, tzinfo=se), 60, se)
    assert result.due.isoformat() == "2026-03-29T03:30:00+02:00"
    assert [day.minutes for day in result.timeline] == [60]


def test_calendar_minutes_in_the_repeated_autumn_hour_still_show_the_minutes_that_ran():
    # 02:30 summer time on 25 October 2026, an hour later it is 02:30 again (winter time).
    # The wall clock shows no progress, but an hour has passed, and the timeline says so.
    se = ZONES["SE"]
    start = dt.datetime(2026, 10, 25, 0, 30, tzinfo=UTC)
    result = add_calendar_minutes(start, 60, se)
    assert result.due.isoformat() == "2026-10-25T02:30:00+01:00"
    assert [day.minutes for day in result.timeline] == [60]
    assert [s.start.isoformat() for d in result.timeline for s in d.counted] == ["2026-10-25T02:30:00+02:00"]

    result = add_calendar_minutes(dt.datetime(2026, 10, 25, 0, 50, tzinfo=UTC), 15, se)
    assert result.due.isoformat() == "2026-10-25T02:05:00+01:00"  # the wall clock went backwards
    assert [day.minutes for day in result.timeline] == [15]


def test_calendar_minutes_across_midnight_split_per_local_day():
    fi = ZONES["FI"]
    result = add_calendar_minutes(dt.datetime(2026, 12, 24, 21, 30, tzinfo=UTC), 60, fi)  # 23:30 in Helsinki
    assert result.due.isoformat() == "2026-12-25T00:30:00+02:00"
    assert [(d.day.isoformat(), d.minutes) for d in result.timeline] == [("2026-12-24", 30), ("2026-12-25", 30)]
