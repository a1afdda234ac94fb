"""The claims answer (issue 19) as a message to the customer, in their language.

Like desktop/wording/letters/scope.py: English msgids translated in the catalogue, said in
the customer's language with `i18n.in_language`; the terms cited by their name and section
in that language ("villkoren för Office 365-support, punkt 4"), never by our files' lines;
signed by the agent with the desk's phone. The agent's next step is not pasted in: the
customer reads what they get, from whom, what is excluded and what to send us.

No Qt here (tests/desktop/wording/letters/test_claim_letter.py).
"""
from __future__ import annotations

from desktop.common.i18n import _, in_language
from desktop.wording.citations import customer_citation_text
from desktop.wording.claims import month_text, percent
from desktop.wording.letters.signature import Signature, signature_lines
from domain.claims import ClaimAnswer


def _cite(answer: ClaimAnswer, key: str, text: str) -> str:
    reason = next((r for r in answer.reasons if r.text_key == key), None)
    cited = customer_citation_text(reason.ref) if reason else ""
    if not cited:
        return _("- {reason}").format(reason=text)
    return _("- {reason} ({citation})").format(reason=text, citation=cited)


def _uptime_sentence(answer: ClaimAnswer) -> str:
    values = {"service": answer.level.name, "uptime": percent(answer.uptime_percent),
              "sla": percent(answer.sla_percent), "credit": percent(answer.credit_percent)}
    if answer.credit_due:
        return _("{service} was available {uptime} of the month, below the {sla} Microsoft guarantees. This "
                 "gives you a credit of {credit} of the month's fee for {service}.").format(**values)
    return _("{service} was available {uptime} of the month, which meets the {sla} Microsoft guarantees, so "
             "no credit is due for this month.").format(**values)


def claim_message(answer: ClaimAnswer, language: str, signature: Signature | None = None) -> str:
    """The whole message, greeting to signature, as plain text in `language`."""
    with in_language(language):
        lines = [_("Hello,"), "",
                 _("Thank you for contacting us about the {service} outage in {month}.").format(
                     service=answer.level.name, month=month_text(answer)), "",
                 _cite(answer, "uptime", _uptime_sentence(answer)), ""]
        lines.append(_("What this means, under our Office 365 support terms:"))
        if answer.credit_due:
            lines.append(_cite(answer, "claim-to-reseller", _(
                "You claim the credit from us, not from Microsoft: please do not use Microsoft's or any other "
                "portal for it.")))
            lines.append(_cite(answer, "service-credits", _(
                "The credit is deducted from your fee once Microsoft has credited us for your claim.")))
        if answer.wrong_portal:
            lines.append(_cite(answer, "wrong-portal", _(
                "A claim made through a portal must be corrected: please withdraw it and send it to us within "
                "30 days of this message.")))
        lines.append(_cite(answer, "exclusive-remedy", _(
            "The fee reduction is the only compensation for an outage; damages apply only for gross negligence, "
            "for direct loss and up to what you paid for support and Office 365 in the last six months.")))
        if answer.data_loss:
            lines.append(_cite(answer, "data-loss", _(
                "Lost data cannot be compensated, since keeping a current backup is your responsibility; we are "
                "happy to help you restore it from your backup.")))
        else:
            lines.append(_cite(answer, "data-loss", _(
                "Loss of data is not compensated, since keeping a current backup is your responsibility.")))
        lines += ["", _next(answer), "", _("Please let us know if you have any questions."), "",
                  *signature_lines(signature)]
    return "\n".join(lines)


def _next(answer: ClaimAnswer) -> str:
    if answer.credit_due or answer.wrong_portal:
        return _("To file the claim, please send us your tenant name, the affected service, the incident id from "
                 "the Microsoft 365 service health page, when the outage started and ended, and the users "
                 "affected.")
    return _("If the outage was longer than this, please send us the incident id from the Microsoft 365 service "
             "health page and the times, and we will look at it again.")
