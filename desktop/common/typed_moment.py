"""A date, or a date and a time, as an agent types it: whole, in one go (issue 16).

Qt's QDateTimeEdit edits one section at a time, so "2025-05-16 10:00" typed over a
selected field kept the old year and the Denmark check answered "Weekend" for a working
day. Here the whole text is read at once, in the forms Nordic agents write:

    2025-05-16 10:00   2025-05-16T10:00         ISO (what the fields show)
    16.5.2025 10.00    16.5.2025 kl. 10.00      Swedish, Norwegian, Danish, Finnish ("klo 10.00")
    16/5/2025 10:00    16-5-2025 10:00          day first, as every Nordic country writes it

Day first always: no Nordic form puts the month first, so 5/6/2025 is 5 June. Years
have four digits (a two-digit year is a guess), times are 24-hour, hours and minutes.
No Qt here, so the parser is property-tested on its own (tests/desktop/common).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_TIME = r"(?P<hour>\d{1,2})[:.](?P<minute>\d{2})"
# Between the date and the time: a space, a "T", a comma, or the word for "o'clock".
_JOIN = r"(?:\s*[T,]\s*|\s*,?\s*(?:klo|kl)\.?\s*|\s+)"
_ISO = r"(?P<iso_year>\d{4})-(?P<iso_month>\d{1,2})-(?P<iso_day>\d{1,2})"
_NORDIC = r"(?P<day>\d{1,2})(?P<sep>[./-])(?P<month>\d{1,2})(?P=sep)(?P<year>\d{4})"
_PATTERN = re.compile(rf"^\s*(?:{_ISO}|{_NORDIC})(?:{_JOIN}{_TIME})?\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class TypedMoment:
    day: dt.date
    time: dt.time | None  # None: only a date was typed


class UnreadableMoment(ValueError):
    """`kind`: "form" (not a date as we write them) or "calendar" (no such day or time)."""

    def __init__(self, kind: str, text: str):
        super().__init__(f"{kind}: {text!r}")
        self.kind = kind
        self.text = text


def parse_typed_moment(text: str) -> TypedMoment:
    match = _PATTERN.match(text)
    if match is None:
        raise UnreadableMoment("form", text)
    parts = match.groupdict()
    if parts["iso_year"] is not None:
        year, month, day = parts["iso_year"], parts["iso_month"], parts["iso_day"]
    else:
        year, month, day = parts["year"], parts["month"], parts["day"]
    try:
        date = dt.date(int(year), int(month), int(day))
        time = None if parts["hour"] is None else dt.time(int(parts["hour"]), int(parts["minute"]))
    except ValueError as error:  # 30 February, 24:00, 10:75
        raise UnreadableMoment("calendar", text) from error
    return TypedMoment(date, time)


def iso_text(value: dt.date | dt.datetime) -> str:
    """How a field shows its value: ISO, read the same way in every Nordic country."""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return value.strftime("%Y-%m-%d")
