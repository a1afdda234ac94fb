"""Reference answers from an up-to-date SQLite file without SQLAlchemy, Alembic or `holidays`
(issue 17: `deskguide hours`, `scope`, `notice`, `escalate`, `lifecycle` within 8x an
empty Python; the GUI's first answers).

`open_quick(path, now=...)` opens the file read-only with the stdlib's sqlite3 and gives a
store the read services accept (`unit_of_work()` with `.desks.policies()` and
`.reference.document()`, `.scope_catalogue()`, `.lifecycle_catalogue()`), built by the
same constructors as the ORM repositories (stored_values.py). It answers only when the
full store would answer from exactly the same data without writing anything first:

- the file exists and is no network share (the full path refuses those, and says so);
- its schema is this version's head (one query against the migration files' head:
  location.head_revision_from_files), so no migration is due;
- every reference dataset it holds is at least the bundled file's version (read from
  the `[dataset]` table of each bundled TOML), so no reference load is due;
- with `calendar=True` (the hours, notice and escalation answers), the snapshot of the
  `holidays` library's answers the full store keeps (table closed_day_snapshot,
  migration 0011, filled by opening.py) was made by the installed library's version, for these desks' categories
  and for this year and the next.

Anything else, or any sqlite3 error on the way: None, and the caller opens the full store
(which migrates, loads, refreshes the snapshot, or refuses, exactly as before). It never
writes. A question the snapshot does not hold (another year) still asks the library.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
import tomllib
from pathlib import Path

from domain.errors import ReferenceDataError
from domain.store import stored_values

REFERENCE_DATASETS = ("desks", "scope", "lifecycle", "escalation")
BUSY_TIMEOUT_SECONDS = 10.0  # as the full store's; a read in WAL mode does not wait for writers anyway
_DATASET_TABLE = re.compile(r"^\[dataset\]\s*$(.*?)(?=^\[)", re.MULTILINE | re.DOTALL)


def bundled_versions() -> dict[str, int] | None:
    """The version of each bundled reference file, from its `[dataset]` table alone (the
    whole files take ~150 ms to parse); None when one cannot be read that way."""
    from domain.reference_data import reference_dir

    versions = {}
    try:
        for name in REFERENCE_DATASETS:
            found = _DATASET_TABLE.search((reference_dir() / f"{name}.toml").read_text("utf-8"))
            version = tomllib.loads(found.group(1)).get("version") if found else None
            if not isinstance(version, int):
                return None
            versions[name] = version
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None
    return versions


def _time(text: str | None) -> dt.time | None:
    return dt.time.fromisoformat(text) if text is not None else None


def _day(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text is not None else None


class QuickDesks:
    def __init__(self, connection: sqlite3.Connection, read: dict):
        self._connection = connection
        self._read = read  # the store's: what this short-lived reader has read already

    def policies(self):
        """As DeskRepository.policies() on the same file; read once per quick store (the
        snapshot check and the answer both ask)."""
        if "policies" not in self._read:
            self._read["policies"] = self._policies()
        return self._read["policies"]

    def _policies(self):
        query = self._connection.execute
        dataset = query("SELECT reviewed_from, reviewed_to, source FROM reference_dataset "
                        "WHERE name = 'desks'").fetchone()
        hours = [(country, weekday, _time(opens), _time(closes))
                 for country, weekday, opens, closes in query("SELECT country, weekday, opens, closes FROM desk_hours")]
        overrides: dict[str, list] = {}
        for row in query("SELECT id, country, kind, note, created_at, created_by, weekday, on_date, opens, closes "
                         "FROM desk_override ORDER BY id"):
            override = stored_values.override(
                id=row[0], country=row[1], kind=row[2], note=row[3], created_at=dt.datetime.fromisoformat(row[4]),
                created_by=row[5], weekday=row[6], on_date=_day(row[7]), opens=_time(row[8]), closes=_time(row[9]))
            overrides.setdefault(override.country, []).append(override)
        desks = [{"country": row[0], "name": row[1], "timezone": row[2], "phone": row[3], "email": row[4],
                  "clause": row[5], "closed_day_rules": json.loads(row[6]), "closed_days_note": row[7]}
                 for row in query("SELECT country, name, timezone, phone, email, clause, closed_day_rules, "
                                  "closed_days_note FROM desk")]
        values = None if dataset is None else dict(zip(("reviewed_from", "reviewed_to", "source"), dataset))
        return stored_values.desk_policies(values, hours, desks, overrides, None)


class QuickReference:
    def __init__(self, connection: sqlite3.Connection):
        self._connection = connection

    def stored_document(self, name: str) -> dict | None:
        row = self._connection.execute("SELECT data FROM reference_document WHERE name = ?", (name,)).fetchone()
        return None if row is None else json.loads(row[0])

    def document(self, name: str) -> dict:
        """As ReferenceRepository.document()."""
        data = self.stored_document(name)
        if data is None:
            raise ReferenceDataError(f"the store has no {name} reference data; reopen Deskguide to load it")
        return stored_values.revived(data)

    def scope_catalogue(self):
        from domain.scope_data import parse_scope

        return parse_scope(self.document("scope"), "the scope catalogue in the store")[1]

    def lifecycle_catalogue(self):
        from domain.lifecycle_data import parse_lifecycle

        return parse_lifecycle(self.document("lifecycle"), "the lifecycle list in the store")[1]


class QuickUnit:
    """What a read service asks of a unit of work, for reference answers only."""

    def __init__(self, connection: sqlite3.Connection, read: dict):
        self.desks = QuickDesks(connection, read)
        self.reference = QuickReference(connection)

    def __enter__(self) -> QuickUnit:
        return self

    def __exit__(self, *exc_info) -> None:
        pass


class QuickStore:
    """A read-only SQLite file for the read services of reference answers (module
    docstring), on one read-only connection."""

    is_sqlite = True
    login = None

    def __init__(self, path: Path, connection: sqlite3.Connection):
        self.path = path
        self.agent_name = ""
        self._connection = connection
        self._read: dict = {}

    def unit_of_work(self, *, write: bool = False, exclusive: bool = True) -> QuickUnit:
        if write:
            raise RuntimeError("a quick store only reads; open the full store to write")
        return QuickUnit(self._connection, self._read)

    def close(self) -> None:
        self._connection.close()


def stored_snapshot(connection: sqlite3.Connection) -> dict | None:
    """The closed-day snapshot the file keeps (None: none yet)."""
    row = connection.execute("SELECT data FROM closed_day_snapshot").fetchone()
    return None if row is None else json.loads(row[0])


def connect(path: Path) -> sqlite3.Connection:
    # A URI, so the file is opened read-only (never created) and a name with ? or % in it
    # is taken as it is (Path.as_uri escapes them).
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_SECONDS,
                                 check_same_thread=False)
    connection.execute("PRAGMA query_only=ON")
    return connection


def _up_to_date(connection: sqlite3.Connection) -> bool:
    from domain.store.location import head_revision_from_files

    head = head_revision_from_files()
    revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    if head is None or revision is None or revision[0] != head:
        return False
    wanted = bundled_versions()
    stored = dict(connection.execute("SELECT name, version FROM reference_dataset"))
    return wanted is not None and all(stored.get(name) is not None and stored[name] >= version
                                      for name, version in wanted.items())


def years_for(now: dt.datetime) -> list[int]:
    """The years a snapshot made at `now` holds: this one and the next (a desk closed over
    New Year opens in the next)."""
    return [now.year, now.year + 1]


def open_quick(path: Path | str, *, now: dt.datetime, calendar: bool = False) -> QuickStore | None:
    """The file at `path` as a QuickStore, or None: open the full store (module docstring).
    With `calendar`, the library snapshot it keeps answers closed-day questions from now on
    (closed_days.use_library_snapshot); the caller may put the previous one back."""
    from domain.store.file_system import refuse_network_share

    path = Path(path)
    try:
        if not path.is_file():
            return None
        refuse_network_share(path)
        connection = connect(path)
    except Exception:  # noqa: BLE001 - anything unexpected: the full store decides and says it
        return None
    try:
        if not _up_to_date(connection):
            connection.close()
            return None
        store = QuickStore(path, connection)
        if calendar and not _use_snapshot(store, now):
            connection.close()
            return None
        return store
    except Exception:  # noqa: BLE001 - a table missing, a value not as written: the full store
        connection.close()
        return None


def _use_snapshot(store: QuickStore, now: dt.datetime) -> bool:
    from domain import closed_days

    snapshot = stored_snapshot(store._connection)
    with store.unit_of_work() as uow:
        fits = closed_days.snapshot_fits(snapshot, uow.desks.policies(), years_for(now))
    if fits:
        closed_days.use_library_snapshot(snapshot)
    return fits

