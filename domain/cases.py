"""Escalation cases: a case sent to Microsoft with its first-response clock.

The clock's target and due moment come from domain.escalation; a case only remembers
them, and says whether the first response came in time.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from enum import Enum

from domain.desks import COUNTRIES
from domain.errors import InvalidInput, too_long
from domain.escalation import Escalation
from domain.messages import Message
from domain.roles import LastChange

UTC = dt.timezone.utc
# The store's column sizes (tests/domain/store/test_field_lengths.py holds them equal).
CASE_FIELD_LENGTHS = {"customer_name": 200, "product": 200, "responded_by": 100,  # responded_by: an agent's name
                      "end_reason": 500, "ended_by": 100}  # migration 0010
MAX_CASE_NOTE = 4000  # as a journal note: a few paragraphs (the column is TEXT)

# Issue 16, "Cases seen through to the end": saving a case that matches an open one of the
# same customer, product and severity opened within this long before (or after) it asks
# first. An hour: long enough for a second "Save as case" on the same call, or a colleague
# taking the customer's second call about the same outage; short enough that a new problem
# with the same product next morning is not taken for the old one (docs/escalation.md).
DUPLICATE_WINDOW = dt.timedelta(hours=1)


class CaseStatus(str, Enum):
    """Where a case is in its life (migration 0010). Open: on the desk's worklist (its
    countdown runs until the first response). Closed: seen through (solved, or no more to
    do). Cancelled: should not have been opened (a duplicate, a mistake). Closed and
    cancelled cases leave the worklist and the customer card, and stay in the history."""

    OPEN = "open"
    CLOSED = "closed"
    CANCELLED = "cancelled"


@dataclass(frozen=True)
class Case:
    id: int | None
    customer_id: int | None
    customer_name: str
    country: str
    product: str
    severity: str
    offering: str
    azure: bool
    clock: str
    target_minutes: int
    opened: dt.datetime
    due: dt.datetime
    responded: dt.datetime | None = None
    note: str = ""
    responded_by: str | None = None  # the agent who marked the first response (None before migration 0008)
    # The stored version (None: not stored yet); not part of the case's value, as Customer.version.
    version: int | None = field(default=None, compare=False)
    # Who opened it, and who saved it last and when (issue 15): the store's record.
    opened_by: str = field(default="", compare=False)
    changed: LastChange | None = field(default=None, compare=False)
    # Issue 16: closed or cancelled, why, by whom and when (open: "", "", None).
    status: str = CaseStatus.OPEN.value
    reason: str = ""
    ended_by: str = ""
    ended_at: dt.datetime | None = None

    @property
    def is_open(self) -> bool:
        return self.status == CaseStatus.OPEN.value

    @property
    def waiting(self) -> bool:
        """Open and still waiting for Microsoft's first response: its clock runs."""
        return self.is_open and self.responded is None

    @property
    def met(self) -> bool | None:
        """Whether the first response came within the target; None while it has not come."""
        if self.responded is None:
            return None
        # In UTC: two datetimes in the same zone compare by wall clock, which is wrong in the
        # repeated autumn hour (02:50 summer time comes before 02:20 winter time).
        return self.responded.astimezone(UTC) <= self.due.astimezone(UTC)

    def minutes_left(self, now: dt.datetime) -> float:
        """Until the due moment (negative once breached); frozen once responded."""
        end = self.responded or now
        return (self.due.astimezone(UTC) - end.astimezone(UTC)).total_seconds() / 60

    def breached(self, now: dt.datetime) -> bool:
        return self.minutes_left(now) < 0


def new_case(answer: Escalation, country: str, product: str, customer_name: str = "",
             customer_id: int | None = None, note: str = "") -> Case:
    if country not in COUNTRIES:
        raise InvalidInput("country", country, Message("is not a desk country: use SE, NO, DK or FI"))
    if not product.strip():
        raise InvalidInput("product", product, Message("is required: which product is the case about?"))
    for name, text in (("customer_name", customer_name.strip()), ("product", product.strip())):
        if len(text) > CASE_FIELD_LENGTHS[name]:
            raise InvalidInput(name, text, too_long(text, CASE_FIELD_LENGTHS[name]))
    return Case(None, customer_id, customer_name.strip(), country, product.strip(), answer.severity.id,
                answer.offering.id, answer.azure, answer.clock, answer.target.minutes, answer.opened, answer.due,
                note=note.strip())


def _checked_text(name: str, text: str, required: Message | None = None, limit: int | None = None) -> str:
    text = text.strip()
    if required is not None and not text:
        raise InvalidInput(name, text, required)
    limit = limit if limit is not None else CASE_FIELD_LENGTHS[name]
    if len(text) > limit:
        raise InvalidInput(name, text, too_long(text, limit))
    return text


def edited_case(case: Case, product: str, note: str) -> Case:
    """The case with the agent's new product and note (what may be edited: the rest is the
    escalation's answer, fixed when it was opened); InvalidInput names a bad field."""
    return replace(case, product=_checked_text("product", product, Message(
        "is required: which product is the case about?")), note=_checked_text("note", note, limit=MAX_CASE_NOTE))


def check_ending(status: str, reason: str) -> tuple[CaseStatus, str]:
    """Closed or cancelled, with its reason (required: the history says why)."""
    try:
        ending = CaseStatus(status)
    except ValueError:
        ending = None
    if ending is None or ending is CaseStatus.OPEN:
        raise InvalidInput("status", status, Message("is not how a case ends: use closed or cancelled"))
    return ending, _checked_text("reason", reason, Message("is required: why does the case end?"),
                                 CASE_FIELD_LENGTHS["end_reason"])


def same_case(existing: Case, new: Case) -> bool:
    """Whether `new` repeats `existing` (issue 16's duplicate warning): the same customer
    (the register's, else the same name), product (any case) and severity, `existing`
    still open, the two opened within DUPLICATE_WINDOW of each other."""
    if not existing.is_open or existing.severity != new.severity:
        return False
    if existing.product.strip().casefold() != new.product.strip().casefold():
        return False
    if new.customer_id is not None or existing.customer_id is not None:
        if existing.customer_id != new.customer_id:
            return False
    elif existing.customer_name.strip().casefold() != new.customer_name.strip().casefold():
        return False
    return abs(existing.opened.astimezone(UTC) - new.opened.astimezone(UTC)) <= DUPLICATE_WINDOW
