"""`deskguide journal`: a customer's journal newest first (JSON contract, text, search) and
`deskguide journal purge` for IT's retention job (counts, --dry-run, bad N writes nothing); the
same answers on a SQLite file and on a team's PostgreSQL database (`cli`, `cli_database`)."""
from __future__ import annotations

import datetime as dt

import pytest

from desktop.cli.context import CliContext
from desktop.common.i18n import in_language
from desktop.wording.hours import moment_text
from domain.customers import Customer
from domain.journal import JournalEntry, JournalKind
from domain.services import journal, register
from tests.desktop.cli import cli_run

# Monday 23 November 2026, as in tests/conftest.py.
NOW = dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.timezone.utc)
ENTRY_KEYS = {"id", "created", "agent", "kind", "topic", "verdict", "note", "summary"}


def run(capsys, *argv: str):
    """The command line on the pinned clock."""
    return cli_run.run(capsys, *argv, context=CliContext.pinned(NOW))


@pytest.fixture
def store(cli_store):
    return cli_store  # the database the commands name: both engines (conftest's `cli`)


@pytest.fixture
def filled(store):
    """Östergren Bygg AB with three entries (today, 3 and 8 months ago); Mäkinen Oy with one."""
    ids = {name: register.save_customer(store, Customer(name=name, country=country)).id
           for name, country in [("Östergren Bygg AB", "SE"), ("Mäkinen Oy", "FI")]}
    east = ids["Östergren Bygg AB"]
    journal.add_entry(store, JournalEntry(east, dt.datetime(2026, 3, 20, 9, 15, tzinfo=dt.timezone.utc), "Anna Berg",
                                          JournalKind.ESCALATION, "Exchange Online", "severity B",
                                          summary="Severity B, Unified: first response within 120 minutes"))
    journal.add_entry(store, JournalEntry(east, dt.datetime(2026, 8, 23, 10, 0, tzinfo=dt.timezone.utc), "Erik Ström",
                                          JournalKind.NOTICE, "Microsoft 365 E3 (#4)", "in time",
                                          note="Skickar uppsägningen skriftligen"))
    journal.add_entry(store, JournalEntry(east, dt.datetime(2026, 11, 23, 11, 30, tzinfo=dt.timezone.utc),
                                          "Anna Berg", JournalKind.SCOPE, "password-reset", "in_scope",
                                          note="Glömt lösenordet", summary="IN SCOPE\n  §5 Password reset"))
    journal.add_entry(store, JournalEntry(ids["Mäkinen Oy"], dt.datetime(2025, 1, 2, 8, 0, tzinfo=dt.timezone.utc),
                                          "Päivi", JournalKind.NOTE, "", "", note="Soittaa takaisin"))
    store.close()  # the CLI opens the same database on its own
    return ids


@pytest.fixture
def topics(cli_database):
    """The topics of a customer's journal, read from the test's database."""
    return lambda customer_id: _topics(cli_database, customer_id)


def _topics(cli_database, customer_id: int) -> list[str]:
    store = cli_database.open()
    try:
        return [e.topic for e in journal.journal(store, customer_id)]
    finally:
        store.close()


# --- listing -----------------------------------------------------------------------------

def test_json_lists_the_journal_newest_first(cli, filled):
    east = filled["Östergren Bygg AB"]
    code, payload, _, err = cli("journal", "--customer", str(east), "--json")
    assert code == 0, err
    assert set(payload) == {"customer_id", "register_id", "entries", "message"} and payload["customer_id"] == east
    assert payload["register_id"] == f"deskguide-customer-{east}"  # the register gives one to every customer
    entries = payload["entries"]
    assert all(set(e) == ENTRY_KEYS for e in entries)
    assert [(e["created"], e["kind"], e["topic"], e["verdict"]) for e in entries] == [
        ("2026-11-23T11:30:00+00:00", "scope", "password-reset", "in_scope"),
        ("2026-08-23T10:00:00+00:00", "notice", "Microsoft 365 E3 (#4)", "in time"),
        ("2026-03-20T09:15:00+00:00", "escalation", "Exchange Online", "severity B"),
    ]
    assert (entries[0]["agent"], entries[0]["note"], entries[0]["summary"]) == (
        "Anna Berg", "Glömt lösenordet", "IN SCOPE\n  §5 Password reset")
    assert isinstance(entries[0]["id"], int)
    assert payload["message"].startswith("3 journal entries of Östergren Bygg AB")


