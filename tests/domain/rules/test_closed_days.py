"""Which dates each desk is closed, by name, and where each closure comes from.

The 2026 tables were written from the calendar (Easter 5 April 2026, so Maundy Thursday
2 April, Ascension 14 May, Pentecost 24 May; Midsummer Eve the Friday 19-25 June; All
Saints' Day the Saturday 31 October-6 November) and agree with the `holidays` library.
"""
from __future__ import annotations

import copy
import dataclasses
import datetime as dt

import holidays
import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.closed_days import ClosedDayCalendar
from domain.desks import DayHours, DeskPolicy, FixedClosedDay, OverrideKind
from domain.messages import Message
from domain.services.hours import HoursAnswerer

D = dt.date

EXPECTED_2026 = {
    "SE": [
        (D(2026, 1, 1), "New Year's Day"), (D(2026, 1, 6), "Epiphany"), (D(2026, 4, 3), "Good Friday"),
        (D(2026, 4, 5), "Easter Sunday"), (D(2026, 4, 6), "Easter Monday"), (D(2026, 5, 1), "May Day"),
        (D(2026, 5, 14), "Ascension Day"), (D(2026, 5, 24), "Pentecost"), (D(2026, 6, 6), "National Day"),
        (D(2026, 6, 19), "Midsummer Eve"), (D(2026, 6, 20), "Midsummer Day"), (D(2026, 10, 31), "All Saints' Day"),
        (D(2026, 12, 24), "Christmas Eve"), (D(2026, 12, 25), "Christmas Day"),
        (D(2026, 12, 26), "Second Day of Christmas"), (D(2026, 12, 31), "New Year's Eve"),
    ],
    "NO": [
        (D(2026, 1, 1), "New Year's Day"), (D(2026, 4, 2), "Maundy Thursday"), (D(2026, 4, 3), "Good Friday"),
        (D(2026, 4, 5), "Easter Sunday"), (D(2026, 4, 6), "Easter Monday"), (D(2026, 5, 1), "Labor Day"),
        (D(2026, 5, 14), "Ascension Day"), (D(2026, 5, 17), "Constitution Day"), (D(2026, 5, 24), "Pentecost"),
        (D(2026, 5, 25), "Pentecost Monday"), (D(2026, 12, 24), "Christmas Eve"), (D(2026, 12, 25), "Christmas Day"),
        (D(2026, 12, 26), "Second Day of Christmas"), (D(2026, 12, 31), "New Year's Eve"),
    ],
    "DK": [
        (D(2026, 1, 1), "New Year's Day"), (D(2026, 4, 2), "Maundy Thursday"), (D(2026, 4, 3), "Good Friday"),
        (D(2026, 4, 5), "Easter Sunday"), (D(2026, 4, 6), "Easter Monday"), (D(2026, 5, 14), "Ascension Day"),
        (D(2026, 5, 24), "Pentecost"), (D(2026, 5, 25), "Pentecost Monday"), (D(2026, 12, 24), "Christmas Eve"),
        (D(2026, 12, 25), "Christmas Day"), (D(2026, 12, 26), "Second Day of Christmas"),
        (D(2026, 12, 31), "New Year's Eve"),
    ],
    "FI": [
        (D(2026, 1, 1), "New Year's Day"), (D(2026, 1, 6), "Epiphany"), (D(2026, 4, 3), "Good Friday"),
        (D(2026, 4, 5), "Easter Sunday"), (D(2026, 4, 6), "Easter Monday"), (D(2026, 5, 1), "May Day"),
        (D(2026, 5, 14), "Ascension Day"), (D(2026, 5, 24), "Pentecost"), (D(2026, 6, 19), "Midsummer Eve"),
        (D(2026, 6, 20), "Midsummer Day"), (D(2026, 10, 31), "All Saints' Day"),
        (D(2026, 12, 6), "Independence Day"), (D(2026, 12, 24), "Christmas Eve"), (D(2026, 12, 25), "Christmas Day"),
        (D(2026, 12, 26), "Second Day of Christmas"), (D(2026, 12, 31), "New Year's Eve"),
    ],
}


