"""Nothing lost in an outage (issue 15): what an agent writes while the team database
cannot be reached waits in the local outbox and is sent in order, exactly once. The
outages are real: a PostgreSQL server of the test's own, stopped or killed (SIGQUIT,
`pg_ctl stop -m immediate`) during a burst of writes."""
from __future__ import annotations

import datetime as dt
import threading

import pytest
from sqlalchemy import text

from domain import outbox as rules
from domain.cases import new_case
from domain.customers import Customer
from domain.errors import InvalidInput
from domain.journal import JournalEntry, JournalKind
from domain.outbox import OutboxKind, SendStatus
from domain.services import escalation, journal, outbox, register
from domain.store import init_team_database, open_team_store

UTC = dt.timezone.utc
NOW = dt.datetime(2026, 12, 7, 10, 0, tzinfo=UTC)


def note(customer_id: int, text_: str, created: dt.datetime = NOW) -> JournalEntry:
    return JournalEntry(customer_id, created, "Anna Lind", JournalKind.NOTE, "", "", text_)


def server_notes(store) -> list[str]:
    with store.engine.connect() as connection:
        return list(connection.execute(text("SELECT note FROM journal_entry ORDER BY id")).scalars())


@pytest.fixture
def own_server():
    from tests.postgres_server import PostgresServer

    server = PostgresServer(durable=True).start()  # a killed server keeps what it acknowledged
    yield server
    server.stop()


@pytest.fixture
def team(own_server, now, isolated_data):
    """A team database on a server of the test's own, with one customer; (server, url, id)."""
    url = own_server.url(own_server.create_database())
    init_team_database(url, now=now)
    store = open_team_store(url, now=now)
    try:
        customer_id = register.save_customer(store, Customer("Åkesson Redovisning AB", "SE")).id
    finally:
        store.close()
    return own_server, url, customer_id


# --- both engines, server up ----------------------------------------------------------------

def test_a_note_written_while_the_database_answers_is_saved_at_once(store):
    customer_id = register.save_customer(store, Customer("Mäkinen Oy", "FI")).id
    written = outbox.add_journal_entry(store, note(customer_id, "Ringde tillbaka"), NOW)
    assert written.status is SendStatus.SAVED and written.value.id is not None
    assert [e.note for e in journal.journal(store, customer_id)] == ["Ringde tillbaka"]
    assert outbox.waiting_count(store) == 0
    assert outbox.sync(store) == rules.SyncReport()


def test_a_note_for_a_register_id_is_saved_in_that_customers_journal_or_refused_whole(store):
    # The CLI's --customer C-1001 (issue 15): the number is looked up while the server answers.
    customer_id = register.save_customer(store, Customer("Mäkinen Oy", "FI", external_id="C-1001")).id
    written = outbox.add_journal_entry(store, note(None, "Soittaa takaisin"), NOW, register_id="C-1001")
    assert written.status is SendStatus.SAVED and written.value.customer_id == customer_id
    with pytest.raises(InvalidInput, match="'C-9999' is not a customer in the register"):
        outbox.add_journal_entry(store, note(None, "Vem?"), NOW, register_id="C-9999")
    assert [e.note for e in journal.journal(store, customer_id)] == ["Soittaa takaisin"]
    assert outbox.waiting_count(store) == 0


# --- a real outage --------------------------------------------------------------------------

