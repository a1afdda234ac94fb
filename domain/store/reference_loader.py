"""Load the bundled reference data into the store when the bundle is newer.

A reference file replaces the store's copy only when its `version` is higher, in one
transaction; administrator overrides are separate rows and survive the replacement.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import asdict

from sqlalchemy import delete, select

from domain.escalation_data import parse_escalation
from domain.reference_data import Dataset, DeskData, load_desks, load_toml, reference_dir
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


def replace_lifecycle(store: Store, dataset: Dataset, catalogue, now: dt.datetime) -> None:
    from domain.store.lifecycle_repository import replace_products

    with store.session() as session:
        replace_products(session, catalogue)
        _record_dataset(session, dataset, now)


def _is_newer(store: Store, dataset: Dataset) -> bool:
    current = stored_version(store, dataset.name)
    return current is None or current < dataset.version


def load_bundled_reference_data(store: Store, *, now: dt.datetime) -> list[str]:
    """Load every bundled file newer than the store's copy; return the names loaded.

    Each file is parsed (and so checked) whole before its transaction starts."""
    from domain.lifecycle_data import load_lifecycle
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
    lifecycle_dataset, products = load_lifecycle()
    if _is_newer(store, lifecycle_dataset):
        replace_lifecycle(store, lifecycle_dataset, products, now)
        loaded.append(lifecycle_dataset.name)
    escalation_data = load_toml(reference_dir() / "escalation.toml")
    escalation_dataset = parse_escalation(escalation_data)[0]  # checked whole before it is stored
    if _is_newer(store, escalation_dataset):
        replace_escalation(store, escalation_dataset, escalation_data, now)
        loaded.append(escalation_dataset.name)
    return loaded


def replace_escalation(store: Store, dataset: Dataset, data: dict, now: dt.datetime) -> None:
    from domain.store.reference_documents import replace_document

    with store.session() as session:
        replace_document(session, dataset.name, data)
        _record_dataset(session, dataset, now)
