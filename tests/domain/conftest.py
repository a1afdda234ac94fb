"""Fixtures for the domain tests: the bundled desks as policies, without a store.

Most rule tests need only the plain values of resources/reference/desks.toml; building
them once per session keeps the property tests fast. tests/domain/store/test_opening.py checks
that the store hands back exactly these policies.
"""
from __future__ import annotations

import datetime as dt

import pytest

from domain.desks import DeskPolicy, Override, OverrideKind
from domain.reference_data import DeskData, load_desks
from domain.services.hours import HoursAnswerer


def policy_from(data: DeskData, country: str, overrides: tuple[Override, ...] = ()) -> DeskPolicy:
    desk = next(d for d in data.desks if d.country == country)
    return DeskPolicy(
        desk=desk, overrides=overrides,
        reviewed_from=data.dataset.reviewed_from, reviewed_to=data.dataset.reviewed_to,
        source=data.dataset.source,
    )


@pytest.fixture(scope="session")
def desk_data() -> DeskData:
    return load_desks()


@pytest.fixture(scope="session")
def bundled_policies(desk_data) -> dict[str, DeskPolicy]:
    return {desk.country: policy_from(desk_data, desk.country) for desk in desk_data.desks}


@pytest.fixture(scope="session")
def bundled_answerer(bundled_policies) -> HoursAnswerer:
    """Answers from the bundled reference data, as a freshly installed app gives them."""
    return HoursAnswerer(bundled_policies)


@pytest.fixture(scope="session")
def make_policy(desk_data):
    """make_policy("SE", override, ...): the bundled desk with an administrator's overrides."""

    def make(country: str, *overrides: Override) -> DeskPolicy:
        return policy_from(desk_data, country, tuple(overrides))

    return make


@pytest.fixture(scope="session")
def make_override():
    """make_override(kind, country, id=..., note=..., ...) with a fixed author and date."""

    def make(kind: OverrideKind, country: str = "SE", *, id: int = 7, note: str = "", by: str = "anna.admin",
             created_at: dt.datetime = dt.datetime(2026, 11, 20, 9, 30, tzinfo=dt.timezone.utc),
             **fields) -> Override:
        return Override(id=id, country=country, kind=kind, note=note, created_at=created_at, created_by=by,
                        **fields)

    return make


@pytest.fixture(scope="session")
def store_answerer(tmp_path_factory) -> HoursAnswerer:
    """Answers from policies read back from a real store (Alembic, SQLite), made once."""
    from domain.services.hours import load_policies
    from domain.store import open_store

    store = open_store(tmp_path_factory.mktemp("store") / "deskguide.sqlite3",
                       now=dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.timezone.utc))
    try:
        return HoursAnswerer(load_policies(store))
    finally:
        store.close()
