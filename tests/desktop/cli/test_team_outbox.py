"""`deskguide journal add`, `team sync` and `team status` through an outage (issue 15): a
PostgreSQL server of the test's own, stopped and started again; and what the two team
commands say about a local database."""
from __future__ import annotations

import datetime as dt

import pytest

from desktop.cli.context import CliContext
from domain.customers import Customer
from domain.services import journal, register
from domain.store import init_team_database, open_team_store
from domain.store.database import head_revision
from tests.desktop.cli.cli_run import run

pytestmark = pytest.mark.postgres
NOW = CliContext.pinned(dt.datetime(2026, 12, 7, 10, 0, tzinfo=dt.timezone.utc))


@pytest.fixture
def team(isolated_data):
    """(server, --database-url, customer id): a team database on a server of its own."""
    from tests.postgres_server import PostgresServer

    server = PostgresServer(durable=True).start()
    try:
        name = server.create_database()
        init_team_database(server.url(name), now=NOW.now())
        store = open_team_store(server.url(name), now=NOW.now())
        try:
            customer_id = register.save_customer(store, Customer("Åkesson Redovisning AB", "SE")).id
        finally:
            store.close()
        yield server, server.socket_url(name), customer_id
    finally:
        server.stop()


def _notes(server, customer_id: int) -> list[str]:
    store = open_team_store(server.url("test_1"), now=NOW.now())
    try:
        return [entry.note for entry in reversed(journal.journal(store, customer_id))]
    finally:
        store.close()


def test_a_note_added_during_an_outage_is_queued_and_sync_sends_it_once(capsys, team):
    server, url, customer_id = team
    def add(note: str):
        return run(capsys, "journal", "add", "--customer", str(customer_id), "--note", note, "--agent", "Anna Lind",
                   "--database-url", url, "--json", context=NOW)

    code, saved, _, _ = add("Före")
    assert code == 0 and saved["status"] == "saved"

    server.stop_server()
    code, queued, _, _ = add("Under avbrottet")
    assert code == 0 and queued["status"] == "queued" and queued["id"] is None
    assert queued["note"] == "Under avbrottet" and queued["agent"] == "Anna Lind"
    code, payload, _, err = run(capsys, "team", "sync", "--database-url", url, "--json", context=NOW)
    assert code == 3 and payload == {**payload, "sent": 0, "waiting": 1, "reachable": False}
    code, status, out, _ = run(capsys, "team", "status", "--database-url", url, context=NOW)
    assert code == 0 and "Reachable: no" in out and "1 item waits to be sent" in out

    server.start_server()
    code, payload, _, _ = run(capsys, "team", "sync", "--database-url", url, "--json", context=NOW)
    assert code == 0
    assert {key: payload[key] for key in ("sent", "already_there", "waiting")} == {
        "sent": 1, "already_there": 0, "waiting": 0}
    code, payload, out, _ = run(capsys, "team", "sync", "--database-url", url, context=NOW)
    assert code == 0 and "0 sent, 0 already there, 0 still waiting." in out
    assert _notes(server, customer_id) == ["Före", "Under avbrottet"]


def test_team_status_says_the_database_its_schema_the_outbox_and_the_role(capsys, team):
    server, url, _ = team
    code, status, _, _ = run(capsys, "team", "status", "--database-url", url, "--json", context=NOW)
    assert code == 0
    assert status["kind"] == "team" and status["reachable"] is True
    assert status["database"].startswith("Team database test_1")
    assert status["app_revision"] == status["database_revision"] == head_revision()
    assert status["outbox"] == 0
    assert status["role"] == "deskguide_admin"  # the test's login is the server's superuser: every role's member
    server.execute('CREATE ROLE "anna" LOGIN', 'GRANT "deskguide_agent" TO "anna"', 'CREATE ROLE "olle" LOGIN')
    # olle reads the tables by a grant of his own (a reporting login): neither group role.
    import psycopg

    with psycopg.connect(host=str(server.folder), port=server.port, user="deskguide", dbname="test_1",
                         autocommit=True) as connection:
        connection.execute('GRANT SELECT ON ALL TABLES IN SCHEMA public TO "olle"')
    for login, role in (("anna", "deskguide_agent"), ("olle", "other")):
        as_login = url.replace("postgresql://deskguide@", f"postgresql://{login}@")
        code, status, _, _ = run(capsys, "team", "status", "--database-url", as_login, "--json", context=NOW)
        assert code == 0 and status["role"] == role


def test_sync_and_status_on_a_local_database_say_it_has_no_server_or_outbox(capsys, isolated_data):
    code, payload, out, _ = run(capsys, "team", "sync", "--json", context=NOW)
    assert code == 0 and payload["local"] is True and (payload["sent"], payload["waiting"]) == (0, 0)
    assert "a local database has no server and no outbox" in payload["message"]
    code, status, _, _ = run(capsys, "team", "status", "--json", context=NOW)
    assert code == 0 and status["kind"] == "local" and status["database_revision"] == head_revision()
    assert status["outbox"] == 0 and status["role"] is None
    code, saved, _, _ = run(capsys, "journal", "add", "--customer", "1", "--note", "x", "--json", context=NOW)
    assert code == 2  # an empty local database has no customer 1: refused, not queued


def test_a_note_for_a_register_id_queued_offline_lands_in_that_customers_journal_once(capsys, team):
    # Issue 15's contract names the customer by its register id; offline, its number cannot be
    # looked up, so the note waits with the register id and the sync looks it up.
    server, url, first = team
    store = open_team_store(server.url("test_1"), now=NOW.now())
    try:
        other = register.save_customer(store, Customer("Berg & Dal AB", "SE", external_id="C-1001")).id
    finally:
        store.close()
    server.stop_server()
    code, queued, _, err = run(capsys, "journal", "add", "--customer", "C-1001", "--note", "Offline", "--agent",
                               "Anna Lind", "--database-url", url, "--json", context=NOW)
    assert code == 0, err
    assert (queued["status"], queued["customer_id"], queued["register_id"]) == ("queued", None, "C-1001")
    code, queued, _, _ = run(capsys, "journal", "add", "--customer", "C-9999", "--note", "Vem?", "--agent",
                             "Anna Lind", "--database-url", url, "--json", context=NOW)
    assert code == 0 and queued["status"] == "queued"  # no one can say offline that it matches nobody

    server.start_server()
    code, payload, _, _ = run(capsys, "team", "sync", "--database-url", url, "--json", context=NOW)
    assert code == 0
    assert {key: payload[key] for key in ("sent", "already_there", "waiting")} == {
        "sent": 1, "already_there": 0, "waiting": 1}
    [refused] = payload["refused"]
    assert refused["client_key"] == queued["client_key"]
    assert refused["reason"] == "customer: 'C-9999' is not a customer in the register"
    code, payload, _, _ = run(capsys, "team", "sync", "--database-url", url, "--json", context=NOW)
    assert (payload["sent"], payload["already_there"], payload["waiting"]) == (0, 0, 1)  # refused again, kept
    assert _notes(server, other) == ["Offline"]  # exactly once, in C-1001's journal
    assert _notes(server, first) == []
