"""The frozen build works as IT will install it: both programs start, pass their
self-test, and carry their data (a missing data file or hidden import fails here)."""
from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from tests.packaging.conftest import CLI_NAME, GUI_NAME, ROOT

pytestmark = pytest.mark.packaging

CORE_CHECKS = ["database", "hours", "scope", "notice", "escalation", "lifecycle", "register", "translations"]
GUI_CHECKS = ["qt-application", "qt-translations", "main-window"]


def _env(tmp_path: Path, **extra: str) -> dict:
    env = {key: value for key, value in os.environ.items() if not key.startswith("DESKGUIDE_")}
    # The bundle's user folders are the test's own: a run never reads nor changes the real
    # user's database or team companion file (a shared one left by another checkout at
    # another schema made this test fail for reasons of its own).
    home = tmp_path / "user"
    env.update(QT_QPA_PLATFORM="offscreen", DESKGUIDE_MACHINE_CONFIG=str(tmp_path / "none.ini"),
               XDG_DATA_HOME=str(home / "data"), XDG_CONFIG_HOME=str(home / "config"),
               XDG_CACHE_HOME=str(home / "cache"), LOCALAPPDATA=str(home / "data"))
    env.update(extra)  # a test's own folders win
    return env


def _self_test(exe: Path, tmp_path: Path) -> tuple[subprocess.CompletedProcess, str]:
    report = tmp_path / f"{exe.stem}-report.txt"
    result = subprocess.run([str(exe), "--self-test", "--self-test-report", str(report)],
                            env=_env(tmp_path), capture_output=True, text=True, timeout=180)
    return result, report.read_text(encoding="utf-8") if report.exists() else ""


def _internal(bundle_dir: Path) -> Path:
    return bundle_dir / "_internal"


