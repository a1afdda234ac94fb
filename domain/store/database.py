"""The database: its engine, where its file lives, and which schema revision it holds.

Where the data lives: `--db PATH` (the caller passes it), else `DESKGUIDE_DB`, else the
user's data folder from platformdirs (%LOCALAPPDATA%\\Deskguide on Windows). Never the
program folder: IT installs that read-only under Program Files. Opening it (migrating,
loading the reference data) is domain/store/opening.py.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.orm import sessionmaker
from domain.store.driver_errors import translate_driver_errors
from domain.store.unit_of_work import UnitOfWork

APP_NAME = "Deskguide"
DB_FILENAME = "deskguide.sqlite3"
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def default_db_path() -> Path:
    env = os.environ.get("DESKGUIDE_DB")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir  # only needed when nothing else says where

    return Path(user_data_dir(APP_NAME, appauthor=False)) / DB_FILENAME


def _enable_foreign_keys(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


class Store:
    """A database; services work on it through units of work (store.unit_of_work()),
    each one transaction that rolls back unless committed."""

    def __init__(self, engine: Engine, path: Path | None = None):
        self.engine = engine
        self.path = path
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @classmethod
    def for_url(cls, url: str, path: Path | None = None) -> Store:
        sqlite = url.startswith("sqlite")
        # Each session checks out its own connection, but the worker thread that uses
        # it is not the one that made it; sqlite3 must be told that is fine.
        engine = create_engine(url, connect_args={"check_same_thread": False} if sqlite else {})
        if sqlite:
            event.listen(engine, "connect", _enable_foreign_keys)
        translate_driver_errors(engine)
        return cls(engine, path)

    def unit_of_work(self) -> UnitOfWork:
        return UnitOfWork(self._sessions)

    def schema_revision(self) -> str | None:
        from alembic.runtime.migration import MigrationContext

        with self.engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()

    def close(self) -> None:
        self.engine.dispose()


def _alembic_config(connection):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    config = _alembic_config(None)
    return ScriptDirectory.from_config(config).get_current_head()


_REVISION_LINE = re.compile(r'^(down_revision|revision)\s*=\s*["\']?([\w-]+|None)["\']?\s*$', re.MULTILINE)


def head_revision_from_files() -> str | None:
    """The newest migration, read from the migration files without importing Alembic
    (~100 ms of start-up). None when the files do not form one simple chain; then the
    caller asks Alembic. tests/domain/store/test_opening.py checks both agree."""
    revisions, parents = set(), set()
    for script in (MIGRATIONS_DIR / "versions").glob("*.py"):
        found = dict((key, value) for key, value in _REVISION_LINE.findall(script.read_text("utf-8")))
        if "revision" not in found:
            return None
        revisions.add(found["revision"])
        if found.get("down_revision", "None") != "None":
            parents.add(found["down_revision"])
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def stored_revision(store: Store) -> str | None:
    with store.engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def table_names(store: Store) -> list[str]:
    return sorted(inspect(store.engine).get_table_names())
