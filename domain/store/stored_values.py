"""Rows as domain values, without SQLAlchemy: one construction for the ORM repositories
(desk_repository.py, reference_repository.py) and the stdlib reader of reference answers
(quick_read.py, issue 17), so both answer from exactly the same values."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from domain.desks import (
    ClosedDayRules,
    DayHours,
    Desk,
    DeskPolicy,
    FixedClosedDay,
    NamedHoliday,
    Override,
    OverrideKind,
)
from domain.messages import Message

UTC = dt.timezone.utc

# The keys whose values the reference files write as TOML dates; JSON keeps them as ISO
# text, and they are dates again before the parser (which refuses text dates) sees them.
DATE_KEYS = frozenset({"checked", "start", "mainstream_end", "extended_end"})


def revived(value):
    """The document as the parser reads a TOML file: ISO dates under DATE_KEYS as dates."""
    if isinstance(value, dict):
        return {k: _date(v) if k in DATE_KEYS else revived(v) for k, v in value.items()}
    if isinstance(value, list):
        return [revived(v) for v in value]
    return value


def _date(value):
    try:
        return dt.date.fromisoformat(value) if isinstance(value, str) else value
    except ValueError:
        return value  # not a date after all: the parser names what is wrong


def json_safe(value):
    """TOML dates and times are not JSON: keep them as ISO text."""
    if isinstance(value, dict):
        return {k: json_safe(v) for k, v in value.items()}
    if isinstance(value, list):
        return [json_safe(v) for v in value]
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return value


def closed_day_rules(data: dict) -> ClosedDayRules:
    return ClosedDayRules(
        holidays_categories=tuple(data.get("holidays_categories", ())),
        holidays_named=tuple(NamedHoliday(**n) for n in data.get("holidays_named", ())),
        fixed=tuple(FixedClosedDay(**f) for f in data.get("fixed", ())),
    )


def override(*, id: int, country: str, kind: str, note: str, created_at: dt.datetime, created_by: str,
             weekday: int | None, on_date: dt.date | None, opens: dt.time | None,
             closes: dt.time | None) -> Override:
    """An override row's columns as the domain's Override (created_at naive means UTC:
    SQLite hands back naive datetimes, and every moment is written in UTC)."""
    kind = OverrideKind(kind)
    hours = DayHours(opens, closes) if opens and closes else None
    created_at = created_at if created_at.tzinfo else created_at.replace(tzinfo=UTC)
    return Override(
        id=id, country=country, kind=kind, note=note, created_at=created_at, created_by=created_by,
        weekday=weekday, on_date=on_date, hours=hours, closes=closes if kind is OverrideKind.SHORTENED_DAY else None,
    )


def desk_policies(dataset: Mapping | None, hours: Iterable[tuple[str, int, dt.time, dt.time]],
                  desks: Iterable[Mapping], overrides: Mapping[str, list[Override]],
                  missing: Message | None) -> dict[str, DeskPolicy]:
    """Every desk's policy: `dataset` the desks' reference_dataset row (reviewed_from,
    reviewed_to, source; None when absent), `hours` (country, weekday, opens, closes),
    `desks` the desk rows' columns, `overrides` by country, `missing` why they are not
    all there (a team database out of reach)."""
    weekly: dict[str, dict[int, DayHours]] = {}
    for country, weekday, opens, closes in hours:
        weekly.setdefault(country, {})[weekday] = DayHours(opens, closes)
    dataset = dataset or {}
    policies = {}
    for row in desks:
        desk = Desk(
            country=row["country"], name=row["name"], timezone=row["timezone"], phone=row["phone"],
            email=row["email"], clause=row["clause"], weekly_hours=weekly.get(row["country"], {}),
            closed_day_rules=closed_day_rules(row["closed_day_rules"]), closed_days_note=row["closed_days_note"],
        )
        policies[row["country"]] = DeskPolicy(
            desk=desk, overrides=tuple(overrides.get(row["country"], ())),
            reviewed_from=dataset.get("reviewed_from") or 0, reviewed_to=dataset.get("reviewed_to") or 9999,
            source=dataset.get("source") or "", overrides_missing=missing,
        )
    return policies
