"""Every visible string goes through `_()`; dates and times through babel.

gettext catalogues live in resources/translations (the localisation issue fills them);
until a catalogue exists for a language, English is shown. `_` looks the translation
up at call time, so switching language later needs no restart: views re-read their
texts on a language-change event.
"""
from __future__ import annotations

import datetime as dt
import gettext
from importlib import resources
from pathlib import Path

DOMAIN = "deskguide"
_translation: gettext.NullTranslations = gettext.NullTranslations()
_locale = "en"


def translations_dir() -> Path:
    return Path(str(resources.files("resources"))) / "translations"


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
