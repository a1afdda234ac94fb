"""Property tests: the desks' answers agree with a brute-force minute-by-minute reference.

The reference below is written independently of domain/: it reads the `holidays` library
directly, adds the eves of the issue "Foundation and opening hours" by date, and finds
openings and closings by stepping one UTC minute at a time. The generated instants crowd
where calendar bugs live: DST nights, Easter, Midsummer, Christmas to New Year, month
ends and leap days, plus the seconds around opening and closing time.
"""
from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

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

HOURS = {
    "SE": (dt.time(8), dt.time(17)),
    "NO": (dt.time(8), dt.time(16)),
    "DK": (dt.time(8), dt.time(16)),
    "FI": (dt.time(8), dt.time(16)),
}
REVIEWED = range(2024, 2031)
# The longest closure (Maundy Thursday to Easter Monday in Norway and Denmark) is under
# six days; eight days of minutes is a generous cap.
MAX_STEPS = 8 * 24 * 60

SETTINGS = dict(suppress_health_check=[HealthCheck.too_slow])


# --- the reference --------------------------------------------------------------------





def reference_open(country: str, instant: dt.datetime) -> bool:
    local = instant.astimezone(ZONES[country])
    opening, closing = HOURS[country]
    return (local.weekday() < 5 and local.date() not in reference_closed_dates(country, local.year)
            and opening <= local.time() < closing)


def reference_reason(country: str, instant: dt.datetime) -> str | None:
    if reference_open(country, instant):
        return None
    local = instant.astimezone(ZONES[country])
    name = reference_closed_dates(country, local.year).get(local.date())
    if name is not None:
        return name
    return "weekend" if local.weekday() >= 5 else "outside_hours"


def ceiling_minute(instant: dt.datetime) -> dt.datetime:
    utc = instant.astimezone(UTC)
    floor = utc.replace(second=0, microsecond=0)
    return floor if floor == utc else floor + MINUTE


def reference_next_open(country: str, instant: dt.datetime) -> dt.datetime | None:
    """The first minute strictly after a closed `instant` at which the desk is open."""
    moment = ceiling_minute(instant)
    for _ in range(MAX_STEPS):
        if moment > instant and reference_open(country, moment):
            return moment
        moment += MINUTE
    return None


def reference_closes_at(country: str, instant: dt.datetime) -> dt.datetime:
    moment = ceiling_minute(instant)
    for _ in range(24 * 60):
        if not reference_open(country, moment):
            return moment
        moment += MINUTE
    raise AssertionError("open for a whole day")




# --- where to look --------------------------------------------------------------------





HOUR, DAY = 3600, 86400
years = st.integers(min_value=2024, max_value=2030)
countries = st.sampled_from(COUNTRIES)
# How the caller writes the instant must not matter.
presentations = st.sampled_from([UTC, dt.timezone(dt.timedelta(hours=2)), dt.timezone(dt.timedelta(hours=-5)),
                                 *ZONES.values(), ZoneInfo("America/New_York")])
sub_second = st.one_of(st.just(0), st.just(999_999), st.integers(min_value=0, max_value=999_999))


def _midnight_utc(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(0), tzinfo=UTC)


