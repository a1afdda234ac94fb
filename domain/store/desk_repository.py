"""Map the desk tables to the plain values of domain.desks, and keep overrides.

Desks stay tables, unlike the other reference data (domain/store/reference_repository.py):
administrators' overrides refer to them by a foreign key.
"""
from __future__ import annotations

from dataclasses import asdict

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

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
from domain.errors import StoreError
from domain.messages import Message
from domain.reference_data import DeskData
from domain.store import live
from domain.store.column_values import aware, to_utc
from domain.store.models import DeskHoursRow, DeskOverrideRow, DeskRow, ReferenceDatasetRow


def _rules(data: dict) -> ClosedDayRules:
    return ClosedDayRules(
        holidays_categories=tuple(data.get("holidays_categories", ())),
        holidays_named=tuple(NamedHoliday(**n) for n in data.get("holidays_named", ())),
        fixed=tuple(FixedClosedDay(**f) for f in data.get("fixed", ())),
    )


def _override(row: DeskOverrideRow) -> Override:
    kind = OverrideKind(row.kind)
    hours = DayHours(row.opens, row.closes) if row.opens and row.closes else None
    return Override(
        id=row.id, country=row.country, kind=kind, note=row.note, created_at=aware(row.created_at),
        created_by=row.created_by, weekday=row.weekday, on_date=row.on_date, hours=hours,
        closes=row.closes if kind is OverrideKind.SHORTENED_DAY else None,
    )


class DeskRepository:
    """`session` holds the desks (the reference data); `overrides`, when given, the
    administrators' overrides (a team's database: domain/store/team.py)."""

    def __init__(self, session: Session, overrides: Session | None = None):
        self._session = session
        self._overrides = overrides if overrides is not None else session

    def _read_overrides(self) -> tuple[dict[str, list[Override]], Message | None]:
        """The overrides by country; a team database that cannot be reached (or whose
        schema this version does not match) gives none, with the reason: the hours
        still come from the installed reference data, said with a warning."""
        overrides: dict[str, list[Override]] = {}
        try:
            for row in self._overrides.scalars(select(DeskOverrideRow).order_by(DeskOverrideRow.id)):
                overrides.setdefault(row.country, []).append(_override(row))
        except StoreError as error:
            if self._overrides is self._session:
                raise  # the store itself failed: nothing to answer from
            return {}, Message("The administrators' changes to the hours are not included: {reason}",
                               reason=error.message)
        return overrides, None

    def policies(self) -> dict[str, DeskPolicy]:
        """Every desk with its hours and overrides, in one round of queries."""
        session = self._session
        dataset = session.get(ReferenceDatasetRow, "desks")
        hours: dict[str, dict[int, DayHours]] = {}
        for row in session.scalars(select(DeskHoursRow)):
            hours.setdefault(row.country, {})[row.weekday] = DayHours(row.opens, row.closes)
        overrides, missing = self._read_overrides()
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
                source=dataset.source if dataset else "", overrides_missing=missing,
            )
        return policies

    def replace_desks(self, data: DeskData) -> None:
        """The reference desks and their hours; overrides are rows of their own and stay."""
        session = self._session
        session.execute(delete(DeskHoursRow))
        existing = {row.country: row for row in session.scalars(select(DeskRow))}
        for desk in data.desks:
            row = existing.get(desk.country) or DeskRow(country=desk.country)
            row.name, row.timezone, row.phone = desk.name, desk.timezone, desk.phone
            row.email, row.clause, row.closed_days_note = desk.email, desk.clause, desk.closed_days_note
            row.closed_day_rules = asdict(desk.closed_day_rules)
            session.add(row)
        session.flush()  # desks before their hours: the rows are not mapped as relationships
        session.add_all(
            DeskHoursRow(country=desk.country, weekday=day, opens=h.opens, closes=h.closes)
            for desk in data.desks for day, h in desk.weekly_hours.items())

    def add_override(self, override: Override) -> Override:
        row = DeskOverrideRow(
            country=override.country, kind=override.kind.value, weekday=override.weekday,
            on_date=override.on_date, note=override.note, created_at=to_utc(override.created_at),
            created_by=override.created_by,
            opens=override.hours.opens if override.hours else None,
            closes=override.hours.closes if override.hours else override.closes,
        )
        self._overrides.add(row)
        self._overrides.flush()
        live.record(self._overrides, "override", row.id, who=override.created_by)
        return _override(row)

    def remove_override(self, override_id: int) -> Override | None:
        row = self._overrides.get(DeskOverrideRow, override_id)
        if row is None:
            return None
        removed = _override(row)
        self._overrides.delete(row)
        live.record(self._overrides, "override", override_id)
        return removed
