"""Read a calendar day the way the Nordic desks and their spreadsheets write it."""
from __future__ import annotations

import datetime as dt
import re

from domain.errors import InvalidInput
from domain.messages import Message

_NORDIC = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")


def parse_day(text: str, field_name: str = "date") -> dt.date:
    """ISO 8601 (2026-11-22) or the Nordic day.month.year (22.11.2026). Nothing else:
    11/12/2026 means different days in different countries, so it is refused."""
    value = (text or "").strip()
    try:
        match = _NORDIC.match(value)
        if match:
            day, month, year = (int(part) for part in match.groups())
            return dt.date(year, month, day)
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return dt.date.fromisoformat(value)
    except ValueError:
        raise InvalidInput(field_name, text, Message("is not a day of the calendar")) from None
    raise InvalidInput(field_name, text, Message("is not a date: use 2026-11-22 or 22.11.2026"))
