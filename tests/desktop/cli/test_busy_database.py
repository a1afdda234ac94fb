"""Two Deskguides writing one database: the second waits its turn (BEGIN IMMEDIATE, the
busy timeout); a lock held longer than that is exit 3 and one line, never a traceback."""
from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from desktop import cli
from desktop.cli.context import CliContext
from desktop.cli.output import EXIT_TEMPORARY
from domain.store import database, open_store
from tests.conftest import MONDAY_NOON
from tests.domain.raw_sql import sql

ROOT = Path(__file__).resolve().parents[3]
EXAMPLE = str(ROOT / "tests" / "data" / "register-semicolon.csv")
CONTEXT = CliContext.pinned(MONDAY_NOON)


def _holding_the_write_lock(path: Path) -> sqlite3.Connection:
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    return holder


def test_the_database_is_write_ahead_logged(store):
    assert sql(store.path, "PRAGMA journal_mode") == [("wal",)]


def test_two_imports_of_one_file_at_once_both_succeed_and_store_each_record_once(isolated_data, now):
    open_store(isolated_data, now=now).close()
    # Both start while a third program writes, so both are waiting for the lock together.
    holder = _holding_the_write_lock(isolated_data)
    try:
        command = [sys.executable, "-m", "desktop.cli", "import", EXAMPLE, "--db", str(isolated_data), "--json"]
        runs = [subprocess.Popen(command, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
        time.sleep(2.0)  # long enough to reach the lock, well within the busy timeout
    finally:
        holder.rollback()
        holder.close()
    results = [run.communicate(timeout=120) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], results
    customers = sql(isolated_data, "SELECT external_id, count(*) FROM customer GROUP BY external_id")
    subscriptions = sql(isolated_data, "SELECT external_id, count(*) FROM subscription GROUP BY external_id")
    assert customers and {count for _, count in customers} == {1}
    assert subscriptions and {count for _, count in subscriptions} == {1}


def test_a_lock_held_longer_than_the_busy_timeout_is_exit_3_in_one_line(store, capsys, monkeypatch):
    store.close()
    monkeypatch.setattr(database, "BUSY_TIMEOUT_SECONDS", 0.3)
    holder = _holding_the_write_lock(store.path)
    try:
        code = cli.main(["import", EXAMPLE], CONTEXT)
        captured = capsys.readouterr()
        json_code = cli.main(["import", EXAMPLE, "--json"], CONTEXT)
        json_captured = capsys.readouterr()
    finally:
        holder.rollback()
        holder.close()
    assert code == json_code == EXIT_TEMPORARY
    assert captured.out == ""
    [line] = captured.err.splitlines()
    assert line.startswith("deskguide: ") and "busy" in line and "Traceback" not in captured.err
    assert '"error"' in json_captured.out and "busy" in json_captured.out
    assert sql(store.path, "SELECT count(*) FROM customer") == [(0,)]
    # Free again: the same command works.
    assert cli.main(["import", EXAMPLE], CONTEXT) == 0


def test_reads_do_not_wait_for_a_writer(store, capsys, monkeypatch):
    store.close()
    monkeypatch.setattr(database, "BUSY_TIMEOUT_SECONDS", 0.3)
    holder = _holding_the_write_lock(store.path)
    try:
        holder.execute("INSERT INTO customer (external_id, name, org_number, country, contact, phone, email, "
                       "offering, notes) VALUES ('X-1', 'Uncommitted AB', '', 'SE', '', '', '', 'unified', '')")
        assert cli.main(["deadlines"], CONTEXT) == 0
        assert cli.main(["hours", "--country", "SE"], CONTEXT) == 0
    finally:
        holder.rollback()
        holder.close()
