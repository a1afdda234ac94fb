"""Databases as older Deskguides left them: the schema of a released revision, by Alembic."""
from __future__ import annotations

from alembic import command

from domain.store.database import Store, _alembic_config


def at_revision(path, revision: str) -> None:
    """The file `path` with its schema at `revision` and no reference data."""
    old = Store.for_file(path)
    try:
        with old.engine.begin() as connection:
            command.upgrade(_alembic_config(connection), revision)
    finally:
        old.close()
