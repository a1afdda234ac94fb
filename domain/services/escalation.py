"""Escalations for the GUI and the CLI: rules from the store, the customer's desk for the
business-hours clock, and cases with their first-response clock."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from domain.cases import CASE_FIELD_LENGTHS, Case
from domain.closed_days import ClosedDayCalendar
from domain.concurrent_edits import AlreadyResponded
from domain.desks import parse_country
from domain.errors import InvalidInput, too_long
from domain.escalation import Escalation, EscalationRules, escalate, parse_offering_id, parse_severity
from domain.messages import Message
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

def save_case(store: Store, case: Case) -> Case:
    with store.unit_of_work(write=True, exclusive=False) as uow:  # an insert: no queue behind other writers
        saved = replace(case, id=uow.cases.add(case))
        uow.commit()
    return saved


ANSWERED_SHOWN = 50  # the case list's history: the most recent answered cases


def list_cases(store: Store, open_only: bool = False, answered_limit: int = ANSWERED_SHOWN) -> list[Case]:
    """By urgency: every open case, soonest due first, then the most recently opened
    answered ones (at most `answered_limit`: the list is a desk's worklist, not an archive)."""
    with store.unit_of_work() as uow:
        cases = uow.cases.open()
        if not open_only:
            cases += uow.cases.answered(answered_limit)
    return cases


def mark_responded(store: Store, case_id: int, at: dt.datetime, *, by: str) -> Case:
    """The first response came at `at`, marked by the agent `by` (the name the journal
    records): the clock stops and whether it was met is recorded.

    Two agents marking one case at once: the first wins (the UPDATE itself requires no
    response yet), the other gets AlreadyResponded saying who marked it and when."""
    if at.tzinfo is None:
        raise InvalidInput("responded", at.isoformat(), Message("has no time zone"))
    by = by.strip()
    if len(by) > CASE_FIELD_LENGTHS["responded_by"]:
        raise InvalidInput("by", by, too_long(by, CASE_FIELD_LENGTHS["responded_by"]))
    with store.unit_of_work(write=True) as uow:
        case = uow.cases.get(case_id)
        if case is None:
            raise InvalidInput("case", case_id, Message("is not a case"))
        if case.responded is not None:
            raise AlreadyResponded(case_id, case.responded, case.responded_by)
        # The moments as ISO text, offset and all: which instant, whatever the language.
        if at < case.opened:
            raise InvalidInput("responded", at.isoformat(), Message("is before the case was opened ({moment})",
                                                                    moment=case.opened.isoformat()))
        if not uow.cases.set_responded(case_id, at, by or None):
            # Another writer marked it between the read and the write (the write lock
            # makes that rare, but the condition in the UPDATE is what decides).
            winner = uow.cases.get(case_id)
            raise AlreadyResponded(case_id, winner.responded, winner.responded_by)
        uow.commit()
    return replace(case, responded=at, responded_by=by or None, version=case.version + 1)
