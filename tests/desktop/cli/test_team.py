"""`deskguide team init` and `deskguide team import-local` against a real PostgreSQL server."""
from __future__ import annotations

import shutil
import time

import pytest

from desktop.cli.context import CliContext
from domain.store.database import head_revision
from tests.desktop.cli.cli_run import run

pytestmark = pytest.mark.postgres
NOW = CliContext.pinned(__import__("datetime").datetime(2026, 11, 23, 12, 0, tzinfo=__import__("datetime").timezone.utc))


def _text(url) -> str:
    return url.render_as_string(hide_password=False)


@pytest.fixture
def empty_url(postgres_server):
    name = postgres_server.create_database(prefix="empty")
    yield _text(postgres_server.url(name))
    postgres_server.drop_database(name)


@pytest.fixture
def team_url(postgres_server, postgres_template, team_reference_cache):
    name = postgres_server.create_database(template=postgres_template)
    yield _text(postgres_server.url(name))
    postgres_server.drop_database(name)


def test_team_init_sets_up_an_empty_database_and_a_second_run_changes_nothing(capsys, empty_url):
    code, payload, _, _ = run(capsys, "team", "init", "--database-url", empty_url, "--json", context=NOW)
    assert code == 0
    assert payload["from_revision"] is None and payload["revision"] == head_revision()
    assert payload["roles_created"] in ([], ["deskguide_agent", "deskguide_admin"])  # roles are the server's
    assert sorted(payload["reference_loaded"]) == ["desks", "escalation", "lifecycle", "scope"]
    code, again, out, _ = run(capsys, "team", "init", "--database-url", empty_url, "--json", context=NOW)
    assert code == 0 and again["from_revision"] == head_revision() and again["reference_loaded"] == []
    code, _, out, _ = run(capsys, "team", "init", "--database-url", empty_url, context=NOW)
    assert code == 0 and f"schema {head_revision()}" in out and "deskguide_agent, deskguide_admin" in out


def test_import_local_uploads_the_agents_database_and_a_dry_run_writes_nothing(capsys, filled_db, isolated_data,
                                                                              team_url):
    local = isolated_data.parent / "mine.sqlite3"
    shutil.copyfile(isolated_data, local)
    args = ("team", "import-local", "--from", str(local), "--database-url", team_url, "--json")
    code, dry, _, _ = run(capsys, *args, "--dry-run", context=NOW)
    assert code == 0 and dry["dry_run"] and dry["added"]["customers"] == 4
    code, done, _, _ = run(capsys, *args, context=NOW)
    assert code == 0 and done["added"] == dry["added"] and not done["dry_run"]
    code, again, out, _ = run(capsys, *args[:-1], context=NOW)
    assert code == 0 and "Added: 0 customers, 0 subscriptions, 0 cases, 0 journal entries." in out


def test_import_local_from_a_missing_file_is_refused(capsys, tmp_path, team_url):
    code, _, out, err = run(capsys, "team", "import-local", "--from", str(tmp_path / "nope.sqlite3"),
                            "--database-url", team_url, context=NOW)
    assert code == 2 and out == "" and "there is no database file" in err and len(err.splitlines()) == 1


def test_import_into_a_database_nobody_set_up_is_refused_with_what_to_do(capsys, filled_db, isolated_data,
                                                                        empty_url, team_reference_cache):
    code, _, _, err = run(capsys, "team", "import-local", "--from", str(isolated_data), "--database-url", empty_url,
                          context=NOW)
    assert code == 2 and "deskguide team init" in err and len(err.splitlines()) == 1


def test_a_server_that_cannot_be_reached_is_said_in_one_line_within_15_seconds(capsys, filled_db, isolated_data):
    import socket

    with socket.socket() as closed:  # a port nobody listens on
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    started = time.monotonic()
    code, _, out, err = run(capsys, "team", "init", "--database-url",
                            f"postgresql://deskguide@127.0.0.1:{port}/deskguide", context=NOW)
    assert time.monotonic() - started < 15
    assert code == 3 and out == "" and "cannot be reached" in err and len(err.splitlines()) == 1


def test_import_local_from_a_name_too_long_for_the_file_system_is_refused(capsys, tmp_path, team_url):
    code, _, out, err = run(capsys, "team", "import-local", "--from", str(tmp_path / ("x" * 300)),
                            "--database-url", team_url, context=NOW)
    assert code == 2 and out == "" and "there is no database file" in err and len(err.splitlines()) == 1
