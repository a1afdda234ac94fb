"""Escalations to Microsoft: the rules and the lifecycle catalogue, and the cases."""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from desktop.gui.operations import Changed, Changes

if TYPE_CHECKING:
    # Re-exported for the views' annotations (see the package's docstring).
    from domain.cases import Case
    from domain.concurrent_edits import AlreadyResponded
    from domain.escalation import Escalation, EscalationRules
    from domain.journal import JournalEntry
    from domain.lifecycle import Catalogue
    from domain.services.escalation import Escalator

__all__ = ["AlreadyResponded", "Case", "Escalator", "duplicates_of", "edit_case", "end_case", "escalator_for",
           "list_cases", "load_rules", "mark_responded", "new_case", "save_case", "undo_response"]


def load_rules(store, now: dt.datetime) -> tuple[EscalationRules, Escalator, Catalogue]:
    """The rules, the desks' calendars and the lifecycle catalogue, each used once so the
    first answers on the GUI thread are instant."""
    from domain.lifecycle import closest_names
    from domain.services.escalation import escalator
    from domain.services.lifecycle import load_catalogue

    answerer = escalator(store)
    for country in answerer.policies:
        answerer.escalate("B", "unified", now, country)
    catalogue = load_catalogue(store)
    closest_names(catalogue, "windows")  # imports and warms the fuzzy matcher
    return answerer.rules, answerer, catalogue


def escalator_for(rules: EscalationRules, policies: dict) -> Escalator:
    """On the GUI thread (no store): the loaded rules over the desks' current policies."""
    from domain.services.escalation import Escalator

    return Escalator(rules, policies)


def new_case(answer: Escalation, country: str, product: str, customer_name: str,
             customer_id: int | None) -> Case:
    """On the GUI thread (no store): the case to save; InvalidInput names a missing field."""
    from domain.cases import new_case

    return new_case(answer, country, product, customer_name, customer_id)


def save_case(store, case: Case, journal: JournalEntry | None = None) -> Changed:
    """The case as stored; or, when the team database cannot be reached, as it waits in
    the outbox (issue 15: its id None, "waiting to send"), written at its opening moment.
    `journal`: the customer's journal entry written with it (issue 16)."""
    from domain.services.outbox import save_case

    changes = Changes.CASES | (Changes.JOURNAL if journal is not None and case.customer_id is not None else Changes(0))
    return Changed(save_case(store, case, case.opened, journal).value, changes)


def duplicates_of(store, case: Case) -> list[Case]:
    """The open cases `case` would repeat (issue 16), asked before saving; none while the
    team database cannot be reached (the agent is not kept from saving by an outage)."""
    from domain.errors import StoreError
    from domain.services.escalation import duplicates_of

    try:
        return duplicates_of(store, case)
    except StoreError as error:
        if not error.temporary:
            raise
        return []


def edit_case(store, case: Case, product: str, note: str) -> Changed:
    """The case with the agent's product and note; EditConflict when a colleague changed it."""
    from domain.services.escalation import edit_case

    return Changed(edit_case(store, case, product, note), Changes.CASES)


def end_case(store, case: Case, status: str, reason: str, by: str, now: dt.datetime) -> Changed:
    """The case closed or cancelled with its reason (issue 16)."""
    from domain.services.escalation import end_case

    return Changed(end_case(store, case, status, reason, by=by, now=now), Changes.CASES)


def undo_response(store, case: Case, journal: JournalEntry | None = None) -> Changed:
    """The case with its first-response mark cleared, if nobody changed it since (issue 16)."""
    from domain.services.escalation import undo_response

    changes = Changes.CASES | (Changes.JOURNAL if journal is not None and case.customer_id is not None else Changes(0))
    return Changed(undo_response(store, case, journal), changes)


def list_cases(store, include_ended: bool = False) -> list[Case]:
    """The cases still waiting in the outbox (id None), then the open cases, most urgent
    first, and the latest answered ones. While the team database cannot be reached, the
    waiting ones only, if there are any; else StoreUnreachable as for every read."""
    from domain.errors import StoreUnreachable
    from domain.outbox import OutboxKind, case_of
    from domain.services.escalation import list_cases
    from domain.services.outbox import waiting

    queued = [case_of(item) for item in waiting(store, OutboxKind.CASE)]
    try:
        return queued + list_cases(store, include_ended=include_ended)
    except StoreUnreachable:
        if not queued:
            raise
        return queued


def mark_responded(store, case_id: int, at: dt.datetime, by: str, now: dt.datetime | None = None,
                   journal: JournalEntry | None = None) -> Changed:
    """The case after its first response was recorded by the agent `by`; or, when a
    colleague marked it first, AlreadyResponded (who and when) as the value: the view
    words it on the customer's clock; or None when the team database cannot be reached
    and the mark waits in the outbox (issue 15). The cases changed either way. `at`: the
    moment the agent entered (issue 16), not after `now` (default: `at` itself)."""
    from domain.concurrent_edits import AlreadyResponded
    from domain.outbox import SendStatus
    from domain.services.outbox import mark_responded

    try:
        written = mark_responded(store, case_id, at, by=by, now=now or at, journal=journal)
    except AlreadyResponded as taken:
        return Changed(taken, Changes.CASES)
    changes = Changes.CASES | (Changes.JOURNAL if journal is not None else Changes(0))
    return Changed(written.value if written.status is SendStatus.SAVED else None, changes)
