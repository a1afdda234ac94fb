"""`--database-url` and DESKGUIDE_DATABASE_URL on the command line: what is refused (exit 2,
one line, never the password), how a password is given (credential store, libpq's file, a
terminal's prompt, never a script's), an unreachable server (exit 3 within 15 s), and no
SQLite on a network share. The commands' answers on both engines: `cli_database` in
test_register_csv.py, test_journal.py and the others."""
from __future__ import annotations

import os
import pty
import select
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.common import credential_store
from domain.store import file_system
from tests.conftest import AGENT_PASSWORD
from tests.desktop.cli.cli_run import run

ROOT = Path(__file__).resolve().parents[3]
SECRET = "hunter2-Oslo-7"


def deskguide(*argv: str, stdin=subprocess.DEVNULL, stderr=subprocess.PIPE, **options) -> subprocess.Popen:
    """The command line as a process of its own (python -m desktop.cli)."""
    return subprocess.Popen([sys.executable, "-m", "desktop.cli", *argv], cwd=ROOT, env=dict(os.environ),
                            stdin=stdin, stdout=subprocess.PIPE, stderr=stderr, text=True, **options)


@pytest.mark.parametrize("url", [f"postgresql://agent:{SECRET}@db.example/deskguide",
                                 f"postgres://db.example/deskguide?password={SECRET}"])
def test_a_url_with_a_password_is_refused_and_never_repeated(capsys, isolated_data, url):
    code, payload, out, err = run(capsys, "hours", "--database-url", url, "--json")
    assert code == 2
    [line] = err.splitlines()
    assert line.startswith("deskguide: --database-url: a URL with a password is refused")
    assert SECRET not in out + err
    assert payload["error"] == line.removeprefix("deskguide: ")
    assert not isolated_data.exists()


def test_the_same_url_in_the_environment_is_refused_naming_the_variable(capsys, monkeypatch):
    monkeypatch.setenv("DESKGUIDE_DATABASE_URL", f"postgresql://agent:{SECRET}@db.example/deskguide")
    code, _, out, err = run(capsys, "deadlines")
    assert code == 2 and err.startswith("deskguide: DESKGUIDE_DATABASE_URL: a URL with a password is refused")
    assert SECRET not in out + err


@pytest.mark.parametrize(("argv", "says"), [
    (["--db", "desk.sqlite3", "--database-url", "postgresql://db.example/deskguide"], "--db and --database-url"),
    (["--database-url", "mysql://db.example/deskguide"], "mysql:// is not a team database URL"),
    (["--database-url", ""], "--database-url: is empty"),
])
def test_what_cannot_be_a_team_database_is_exit_2_in_one_line(capsys, isolated_data, argv, says):
    code, payload, _, err = run(capsys, "overrides", "list", *argv, "--json")
    assert code == 2 and says in err and len(err.splitlines()) == 1
    assert says in payload["error"]
    assert not isolated_data.exists()


@pytest.fixture
def team_url(postgres_server, postgres_template):
    """A team database of the test's own on the tests' server, as --database-url names it."""
    name = postgres_server.create_database(template=postgres_template)
    yield postgres_server.socket_url(name)
    postgres_server.drop_database(name)


@pytest.mark.postgres
def test_the_option_may_come_before_the_command(capsys, team_url):
    code, payload, _, err = run(capsys, "--database-url", team_url, "lifecycle", "--product", "Windows Server 2019",
                                "--on", "2026-11-22", "--json")
    assert code == 0, err
    assert (payload["product"], payload["phase"]) == ("Windows Server 2019", "extended")


@pytest.mark.postgres
def test_the_environment_names_the_team_database(capsys, team_url, monkeypatch):
    monkeypatch.setenv("DESKGUIDE_DATABASE_URL", team_url)
    code, payload, _, err = run(capsys, "overrides", "close-date", "--country", "SE", "--date", "2026-12-18", "--json")
    assert code == 0, err
    code, payload, _, _ = run(capsys, "overrides", "list", "--json")
    assert [item["date"] for item in payload["overrides"]] == ["2026-12-18"]


@pytest.mark.postgres
def test_a_script_without_a_password_is_told_how_to_give_one(capsys, password_database):
    url, name = password_database
    code, payload, out, err = run(capsys, "deadlines", "--database-url", url, "--json")
    assert code == 2
    [line] = err.splitlines()
    assert f"Team database {name} on 127.0.0.1:" in line and "asks for the password of agent" in line
    assert "PGPASSFILE" in line and payload["error"] == line.removeprefix("deskguide: ")


@pytest.mark.postgres
def test_the_password_the_app_remembered_is_used(capsys, password_database, memory_keyring):
    url, _ = password_database
    from desktop.common.team_url import parse_team_url

    credential_store.remember(parse_team_url(url, "test").credential_key(), AGENT_PASSWORD)
    code, payload, _, err = run(capsys, "deadlines", "--database-url", url, "--json")
    assert code == 0, err
    assert payload["deadlines"] == []