def calendar_for(make_policy, country: str, *overrides, language: str | None = None) -> ClosedDayCalendar:
    policy = make_policy(country, *overrides)
    return ClosedDayCalendar(policy) if language is None else ClosedDayCalendar(policy, language=language)


def named(days) -> list[tuple[dt.date, str]]:
    return sorted((d.date, d.name) for d in days)


@pytest.mark.parametrize("country", ["SE", "NO", "DK", "FI"])
def test_closed_days_of_2026(make_policy, country):
    calendar = calendar_for(make_policy, country)
    assert named(calendar.closed_days_of_year(2026).values()) == EXPECTED_2026[country]


@pytest.mark.parametrize("country", ["SE", "NO", "DK", "FI"])
def test_the_2026_tables_agree_with_the_holidays_library(country):
    library = holidays.country_holidays(country, years=2026, language="en_US")
    eves = {D(2026, 12, 24), D(2026, 12, 31)} | ({D(2026, 6, 19)} if country in ("SE", "FI") else set())
    expected = dict(EXPECTED_2026[country])
    assert set(expected) == set(library) | eves
    assert all(library[day] == name for day, name in expected.items() if day in library)


def test_2027_names_two_holidays_on_one_date_and_moves_all_saints(make_policy):
    norway = calendar_for(make_policy, "NO")
    # Pentecost Monday falls on Norway's Constitution Day, 17 May 2027.
    assert norway.closed_day(D(2027, 5, 17)).name == "Constitution Day; Pentecost Monday"
    sweden, finland = calendar_for(make_policy, "SE"), calendar_for(make_policy, "FI")
    for calendar in (sweden, finland):
        assert calendar.closed_day(D(2027, 11, 6)).name == "All Saints' Day"  # 31 October 2027 is a Sunday
        assert calendar.closed_day(D(2027, 10, 31)) is None
        assert calendar.closed_day(D(2027, 6, 25)).name == "Midsummer Eve"
    assert {day for day, _ in named(sweden.closed_days_of_year(2027).values()) if day.month == 3} == {
        D(2027, 3, 26), D(2027, 3, 28), D(2027, 3, 29)}  # Easter 28 March 2027


def test_denmark_takes_only_the_two_eves_from_the_optional_category(make_policy):
    optional = holidays.country_holidays("DK", years=2026, categories=("optional",), language="en_US")
    # The library's optional category holds more than the desk closes on ...
    assert optional.get(D(2026, 5, 1)) == "Workers' Day" and optional.get(D(2026, 6, 5)) == "Constitution Day"
    calendar = calendar_for(make_policy, "DK")
    # ... but Workers' Day and Constitution Day are ordinary working days at the desk.
    assert calendar.closed_day(D(2026, 5, 1)) is None
    assert calendar.closed_day(D(2026, 6, 5)) is None
    for day, name in [(D(2026, 12, 24), "Christmas Eve"), (D(2026, 12, 31), "New Year's Eve")]:
        closed = calendar.closed_day(day)
        assert closed.name == name and closed.origin == "holidays: optional"


def test_denmark_closed_on_great_prayer_day_only_until_2023(make_policy):
    calendar = calendar_for(make_policy, "DK")
    assert calendar.closed_day(D(2023, 5, 5)).name == "Great Prayer Day"
    for year in range(2024, 2031):
        names = {d.name for d in calendar.closed_days_of_year(year).values()}
        assert "Great Prayer Day" not in names, year


@pytest.mark.parametrize("year", range(2024, 2031))
def test_every_desk_closes_on_christmas_eve_and_new_years_eve(make_policy, year):
    for country in ("SE", "NO", "DK", "FI"):
        calendar = calendar_for(make_policy, country)
        assert calendar.closed_day(D(year, 12, 24)).name == "Christmas Eve", country
        assert calendar.closed_day(D(year, 12, 31)).name == "New Year's Eve", country


@pytest.mark.parametrize("year", range(2024, 2031))
def test_midsummer_eve_closes_sweden_and_finland_only(make_policy, year):
    eve = next(D(year, 6, day) for day in range(19, 26) if D(year, 6, day).weekday() == 4)
    for country in ("SE", "FI"):
        assert calendar_for(make_policy, country).closed_day(eve).name == "Midsummer Eve"
    for country in ("NO", "DK"):
        assert calendar_for(make_policy, country).closed_day(eve) is None


