"""Every visible string goes through `_()`; dates and times through babel.

gettext catalogues live in resources/translations (`.po` sources, `.mo` compiled by
`python3 dev.py setup` and by the bundle build; see docs/localisation.md). A language
without a compiled catalogue shows English. `_` looks the translation up at call
time, so switching language needs no restart: views re-read their texts on Qt's
LanguageChange event.

`_` also says the domain's sentences (domain/messages.py `Message`) in the current
language: the template is looked up, then the values are filled in, dates the way the
language writes them. `in_language()` borrows another language for a moment: the
customer's message is written in the customer's language, whatever the agent reads.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import gettext
from collections.abc import Iterator
from pathlib import Path

from domain.messages import Message

DOMAIN = "deskguide"
LANGUAGES = ("en", "sv", "nb", "da", "fi")  # the app's languages, English first
# Each language's name in itself: a language menu must be readable by whoever needs it.
LANGUAGE_NAMES = {"en": "English", "sv": "Svenska", "nb": "Norsk (bokmål)", "da": "Dansk", "fi": "Suomi"}
# The language a desk country's customers are written to in (Finland: Finnish; the
# Swedish-speaking Finns are a minority the agent can choose for by hand).
COUNTRY_LANGUAGES = {"SE": "sv", "NO": "nb", "DK": "da", "FI": "fi"}
_translation: gettext.NullTranslations = gettext.NullTranslations()
_locale = "en"


def translations_dir() -> Path:
    import resources

    return resources.TRANSLATIONS


def normalise_language(code: str | None) -> str | None:
    """"sv_SE", "sv-FI", "no", "nn" -> one of LANGUAGES; None for a language the app lacks."""
    if not code:
        return None
    language = code.replace("-", "_").split("_")[0].split(".")[0].lower()
    language = {"no": "nb", "nn": "nb"}.get(language, language)
    return language if language in LANGUAGES else None


def _catalogue(locale: str) -> gettext.NullTranslations:
    if locale == "en":  # the source language: the msgids are the English texts
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, translations_dir(), languages=[locale], fallback=True)


def has_catalogue(locale: str) -> bool:
    """True when `locale`'s compiled catalogue is installed (English needs none)."""
    return locale == "en" or type(_catalogue(locale)) is not gettext.NullTranslations


def set_language(locale: str) -> None:
    """Use `locale` ("sv", "nb", "da", "fi", "en") for every later `_()` call."""
    global _translation, _locale
    _translation = _catalogue(locale)
    _locale = locale


def current_locale() -> str:
    return _locale


@contextlib.contextmanager
def in_language(locale: str) -> Iterator[None]:
    """Speak `locale` inside the block (e.g. a message for the customer), then the
    agent's language again. GUI thread only, like every other use of `_`."""
    saved = (_translation, _locale)
    set_language(locale)
    try:
        yield
    finally:
        _set_state(*saved)


def _set_state(translation: gettext.NullTranslations, locale: str) -> None:
    global _translation, _locale
    _translation, _locale = translation, locale


def _(message: str) -> str:
    """`message` in the current language: a literal msgid, a reference-data text, or a
    domain Message (template looked up, values filled in)."""
    if isinstance(message, Message):
        return _say(message)
    return _translation.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translation.ngettext(singular, plural, n)


def _say(message: Message) -> str:
    if _locale == "en":
        return str.__str__(message)  # the domain already wrote it in English
    own = message.own_words(_locale)
    if own is not None:
        return own
    if message.plural is None:
        template = _translation.gettext(message.template)
    else:
        template = _translation.ngettext(message.template, message.plural, message.count)
    if not message.params:
        return template
    values = {name: _value(value) for name, value in message.params.items()}
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        # A catalogue with a broken placeholder must not hide the answer: say it in
        # English (tests/test_catalogues.py keeps this from shipping).
        return str.__str__(message)


