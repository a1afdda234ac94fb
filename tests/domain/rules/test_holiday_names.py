"""Every holiday name is in the reader's language (issue 16: "Finnish UI: SE/NO/DK holiday
names appear in English, and a Swedish UI shows Danish and Norwegian names").

Real calendars from the bundled reference data, every desk, every app language."""
from __future__ import annotations

import datetime as dt

import holidays
import pytest

from desktop.common import i18n
from domain.closed_days import CONTRACT_LANGUAGE, ClosedDayCalendar, holidays_language, name_catalogue
from domain.messages import Message

COUNTRIES = ("SE", "NO", "DK", "FI")
LANGUAGES = ("en", "sv", "nb", "da", "fi")
# Names that are the same word in English and the reader's language; none today.
SAME_WORD: set[tuple[str, str]] = set()


def shown(name: str, language: str) -> str:
    """The name as the desktop shows it to a reader of `language` (through `_()`)."""
    with i18n.in_language(language):
        return i18n._(name)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("country", COUNTRIES)
def test_every_closed_day_is_named_in_the_readers_language(bundled_policies, country, language):
    english = ClosedDayCalendar(bundled_policies[country])
    local = ClosedDayCalendar(bundled_policies[country], language)
    for year in (2025, 2026, 2027):
        english_days = english.closed_days_of_year(year)
        for day, closed in local.closed_days_of_year(year).items():
            english_name = str.__str__(english_days[day].name)
            # Both ways the desktop gets a name: a calendar built for the reader, and the
            # English calendar of the CLI and the services said through `_()`.
            for name in (shown(closed.name, language), shown(english_days[day].name, language)):
                assert name.strip(), (country, language, day)
                if language != "en" and (english_name, language) not in SAME_WORD:
                    assert name != english_name, (country, language, day, name)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_swedish_eves_are_named(bundled_policies, language):
    calendar = ClosedDayCalendar(bundled_policies["SE"], language)
    expected = {"en": ("Midsummer Eve", "Christmas Eve", "New Year's Eve"),
                "sv": ("Midsommarafton", "Julafton", "Nyårsafton"),
                "nb": ("Midtsommeraften", "Julaften", "Nyttårsaften"),
                "da": ("Midsommeraften", "Juleaften", "Nytårsaften"),
                "fi": ("Juhannusaatto", "Jouluaatto", "Uudenvuodenaatto")}[language]
    for year in (2025, 2026, 2027):
        midsummer_eve = next(d for d in calendar.closed_days_of_year(year) if d.month == 6 and d.weekday() == 4
                             and 19 <= d.day <= 25)
        eves = (midsummer_eve, dt.date(year, 12, 24), dt.date(year, 12, 31))
        assert tuple(shown(calendar.closed_day(day).name, language) for day in eves) == expected


@pytest.mark.parametrize("country", COUNTRIES)
def test_the_catalogue_covers_every_language_the_library_lacks(country):
    """holiday_names.toml holds a name for each holiday the library names in English
    (2020-2032, Great Prayer Day included) in every app language it lacks, and nothing
    the library already says."""
    lacking = {language for language in LANGUAGES[1:] if holidays_language(country, language) is None}
    names = name_catalogue()[country]
    library = {part.strip() for year in range(2020, 2033)
               for name in holidays.country_holidays(country, years=year, language=CONTRACT_LANGUAGE,
                                                      categories=getattr(holidays, country).supported_categories
                                                      ).values()
               for part in name.split(";")}
    for english in library & set(names):
        assert set(names[english]) == lacking, (country, english)
    assert set(names) <= library  # no name for a holiday the library does not know


def test_a_name_nobody_has_in_a_language_stays_english(bundled_policies):
    german = ClosedDayCalendar(bundled_policies["SE"], "de").closed_day(dt.date(2026, 12, 25)).name
    assert isinstance(german, Message) and german == "Christmas Day"
