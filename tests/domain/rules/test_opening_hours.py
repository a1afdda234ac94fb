"""Opening hours at moments an agent would notice: eves, Easter, DST, year ends, overrides.

Every expectation below was worked out by hand from the rules of the issue "Foundation and
opening hours" (and the calendar), then checked against the `holidays` library; none is
copied from the code's output.
"""
from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import holidays
import pytest

from domain.closed_days import ClosedDayCalendar
from domain.desks import DayHours, OverrideKind
from domain.errors import InvalidInput
from domain.opening_hours import OUTSIDE_HOURS, WEEKEND, desk_status, resolve_wall_time
from domain.services.hours import status_as_dict

UTC = dt.timezone.utc
ZONES = {
    "SE": ZoneInfo("Europe/Stockholm"),
    "NO": ZoneInfo("Europe/Oslo"),
    "DK": ZoneInfo("Europe/Copenhagen"),
    "FI": ZoneInfo("Europe/Helsinki"),
}
CET, CEST = dt.timezone(dt.timedelta(hours=1)), dt.timezone(dt.timedelta(hours=2))
EET, EEST = CEST, dt.timezone(dt.timedelta(hours=3))


def local(country: str, *fields: int) -> dt.datetime:
    """An (unambiguous) wall time in the country, as an aware instant."""
    return dt.datetime(*fields, tzinfo=ZONES[country])


