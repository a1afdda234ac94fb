"""Logging in to a team database (desktop/common/team_login.py) on a real PostgreSQL server
that wants passwords (scram-sha-256 over loopback TCP): the credential store first, libpq's
own mechanisms next, then whoever may ask; and what a failed connection is called."""
from __future__ import annotations

import os
import socket
import time

import pytest

from desktop.common import credential_store
from desktop.common.database_target import PasswordAnswer, PasswordNeeded, resolve_target
from domain.errors import ReasonOnly, StoreUnreachable
from tests.conftest import AGENT_PASSWORD

pytestmark = pytest.mark.postgres


def target(url: str):
    return resolve_target(None, url)


def opens(url: str, now, **options) -> str:
    """Open the database named by `url`; what it holds (a reference table's rows) as proof."""
    from domain.services.hours import load_policies

    store = target(url).open(now, **options)
    try:
        return f"{len(load_policies(store))} desks"
    finally:
        store.close()


class Asker:
    """A password source answering from a list, recording what it was asked."""

    def __init__(self, *answers: PasswordAnswer | None):
        self.answers = list(answers)
        self.asked = []

    def __call__(self, request):
        self.asked.append(request)
        return self.answers.pop(0)


def test_without_any_password_a_script_is_told_how_to_give_one(password_database, now):
    url, name = password_database
    with pytest.raises(PasswordNeeded) as needed:
        opens(url, now)
    said = needed.value.message
    assert said.startswith(f"Team database {name} on 127.0.0.1:") and "asks for the password of agent" in said
    assert "Remember on this computer" in said and "PGPASSFILE" in said


def test_the_password_kept_in_the_credential_store_is_used(password_database, now, memory_keyring):
    url, _ = password_database
    credential_store.remember(target(url).team.credential_key(), AGENT_PASSWORD)
    assert opens(url, now) == "4 desks"
    assert [user for service, user in memory_keyring.passwords] == [target(url).team.credential_key()]
    assert list(memory_keyring.passwords)[0][0] == "Deskguide team database"


def test_libpq_s_password_variable_and_file_keep_working(password_database, now, monkeypatch, tmp_path):
    url, name = password_database
    monkeypatch.setenv("PGPASSWORD", AGENT_PASSWORD)
    assert opens(url, now) == "4 desks"
    monkeypatch.delenv("PGPASSWORD")
    passfile = tmp_path / "pgpass.conf"
    passfile.write_text(f"127.0.0.1:*:{name}:agent:{AGENT_PASSWORD}\n")
    os.chmod(passfile, 0o600)  # libpq ignores a password file others can read
    monkeypatch.setenv("PGPASSFILE", str(passfile))
    assert opens(url, now) == "4 desks"


def test_a_refused_password_is_said_as_refused(password_database, now, monkeypatch):
    url, _ = password_database
    monkeypatch.setenv("PGPASSWORD", "not-it")
    with pytest.raises(PasswordNeeded) as refused:
        opens(url, now)
    assert "did not accept the password of agent" in refused.value.message
    assert "not-it" not in refused.value.message


def test_the_asker_is_asked_again_until_the_server_accepts_and_may_remember(password_database, now, memory_keyring):
    url, name = password_database
    asker = Asker(PasswordAnswer("wrong"), PasswordAnswer(AGENT_PASSWORD, remember=True))
    assert opens(url, now, password_source=asker) == "4 desks"
    assert [request.refused for request in asker.asked] == [False, True]
    assert asker.asked[0].user == "agent" and asker.asked[0].database.startswith(f"Team database {name} on ")
    key = target(url).team.credential_key()
    assert memory_keyring.passwords == {("Deskguide team database", key): AGENT_PASSWORD}
    assert opens(url, now) == "4 desks"  # next time: from the credential store, nobody asked


def test_a_stored_password_that_no_longer_works_is_replaced_or_forgotten(password_database, now, memory_keyring):
    url, _ = password_database
    key = target(url).team.credential_key()
    credential_store.remember(key, "last-year's")
    asker = Asker(PasswordAnswer(AGENT_PASSWORD))  # not remembered this time
    assert opens(url, now, password_source=asker) == "4 desks"
    assert asker.asked[0].refused  # the stored one was tried first and refused
    assert memory_keyring.passwords == {}  # it would fail every time: gone


def test_cancelling_leaves_the_database_unopened(password_database, now):
    url, name = password_database
    with pytest.raises(PasswordNeeded) as needed:
        opens(url, now, password_source=Asker(None))
    assert "needs the password of agent" in needed.value.message


def test_a_computer_without_a_credential_store_simply_has_no_stored_password(password_database, now):
    # The tests' default backend is keyring's "fail" one: what a Linux server without a
    # Secret Service has.
    url, _ = password_database
    assert not credential_store.available()
    assert credential_store.stored_password("agent@127.0.0.1:5432/x") is None
    assert credential_store.remember("agent@127.0.0.1:5432/x", "secret") is False
    assert opens(url, now, password_source=Asker(PasswordAnswer(AGENT_PASSWORD, remember=True))) == "4 desks"


def test_a_database_the_server_does_not_have_is_refused_not_retried(postgres_password_server, now, monkeypatch):
    url = postgres_password_server.tcp_url("no_such_database", "agent")
    monkeypatch.setenv("PGPASSWORD", AGENT_PASSWORD)
    with pytest.raises(ReasonOnly) as refused:
        opens(url, now, password_source=Asker())  # nobody is asked: it is not about a password
    assert "refused the connection" in refused.value.message and "no_such_database" in refused.value.message


def test_a_server_that_is_not_this_computer_must_speak_tls(postgres_password_server, password_database, now):
    # 127.0.0.2 is loopback, but not one of the names Deskguide takes for this computer:
    # sslmode=verify-full is added, and this server offers no TLS.
    _, name = password_database
    url = f"postgresql://agent@127.0.0.2:{postgres_password_server.port}/{name}"
    with pytest.raises(ReasonOnly) as refused:
        opens(url, now)
    assert "the secure connection failed" in refused.value.message
    assert "SSL" in refused.value.message and "sslrootcert" in refused.value.message


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # closed again when the block ends


def test_a_server_that_is_not_there_is_unreachable_at_once(now):
    started = time.monotonic()
    with pytest.raises(StoreUnreachable) as unreachable:
        opens(f"postgresql://agent@127.0.0.1:{closed_port()}/deskguide", now)
    assert time.monotonic() - started < 5
    assert unreachable.value.temporary and "cannot be reached" in unreachable.value.message
    assert "Connection refused" in unreachable.value.message


@pytest.mark.slow
def test_a_server_that_never_answers_is_given_up_on_within_the_connect_timeout(now):
    # A socket that listens and never answers: the TCP handshake succeeds (the kernel's
    # backlog), then silence, as with a server behind a dead VPN or a hung host.
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        started = time.monotonic()
        with pytest.raises(StoreUnreachable) as unreachable:
            opens(f"postgresql://agent@127.0.0.1:{silent.getsockname()[1]}/deskguide", now)
        waited = time.monotonic() - started
    assert 4 < waited < 15  # the default connect_timeout, 5 s
    assert "timeout" in unreachable.value.message
