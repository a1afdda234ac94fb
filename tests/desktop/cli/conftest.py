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


@pytest.fixture(scope="session")
def filled_template(tmp_path_factory, template_database, reference_bundle):
    """The template store with a register, an override and journal entries in it: what
    the refusal tests compare byte for byte (made once per run; tests copy it)."""
    import datetime as dt
    import shutil
    from pathlib import Path

    from desktop.cli.context import CliContext
    from domain.desks import OverrideKind
    from domain.journal import JournalEntry, JournalKind
    from domain.services import hours, journal
    from domain.services.register_csv import import_csv
    from domain.store import open_store

    MONDAY_NOON = dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.timezone.utc)  # tests/conftest.py's `now`
    path = tmp_path_factory.mktemp("filled") / "deskguide.sqlite3"
    shutil.copyfile(template_database, path)
    example = Path(__file__).resolve().parents[2] / "data" / "register-semicolon.csv"
    store = open_store(path, now=MONDAY_NOON, reference=reference_bundle)
    try:
        import_csv(store, example, CliContext.pinned(MONDAY_NOON).today())
        hours.add_override(store, hours.new_override(OverrideKind.CLOSED_DATE, "FI", now=MONDAY_NOON, by="Anna",
                                                     note="Office move", on_date=dt.date(2026, 11, 27)))
        journal.add_entry(store, JournalEntry(1, MONDAY_NOON - dt.timedelta(days=400), "Anna Berg",
                                              JournalKind.NOTE, "", "", note="Called about\nthe renewal"))
    finally:
        store.close()
    return path


@pytest.fixture
def filled_db(filled_template, isolated_data):
    """A copy of the filled template at the test's own database path (DESKGUIDE_DB)."""
    import shutil

    isolated_data.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(filled_template, isolated_data)
    return isolated_data


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