@st.composite
def hot_instants(draw) -> dt.datetime:
    year = draw(years)
    kind = draw(st.sampled_from(["dst_night", "dst_weekend", "easter", "midsummer", "christmas", "month_end",
                                 "leap_day"]))
    if kind == "dst_night":  # the change itself: 01:00 UTC, both directions
        anchor = _midnight_utc(last_sunday(year, draw(st.sampled_from([3, 10]))))
        seconds = draw(st.integers(min_value=0, max_value=4 * HOUR))
    elif kind == "dst_weekend":  # Friday evening to Monday opening across the change
        anchor = _midnight_utc(last_sunday(year, draw(st.sampled_from([3, 10]))))
        seconds = draw(st.integers(min_value=-3 * DAY, max_value=2 * DAY))
    elif kind == "easter":
        anchor = _midnight_utc(easter_sunday(year))
        seconds = draw(st.integers(min_value=-5 * DAY, max_value=3 * DAY))
    elif kind == "midsummer":
        anchor = _midnight_utc(dt.date(year, 6, 17))
        seconds = draw(st.integers(min_value=0, max_value=11 * DAY))
    elif kind == "christmas":  # 20 December to 8 January
        anchor = _midnight_utc(dt.date(year, 12, 20))
        seconds = draw(st.integers(min_value=0, max_value=19 * DAY))
    elif kind == "month_end":
        month = draw(st.integers(min_value=1, max_value=12))
        first = dt.date(year + month // 12, month % 12 + 1, 1)
        anchor = _midnight_utc(first)
        seconds = draw(st.integers(min_value=-2 * DAY, max_value=2 * DAY))
    else:  # leap_day
        anchor = _midnight_utc(dt.date(draw(st.sampled_from([2024, 2028])), 2, 29))
        seconds = draw(st.integers(min_value=-2 * DAY, max_value=2 * DAY))
    instant = anchor + dt.timedelta(seconds=seconds, microseconds=draw(sub_second))
    return instant.astimezone(draw(presentations))


@st.composite
def near_opening_or_closing(draw, country: str) -> dt.datetime:
    """The seconds around 08:00 and the closing time, in the country's own wall clock."""
    day = draw(st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2030, 12, 31)))
    opening, closing = HOURS[country]
    edge = draw(st.sampled_from([opening, closing]))
    wall = dt.datetime.combine(day, edge) + dt.timedelta(seconds=draw(st.integers(min_value=-120, max_value=120)))
    instant = wall.replace(tzinfo=ZONES[country])  # 06:00-18:00 never falls into a DST change
    return instant.astimezone(draw(presentations))


uniform_instants = st.builds(
    lambda naive, zone: naive.replace(tzinfo=UTC).astimezone(zone),
    st.datetimes(min_value=dt.datetime(2023, 1, 1), max_value=dt.datetime(2031, 12, 31, 23, 59, 59)),
    presentations,
)


# --- the properties -------------------------------------------------------------------

def check_against_reference(answerer, country: str, instant: dt.datetime) -> None:
    status = answerer.status(country, instant)
    zone = ZONES[country]
    expected_open = reference_open(country, instant)

    assert status.open is expected_open
    assert same_instant(status.at, instant)
    assert status.at.isoformat() == instant.astimezone(zone).isoformat()  # shown in the desk's own time
    assert status.closed_reason == reference_reason(country, instant)
    if expected_open:
        assert status.next_open is None
        expected_close = reference_closes_at(country, instant)
        assert same_instant(status.closes_at, expected_close)
        assert status.closes_at.isoformat() == expected_close.astimezone(zone).isoformat()
    else:
        assert status.closes_at is None
        expected_next = reference_next_open(country, instant)
        assert expected_next is not None
        assert same_instant(status.next_open, expected_next)
        # The offset shown is the one in force at that moment (+01:00 or +02:00 in Sweden).
        assert status.next_open.isoformat() == expected_next.astimezone(zone).isoformat()

    years = {instant.astimezone(zone).year}
    if status.next_open is not None:
        years.add(status.next_open.astimezone(zone).year)
    unreviewed = any(year not in REVIEWED for year in years)
    assert [w.code for w in status.warnings] == (["year_not_reviewed"] if unreviewed else [])


@settings(**SETTINGS)
@given(country=countries, instant=hot_instants())
def test_answers_match_the_reference_where_calendars_are_tricky(bundled_answerer, country, instant):
    check_against_reference(bundled_answerer, country, instant)


@settings(**SETTINGS)
@given(data=st.data(), country=countries)
def test_answers_match_the_reference_at_opening_and_closing_time(bundled_answerer, data, country):
    check_against_reference(bundled_answerer, country, data.draw(near_opening_or_closing(country)))