def test_the_text_shows_each_entry_with_its_moment_agent_note_and_summary(cli, filled):
    code, _, out, _ = cli("journal", "--customer", str(filled["Östergren Bygg AB"]))
    assert code == 0
    newest = moment_text(dt.datetime(2026, 11, 23, 11, 30, tzinfo=dt.timezone.utc).astimezone(), with_year=True)
    oldest = moment_text(dt.datetime(2026, 3, 20, 9, 15, tzinfo=dt.timezone.utc).astimezone(), with_year=True)
    assert out.index(newest) < out.index(oldest)  # newest first
    assert f"{newest}  Anna Berg  Scope  password-reset  in_scope" in out
    assert "    Agent's note: Glömt lösenordet\n    IN SCOPE\n      §5 Password reset" in out
    assert "Notice  Microsoft 365 E3 (#4)  in time" in out


def test_search_finds_every_word_without_case_or_accents(cli, filled):
    east = filled["Östergren Bygg AB"]
    code, payload, _, _ = cli("journal", "--customer", str(east), "--search", "LOSENORDET anna", "--json")
    assert code == 0 and [e["topic"] for e in payload["entries"]] == ["password-reset"]
    code, payload, _, _ = cli("journal", "--customer", str(east), "--search", "120 minutes", "--json")
    assert [e["topic"] for e in payload["entries"]] == ["Exchange Online"]
    code, payload, out, _ = cli("journal", "--customer", str(east), "--search", "teams", "--json")
    assert code == 0 and payload["entries"] == []
    assert payload["message"] == "No journal entries of Östergren Bygg AB match 'teams'."


def test_another_language_writes_dates_its_way_and_keeps_the_json(cli, filled):
    code, payload, _, _ = cli("journal", "--customer", str(filled["Mäkinen Oy"]), "--json", "--lang", "fi")
    assert code == 0
    [only] = payload["entries"]
    assert (only["kind"], only["created"], only["note"]) == ("note", "2025-01-02T08:00:00+00:00", "Soittaa takaisin")
    moment = dt.datetime(2025, 1, 2, 8, 0, tzinfo=dt.timezone.utc).astimezone()
    with in_language("fi"):
        finnish = moment_text(moment, with_year=True)  # "to 2.1.2025 8.00" on a UTC machine
    assert finnish != moment_text(moment, with_year=True) and finnish in payload["message"]


def test_an_unknown_customer_exits_2_naming_the_option(cli, filled):
    code, payload, _, err = cli("journal", "--customer", "4711", "--json")
    assert code == 2
    assert err.strip() == "deskguide: --customer: 4711 is not a customer in the register"
    assert payload["error"] == "--customer: 4711 is not a customer in the register"


@pytest.mark.parametrize("argv, says", [
    ([], "give --customer ID, or purge --older-than-months N"),
    (["--customer", "0"], "--customer: '0' must be a whole number from 1 to 9223372036854775807"),
    (["--customer", " # "], "--customer: ' # ' is not a customer: give its register id (C-1001) or its number"),
])
def test_a_journal_without_a_customer_is_bad_input(capsys, isolated_data, argv, says):
    code, _, _, err = run(capsys, "journal", *argv)
    assert code == 2 and says in err
    assert not isolated_data.exists()  # nothing opened, nothing created


# --- purge ---------------------------------------------------------------------------------

def test_purge_deletes_the_entries_older_than_n_months(cli, filled, topics):
    east, north = filled["Östergren Bygg AB"], filled["Mäkinen Oy"]
    code, payload, _, err = cli("journal", "purge", "--older-than-months", "6", "--json")
    assert code == 0, err
    # Six months before 23 Nov 2026 12:00 UTC: the March entry and Mäkinen's from 2025 go.
    assert (payload["deleted"], payload["older_than_months"], payload["cutoff"]) == (
        2, 6, "2026-05-23T12:00:00+00:00")
    assert "would_delete" not in payload
    cutoff = moment_text(dt.datetime(2026, 5, 23, 12, 0, tzinfo=dt.timezone.utc).astimezone(), with_year=True)
    assert payload["message"] == f"Deleted 2 journal entries made before {cutoff}."
    assert topics(east) == ["password-reset", "Microsoft 365 E3 (#4)"]
    assert topics(north) == []
    code, payload, _, _ = cli("journal", "purge", "--older-than-months", "6", "--json")
    assert payload["deleted"] == 0  # a scheduled job may run again: nothing more to do


