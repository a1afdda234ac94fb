"""Where the data is (desktop/common/database_target.py): the options, the environment, the
machine's deskguide.ini and the user's folder, in that order; a URL and a file named at
one level; what each is called on screen."""
from __future__ import annotations

import pytest

from desktop.common.database_target import DatabaseTarget, resolve_target
from domain.errors import ReasonOnly

TEAM = "postgresql://db.example/deskguide"


@pytest.fixture
def no_env(monkeypatch):
    monkeypatch.delenv("DESKGUIDE_DB", raising=False)
    monkeypatch.delenv("DESKGUIDE_DATABASE_URL", raising=False)


def test_nothing_said_is_the_user_s_data_folder(no_env):
    assert resolve_target() == DatabaseTarget()
    assert not resolve_target().explicit


def test_the_options_win_over_everything(ini, tmp_path, monkeypatch):
    ini(f"[defaults]\ndatabase_url = {TEAM}\n")
    monkeypatch.setenv("DESKGUIDE_DATABASE_URL", "postgresql://env.example/deskguide")
    chosen = resolve_target(str(tmp_path / "mine.sqlite3"), None)
    assert (chosen.path, chosen.team, chosen.explicit, chosen.source) == (tmp_path / "mine.sqlite3", None, True, "--db")
    chosen = resolve_target(None, "postgresql://cli.example/deskguide")
    assert chosen.team.host == "cli.example" and chosen.source == "--database-url"


def test_db_and_database_url_together_are_refused(tmp_path):
    with pytest.raises(ReasonOnly) as refused:
        resolve_target(str(tmp_path / "mine.sqlite3"), TEAM)
    assert "--db and --database-url" in refused.value.message


def test_the_environment_comes_next_and_its_url_beats_its_file(ini, tmp_path, monkeypatch):
    ini(f"[defaults]\ndatabase_url = {TEAM}\n")
    monkeypatch.setenv("DESKGUIDE_DB", str(tmp_path / "env.sqlite3"))
    assert resolve_target().path == tmp_path / "env.sqlite3"  # a higher level's file beats a lower level's URL
    monkeypatch.setenv("DESKGUIDE_DATABASE_URL", "postgresql://env.example/deskguide")
    chosen = resolve_target()
    assert chosen.team.host == "env.example" and chosen.source == "DESKGUIDE_DATABASE_URL"
    assert chosen.warnings == ("DESKGUIDE_DB is ignored: DESKGUIDE_DATABASE_URL names the team database, which wins",)


def test_the_machine_s_ini_comes_last_and_its_url_beats_its_file(ini, tmp_path, no_env):
    path = ini(f"[defaults]\ndatabase = {tmp_path / 'old.sqlite3'}\ndatabase_url = {TEAM}\n")
    chosen = resolve_target()
    assert chosen.team.describe() == "Team database deskguide on db.example:5432" and chosen.explicit
    from desktop.common.machine_config import read_machine_defaults

    [warning] = read_machine_defaults(path).warnings
    assert "database = " in warning and "database_url names the team database, which wins" in warning
    ini(f"[defaults]\ndatabase = {tmp_path / 'old.sqlite3'}\n")
    assert resolve_target().path == tmp_path / "old.sqlite3" and resolve_target().explicit


def test_a_refused_url_in_the_environment_is_refused_naming_it(monkeypatch):
    monkeypatch.setenv("DESKGUIDE_DATABASE_URL", "postgresql://agent:hunter2hunter2@db.example/deskguide")
    with pytest.raises(ReasonOnly) as refused:
        resolve_target()
    assert refused.value.message.startswith("DESKGUIDE_DATABASE_URL: a URL with a password is refused")
    assert "hunter2hunter2" not in refused.value.message


def test_a_url_with_a_password_in_the_ini_is_ignored_with_a_warning_that_does_not_repeat_it(ini, no_env):
    from desktop.common.machine_config import read_machine_defaults

    path = ini("[defaults]\ncountry = SE\ndatabase_url = postgres://agent:hunter2hunter2@db.example/deskguide\n")
    defaults = read_machine_defaults(path)
    assert defaults.database_url is None and defaults.country == "SE"
    [warning] = defaults.warnings
    assert "database_url ignored: a URL with a password is refused" in warning and str(path) in warning
    assert "hunter2" not in warning
    assert resolve_target() == DatabaseTarget()  # the user's own file, as for any ignored value


def test_a_weak_tls_setting_travels_as_a_warning(no_env, monkeypatch):
    monkeypatch.setenv("DESKGUIDE_DATABASE_URL", "postgresql://db.example/deskguide?sslmode=disable")
    [warning] = resolve_target().warnings
    assert "may not be encrypted" in warning


def test_a_file_is_described_by_its_path(tmp_path, isolated_data, no_env):
    assert DatabaseTarget.file(tmp_path / "desk.sqlite3").describe() == f"Local database {tmp_path / 'desk.sqlite3'}"
    assert str(DatabaseTarget().describe()).startswith("Local database ")
