"""Cases seen through to the end (issue 16), on both engines: edited, closed or cancelled
with a reason, a duplicate found before saving, the first response undone while nobody
changed the case, and a journal entry with the case and with its mark (all or nothing)."""
from __future__ import annotations

import datetime as dt
from dataclasses import replace
from zoneinfo import ZoneInfo

import pytest

from domain.cases import CaseStatus, new_case
from domain.concurrent_edits import EditConflict
from domain.customers import Customer
from domain.errors import InvalidInput
from domain.journal import JournalEntry, JournalKind
from domain.services import journal, register
from domain.services.escalation import (
    duplicates_of,
    edit_case,
    end_case,
    escalator,
    list_cases,
    mark_responded,
    save_case,
    undo_response,
)

SE = ZoneInfo("Europe/Stockholm")
OPENED = dt.datetime(2026, 11, 24, 10, 0, tzinfo=SE)  # a Tuesday: severity B is due 12:00


@pytest.fixture
def customer_id(store):
    return register.save_customer(store, Customer(name="Östergren Bygg AB", country="SE")).id


def entry(topic: str, verdict: str, created: dt.datetime = OPENED) -> JournalEntry:
    # The customer is the case's: the service fills it in.
    return JournalEntry(0, created, "Anna Berg", JournalKind.ESCALATION, topic, verdict)


def a_case(store, customer_id=None, product="Exchange Online", severity="B", opened=OPENED, name="Östergren Bygg AB"):
    answer = escalator(store).escalate(severity, "unified", opened, "SE")
    return new_case(answer, "SE", product, name, customer_id, note="Mail flow degraded")


# --- journal entries with the case and its mark -------------------------------------------------

def test_saving_a_case_and_marking_its_response_each_write_the_customers_journal(store, customer_id):
    case = save_case(store, a_case(store, customer_id), journal=entry("Exchange Online", "Case opened"))
    mark_responded(store, case.id, OPENED + dt.timedelta(minutes=40), by="Anna Berg",
                   now=OPENED + dt.timedelta(hours=1), journal=entry("Exchange Online", "First response"))
    assert [(e.topic, e.verdict, e.customer_id) for e in journal.journal(store, customer_id)] == [
        ("Exchange Online", "First response", customer_id), ("Exchange Online", "Case opened", customer_id)]


def test_a_case_whose_journal_entry_is_refused_is_not_saved_either(store, customer_id):
    with pytest.raises(Exception):
        save_case(store, a_case(store, customer_id), journal=replace(entry("Exchange Online", "x"), agent=""))
    assert list_cases(store) == []  # one unit of work: neither the entry nor the case
    assert journal.journal(store, customer_id) == []


def test_a_case_without_a_customer_has_no_journal_to_write(store):
    assert save_case(store, a_case(store, None), journal=entry("Exchange Online", "Case opened")).id is not None


# --- edit, close, cancel ----------------------------------------------------------------------------

def test_an_edited_case_keeps_its_clock_and_a_stale_edit_is_a_conflict(store):
    case = save_case(store, a_case(store))
    edited = edit_case(store, case, " Teams ", "Calls drop")
    [back] = list_cases(store)
    assert (back.product, back.note, back.due, back.version) == ("Teams", "Calls drop", case.due, edited.version)
    with pytest.raises(EditConflict) as conflict:
        edit_case(store, case, "SharePoint Online", "")  # built on the version before the edit
    assert conflict.value.theirs.product == "Teams"
    assert [d.field for d in conflict.value.three_way(case).differences] == ["product", "note"]
    with pytest.raises(InvalidInput):
        edit_case(store, edited, "  ", "")  # a case is always about a product


@pytest.mark.parametrize("status", ["closed", "cancelled"])
def test_an_ended_case_leaves_the_worklist_and_the_card_but_stays_in_the_history(store, customer_id, status):
    case = save_case(store, a_case(store, customer_id))
    other = save_case(store, a_case(store, customer_id, product="Teams"))
    now = OPENED + dt.timedelta(minutes=5)
    ended = end_case(store, case, status, " Duplicate of the Teams case ", by="Anna Berg", now=now)
    assert (ended.status, ended.reason, ended.ended_by) == (status, "Duplicate of the Teams case", "Anna Berg")
    assert [c.id for c in list_cases(store)] == [other.id]
    from domain.services.card import customer_card

    assert [c.id for c in customer_card(store, customer_id, OPENED.date()).open_cases] == [other.id]
    history = list_cases(store, include_ended=True)
    assert [c.id for c in history] == [other.id, case.id]
    back = history[1]
    assert (back.status, back.reason, back.ended_by, back.ended_at.astimezone(SE)) == (
        status, "Duplicate of the Teams case", "Anna Berg", now)
    assert not back.waiting


