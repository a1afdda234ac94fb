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
    from domain.lifecycle import Catalogue
    from domain.services.escalation import Escalator

__all__ = ["AlreadyResponded", "Case", "Escalator", "escalator_for", "list_cases", "load_rules", "mark_responded",
           "new_case", "save_case"]


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


def save_case(store, case: Case) -> Changed:
    """The case as stored; or, when the team database cannot be reached, as it waits in
    the outbox (issue 15: its id None, "waiting to send"), written at its opening moment."""
    from domain.services.outbox import save_case

    return Changed(save_case(store, case, case.opened).value, Changes.CASES)


def list_cases(store) -> list[Case]:
    """The cases still waiting in the outbox (id None), then the open cases, most urgent
    first, and the latest answered ones. While the team database cannot be reached, the
    waiting ones only, if there are any; else StoreUnreachable as for every read."""
    from domain.errors import StoreUnreachable
    from domain.outbox import OutboxKind, case_of
    from domain.services.escalation import list_cases
    from domain.services.outbox import waiting

    queued = [case_of(item) for item in waiting(store, OutboxKind.CASE)]
    try:
        return queued + list_cases(store)
    except StoreUnreachable:
        if not queued:
            raise
        return queued


def mark_responded(store, case_id: int, at: dt.datetime, by: str) -> Changed:
    """The case after its first response was recorded by the agent `by`; or, when a
    colleague marked it first, AlreadyResponded (who and when) as the value: the view
    words it on the customer's clock; or None when the team database cannot be reached
    and the mark waits in the outbox (issue 15). The cases changed either way."""
    from domain.concurrent_edits import AlreadyResponded
    from domain.outbox import SendStatus
    from domain.services.outbox import mark_responded

    try:
        written = mark_responded(store, case_id, at, by=by, now=at)
    except AlreadyResponded as taken:
        return Changed(taken, Changes.CASES)
    return Changed(written.value if written.status is SendStatus.SAVED else None, Changes.CASES)
