"""How the support-scope answer is worded, for the GUI and the CLI alike (no Qt)."""
from __future__ import annotations

from desktop.common.i18n import _
from domain.scope import Outcome, Verdict


def verdict_text(verdict: Verdict) -> str:
    return {
        Verdict.IN_SCOPE: _("In scope"),
        Verdict.CONDITIONAL: _("Conditional"),
        Verdict.THIRD_PARTY: _("Third party"),
        Verdict.SUPERUSER_ONLY: _("Superuser only"),
        Verdict.OUT_OF_SCOPE: _("Out of scope"),
    }[verdict]


def clause_text(outcome: Outcome) -> str:
    """"§5 (003:62)": the clause of the terms and where it is in the seeds."""
    return _("{clause} ({ref})").format(clause=outcome.clause, ref=outcome.ref)