def test_a_dry_run_counts_and_deletes_nothing(cli, filled, topics):
    code, payload, _, _ = cli("journal", "purge", "--older-than-months", "3", "--dry-run", "--json")
    assert code == 0
    assert payload["would_delete"] == 3 and "deleted" not in payload
    assert "nothing was deleted" in payload["message"]
    assert len(topics(filled["Östergren Bygg AB"])) == 3 and len(topics(filled["Mäkinen Oy"])) == 1
    code, _, out, _ = cli("journal", "purge", "--older-than-months", "3", "--dry-run")
    assert out.startswith("3 journal entries were made before ")


@pytest.mark.parametrize("months", ["0", "121", "-1", "six", "1.5", ""])
def test_a_bad_n_exits_2_and_writes_nothing(capsys, isolated_data, months):
    code, payload, _, err = run(capsys, "journal", "purge", "--older-than-months", months, "--json")
    assert code == 2
    assert "--older-than-months" in payload["error"] and "whole number of months from 1 to 120" in err
    assert not isolated_data.exists()  # checked before the store is opened


def test_a_bad_n_leaves_an_existing_journal_whole(cli, filled, topics):
    code, _, _, _ = cli("journal", "purge", "--older-than-months", "0")
    assert code == 2
    assert len(topics(filled["Östergren Bygg AB"])) == 3


def test_purge_takes_no_customer(cli, filled, topics):
    code, _, _, err = cli("journal", "--customer", str(filled["Mäkinen Oy"]), "purge",
                          "--older-than-months", "1")
    assert code == 2 and "--customer and --search are for listing a journal" in err
    assert topics(filled["Mäkinen Oy"]) == [""]  # a note has no topic


# --- journal add (issue 15) ------------------------------------------------------------------

def test_journal_add_saves_the_note_with_the_agent_named_or_this_users_name(cli, filled, topics, cli_database):
    east = filled["Östergren Bygg AB"]
    code, payload, _, _ = cli("journal", "add", "--customer", str(east), "--note", "Ringer upp i morgon",
                              "--agent", "Erik Ström", "--json")
    assert code == 0
    assert payload["status"] == "saved" and payload["id"] is not None and payload["customer_id"] == east
    assert (payload["agent"], payload["kind"], payload["note"]) == ("Erik Ström", "note", "Ringer upp i morgon")
    assert len(payload["client_key"]) == 36
    code, _, out, _ = cli("journal", "add", "--customer", str(east), "--note", "Utan namn")
    assert code == 0 and f"customer deskguide-customer-{east}." in out  # its register id (issue 16)
    store = cli_database.open()
    try:
        newest = journal.journal(store, east)[:2]
    finally:
        store.close()
    import getpass

    assert {(e.note, e.agent) for e in newest} == {("Ringer upp i morgon", "Erik Ström"),
                                                   ("Utan namn", getpass.getuser())}


def test_journal_add_for_an_unknown_customer_or_without_a_note_exits_2_and_writes_nothing(cli, filled, topics):
    code, _, _, err = cli("journal", "add", "--customer", "987654", "--note", "Vem?")
    assert code == 2 and "customer" in err
    code, _, _, err = cli("journal", "add", "--customer", "C-1", "--note", "Vem?")
    assert code == 2 and "customer" in err  # a register id no customer has
    code, _, _, err = cli("journal", "add", "--customer", str(filled["Mäkinen Oy"]), "--note", "   ")
    assert code == 2
    assert topics(filled["Mäkinen Oy"]) == [""]


# --- --customer by register id (issue 15, "CLI contract": `C-1001`, as everywhere in the CLI) ---

