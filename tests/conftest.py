"""Shared test set-up: Qt draws offscreen, no test touches the user's real data, every
store starts as a copy of one migrated database (a SQLite file, or a PostgreSQL database
made from a migrated template on the throwaway server of tests/postgres_server.py), and
Hypothesis runs by profile."""
from __future__ import annotations

import datetime as dt
import functools
import gc
import os
import shutil

import pytest
from hypothesis import settings

# Set before any Qt import (pytest-qt creates the QApplication lazily).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# A fixed moment for tests that need "now": Monday 23 November 2026, 12:00 UTC.
MONDAY_NOON = dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.timezone.utc)

# How hard the property tests look: "ci" (the default) is thorough, "dev" a quick look
# while editing (HYPOTHESIS_PROFILE=dev). No deadline in either: the machines are shared
# and noisy, and a slow example is not a wrong one.
settings.register_profile("ci", max_examples=300, deadline=None)
settings.register_profile("dev", max_examples=30, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(autouse=True)
def isolated_data(tmp_path, monkeypatch):
    """Every test gets its own database path; the user's data folder is never used, nor
    the machine's settings (tests/desktop/common/test_machine_config.py writes its own)."""
    path = tmp_path / "data" / "deskguide.sqlite3"
    monkeypatch.setenv("DESKGUIDE_DB", str(path))
    monkeypatch.setenv("DESKGUIDE_MACHINE_CONFIG", str(tmp_path / "machine" / "deskguide.ini"))
    monkeypatch.setenv("DESKGUIDE_LOG_DIR", str(tmp_path / "logs"))
    # Nor, on Windows, the machine's registry (IT's policy, the installer's key): a test
    # that wants them gives them (tests/windows_facts.py FakeWindows).
    from desktop.common import machine_config

    monkeypatch.setattr(machine_config, "system_windows", lambda: None)
    # Nor the user's credential store (Windows Credential Manager, a desktop's keyring),
    # here and in the programs tests start: "no store"; `memory_keyring` gives one.
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    for name in ("DESKGUIDE_DATABASE_URL", "PGHOST", "PGPORT", "PGUSER", "PGPASSWORD", "PGPASSFILE", "PGSSLMODE",
                 "PGCONNECT_TIMEOUT", "PGAPPNAME", "PGDATABASE"):
        monkeypatch.delenv(name, raising=False)  # libpq's settings of whoever runs the tests
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-pgpass"))  # nor their ~/.pgpass
    return path


@pytest.fixture
def now() -> dt.datetime:
    return MONDAY_NOON


@pytest.fixture(scope="session")
def reference_bundle():
    """The bundled reference files, read and parsed once for the whole run."""
    from domain.reference_bundle import ReferenceBundle

    return ReferenceBundle.bundled()


@pytest.fixture(scope="session")
def template_database(tmp_path_factory, reference_bundle):
    """A store migrated by Alembic and loaded with the bundled data, made once per run;
    each test's store starts as a copy (migrating from nothing costs every test ~0.1 s)."""
    from domain.store import open_store

    path = tmp_path_factory.mktemp("template") / "deskguide.sqlite3"
    open_store(path, now=MONDAY_NOON, reference=reference_bundle).close()
    return path


@pytest.fixture
def sqlite_store(isolated_data, now, reference_bundle, template_database):
    """A real SQLite store, migrated by Alembic and loaded with the bundled data: a copy
    of the template, opened as the app opens it (it finds the copy up to date)."""
    from domain.store import open_store

    isolated_data.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(template_database, isolated_data)
    opened = open_store(isolated_data, now=now, reference=reference_bundle)
    yield opened
    opened.close()


@pytest.fixture
def store(sqlite_store):
    """The store: SQLite here; tests/domain/store and tests/domain/services make it
    `any_store` (both engines), and their tests about SQLite itself (WAL, pragmas, file
    copies) ask for `sqlite_store` by name."""
    return sqlite_store


@pytest.fixture(scope="session")
def postgres_server():
    """A throwaway PostgreSQL cluster for the whole run (tests/postgres_server.py),
    stopped and removed at the end whatever happened. No binaries: every test that
    needs it fails saying how to install them (never skipped)."""
    from tests.postgres_server import INSTALL_HINT, PostgresServer, find_binaries

    if find_binaries() is None:
        pytest.fail(INSTALL_HINT, pytrace=False)
    server = PostgresServer()
    try:
        server.start()
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def postgres_template(postgres_server, reference_bundle):
    """A PostgreSQL database set up as IT does (`deskguide team init`: migrated, loaded,
    roles granted), made once per run; each test's database is `CREATE DATABASE ...
    TEMPLATE` of it."""
    from domain.store import init_team_database

    name = postgres_server.create_database(prefix="template")
    init_team_database(postgres_server.url(name), now=MONDAY_NOON, reference=reference_bundle)
    return name


@pytest.fixture
def team_reference_cache(isolated_data, template_database):
    """The installed reference data a team store reads (domain/store/team.py), where the
    app keeps it, as a copy of the migrated SQLite template (made once per run)."""
    from domain.store.team import team_local_path

    path = team_local_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(template_database, path)
    return path


@pytest.fixture
def postgres_store(postgres_server, postgres_template, team_reference_cache, now, reference_bundle):
    """A real PostgreSQL store of its own: a copy of the template, opened as the app
    opens it (it finds the copy up to date), dropped afterwards."""
    from domain.store import open_team_store

    name = postgres_server.create_database(template=postgres_template)
    opened = open_team_store(postgres_server.url(name), now=now, reference=reference_bundle)
    yield opened
    opened.close()
    # A connection a test left open is its leak, said here rather than in a later test.
    gc.collect()
    postgres_server.drop_database(name)


# The password of the role `agent` on `postgres_password_server`.
AGENT_PASSWORD = "Vinter-2026!"


@pytest.fixture(scope="session")
def postgres_password_server(reference_bundle):
    """A second throwaway cluster, listening on a loopback port where every login needs a
    password (scram-sha-256), with the role `agent` (AGENT_PASSWORD) and a migrated
    template database `server.template`: team mode's credentials and timeouts, for real."""
    from domain.store import init_team_database
    from tests.postgres_server import INSTALL_HINT, PostgresServer, find_binaries

    if find_binaries() is None:
        pytest.fail(INSTALL_HINT, pytrace=False)
    server = PostgresServer(tcp=True)
    try:
        server.start()
        server.create_role("agent", AGENT_PASSWORD)
        server.template = server.create_database(prefix="template")
        init_team_database(server.url(server.template), now=MONDAY_NOON, reference=reference_bundle)
        yield server
    finally:
        server.stop()


@pytest.fixture
def password_database(postgres_password_server):
    """A database of its own on the password server; its URL (no password) for `agent`:
    (url, name). The password is AGENT_PASSWORD."""
    server = postgres_password_server
    name = server.create_database(template=server.template)
    yield server.tcp_url(name, "agent"), name
    gc.collect()
    server.drop_database(name)


@functools.cache
def _in_memory_keyring_class():
    # Defined once: keyring registers every KeyringBackend subclass it sees.
    from keyring.backend import KeyringBackend
    from keyring.errors import PasswordDeleteError

    class InMemoryKeyring(KeyringBackend):
        priority = 1

        def __init__(self):
            super().__init__()
            self.passwords: dict[tuple[str, str], str] = {}

        def get_password(self, service, username):
            return self.passwords.get((service, username))

        def set_password(self, service, username, password):
            self.passwords[(service, username)] = password

        def delete_password(self, service, username):
            if self.passwords.pop((service, username), None) is None:
                raise PasswordDeleteError("no such password")

    return InMemoryKeyring


@pytest.fixture
def memory_keyring():
    """A real keyring backend that keeps passwords in memory, installed for the test
    (keyring.set_keyring; the operating system's store is not available to the tests);
    `.passwords` maps (service, user) to the password."""
    import keyring

    before = keyring.get_keyring()
    backend = _in_memory_keyring_class()()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(before)


def pytest_generate_tests(metafunc):
    # A test that asks for `sqlite_store` is about SQLite itself: its `any_store` (through
    # `store` and the fixtures built on it) is SQLite alone.
    if "any_store" in metafunc.fixturenames:
        engines = [pytest.param("sqlite")]
        if "sqlite_store" not in metafunc.fixturenames:
            engines.append(pytest.param("postgresql", marks=pytest.mark.postgres))
        metafunc.parametrize("any_store", engines, indirect=True)


@pytest.fixture
def any_store(request):
    """The test once on each engine: a SQLite file and a PostgreSQL database (marked
    `postgres`); see pytest_generate_tests."""
    return request.getfixturevalue("sqlite_store" if request.param == "sqlite" else "postgres_store")


@pytest.fixture
def answerer(store):
    from domain.services.hours import HoursAnswerer, load_policies

    return HoursAnswerer(load_policies(store))
