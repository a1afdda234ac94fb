"""User-facing sentences the domain writes, sayable in any of the app's languages.

The domain must not know which language the agent (or the customer) reads, and it
imports no GUI: so it writes every sentence a person reads as a `Message`. A Message
*is* its English text (a `str`: comparisons, JSON and logs see plain English) and also
remembers the template and the values that made it, so the desktop can look the
template up in the gettext catalogue and fill in the values the way the chosen
language writes them (desktop/i18n.py `_`).

Templates use `str.format` fields: `Message("is before {day}", day=some_date)`.
`pybabel extract` finds them through the keywords `Message` and `plural_message`
(see babel.cfg); a template built at run time (a reference-data text) is looked up
as-is, and resources/translatable.py extracts those from the TOML files.

Values are str, int, date, datetime, time or Message; templates carry no format specs
(`{day}`, never `{day:%d %b}`): the language that says the sentence writes the value.
In English a date reads ISO (2026-12-24), a time 08:00, a datetime 2026-12-24 08:00.
"""
from __future__ import annotations

import datetime as dt
from typing import Any


def english_value(value: Any) -> Any:
    """How a value reads inside an English message."""
    if isinstance(value, Message):
        return str.__str__(value)
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    return value


class Message(str):
    """An English sentence that can be said again in another language.

    `template` is the gettext msgid; `plural`/`count` are set for a sentence whose
    wording depends on a number (then `count` is also a value of the template).
    A Message without values is never formatted, so any text (braces and all) can be one.
    """

    template: str
    plural: str | None
    count: int | None
    params: dict[str, Any]

    def __new__(cls, template: str, /, **params: Any) -> Message:
        return cls._make(template, None, None, params)

    @classmethod
    def _make(cls, template: str, plural: str | None, count: int | None, params: dict[str, Any]) -> Message:
        chosen = template if plural is None or count == 1 else plural
        text = chosen.format(**{k: english_value(v) for k, v in params.items()}) if params else chosen
        self = super().__new__(cls, text)
        self.template = template
        self.plural = plural
        self.count = count
        self.params = params
        return self

    def __reduce__(self):  # copy and pickle keep the template, not just the English
        return _restore, (self.template, self.plural, self.count, self.params)

    def own_words(self, language: str) -> str | None:
        """The sentence in `language` from a source of its own (e.g. the holiday calendar
        names its days), or None: then the catalogue says it."""
        return None

    def __repr__(self) -> str:
        return f"Message({str.__repr__(self)})"


def _restore(template: str, plural: str | None, count: int | None, params: dict[str, Any]) -> Message:
    return Message._make(template, plural, count, params)


def plural_message(singular: str, plural: str, count: int, /, **params: Any) -> Message:
    """A Message whose wording follows `count` ("1 product" / "3 products"); the
    template reads the number as {count}."""
    return Message._make(singular, plural, count, {"count": count, **params})


def data_text(text: str) -> Message:
    """A sentence from the reference data (a reason, a next step, an obligation): the
    catalogue translates it by its English wording, extracted from the TOML files."""
    return text if isinstance(text, Message) else Message(text)