def test_ending_needs_a_reason_and_an_end_and_happens_once(store):
    case = save_case(store, a_case(store))
    with pytest.raises(InvalidInput, match="reason"):
        end_case(store, case, "closed", "  ", by="Anna Berg", now=OPENED)
    with pytest.raises(InvalidInput, match="status"):
        end_case(store, case, "open", "Solved", by="Anna Berg", now=OPENED)
    closed = end_case(store, case, "closed", "Solved by Microsoft", by="Anna Berg", now=OPENED)
    with pytest.raises(InvalidInput, match="closed or cancelled"):
        end_case(store, closed, "cancelled", "Again", by="Bo Ek", now=OPENED)
    with pytest.raises(InvalidInput, match="closed or cancelled"):
        edit_case(store, closed, "Teams", "")
    with pytest.raises(InvalidInput, match="closed or cancelled"):
        mark_responded(store, case.id, OPENED, by="Anna Berg")


def test_closing_a_case_a_colleague_changed_meanwhile_is_a_conflict(store):
    case = save_case(store, a_case(store))
    edit_case(store, case, "Teams", "A colleague's note")
    with pytest.raises(EditConflict):
        end_case(store, case, CaseStatus.CANCELLED.value, "Mistake", by="Anna Berg", now=OPENED)
    assert list_cases(store)[0].is_open


# --- duplicates ----------------------------------------------------------------------------------------

def test_the_same_customer_product_and_severity_within_the_hour_is_a_duplicate(store, customer_id):
    first = save_case(store, a_case(store, customer_id))
    again = a_case(store, customer_id, product="exchange online", opened=OPENED + dt.timedelta(minutes=59))
    assert [c.id for c in duplicates_of(store, again)] == [first.id]
    # Another product, severity or customer, or more than an hour apart: a case of its own.
    assert duplicates_of(store, a_case(store, customer_id, product="Teams")) == []
    assert duplicates_of(store, a_case(store, customer_id, severity="A")) == []
    assert duplicates_of(store, a_case(store, None)) == []
    assert duplicates_of(store, a_case(store, customer_id, opened=OPENED + dt.timedelta(minutes=61))) == []
    # A closed case is no longer one to repeat.
    end_case(store, first, "closed", "Solved", by="Anna Berg", now=OPENED)
    assert duplicates_of(store, again) == []


def test_cases_without_a_customer_are_compared_by_name(store):
    first = save_case(store, a_case(store, None, name="Kund AB"))
    assert [c.id for c in duplicates_of(store, a_case(store, None, name="kund ab"))] == [first.id]
    assert duplicates_of(store, a_case(store, None, name="Annan AB")) == []


# --- the first response: its moment, and undo ------------------------------------------------------------

def test_a_first_response_in_the_future_is_refused(store):
    case = save_case(store, a_case(store))
    with pytest.raises(InvalidInput, match="future"):
        mark_responded(store, case.id, OPENED + dt.timedelta(minutes=2), by="Anna Berg",
                       now=OPENED + dt.timedelta(minutes=1))
    assert list_cases(store)[0].responded is None


def test_undo_clears_the_mark_and_the_clock_runs_again(store, customer_id):
    case = save_case(store, a_case(store, customer_id))
    marked = mark_responded(store, case.id, OPENED + dt.timedelta(minutes=30), by="Anna Berg",
                            now=OPENED + dt.timedelta(minutes=31))
    undone = undo_response(store, marked, journal=entry("Exchange Online", "First response undone"))
    [back] = list_cases(store)
    assert back.responded is None and back.responded_by is None and back.waiting
    assert undone.version == back.version
    assert [e.verdict for e in journal.journal(store, customer_id)] == ["First response undone"]
    # Undone already (pressed twice): nothing more to undo, no error.
    assert undo_response(store, marked).responded is None
    # The case can be marked again, with the right moment this time.
    assert mark_responded(store, case.id, OPENED + dt.timedelta(minutes=45), by="Anna Berg").met is True


def test_undo_after_a_colleague_changed_the_case_keeps_the_mark(store):
    case = save_case(store, a_case(store))
    marked = mark_responded(store, case.id, OPENED + dt.timedelta(minutes=30), by="Anna Berg")
    edit_case(store, marked, "Teams", "Bo's note")
    with pytest.raises(EditConflict):
        undo_response(store, marked)
    assert list_cases(store)[0].responded is not None