def test_each_closed_day_says_where_it_comes_from(make_policy):
    assert calendar_for(make_policy, "SE").closed_day(D(2026, 12, 24)).origin == "holidays: de_facto"
    assert calendar_for(make_policy, "SE").closed_day(D(2026, 12, 25)).origin == "holidays: public"
    assert calendar_for(make_policy, "NO").closed_day(D(2026, 12, 24)).origin == "reference data"
    assert calendar_for(make_policy, "FI").closed_day(D(2026, 12, 24)).origin == "holidays: public"
    assert calendar_for(make_policy, "FI").closed_day(D(2026, 12, 31)).origin == "reference data"


def test_a_calendar_in_another_language_closes_the_same_dates(make_policy):
    english = calendar_for(make_policy, "DK")
    danish = calendar_for(make_policy, "DK", language="da")
    assert set(english.closed_days_of_year(2026)) == set(danish.closed_days_of_year(2026))
    assert danish.closed_day(D(2026, 12, 25)).name != "Christmas Day"  # really translated


def test_a_fixed_closed_day_on_29_february_closes_leap_years_only(bundled_policies):
    sweden = bundled_policies["SE"].desk
    rules = dataclasses.replace(sweden.closed_day_rules, fixed=(FixedClosedDay(2, 29, "Leap Day"),))
    calendar = ClosedDayCalendar(DeskPolicy(dataclasses.replace(sweden, closed_day_rules=rules)))
    assert calendar.closed_day(D(2028, 2, 29)).name == "Leap Day"
    assert calendar.closed_day(D(2028, 2, 28)) is None
    # A year without 29 February still has its other closed days.
    assert named(calendar.closed_days_of_year(2026).values()) == EXPECTED_2026["SE"]
    assert len(calendar.closed_days_between(D(2026, 1, 1), D(2028, 12, 31))) == (
        len(EXPECTED_2026["SE"]) * 3 + 1)  # 16 closed days a year in 2026-2028, plus the leap day


# --- administrator overrides ------------------------------------------------------------

def test_a_closed_date_override_adds_a_named_day_with_its_origin(make_policy, make_override):
    override = make_override(OverrideKind.CLOSED_DATE, on_date=D(2026, 11, 27), note="Office move")
    closed = calendar_for(make_policy, "SE", override).closed_day(D(2026, 11, 27))
    assert closed.name == "Office move"
    assert closed.origin == override.origin()
    assert closed.origin == "administrator override #7 by anna.admin on 2026-11-20: Office move"
    assert calendar_for(make_policy, "SE").closed_day(D(2026, 11, 27)) is None  # not without the override


def test_a_closed_date_override_replaces_a_holidays_name(make_policy, make_override):
    override = make_override(OverrideKind.CLOSED_DATE, "FI", on_date=D(2026, 12, 6), note="Itsenäisyyspäivä")
    calendar = calendar_for(make_policy, "FI", override)
    closed = calendar.closed_day(D(2026, 12, 6))
    assert closed.name == "Itsenäisyyspäivä" and "override #7" in closed.origin
    assert len(calendar.closed_days_of_year(2026)) == len(EXPECTED_2026["FI"])  # replaced, not added


def test_a_closed_date_override_without_note_and_without_author(make_policy, make_override):
    override = make_override(OverrideKind.CLOSED_DATE, "NO", on_date=D(2026, 8, 3), note="", by="")
    closed = calendar_for(make_policy, "NO", override).closed_day(D(2026, 8, 3))
    assert closed.name == "Closed"
    assert closed.origin == "administrator override #7 on 2026-11-20"


def test_an_override_applies_to_its_own_year_only(make_policy, make_override):
    override = make_override(OverrideKind.CLOSED_DATE, on_date=D(2027, 8, 3), note="Summer closure")
    calendar = calendar_for(make_policy, "SE", override)
    assert calendar.closed_day(D(2026, 8, 3)) is None
    assert calendar.closed_day(D(2027, 8, 3)).name == "Summer closure"


