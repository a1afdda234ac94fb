"""Opening-hours answers for the GUI and the CLI, and the administrator's overrides."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from domain.closed_days import ClosedDayCalendar
from domain.dates import parse_moment
from domain.desks import COUNTRIES, OVERRIDE_BY_LENGTH, DayHours, DeskPolicy, Override, OverrideKind, parse_country
from domain.errors import InvalidInput, control_character, too_long
from domain.messages import Message
from domain.opening_hours import DeskStatus, desk_status, resolve_wall_time
from domain.roles import require_admin

if TYPE_CHECKING:
    # Issue 17: the answers before the store opens (desktop/gui/operations/hours.py) must
    # not wait for SQLAlchemy, which domain.store imports.
    from domain.store import Store


def load_policies(store: Store) -> dict[str, DeskPolicy]:
    with store.unit_of_work() as uow:
        return uow.desks.policies()


@dataclass
class HoursAnswerer:
    """Answers "is the desk open" from policies already read from the store, so that
    the GUI's timer and the what-if picker never touch the database.

    `language` (an app language code, "en" by default as in the JSON contract) names the
    closed days; the dates are the same in every language.
    """

    policies: dict[str, DeskPolicy]
    language: str = "en"

    def __post_init__(self) -> None:
        # (country, language) -> calendar, each caching its years; shared with the
        # answerers in_language() makes, so switching back and forth recomputes nothing.
        self._calendars: dict[tuple[str, str], ClosedDayCalendar] = {}

    def in_language(self, language: str) -> HoursAnswerer:
        """The same answers with the closed days named for a reader of `language`."""
        sibling = HoursAnswerer(self.policies, language)
        sibling._calendars = self._calendars
        return sibling

    def calendar(self, country: str) -> ClosedDayCalendar:
        key = (country, self.language)
        if key not in self._calendars:
            self._calendars[key] = ClosedDayCalendar(self.policies[country], self.language)
        return self._calendars[key]

    def status(self, country: str, moment: dt.datetime) -> DeskStatus:
        """`moment` aware: that instant. Naive: the wall time in that country."""
        policy = self.policies[country]
        warnings: tuple = ()
        if moment.tzinfo is None or moment.utcoffset() is None:
            moment, warnings = resolve_wall_time(moment.replace(tzinfo=None), policy)
        status = desk_status(policy, self.calendar(country), moment)
        if warnings:
            status = replace(status, warnings=warnings + status.warnings)
        return status

    def statuses(self, moment: dt.datetime, countries: tuple[str, ...] = COUNTRIES) -> list[DeskStatus]:
        return [self.status(country, moment) for country in countries]


def quick_hours_answerer(db_path: Path | str | None, now: dt.datetime, language: str = "en") -> HoursAnswerer | None:
    """For the GUI's first answers (issue 17): an HoursAnswerer from the SQLite file
    `db_path`, read without SQLAlchemy, Alembic or `holidays` (domain/store/quick_read.py),
    naming closed days for a reader of `language`; `now` (aware) says which years the
    closed-day snapshot must hold. None when the file is not there or not
    up to date (a migration, a reference load or a new closed-day snapshot is due): then
    open the full store as usual, which does that. The answerer holds no connection; its
    answers are the full store's (tests/domain/store/test_quick_read.py)."""
    from contextlib import closing

    from domain.store.location import default_db_path
    from domain.store.quick_read import open_quick

    # None: the default file (DESKGUIDE_DB, else the user's data folder), as the store opens it.
    store = open_quick(default_db_path() if db_path is None else db_path, now=now, calendar=True)
    if store is None:
        return None
    with closing(store):
        return HoursAnswerer(load_policies(store), language)


def hours_answers(store: Store, country: str | None, at: str | None, now: dt.datetime) -> list[DeskStatus]:
    """The CLI's question: validate everything first, then read the store."""
    countries = (parse_country(country),) if country is not None else COUNTRIES
    moment = parse_moment(at) if at is not None else now
    return HoursAnswerer(load_policies(store)).statuses(moment, countries)


def _iso(moment: dt.datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None


def status_as_dict(status: DeskStatus) -> dict:
    """The JSON contract of `deskguide hours` (issue: Foundation and opening hours)."""
    return {
        "country": status.country,
        "open": status.open,
        "closes_at": _iso(status.closes_at),
        "next_open": _iso(status.next_open),
        "closed_reason": status.closed_reason,
        "phone": status.phone,
        "email": status.email,
        "timezone": status.timezone,
        "at": _iso(status.at),
        "origin": status.origin,
        "warnings": [{"code": w.code, "message": w.message} for w in status.warnings],
    }


# --- administrator overrides -------------------------------------------------------

def list_overrides(store: Store, country: str | None = None) -> list[Override]:
    countries = (parse_country(country),) if country else COUNTRIES
    policies = load_policies(store)
    return [o for c in countries for o in policies[c].overrides]


def add_override(store: Store, override: Override) -> Override:
    require_admin(store)  # issue 15: the desk's hours are the administrators'
    with store.unit_of_work(write=True) as uow:
        added = uow.desks.add_override(override)
        uow.commit()
    return added


def new_override(
    kind: OverrideKind, country: str, *, now: dt.datetime, by: str = "", note: str = "",
    weekday: int | None = None, on_date: dt.date | None = None, hours: DayHours | None = None,
    closes: dt.time | None = None,
) -> Override:
    """Check an override is complete for its kind before anything is written."""
    country = parse_country(country)
    if kind is OverrideKind.WEEKDAY_HOURS and weekday is None:
        raise InvalidInput("weekday", weekday, Message("is needed to change a weekday's hours"))
    if kind in (OverrideKind.CLOSED_DATE, OverrideKind.SHORTENED_DAY) and on_date is None:
        raise InvalidInput("date", on_date, Message("is needed to close or shorten a day"))
    if kind is OverrideKind.SHORTENED_DAY and closes is None:
        raise InvalidInput("closes", closes, Message("is needed to shorten a day"))
    if len(by.strip()) > OVERRIDE_BY_LENGTH:
        raise InvalidInput("by", by, too_long(by.strip(), OVERRIDE_BY_LENGTH))
    for name, text in (("by", by), ("note", note)):  # shown on one line with every answer it changes
        if reason := control_character(text.strip()):
            raise InvalidInput(name, text, reason)
    return Override(id=None, country=country, kind=kind, note=note.strip(), created_at=now, created_by=by.strip(),
                    weekday=weekday, on_date=on_date, hours=hours, closes=closes)


def remove_override(store: Store, override_id: int) -> Override:
    require_admin(store)
    with store.unit_of_work(write=True) as uow:
        removed = uow.desks.remove_override(override_id)
        uow.commit()
    if removed is None:
        raise InvalidInput("id", override_id, Message("is not an override; `deskguide overrides list` shows them"))
    return removed


def desk_zones(store: Store) -> dict[str, ZoneInfo]:
    """Each desk's time zone, so an override's origin is dated in the desk's own time."""
    return {country: policy.desk.zone for country, policy in load_policies(store).items()}


def override_as_dict(override: Override, zone: ZoneInfo | None = None) -> dict:
    return {
        "id": override.id,
        "country": override.country,
        "kind": override.kind.value,
        "weekday": override.weekday,
        "date": override.on_date.isoformat() if override.on_date else None,
        "hours": override.hours.label() if override.hours else None,
        "closes": override.closes.strftime("%H:%M") if override.closes else None,
        "note": override.note,
        "created_at": override.created_at.isoformat(),
        "created_by": override.created_by,
        "origin": override.origin(zone),
    }
