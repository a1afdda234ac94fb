"""The command line's tests read English unless they ask for another language.

Without --lang the CLI speaks the machine's or the operating system's language
(desktop/cli/language.py), so the machine running the tests must not decide: its
environment says C (no language), and a Windows display language is not asked.
tests/conftest.py already points the machine's deskguide.ini at a missing file.
"""
from __future__ import annotations

import pytest

from desktop.cli import language as cli_language


@pytest.fixture(autouse=True)
def no_os_language(monkeypatch):
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.setattr(cli_language, "_windows_languages", lambda: [])


@pytest.fixture(autouse=True)
def default_location(isolated_data, monkeypatch, tmp_path):
    """The test's database is the user's default location, which any command creates at
    its first start; a database named explicitly (--db, DESKGUIDE_DB, deskguide.ini) is
    created only by a command that writes (tests/desktop/cli/test_database_path.py)."""
    monkeypatch.delenv("DESKGUIDE_DB", raising=False)
    monkeypatch.setattr("domain.store.opening.default_db_path", lambda: isolated_data)
    # A command run as a process of its own finds no DESKGUIDE_DB either: never the real folder.
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    return isolated_data
