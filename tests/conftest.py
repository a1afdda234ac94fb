"""Shared test set-up: Qt draws offscreen, and no test touches the user's real data."""
from __future__ import annotations

import datetime as dt
import os

import pytest

# Set before any Qt import (pytest-qt creates the QApplication lazily).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# A fixed moment for tests that need "now": Monday 23 November 2026, 12:00 UTC.
MONDAY_NOON = dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.timezone.utc)


@pytest.fixture(autouse=True)
def isolated_data(tmp_path, monkeypatch):
    """Every test gets its own database path; the user's data folder is never used, nor
    the machine's deskguide.ini (tests/desktop/test_machine_config.py writes its own)."""
    path = tmp_path / "data" / "deskguide.sqlite3"
    monkeypatch.setenv("DESKGUIDE_DB", str(path))
    monkeypatch.setenv("DESKGUIDE_MACHINE_CONFIG", str(tmp_path / "machine" / "deskguide.ini"))
    return path


@pytest.fixture
def now() -> dt.datetime:
    return MONDAY_NOON


@pytest.fixture(scope="session")
def reference_bundle():
    """The bundled reference files, read and parsed once for the whole run."""
    from domain.reference_bundle import ReferenceBundle

    return ReferenceBundle.bundled()


@pytest.fixture
def store(isolated_data, now, reference_bundle):
    """A real SQLite store, migrated by Alembic and loaded with the bundled data."""
    from domain.store import open_store

    opened = open_store(isolated_data, now=now, reference=reference_bundle)
    yield opened
    opened.close()


@pytest.fixture
def answerer(store):
    from domain.services.hours import HoursAnswerer, load_policies

    return HoursAnswerer(load_policies(store))
