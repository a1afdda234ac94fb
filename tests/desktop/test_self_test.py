"""`--self-test` from source: every check reported, a broken one named with exit 1."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from desktop import self_test

ROOT = Path(__file__).resolve().parents[2]
CORE = ["database", "hours", "scope", "notice", "escalation", "lifecycle", "register", "translations"]


def test_cli_self_test_passes_and_reports_each_check(tmp_path, capsys):
    report = tmp_path / "report.txt"
    assert self_test.run(gui=False, report_path=report) == 0
    printed = capsys.readouterr().out
    for name in CORE:
        assert f"ok    {name}:" in printed
    assert "self-test passed: 8 checks" in printed
    assert report.read_text(encoding="utf-8").splitlines()[-1] == "self-test passed: 8 checks"


def test_cli_entry_point_runs_it_without_importing_qt(tmp_path):
    code = ("import sys\nfrom desktop.cli import main\nrc = main(['--self-test'])\n"
            "assert 'PySide6' not in sys.modules, 'the CLI self-test imported Qt'\nsys.exit(rc)")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test passed" in result.stdout


@pytest.mark.gui
def test_gui_self_test_creates_the_application_and_the_window(qapp, capsys):
    assert self_test.run(gui=True) == 0
    printed = capsys.readouterr().out
    for name in CORE + ["qt-application", "qt-translations", "main-window"]:
        assert f"ok    {name}:" in printed
    assert "qtbase: sv" in printed


def test_a_broken_check_exits_1_and_is_named(monkeypatch, capsys):
    import domain.services.notice

    def broken(*_args, **_kwargs):
        raise RuntimeError("notice rules missing")

    monkeypatch.setattr(domain.services.notice, "notice_for", broken)
    assert self_test.run(gui=False) == 1
    printed = capsys.readouterr().out
    assert "FAIL  notice: RuntimeError: notice rules missing" in printed
    assert "ok    escalation:" in printed  # the other checks still ran
    assert "SELF-TEST FAILED: notice (1 of 8 checks)" in printed


def test_no_database_means_nothing_else_is_claimed_to_work(monkeypatch, capsys):
    import domain.store
    from domain.errors import StoreError

    def unopenable(*_args, **_kwargs):
        raise StoreError("cannot open the database")

    monkeypatch.setattr(domain.store, "open_store", unopenable)
    assert self_test.run(gui=False) == 1
    printed = capsys.readouterr().out
    assert "FAIL  database: StoreError: cannot open the database" in printed
    assert "FAIL  hours: not run, database failed" in printed
    assert "ok    hours" not in printed
    assert "ok    translations:" in printed  # needs no database: still checked


def test_without_a_console_the_report_goes_to_the_temp_folder(monkeypatch, tmp_path):
    # A windowed exe on Windows: sys.stdout is None under PyInstaller.
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(self_test.tempfile, "gettempdir", lambda: str(tmp_path))
    assert self_test.run(gui=False) == 0
    report = (tmp_path / "deskguide-self-test.txt").read_text(encoding="utf-8")
    assert "self-test passed: 8 checks" in report


def test_gui_entry_point_accepts_self_test_report(tmp_path):
    report = tmp_path / "gui-report.txt"
    result = subprocess.run([sys.executable, "-m", "desktop", "--self-test", "--self-test-report", str(report)],
                            cwd=ROOT, capture_output=True, text=True, timeout=120,
                            env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ok    main-window:" in report.read_text(encoding="utf-8")
