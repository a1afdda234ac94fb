"""Import the customer register from a CSV file and export it to one (docs/register-csv.md).

An import is all or nothing: the whole file is read and checked before the store is
touched, and the records go in with one transaction. An export never leaves half a file:
it is written beside the target and moved into place only when complete.
"""
from __future__ import annotations

import datetime as dt
import os
import secrets
import stat
from collections.abc import Callable
from pathlib import Path

from domain.customer_csv import ParsedRegister, parse_register_csv, write_register_csv
from domain.errors import InvalidInput
from domain.messages import Message
from domain.services.register import UpsertResult, export_records, upsert_records

# An import reads at most this much: the register of 100,000 customers and 300,000
# subscriptions is 34 MB, so 200 MB is room to spare, and a mistaken /dev/zero or a
# multi-gigabyte log file is refused instead of filling the memory.
MAX_IMPORT_MB = 200
MAX_IMPORT_BYTES = MAX_IMPORT_MB * 1024 * 1024

_BINARY = getattr(os, "O_BINARY", 0)  # Windows: no newline translation
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # POSIX: opening a FIFO does not wait for a writer


def _why(error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return Message("no such file or folder")
    if isinstance(error, IsADirectoryError):
        return Message("is a folder, not a file")
    if isinstance(error, PermissionError):
        return Message("permission denied (is the file open in Excel or another program?)")
    return error.strerror or str(error)  # the system's own words: rare, and all there is


def _not_a_regular_file(path) -> InvalidInput:
    return InvalidInput("file", str(path), Message("is not a regular file (a device, a pipe or a socket)"))


def _read_limited(path: str | os.PathLike) -> bytes:
    """The bytes of a regular file of at most MAX_IMPORT_BYTES. A device, a FIFO or a
    socket is refused before anything is read (fstat on the opened file, so what is
    checked is what is read)."""
    fd = os.open(path, os.O_RDONLY | _BINARY | _NONBLOCK)
    with open(fd, "rb") as handle:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(path)
        if not stat.S_ISREG(info.st_mode):
            raise _not_a_regular_file(path)
        data = handle.read(MAX_IMPORT_BYTES + 1)  # the file may have grown since fstat
    if info.st_size > MAX_IMPORT_BYTES or len(data) > MAX_IMPORT_BYTES:
        raise InvalidInput("file", str(path), Message("is larger than {limit} MB, the most an import reads: split "
                                                      "it into smaller files", limit=MAX_IMPORT_MB))
    return data


def read_register_file(path: str | os.PathLike, today: dt.date | None = None) -> ParsedRegister:
    """The checked records of a register file, or InvalidInput (CsvProblems for the file's content)."""
    try:
        data = _read_limited(path)
    except OSError as error:
        raise InvalidInput("file", str(path), Message("cannot be read: {why}", why=_why(error))) from None
    return parse_register_csv(data, today)


def import_records(store, parsed: ParsedRegister, today: dt.date, dry_run: bool = False,
                   before_commit: Callable[[], None] | None = None) -> UpsertResult:
    """`before_commit`: see upsert_records (what it raises undoes the whole import)."""
    return upsert_records(store, parsed.customers, parsed.subscriptions, today, dry_run=dry_run,
                          before_commit=before_commit)


def import_csv(store, path: str | os.PathLike, today: dt.date, dry_run: bool = False) -> UpsertResult:
    """Add and update the customers and subscriptions of the file; UpsertResult counts what
    changed. A file with any problem raises CsvProblems and changes nothing; importing the
    same file again changes nothing either (rows are matched by their ids)."""
    return import_records(store, read_register_file(path, today), today, dry_run=dry_run)


def _existing(path: str | os.PathLike, target: Path) -> os.stat_result | None:
    try:
        return os.stat(target)
    except FileNotFoundError:
        return None
    except OSError as error:
        raise InvalidInput("file", str(path), Message("cannot be written: {why}", why=_why(error))) from None


def check_export_target(path: str | os.PathLike) -> Path:
    """Where the export goes (a link's own target: the link stays), or InvalidInput if no
    file can be written there: a folder, a device or a pipe (which an export must never
    replace), a missing folder. Checked before any work."""
    target = Path(os.path.realpath(path))
    info = _existing(path, target)
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise InvalidInput("file", str(path), Message("is a folder: give a file name, e.g. register.csv"))
    if info is not None and not stat.S_ISREG(info.st_mode):
        raise _not_a_regular_file(path)
    if not target.parent.is_dir():
        raise InvalidInput("file", str(path), Message("cannot be written: the folder {folder} does not exist",
                                                      folder=repr(str(Path(path).parent))))
    return target


def _create_beside(target: Path, mode: int) -> tuple[int, Path]:
    """A new file next to `target`, created with `mode` less the umask (no chmod after):
    it holds names, phones and e-mails, so the user's umask decides who may read it, and
    on Windows it inherits the folder's permissions as any new file there does."""
    for _ in range(100):
        part = target.with_name(f".{target.name}.{secrets.token_hex(4)}.part")
        try:
            return os.open(part, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _BINARY, mode), part
        except FileExistsError:
            continue
    raise FileExistsError(str(target.parent))


def export_csv(store, path: str | os.PathLike, separator: str = ";") -> int:
    """Write the whole register to `path`; the number of rows written (header not counted)."""
    target = check_export_target(path)
    records = list(export_records(store))
    data = write_register_csv(records, separator)
    # A file that is replaced passes on no more than its own permissions; a new one gets
    # what the umask allows (rw-r--r-- under the usual 022, rw------- under 077).
    existing = _existing(path, target)
    mode = stat.S_IMODE(existing.st_mode) & 0o666 if existing is not None else 0o666
    part = None
    try:
        fd, part = _create_beside(target, mode)
        with open(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(part, target)
        part = None
    except OSError as error:
        raise InvalidInput("file", str(path), Message("cannot be written: {why}", why=_why(error))) from None
    finally:
        if part is not None:  # anything went wrong: the half-written file goes, the old one stays
            part.unlink(missing_ok=True)
    return sum(max(1, len(record.subscriptions)) for record in records)
