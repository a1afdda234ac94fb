"""Kill Deskguide's start at SQL statement N, for every N, and open the database again.

Run by tests/domain/store/test_crash_points.py as a process of its own (POSIX: it
forks). For one scenario, a first start (no file) or an upgrade from a released
revision (a file made by Alembic at that revision, holding rows):

1. a child process opens the store and counts the SQL statements it runs (the driver's
   trace callback, sqlite3.Connection.set_trace_callback, on every connection);
2. for N in 1..count (every one, or an even, deterministic sample when asked) a fresh
   copy of the file is opened by a child that kills itself with SIGKILL when statement
   N starts: no cleanup, no rollback, as a crash or a power cut;
3. the driver then opens the copy as the next start would, and checks that it opens,
   at the newest schema, with the reference data and every row that was in the file.

Forking from one warmed-up process keeps a kill to some tens of milliseconds instead of
a Python start. Prints one JSON object: {"statements": count, "killed": [N...],
"failures": ["N: what went wrong", ...]}.

    python crash_driver.py WORKDIR first-start|REVISION [--sample K]
"""
from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import signal
import sqlite3
import sys
from pathlib import Path

from sqlalchemy import Engine, event

NOW = dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.timezone.utc)
_kill_at: int | None = None  # set in a child: the statement to die at
_count = 0


def _trace(_statement: str) -> None:
    global _count
    _count += 1
    if _kill_at is not None and _count >= _kill_at:
        os.kill(os.getpid(), signal.SIGKILL)


@event.listens_for(Engine, "connect")
def _traced(dbapi_connection, _record) -> None:
    dbapi_connection.set_trace_callback(_trace)


# --- the rows an older Deskguide left in its file ------------------------------------------

def _insert(connection, table: str, **values) -> None:
    names = ", ".join(values)
    connection.execute(f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * len(values))})",
                       tuple(values.values()))


def seed(path: Path, revision: str) -> dict[str, list[tuple]]:
    """A database at `revision` (Alembic) with a row in every table of the user's that
    revision has; returns what must survive: {query: rows}."""
    from tests.domain.store.old_revisions import at_revision

    at_revision(path, revision)
    connection = sqlite3.connect(path)
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    kept: dict[str, list[tuple]] = {}
    # A desk as the old loader wrote it (its reference data is replaced on upgrade), and
    # an administrator's override of it, which must survive that.
    _insert(connection, "desk", country="SE", name="Old desk", timezone="Europe/Stockholm", phone="+4600",
            email="old@example.se", clause="§1", closed_day_rules="{}", closed_days_note="")
    _insert(connection, "desk_override", country="SE", kind="closed_date", on_date="2026-12-18",
            note="Staff party", created_at="2026-11-20 09:00:00.000000", created_by="anna.admin")
    kept["SELECT note, created_by FROM desk_override"] = [("Staff party", "anna.admin")]
    if "customer" in tables:
        _insert(connection, "customer", id=41, external_id="CSP-41", name="Åkesson Redovisning AB",
                org_number="", country="SE", contact="", phone="", email="", offering="unified", notes="Ring före 10")
        _insert(connection, "subscription", external_id="SUB-1", customer_id=41, product="Microsoft 365 E3",
                term="12", start_date="2025-12-24", seats=5, end_user_support=1, from_reseller=1,
                next_notice_deadline="2026-11-23", deadline_computed_on="2026-11-23")
        kept["SELECT name, notes FROM customer"] = [("Åkesson Redovisning AB", "Ring före 10")]
        kept["SELECT external_id, seats FROM subscription"] = [("SUB-1", 5)]
    if "escalation_case" in tables:
        _insert(connection, "escalation_case", customer_id=41, customer_name="Åkesson Redovisning AB",
                country="SE", product="Exchange Online", severity="B", offering="unified", azure=0,
                clock="business_hours", target_minutes=120, opened="2026-11-23 09:00:00.000000",
                due="2026-11-23 11:00:00.000000", note="Mail flow degraded")
        kept["SELECT note FROM escalation_case"] = [("Mail flow degraded",)]
    if "journal_entry" in tables:
        _insert(connection, "journal_entry", customer_id=41, created="2026-11-23 10:00:00.000000",
                agent="per", kind="note", topic="", verdict="", note="Called about the renewal", summary="")
        kept["SELECT note FROM journal_entry"] = [("Called about the renewal",)]
    connection.commit()
    connection.close()
    return kept


# --- one start, killed or not ----------------------------------------------------------------

def _fresh(base: Path | None, work: Path) -> None:
    for old in work.parent.glob(work.name + "*"):
        old.unlink()
    if base is not None:
        shutil.copyfile(base, work)


def _start(work: Path, kill_at: int | None, counted: Path | None = None) -> int:
    """Open the store in a child process; its wait status."""
    pid = os.fork()
    if pid == 0:  # the child: nothing it does may reach the driver's own state
        global _kill_at, _count
        _kill_at, _count = kill_at, 0
        code = 0
        try:
            from domain.store import open_store

            open_store(work, now=NOW).close()
            if counted is not None:
                counted.write_text(str(_count))
        except BaseException as error:  # noqa: BLE001 - reported through the exit status
            print(f"child: {type(error).__name__}: {error}", file=sys.stderr)
            code = 1
        os._exit(code)
    _, status = os.waitpid(pid, 0)
    return status


def _check(work: Path, kept: dict[str, list[tuple]]) -> str | None:
    """What is wrong with the next start, or None."""
    from domain.store import open_store
    from domain.store.database import head_revision

    try:
        store = open_store(work, now=NOW)
    except Exception as error:  # noqa: BLE001 - the point of the test
        return f"does not open: {type(error).__name__}: {error}"
    try:
        revision = store.schema_revision()
    finally:
        store.close()
    if revision != head_revision():
        return f"schema {revision}, not {head_revision()}"
    connection = sqlite3.connect(work)
    try:
        for query, rows in {**kept, "SELECT count(*) FROM desk": [(4,)],
                            "SELECT count(*) FROM reference_dataset": [(4,)]}.items():
            found = connection.execute(query).fetchall()
            if found != rows:
                return f"{query!r} gives {found}, not {rows}"
    finally:
        connection.close()
    return None


def main(argv: list[str]) -> int:
    workdir, scenario = Path(argv[0]), argv[1]
    sample = int(argv[argv.index("--sample") + 1]) if "--sample" in argv else None
    from domain.store import migrating

    migrating._schemas()  # warmed here, so every child runs the same statements
    base, kept = None, {}
    if scenario != "first-start":
        base = workdir / f"at-{scenario}.sqlite3"
        kept = seed(base, scenario)
    work = workdir / "deskguide.sqlite3"
    counted = workdir / "count.txt"
    _fresh(base, work)
    status = _start(work, None, counted)
    if status != 0 or not counted.exists():
        print(json.dumps({"statements": 0, "killed": [], "failures": [f"the uninterrupted start failed ({status})"]}))
        return 1
    total = int(counted.read_text())
    points = list(range(1, total + 1))
    if sample is not None and sample < total:
        # Evenly spread, the same every run, first and last statement always included.
        points = sorted({1 + round(i * (total - 1) / (sample - 1)) for i in range(sample)})
    failures, killed = [], []
    for n in points:
        _fresh(base, work)
        status = _start(work, n)
        if os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL:
            killed.append(n)
        else:
            failures.append(f"{n}: the start was not killed (status {status})")
            continue
        problem = _check(work, kept)
        if problem:
            failures.append(f"{n}: {problem}")
    print(json.dumps({"statements": total, "killed": killed, "failures": failures}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
