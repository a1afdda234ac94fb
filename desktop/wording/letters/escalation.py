"""The escalation summarised for the customer, in the customer's language.

Plain text to paste into an e-mail: the severity and what it means, Microsoft's
first-response target and when it is due on the customer's clock, whether the clock
runs 24x7 or in business hours only, and what the customer must commit to, citing
Microsoft's description by its name and appendix (never our files' line numbers), signed
by the agent with the desk's phone (issue 16). Written in
`language` whatever language the agent reads (`i18n.in_language`): one set of English
msgids, the catalogue of the customer's language. No Qt here.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.common import i18n
from desktop.common.i18n import _, format_clock, format_date, ngettext
from desktop.wording.citations import customer_citation_text
from desktop.wording.escalation import CLOCK_24X7, bullet_list, zone_text
from desktop.wording.letters.signature import Signature, signature_lines

if TYPE_CHECKING:
    from domain.business_time import BusinessHours
    from domain.escalation import Escalation


def escalation_message(answer: Escalation, business_hours: BusinessHours, language: str,
                       signature: Signature | None = None) -> str:
    """The summary of `answer` for the customer, in `language` ("sv", "nb", "da", "fi", "en").
    The due moment is on the customer's clock: the escalation gives it in their country's zone."""
    with i18n.in_language(language):
        lines = _lines(answer, business_hours)
        cited = customer_citation_text(answer.severity.ref)
        if cited:
            # Translators: where the severities and the customer's commitments are defined,
            # e.g. "Microsofts beskrivning av Unified Enterprise Support Services, bilaga A".
            lines += ["", _("The severities and these commitments are described in {citation}.").format(
                citation=cited)]
        if signature is not None:
            lines += ["", *signature_lines(signature)]
        return "\n".join(lines)


def _lines(answer: Escalation, business_hours: BusinessHours) -> list[str]:
    severity, minutes, due = answer.severity, answer.target.minutes, answer.due
    if answer.clock == CLOCK_24X7:
        target = ngettext(
            "Microsoft's first-response target is {n} minute, counted around the clock (24x7): nights, weekends "
            "and holidays count too.",
            "Microsoft's first-response target is {n} minutes, counted around the clock (24x7): nights, weekends "
            "and holidays count too.", minutes).format(n=minutes)
    else:
        target = ngettext(
            "Microsoft's first-response target is {n} business minute, counted in business hours only: "
            "{opens}–{closes} your local time on weekdays, not on holidays.",
            "Microsoft's first-response target is {n} business minutes, counted in business hours only: "
            "{opens}–{closes} your local time on weekdays, not on holidays.", minutes).format(
            n=minutes, opens=format_clock(business_hours.opens), closes=format_clock(business_hours.closes))
    return [
        _("Your case is escalated to Microsoft at severity {id} ({title}).").format(
            id=severity.id, title=_(severity.title)),
        _(severity.situation),
        "",
        target,
        _("The first response is due by {date} at {time} ({zone}).").format(
            date=format_date(due.date(), "full"), time=format_clock(due), zone=zone_text(due)),
        "",
        _("For this severity, Microsoft needs you to commit to the following:"),
        bullet_list(_(obligation) for obligation in severity.obligations),
    ]
