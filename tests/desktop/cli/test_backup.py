"""`deskguide backup PATH`: SQLite's online backup into a new file, also while another
Deskguide writes; the copy opens and holds the rows, and a target is never clobbered."""
from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path

import pytest

from desktop.cli.output import EXIT_TEMPORARY
from domain.store import database, open_store
from tests.conftest import MONDAY_NOON
from tests.desktop.cli.cli_run import run
from tests.domain.raw_sql import sql

EXAMPLE = str(Path(__file__).resolve().parents[2] / "data" / "register-semicolon.csv")


@pytest.fixture
def imported(capsys, isolated_data):
    assert run(capsys, "import", EXAMPLE)[0] == 0
    return sql(isolated_data, "SELECT external_id, name FROM customer ORDER BY external_id")


def test_the_backup_opens_and_holds_the_rows(capsys, tmp_path, imported):
    target = tmp_path / "copies" / "monday.sqlite3"
    target.parent.mkdir()
    code, payload, _, err = run(capsys, "backup", str(target), "--json")
    assert code == 0, err
    assert payload["backup"] == str(target) and payload["bytes"] == target.stat().st_size > 0
    assert sorted(p.name for p in target.parent.iterdir()) == ["monday.sqlite3"]  # one file, no -wal
    assert sql(target, "SELECT external_id, name FROM customer ORDER BY external_id") == imported
    copy = open_store(target, now=MONDAY_NOON)
    copy.close()


def test_a_backup_while_another_deskguide_holds_uncommitted_writes_copies_the_committed_state(
        capsys, tmp_path, imported, isolated_data):
    writer = sqlite3.connect(isolated_data, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("DELETE FROM subscription")
        writer.execute("DELETE FROM customer")
        code, _, _, err = run(capsys, "backup", str(tmp_path / "during.sqlite3"))
    finally:
        writer.rollback()
        writer.close()
    assert code == 0, err
    assert sql(tmp_path / "during.sqlite3", "SELECT external_id, name FROM customer ORDER BY external_id") == imported


def test_an_existing_file_is_kept_unless_force(capsys, tmp_path, imported):
    target = tmp_path / "kept.sqlite3"
    target.write_text("last week's backup")
    code, _, _, err = run(capsys, "backup", str(target))
    assert code == 2 and "--force" in err and len(err.splitlines()) == 1
    assert target.read_text() == "last week's backup"
    assert run(capsys, "backup", str(target), "--force")[0] == 0
    assert sql(target, "SELECT count(*) FROM customer") == [(len(imported),)]


@pytest.mark.skipif(sys.platform == "win32", reason="no /dev/null or FIFOs")
def test_a_target_that_is_not_a_regular_file_is_refused_even_with_force(capsys, tmp_path, imported):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    for target in ("/dev/null", str(fifo), str(tmp_path)):
        code, _, _, err = run(capsys, "backup", target, "--force")
        assert code == 2 and "not a regular file" in err, target


def test_the_database_itself_and_a_missing_folder_are_refused(capsys, tmp_path, imported, isolated_data):
    before = isolated_data.read_bytes()
    code, _, _, err = run(capsys, "backup", str(isolated_data), "--force")
    assert code == 2 and "database itself" in err
    assert isolated_data.read_bytes() == before
    code, _, _, err = run(capsys, "backup", str(tmp_path / "nowhere" / "copy.sqlite3"))
    assert code == 2 and "nowhere" in err


def test_a_missing_database_is_exit_2_and_nothing_is_made(capsys, tmp_path):
    code, _, _, err = run(capsys, "backup", str(tmp_path / "copy.sqlite3"), "--db", str(tmp_path / "typo.sqlite3"))
    assert code == 2 and "typo.sqlite3" in err
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".sqlite3")) == []


def test_a_database_locked_exclusively_is_busy_exit_3(capsys, tmp_path, imported, isolated_data, monkeypatch):
    monkeypatch.setattr(database, "BUSY_TIMEOUT_SECONDS", 0.2)
    holder = sqlite3.connect(isolated_data, isolation_level=None)
    try:
        holder.execute("PRAGMA locking_mode=EXCLUSIVE")
        holder.execute("BEGIN EXCLUSIVE")  # in WAL mode only an exclusive locking mode keeps readers out
        code, _, _, err = run(capsys, "backup", str(tmp_path / "copy.sqlite3"))
    finally:
        holder.rollback()
        holder.close()
    assert code == EXIT_TEMPORARY and "busy" in err and len(err.splitlines()) == 1
    assert not (tmp_path / "copy.sqlite3").exists()
    assert not list(tmp_path.glob("*.partial"))


def test_a_name_the_system_refuses_is_one_line_and_exit_2(capsys, tmp_path, isolated_data):
    """Found by the fuzz test: a file name longer than the file system allows."""
    run(capsys, "overrides", "list")  # the default database exists
    before = isolated_data.read_bytes()
    code, _, _, err = run(capsys, "backup", str(tmp_path / ("x" * 300)))
    assert code == 2
    assert len(err.splitlines()) == 1 and "cannot write the copy" in err and "Traceback" not in err
    assert isolated_data.read_bytes() == before
