"""Open the store: find the file, migrate it with Alembic, load the reference data.

Where the data lives: `--db PATH` (the caller passes it), else `DESKGUIDE_DB`, else the
user's data folder from platformdirs (%LOCALAPPDATA%\\Deskguide on Windows). Never the
program folder: IT installs that read-only under Program Files. The path is a plain
file name, never read as a URL.

The reference data comes from a ReferenceBundle (domain/reference_bundle.py): the
bundled files unless the caller hands another. A file replaces the store's copy only
when its `version` is higher; administrator overrides are separate rows and survive
the replacement.

The usual start only reads (the schema is the newest, the reference data too). When
there is something to do, the upgrade (domain/store/migrating.py) and the reference
data loaded after it are one write transaction: a crash at any point leaves the file
as it was, and the next start does it all again.
"""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from sqlalchemy import Connection
from sqlalchemy.orm import sessionmaker

from domain.errors import ConflictError, ReasonOnly, StoreError
from domain.messages import Message
from domain.reference_bundle import ReferenceBundle, ReferenceFile
from domain.store.database import Store, default_db_path, head_revision, head_revision_from_files, stored_revision
from domain.store.file_system import refuse_network_share
from domain.store.unit_of_work import UnitOfWork


def _write_desks(uow: UnitOfWork, file: ReferenceFile) -> None:
    uow.desks.replace_desks(file.content)


def _write_document(uow: UnitOfWork, file: ReferenceFile) -> None:
    uow.reference.replace_document(file.dataset.name, file.data)


# Desks are tables (overrides refer to them); every other file is kept whole as a document.
_WRITERS = {"desks": _write_desks, "scope": _write_document, "lifecycle": _write_document,
            "escalation": _write_document}


def _due(uow: UnitOfWork, bundle: ReferenceBundle) -> list[tuple[str, ReferenceFile]]:
    """The files of `bundle` newer than the store's copy, with their writers' names."""
    due = []
    for name in _WRITERS:
        file = getattr(bundle, name)
        current = uow.reference.stored_version(file.dataset.name)
        if current is None or current < file.dataset.version:
            due.append((name, file))
    return due


def _load(uow: UnitOfWork, due: list[tuple[str, ReferenceFile]], now: dt.datetime) -> list[str]:
    for name, file in due:
        _WRITERS[name](uow, file)
        uow.reference.record_dataset(file.dataset, now)
    return [file.dataset.name for _, file in due]


def load_reference_data(store: Store, bundle: ReferenceBundle, *, now: dt.datetime) -> list[str]:
    """Load every file of `bundle` newer than the store's copy, all in one transaction;
    return the names loaded. `now` is when this happens, recorded with each dataset."""
    with store.unit_of_work(write=True) as uow:
        loaded = _load(uow, _due(uow, bundle), now)
        uow.commit()
    return loaded


def head() -> str:
    """This version's schema revision."""
    return head_revision_from_files() or head_revision()


def _name(store: Store) -> str:
    return str(store.path or store.engine.url)


def _inside(connection: Connection) -> UnitOfWork:
    # A unit of work in the transaction `connection` is in: its commit() leaves that
    # transaction open (SQLAlchemy's "join an external transaction"), the caller commits.
    return UnitOfWork(sessionmaker(bind=connection, expire_on_commit=False,
                                   join_transaction_mode="rollback_only"))


def migrate(store: Store) -> None:
    """Bring the schema to the newest migration (domain/store/migrating.py), without
    loading reference data. A database made by a newer Deskguide is refused untouched."""
    _open(store, None, now=None)


def _open(store: Store, bundle: ReferenceBundle | None, *, now: dt.datetime | None) -> None:
    wanted = head()
    current = stored_revision(store)
    if current == wanted:
        if bundle is None:
            return
        with store.unit_of_work() as uow:  # the usual start: a read, Alembic not even imported
            if not _due(uow, bundle):
                return
    else:
        from domain.store import migrating

        migrating.refuse_unknown(current, _name(store))  # before anything is written
    store.use_wal()
    with store.writing() as connection:  # the write lock first: a second Deskguide waits here
        if current != wanted:
            from domain.store import migrating

            migrating.upgrade(store, connection, wanted)
        if bundle is not None:
            load_into(connection, bundle, now)