def test_shortened_days_and_weekday_hours_do_not_close_whole_dates(make_policy, make_override):
    shortened = make_override(OverrideKind.SHORTENED_DAY, on_date=D(2026, 12, 23), closes=dt.time(13))
    fridays = make_override(OverrideKind.WEEKDAY_HOURS, id=8, weekday=4, hours=DayHours(dt.time(9), dt.time(15)))
    calendar = calendar_for(make_policy, "SE", shortened, fridays)
    assert named(calendar.closed_days_of_year(2026).values()) == EXPECTED_2026["SE"]


# --- ranges -----------------------------------------------------------------------------

def test_closed_days_between_crosses_the_year_boundary_in_date_order(make_policy, make_override):
    override = make_override(OverrideKind.CLOSED_DATE, on_date=D(2027, 1, 5), note="Inventory")
    calendar = calendar_for(make_policy, "SE", override)
    days = calendar.closed_days_between(D(2026, 12, 20), D(2027, 1, 10))
    assert [(d.date, d.name) for d in days] == [
        (D(2026, 12, 24), "Christmas Eve"), (D(2026, 12, 25), "Christmas Day"),
        (D(2026, 12, 26), "Second Day of Christmas"), (D(2026, 12, 31), "New Year's Eve"),
        (D(2027, 1, 1), "New Year's Day"), (D(2027, 1, 5), "Inventory"), (D(2027, 1, 6), "Epiphany"),
    ]


def test_closed_days_between_includes_both_ends(make_policy):
    calendar = calendar_for(make_policy, "NO")
    days = calendar.closed_days_between(D(2026, 12, 24), D(2026, 12, 31))
    assert [d.date for d in days] == [D(2026, 12, 24), D(2026, 12, 25), D(2026, 12, 26), D(2026, 12, 31)]
    assert calendar.closed_days_between(D(2026, 12, 27), D(2026, 12, 30)) == []


def test_closed_days_between_over_several_years(make_policy):
    days = calendar_for(make_policy, "DK").closed_days_between(D(2024, 1, 1), D(2030, 12, 31))
    dates = [d.date for d in days]
    assert dates == sorted(dates) and len(set(dates)) == len(dates)
    assert sum(1 for d in days if d.name == "Christmas Eve") == 7


# --- names in the reader's language ---------------------------------------------------

LANGUAGES = ("en", "sv", "nb", "da", "fi")


@given(country=st.sampled_from(["SE", "NO", "DK", "FI"]), year=st.integers(2024, 2030))
def test_the_closed_dates_and_their_origins_are_the_same_in_every_language(make_policy, country, year):
    calendars = [calendar_for(make_policy, country, language=language) for language in LANGUAGES]
    english = calendars[0].closed_days_of_year(year)
    for calendar in calendars[1:]:
        days = calendar.closed_days_of_year(year)
        assert set(days) == set(english), calendar.language
        assert {d: c.origin for d, c in days.items()} == {d: c.origin for d, c in english.items()}
        assert all(c.name for c in days.values())


@pytest.mark.parametrize(("country", "language", "day", "name"), [
    ("FI", "fi", D(2026, 6, 19), "Juhannusaatto"),
    ("FI", "fi", D(2026, 12, 24), "Jouluaatto"),
    ("FI", "fi", D(2026, 12, 6), "Itsenäisyyspäivä"),
    ("SE", "sv", D(2026, 6, 19), "Midsommarafton"),
    ("SE", "sv", D(2026, 12, 24), "Julafton"),
    ("SE", "sv", D(2026, 12, 31), "Nyårsafton"),
    ("DK", "da", D(2026, 12, 24), "Juleaftensdag"),
    ("DK", "da", D(2026, 12, 31), "Nytårsaften"),
    ("DK", "da", D(2026, 12, 25), "Juledag"),
    ("NO", "nb", D(2026, 12, 25), "Første juledag"),
    ("NO", "nb", D(2026, 5, 17), "Grunnlovsdag"),
])
def test_holidays_are_named_in_the_readers_language(make_policy, country, language, day, name):
    assert calendar_for(make_policy, country, language=language).closed_day(day).name == name


