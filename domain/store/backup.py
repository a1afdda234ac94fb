"""Copies of a SQLite database made with SQLite's online backup API.

Copying the file while Deskguide runs can catch it between two pages, and misses what
is still in `<file>-wal`; the backup API copies one consistent state of the database,
committed transactions only, while other programs go on reading and writing it. Used
before every upgrade (domain/store/migrating.py) and by `deskguide backup PATH`.

A copy is written to `<target>.partial` and renamed into place when whole: an
interrupted backup never leaves a half copy under the name asked for. The copy is one
self-contained file (journal mode DELETE), ready to be opened or copied further.
"""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from domain.errors import StoreError
from domain.messages import Message
from domain.store import database
from domain.store.driver_errors import translated

PARTIAL = ".partial"


def _remove(path: Path) -> None:
    for leftover in (path, Path(f"{path}-journal"), Path(f"{path}-wal"), Path(f"{path}-shm")):
        try:
            leftover.unlink()
        except FileNotFoundError:
            pass


def copy_database(source: Path, target: Path) -> int:
    """Copy the database file `source` into `target` (replaced if it is a file); the
    copy's size in bytes. The database's errors come out as domain errors (a busy
    database as StoreBusy); a target that cannot be written as a StoreError."""
    partial = Path(f"{target}{PARTIAL}")
    _remove(partial)  # what an interrupted backup left
    try:
        # Plain file names (not URIs): `?` and `%` in a name stay what they are.
        reading = sqlite3.connect(os.fspath(source), timeout=database.BUSY_TIMEOUT_SECONDS, isolation_level=None)
        try:
            # Read-locked first, under the busy timeout: the backup API itself would wait
            # for a lock forever (Python retries a busy step without end).
            reading.execute("BEGIN")
            reading.execute("SELECT count(*) FROM sqlite_master").fetchall()
            writing = sqlite3.connect(os.fspath(partial), isolation_level=None)
            try:
                reading.backup(writing)
                writing.execute("PRAGMA journal_mode=DELETE")  # one file, no -wal beside it
            finally:
                writing.close()
        finally:
            reading.close()
        os.replace(partial, target)
    except sqlite3.Error as error:
        _remove(partial)
        raise translated(DBAPIError.instance(None, None, error, sqlite3.Error)) from error
    except OSError as error:
        _remove(partial)
        raise StoreError(Message("cannot write the copy {path}: {why}", path=str(target),
                                 why=str(error.strerror or error))) from error
    return target.stat().st_size
