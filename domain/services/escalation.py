"""Escalations for the GUI and the CLI: rules from the store, the customer's desk for the
business-hours clock, and cases with their first-response clock."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from domain.closed_days import ClosedDayCalendar
from domain.desks import parse_country
from domain.errors import InvalidInput, too_long
from domain.escalation import Escalation, EscalationRules, escalate, parse_offering_id, parse_severity
from domain.messages import Message

if TYPE_CHECKING:
    from domain.cases import Case
    from domain.journal import JournalEntry
    from domain.store import Store


def load_rules(store: Store) -> EscalationRules:
    from domain.escalation_data import parse_escalation

    with store.unit_of_work() as uow:
        data = uow.reference.document("escalation")
    return parse_escalation(data, "escalation rules in the store")[1]


def check_question(severity: str, offering: str, country: str, *, severity_field: str = "severity",
                   offering_field: str = "offering", country_field: str = "country") -> tuple[str, str, str]:
    """Raise InvalidInput before any store is opened; return the values normalised. The
    *_field names say which field was wrong (a front end may name its own: a CLI option)."""
    return (parse_severity(severity, severity_field), parse_offering_id(offering, offering_field),
            parse_country(country, country_field))


def resolve_opened(moment: dt.datetime, policy) -> dt.datetime:
    """TIME as in `deskguide hours`: with an offset that instant, without one the wall time
    in the customer's country."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        from domain.opening_hours import resolve_wall_time

        return resolve_wall_time(moment, policy)[0]
    return moment


@dataclass
class Escalator:
    """Escalations from rules and desk policies already read from the store (the GUI's
    countdown and what-if never touch the database)."""

    rules: EscalationRules
    policies: dict

    def __post_init__(self) -> None:
        self._calendars = {c: ClosedDayCalendar(p) for c, p in self.policies.items()}

    def escalate(self, severity: str, offering: str, opened: dt.datetime, country: str, azure: bool = False,
                 azure_product: str | None = None) -> Escalation:
        policy = self.policies[country]
        return escalate(self.rules, severity, offering, resolve_opened(opened, policy), policy,
                        self._calendars[country], azure, azure_product)


def escalator(store: Store) -> Escalator:
    from domain.services.hours import load_policies

    return Escalator(load_rules(store), load_policies(store))


# --- cases --------------------------------------------------------------------------------
#
# Issue 16, "Cases seen through to the end": saving a case and marking its first response
# each write a journal entry for the customer in the same unit of work (both or neither);
# the entry's words come from the front end (`journal`: a JournalEntry in the agent's
# language, its customer taken from the case). Edits, ending and undo are versioned: built
# on the case as the agent saw it, refused with EditConflict when a colleague changed it since.
# Their modules are imported by each function (issue 17): `deskguide escalate` and the
# first answers need only the Escalator above, not the cases, the journal or their checks.

def _write_entry(uow, journal: JournalEntry | None, customer_id: int | None) -> None:
    from domain.journal import check_entry

    if journal is None or customer_id is None:  # the journal is kept per customer
        return
    uow.journal.add(check_entry(replace(journal, customer_id=customer_id)))


def add_case(uow, case: Case, client_key: str | None = None, journal: JournalEntry | None = None) -> int:
    """Write a new case and its journal entry in the unit of work `uow` (the outbox's
    sender calls it too); returns the case's id."""
    case_id = uow.cases.add(case, client_key)
    _write_entry(uow, journal, case.customer_id)
    return case_id


def save_case(store: Store, case: Case, journal: JournalEntry | None = None) -> Case:
    with store.unit_of_work(write=True, exclusive=False) as uow:  # an insert: no queue behind other writers
        saved = replace(case, id=add_case(uow, case, journal=journal), version=1)
        uow.commit()
    return saved


def duplicates_of(store: Store, case: Case) -> list[Case]:
    """The open cases `case` would repeat (domain.cases.same_case), newest first: the
    front end asks the agent before saving it."""
    from domain.cases import DUPLICATE_WINDOW, same_case

    with store.unit_of_work() as uow:
        candidates = uow.cases.open_like(case.severity, case.customer_id, case.opened - DUPLICATE_WINDOW,
                                         case.opened + DUPLICATE_WINDOW)
    return [existing for existing in candidates if same_case(existing, case)]


ANSWERED_SHOWN = 50  # the case list's history: the most recent answered cases


def list_cases(store: Store, open_only: bool = False, answered_limit: int = ANSWERED_SHOWN,
               include_ended: bool = False) -> list[Case]:
    """By urgency: every open case waiting for its first response, soonest due first,
    then the most recently opened answered ones (at most `answered_limit`: the list is a
    desk's worklist, not an archive); with `include_ended`, then the most recently closed
    or cancelled ones (as many again)."""
    with store.unit_of_work() as uow:
        cases = uow.cases.open()
        if not open_only:
            cases += uow.cases.answered(answered_limit)
            if include_ended:
                cases += uow.cases.ended(answered_limit)
    return cases


