"""Map the desk tables to the plain values of domain.desks, and keep overrides."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from domain.desks import (
    ClosedDayRules, DayHours, Desk, DeskPolicy, FixedClosedDay, NamedHoliday, Override, OverrideKind,
)
from domain.reference_data import Dataset
from domain.store.models import DeskHoursRow, DeskOverrideRow, DeskRow, ReferenceDatasetRow


def _rules(data: dict) -> ClosedDayRules:
    return ClosedDayRules(
        holidays_categories=tuple(data.get("holidays_categories", ())),
        holidays_named=tuple(NamedHoliday(**n) for n in data.get("holidays_named", ())),
        fixed=tuple(FixedClosedDay(**f) for f in data.get("fixed", ())),
    )


def _aware(moment: dt.datetime) -> dt.datetime:
    # SQLite hands back naive datetimes even for timezone=True columns; we store UTC.
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)


def _override(row: DeskOverrideRow) -> Override:
    kind = OverrideKind(row.kind)
    hours = DayHours(row.opens, row.closes) if row.opens and row.closes else None
    return Override(
        id=row.id, country=row.country, kind=kind, note=row.note, created_at=_aware(row.created_at),
        created_by=row.created_by, weekday=row.weekday, on_date=row.on_date, hours=hours,
        closes=row.closes if kind is OverrideKind.SHORTENED_DAY else None,
    )


def datasets(session: Session) -> list[Dataset]:
    rows = session.scalars(select(ReferenceDatasetRow).order_by(ReferenceDatasetRow.name))
    return [Dataset(r.name, r.version, r.title, r.source, r.checked, r.reviewed_from, r.reviewed_to) for r in rows]


def desk_policies(session: Session) -> dict[str, DeskPolicy]:
    """Every desk with its hours and overrides, in one round of queries."""
    dataset = session.get(ReferenceDatasetRow, "desks")
    hours: dict[str, dict[int, DayHours]] = {}
    for row in session.scalars(select(DeskHoursRow)):
        hours.setdefault(row.country, {})[row.weekday] = DayHours(row.opens, row.closes)
    overrides: dict[str, list[Override]] = {}
    for row in session.scalars(select(DeskOverrideRow).order_by(DeskOverrideRow.id)):
        overrides.setdefault(row.country, []).append(_override(row))
    policies = {}
    for row in session.scalars(select(DeskRow)):
        desk = Desk(
            country=row.country, name=row.name, timezone=row.timezone, phone=row.phone, email=row.email,
            clause=row.clause, weekly_hours=hours.get(row.country, {}),
            closed_day_rules=_rules(row.closed_day_rules), closed_days_note=row.closed_days_note,
        )
        policies[row.country] = DeskPolicy(
            desk=desk, overrides=tuple(overrides.get(row.country, ())),
            reviewed_from=dataset.reviewed_from if dataset and dataset.reviewed_from else 0,
            reviewed_to=dataset.reviewed_to if dataset and dataset.reviewed_to else 9999,
            source=dataset.source if dataset else "",
        )
    return policies


def add_override(session: Session, override: Override) -> Override:
    row = DeskOverrideRow(
        country=override.country, kind=override.kind.value, weekday=override.weekday,
        on_date=override.on_date, note=override.note, created_at=override.created_at.astimezone(dt.timezone.utc),
        created_by=override.created_by,
        opens=override.hours.opens if override.hours else None,
        closes=override.hours.closes if override.hours else override.closes,
    )
    session.add(row)
    session.flush()
    return _override(row)


def remove_override(session: Session, override_id: int) -> Override | None:
    row = session.get(DeskOverrideRow, override_id)
    if row is None:
        return None
    removed = _override(row)
    session.delete(row)
    return removed
