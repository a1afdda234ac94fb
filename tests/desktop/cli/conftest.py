"""The command line's tests read English unless they ask for another language; where the
engine matters they run on both (`cli_database`: a SQLite file, then a team's PostgreSQL
database named by --database-url).

Without --lang the CLI speaks the machine's or the operating system's language
(desktop/cli/language.py), so the machine running the tests must not decide: its
environment says C (no language), and a Windows display language is not asked.
tests/conftest.py already points the machine's deskguide.ini at a missing file.
"""
from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from desktop.cli import language as cli_language

MONDAY_NOON = dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.timezone.utc)  # tests/conftest.py's `now`
EXAMPLE = Path(__file__).resolve().parents[2] / "data" / "register-semicolon.csv"


@pytest.fixture(autouse=True)
def no_os_language(monkeypatch):
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.setattr(cli_language, "windows_languages", lambda facts: [])  # on Windows


def fill(store) -> None:
    """A register (the example file), an override and a journal entry."""
    from desktop.cli.context import CliContext
    from domain.desks import OverrideKind
    from domain.journal import JournalEntry, JournalKind
    from domain.services import hours, journal
    from domain.services.register_csv import import_csv

    import_csv(store, EXAMPLE, CliContext.pinned(MONDAY_NOON).today())
    hours.add_override(store, hours.new_override(OverrideKind.CLOSED_DATE, "FI", now=MONDAY_NOON, by="Anna",
                                                 note="Office move", on_date=dt.date(2026, 11, 27)))
    journal.add_entry(store, JournalEntry(1, MONDAY_NOON - dt.timedelta(days=400), "Anna Berg",
                                          JournalKind.NOTE, "", "", note="Called about\nthe renewal"))


@pytest.fixture(scope="session")
def filled_template(tmp_path_factory, template_database, reference_bundle):
    """The template store with a register, an override and journal entries in it: what
    the refusal tests compare byte for byte (made once per run; tests copy it)."""
    from domain.store import open_store

    path = tmp_path_factory.mktemp("filled") / "deskguide.sqlite3"
    shutil.copyfile(template_database, path)
    store = open_store(path, now=MONDAY_NOON, reference=reference_bundle)
    try:
        fill(store)
    finally:
        store.close()
    return path


@dataclass
class CliDatabase:
    """The database a test's commands name: `args` (--db PATH or --database-url URL) go
    on every command line; `open()` gives the test its own store on the same database."""

    engine: str
    args: tuple[str, ...]
    open: Callable

    def rows(self, *tables: str) -> dict[str, list[tuple]]:
        """Every row of `tables` by id, as the engine returns them."""
        from sqlalchemy import text

        store = self.open()
        try:
            with store.engine.connect() as connection:
                return {table: [tuple(row) for row in connection.execute(text(f"SELECT * FROM {table} ORDER BY id"))]
                        for table in tables}
        finally:
            store.close()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def cli_database(request, tmp_path, template_database, reference_bundle):
    """The test once on a SQLite file (--db) and once on a PostgreSQL database copied from
    the migrated template (--database-url); the same answers are expected of both."""
    if request.param == "sqlite":
        from domain.store import open_store

        path = tmp_path / "cli" / "deskguide.sqlite3"
        path.parent.mkdir()
        shutil.copyfile(template_database, path)
        yield CliDatabase("sqlite", ("--db", str(path)),
                          lambda: open_store(path, now=MONDAY_NOON, reference=reference_bundle))
        return
    from domain.store import open_team_store

    server = request.getfixturevalue("postgres_server")
    name = server.create_database(template=request.getfixturevalue("postgres_template"))
    yield CliDatabase("postgresql", ("--database-url", server.socket_url(name)),
                      lambda: open_team_store(server.url(name), now=MONDAY_NOON, reference=reference_bundle))
    server.drop_database(name)


@pytest.fixture
def cli_store(cli_database):
    """The test's own store on the database its commands name (either engine)."""
    opened = cli_database.open()
    yield opened
    opened.close()


@pytest.fixture
def cli(capsys, cli_database):
    """The command line on the pinned clock (tests/conftest.py's `now`) and the test's
    database: cli("journal", "--customer", "1", "--json") -> (code, JSON, stdout, stderr)."""
    from desktop.cli.context import CliContext
    from tests.desktop.cli import cli_run

    return lambda *argv: cli_run.run(capsys, *argv, *cli_database.args, context=CliContext.pinned(MONDAY_NOON))


@pytest.fixture
def filled_cli_database(cli_database):
    """`cli_database` with the register, override and journal entry of `filled_template`."""
    store = cli_database.open()
    try:
        fill(store)
    finally:
        store.close()
    return cli_database


@pytest.fixture
def filled_db(filled_template, isolated_data):
    """A copy of the filled template at the test's own database path (DESKGUIDE_DB)."""
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