def test_cli_self_test_passes_every_check(bundle_dir, tmp_path):
    result, report = _self_test(bundle_dir / CLI_NAME, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "(CLI, frozen," in report
    for name in CORE_CHECKS:
        assert f"ok    {name}:" in report, report
    assert "self-test passed: 8 checks" in result.stdout


def test_gui_self_test_opens_the_window_offscreen(bundle_dir, tmp_path):
    result, report = _self_test(bundle_dir / GUI_NAME, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "(GUI, frozen," in report
    for name in CORE_CHECKS + GUI_CHECKS:
        assert f"ok    {name}:" in report, report
    assert "qtbase: sv" in report  # Qt's own Swedish strings are in the bundle
    assert "views built: call, hours, scope, customers, escalation" in report


def test_cli_answers_a_real_question_with_the_version_of_the_package(bundle_dir, tmp_path):
    from desktop.common.version import app_version

    version = subprocess.run([str(bundle_dir / CLI_NAME), "--version"], env=_env(tmp_path),
                             capture_output=True, text=True, timeout=60)
    assert version.stdout.strip() == f"deskguide {app_version()}"
    # The user's default data folder (platformdirs: XDG_DATA_HOME here, LOCALAPPDATA on
    # Windows), which the first command creates: an explicitly named database is created only
    # by a command that writes (README, Data safety).
    data_home = tmp_path / "agent"
    env = _env(tmp_path, XDG_DATA_HOME=str(data_home), LOCALAPPDATA=str(data_home))
    hours = subprocess.run([str(bundle_dir / CLI_NAME), "hours", "--json", "--country", "FI",
                            "--at", "2026-12-24T10:00"], env=env, capture_output=True, text=True, timeout=60)
    assert hours.returncode == 0, hours.stderr
    answer = json.loads(hours.stdout)
    assert answer["country"] == "FI" and answer["open"] is False  # Christmas Eve: the desk is closed
    assert (data_home / "Deskguide" / "deskguide.sqlite3").is_file()


@pytest.mark.postgres
def test_the_bundle_opens_a_team_database_and_reads_the_credential_store(bundle_dir, tmp_path, password_database):
    # psycopg, its SQLAlchemy dialect and keyring are loaded by name: a missing one fails here.
    from tests.conftest import AGENT_PASSWORD

    url, _ = password_database
    env = _env(tmp_path, DESKGUIDE_DATABASE_URL=url)
    for name in ("PYTHON_KEYRING_BACKEND", "PGPASSWORD"):  # keyring's own choice of store, as on a desk
        env.pop(name, None)
    needed = subprocess.run([str(bundle_dir / CLI_NAME), "deadlines", "--json"], env=env, capture_output=True,
                            text=True, timeout=60)
    assert needed.returncode == 2 and "asks for the password of agent" in needed.stderr, needed.stderr
    env["PGPASSWORD"] = AGENT_PASSWORD
    answered = subprocess.run([str(bundle_dir / CLI_NAME), "deadlines", "--json"], env=env, capture_output=True,
                              text=True, timeout=60)
    assert answered.returncode == 0 and json.loads(answered.stdout)["deadlines"] == [], answered.stderr


def test_bundle_reads_the_machine_config_that_the_installer_writes(bundle_dir, tmp_path):
    machine_db = tmp_path / "shared" / "desk.sqlite3"
    ini = tmp_path / "ProgramData" / "deskguide.ini"
    ini.parent.mkdir()
    ini.write_text(f"[defaults]\ncountry = NO\nlanguage = nb\ndatabase = {machine_db}\n", encoding="utf-8")
    env = _env(tmp_path)
    env["DESKGUIDE_MACHINE_CONFIG"] = str(ini)
    cli = str(bundle_dir / CLI_NAME)
    # The database IT named is not there yet: a read names it, and does not create it ...
    result = subprocess.run([cli, "hours", "--json"], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and str(machine_db) in result.stderr, result.stderr
    assert not machine_db.exists()
    # ... a write creates it, and from then on every command answers from it.
    closed = subprocess.run([cli, "overrides", "close-date", "--country", "NO", "--date", "2026-12-28", "--json"],
                            env=env, capture_output=True, text=True, timeout=60)
    assert closed.returncode == 0, closed.stderr
    result = subprocess.run([cli, "hours", "--json", "--country", "NO", "--at", "2026-12-28T10:00"], env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["open"] is False and machine_db.is_file()


def test_reference_data_migrations_and_icons_are_inside(bundle_dir):
    inside = _internal(bundle_dir)
    for toml in (ROOT / "resources" / "reference").glob("*.toml"):
        assert (inside / "resources" / "reference" / toml.name).read_bytes() == toml.read_bytes()
    for source in (ROOT / "resources" / "sources").iterdir():  # the source viewer's documents (issue 16)
        assert (inside / "resources" / "sources" / source.name).read_bytes() == source.read_bytes()
    migrations = ROOT / "domain" / "store" / "migrations"
    for name in ("env.py", "script.py.mako"):
        assert (inside / "domain" / "store" / "migrations" / name).is_file(), name
    shipped = {p.name for p in (inside / "domain" / "store" / "migrations" / "versions").glob("*.py")}
    assert shipped == {p.name for p in (migrations / "versions").glob("*.py")}
    assert (inside / "resources" / "icons" / "deskguide.svg").is_file()
    ico = (inside / "resources" / "icons" / "deskguide.ico").read_bytes()
    assert ico[:4] == b"\x00\x00\x01\x00"  # a Windows icon, for the exe and the installer


def test_bundle_is_lean(bundle_dir):
    inside = _internal(bundle_dir)
    pyside = {p.name.split(".")[0] for p in (inside / "PySide6").glob("Qt*.so")} | {
        p.name.split(".")[0] for p in (inside / "PySide6").glob("Qt*.pyd")}
    assert pyside == {"QtCore", "QtGui", "QtWidgets"}
    assert not list(inside.rglob("*WebEngine*")) and not list(inside.rglob("*Qt6Quick*"))
    assert not (inside / "tkinter").exists() and not list(inside.glob("**/_tkinter*"))
    babel = sorted(p.name for p in (inside / "babel" / "locale-data").glob("*.dat"))
    assert "sv.dat" in babel and "fi.dat" in babel and "de.dat" not in babel
    size_mb = sum(p.stat().st_size for p in bundle_dir.rglob("*") if p.is_file() and not p.is_symlink()) / 2**20
    assert size_mb < 250, f"the bundle grew to {size_mb:.0f} MB"
