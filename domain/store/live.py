"""Colleagues' changes, as they happen (issue 15, "Live").

PostgreSQL: the repositories record what a unit of work wrote (`record`); a team's unit
of work sends one `pg_notify('deskguide_changes', payload)` per record in the same
transaction, just before its commit (`notify`), so the server delivers it only when the
commit lands and a rollback sends nothing. Each app listens on a connection of its own
(`Listener`: autocommit, `LISTEN deskguide_changes`) and hands the notices to its views,
which refresh only what they show of them.

The payload is small JSON: `{"kind": "customer", "id": 7, "customer": 7, "who": "Anna",
"at": "2026-12-07T10:42:00.123Z", "origin": "..."}`; `kind` is one of KINDS; `id` null
means "many or unknown records of this kind" (an import, a purge): refresh everything of
the kind. `who` is the agent's name where the write carries one (a journal entry, a first
response), else the database login. `origin` names the store that wrote it, so an app
skips its own writes (it has refreshed for them already).

SQLite (a local file another process changes: the CLI importing, a second window): no
payload; `DataVersionWatch` reads `PRAGMA data_version`, which changes when another
connection has committed to the file, and the views reload broadly.
"""
from __future__ import annotations

import datetime as dt
import json
import select
import sqlite3
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.orm import Session

CHANNEL = "deskguide_changes"
KINDS = ("customer", "subscription", "case", "journal", "override")
# More records of one kind than this in one transaction (an import, a purge): one notice
# for the kind instead; a payload per record would flood every listening app.
MANY = 20
_WRITTEN = "deskguide.written"  # the session's info key: what this transaction wrote


@dataclass(frozen=True)
class ChangeNotice:
    """One change a colleague committed (module docstring)."""

    kind: str
    id: int | None = None  # None: many or unknown records of the kind
    customer_id: int | None = None
    who: str = ""
    at: dt.datetime | None = None
    origin: str = ""


def record(session: Session, kind: str, record_id: int | None = None, customer_id: int | None = None,
           who: str = "") -> None:
    """Note that this transaction wrote a record of `kind` (a repository calls it)."""
    session.info.setdefault(_WRITTEN, []).append((kind, record_id, customer_id, who or ""))


def forget(session: Session) -> None:
    """The transaction was rolled back: nothing it wrote is to be announced."""
    session.info.pop(_WRITTEN, None)


def _batched(written: list[tuple]) -> list[tuple]:
    """One notice per record, once; a kind with an unknown record or more than MANY of
    them gets one notice for the whole kind instead."""
    counts = Counter(kind for kind, *_rest in written)
    whole = {kind for kind, record_id, *_rest in written if record_id is None or counts[kind] > MANY}
    out: dict[tuple, tuple] = {}
    for kind, record_id, customer_id, who in written:
        if kind in whole:
            out.setdefault((kind,), (kind, None, None, who))
        else:
            out.setdefault((kind, record_id, customer_id), (kind, record_id, customer_id, who))
    return list(out.values())


# Built on the server: `who` falls back to the login (session_user), `at` is the server's
# clock when the notice was queued (a moment before the commit).
_NOTIFY = text(
    "SELECT pg_notify(:channel, json_build_object("
    "'kind', CAST(:kind AS text), 'id', CAST(:id AS bigint), 'customer', CAST(:customer AS bigint), "
    "'who', COALESCE(NULLIF(CAST(:who AS text), ''), session_user), "
    "'at', to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'), "
    "'origin', CAST(:origin AS text))::text)")


def notify(session: Session, origin: str) -> None:
    """Queue a notice for everything this transaction wrote (PostgreSQL delivers them on
    commit, in order, and drops them on a rollback). Called just before the commit."""
    written = session.info.pop(_WRITTEN, None)
    if not written:
        return
    for kind, record_id, customer_id, who in _batched(written):
        session.execute(_NOTIFY, {"channel": CHANNEL, "kind": kind, "id": record_id, "customer": customer_id,
                                  "who": who, "origin": origin})


def parse(payload: str) -> ChangeNotice | None:
    """A notice from its payload; None for one this version cannot read."""
    try:
        data = json.loads(payload)
        at = data.get("at")
        return ChangeNotice(kind=str(data["kind"]), id=data.get("id"), customer_id=data.get("customer"),
                            who=str(data.get("who") or ""),
                            at=dt.datetime.fromisoformat(at.replace("Z", "+00:00")) if at else None,
                            origin=str(data.get("origin") or ""))
    except (ValueError, KeyError, TypeError, AttributeError):
        return None


class Listener:
    """A connection of its own that LISTENs on CHANNEL (autocommit: a notice is delivered
    between transactions, and this one never holds one open). `fileno()` becomes readable
    when something arrives; `take()` reads it without blocking."""

    def __init__(self, connection, origin: str = ""):
        self._connection = connection
        self._origin = origin
        connection.autocommit = True
        connection.execute(f"LISTEN {CHANNEL}")

    def fileno(self) -> int:
        return self._connection.pgconn.socket

    def take(self) -> list[ChangeNotice]:
        """The notices that have arrived, others' only; OSError-like psycopg errors
        (psycopg.OperationalError) when the connection is lost."""
        import psycopg

        pgconn = self._connection.pgconn
        pgconn.consume_input()
        if pgconn.status != 0:  # CONNECTION_OK
            raise psycopg.OperationalError("the listening connection was lost")
        notices = []
        while (raw := pgconn.notifies()) is not None:
            notice = parse(raw.extra.decode("utf-8", "replace"))
            if notice is not None and notice.origin != self._origin:
                notices.append(notice)
        return notices

    def wait(self, timeout: float) -> list[ChangeNotice]:
        """Block up to `timeout` seconds for notices (for scripts and benchmarks)."""
        ready, _, _ = select.select([self.fileno()], [], [], timeout)
        return self.take() if ready else []

    def close(self) -> None:
        try:
            self._connection.close()
        except Exception:  # noqa: BLE001 - a connection already lost closes anyway
            pass


class DataVersionWatch:
    """`PRAGMA data_version` of a SQLite file on a connection of its own: the value moves
    when another connection (another process, or this app's own store) commits. The owner
    calls `seen()` after its own writes so that only others' count."""

    def __init__(self, path: Path | str):
        self._connection = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
        self._version = self._read()

    def _read(self) -> int:
        return self._connection.execute("PRAGMA data_version").fetchone()[0]

    def changed(self) -> bool:
        """True once after someone committed since the last call (or `seen()`)."""
        version = self._read()
        if version == self._version:
            return False
        self._version = version
        return True

    def seen(self) -> None:
        self._version = self._read()

    def close(self) -> None:
        self._connection.close()