def _value(value: object) -> object:
    """A value inside a translated sentence, written the way the language writes it."""
    if isinstance(value, Message):
        return _say(value)
    if isinstance(value, dt.datetime):
        return format_moment(value, "yMMMMd")
    if isinstance(value, dt.date):
        return format_date(value, "long")
    if isinstance(value, dt.time):
        return format_clock(value)
    return value


def placeholders(text: str) -> set[str]:
    """The `{name}` fields of a template (what a translation must keep)."""
    import string

    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


def country_name(country: str) -> str:
    """"SE" -> "Sweden", "Ruotsi", "Sverige"...: babel's territory names (CLDR)."""
    from babel import Locale

    return Locale.parse(_locale).territories.get(country, country)


def _babel_locale() -> str:
    # Babel's plain "en" is American (8:00 AM, "December 24, 2026"); the desks are Nordic
    # and the terms and the CLI speak 24-hour time, so English is written the British way.
    return "en_GB" if _locale == "en" else _locale


def format_time(moment: dt.datetime) -> str:
    from babel.dates import format_time as babel_time

    return babel_time(moment, format="short", locale=_babel_locale())


def format_date(day: dt.date, fmt: str = "full") -> str:
    """`fmt`: one of CLDR's short/medium/long/full, or a pattern (prefer format_skeleton:
    a fixed pattern is one language's word order, not every language's)."""
    from babel.dates import format_date as babel_date

    return babel_date(day, format=fmt, locale=_babel_locale())


def format_date_in_sentence(day: dt.date) -> str:
    """The full date as it reads inside a sentence: Finnish then puts the weekday in the
    form "on Friday" takes ("päättyy perjantaina 29. tammikuuta 2027"), where CLDR's
    full format has the stand-alone "perjantai" a heading wants."""
    from babel import Locale
    from babel.dates import format_date as babel_date

    pattern = Locale.parse(_babel_locale()).date_formats["full"].pattern.replace("cccc", "EEEE")
    return babel_date(day, format=pattern, locale=_babel_locale())


def format_skeleton(skeleton: str, day: dt.date | dt.datetime) -> str:
    """The current language's own way to write these fields: "yMMMd" is "24 Dec 2026",
    "24 dec. 2026", "24. des. 2026", "24.12.2026"; "MMMEd" adds the weekday."""
    from babel.dates import format_skeleton as babel_skeleton

    return babel_skeleton(skeleton, day, locale=_babel_locale())


def format_moment(moment: dt.datetime, date_skeleton: str = "yMMMEd") -> str:
    """A date and a time of day, joined the way the language joins them
    ("Thu, 24 Dec 2026, 10:00", "to 24.12.2026 10.00"), in the moment's own zone."""
    from babel import Locale

    joiner = Locale.parse(_babel_locale()).datetime_formats["medium"]
    date_text = format_skeleton(date_skeleton, moment.date())
    return str(joiner).replace("{1}", date_text).replace("{0}", format_clock(moment))


def format_datetime(moment: dt.datetime, fmt: str) -> str:
    """`moment` by a CLDR pattern (e.g. time-zone names "VVVV, ZZZZ"); for a date and a
    time prefer format_moment."""
    from babel.dates import format_datetime as babel_datetime

    return babel_datetime(moment, format=fmt, tzinfo=moment.tzinfo, locale=_babel_locale())


def format_clock(moment: dt.datetime | dt.time) -> str:
    """A time of day the way the current language writes it: 17:00, 17.00, 8.00."""
    from babel.dates import format_time as babel_time

    tzinfo = moment.tzinfo if isinstance(moment, dt.datetime) else None
    return babel_time(moment, format="short", tzinfo=tzinfo, locale=_babel_locale())


def format_day_names(weekdays: list[int], width: str = "abbreviated") -> list[str]:
    """Weekday names (Monday=0) in the current language."""
    from babel.dates import get_day_names

    names = get_day_names(width, context="format", locale=_babel_locale())
    return [names[day] for day in weekdays]