def _case_of(uow, case_id: int) -> Case:
    case = uow.cases.get(case_id)
    if case is None:
        raise InvalidInput("case", case_id, Message("is not a case"))
    return case


def _refused(uow, case_id: int, mine: Case | None) -> Case:
    """Why a change of an open case matched no row: gone or ended (InvalidInput), or a
    colleague's version (EditConflict); unless what is stored is already what this
    change would store: then that is the answer."""
    from domain.concurrent_edits import EditConflict, RecordKind

    theirs = _case_of(uow, case_id)
    if mine is not None and theirs == mine:
        return theirs
    if not theirs.is_open:
        raise InvalidInput("case", case_id, Message("is closed or cancelled: it can no longer be changed"))
    raise EditConflict(RecordKind.CASE, case_id, theirs, mine, changed_at=theirs.changed.at if theirs.changed else None)


def edit_case(store: Store, case: Case, product: str, note: str) -> Case:
    """The open `case`, as the agent saw it (its version), with a new product and note."""
    from domain.cases import edited_case

    mine = edited_case(case, product, note)
    with store.unit_of_work(write=True) as uow:
        if not uow.cases.update_details(case.id, mine.product, mine.note, case.version):
            return _refused(uow, case.id, mine)
        uow.commit()
    return replace(mine, version=case.version + 1)


def end_case(store: Store, case: Case, status: str, reason: str, *, by: str, now: dt.datetime) -> Case:
    """Close or cancel the open `case` (as the agent saw it) with its reason: it leaves
    the worklist and the customer card, and stays in the history."""
    from domain.cases import check_ending

    ending, reason = check_ending(status, reason)
    by = _checked_agent(by)
    if now.tzinfo is None:
        raise InvalidInput("now", now.isoformat(), Message("has no time zone"))
    mine = replace(case, status=ending.value, reason=reason, ended_by=by, ended_at=now)
    with store.unit_of_work(write=True) as uow:
        if not uow.cases.end(case.id, ending.value, reason, by, now, case.version):
            return _refused(uow, case.id, None)
        uow.commit()
    return replace(mine, version=case.version + 1)


def _checked_agent(by: str) -> str:
    from domain.cases import CASE_FIELD_LENGTHS

    by = by.strip()
    if len(by) > CASE_FIELD_LENGTHS["responded_by"]:
        raise InvalidInput("by", by, too_long(by, CASE_FIELD_LENGTHS["responded_by"]))
    return by


def mark_responded(store: Store, case_id: int, at: dt.datetime, *, by: str, now: dt.datetime | None = None,
                   journal: JournalEntry | None = None) -> Case:
    """The first response came at `at`, marked by the agent `by` (the name the journal
    records): the clock stops and whether it was met is recorded. `at` may not be before
    the case was opened, nor after `now` (when given: the outbox sends a mark later).

    Two agents marking one case at once: the first wins (the UPDATE itself requires no
    response yet), the other gets AlreadyResponded saying who marked it and when."""
    from domain.concurrent_edits import AlreadyResponded

    if at.tzinfo is None:
        raise InvalidInput("responded", at.isoformat(), Message("has no time zone"))
    if now is not None and at > now:
        raise InvalidInput("responded", at.isoformat(), Message("is in the future"))
    by = _checked_agent(by)
    with store.unit_of_work(write=True) as uow:
        case = _case_of(uow, case_id)
        if case.responded is not None:
            raise AlreadyResponded(case_id, case.responded, case.responded_by)
        if not case.is_open:
            raise InvalidInput("case", case_id, Message("is closed or cancelled: it can no longer be changed"))
        # The moments as ISO text, offset and all: which instant, whatever the language.
        if at < case.opened:
            raise InvalidInput("responded", at.isoformat(), Message("is before the case was opened ({moment})",
                                                                    moment=case.opened.isoformat()))
        if not uow.cases.set_responded(case_id, at, by or None):
            # Another writer marked it between the read and the write (the write lock
            # makes that rare, but the condition in the UPDATE is what decides).
            winner = uow.cases.get(case_id)
            raise AlreadyResponded(case_id, winner.responded, winner.responded_by)
        _write_entry(uow, journal, case.customer_id)
        uow.commit()
    return replace(case, responded=at, responded_by=by or None, version=case.version + 1)


def undo_response(store: Store, case: Case, journal: JournalEntry | None = None) -> Case:
    """Clear the first-response mark of `case` as mark_responded returned it: only if
    nobody changed the case since (else EditConflict, the mark stays). The clock runs
    again. `journal`: an entry saying so (the mark's own entry stays: the journal is a
    record of what was done)."""
    with store.unit_of_work(write=True) as uow:
        if not uow.cases.clear_responded(case.id, case.version):
            theirs = _case_of(uow, case.id)
            if theirs.responded is None:
                return theirs  # undone already (twice pressed, or a colleague): nothing to undo
            return _refused(uow, case.id, None)
        _write_entry(uow, journal, case.customer_id)
        uow.commit()
    return replace(case, responded=None, responded_by=None, version=case.version + 1)
