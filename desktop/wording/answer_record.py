"""The answer a view shows now, as the call workflow keeps it: for Copy summary (the
ready-to-paste text, in the customer's language) and for the customer's journal.

Each view that answers a question (scope, notice, escalation, claim) has `answer_record()`;
the main window asks the view on screen, so one shortcut works everywhere.
"""
from __future__ import annotations

from typing import NamedTuple


class AnswerRecord(NamedTuple):
    kind: str  # a domain.journal.JournalKind value: "scope", "notice", "escalation", "claim"
    topic: str  # what was asked, in the agent's language ("Printing problem", the product)
    verdict: str  # the answer in a few words ("In scope", "Too late", "Severity B, due ...")
    summary: str  # the plain-text answer for the ticket, in the customer's language