@pytest.fixture
def registered(store):
    """Two customers with register ids as a portal CSV gives them; one whose id is digits."""
    ids = {register_id: register.save_customer(store, Customer(name=name, country="SE", external_id=register_id)).id
           for register_id, name in [("C-1001", "Östergren Bygg AB"), ("2002", "Lindqvist & Söner")]}
    journal.add_entry(store, JournalEntry(ids["C-1001"], NOW, "Anna Berg", JournalKind.NOTE, "", "",
                                          note="Glömt lösenordet"))
    store.close()
    return ids


def test_journal_lists_and_adds_by_register_id(cli, registered, topics, cli_database):
    east = registered["C-1001"]
    code, payload, _, err = cli("journal", "--customer", "C-1001", "--json")
    assert code == 0, err
    assert (payload["customer_id"], payload["register_id"]) == (east, "C-1001")
    assert [e["note"] for e in payload["entries"]] == ["Glömt lösenordet"]
    code, payload, _, err = cli("journal", "add", "--customer", " C-1001 ", "--note", "Ringer upp", "--json")
    assert code == 0, err
    assert (payload["status"], payload["customer_id"], payload["register_id"]) == ("saved", east, "C-1001")
    assert payload["message"] == "Saved in the journal of customer C-1001."
    # A register id of digits only is given with '#'; the bare digits are the store's number
    # (test_digits_that_are_another_customers_register_id_are_ambiguous).
    code, payload, _, err = cli("journal", "add", "--customer", "#2002", "--note", "Faktura", "--json")
    assert code == 0 and payload["customer_id"] == registered["2002"] and payload["register_id"] == "2002"
    store = cli_database.open()
    try:
        assert [e.note for e in journal.journal(store, east)] == ["Ringer upp", "Glömt lösenordet"]
        assert [e.note for e in journal.journal(store, registered["2002"])] == ["Faktura"]
    finally:
        store.close()


def test_the_number_still_names_the_customer_and_the_answer_says_its_register_id(cli, registered):
    east = registered["C-1001"]
    code, payload, _, _ = cli("journal", "--customer", str(east), "--json")
    assert code == 0 and payload["customer_id"] == east and payload["register_id"] == "C-1001"
    assert payload["message"].startswith("1 journal entry of Östergren Bygg AB (customer C-1001)")
    code, payload, _, _ = cli("journal", "add", "--customer", str(east), "--note", "Med nummer", "--json")
    assert code == 0 and payload["customer_id"] == east and payload["register_id"] == "C-1001"
    assert payload["message"] == "Saved in the journal of customer C-1001."


@pytest.mark.parametrize("argv", [["journal"], ["journal", "add", "--note", "Vem?"]])
def test_digits_that_are_another_customers_register_id_are_ambiguous(cli, registered, cli_database, argv):
    # Issue 16: "2002" is Lindqvist's register id, and would be the number of another (or of
    # nobody): exit 2 saying how to write each, nothing written; "#2002" is Lindqvist.
    code, payload, _, err = cli(*argv, "--customer", "2002", "--json")
    assert code == 2
    assert err == ("deskguide: --customer: '2002' could be a number or a register id: give #2002 for the customer "
                   "whose register id is 2002, or the register id of the customer you mean\n")
    assert payload["error"] == err.strip().removeprefix("deskguide: ")
    store = cli_database.open()
    try:
        assert [len(journal.journal(store, i)) for i in registered.values()] == [1, 0]
    finally:
        store.close()
    code, _, _, err = cli(*argv, "--customer", "#2002")
    assert code == 0, err


@pytest.mark.parametrize("argv", [["journal"], ["journal", "add", "--note", "Vem?"]])
def test_an_unknown_register_id_exits_2_in_one_line_and_writes_nothing(cli, registered, cli_database, argv):
    code, payload, _, err = cli(*argv, "--customer", "C-9999", "--json")
    assert code == 2
    assert err == "deskguide: --customer: 'C-9999' is not a customer in the register\n"
    assert payload["error"] == "--customer: 'C-9999' is not a customer in the register"
    store = cli_database.open()
    try:
        assert [len(journal.journal(store, i)) for i in registered.values()] == [1, 0]
    finally:
        store.close()
