"""Where the user's database lives by default (domain/store/database.py `default_db_path`):
DESKGUIDE_DB, else %LOCALAPPDATA%\\Deskguide on Windows (given as facts, so it runs here)."""
from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_dir

from domain.store.database import default_db_path

WINDOWS = {"LOCALAPPDATA": r"C:\Users\anna\AppData\Local", "USERNAME": "anna"}


def test_on_windows_the_database_is_in_the_user_s_local_app_data():
    assert str(default_db_path(WINDOWS, "win32")) == r"C:\Users\anna\AppData\Local\Deskguide\deskguide.sqlite3"


def test_deskguide_db_wins_everywhere(tmp_path):
    assert default_db_path({**WINDOWS, "DESKGUIDE_DB": str(tmp_path / "x.sqlite3")}, "win32") == tmp_path / "x.sqlite3"


def test_elsewhere_it_is_platformdirs_user_data_folder():
    assert default_db_path({}, "linux") == Path(user_data_dir("Deskguide", appauthor=False)) / "deskguide.sqlite3"
