"""Which dates a desk is closed, and what each closed day is called.

The country's calendar comes from the `holidays` library (maintained, covers Easter,
Midsummer and each country's changes over the years, such as Denmark abolishing Great
Prayer Day from 2024); the desk's closed-day rules say which of its categories and
which extra eves count (reference data, resources/reference/desks.toml).

Names follow the reader's language, the dates never do (issue 16: "every holiday name in
the UI language"): the library names a country's holidays in that country's language and
in English (Finland's in Swedish too); a reader of another language gets the name from
resources/reference/holiday_names.toml, keyed by country and the library's English name.
The eves the reference data adds are Messages, said in the reader's language at display
time through the gettext catalogue.

Issue 17: the library's answers are kept in the database (`library_snapshot`, filled when
the store opens; domain/store/quick_read.py reads it back with `use_library_snapshot`), so
a command's first answer need not import `holidays` (it loads every country, ~100 ms).
A snapshot names the library's version; one made by another version is not used, and a
question it does not hold (another year, category or language) asks the library itself.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from domain.desks import DeskPolicy, OverrideKind
from domain.messages import Message, data_text

# Names in the JSON contract are the library's English ones (e.g. "Christmas Eve").
CONTRACT_LANGUAGE = "en_US"
# The library's language for a reader of each of the app's languages (issue 16: a Finn
# reading Sweden's calendar gets Finnish, a Swede reading Norway's gets Swedish, never a
# neighbour's language); where the country's calendar lacks it, holiday_names.toml.
NAME_LANGUAGES = {"en": CONTRACT_LANGUAGE, "sv": "sv", "nb": "no", "da": "da", "fi": "fi"}
NAMES_FILE = "holiday_names.toml"


@dataclass(frozen=True)
class ClosedDay:
    date: dt.date
    name: str  # the library's name in the calendar's language, or a Message (an eve, "Closed")
    origin: str  # "holidays: public", "reference data", "administrator override #3 ..." (Messages)


@lru_cache(maxsize=None)
def holidays_language(country: str, language: str) -> str | None:
    """The library's language for `country`'s holiday names read in the app language
    `language` ("sv" -> "sv" in Sweden, "sv_FI" in Finland, None in Norway: the
    library has no Swedish names for Norway's holidays)."""
    wanted = NAME_LANGUAGES.get(language)
    if wanted is None:
        return None
    offered = _supported_languages(country)
    if wanted in offered:
        return wanted
    regional = [code for code in offered if code.split("_")[0] == wanted]  # Finland's "sv_FI"
    return regional[0] if regional else None


@lru_cache(maxsize=1)
def name_catalogue() -> dict[str, dict[str, dict[str, str]]]:
    """holiday_names.toml: country -> English name -> language -> name."""
    from domain.reference_data import load_toml, reference_dir

    return load_toml(reference_dir() / NAMES_FILE)


def catalogue_name(country: str, english: str, language: str) -> str | None:
    """`english` (the library's name, two holidays joined by "; ") in `language` from
    holiday_names.toml, or None when a part is missing there."""
    names = name_catalogue().get(country, {})
    parts = [names.get(part, {}).get(language) for part in _split_names(english)]
    return None if None in parts else "; ".join(parts)


# The library's answers read from the database (use_library_snapshot): None, or
# {"languages": {country: [code, ...]}, "days": {day_key(...): {ISO date: name}}}.
_snapshot: dict | None = None


def day_key(country: str, category: str, year: int, language: str) -> str:
    return f"{country}|{category}|{year}|{language}"


def use_library_snapshot(snapshot: dict | None) -> dict | None:
    """Answer from `snapshot` (library_snapshot's, made by this version of `holidays`:
    the caller checks) where it can; None: ask the library. Returns the one it replaces,
    so a caller can put it back (the command line does at the end of every run)."""
    global _snapshot
    previous, _snapshot = _snapshot, snapshot
    if snapshot is not previous:
        _library_days.cache_clear()
        holidays_language.cache_clear()
    return previous


def library_snapshot_in_use() -> dict | None:
    return _snapshot


def _supported_languages(country: str) -> list[str]:
    if _snapshot is not None and country in _snapshot.get("languages", {}):
        return _snapshot["languages"][country]
    import holidays

    return list(getattr(holidays, country).supported_languages)


@lru_cache(maxsize=512)
def _library_days(country: str, category: str, year: int, language: str) -> dict[dt.date, str]:
    if _snapshot is not None:
        kept = _snapshot.get("days", {}).get(day_key(country, category, year, language))
        if kept is not None:
            return {dt.date.fromisoformat(day): name for day, name in kept.items()}
    import holidays  # only for what no snapshot holds: importing it loads every country

    calendar = holidays.country_holidays(country, years=year, categories=(category,), language=language)
    return dict(calendar.items())


def library_version() -> str | None:
    """The installed `holidays` library's version, read from its dist-info folder's name
    without importing it (its own __version__ imports importlib.metadata); None when
    that cannot be told, then no snapshot is trusted."""
    import importlib.util
    from pathlib import Path

    try:
        spec = importlib.util.find_spec("holidays")
        if spec is None or spec.origin is None:
            return None
        found = list(Path(spec.origin).parent.parent.glob("holidays-*.dist-info"))
    except (ImportError, OSError, ValueError):
        return None
    if len(found) != 1:
        return None
    return found[0].name.removeprefix("holidays-").removesuffix(".dist-info")


def library_snapshot(categories: dict[str, set[str]], years: list[int]) -> dict:
    """The library's answers a desk needs in `years`: for each country and its
    `categories` (the desks' closed-day rules), the closed days in the contract's
    language and in every language a reader of an app language gets from the library,
    and the languages the library offers per country; JSON-ready, named by version."""
    languages = {country: _library_languages(country) for country in categories}
    days = {}
    for country, wanted in categories.items():
        codes = {CONTRACT_LANGUAGE} | {code for code in (holidays_language(country, app) for app in NAME_LANGUAGES)
                                       if code is not None}
        for category in sorted(wanted):
            for year in years:
                for code in sorted(codes):
                    days[day_key(country, category, year, code)] = {
                        day.isoformat(): name for day, name in _library_days(country, category, year, code).items()}
    return {"holidays": library_version(), "years": list(years),
            "categories": {country: sorted(wanted) for country, wanted in categories.items()},
            "languages": languages, "days": days}


def _library_languages(country: str) -> list[str]:
    import holidays

    return list(getattr(holidays, country).supported_languages)


class HolidayName(Message):
    """A closed day's name as the `holidays` library gives it in English, which can say
    itself in any app language from the library's own translations (so a calendar built
    for the JSON contract or a service still names the day in the reader's language)."""

    def __new__(cls, name: str, country: str, category: str, day: dt.date) -> HolidayName:
        self = super().__new__(cls, name)
        self.where = (country, category, day)
        return self

    def __reduce__(self):
        return HolidayName, (str.__str__(self), *self.where)

    def own_words(self, language: str) -> str | None:
        country, category, day = self.where
        return holiday_name(country, category, day, str.__str__(self), language)


def holiday_name(country: str, category: str, day: dt.date, english: str, language: str) -> str | None:
    """The name of `country`'s holiday on `day` (the library calls it `english`) for a
    reader of `language`: the library's own, else holiday_names.toml; None when neither
    knows it (an unknown language), then the caller says it in English."""
    if language == "en":
        return english
    names_in = holidays_language(country, language)
    if names_in is not None:
        return _library_days(country, category, day.year, names_in).get(day)
    return catalogue_name(country, english, language)


def _split_names(name: str) -> list[str]:
    # The library joins two holidays on one date with "; " (e.g. Finland's flag day).
    return [part.strip() for part in name.split(";")]


class ClosedDayCalendar:
    """The closed days of one desk, year by year, cached, named for a reader of
    `language` (one of the app's language codes: "en", "sv", "nb", "da", "fi")."""

    def __init__(self, policy: DeskPolicy, language: str = "en"):
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
            for day, name in _library_days(country, category, year, CONTRACT_LANGUAGE).items():
                days.setdefault(day, ClosedDay(day, self._name(name, country, category, day), _library_origin(category)))
        for named in rules.holidays_named:
            for day, name in _library_days(country, named.category, year, CONTRACT_LANGUAGE).items():
                if named.name in _split_names(name):
                    days.setdefault(day, ClosedDay(day, self._name(name, country, named.category, day),
                                                   _library_origin(named.category)))
        for fixed in rules.fixed:
            try:
                day = dt.date(year, fixed.month, fixed.day)
            except ValueError:  # 29 February (accepted by reference_data) outside leap years
                continue
            # The library does not list these eves in any language: the catalogue names them.
            days.setdefault(day, ClosedDay(day, data_text(fixed.name), Message("reference data")))
        for override in self.policy.overrides_of(OverrideKind.CLOSED_DATE):
            if override.on_date and override.on_date.year == year:
                # An administrator's closure wins, so its origin shows in the answer.
                name = override.note or Message("Closed")
                days[override.on_date] = ClosedDay(override.on_date, name, override.origin(self.policy.desk.zone))
        return days

    def _name(self, english: str, country: str, category: str, day: dt.date) -> str:
        # A calendar built for a reader already speaks the reader's language; an English
        # one (the JSON contract, the services) gives HolidayNames, which `_()` can still
        # say in the reader's language later. So does a name nobody has in this language.
        if self.language != "en":
            local = holiday_name(country, category, day, english, self.language)
            if local:
                return local
        return HolidayName(english, country, category, day)


def _library_origin(category: str) -> Message:
    # Translators: where a closed day comes from: "holidays" is the calendar library's
    # name and {category} its category code (public, de_facto, optional); keep both.
    return Message("holidays: {category}", category=category)


def needed_categories(policies) -> dict[str, set[str]]:
    """The library's categories each desk's closed-day rules read: country -> categories."""
    needed = {}
    for country, policy in policies.items():
        rules = policy.desk.closed_day_rules
        needed[country] = set(rules.holidays_categories) | {named.category for named in rules.holidays_named}
    return needed


def snapshot_fits(snapshot: dict | None, policies, years) -> bool:
    """Whether `snapshot` answers for these desks' rules in `years` as the installed
    library would: made by the same version, for these categories and years."""
    if not isinstance(snapshot, dict) or snapshot.get("holidays") is None:
        return False
    if snapshot["holidays"] != library_version() or not set(years) <= set(snapshot.get("years", ())):
        return False
    kept = snapshot.get("categories", {})
    return all(wanted <= set(kept.get(country, ())) for country, wanted in needed_categories(policies).items())
