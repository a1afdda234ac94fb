"""How the claims answer (issue 19) is worded for the agent, for the GUI and the CLI alike
(no Qt): one sentence per reason, each with the document, edition and section it rests
on (desktop/wording/citations.py `ref_text`), then the next step.
"""
from __future__ import annotations

import datetime as dt
from fractions import Fraction

from desktop.common.i18n import _, current_locale, format_skeleton
from desktop.wording.notice import number_text
from domain.claims import NEXT_COLLECT, NEXT_NO_CREDIT, NEXT_WRONG_PORTAL, ClaimAnswer, Reason


def percent(value: Fraction | float) -> str:
    """99.9 -> "99.9%" / "99,9 %" in the current language (two decimals at most)."""
    from babel.numbers import format_decimal

    number = format_decimal(float(value), format="#,##0.##", locale=current_locale())
    # Translators: a percentage; Nordic languages put a space before the sign ("99,9 %").
    return _("{number}%").format(number=number)


def month_text(answer: ClaimAnswer) -> str:
    """"November 2026" in the current language."""
    year, month = map(int, answer.month.split("-"))
    return format_skeleton("yMMMM", dt.date(year, month, 1))


def _values(answer: ClaimAnswer) -> dict:
    return {"service": answer.level.name, "month": month_text(answer), "uptime": percent(answer.uptime_percent),
            "sla": percent(answer.sla_percent), "credit": percent(answer.credit_percent),
            "outage": number_text(answer.outage_minutes), "minutes": number_text(answer.month_minutes)}


def reason_text(answer: ClaimAnswer, reason: Reason) -> str:
    """One reason as a sentence for the agent, in the current language."""
    key, values = reason.text_key, _values(answer)
    if key == "uptime":
        if answer.credit_due:
            return _("{service} was up {uptime} of {month} ({outage} of {minutes} minutes down), below "
                     "Microsoft's {sla}: a Service Credit of {credit} of the month's fee for the service."
                     ).format(**values)
        return _("{service} was up {uptime} of {month} ({outage} of {minutes} minutes down), within "
                 "Microsoft's {sla}: no Service Credit is due.").format(**values)
    if key == "data-loss" and answer.data_loss:
        return _("Lost data is never compensated: keeping a current backup is the customer's duty. Help them "
                 "restore from their backup.")
    return {
        "service-credits": _("The customer gets Microsoft's Service Credits through the reseller, as a reduction "
                             "of the fee, paid only after Microsoft has credited the reseller for this claim."),
        "claim-to-reseller": _("The claim goes to the reseller (us), never through Microsoft's or any other "
                               "portal."),
        "wrong-portal": _("The customer filed the claim through a portal: they must correct it, and file it "
                          "with us, within 30 days of being told."),
        "exclusive-remedy": _("For a fault the reseller caused, the fee reduction under Microsoft's Service "
                              "Credits rules is the only remedy."),
        "six-months-cap": _("Damages only for gross negligence: direct loss only (no consequential loss), at most "
                            "what the customer paid for end-user support and Office 365 in the last six months."),
        "data-loss": _("Loss of data is never compensated: keeping a current backup is the customer's duty."),
        "details": _("The customer gives us the information the claim needs: the tenant, the service, the "
                     "incident id from the Microsoft 365 service health page, the start and end times and the "
                     "affected users."),
    }[key]


def next_step_text(answer: ClaimAnswer) -> str:
    return {
        NEXT_COLLECT: _("Collect the claim's details (tenant, service, incident id from the Microsoft 365 service "
                        "health page, times, affected users) and file the claim with Microsoft for the customer."),
        NEXT_NO_CREDIT: _("Tell the customer the month's uptime met Microsoft's SLA, so no Service Credit is due."),
        NEXT_WRONG_PORTAL: _("Ask the customer to correct the portal claim within 30 days and give us the "
                             "claim's details instead (tenant, service, incident id, times, affected users)."),
    }[answer.next_step]


def claim_lines(answer: ClaimAnswer) -> list[str]:
    """The agent's answer: each reason with its citation, then the next step."""
    from desktop.wording.citations import ref_text

    lines = []
    for reason in answer.reasons:
        cited = ref_text(reason.ref) or reason.clause
        # Translators: one reason of the claims answer, then the document and section it rests on.
        lines.append(_("{reason} ({citation})").format(reason=reason_text(answer, reason), citation=cited))
    lines.append(_("Next step: {step}").format(step=next_step_text(answer)))
    return lines
