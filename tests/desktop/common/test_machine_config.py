"""deskguide.ini, the defaults IT sets per machine: read, precedence, and typos that
must never stop the desk from starting."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.common import machine_config
from desktop.common.database_target import resolve_target
from desktop.common.machine_config import read_machine_defaults

ROOT = Path(__file__).resolve().parents[3]


def test_defaults_are_read_with_variables_expanded(ini, tmp_path, monkeypatch):
    monkeypatch.setenv("DESKGUIDE_TEST_USER", "anna")
    path = ini("\ufeff[defaults]\ncountry = no\nlanguage = SV\n"
               f"database = {tmp_path}/%DESKGUIDE_TEST_USER%/deskguide.sqlite3\n")
    defaults = read_machine_defaults(path)
    assert (defaults.country, defaults.language) == ("NO", "sv")
    assert defaults.database == tmp_path / "anna" / "deskguide.sqlite3"
    assert defaults.warnings == ()


def test_the_default_location_is_the_machine_config_folder(monkeypatch):
    from platformdirs import site_config_dir

    monkeypatch.delenv("DESKGUIDE_MACHINE_CONFIG")
    assert machine_config.config_path() == Path(site_config_dir("Deskguide", appauthor=False)) / "deskguide.ini"


def test_a_missing_file_means_no_defaults(tmp_path):
    defaults = read_machine_defaults(tmp_path / "nowhere.ini")
    assert defaults == machine_config.MachineDefaults()


def test_malformed_values_are_ignored_with_a_warning_each(ini, tmp_path):
    path = ini("[defaults]\ncountry = Sverige\nlanguage = klingon\ndatabase = relative/desk.sqlite3\n"
               "colour = blue\n")
    defaults = read_machine_defaults(path)
    assert (defaults.country, defaults.language, defaults.database) == (None, None, None)
    assert len(defaults.warnings) == 4
    assert defaults.warnings[0] == f"{path}: [defaults] country = 'Sverige' ignored: use one of SE, NO, DK, FI"
    assert all(str(path) in warning for warning in defaults.warnings)


def test_an_unset_variable_is_not_turned_into_a_folder(ini, tmp_path):
    path = ini(f"[defaults]\ncountry = DK\ndatabase = {tmp_path}/%DESKGUIDE_NOT_SET%/db.sqlite3\n")
    defaults = read_machine_defaults(path)
    assert defaults.country == "DK"  # the good value is kept
    assert defaults.database is None
    assert "%DESKGUIDE_NOT_SET% is not set" in defaults.warnings[0]


def test_a_file_that_is_not_ini_gives_no_defaults_and_one_warning(ini):
    path = ini("country=SE\n\x00garbage")
    defaults = read_machine_defaults(path)
    assert defaults.country is None and len(defaults.warnings) == 1


def test_database_precedence(ini, tmp_path, monkeypatch):
    machine_db = tmp_path / "machine.sqlite3"
    ini(f"[defaults]\ndatabase = {machine_db}\n")
    monkeypatch.delenv("DESKGUIDE_DB")
    assert resolve_target().path == machine_db  # the machine's default
    monkeypatch.setenv("DESKGUIDE_DB", str(tmp_path / "env.sqlite3"))
    assert resolve_target().path == tmp_path / "env.sqlite3"  # the environment beats it
    assert resolve_target(str(tmp_path / "cli.sqlite3")).path == tmp_path / "cli.sqlite3"  # --db beats both
    ini("[defaults]\ncountry = FI\n")
    monkeypatch.delenv("DESKGUIDE_DB")
    assert resolve_target().path is None  # nothing says where: the user's data folder


def test_the_cli_opens_the_machine_database(ini, tmp_path, monkeypatch, capsys):
    from desktop.cli import main

    machine_db = tmp_path / "shared" / "desk.sqlite3"
    ini(f"[defaults]\ndatabase = {machine_db}\n")
    monkeypatch.delenv("DESKGUIDE_DB")
    # Named explicitly: a read does not create it (a typo would answer from an empty one) ...
    assert main(["hours", "--json", "--country", "SE"]) == 2
    assert str(machine_db) in capsys.readouterr().err and not machine_db.exists()
    # ... a command that writes does, and then every command uses it.
    assert main(["overrides", "close-date", "--country", "SE", "--date", "2026-12-18"]) == 0
    assert machine_db.is_file()
    capsys.readouterr()
    assert main(["hours", "--json", "--country", "SE"]) == 0
    assert json.loads(capsys.readouterr().out)["country"] == "SE"


def test_the_app_starts_despite_a_broken_config_and_says_why(tmp_path):
    path = tmp_path / "deskguide.ini"
    path.write_text("[defaults]\ncountry = XX\nlanguage = sv\n", encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "DESKGUIDE_MACHINE_CONFIG": str(path),
           "DESKGUIDE_DB": str(tmp_path / "db.sqlite3")}
    result = subprocess.run([sys.executable, "-m", "desktop", "--quit-after", "0.3"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "country = 'XX' ignored" in result.stderr


@pytest.mark.gui
def test_views_start_on_the_machines_country(ini, qtbot):
    from desktop.gui.escalation.escalation_form_widget import EscalationFormWidget
    from desktop.gui.hours.what_if_widget import WhatIfWidget

    ini("[defaults]\ncountry = FI\n")
    what_if = WhatIfWidget(("SE", "NO", "DK", "FI"))
    qtbot.addWidget(what_if)
    assert what_if.country() == "FI"
    form = EscalationFormWidget(None)
    qtbot.addWidget(form)
    assert form.country() == "FI"


def test_a_file_windows_installer_wrote_in_the_ansi_code_page_is_read(tmp_path):
    # Windows Installer writes the INI from the MSI properties in the ANSI code page, not
    # UTF-8: a Swedish folder name must not make the whole file unreadable.
    path = tmp_path / "deskguide.ini"
    folder = tmp_path / "Användare"
    path.write_bytes(f"[defaults]\ncountry=SE\ndatabase={folder / 'deskguide.sqlite3'}\n".encode("cp1252"))
    defaults = read_machine_defaults(path)
    assert defaults.country == "SE"
    assert defaults.database == folder / "deskguide.sqlite3"
    assert defaults.warnings == ()
