"""Issue 17: the reference answers (`hours`, `scope`, `notice`, `escalate`, `lifecycle`) from
an up-to-date database start without SQLAlchemy, Alembic or `holidays`
(domain/store/quick_read.py); in team mode the scope and lifecycle answers never wait
for the server. What they answer is the contract of their own tests, unchanged; the
timings are benchmarks/cli_startup.py's, never a test's."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tests.desktop.cli.cli_run import run

ROOT = Path(__file__).resolve().parents[3]
HEAVY = ("sqlalchemy", "alembic", "holidays")

COMMANDS = {
    "hours": ["hours", "--json"],
    "hours-text": ["hours", "--country", "FI", "--lang", "sv", "--at", "2026-12-24T10:00"],
    "scope": ["scope", "--topic", "general-question", "--json"],
    "notice": ["notice", "--start", "2025-12-20", "--term", "12", "--on", "2026-11-23", "--country", "DK", "--json"],
    "escalate": ["escalate", "--severity", "A", "--country", "NO", "--opened", "2026-12-23T16:00", "--explain",
                 "--product", "Exchange Server 2016", "--json"],
    "lifecycle": ["lifecycle", "--product", "Windows Server 2019", "--on", "2026-11-22", "--json"],
}

PROBE = """
import json, sys
from desktop.cli import main
code = main(sys.argv[1:])
print(json.dumps({"code": code, "loaded": sorted(m for m in sys.modules if m.split(".")[0] in %r)}), file=sys.stderr)
""" % (HEAVY,)


def _probe(argv: list[str], env: dict) -> tuple[int, list[str], str]:
    result = subprocess.run([sys.executable, "-c", PROBE, *argv], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=120)
    report = json.loads(result.stderr.strip().splitlines()[-1])
    return report["code"], report["loaded"], result.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_a_reference_answer_from_an_up_to_date_database_imports_no_store_machinery(store, command):
    """A process of its own, as an agent starts it: the answer comes, and neither
    SQLAlchemy, Alembic nor `holidays` was imported for it."""
    store.close()
    code, loaded, out = _probe(COMMANDS[command], {**os.environ, "DESKGUIDE_DB": str(store.path)})
    assert code == 0 and out.strip()
    assert loaded == []


def test_a_database_that_needs_the_store_still_gets_it(store):
    """An older reference dataset: the full store loads the bundled file, then answers."""
    from tests.domain.raw_sql import sql

    store.close()
    sql(store.path, "UPDATE reference_dataset SET version = version - 1 WHERE name = 'lifecycle'")
    code, loaded, out = _probe(COMMANDS["lifecycle"], {**os.environ, "DESKGUIDE_DB": str(store.path)})
    assert code == 0 and json.loads(out)["phase"] == "extended"
    assert "sqlalchemy" in loaded
    assert sql(store.path, "SELECT version FROM reference_dataset WHERE name = 'lifecycle'") != [(0,)]
    code, loaded, _ = _probe(COMMANDS["lifecycle"], {**os.environ, "DESKGUIDE_DB": str(store.path)})
    assert code == 0 and loaded == []  # up to date again: quick


@pytest.mark.parametrize("command", ["hours", "scope", "notice", "escalate", "lifecycle"])
def test_a_missing_database_is_still_refused_by_a_reference_answer(capsys, isolated_data, monkeypatch, command):
    monkeypatch.setenv("DESKGUIDE_DB", str(isolated_data))  # named: a command that only reads never creates it
    code, _, out, err = run(capsys, *COMMANDS[command])
    assert code == 2 and not isolated_data.exists()
    assert "there is no database" in err and "a command that writes creates it" in err


@pytest.mark.parametrize("command", ["scope", "lifecycle"])
def test_in_team_mode_a_reference_answer_does_not_wait_for_the_server(capsys, monkeypatch, team_reference_cache,
                                                                     command):
    """The team's server listens but never answers (a hung host): the scope and lifecycle
    answers come from the installed reference data without a connection being tried;
    the warnings about the settings are said as before."""
    # Named beside the team's local file, so the settings' warning is said too.
    monkeypatch.setenv("DESKGUIDE_DB", str(team_reference_cache.with_name("deskguide.sqlite3")))
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        silent.setblocking(False)
        monkeypatch.setenv("DESKGUIDE_DATABASE_URL", f"postgresql://agent@127.0.0.1:{silent.getsockname()[1]}/desk")
        code, payload, _, err = run(capsys, *COMMANDS[command])
        with pytest.raises(BlockingIOError):
            silent.accept()  # nobody knocked
    assert code == 0, err
    assert payload == json.loads(json.dumps(payload)) and payload.get("message")
    assert err.splitlines() == ["deskguide: DESKGUIDE_DB is ignored: DESKGUIDE_DATABASE_URL names the team database, "
                                "which wins"]


def test_in_team_mode_the_hours_still_need_the_team_s_overrides(capsys, monkeypatch, team_reference_cache):
    """The hours include the administrators' overrides, which live on the server: a
    server nobody listens on is exit 3 at once, as before (test_team_database.py)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    code, _, out, err = run(capsys, "hours", "--country", "SE", "--database-url",
                            f"postgresql://agent@127.0.0.1:{port}/d")
    assert code == 3 and out == "" and "cannot be reached" in err
