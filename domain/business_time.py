"""Count minutes on a clock: around the clock (24x7) or in business hours only.

Business hours for Microsoft's targets: 09:00-17:30 in the customer's country's local time
on weekdays, closed on the same closed days as that country's desk (issue decision on
000:2707-2709). Time is walked as one open window per day, never minute by minute, and the
walk is kept as a timeline so the agent can show the customer exactly which minutes
counted and which days were skipped, and why.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from domain.closed_days import ClosedDayCalendar
from domain.desks import DeskPolicy
from domain.opening_hours import local_moment

UTC = dt.timezone.utc
MAX_DAYS = 400  # a target of a few hours never needs more; protects against a closed calendar


@dataclass(frozen=True)
class Span:
    """Minutes that counted: [start, end) on one local day."""

    start: dt.datetime
    end: dt.datetime

    @property
    def minutes(self) -> float:
        # In UTC: two datetimes with the same tzinfo subtract by wall clock, which is an
        # hour off across a DST change.
        return (self.end.astimezone(UTC) - self.start.astimezone(UTC)).total_seconds() / 60


@dataclass(frozen=True)
class TimelineDay:
    day: dt.date
    counted: tuple[Span, ...] = ()
    skipped: str | None = None  # why nothing counted: "weekend", a holiday's name, "before opening"...

    @property
    def minutes(self) -> float:
        return sum(span.minutes for span in self.counted)


@dataclass(frozen=True)
class ClockResult:
    due: dt.datetime
    timeline: tuple[TimelineDay, ...] = field(default=())


@dataclass(frozen=True)
class BusinessHours:
    opens: dt.time
    closes: dt.time


def _local_midnight_after(moment: dt.datetime, zone) -> dt.datetime:
    day = moment.astimezone(zone).date() + dt.timedelta(days=1)
    return dt.datetime.combine(day, dt.time(0), tzinfo=zone).astimezone(UTC).astimezone(zone)


def add_calendar_minutes(start: dt.datetime, minutes: int, zone) -> ClockResult:
    """24x7: elapsed minutes, exact across DST changes (counted in UTC), split per local day."""
    due = (start.astimezone(UTC) + dt.timedelta(minutes=minutes)).astimezone(zone)
    days, cursor = [], start.astimezone(zone)
    # Compared in UTC: two datetimes in the same zone compare by wall clock, so in the
    # repeated autumn hour 02:30 (summer time) is not "before" 02:30 (winter time).
    while cursor.astimezone(UTC) < due.astimezone(UTC):
        end = min(due, _local_midnight_after(cursor, zone), key=lambda moment: moment.astimezone(UTC))
        days.append(TimelineDay(cursor.date(), (Span(cursor, end),)))
        cursor = end
    return ClockResult(due, tuple(days))


def add_business_minutes(start: dt.datetime, minutes: int, policy: DeskPolicy, calendar: ClosedDayCalendar,
                         hours: BusinessHours) -> ClockResult:
    """Business hours: a case opened outside them starts its clock at the next opening;
    a target that runs out exactly at closing time is due at closing time."""
    zone = policy.desk.zone
    local = start.astimezone(zone)
    remaining = dt.timedelta(minutes=minutes)
    days: list[TimelineDay] = []
    day = local.date()
    for _ in range(MAX_DAYS):
        closed = calendar.closed_day(day)
        if closed is not None or day.weekday() >= 5:
            days.append(TimelineDay(day, skipped=closed.name if closed else "weekend"))
            day += dt.timedelta(days=1)
            continue
        opens, closes = local_moment(day, hours.opens, policy), local_moment(day, hours.closes, policy)
        begin = max(opens, local)
        if begin >= closes:
            days.append(TimelineDay(day, skipped="after business hours"))
            day += dt.timedelta(days=1)
            continue
        available = closes.astimezone(UTC) - begin.astimezone(UTC)  # elapsed, not wall-clock
        if remaining <= available:
            due = (begin.astimezone(UTC) + remaining).astimezone(zone)
            days.append(TimelineDay(day, (Span(begin, due),)))
            return ClockResult(due, tuple(days))
        days.append(TimelineDay(day, (Span(begin, closes),)))
        remaining -= available
        day += dt.timedelta(days=1)
    raise ValueError(f"no business hours in the {MAX_DAYS} days after {start.isoformat()}")
