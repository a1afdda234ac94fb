"""How the agent's side words dates, counts and days left: each language its own way
(CLDR's formats through desktop.common.i18n), not one English pattern for all."""
from __future__ import annotations

import datetime as dt

import pytest

from desktop.common import i18n
from desktop.wording.notice import day_text, days_left_text, long_day_text, number_text, short_date_text

FRIDAY = dt.date(2027, 1, 29)


@pytest.fixture(autouse=True)
def english_after():
    yield
    i18n.set_language("en")


@pytest.mark.parametrize(("language", "day", "long_day", "short"), [
    ("sv", "fre 29 jan. 2027", "fredag 29 januari 2027", "29 jan. 2027"),
    ("nb", "fre. 29. jan. 2027", "fredag 29. januar 2027", "29. jan. 2027"),
    ("da", "fre. 29. jan. 2027", "fredag den 29. januar 2027", "29. jan. 2027"),
    ("fi", "pe 29.1.2027", "perjantaina 29. tammikuuta 2027", "29.1.2027"),
])
def test_each_language_writes_dates_its_own_way(language, day, long_day, short):
    i18n.set_language(language)
    assert (day_text(FRIDAY), long_day_text(FRIDAY), short_date_text(FRIDAY)) == (day, long_day, short)


def test_counts_are_grouped_the_languages_way():
    assert number_text(100_000) == "100,000"
    i18n.set_language("sv")
    assert number_text(100_000) == "100\xa0000"  # a no-break space: the number never wraps


@pytest.mark.parametrize("language", ["sv", "nb", "da", "fi"])
def test_days_left_has_a_singular_and_a_plural(language):
    i18n.set_language(language)
    with i18n.in_language("en"):
        english = (days_left_text(1), days_left_text(5), days_left_text(-1), days_left_text(0))
    assert english == ("1 day left", "5 days left", "1 day ago", "today")
    one, five = days_left_text(1), days_left_text(5)
    assert "1" in one and "5" in five
    assert one.replace("1", "") != five.replace("5", "")  # the words differ: singular and plural
    translated = (one, five, days_left_text(-1), days_left_text(0))
    assert all(said != source for said, source in zip(translated, english))  # once the catalogue has them