@settings(**SETTINGS)
@given(country=countries, instant=uniform_instants)
def test_answers_match_the_reference_at_any_moment(bundled_answerer, country, instant):
    check_against_reference(bundled_answerer, country, instant)


@settings(**SETTINGS)
@given(country=countries, instant=hot_instants())
def test_the_store_backed_answers_match_the_reference(store_answerer, country, instant):
    check_against_reference(store_answerer, country, instant)


# --- wall times around the DST changes --------------------------------------------------

def reference_wall_time(country: str, naive: dt.datetime) -> tuple[dt.datetime, list[str]]:
    """Find by search which UTC minutes show `naive` on the country's wall clock."""
    zone = ZONES[country]
    start = naive.replace(tzinfo=UTC) - dt.timedelta(hours=4)
    matches = [moment for moment in (start + i * MINUTE for i in range(8 * 60))
               if moment.astimezone(zone).replace(tzinfo=None) == naive]
    if len(matches) == 2:
        return matches[0], ["time_is_ambiguous"]  # the first, summer-time occurrence
    if len(matches) == 1:
        return matches[0], []
    assert not matches
    # In a spring gap the clock jumps an hour: the wall clock reads an hour later.
    later = [moment for moment in (start + i * MINUTE for i in range(8 * 60))
             if moment.astimezone(zone).replace(tzinfo=None) == naive + dt.timedelta(hours=1)]
    assert len(later) == 1
    return later[0], ["time_does_not_exist"]


@st.composite
def dst_wall_times(draw) -> dt.datetime:
    sunday = last_sunday(draw(years), draw(st.sampled_from([3, 10])))
    minutes = draw(st.integers(min_value=0, max_value=5 * 60))
    return dt.datetime.combine(sunday, dt.time(0)) + dt.timedelta(minutes=minutes)


@settings(**SETTINGS)
@given(country=countries, naive=dst_wall_times())
def test_wall_times_on_dst_nights_resolve_like_a_wall_clock(bundled_answerer, country, naive):
    expected, expected_codes = reference_wall_time(country, naive)
    status = bundled_answerer.status(country, naive)
    assert same_instant(status.at, expected)
    assert status.at.isoformat() == expected.astimezone(ZONES[country]).isoformat()
    assert [w.code for w in status.warnings] == expected_codes
    # A Sunday night (Easter Sunday in 2024 and 2029): closed, opening in the new offset.
    assert not status.open and status.closed_reason == reference_reason(country, expected)
    assert same_instant(status.next_open, reference_next_open(country, expected))


# --- the reference itself ----------------------------------------------------------------

def test_the_reference_knows_the_dates_a_user_would_check():
    assert easter_sunday(2024) == dt.date(2024, 3, 31) and easter_sunday(2026) == dt.date(2026, 4, 5)
    assert last_sunday(2026, 3) == dt.date(2026, 3, 29) and last_sunday(2026, 10) == dt.date(2026, 10, 25)
    assert midsummer_eve(2026) == dt.date(2026, 6, 19) and midsummer_eve(2027) == dt.date(2027, 6, 25)
    assert reference_reason("SE", dt.datetime(2026, 12, 24, 9, tzinfo=UTC)) == "Christmas Eve"
    assert reference_reason("FI", dt.datetime(2026, 6, 19, 9, tzinfo=UTC)) == "Midsummer Eve"
    assert reference_open("NO", dt.datetime(2026, 6, 19, 9, tzinfo=UTC))
    assert reference_reason("DK", dt.datetime(2026, 4, 2, 9, tzinfo=UTC)) == "Maundy Thursday"
    assert reference_open("DK", dt.datetime(2024, 4, 26, 9, tzinfo=UTC))
    assert reference_next_open("SE", dt.datetime(2026, 12, 24, 9, tzinfo=UTC)) == dt.datetime(
        2026, 12, 28, 7, 0, tzinfo=UTC)
    assert reference_closes_at("SE", dt.datetime(2026, 11, 24, 15, 59, 30, tzinfo=UTC)) == dt.datetime(
        2026, 11, 24, 16, 0, tzinfo=UTC)
