"""Is a desk open at a moment, until when, and when does it open next.

terms §6 (003:84-106): the desks answer on "helgfria vardagar" (holiday-free weekdays)
within each country's hours. Time is walked as opening windows per local day, never
minute by minute, and every instant is an aware datetime: the caller passes the
moment (the domain never reads the clock).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from domain.closed_days import ClosedDayCalendar
from domain.desks import DayHours, DeskPolicy, OverrideKind
from domain.errors import InvalidInput
from domain.messages import Message, data_text, plural_message

WEEKEND = "weekend"
OUTSIDE_HOURS = "outside_hours"
# How far ahead to look for the next opening; a desk closed longer than this (an
# administrator closed a weekday for good, say) answers "no opening found".
SEARCH_DAYS = 400


@dataclass(frozen=True)
class Warning:
    code: str
    message: str  # a Message


@dataclass(frozen=True)
class DayPlan:
    """What a desk does on one local date."""

    date: dt.date
    opens_at: dt.datetime | None  # aware; None when closed all day
    closes_at: dt.datetime | None
    closed_reason: str | None  # WEEKEND, OUTSIDE_HOURS or the closed day's name
    origin: str  # where the day's hours or closure come from

    @property
    def is_open_day(self) -> bool:
        return self.opens_at is not None


@dataclass(frozen=True)
class DeskStatus:
    country: str
    at: dt.datetime  # the moment asked about, in the desk's time zone
    open: bool
    closes_at: dt.datetime | None
    next_open: dt.datetime | None
    closed_reason: str | None
    origin: str  # where today's hours or closure come from
    phone: str
    email: str
    timezone: str
    warnings: tuple[Warning, ...] = field(default=())


def local_moment(day: dt.date, wall: dt.time, policy: DeskPolicy) -> dt.datetime:
    """The instant a wall-clock time happens on a local date.

    A wall time inside a spring-forward gap does not exist; it is moved forward by the
    gap (02:30 becomes 03:30), the way a wall clock reads after the change.
    """
    zone = policy.desk.zone
    naive = dt.datetime.combine(day, wall)
    return naive.replace(tzinfo=zone).astimezone(dt.timezone.utc).astimezone(zone)


def _weekday_hours(policy: DeskPolicy, weekday: int) -> tuple[DayHours | None, str]:
    for override in reversed(policy.overrides_of(OverrideKind.WEEKDAY_HOURS)):
        if override.weekday == weekday:
            return override.hours, override.origin(policy.desk.zone)
    return policy.desk.weekly_hours.get(weekday), Message("reference data, {clause}", clause=policy.desk.clause)


def day_plan(policy: DeskPolicy, calendar: ClosedDayCalendar, day: dt.date) -> DayPlan:
    closed = calendar.closed_day(day)
    if closed is not None:
        return DayPlan(day, None, None, closed.name, closed.origin)
    hours, origin = _weekday_hours(policy, day.weekday())
    if hours is None:
        reason = WEEKEND if day.weekday() >= 5 else OUTSIDE_HOURS
        return DayPlan(day, None, None, reason, origin)
    closes = hours.closes
    for override in policy.overrides_of(OverrideKind.SHORTENED_DAY):
        if override.on_date == day and override.closes is not None and override.closes < closes:
            closes, origin = override.closes, override.origin(policy.desk.zone)
    if closes <= hours.opens:
        return DayPlan(day, None, None, OUTSIDE_HOURS, origin)
    return DayPlan(day, local_moment(day, hours.opens, policy), local_moment(day, closes, policy), None, origin)


def next_opening(policy: DeskPolicy, calendar: ClosedDayCalendar, at: dt.datetime) -> dt.datetime | None:
    """The first opening moment strictly after `at` (aware), or None within SEARCH_DAYS."""
    day = at.astimezone(policy.desk.zone).date()
    for offset in range(SEARCH_DAYS):
        plan = day_plan(policy, calendar, day + dt.timedelta(days=offset))
        if plan.opens_at is not None and _utc(plan.opens_at) > _utc(at):
            return plan.opens_at
    return None


def _utc(moment: dt.datetime) -> dt.datetime:
    # Two datetimes in the same zone compare by wall clock (fold ignored), which gets the
    # repeated autumn hour wrong: 02:15 the second time is after 02:30 the first time.
    return moment.astimezone(dt.timezone.utc)


def review_warnings(policy: DeskPolicy, *moments: dt.datetime | None) -> tuple[Warning, ...]:
    """Warn when an answer rests on a year whose closed days nobody has reviewed."""
    years = sorted({m.astimezone(policy.desk.zone).year for m in moments if m is not None})
    outside = [y for y in years if not policy.reviewed_from <= y <= policy.reviewed_to]
    if not outside:
        return ()
    listed = ", ".join(str(y) for y in outside)
    return (Warning(
        "year_not_reviewed",
        Message("The closed days for {years} have not been reviewed (reviewed {first}-{last}); check {desk}'s "
                "official calendar before relying on it.", years=listed, first=policy.reviewed_from,
                last=policy.reviewed_to, desk=data_text(policy.desk.name)),
    ),)


def desk_status(policy: DeskPolicy, calendar: ClosedDayCalendar, at: dt.datetime) -> DeskStatus:
    if at.tzinfo is None or at.utcoffset() is None:
        raise InvalidInput("at", at.isoformat(), Message("has no time zone; pass an aware moment"))
    desk = policy.desk
    local = at.astimezone(desk.zone)
    plan = day_plan(policy, calendar, local.date())
    is_open = (plan.opens_at is not None
               and _utc(plan.opens_at) <= _utc(local) < _utc(plan.closes_at))  # type: ignore[arg-type]
    if is_open:
        closes_at, next_open, reason = plan.closes_at, None, None
    else:
        closes_at, next_open = None, next_opening(policy, calendar, local)
        reason = plan.closed_reason or OUTSIDE_HOURS
    warnings = review_warnings(policy, local, next_open)
    if policy.overrides_missing is not None:
        warnings += (Warning("overrides_missing", policy.overrides_missing),)
    if not is_open and next_open is None:
        warnings += (Warning("no_opening_found", plural_message(
            "{desk}'s desk has no opening in the next {count} day.",
            "{desk}'s desk has no opening in the next {count} days.", SEARCH_DAYS, desk=data_text(desk.name))),)
    return DeskStatus(
        country=desk.country, at=local, open=is_open, closes_at=closes_at, next_open=next_open,
        closed_reason=reason, origin=plan.origin, phone=desk.phone, email=desk.email,
        timezone=desk.timezone, warnings=warnings,
    )


def resolve_wall_time(naive: dt.datetime, policy: DeskPolicy) -> tuple[dt.datetime, tuple[Warning, ...]]:
    """Turn a wall time in the desk's country into an instant, saying so when DST bites.

    Twice a year a wall time is ambiguous or does not exist. Ambiguous (autumn, 02:00-
    03:00 happens twice): the first, summer-time one is meant. Missing (spring, the
    clock jumps 02:00 -> 03:00): the moment the clock shows after the jump.
    """
    zone = policy.desk.zone
    first = naive.replace(tzinfo=zone, fold=0)
    instant = first.astimezone(dt.timezone.utc).astimezone(zone)
    if instant.replace(tzinfo=None) != naive:
        return instant, (Warning("time_does_not_exist", Message(
            "{time} does not exist on {day} in {desk} (clocks go forward); answered for {answer}.",
            time=naive.time(), day=naive.date(), desk=desk_label(policy), answer=instant.time())),)
    if first.utcoffset() != naive.replace(tzinfo=zone, fold=1).utcoffset():
        return instant, (Warning("time_is_ambiguous", Message(
            "{time} happens twice on {day} in {desk} (clocks go back); answered for the first time, {answer} {zone}.",
            time=naive.time(), day=naive.date(), desk=desk_label(policy), answer=instant.time(),
            zone=instant.tzname())),)
    return instant, ()


def desk_label(policy: DeskPolicy) -> Message:
    return Message("{desk} ({zone})", desk=data_text(policy.desk.name), zone=policy.desk.timezone)
