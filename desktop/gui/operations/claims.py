"""Service credit claims after an outage (issue 19): the SLA's credit bands and the
terms' clauses, read from cited reference data, and the answer for one outage.

Pure: no store is touched, so these run on the GUI thread (the rules are read once
and cached by domain.claims); the claims view calls nothing else of the domain.
"""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from domain.claims import ClaimAnswer, ClaimRules


def load_rules() -> ClaimRules:
    from domain.claims import load_claim_rules

    return load_claim_rules()


def services() -> tuple[str, ...]:
    from domain.claims import SERVICES

    return SERVICES


def outage_minutes(start: dt.datetime, end: dt.datetime) -> int:
    """Whole minutes of the outage inside the month it started in (InvalidInput when the
    end is not after the start)."""
    from domain.claims import outage_minutes as minutes

    return minutes(start, end)


def assess(rules: ClaimRules, service: str, month: str, minutes: int, *, data_loss: bool,
           wrong_portal: bool) -> ClaimAnswer:
    """The claim's answer; InvalidInput naming the field for a bad month or too many minutes."""
    from domain.claims import assess_claim

    return assess_claim(rules, service, month, minutes, data_loss=data_loss, wrong_portal=wrong_portal)
