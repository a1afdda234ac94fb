"""Import the customer register from a CSV file and export it to one (docs/register-csv.md).

An import is all or nothing: the whole file is read and checked before the store is
touched, and the records go in with one transaction. An export never leaves half a file:
it is written beside the target and moved into place only when complete.
"""
from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path

from domain.customer_csv import ParsedRegister, parse_register_csv, write_register_csv
from domain.errors import InvalidInput
from domain.messages import Message
from domain.services.register import UpsertResult, export_records, upsert_records


def _why(error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return Message("no such file or folder")
    if isinstance(error, IsADirectoryError):
        return Message("is a folder, not a file")
    if isinstance(error, PermissionError):
        return Message("permission denied (is the file open in Excel or another program?)")
    return error.strerror or str(error)  # the system's own words: rare, and all there is


def read_register_file(path: str | os.PathLike, today: dt.date | None = None) -> ParsedRegister:
    """The checked records of a register file, or InvalidInput (CsvProblems for the file's content)."""
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise InvalidInput("file", str(path), Message("cannot be read: {why}", why=_why(error))) from None
    return parse_register_csv(data, today)


def import_records(store, parsed: ParsedRegister, today: dt.date, dry_run: bool = False) -> UpsertResult:
    return upsert_records(store, parsed.customers, parsed.subscriptions, today, dry_run=dry_run)


def import_csv(store, path: str | os.PathLike, today: dt.date, dry_run: bool = False) -> UpsertResult:
    """Add and update the customers and subscriptions of the file; UpsertResult counts what
    changed. A file with any problem raises CsvProblems and changes nothing; importing the
    same file again changes nothing either (rows are matched by their ids)."""
    return import_records(store, read_register_file(path, today), today, dry_run=dry_run)


def check_export_target(path: str | os.PathLike) -> Path:
    """The target as a Path, or InvalidInput if no file can be written there (checked before any work)."""
    target = Path(path)
    if target.is_dir():
        raise InvalidInput("file", str(path), Message("is a folder: give a file name, e.g. register.csv"))
    if not target.parent.is_dir():
        raise InvalidInput("file", str(path), Message("cannot be written: the folder {folder} does not exist",
                                                      folder=repr(str(target.parent))))
    return target


def export_csv(store, path: str | os.PathLike, separator: str = ";") -> int:
    """Write the whole register to `path`; the number of rows written (header not counted)."""
    target = check_export_target(path)
    records = list(export_records(store))
    data = write_register_csv(records, separator)
    # A file that already exists keeps its permissions; a new one gets the usual rw-r--r--
    # (a temporary file is created private).
    mode = target.stat().st_mode & 0o777 if target.exists() else 0o644
    part = None
    try:
        with tempfile.NamedTemporaryFile(dir=target.parent, prefix=f".{target.name}.", suffix=".part",
                                         delete=False) as handle:
            part = Path(handle.name)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(part, mode)
        os.replace(part, target)
        part = None
    except OSError as error:
        raise InvalidInput("file", str(path), Message("cannot be written: {why}", why=_why(error))) from None
    finally:
        if part is not None:  # anything went wrong: the half-written file goes, the old one stays
            part.unlink(missing_ok=True)
    return sum(max(1, len(record.subscriptions)) for record in records)
