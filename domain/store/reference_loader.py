"""Load the bundled reference data into the store when the bundle is newer.

A reference file replaces the store's copy only when its `version` is higher, in one
transaction; administrator overrides are separate rows and survive the replacement.
"""
from __future__ import annotations

import datetime as dt

from domain.escalation_data import parse_escalation
from domain.reference_data import Dataset, DeskData, load_desks, load_toml, reference_dir
from domain.store.database import Store


def stored_version(store: Store, name: str) -> int | None:
    with store.unit_of_work() as uow:
        return uow.reference.stored_version(name)


def replace_desks(store: Store, data: DeskData, now: dt.datetime) -> None:
    with store.unit_of_work() as uow:
        uow.desks.replace_desks(data)
        uow.reference.record_dataset(data.dataset, now)
        uow.commit()


def replace_scope(store: Store, dataset: Dataset, catalogue, now: dt.datetime) -> None:
    with store.unit_of_work() as uow:
        uow.reference.replace_scope_catalogue(catalogue)
        uow.reference.record_dataset(dataset, now)
        uow.commit()


def replace_lifecycle(store: Store, dataset: Dataset, catalogue, now: dt.datetime) -> None:
    with store.unit_of_work() as uow:
        uow.reference.replace_lifecycle_catalogue(catalogue)
        uow.reference.record_dataset(dataset, now)
        uow.commit()


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
    with store.unit_of_work() as uow:
        uow.reference.replace_document(dataset.name, data)
        uow.reference.record_dataset(dataset, now)
        uow.commit()
