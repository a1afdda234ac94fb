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
    """Dustin “Villkor Office 365 Support” 2017:3 §5: the document, edition and section the
    reason rests on (issue 16), not the line in our source files; the clause as the
    reference data names it when the ref cites no known document."""
    from desktop.wording.citations import ref_text

    return ref_text(outcome.ref) or outcome.clause
