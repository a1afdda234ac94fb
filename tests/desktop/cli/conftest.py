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
