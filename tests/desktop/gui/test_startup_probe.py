"""`deskguide-gui --startup-probe` (issue 17): the contract benchmarks/run_benchmarks.py
reads, never its timing. The real app in a process of its own, offscreen, on a real
SQLite file: the lines, their order and format, quitting by itself, the exit code."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
MS = r"\d+\.\d"
EPOCH = r"\d+\.\d+"

pytestmark = pytest.mark.gui


def probe(db: Path, tmp_path: Path) -> tuple[int, list[str]]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "DESKGUIDE_DB": str(db),
           # The window remembers where it was (QSettings): in the test's folder, not the user's.
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "HOME": str(tmp_path / "home")}
    result = subprocess.run([sys.executable, "-m", "desktop", "--startup-probe"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=150)
    return result.returncode, result.stdout.splitlines()


@pytest.mark.parametrize("existing", [True, False], ids=["existing database", "new database"])
def test_the_probe_says_when_the_window_and_then_the_answers_showed_and_quits(store, isolated_data, tmp_path,
                                                                              existing):
    db = isolated_data if existing else tmp_path / "new" / "deskguide.sqlite3"
    code, lines = probe(db, tmp_path)

    assert code == 0
    # An up-to-date file answers at once from its own data; a new one (nothing to read
    # before the store has made it) shows the reference hours as PROVISIONAL meanwhile.
    kinds = [line.split()[0] for line in lines]
    assert kinds == (["STARTUP", "ANSWERS"] if existing else ["STARTUP", "PROVISIONAL", "ANSWERS"])
    startup, answers = lines[0], lines[-1]
    assert re.fullmatch(rf"STARTUP {MS} {EPOCH}", startup)
    assert re.fullmatch(rf"ANSWERS {MS} {EPOCH}", answers)
    assert all(re.fullmatch(rf"PROVISIONAL {MS}", line) for line in lines[1:-1])
    # Milliseconds since main(), in the order they happened.
    since_main = [float(line.split()[1]) for line in lines]
    assert since_main == sorted(since_main)
    assert float(startup.split()[2]) <= float(answers.split()[2])
    assert db.exists()


def test_a_database_that_cannot_be_opened_gives_answers_none_with_the_reason_and_exit_1(isolated_data, tmp_path):
    db = tmp_path / "damaged.sqlite3"
    db.write_text("not a database")
    code, lines = probe(db, tmp_path)

    assert code == 1
    assert lines[0].startswith("STARTUP ") and lines[-1].startswith("ANSWERS none ")
    assert lines[-1] == (f"ANSWERS none The database could not be opened: cannot open the database {db}: "
                         "file is not a database")
    assert db.read_text() == "not a database"  # untouched
