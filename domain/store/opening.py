"""Open the store: find the file, migrate it with Alembic, load the reference data.

Where the data lives: `--db PATH` (the caller passes it), else `DESKGUIDE_DB`, else the
user's data folder from platformdirs (%LOCALAPPDATA%\\Deskguide on Windows). Never the
program folder: IT installs that read-only under Program Files.

The reference data comes from a ReferenceBundle (domain/reference_bundle.py): the
bundled files unless the caller hands another. A file replaces the store's copy only
when its `version` is higher, each in one transaction; administrator overrides are
separate rows and survive the replacement.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from domain.errors import ConflictError, StoreError
from domain.messages import Message
from domain.reference_bundle import ReferenceBundle, ReferenceFile
from domain.store.database import (
    Store,
    _alembic_config,
    default_db_path,
    head_revision_from_files,
    stored_revision,
)
from domain.store.unit_of_work import UnitOfWork


def migrate(store: Store) -> None:
    """Bring the schema to the newest migration. A database made by a newer Deskguide
    is refused rather than damaged."""
    current = stored_revision(store)
    if current is not None and current == head_revision_from_files():
        return  # the usual start: already up to date, Alembic not even imported
    from alembic import command
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    with store.engine.begin() as connection:
        config = _alembic_config(connection)
        current = MigrationContext.configure(connection).get_current_revision()
        known = {s.revision for s in ScriptDirectory.from_config(config).walk_revisions()}
        if current is not None and current not in known:
            raise StoreError(Message(
                "the database {database} was made by a newer Deskguide (schema {schema}); update Deskguide to open it",
                database=str(store.path or store.engine.url), schema=current))
        command.upgrade(config, "head")


def _write_desks(uow: UnitOfWork, file: ReferenceFile) -> None:
    uow.desks.replace_desks(file.content)


def _write_document(uow: UnitOfWork, file: ReferenceFile) -> None:
    uow.reference.replace_document(file.dataset.name, file.data)


# Desks are tables (overrides refer to them); every other file is kept whole as a document.
_WRITERS = {"desks": _write_desks, "scope": _write_document, "lifecycle": _write_document,
            "escalation": _write_document}


def load_reference_data(store: Store, bundle: ReferenceBundle, *, now: dt.datetime) -> list[str]:
    """Load every file of `bundle` newer than the store's copy; return the names loaded.
    `now` is when this happens, recorded with each dataset loaded."""
    with store.unit_of_work() as uow:
        stored = {file.dataset.name: uow.reference.stored_version(file.dataset.name) for file in bundle.files()}
    loaded = []
    for name, write in _WRITERS.items():
        file = getattr(bundle, name)
        current = stored[file.dataset.name]
        if current is not None and current >= file.dataset.version:
            continue
        with store.unit_of_work() as uow:
            write(uow, file)
            uow.reference.record_dataset(file.dataset, now)
            uow.commit()
        loaded.append(file.dataset.name)
    return loaded


def open_store(path: Path | str | None = None, *, now: dt.datetime, reference: ReferenceBundle | None = None) -> Store:
    """Open (and on first start create) the store, migrated and with reference data.

    `now` is when this happens, recorded with the reference data it loads; `reference`
    is the data to load, the bundled files (resources/reference) unless given.
    """
    db_path = Path(path).expanduser() if path else default_db_path()
    try:
        db_path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(Message("cannot create the data folder {folder}: {why}", folder=str(db_path.parent),
                                 why=str(error.strerror))) from error
    if db_path.is_dir():
        raise StoreError(Message("{path} is a folder; point --db or DESKGUIDE_DB at a file", path=str(db_path)))
    store = Store.for_url(f"sqlite:///{db_path}", db_path)
    try:
        migrate(store)
        load_reference_data(store, reference or ReferenceBundle.bundled(), now=now)
    except (StoreError, ConflictError) as error:
        store.close()
        if getattr(error, "driver_error", None) is None:
            raise  # ours already (a newer schema): it says what is wrong
        # Not a database, locked by another program, a disk error: the user can act on it.
        kind = type(error) if isinstance(error, StoreError) else StoreError  # busy stays temporary
        raise kind(Message("cannot open the database {path}: {error}", path=str(db_path),
                           error=getattr(error, "why", "") or error.message)) from error
    except Exception:
        store.close()
        raise
    return store