@pytest.mark.postgres
def test_a_scheduled_job_uses_libpq_s_password_file(password_database, tmp_path, monkeypatch):
    url, name = password_database
    passfile = tmp_path / "pgpass.conf"
    passfile.write_text(f"127.0.0.1:*:{name}:agent:{AGENT_PASSWORD}\n")
    passfile.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(passfile))
    monkeypatch.setenv("DESKGUIDE_DATABASE_URL", url)
    out, err = deskguide("journal", "purge", "--older-than-months", "12", "--json").communicate(timeout=60)
    assert '"deleted": 0' in out, err


def test_an_unreachable_server_is_exit_3_in_one_line_at_once(tmp_path):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    started = time.monotonic()
    process = deskguide("hours", "--country", "SE", "--database-url", f"postgresql://agent@127.0.0.1:{port}/desk")
    out, err = process.communicate(timeout=60)
    assert time.monotonic() - started < 15
    assert process.returncode == 3 and out == ""
    [line] = err.splitlines()
    assert line.startswith(f"deskguide: Team database desk on 127.0.0.1:{port} cannot be reached")
    assert "Try again in a moment" in line


@pytest.mark.slow
def test_a_server_that_never_answers_is_exit_3_within_15_seconds():
    with socket.socket() as silent:  # listens, never answers: a hung host, a dead VPN
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        started = time.monotonic()
        process = deskguide("deadlines", "--database-url", f"postgresql://agent@127.0.0.1:{silent.getsockname()[1]}/d")
        out, err = process.communicate(timeout=60)
        waited = time.monotonic() - started
    assert process.returncode == 3 and waited < 15, (waited, err)
    assert len(err.splitlines()) == 1 and "timeout" in err


@pytest.mark.postgres
def test_at_a_terminal_the_password_is_asked_without_echo(password_database):
    url, name = password_database
    controller, terminal = pty.openpty()
    try:
        # A session of its own, the terminal on stdin and stderr: as when a person types the command.
        process = deskguide("deadlines", "--database-url", url, "--json", stdin=terminal, stderr=terminal,
                            start_new_session=True)
        os.close(terminal)
        seen = read_until(controller, b": ")
        assert f"Password of agent for Team database {name} on 127.0.0.1:".encode() in seen
        os.write(controller, AGENT_PASSWORD.encode() + b"\n")
        out, _ = process.communicate(timeout=60)
        assert process.returncode == 0 and '"deadlines": []' in out
        assert AGENT_PASSWORD.encode() not in seen + read_until(controller, None)  # not echoed
    finally:
        os.close(controller)


def read_until(fd: int, end: bytes | None, timeout: float = 30.0) -> bytes:
    """What the terminal shows, until `end` appears (None: until the program closes it)."""
    seen = b""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and (end is None or end not in seen):
        ready, _, _ = select.select([fd], [], [], deadline - time.monotonic())
        if not ready:
            break
        try:
            chunk = os.read(fd, 1024)
        except OSError:  # the other side closed
            break
        if not chunk:
            break
        seen += chunk
    return seen


@pytest.mark.postgres
def test_backup_points_a_team_at_the_server_s_own_backups(capsys, password_database, tmp_path):
    url, _ = password_database
    code, _, _, err = run(capsys, "backup", str(tmp_path / "copy.sqlite3"), "--database-url", url)
    assert code == 2 and "pg_dump" in err and not (tmp_path / "copy.sqlite3").exists()


def test_a_weak_tls_setting_is_warned_about_on_stderr(capsys, tmp_path):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    # Remote-looking (127.0.0.2 is not this computer's name to Deskguide), TLS off: a warning, then the answer.
    code, _, _, err = run(capsys, "deadlines", "--database-url", f"postgresql://127.0.0.2:{port}/d?sslmode=disable")
    warning, failure = err.splitlines()
    assert warning.startswith("deskguide: sslmode=disable: the connection to 127.0.0.2 may not be encrypted")
    assert code == 3 and "cannot be reached" in failure


def test_a_database_on_a_network_share_is_exit_2_with_sqlite_s_reason(capsys, tmp_path, monkeypatch):
    share = tmp_path / "share"
    share.mkdir()
    table = tmp_path / "mountinfo"
    table.write_text(f"27 1 254:0 / / rw - ext4 /dev/vda rw\n500 27 0:60 / {share} rw - cifs //filer/desk rw\n")
    monkeypatch.setattr(file_system, "MOUNTINFO", str(table))
    code, payload, _, err = run(capsys, "overrides", "close-date", "--country", "SE", "--date", "2026-12-18",
                                "--db", str(share / "desk.sqlite3"), "--json")
    assert code == 2
    [line] = err.splitlines()
    assert "is on a network file system (cifs)" in line and "your best defense is to not use SQLite" in line
    assert "--database-url" in line
    assert list(share.iterdir()) == []