def load_into(connection: Connection, bundle: ReferenceBundle, now: dt.datetime) -> list[str]:
    """Load the files of `bundle` newer than the database's copy inside the write
    transaction `connection` is in (the caller commits); the names loaded."""
    with _inside(connection) as uow:
        loaded = _load(uow, _due(uow, bundle), now)
        uow.commit()
    return loaded


def database_path(path: Path | str | None) -> Path:
    """The database file: `path` as given (a plain path), else the default location."""
    return Path(os.path.expanduser(path)) if path else default_db_path()


def open_store(path: Path | str | None = None, *, now: dt.datetime, reference: ReferenceBundle | None = None) -> Store:
    """Open (and on first start create) the store, migrated and with reference data.

    `now` is when this happens, recorded with the reference data it loads; `reference`
    is the data to load, the bundled files (resources/reference) unless given.
    """
    db_path = database_path(path)
    refuse_network_share(db_path)  # before anything is created or written (issue 14)
    try:
        db_path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(Message("cannot create the data folder {folder}: {why}", folder=str(db_path.parent),
                                 why=str(error.strerror))) from error
    try:
        is_folder = db_path.is_dir()
    except OSError as error:  # a name too long for the file system, say
        raise ReasonOnly("db", str(db_path), Message("cannot use {path} as the database: {why}",
                                                      path=str(db_path), why=str(error.strerror))) from error
    if is_folder:
        raise StoreError(Message("{path} is a folder; point --db or DESKGUIDE_DB at a file", path=str(db_path)))
    return _opened(Store.for_file(db_path), str(db_path), reference, now=now)


def raise_as_opening(error: StoreError | ConflictError, name: str) -> None:
    """Raise `error` as a failure to open the database `name`."""
    if getattr(error, "driver_error", None) is None:
        raise error  # ours already (a newer schema, a half-upgraded file): it says what is wrong
    # Not a database, locked by another program, a disk error: the user can act on it.
    kind = type(error) if isinstance(error, StoreError) else StoreError  # busy stays temporary
    said = error.message if error.temporary else (getattr(error, "why", "") or error.message)
    raise kind(Message("cannot open the database {path}: {error}", path=name, error=said),
               getattr(error, "why", "")) from error


def refresh_closed_days(store: Store, now: dt.datetime) -> None:
    """Keep the `holidays` library's answers for this year and the next in the file
    (issue 17; domain/store/quick_read.py reads them so a command's first answer need not
    import the library): made again when the library's version, the desks' categories or
    the year changed. Only a help, never in the way: written on a connection of its own
    that does not wait for another writer, and skipped when it cannot be written (a busy
    or read-only file); the next opening tries again."""
    import json
    import sqlite3
    from contextlib import closing

    from domain import closed_days
    from domain.store import quick_read

    with store.unit_of_work() as uow:
        policies = uow.desks.policies()
    try:
        with closing(quick_read.connect(store.path)) as reading:
            kept = quick_read.stored_snapshot(reading)
    except sqlite3.Error:
        return  # not readable as a plain file now: nothing to help with
    years = quick_read.years_for(now)
    if not policies or closed_days.snapshot_fits(kept, policies, years):
        return
    snapshot = closed_days.library_snapshot(closed_days.needed_categories(policies), years)
    if snapshot["holidays"] is None:
        return  # a version nobody can compare later: never used, so not kept
    try:
        with closing(sqlite3.connect(str(store.path), timeout=0, isolation_level=None)) as connection:
            connection.execute("BEGIN IMMEDIATE")
            connection.execute("DELETE FROM closed_day_snapshot")
            connection.execute("INSERT INTO closed_day_snapshot (holidays, data) VALUES (?, ?)",
                               (snapshot["holidays"], json.dumps(snapshot, ensure_ascii=False)))
            connection.execute("COMMIT")
    except sqlite3.Error:
        pass  # busy, read-only, full: the answers come from the library meanwhile


def _opened(store: Store, name: str, reference: ReferenceBundle | None, *, now: dt.datetime) -> Store:
    try:
        _open(store, reference or ReferenceBundle.bundled(), now=now)
        refresh_closed_days(store, now)
    except (StoreError, ConflictError) as error:
        store.close()
        raise_as_opening(error, name)
    except Exception:
        store.close()
        raise
    return store
