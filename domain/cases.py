"""Escalation cases: a case sent to Microsoft with its first-response clock.

The clock's target and due moment come from domain.escalation; a case only remembers
them, and says whether the first response came in time.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from domain.desks import COUNTRIES
from domain.errors import InvalidInput, too_long
from domain.escalation import Escalation
from domain.messages import Message
from domain.roles import LastChange

UTC = dt.timezone.utc
# The store's column sizes (tests/domain/store/test_field_lengths.py holds them equal).
CASE_FIELD_LENGTHS = {"customer_name": 200, "product": 200, "responded_by": 100}  # responded_by: an agent's name


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
