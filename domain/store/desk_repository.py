"""Map the desk tables to the plain values of domain.desks, and keep overrides.

Desks stay tables, unlike the other reference data (domain/store/reference_repository.py):
administrators' overrides refer to them by a foreign key.
"""
from __future__ import annotations

from dataclasses import asdict

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from domain.desks import DeskPolicy, Override
from domain.errors import StoreError
from domain.messages import Message
from domain.reference_data import DeskData
from domain.store import live, stored_values
from domain.store.column_values import to_utc
from domain.store.models import DeskHoursRow, DeskOverrideRow, DeskRow, ReferenceDatasetRow


def _override(row: DeskOverrideRow) -> Override:
    return stored_values.override(
        id=row.id, country=row.country, kind=row.kind, note=row.note, created_at=row.created_at,
        created_by=row.created_by, weekday=row.weekday, on_date=row.on_date, opens=row.opens, closes=row.closes)


# The desk row's columns a policy is made from (stored_values.desk_policies).
DESK_COLUMNS = ("country", "name", "timezone", "phone", "email", "clause", "closed_day_rules", "closed_days_note")


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
        hours = [(row.country, row.weekday, row.opens, row.closes) for row in session.scalars(select(DeskHoursRow))]
        overrides, missing = self._read_overrides()
        dataset_values = None
        if dataset is not None:
            dataset_values = {"reviewed_from": dataset.reviewed_from, "reviewed_to": dataset.reviewed_to,
                              "source": dataset.source}
        desks = [{column: getattr(row, column) for column in DESK_COLUMNS} for row in session.scalars(select(DeskRow))]
        return stored_values.desk_policies(dataset_values, hours, desks, overrides, missing)

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
