"""Bring a database's schema to the newest revision, so that no crash can lock the agent out.

- One transaction. The whole upgrade, every migration step and the reference data loaded
  after it, is one SQLite transaction (its DDL is transactional once pysqlite's own
  transaction handling is out of the way: domain/store/database.py). Killed at any
  statement, the file is as it was before, and the next start simply tries again
  (tests/domain/store/test_crash_points.py kills it at every statement).
- A copy first. Before an existing database is upgraded, a copy of it is made beside it
  with SQLite's backup API, `deskguide.sqlite3.before-0007` for an upgrade to 0007; the
  two newest are kept.
- Half-finished states. Deskguide before these rules committed each table as it made
  it, so a crash could leave tables of a later revision in a file whose alembic_version
  still names an earlier one; every start then failed with "table ... already exists".
  Such tables are dropped when they are empty (they came from the failed step, which
  wrote no rows: it had not committed), and the upgrade runs. If one of them holds rows
  the file is refused untouched, with a sentence saying which copy to put back.
"""
from __future__ import annotations

import functools
from pathlib import Path

from sqlalchemy import Connection, create_engine, text

from domain.errors import StoreError
from domain.messages import Message
from domain.store.backup import PARTIAL, copy_database
from domain.store.database import Store, _alembic_config

KEPT_BACKUPS = 2


class NewerSchema(StoreError):
    """A database of a newer Deskguide: refused untouched."""

    refused = True

BACKUP_INFIX = ".before-"


def revisions() -> list[str]:
    """Every revision, oldest first."""
    from alembic.script import ScriptDirectory

    return [script.revision for script in reversed(list(ScriptDirectory.from_config(_alembic_config(None))
                                                       .walk_revisions()))]


def current_revision(connection: Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(connection).get_current_revision()


def refuse_unknown(revision: str | None, database: str) -> None:
    """A database made by a newer Deskguide is refused rather than damaged."""
    if revision is not None and revision not in revisions():
        raise NewerSchema(Message(
            "the database {database} was made by a newer Deskguide (schema {schema}); update Deskguide to open it",
            database=database, schema=revision))


def _names(connection: Connection) -> dict[str, str]:
    """Every table and index the schema has made: name -> 'table' or 'index'."""
    rows = connection.execute(text("SELECT name, type FROM sqlite_master WHERE type IN ('table', 'index') "
                                   "AND name NOT LIKE 'sqlite_%'"))
    return dict(rows.all())


@functools.lru_cache(maxsize=1)
def _schemas() -> dict[str | None, frozenset[str]]:
    """The tables and indexes at each revision (None: before the first), found by running
    the migrations on an empty database in memory, one revision at a time."""
    from alembic import command

    engine = create_engine("sqlite://")
    schemas: dict[str | None, frozenset[str]] = {None: frozenset()}
    try:
        with engine.begin() as connection:
            config = _alembic_config(connection)
            for revision in revisions():
                command.upgrade(config, revision)
                schemas[revision] = frozenset(_names(connection)) - {"alembic_version"}
    finally:
        engine.dispose()
    return schemas


def backups(path: Path) -> list[Path]:
    """The copies made before upgrades of the database at `path`, oldest first."""
    prefix = path.name + BACKUP_INFIX
    found = [p for p in path.parent.glob(f"{glob_escape(prefix)}*") if not p.name.endswith(PARTIAL)]
    return sorted(found, key=lambda p: p.name)


def glob_escape(name: str) -> str:
    import glob

    return glob.escape(name)


def _back_up(path: Path, head: str) -> None:
    copy_database(path, path.with_name(f"{path.name}{BACKUP_INFIX}{head}"))
    for old in backups(path)[:-KEPT_BACKUPS]:
        old.unlink(missing_ok=True)


def _drop_half_finished(connection: Connection, current: str | None, path: Path | None) -> None:
    """Drop what a step after `current` left behind, if it is all empty; else refuse."""
    schemas = _schemas()
    present = _names(connection)
    extra = {name: kind for name, kind in present.items()
             if name != "alembic_version" and name not in schemas.get(current, frozenset())}
    if not extra:
        return
    known = frozenset().union(*schemas.values())
    tables = sorted(name for name, kind in extra.items() if kind == "table")
    holding = [name for name in tables
               if name not in known or connection.execute(text(f'SELECT 1 FROM "{name}" LIMIT 1')).first()]
    if holding:
        database = str(path) if path else "the database"
        newest = backups(path)[-1:] if path else []
        if newest:
            raise StoreError(Message(
                "the database {database} was left half-upgraded (schema {schema}, with data in tables of a later "
                "one: {tables}); close Deskguide and put the copy {backup} in its place",
                database=database, schema=str(current), tables=", ".join(holding), backup=str(newest[0])))
        raise StoreError(Message(
            "the database {database} was left half-upgraded (schema {schema}, with data in tables of a later "
            "one: {tables}); ask IT to restore it from a backup",
            database=database, schema=str(current), tables=", ".join(holding)))
    for name, kind in sorted(extra.items()):
        if kind == "index" and present.get(name) == "index":
            connection.execute(text(f'DROP INDEX IF EXISTS "{name}"'))
    for name in tables:
        connection.execute(text(f'DROP TABLE "{name}"'))


def upgrade(store: Store, connection: Connection, head: str) -> None:
    """Upgrade the database to `head` inside the write transaction `connection` is in.
    The copy is made from a connection of its own: this one holds the write lock, so
    the copy is exactly the state the upgrade starts from."""
    from alembic import command

    current = current_revision(connection)
    if current == head:
        return  # another Deskguide did it while this one waited for the lock
    refuse_unknown(current, str(store.path or store.engine.url))
    if store.is_sqlite:
        # PostgreSQL's DDL was always transactional: no half-finished states to repair.
        # Nor a copy here: a team database is backed up with pg_dump by IT before
        # `deskguide team init` upgrades it (the app itself never migrates one).
        _drop_half_finished(connection, current, store.path)
        if current is not None and store.path is not None:
            _back_up(store.path, head)
    command.upgrade(_alembic_config(connection), head)
