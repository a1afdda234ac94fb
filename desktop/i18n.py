"""Every visible string goes through `_()`; dates and times through babel.

gettext catalogues live in resources/translations (the localisation issue fills them);
until a catalogue exists for a language, English is shown. `_` looks the translation
up at call time, so switching language later needs no restart: views re-read their
texts on a language-change event.
"""
from __future__ import annotations

import datetime as dt
import gettext
from pathlib import Path

DOMAIN = "deskguide"
_translation: gettext.NullTranslations = gettext.NullTranslations()
_locale = "en"


def translations_dir() -> Path:
    import resources

    return resources.TRANSLATIONS


def set_language(locale: str) -> None:
    """Use `locale` ("sv", "nb", "da", "fi", "en") for every later `_()` call."""
    global _translation, _locale
    _translation = gettext.translation(DOMAIN, translations_dir(), languages=[locale], fallback=True)
    _locale = locale


def current_locale() -> str:
    return _locale


def _(message: str) -> str:
    return _translation.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translation.ngettext(singular, plural, n)


def format_time(moment: dt.datetime) -> str:
    from babel.dates import format_time as babel_time

    return babel_time(moment, format="short", locale=_locale)


def format_date(day: dt.date, fmt: str = "full") -> str:
    from babel.dates import format_date as babel_date

    return babel_date(day, format=fmt, locale=_locale)


def format_datetime(moment: dt.datetime, fmt: str = "EEE d MMM y HH:mm") -> str:
    from babel.dates import format_datetime as babel_datetime

    return babel_datetime(moment, format=fmt, tzinfo=moment.tzinfo, locale=_locale)


def _clock_locale() -> str:
    # Babel's plain "en" is American (8:00 AM); the desks, the terms and the CLI all
    # speak 24-hour time, so English reads the clock the British way (08:00).
    return "en_GB" if _locale == "en" else _locale


def format_clock(moment: dt.datetime | dt.time) -> str:
    """A time of day the way the current language writes it: 17:00, 17.00, 8.00."""
    from babel.dates import format_time as babel_time

    tzinfo = moment.tzinfo if isinstance(moment, dt.datetime) else None
    return babel_time(moment, format="short", tzinfo=tzinfo, locale=_clock_locale())


def format_day_names(weekdays: list[int], width: str = "abbreviated") -> list[str]:
    """Weekday names (Monday=0) in the current language."""
    from babel.dates import get_day_names

    names = get_day_names(width, context="format", locale=_locale)
    return [names[day] for day in weekdays]
