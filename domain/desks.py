"""The support desks as plain values: hours, closed-day rules, administrator overrides."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import Enum
from zoneinfo import ZoneInfo

from domain.errors import InvalidInput
from domain.messages import Message

COUNTRIES = ("SE", "NO", "DK", "FI")
# Who made an override: the store's column size (tests/domain/store/test_field_lengths.py).
OVERRIDE_BY_LENGTH = 80
WEEKDAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def parse_country(text: str, field_name: str = "country") -> str:
    """Accept a country code in any case; the desks exist for SE, NO, DK and FI only."""
    code = (text or "").strip().upper()
    if code not in COUNTRIES:
        raise InvalidInput(field_name, text, Message("is not a desk country: use SE, NO, DK or FI"))
    return code


def parse_weekday(text: str, field_name: str = "weekday") -> int:
    """Monday=0. Exactly a three-letter key (mon..sun) or the English name (monday..sunday),
    in any case: "monkey" is not Monday, nor is "mo" (two letters read differently across
    the Nordic languages, and a typo must not close the wrong day)."""
    key = (text or "").strip().lower()
    if key in WEEKDAY_NAMES:
        return WEEKDAY_NAMES.index(key)
    if key not in WEEKDAY_KEYS:
        raise InvalidInput(field_name, text, Message("is not a weekday: use mon, tue, wed, thu, fri, sat or sun"))
    return WEEKDAY_KEYS.index(key)


_CLOCK = re.compile(r"([0-9]{1,2}):([0-9]{2})")


def parse_clock_time(text: str, field_name: str = "time") -> dt.time:
    """A wall time of a desk's day: H:MM or HH:MM in ASCII digits, nothing more. An offset
    (15:00+05:00) or seconds would be dropped silently, so they are refused: a desk's hours
    are always its own local time."""
    match = _CLOCK.fullmatch((text or "").strip())
    try:
        if match is None:
            raise ValueError(text)
        return dt.time(int(match.group(1)), int(match.group(2)))
    except ValueError:
        raise InvalidInput(field_name, text, Message("is not a time of day: use HH:MM, e.g. 08:00")) from None


def parse_date(text: str, field_name: str = "date") -> dt.date:
    from domain.dates import parse_day

    return parse_day(text, field_name)


@dataclass(frozen=True)
class DayHours:
    """One day's opening window in the desk's local wall time."""

    opens: dt.time
    closes: dt.time

    def __post_init__(self) -> None:
        if not self.opens < self.closes:
            raise InvalidInput("hours", self.label(), Message("must open before it closes on the same day"))

    @classmethod
    def parse(cls, text: str, field_name: str = "hours") -> DayHours:
        opens, sep, closes = (text or "").partition("-")
        if not sep:
            raise InvalidInput(field_name, text,
                               Message("is not an opening window: use HH:MM-HH:MM, e.g. 08:00-16:00"))
        try:
            return cls(parse_clock_time(opens, field_name), parse_clock_time(closes, field_name))
        except InvalidInput as error:
            raise InvalidInput(field_name, text, error.reason) from None

    def label(self) -> str:
        return f"{self.opens:%H:%M}-{self.closes:%H:%M}"


@dataclass(frozen=True)
class NamedHoliday:
    """One holiday picked by its English name out of a `holidays` category."""

    category: str
    name: str


@dataclass(frozen=True)
class FixedClosedDay:
    """A closed day on the same date every year that `holidays` does not list."""

    month: int
    day: int
    name: str


@dataclass(frozen=True)
class ClosedDayRules:
    holidays_categories: tuple[str, ...] = ("public",)
    holidays_named: tuple[NamedHoliday, ...] = ()
    fixed: tuple[FixedClosedDay, ...] = ()


@dataclass(frozen=True)
class Desk:
    country: str
    name: str
    timezone: str
    phone: str
    email: str
    clause: str
    weekly_hours: dict[int, DayHours]  # weekday (Monday=0) -> window; missing = closed
    closed_day_rules: ClosedDayRules
    closed_days_note: str = ""

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


class OverrideKind(str, Enum):
    WEEKDAY_HOURS = "weekday_hours"  # replaces a weekday's hours (or closes it)
    CLOSED_DATE = "closed_date"  # closes the desk for a whole date
    SHORTENED_DAY = "shortened_day"  # closes early on a date


@dataclass(frozen=True)
class Override:
    """An administrator's change to a desk's reference hours, kept in the store."""

    id: int | None
    country: str
    kind: OverrideKind
    note: str
    created_at: dt.datetime
    created_by: str
    weekday: int | None = None
    on_date: dt.date | None = None
    hours: DayHours | None = None  # weekday_hours: None closes the weekday
    closes: dt.time | None = None  # shortened_day: the early closing time

    def origin(self, zone: ZoneInfo | None = None) -> Message:
        """Where an answer that used this override came from, for the user to see.

        The date is the desk's own (pass its zone): an override made at 00:30 in
        Stockholm is dated that day, not the previous day in UTC.
        """
        day = (self.created_at.astimezone(zone) if zone else self.created_at).date()
        origin = (Message("administrator override #{id} by {person} on {day}", id=self.id, person=self.created_by,
                          day=day) if self.created_by
                  else Message("administrator override #{id} on {day}", id=self.id, day=day))
        # Translators: where an answer came from, then the administrator's own note.
        return Message("{origin}: {note}", origin=origin, note=self.note) if self.note else origin


@dataclass(frozen=True)
class DeskPolicy:
    """Everything needed to answer "is this desk open": the desk and its overrides."""

    desk: Desk
    overrides: tuple[Override, ...] = ()
    reviewed_from: int = 0
    reviewed_to: int = 9999
    source: str = ""
    # Why the overrides are not known (a team database out of reach), else None: the
    # answers then rest on the reference hours alone and say so.
    overrides_missing: Message | None = None

    def overrides_of(self, kind: OverrideKind) -> list[Override]:
        return [o for o in self.overrides if o.kind is kind]
