"""Read a calendar day or a moment the way the Nordic desks and their spreadsheets write
it, within the one range of dates Deskguide answers for.

Every parser of a typed or imported day or moment comes through here (or checks its
result with `check_day` / `check_moment`), so the supported range is said in one place.
Only ASCII digits are read: Python's `int` and `\\d` also take Arabic-Indic or Devanagari
digits, which no agent means to type and which no file should carry unnoticed.
"""
from __future__ import annotations

import datetime as dt
import re

from domain.errors import InvalidInput
from domain.messages import Message

# The days Deskguide answers for. The reference data is reviewed for this century's years,
# and a date outside it is a typo (0202 for 2020) or a probe: refused, never computed with
# (near year 1 or 9999 the calendar arithmetic would leave Python's date range).
FIRST_DAY = dt.date(2000, 1, 1)
LAST_DAY = dt.date(2099, 12, 31)

_NORDIC = re.compile(r"([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4})")
_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def outside_range() -> Message:
    return Message("is outside the supported range {first}–{last}", first=FIRST_DAY, last=LAST_DAY)


def check_day(day: dt.date, field_name: str = "date", text: object = None) -> dt.date:
    """`day`, or InvalidInput naming `text` (as typed; default the day) if it is outside
    FIRST_DAY..LAST_DAY."""
    if not FIRST_DAY <= day <= LAST_DAY:
        raise InvalidInput(field_name, day.isoformat() if text is None else text, outside_range())
    return day


def check_moment(moment: dt.datetime, field_name: str = "at", text: object = None) -> dt.datetime:
    """`moment`, or InvalidInput if its day (as written: a wall time's own day, an
    instant's day at its own offset) is outside the supported range."""
    check_day(moment.date(), field_name, moment.isoformat() if text is None else text)
    return moment


def parse_day(text: str, field_name: str = "date") -> dt.date:
    """ISO 8601 (2026-11-22) or the Nordic day.month.year (22.11.2026), in ASCII digits,
    within the supported range. Nothing else: 11/12/2026 means different days in
    different countries, so it is refused."""
    value = (text or "").strip()
    try:
        match = _NORDIC.fullmatch(value)
        if match:
            day, month, year = (int(part) for part in match.groups())
            return check_day(dt.date(year, month, day), field_name, text)
        if _ISO_DAY.fullmatch(value):
            return check_day(dt.date.fromisoformat(value), field_name, text)
    except ValueError:
        raise InvalidInput(field_name, text, Message("is not a day of the calendar")) from None
    raise InvalidInput(field_name, text, Message("is not a date: use 2026-11-22 or 22.11.2026"))


def parse_moment(text: str, field_name: str = "at") -> dt.datetime:
    """ISO 8601 in ASCII: with an offset it is that instant; without one a wall time (naive).

    Python's own ISO parser (3.11) reads every form an agent or a script writes:
    2026-12-24T10:00, 2026-12-24 10:00, 2026-12-24T09:00Z, 2026-12-24T10:00+02:00, or
    a bare date (midnight). Anything else is refused, never guessed; so is a day outside
    the supported range.
    """
    value = (text or "").strip()
    try:
        if not value.isascii():
            raise ValueError(value)
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        raise InvalidInput(field_name, text, Message("is not an ISO 8601 date and time, e.g. 2026-12-24T10:00 "
                                                      "or 2026-12-24T10:00+01:00")) from None
    return check_moment(moment, field_name, text)
