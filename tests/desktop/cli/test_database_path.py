"""--db is a plain file path, and a database named explicitly (--db, DESKGUIDE_DB, the
machine's deskguide.ini) is created only by a command that writes."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.desktop.cli.cli_run import run

EXAMPLE = str(Path(__file__).resolve().parents[2] / "data" / "register-semicolon.csv")
CLOSE = ("overrides", "close-date", "--country", "SE", "--date", "2026-12-18")


@pytest.mark.parametrize("name", ["q?mark.db", "pct%41.db", "hash#1 ;.db"])
def test_db_is_the_file_named_never_a_url(capsys, tmp_path, name):
    code, _, _, err = run(capsys, *CLOSE, "--db", str(tmp_path / name))
    assert code == 0, err
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(("data", "xdg", "machine"))) == [name]
    code, payload, _, _ = run(capsys, "overrides", "list", "--db", str(tmp_path / name), "--json")
    assert code == 0 and len(payload["overrides"]) == 1


@pytest.mark.parametrize("argv", [("deadlines",), ("hours", "--country", "SE"), ("journal", "--customer", "1"),
                                  ("import", EXAMPLE, "--dry-run"), ("journal", "purge", "--older-than-months",
                                                                     "12", "--dry-run"), ("overrides", "list")])
def test_a_read_of_a_missing_database_named_by_db_is_exit_2_naming_it(capsys, tmp_path, argv):
    typo = tmp_path / "typo" / "desk.sqlite3"
    code, payload, out, err = run(capsys, *argv, "--db", str(typo), "--json")
    assert code == 2
    [line] = err.splitlines()
    assert str(typo) in line and "--db" in line
    assert str(typo) in payload["error"]
    assert not typo.exists() and not typo.parent.exists()


def test_deskguide_db_and_the_machine_ini_name_a_database_explicitly_too(capsys, tmp_path, monkeypatch):
    missing = tmp_path / "env.sqlite3"
    monkeypatch.setenv("DESKGUIDE_DB", str(missing))
    assert run(capsys, "deadlines")[0] == 2 and not missing.exists()
    monkeypatch.delenv("DESKGUIDE_DB")
    ini = tmp_path / "ini-machine" / "deskguide.ini"
    ini.parent.mkdir()
    ini.write_text(f"[defaults]\ndatabase = {tmp_path / 'ini.sqlite3'}\n", encoding="utf-8")
    monkeypatch.setenv("DESKGUIDE_MACHINE_CONFIG", str(ini))
    code, _, _, err = run(capsys, "deadlines")
    assert code == 2 and "ini.sqlite3" in err and not (tmp_path / "ini.sqlite3").exists()


@pytest.mark.parametrize("argv", [("import", EXAMPLE), CLOSE, ("journal", "purge", "--older-than-months", "12")])
def test_a_command_that_writes_creates_a_database_named_explicitly(capsys, tmp_path, argv):
    new = tmp_path / "new" / "desk.sqlite3"
    code, _, _, err = run(capsys, *argv, "--db", str(new))
    assert code == 0, err
    assert new.is_file()


def test_the_default_location_is_created_by_any_command(capsys, isolated_data):
    assert not isolated_data.exists()
    assert run(capsys, "deadlines")[0] == 0
    assert isolated_data.is_file()


def test_a_database_name_too_long_for_the_file_system_is_one_line_exit_2(capsys, tmp_path):
    too_long = str(tmp_path / ("x" * 300))
    for argv in (["hours", "--db", too_long], ["import", EXAMPLE, "--db", too_long]):
        code, _, out, err = run(capsys, *argv)
        assert code == 2 and out == "" and len(err.splitlines()) == 1 and "Traceback" not in err, argv