def iso(moment: dt.datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()


def codes(status) -> list[str]:
    return [w.code for w in status.warnings]


def status_with(make_policy, country: str, moment: dt.datetime, *overrides):
    policy = make_policy(country, *overrides)
    return desk_status(policy, ClosedDayCalendar(policy), moment)


# --- the reference calendar, checked once against the holidays library ------------------

def test_the_eves_used_below_are_what_the_holidays_library_says():
    se_eves = holidays.country_holidays("SE", years=2026, categories=("de_facto",), language="en_US")
    assert se_eves.get(dt.date(2026, 6, 19)) == "Midsummer Eve"
    fi = holidays.country_holidays("FI", years=2026, language="en_US")
    assert fi.get(dt.date(2026, 6, 19)) == "Midsummer Eve"
    assert fi.get(dt.date(2026, 12, 24)) == "Christmas Eve"
    no = holidays.country_holidays("NO", years=2026, language="en_US")
    assert dt.date(2026, 6, 19) not in no and dt.date(2026, 12, 24) not in no  # eves are the desk's own rule
    dk = holidays.country_holidays("DK", years=[2023, 2024], language="en_US")
    assert dk.get(dt.date(2023, 5, 5)) == "Great Prayer Day"
    assert dt.date(2024, 4, 26) not in dk


# --- Christmas, New Year, Midsummer -----------------------------------------------------

def test_sweden_on_christmas_eve_through_the_store_and_the_json_contract(answerer):
    status = answerer.status("SE", dt.datetime(2026, 12, 24, 10, 0))  # wall time in Sweden
    assert not status.open
    assert status.closed_reason == "Christmas Eve"
    # Thu 24 Christmas Eve, Fri 25 Christmas Day, Sat 26, Sun 27: Monday 28 at 08:00 CET.
    assert iso(status.next_open) == "2026-12-28T08:00:00+01:00"
    answer = status_as_dict(status)
    assert answer["open"] is False and answer["closes_at"] is None
    assert answer["next_open"] == "2026-12-28T08:00:00+01:00"
    assert answer["at"] == "2026-12-24T10:00:00+01:00"
    assert answer["phone"] == "+46770176100" and answer["email"] == "servicedesk@dustin.eu"
    assert answer["timezone"] == "Europe/Stockholm"
    assert answer["warnings"] == []


def test_sweden_and_finland_close_on_midsummer_eve_norway_and_denmark_do_not(bundled_answerer):
    moment = dt.datetime(2026, 6, 19, 8, 0, tzinfo=UTC)  # Friday, 10:00 in SE/NO/DK, 11:00 in FI
    se, no, dk, fi = bundled_answerer.statuses(moment)
    for closed in (se, fi):
        assert not closed.open and closed.closed_reason == "Midsummer Eve"
    # Saturday 20 is Midsummer Day (and a Saturday); Monday 22 is the next working day.
    assert iso(se.next_open) == "2026-06-22T08:00:00+02:00"
    assert iso(fi.next_open) == "2026-06-22T08:00:00+03:00"
    for open_desk in (no, dk):
        assert open_desk.open and open_desk.closed_reason is None and open_desk.next_open is None
        assert iso(open_desk.closes_at) == "2026-06-19T16:00:00+02:00"


@pytest.mark.parametrize("day, name", [(24, "Christmas Eve"), (31, "New Year's Eve")])
def test_norway_closes_on_christmas_eve_and_new_years_eve(bundled_answerer, day, name):
    status = bundled_answerer.status("NO", local("NO", 2026, 12, day, 10, 0))
    assert not status.open and status.closed_reason == name
    # After the 24th: 25 Christmas Day, 26 Second Day of Christmas (Sat), 27 Sunday.
    # After the 31st: 1 January New Year's Day (Fri), then the weekend.
    expected = "2026-12-28T08:00:00+01:00" if day == 24 else "2027-01-04T08:00:00+01:00"
    assert iso(status.next_open) == expected


def test_finland_on_new_years_eve(bundled_answerer):
    status = bundled_answerer.status("FI", local("FI", 2026, 12, 31, 10, 0))
    assert not status.open and status.closed_reason == "New Year's Eve"
    assert iso(status.next_open) == "2027-01-04T08:00:00+02:00"


@pytest.mark.parametrize("country, offset", [("SE", "+01:00"), ("NO", "+01:00"), ("DK", "+01:00"),
                                             ("FI", "+02:00")])
def test_year_end_opens_on_the_first_monday_of_january(bundled_answerer, country, offset):
    # Thu 31 Dec 2026 (eve), Fri 1 Jan 2027 (New Year's Day), Sat 2, Sun 3.
    status = bundled_answerer.status(country, local(country, 2026, 12, 31, 15, 0))
    assert status.closed_reason == "New Year's Eve"
    assert iso(status.next_open) == f"2027-01-04T08:00:00{offset}"
    assert status.warnings == ()


# --- Denmark's Great Prayer Day -------------------------------------------------------

def test_denmark_works_on_the_former_great_prayer_day_from_2024(bundled_answerer):
    # 2024: Easter 31 March, the fourth Friday after it is 26 April.
    status = bundled_answerer.status("DK", local("DK", 2024, 4, 26, 10, 0))
    assert status.open and status.closed_reason is None
    assert iso(status.closes_at) == "2024-04-26T16:00:00+02:00"
    # 2025: Easter 20 April, so it would have been 16 May.
    assert bundled_answerer.status("DK", local("DK", 2025, 5, 16, 10, 0)).open


def test_denmark_was_closed_on_great_prayer_day_2023_with_a_review_warning(bundled_answerer):
    status = bundled_answerer.status("DK", local("DK", 2023, 5, 5, 10, 0))
    assert not status.open and status.closed_reason == "Great Prayer Day"
    assert iso(status.next_open) == "2023-05-08T08:00:00+02:00"
    assert codes(status) == ["year_not_reviewed"]  # 2023 is before the reviewed 2024-2030


# --- Easter ---------------------------------------------------------------------------

@pytest.mark.parametrize("country, is_open", [("SE", True), ("FI", True), ("NO", False), ("DK", False)])
def test_maundy_thursday_closes_norway_and_denmark_only(bundled_answerer, country, is_open):
    status = bundled_answerer.status(country, local(country, 2026, 4, 2, 12, 0))  # Easter is 5 April 2026
    assert status.open is is_open
    assert status.closed_reason == (None if is_open else "Maundy Thursday")


@pytest.mark.parametrize("country, offset", [("SE", "+02:00"), ("NO", "+02:00"), ("DK", "+02:00"),
                                             ("FI", "+03:00")])
def test_good_friday_closes_every_desk_until_the_tuesday_after_easter(bundled_answerer, country, offset):
    status = bundled_answerer.status(country, local(country, 2026, 4, 3, 12, 0))
    assert not status.open and status.closed_reason == "Good Friday"
    # Sat 4, Easter Sunday 5, Easter Monday 6 (a holiday in all four countries).
    assert iso(status.next_open) == f"2026-04-07T08:00:00{offset}"


def test_a_holiday_on_a_weekend_is_named_rather_than_called_weekend(bundled_answerer):
    assert bundled_answerer.status("SE", local("SE", 2026, 4, 5, 12, 0)).closed_reason == "Easter Sunday"
    # Holy Saturday is not a public holiday in Sweden: it is just a Saturday.
    assert bundled_answerer.status("SE", local("SE", 2026, 4, 4, 12, 0)).closed_reason == WEEKEND
    assert bundled_answerer.status("SE", local("SE", 2026, 11, 28, 12, 0)).closed_reason == WEEKEND


def test_easter_on_the_dst_weekend_2024(bundled_answerer):
    # 2024: Maundy Thursday 28 March, Good Friday 29, Easter Sunday 31 March is also the
    # night clocks go forward, Easter Monday 1 April. Sweden opens Tuesday in summer time.
    se = bundled_answerer.status("SE", local("SE", 2024, 3, 28, 17, 30))
    assert se.closed_reason == OUTSIDE_HOURS
    assert iso(se.next_open) == "2024-04-02T08:00:00+02:00"
    no = bundled_answerer.status("NO", local("NO", 2024, 3, 27, 16, 30))
    assert iso(no.next_open) == "2024-04-02T08:00:00+02:00"


# --- closing time, Friday afternoon, Finland's hour ------------------------------------

def test_friday_at_four_sweden_is_still_open_norway_is_closed_until_monday(bundled_answerer):
    moment = dt.datetime(2026, 11, 27, 15, 0, tzinfo=UTC)  # Friday 16:00 in SE/NO/DK, 17:00 in FI
    se, no, dk, fi = bundled_answerer.statuses(moment)
    assert se.open and iso(se.closes_at) == "2026-11-27T17:00:00+01:00"
    for closed in (no, dk):
        assert not closed.open and closed.closed_reason == OUTSIDE_HOURS
        assert iso(closed.next_open) == "2026-11-30T08:00:00+01:00"
    assert not fi.open and iso(fi.next_open) == "2026-11-30T08:00:00+02:00"


@pytest.mark.parametrize("country, closing", [("SE", 17), ("NO", 16), ("DK", 16), ("FI", 16)])
def test_the_exact_opening_and_closing_second(bundled_answerer, country, closing):
    tuesday = (2026, 11, 24)
    just_before = bundled_answerer.status(country, local(country, *tuesday, closing - 1, 59, 59))
    assert just_before.open
    assert just_before.closes_at == local(country, *tuesday, closing, 0)
    at_closing = bundled_answerer.status(country, local(country, *tuesday, closing, 0, 0))
    assert not at_closing.open and at_closing.closed_reason == OUTSIDE_HOURS
    assert at_closing.next_open == local(country, 2026, 11, 25, 8, 0)
    before_opening = bundled_answerer.status(country, local(country, *tuesday, 7, 59, 59))
    assert not before_opening.open and before_opening.next_open == local(country, *tuesday, 8, 0)
    assert bundled_answerer.status(country, local(country, *tuesday, 8, 0, 0)).open


def test_finland_is_one_hour_ahead_at_the_same_instant(bundled_answerer):
    early = dt.datetime(2026, 11, 23, 6, 30, tzinfo=UTC)
    se, fi = bundled_answerer.status("SE", early), bundled_answerer.status("FI", early)
    assert iso(se.at) == "2026-11-23T07:30:00+01:00" and not se.open
    assert iso(se.next_open) == "2026-11-23T08:00:00+01:00"
    assert iso(fi.at) == "2026-11-23T08:30:00+02:00" and fi.open
    assert fi.closes_at == dt.datetime(2026, 11, 23, 14, 0, tzinfo=UTC)  # 16:00 in Helsinki

    late = dt.datetime(2026, 11, 23, 14, 30, tzinfo=UTC)
    se, fi = bundled_answerer.status("SE", late), bundled_answerer.status("FI", late)
    assert se.open and iso(se.at) == "2026-11-23T15:30:00+01:00"
    assert not fi.open and iso(fi.at) == "2026-11-23T16:30:00+02:00"
    assert iso(fi.next_open) == "2026-11-24T08:00:00+02:00"


def test_an_instant_in_any_offset_is_the_same_answer(bundled_answerer):
    in_utc = bundled_answerer.status("SE", dt.datetime(2026, 11, 24, 15, 30, tzinfo=UTC))
    in_new_york = bundled_answerer.status(
        "SE", dt.datetime(2026, 11, 24, 10, 30, tzinfo=ZoneInfo("America/New_York")))
    assert in_utc == in_new_york
    assert iso(in_utc.at) == "2026-11-24T16:30:00+01:00" and in_utc.open


# --- daylight saving time -------------------------------------------------------------

def test_next_open_across_the_spring_change_is_in_summer_time(bundled_answerer):
    # Last Sunday of March 2026 is the 29th; clocks go 02:00 -> 03:00 in SE/NO/DK, 03:00 -> 04:00 in FI.
    assert dt.date(2026, 3, 29).weekday() == 6 and dt.date(2026, 4, 5).month == 4
    friday = bundled_answerer.status("SE", local("SE", 2026, 3, 27, 10, 0))
    assert iso(friday.closes_at) == "2026-03-27T17:00:00+01:00"
    evening = bundled_answerer.status("SE", local("SE", 2026, 3, 27, 18, 0))
    assert iso(evening.next_open) == "2026-03-30T08:00:00+02:00"
    assert evening.next_open == dt.datetime(2026, 3, 30, 6, 0, tzinfo=UTC)
    fi = bundled_answerer.status("FI", local("FI", 2026, 3, 27, 17, 0))
    assert iso(fi.next_open) == "2026-03-30T08:00:00+03:00"


def test_next_open_across_the_autumn_change_is_in_winter_time(bundled_answerer):
    # Last Sunday of October 2026 is the 25th; clocks go back 03:00 -> 02:00 (04:00 -> 03:00 in FI).
    assert dt.date(2026, 10, 25).weekday() == 6 and dt.date(2026, 11, 1).month == 11
    friday = bundled_answerer.status("SE", local("SE", 2026, 10, 23, 10, 0))
    assert iso(friday.closes_at) == "2026-10-23T17:00:00+02:00"
    evening = bundled_answerer.status("SE", local("SE", 2026, 10, 23, 18, 0))
    assert iso(evening.next_open) == "2026-10-26T08:00:00+01:00"
    assert evening.next_open == dt.datetime(2026, 10, 26, 7, 0, tzinfo=UTC)
    fi = bundled_answerer.status("FI", local("FI", 2026, 10, 23, 17, 0))
    assert iso(fi.next_open) == "2026-10-26T08:00:00+02:00"


@pytest.mark.parametrize("utc_hour, utc_minute, shown", [
    (0, 59, "2026-03-29T01:59:00+01:00"),
    (1, 0, "2026-03-29T03:00:00+02:00"),
    (1, 30, "2026-03-29T03:30:00+02:00"),
])
def test_during_the_spring_change_the_moment_shows_the_wall_clock(bundled_answerer, utc_hour, utc_minute, shown):
    status = bundled_answerer.status("SE", dt.datetime(2026, 3, 29, utc_hour, utc_minute, tzinfo=UTC))
    assert iso(status.at) == shown
    assert not status.open and status.closed_reason == WEEKEND
    assert iso(status.next_open) == "2026-03-30T08:00:00+02:00"


def test_during_the_autumn_change_both_two_thirties_are_the_same_sunday(bundled_answerer):
    first = bundled_answerer.status("SE", dt.datetime(2026, 10, 25, 0, 30, tzinfo=UTC))
    second = bundled_answerer.status("SE", dt.datetime(2026, 10, 25, 1, 30, tzinfo=UTC))
    assert iso(first.at) == "2026-10-25T02:30:00+02:00"
    assert iso(second.at) == "2026-10-25T02:30:00+01:00"
    for status in (first, second):
        assert status.closed_reason == WEEKEND
        assert iso(status.next_open) == "2026-10-26T08:00:00+01:00"


# --- leap day, reviewed years ---------------------------------------------------------

def test_leap_day_2028_is_an_ordinary_tuesday(bundled_answerer):
    assert dt.date(2028, 2, 29).weekday() == 1
    for status in bundled_answerer.statuses(dt.datetime(2028, 2, 29, 9, 0, tzinfo=UTC)):
        assert status.open, status.country
    monday_evening = bundled_answerer.status("SE", local("SE", 2028, 2, 28, 17, 30))
    assert iso(monday_evening.next_open) == "2028-02-29T08:00:00+01:00"
    leap_evening = bundled_answerer.status("SE", local("SE", 2028, 2, 29, 17, 0))
    assert iso(leap_evening.next_open) == "2028-03-01T08:00:00+01:00"


def test_a_year_outside_the_reviewed_range_warns(bundled_answerer):
    assert dt.date(2031, 3, 4).weekday() == 1
    status = bundled_answerer.status("SE", local("SE", 2031, 3, 4, 10, 0))
    assert status.open  # the answer is still given ...
    assert codes(status) == ["year_not_reviewed"]  # ... but flagged
    assert "2031" in status.warnings[0].message
    assert bundled_answerer.status("SE", local("SE", 2030, 12, 30, 10, 0)).warnings == ()
    assert bundled_answerer.status("SE", local("SE", 2024, 1, 2, 10, 0)).warnings == ()
    assert codes(bundled_answerer.status("SE", local("SE", 2023, 12, 29, 10, 0))) == ["year_not_reviewed"]


def test_a_next_open_in_an_unreviewed_year_warns(bundled_answerer):
    # Tue 31 Dec 2030 (eve), Wed 1 Jan 2031 (New Year's Day), Thursday 2 January opens.
    status = bundled_answerer.status("SE", local("SE", 2030, 12, 31, 18, 0))
    assert status.closed_reason == "New Year's Eve"
    assert iso(status.next_open) == "2031-01-02T08:00:00+01:00"
    assert codes(status) == ["year_not_reviewed"]
    assert "2031" in status.warnings[0].message and "2030," not in status.warnings[0].message


# --- administrator overrides ----------------------------------------------------------

def test_a_closed_date_override_names_its_note_and_origin(make_policy, make_override):
    override = make_override(OverrideKind.CLOSED_DATE, on_date=dt.date(2026, 11, 27), note="Office move")
    status = status_with(make_policy, "SE", local("SE", 2026, 11, 27, 10, 0), override)
    assert not status.open and status.closed_reason == "Office move"
    assert status.origin == override.origin()
    assert "#7" in status.origin and "anna.admin" in status.origin and "Office move" in status.origin
    assert iso(status.next_open) == "2026-11-30T08:00:00+01:00"
    # The day before is untouched and says where its hours come from.
    thursday = status_with(make_policy, "SE", local("SE", 2026, 11, 26, 10, 0), override)
    assert thursday.open and "terms §6" in thursday.origin


def test_a_closed_date_override_wins_over_a_holiday_name(make_policy, make_override):
    override = make_override(OverrideKind.CLOSED_DATE, "NO", on_date=dt.date(2026, 12, 24), note="Julaften")
    status = status_with(make_policy, "NO", local("NO", 2026, 12, 24, 10, 0), override)
    assert status.closed_reason == "Julaften" and "override #7" in status.origin


def test_a_closed_date_override_without_note_says_closed(make_policy, make_override):
    override = make_override(OverrideKind.CLOSED_DATE, "DK", on_date=dt.date(2026, 11, 25))
    status = status_with(make_policy, "DK", local("DK", 2026, 11, 25, 10, 0), override)
    assert not status.open and status.closed_reason == "Closed"


def test_a_shortened_day_closes_early(make_policy, make_override):
    override = make_override(OverrideKind.SHORTENED_DAY, on_date=dt.date(2026, 12, 23), closes=dt.time(13, 0),
                             note="Christmas lunch")
    before = status_with(make_policy, "SE", local("SE", 2026, 12, 23, 12, 59), override)
    assert before.open and iso(before.closes_at) == "2026-12-23T13:00:00+01:00"
    assert "Christmas lunch" in before.origin
    after = status_with(make_policy, "SE", local("SE", 2026, 12, 23, 13, 0), override)
    assert not after.open and after.closed_reason == OUTSIDE_HOURS
    assert iso(after.next_open) == "2026-12-28T08:00:00+01:00"  # 24 eve, 25 Christmas Day, weekend
    other_day = status_with(make_policy, "SE", local("SE", 2026, 12, 22, 16, 30), override)
    assert other_day.open and iso(other_day.closes_at) == "2026-12-22T17:00:00+01:00"


def test_a_shortened_day_never_lengthens_the_day(make_policy, make_override):
    override = make_override(OverrideKind.SHORTENED_DAY, "NO", on_date=dt.date(2026, 11, 24), closes=dt.time(18, 0))
    status = status_with(make_policy, "NO", local("NO", 2026, 11, 24, 16, 30), override)
    assert not status.open and status.closed_reason == OUTSIDE_HOURS


def test_weekday_hours_override_shortens_fridays(make_policy, make_override):
    override = make_override(OverrideKind.WEEKDAY_HOURS, weekday=4, hours=DayHours(dt.time(8), dt.time(15)),
                             note="Winter Fridays")
    friday = status_with(make_policy, "SE", local("SE", 2026, 11, 27, 14, 59), override)
    assert friday.open and iso(friday.closes_at) == "2026-11-27T15:00:00+01:00"
    assert "Winter Fridays" in friday.origin
    closed = status_with(make_policy, "SE", local("SE", 2026, 11, 27, 15, 0), override)
    assert not closed.open and closed.closed_reason == OUTSIDE_HOURS
    assert iso(closed.next_open) == "2026-11-30T08:00:00+01:00"
    thursday = status_with(make_policy, "SE", local("SE", 2026, 11, 26, 16, 30), override)
    assert thursday.open and iso(thursday.closes_at) == "2026-11-26T17:00:00+01:00"


def test_weekday_hours_override_can_close_a_weekday(make_policy, make_override):
    override = make_override(OverrideKind.WEEKDAY_HOURS, "FI", weekday=4, hours=None, note="No Friday desk")
    friday = status_with(make_policy, "FI", local("FI", 2026, 11, 27, 10, 0), override)
    assert not friday.open and friday.closed_reason == OUTSIDE_HOURS
    assert "No Friday desk" in friday.origin
    assert iso(friday.next_open) == "2026-11-30T08:00:00+02:00"
    thursday_evening = status_with(make_policy, "FI", local("FI", 2026, 11, 26, 17, 0), override)
    assert iso(thursday_evening.next_open) == "2026-11-30T08:00:00+02:00"


def test_the_newest_weekday_override_wins(make_policy, make_override):
    older = make_override(OverrideKind.WEEKDAY_HOURS, id=1, weekday=4, hours=DayHours(dt.time(8), dt.time(15)))
    newer = make_override(OverrideKind.WEEKDAY_HOURS, id=2, weekday=4, hours=DayHours(dt.time(10), dt.time(14)))
    status = status_with(make_policy, "SE", local("SE", 2026, 11, 27, 9, 0), older, newer)
    assert not status.open and iso(status.next_open) == "2026-11-27T10:00:00+01:00"
    assert "#2" in status.origin


def test_a_saturday_opening_still_respects_holidays(make_policy, make_override):
    override = make_override(OverrideKind.WEEKDAY_HOURS, weekday=5, hours=DayHours(dt.time(10), dt.time(14)))
    saturday = status_with(make_policy, "SE", local("SE", 2026, 11, 28, 11, 0), override)
    assert saturday.open and iso(saturday.closes_at) == "2026-11-28T14:00:00+01:00"
    boxing_day = status_with(make_policy, "SE", local("SE", 2026, 12, 26, 11, 0), override)
    assert not boxing_day.open and boxing_day.closed_reason == "Second Day of Christmas"
    friday_evening = status_with(make_policy, "SE", local("SE", 2026, 11, 27, 18, 0), override)
    assert iso(friday_evening.next_open) == "2026-11-28T10:00:00+01:00"


# --- wall times that DST makes odd ----------------------------------------------------

@pytest.mark.parametrize("country, naive, expected", [
    ("SE", dt.datetime(2026, 3, 29, 2, 30), "2026-03-29T03:30:00+02:00"),
    ("NO", dt.datetime(2026, 3, 29, 2, 0), "2026-03-29T03:00:00+02:00"),
    ("FI", dt.datetime(2026, 3, 29, 3, 30), "2026-03-29T04:30:00+03:00"),
])
def test_a_wall_time_in_the_spring_gap_moves_forward(make_policy, country, naive, expected):
    instant, warnings = resolve_wall_time(naive, make_policy(country))
    assert iso(instant) == expected
    assert [w.code for w in warnings] == ["time_does_not_exist"]
    assert f"{naive:%H:%M}" in warnings[0].message


@pytest.mark.parametrize("country, naive, expected", [
    ("SE", dt.datetime(2026, 10, 25, 2, 30), "2026-10-25T02:30:00+02:00"),
    ("DK", dt.datetime(2026, 10, 25, 2, 0), "2026-10-25T02:00:00+02:00"),
    ("FI", dt.datetime(2026, 10, 25, 3, 30), "2026-10-25T03:30:00+03:00"),
])
def test_an_ambiguous_wall_time_takes_summer_time(make_policy, country, naive, expected):
    instant, warnings = resolve_wall_time(naive, make_policy(country))
    assert iso(instant) == expected
    # (An instant inside the repeated hour never compares equal across zones, PEP 495.)
    assert instant.astimezone(UTC) == dt.datetime(2026, 10, 25, 0, naive.minute, tzinfo=UTC)
    assert [w.code for w in warnings] == ["time_is_ambiguous"]


@pytest.mark.parametrize("country, naive, expected", [
    ("SE", dt.datetime(2026, 3, 29, 3, 0), "2026-03-29T03:00:00+02:00"),  # just after the gap
    ("SE", dt.datetime(2026, 10, 25, 3, 0), "2026-10-25T03:00:00+01:00"),  # just after the repeat
    ("FI", dt.datetime(2026, 3, 29, 2, 30), "2026-03-29T02:30:00+02:00"),  # Finland's gap is an hour later
    ("SE", dt.datetime(2026, 12, 24, 10, 0), "2026-12-24T10:00:00+01:00"),
])
def test_an_ordinary_wall_time_has_no_warning(make_policy, country, naive, expected):
    instant, warnings = resolve_wall_time(naive, make_policy(country))
    assert iso(instant) == expected and warnings == ()


def test_the_answerer_passes_dst_warnings_on(bundled_answerer):
    gap = bundled_answerer.status("SE", dt.datetime(2026, 3, 29, 2, 30))
    assert iso(gap.at) == "2026-03-29T03:30:00+02:00" and gap.closed_reason == WEEKEND
    assert codes(gap) == ["time_does_not_exist"]
    repeat = bundled_answerer.status("SE", dt.datetime(2026, 10, 25, 2, 30))
    assert iso(repeat.at) == "2026-10-25T02:30:00+02:00"
    assert codes(repeat) == ["time_is_ambiguous"]
    # A DST warning and a review warning add up.
    future = bundled_answerer.status("SE", dt.datetime(2031, 3, 30, 2, 30))
    assert codes(future) == ["time_does_not_exist", "year_not_reviewed"]


def test_a_naive_moment_is_refused_by_desk_status(make_policy):
    policy = make_policy("SE")
    with pytest.raises(InvalidInput) as raised:
        desk_status(policy, ClosedDayCalendar(policy), dt.datetime(2026, 12, 24, 10, 0))
    assert raised.value.field == "at"
    assert "time zone" in str(raised.value)


def test_the_answerer_answers_every_country_with_its_own_contact(bundled_answerer):
    statuses = bundled_answerer.statuses(dt.datetime(2026, 11, 24, 9, 0, tzinfo=UTC))
    assert [(s.country, s.phone, s.timezone) for s in statuses] == [
        ("SE", "+46770176100", "Europe/Stockholm"),
        ("NO", "+4781503636", "Europe/Oslo"),
        ("DK", "+4589871001", "Europe/Copenhagen"),
        ("FI", "+358753251111", "Europe/Helsinki"),
    ]
    assert all(s.open and s.email == "servicedesk@dustin.eu" for s in statuses)


def test_hours_ending_in_the_repeated_autumn_hour_end_once(make_policy, make_override):
    # An administrator opens the Swedish desk on Sunday nights 00:00-02:30. On 25 October
    # 2026 the clock shows 02:00-03:00 twice; the desk closes the first time it reads 02:30
    # (00:30 UTC). At 02:15 the second time (01:15 UTC) it has been closed 45 minutes.
    sunday_night = make_override(OverrideKind.WEEKDAY_HOURS, weekday=6, hours=DayHours(dt.time(0), dt.time(2, 30)))
    first = status_with(make_policy, "SE", dt.datetime(2026, 10, 25, 0, 15, tzinfo=UTC), sunday_night)
    assert iso(first.at) == "2026-10-25T02:15:00+02:00"
    assert first.open and iso(first.closes_at) == "2026-10-25T02:30:00+02:00"
    second = status_with(make_policy, "SE", dt.datetime(2026, 10, 25, 1, 15, tzinfo=UTC), sunday_night)
    assert iso(second.at) == "2026-10-25T02:15:00+01:00"
    assert not second.open and second.closed_reason == OUTSIDE_HOURS
    assert iso(second.next_open) == "2026-10-26T08:00:00+01:00"


def test_hours_starting_in_the_repeated_autumn_hour_have_started_the_second_time(make_policy, make_override):
    sunday_night = make_override(OverrideKind.WEEKDAY_HOURS, weekday=6, hours=DayHours(dt.time(2, 30), dt.time(5)))
    before = status_with(make_policy, "SE", dt.datetime(2026, 10, 25, 0, 15, tzinfo=UTC), sunday_night)
    assert not before.open and iso(before.next_open) == "2026-10-25T02:30:00+02:00"
    # 02:15 the second time is 45 minutes after the desk opened at 02:30 the first time.
    second = status_with(make_policy, "SE", dt.datetime(2026, 10, 25, 1, 15, tzinfo=UTC), sunday_night)
    assert second.open and second.next_open is None
    assert iso(second.closes_at) == "2026-10-25T05:00:00+01:00"


def test_an_override_is_dated_in_the_desks_own_time():
    # Made at 00:30 in Stockholm on 2026-12-01, which is still 30 November in UTC.
    from domain.desks import Override

    made = dt.datetime(2026, 11, 30, 23, 30, tzinfo=dt.timezone.utc)
    override = Override(id=4, country="SE", kind=OverrideKind.CLOSED_DATE, note="Inventory", created_at=made,
                        created_by="Anna", on_date=dt.date(2026, 12, 4))
    assert "on 2026-12-01" in override.origin(ZoneInfo("Europe/Stockholm"))
    assert "on 2026-11-30" in override.origin()


def test_bad_hours_name_the_field_they_came_from():
    with pytest.raises(InvalidInput) as caught:
        DayHours.parse("17:00-08:00", "hours.fri")
    assert caught.value.field == "hours.fri" and "17:00-08:00" in str(caught.value)
