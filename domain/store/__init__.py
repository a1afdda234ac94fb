"""The embedded store: SQLAlchemy 2.x over SQLite by default or a team's PostgreSQL, schema by Alembic.

The names below load on first use (PEP 562), so that `domain.store.quick_read`, the
stdlib-only reader of reference answers (issue 17), can be imported without SQLAlchemy.
"""
from __future__ import annotations

import importlib

_WHERE = {"Store": "domain.store.database", "default_db_path": "domain.store.database",
          "open_store": "domain.store.opening", "TeamStore": "domain.store.team",
          "init_team_database": "domain.store.team", "open_team_store": "domain.store.team"}

__all__ = ["Store", "TeamStore", "default_db_path", "init_team_database", "open_store", "open_team_store"]


def __getattr__(name: str):
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(_WHERE[name]), name)
    globals()[name] = value
    return value