@pytest.mark.parametrize(("country", "language", "day", "name"), [
    # Issue 16: the library has no Norwegian, Danish or Finnish names for Sweden, nor
    # Swedish ones for Norway and Denmark: holiday_names.toml says them in the reader's
    # language, never in a neighbour's.
    ("SE", "nb", D(2026, 12, 24), "Julaften"),
    ("SE", "da", D(2026, 6, 19), "Midsommeraften"),
    ("SE", "fi", D(2026, 12, 24), "Jouluaatto"),
    ("SE", "fi", D(2026, 6, 6), "Ruotsin kansallispäivä"),
    ("NO", "sv", D(2026, 12, 26), "Annandag jul"),
    ("NO", "fi", D(2026, 5, 17), "Norjan perustuslakipäivä"),
    ("DK", "sv", D(2026, 12, 24), "Julafton"),
    ("DK", "fi", D(2026, 12, 25), "Joulupäivä"),
    # Finland's calendar in Swedish is the library's own (sv_FI).
    ("FI", "sv", D(2026, 6, 19), "Midsommarafton"),
    ("FI", "nb", D(2026, 12, 24), "Julaften"),
    ("FI", "da", D(2026, 12, 6), "Finlands selvstændighedsdag"),
])
def test_a_language_the_library_lacks_comes_from_the_names_catalogue(make_policy, country, language, day, name):
    assert calendar_for(make_policy, country, language=language).closed_day(day).name == name


def test_the_eves_the_reference_data_adds_are_named_through_the_catalogue(make_policy, make_override):
    # `holidays` lists neither eve for Norway, nor New Year's Eve for Finland, in any
    # language: the names are Messages the desktop says in the agent's language.
    for country, day, english in (("NO", D(2026, 12, 24), "Christmas Eve"), ("NO", D(2026, 12, 31), "New Year's Eve"),
                                  ("FI", D(2026, 12, 31), "New Year's Eve")):
        name = calendar_for(make_policy, country, language="nb").closed_day(day).name
        assert isinstance(name, Message) and name.template == english
    override = make_override(OverrideKind.CLOSED_DATE, "NO", on_date=D(2026, 8, 3), note="")
    closed = calendar_for(make_policy, "NO", override, language="fi").closed_day(D(2026, 8, 3))
    assert isinstance(closed.name, Message) and closed.name.template == "Closed"


def test_an_unknown_language_names_the_days_in_english(make_policy):
    assert calendar_for(make_policy, "SE", language="de").closed_day(D(2026, 12, 24)).name == "Christmas Eve"


def test_the_answerer_names_closed_days_in_its_language_and_keeps_its_caches(bundled_policies):
    english = HoursAnswerer(bundled_policies)
    finnish = english.in_language("fi")
    christmas_eve = dt.datetime(2026, 12, 24, 10, 0)
    assert english.status("FI", christmas_eve).closed_reason == "Christmas Eve"
    assert finnish.status("FI", christmas_eve).closed_reason == "Jouluaatto"
    assert finnish.status("FI", christmas_eve).next_open == english.status("FI", christmas_eve).next_open
    # Back to English: the very same calendar, its years already computed.
    assert finnish.in_language("en").calendar("FI") is english.calendar("FI")


def test_a_name_from_an_english_calendar_can_still_be_said_in_the_readers_language(store):
    """Services and the JSON contract work in English; whoever shows the name later asks
    it for the reader's language (the library's own translations)."""
    from domain.closed_days import ClosedDayCalendar, HolidayName
    from domain.services.hours import load_policies

    policies = load_policies(store)
    midsummer = ClosedDayCalendar(policies["FI"]).closed_day(dt.date(2026, 6, 19)).name
    christmas_se = ClosedDayCalendar(policies["SE"]).closed_day(dt.date(2026, 12, 25)).name

    assert isinstance(midsummer, HolidayName) and midsummer == "Midsummer Eve"
    assert midsummer.own_words("fi") == "Juhannusaatto"
    assert christmas_se.own_words("sv") == "Juldagen"
    assert christmas_se.own_words("fi") == "Joulupäivä"  # no Finnish for Sweden in the library: holiday_names.toml
    assert copy.deepcopy(midsummer).own_words("fi") == "Juhannusaatto"