def test_notes_written_while_the_server_is_down_wait_and_are_sent_in_order_when_it_is_back(team, now):
    server, url, customer_id = team
    store = open_team_store(url, now=now, offline_ok=True)
    try:
        server.stop_server()
        written = [outbox.add_journal_entry(store, note(customer_id, f"Note {n}", NOW + dt.timedelta(minutes=n)), NOW)
                   for n in range(3)]
        assert {w.status for w in written} == {SendStatus.QUEUED}
        assert [item.payload["note"] for item in outbox.waiting(store)] == ["Note 0", "Note 1", "Note 2"]
        with pytest.raises(Exception) as unreachable:
            outbox.sync(store)
        assert unreachable.value.temporary  # StoreUnreachable: the CLI's exit 3, nothing lost
        assert outbox.waiting_count(store) == 3

        server.start_server()
        assert outbox.sync(store) == rules.SyncReport(sent=3, already_there=0, waiting=0)
        assert server_notes(store) == ["Note 0", "Note 1", "Note 2"]
        assert outbox.sync(store) == rules.SyncReport()  # sent once: nothing left to send again
    finally:
        store.close()


def test_a_burst_of_notes_cut_by_a_hard_server_stop_arrives_exactly_once(team, now):
    server, url, customer_id = team
    store = open_team_store(url, now=now, offline_ok=True)
    total, kill_after = 60, 15
    outcomes: list = []
    saved_enough = threading.Event()

    def burst() -> None:
        for n in range(total):
            outcomes.append(outbox.add_journal_entry(store, note(customer_id, f"Burst {n:02}"), NOW))
            if n + 1 == kill_after:
                saved_enough.set()

    writer = threading.Thread(target=burst)
    try:
        writer.start()
        assert saved_enough.wait(60)
        server.kill_server()  # immediate shutdown while the writer goes on
        writer.join(120)
        assert not writer.is_alive() and len(outcomes) == total
        statuses = [w.status for w in outcomes]
        assert SendStatus.QUEUED in statuses and statuses[:kill_after] == [SendStatus.SAVED] * kill_after

        server.start_server()  # crash recovery from the WAL
        report = outbox.sync(store)
        assert report.waiting == 0 and not report.refused
        assert report.sent + report.already_there == statuses.count(SendStatus.QUEUED)
        notes = server_notes(store)
        assert sorted(notes) == [f"Burst {n:02}" for n in range(total)]  # every one, none twice
        assert notes == sorted(notes)  # and in the order they were written
    finally:
        writer.join(120)
        store.close()


def resend_after_a_lost_acknowledgement(store, item) -> None:
    """The commit reached the server, the answer did not: the app kept the item queued,
    and the next sync finds it there."""
    assert outbox.send(store, item)[0] == "sent"
    outbox.queue(store, item)
    assert outbox.sync(store) == rules.SyncReport(sent=0, already_there=1, waiting=0)


def test_a_resend_after_a_lost_acknowledgement_is_already_there_not_a_duplicate(team, now):
    server, url, customer_id = team
    store = open_team_store(url, now=now)
    try:
        resend_after_a_lost_acknowledgement(store, rules.journal_item(note(customer_id, "Skickat två gånger?"), NOW))
        assert server_notes(store) == ["Skickat två gånger?"]
    finally:
        store.close()


def test_a_note_queued_by_register_id_and_resent_after_a_lost_acknowledgement_lands_once(team, now):
    _, url, _ = team
    store = open_team_store(url, now=now)
    try:
        register.save_customer(store, Customer("Berg & Dal AB", "SE", external_id="C-1001"))
        # The key is looked up before the register id: not written twice.
        resend_after_a_lost_acknowledgement(store, rules.journal_item(note(None, "Med register-id"), NOW,
                                                                      register_id="C-1001"))
        assert server_notes(store) == ["Med register-id"]
    finally:
        store.close()


def test_the_outbox_survives_closing_and_reopening_the_store(team, now):
    server, url, customer_id = team
    server.stop_server()
    store = open_team_store(url, now=now, offline_ok=True)
    try:
        outbox.add_journal_entry(store, note(customer_id, "Före omstart"), NOW)
    finally:
        store.close()  # the app closed, the PC restarted
    reopened = open_team_store(url, now=now, offline_ok=True)
    try:
        assert [item.payload["note"] for item in outbox.waiting(reopened)] == ["Före omstart"]
        server.start_server()
        assert outbox.sync(reopened).sent == 1
        assert server_notes(reopened) == ["Före omstart"]
    finally:
        reopened.close()


