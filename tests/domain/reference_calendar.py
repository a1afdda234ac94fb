"""A plain reference calendar for the property tests, written apart from domain/.

It reads the `holidays` library directly and adds the eves the desks close on by date
(issue "Foundation and opening hours"), so the tests compare the app's data-driven
calendar with an independent one. Shared by the opening-hours and the business-time
property tests: both clocks must agree on which days are closed.
"""
from __future__ import annotations

import datetime as dt
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

UTC = dt.timezone.utc
MINUTE = dt.timedelta(minutes=1)
COUNTRIES = ("SE", "NO", "DK", "FI")
ZONES = {
    "SE": ZoneInfo("Europe/Stockholm"),
    "NO": ZoneInfo("Europe/Oslo"),
    "DK": ZoneInfo("Europe/Copenhagen"),
    "FI": ZoneInfo("Europe/Helsinki"),
}


def midsummer_eve(year: int) -> dt.date:
    """The Friday between 19 and 25 June."""
    return next(dt.date(year, 6, day) for day in range(19, 26) if dt.date(year, 6, day).weekday() == 4)


@lru_cache(maxsize=None)
def reference_closed_dates(country: str, year: int) -> dict[dt.date, str]:
    """Public holidays from the library, plus the eves each country's desk closes on."""
    days = dict(holidays.country_holidays(country, years=year, language="en_US"))
    eves = {
        "SE": [(midsummer_eve(year), "Midsummer Eve"), (dt.date(year, 12, 24), "Christmas Eve"),
               (dt.date(year, 12, 31), "New Year's Eve")],
        "NO": [(dt.date(year, 12, 24), "Christmas Eve"), (dt.date(year, 12, 31), "New Year's Eve")],
        "DK": [(dt.date(year, 12, 24), "Christmas Eve"), (dt.date(year, 12, 31), "New Year's Eve")],
        # Finland's public calendar already has Midsummer Eve and Christmas Eve.
        "FI": [(dt.date(year, 12, 31), "New Year's Eve")],
    }[country]
    for day, name in eves:
        days.setdefault(day, name)
    return days


def same_instant(a: dt.datetime | None, b: dt.datetime | None) -> bool:
    """Compared in UTC: an instant in the repeated autumn hour never compares equal to one
    in another zone (PEP 495), even when both are the same moment."""
    if a is None or b is None:
        return a is b
    return a.astimezone(UTC) == b.astimezone(UTC)


def last_sunday(year: int, month: int) -> dt.date:
    last = dt.date(year, month, 31)  # March and October both have 31 days
    return last - dt.timedelta(days=(last.weekday() - 6) % 7)


def easter_sunday(year: int) -> dt.date:
    """Anonymous Gregorian algorithm (Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)
