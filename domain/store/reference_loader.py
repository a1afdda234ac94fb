"""Load the bundled reference data into the store when the bundle is newer.

A reference file replaces the store's copy only when its `version` is higher, in one
transaction; administrator overrides are separate rows and survive the replacement.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import asdict

from sqlalchemy import delete, select

from domain.reference_data import Dataset, DeskData, load_desks
from domain.store.database import Store
from domain.store.models import DeskHoursRow, DeskRow, ReferenceDatasetRow


def stored_version(store: Store, name: str) -> int | None:
    with store.session() as session:
        return session.scalar(select(ReferenceDatasetRow.version).where(ReferenceDatasetRow.name == name))


def _record_dataset(session, dataset: Dataset, now: dt.datetime) -> None:
    session.merge(ReferenceDatasetRow(
        name=dataset.name, version=dataset.version, title=dataset.title, source=dataset.source,
        checked=dataset.checked, reviewed_from=dataset.reviewed_from, reviewed_to=dataset.reviewed_to,
        loaded_at=now.astimezone(dt.timezone.utc),
    ))


def replace_desks(store: Store, data: DeskData, now: dt.datetime) -> None:
    with store.session() as session:
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
        _record_dataset(session, data.dataset, now)


def replace_scope(store: Store, dataset: Dataset, catalogue, now: dt.datetime) -> None:
    from domain.store.scope_repository import replace_catalogue

    with store.session() as session:
        replace_catalogue(session, catalogue)
        _record_dataset(session, dataset, now)


def _is_newer(store: Store, dataset: Dataset) -> bool:
    current = stored_version(store, dataset.name)
    return current is None or current < dataset.version


def load_bundled_reference_data(store: Store, *, now: dt.datetime) -> list[str]:
    """Load every bundled file newer than the store's copy; return the names loaded.

    Each file is parsed (and so checked) whole before its transaction starts."""
    from domain.scope_data import load_scope

    loaded = []
    desks = load_desks()
    if _is_newer(store, desks.dataset):
        replace_desks(store, desks, now)
        loaded.append(desks.dataset.name)
    scope_dataset, catalogue = load_scope()
    if _is_newer(store, scope_dataset):
        replace_scope(store, scope_dataset, catalogue, now)
        loaded.append(scope_dataset.name)
    return loaded