def test_a_case_and_its_first_response_written_offline_land_in_that_order(team, now):
    server, url, customer_id = team
    store = open_team_store(url, now=now, offline_ok=True)
    try:
        answer = escalation.escalator(store).escalate("B", "unified", NOW, "SE")
        server.stop_server()
        case = outbox.save_case(store, new_case(answer, "SE", "Exchange Online", "Åkesson Redovisning AB",
                                                customer_id), NOW)
        assert case.status is SendStatus.QUEUED and case.value.id is None
        responded = NOW + dt.timedelta(minutes=40)
        mark = outbox.mark_responded(store, None, responded, by="Anna Lind", now=responded, case_key=case.client_key)
        assert mark.status is SendStatus.QUEUED
        assert [item.kind for item in outbox.waiting(store)] == [OutboxKind.CASE, OutboxKind.FIRST_RESPONSE]

        server.start_server()
        assert outbox.sync(store) == rules.SyncReport(sent=2, already_there=0, waiting=0)
        [landed] = escalation.list_cases(store)
        assert (landed.product, landed.responded, landed.responded_by) == ("Exchange Online", responded, "Anna Lind")
    finally:
        store.close()


def test_a_case_and_its_mark_written_offline_bring_their_journal_entries_exactly_once(team, now):
    """Issue 16: each lands with its journal entry; a resend after a lost acknowledgement
    writes neither twice."""
    server, url, customer_id = team
    store = open_team_store(url, now=now, offline_ok=True)
    try:
        answer = escalation.escalator(store).escalate("B", "unified", NOW, "SE")
        entry = JournalEntry(0, NOW, "Anna Lind", JournalKind.ESCALATION, "Exchange Online", "Case opened")
        server.stop_server()
        case = outbox.save_case(store, new_case(answer, "SE", "Exchange Online", "Åkesson Redovisning AB",
                                                customer_id), NOW, entry)
        responded = NOW + dt.timedelta(minutes=40)
        outbox.mark_responded(store, None, responded, by="Anna Lind", now=responded, case_key=case.client_key,
                              journal=JournalEntry(0, responded, "Anna Lind", JournalKind.ESCALATION,
                                                      "Exchange Online", "First response"))
        server.start_server()
        assert outbox.sync(store) == rules.SyncReport(sent=2, already_there=0, waiting=0)
        assert [e.verdict for e in journal.journal(store, customer_id)] == ["First response", "Case opened"]

        again = new_case(answer, "SE", "Teams", "Åkesson Redovisning AB", customer_id)
        resend_after_a_lost_acknowledgement(store, rules.case_item(again, NOW, journal=entry))
        assert len(journal.journal(store, customer_id)) == 3 and len(escalation.list_cases(store)) == 2
    finally:
        store.close()


def test_a_note_the_server_refuses_stays_with_its_reason_and_the_rest_are_sent(team, now):
    server, url, customer_id = team
    store = open_team_store(url, now=now, offline_ok=True)
    try:
        server.stop_server()
        outbox.add_journal_entry(store, note(987654, "Kunden finns inte"), NOW)
        outbox.add_journal_entry(store, note(customer_id, "Den här landar"), NOW)
        server.start_server()
        report = outbox.sync(store)
        assert (report.sent, report.waiting) == (1, 1)
        [refused] = report.refused
        assert refused.payload["note"] == "Kunden finns inte" and "not a customer" in refused.last_error
        assert server_notes(store) == ["Den här landar"]
        # It holds nothing back: the next note goes straight to the server.
        assert outbox.add_journal_entry(store, note(customer_id, "Och den här"), NOW).status is SendStatus.SAVED
        assert server_notes(store) == ["Den här landar", "Och den här"]
        assert [item.payload["note"] for item in outbox.waiting(store)] == ["Kunden finns inte"]
    finally:
        store.close()
