"""Which dates a desk is closed, and what each closed day is called.

The country's calendar comes from the `holidays` library (maintained, covers Easter,
Midsummer and each country's changes over the years, such as Denmark abolishing Great
Prayer Day from 2024); the desk's closed-day rules say which of its categories and
which extra eves count (reference data, resources/reference/desks.toml).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

import holidays

from domain.desks import DeskPolicy, OverrideKind

# Names in the JSON contract are the library's English ones (e.g. "Christmas Eve").
CONTRACT_LANGUAGE = "en_US"


@dataclass(frozen=True)
class ClosedDay:
    date: dt.date
    name: str
    origin: str  # "holidays: public", "reference: fixed eve", "administrator override #3 ..."


@lru_cache(maxsize=512)
def _library_days(country: str, category: str, year: int, language: str) -> dict[dt.date, str]:
    calendar = holidays.country_holidays(country, years=year, categories=(category,), language=language)
    return dict(calendar.items())


def _split_names(name: str) -> list[str]:
    # The library joins two holidays on one date with "; " (e.g. Finland's flag day).
    return [part.strip() for part in name.split(";")]


class ClosedDayCalendar:
    """The closed days of one desk, year by year, cached."""

    def __init__(self, policy: DeskPolicy, language: str = CONTRACT_LANGUAGE):
        self.policy = policy
        self.language = language
        self._years: dict[int, dict[dt.date, ClosedDay]] = {}

    def closed_day(self, day: dt.date) -> ClosedDay | None:
        return self.closed_days_of_year(day.year).get(day)

    def closed_days_of_year(self, year: int) -> dict[dt.date, ClosedDay]:
        if year not in self._years:
            self._years[year] = self._compute(year)
        return self._years[year]

    def closed_days_between(self, first: dt.date, last: dt.date) -> list[ClosedDay]:
        days: list[ClosedDay] = []
        for year in range(first.year, last.year + 1):
            days.extend(d for d in self.closed_days_of_year(year).values() if first <= d.date <= last)
        return sorted(days, key=lambda d: d.date)

    def _compute(self, year: int) -> dict[dt.date, ClosedDay]:
        rules = self.policy.desk.closed_day_rules
        country = self.policy.desk.country
        days: dict[dt.date, ClosedDay] = {}
        for category in rules.holidays_categories:
            for day, name in _library_days(country, category, year, self.language).items():
                days.setdefault(day, ClosedDay(day, name, f"holidays: {category}"))
        for named in rules.holidays_named:
            english = _library_days(country, named.category, year, CONTRACT_LANGUAGE)
            local = _library_days(country, named.category, year, self.language)
            for day, name in english.items():
                if named.name in _split_names(name):
                    days.setdefault(day, ClosedDay(day, local.get(day, name), f"holidays: {named.category}"))
        for fixed in rules.fixed:
            try:
                day = dt.date(year, fixed.month, fixed.day)
            except ValueError:  # 29 February (accepted by reference_data) outside leap years
                continue
            days.setdefault(day, ClosedDay(day, fixed.name, "reference data"))
        for override in self.policy.overrides_of(OverrideKind.CLOSED_DATE):
            if override.on_date and override.on_date.year == year:
                # An administrator's closure wins, so its origin shows in the answer.
                name = override.note or "Closed"
                days[override.on_date] = ClosedDay(override.on_date, name, override.origin(self.policy.desk.zone))
        return days
