"""The case journal: what an agent answered a customer, and when, as plain values.

Each scope verdict, notice answer or escalation the agent saves on a call becomes an
entry with the moment, the agent's name, the topic, the verdict, a free note and the
answer as it was shown. The journal holds personal data, so it is kept only for a
configurable number of months: `retention_cutoff` says where that ends.

No SQLAlchemy here (domain/store/journal_repository.py maps the entries to rows).
"""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, replace
from enum import Enum

from domain.customers import FieldError, InvalidRecord, valued
from domain.errors import InvalidInput, too_long
from domain.messages import Message

UTC = dt.timezone.utc

# The columns' sizes (migration 0006); the note is the agent's own text, a few paragraphs.
MAX_AGENT = 100
MAX_TOPIC = 200
MAX_VERDICT = 60
MAX_NOTE = 4000

# Retention in whole months: at least one, at most ten years.
MIN_RETENTION_MONTHS = 1
MAX_RETENTION_MONTHS = 120


class JournalKind(str, Enum):
    SCOPE = "scope"  # a support-scope verdict
    NOTICE = "notice"  # a cancellation-notice answer
    ESCALATION = "escalation"  # a case escalated to Microsoft
    NOTE = "note"  # the agent's own note, about no answer in particular
    # Issue 19: a claim after an outage. No migration: the column is a plain String(20)
    # with no check constraint (0006_journal.py), so the new value needs none.
    CLAIM = "claim"


@dataclass(frozen=True)
class JournalEntry:
    customer_id: int
    created: dt.datetime  # aware, UTC once checked
    agent: str  # the agent's name from the settings
    kind: JournalKind
    topic: str  # what the answer was about: a scope topic, a subscription, a case
    verdict: str  # the answer in a word or two: "in_scope", "in time", "severity B"
    note: str = ""
    summary: str = ""  # the plain-text answer as it was shown (Copy summary)
    id: int | None = None


def journal_problems(entry: JournalEntry, *, customer_pending: bool = False) -> list[FieldError]:
    """Every problem of the entry, each naming its field (as domain.customers does).
    `customer_pending`: the customer is named by its register id and looked up when the
    outbox sends the entry (domain/services/outbox.py); its customer_id is None till then."""
    errors = []
    customer = entry.customer_id
    if not customer_pending and (isinstance(customer, bool) or not isinstance(customer, int) or customer < 1):
        errors.append(FieldError("customer_id", valued(repr(entry.customer_id),
                                                       Message("is not a customer in the register"))))
    if not isinstance(entry.created, dt.datetime) or entry.created.utcoffset() is None:
        errors.append(FieldError("created", valued(repr(entry.created), Message("has no time zone"))))
    try:
        kind = JournalKind(entry.kind)
    except ValueError:
        kind = None
        errors.append(FieldError("kind", valued(repr(entry.kind), Message(
            "is not a kind of journal entry: use scope, notice, escalation, claim or note"))))
    agent, topic, verdict, note = (entry.agent.strip(), entry.topic.strip(), entry.verdict.strip(),
                                   entry.note.strip())
    if not agent:
        # The agent's name comes from the settings; the first-run dialog asks for it.
        errors.append(FieldError("agent", Message("is required: set your name in the settings")))
    elif len(agent) > MAX_AGENT:
        errors.append(FieldError("agent", too_long(agent, MAX_AGENT)))
    if not topic and kind is not JournalKind.NOTE:
        errors.append(FieldError("topic", Message("is required: what was the answer about?")))
    elif len(topic) > MAX_TOPIC:
        errors.append(FieldError("topic", too_long(topic, MAX_TOPIC)))
    if len(verdict) > MAX_VERDICT:
        errors.append(FieldError("verdict", too_long(verdict, MAX_VERDICT)))
    if kind is JournalKind.NOTE and not note:
        errors.append(FieldError("note", Message("is required: a note without an answer needs its text")))
    elif len(note) > MAX_NOTE:
        errors.append(FieldError("note", too_long(note, MAX_NOTE)))
    return errors


def check_entry(entry: JournalEntry, *, customer_pending: bool = False) -> JournalEntry:
    """`entry` tidied (spaces trimmed, kind a JournalKind, created in UTC), or
    InvalidRecord naming every bad field (`customer_pending`: as journal_problems)."""
    errors = journal_problems(entry, customer_pending=customer_pending)
    if errors:
        raise InvalidRecord(errors)
    # The summary keeps its own line breaks and indentation: it is pasted as shown.
    return replace(entry, kind=JournalKind(entry.kind), created=entry.created.astimezone(UTC),
                   agent=entry.agent.strip(), topic=entry.topic.strip(), verdict=entry.verdict.strip(),
                   note=entry.note.strip())


# --- retention ---------------------------------------------------------------------------

def check_retention_months(months: object, field_name: str = "months") -> int:
    if isinstance(months, bool) or not isinstance(months, int) or not (
            MIN_RETENTION_MONTHS <= months <= MAX_RETENTION_MONTHS):
        raise InvalidInput(field_name, months, Message("must be a whole number of months from {low} to {high}",
                                                       low=MIN_RETENTION_MONTHS, high=MAX_RETENTION_MONTHS))
    return months


def retention_cutoff(now: dt.datetime, months: int) -> dt.datetime:
    """The same wall moment `months` calendar months before `now`, on the month's last day
    when that month is shorter (31 March minus one month is 28 or 29 February): entries
    created before it are older than `months` months. InvalidInput for months outside
    1..120 or a `now` without a time zone."""
    check_retention_months(months)
    if now.utcoffset() is None:
        raise InvalidInput("now", now.isoformat(), Message("has no time zone"))
    index = now.year * 12 + now.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    return now.replace(year=year, month=month, day=min(now.day, calendar.monthrange(year, month)[1]))
