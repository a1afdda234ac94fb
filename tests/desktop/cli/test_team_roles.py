"""An agent's login on the command line (issue 15, "Roles"): the administrators' commands
(desk overrides, the journal purge) exit 2 with one line that says who may, and write
nothing; the agent's own work and the purge's --dry-run (it only counts) answer."""
from __future__ import annotations

from urllib.parse import urlencode

import pytest

from tests.desktop.cli.cli_run import run

pytestmark = pytest.mark.postgres


@pytest.fixture
def agent_url(postgres_server, postgres_template):
    """A team database and the URL of an agent's own login to it (trust over the socket)."""
    name = postgres_server.create_database(template=postgres_template)
    postgres_server.execute("CREATE ROLE kim LOGIN IN ROLE deskguide_agent")
    query = urlencode({"host": str(postgres_server.folder), "port": postgres_server.port})
    yield f"postgresql://kim@/{name}?{query}", postgres_server.socket_url(name)
    postgres_server.drop_database(name)
    postgres_server.execute("DROP ROLE kim")


@pytest.mark.parametrize("argv", [
    ["overrides", "close-date", "--country", "SE", "--date", "2026-12-28"],
    ["overrides", "shorten-day", "--country", "NO", "--date", "2026-12-23", "--closes", "12:00"],
    ["overrides", "set-hours", "--country", "DK", "--weekday", "fri", "--closed"],
    ["overrides", "remove", "1"],
    ["journal", "purge", "--older-than-months", "6"],
])
def test_an_agents_login_is_told_an_administrator_does_it_and_nothing_changes(capsys, agent_url, argv):
    agent, owner = agent_url
    code, payload, out, err = run(capsys, *argv, "--database-url", agent, "--json")
    assert code == 2
    [line] = err.splitlines()
    assert "needs a Deskguide administrator" in line
    assert payload["error"] == line.removeprefix("deskguide: ")
    code, payload, _, _ = run(capsys, "overrides", "list", "--database-url", owner, "--json")
    assert (code, payload["overrides"]) == (0, [])


def test_an_agent_may_count_what_a_purge_would_delete(capsys, agent_url):
    code, payload, _, _ = run(capsys, "journal", "purge", "--older-than-months", "6", "--dry-run",
                              "--database-url", agent_url[0], "--json")
    assert (code, payload["would_delete"]) == (0, 0)


def test_an_administrators_login_changes_the_desks_hours(capsys, agent_url, postgres_server):
    postgres_server.execute("CREATE ROLE mona LOGIN IN ROLE deskguide_admin")
    try:
        url = agent_url[0].replace("kim@", "mona@")
        code, payload, _, err = run(capsys, "overrides", "close-date", "--country", "SE", "--date", "2026-12-28",
                                    "--database-url", url, "--json")
        assert code == 0, err
        assert payload["added"]["country"] == "SE"
    finally:
        postgres_server.execute("DROP OWNED BY mona", "DROP ROLE mona")
