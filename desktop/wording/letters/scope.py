"""The support-scope verdict as a short message to the customer, in their language.

One set of templates, the msgids in English, translated in the gettext catalogue like
every other text, and said in the customer's language with `i18n.in_language`: the
customer's language need not be the agent's, and the agent's is back afterwards.

The message tells the verdict, the reasons that decide it (each with its clause of the
terms) and what happens next. The domain's next step is not pasted in: it is written
for the agent ("Tell the customer…", "Ask for the superuser"), so what happens next is
said to the customer, one sentence per verdict. A version rule's finding is said in the
customer's words (`Outcome.for_customer`): the agent's reason quotes the Swedish terms and
tells the agent to ask. The terms are cited by their name and section in the customer's
language (desktop/wording/citations.py), never by our source files' line numbers, and
the message is signed by the agent with the desk's phone (issue 16).

No Qt here, so the wording is tested on its own (tests/desktop/wording/letters/test_scope_letter.py).
"""
from __future__ import annotations

from desktop.common.i18n import _, in_language
from desktop.wording.citations import customer_citation_text
from desktop.wording.letters.signature import Signature, signature_lines
from domain.scope import Outcome, ScopeAnswer, Topic, Verdict


def scope_message(answer: ScopeAnswer, topic: Topic, language: str, signature: Signature | None = None) -> str:
    """The whole message, greeting to signature, as plain text in `language`; `topic` is
    named by its catalogue title in that language."""
    with in_language(language):
        lines = [_("Hello,"), "",
                 _("Thank you for contacting us about “{topic}”.").format(topic=topic.title(language)), "",
                 _verdict_sentence(answer.verdict), "",
                 _("Why, under our Office 365 support terms:")]
        lines += [_reason_line(reason) for reason in _deciding_reasons(answer)]
        lines += ["", _what_happens_next(answer.verdict), "",
                  _("Please let us know if you have any questions."), "", *signature_lines(signature)]
    return "\n".join(lines)


def _deciding_reasons(answer: ScopeAnswer) -> list[Outcome]:
    """The reasons the verdict rests on: a finding that no longer matters (the topic is
    included, but the licences are not ours) would only confuse the customer."""
    return [reason for reason in answer.reasons if reason.verdict is answer.verdict]


def _reason_line(reason: Outcome) -> str:
    text = _(reason.for_customer or reason.text)
    cited = customer_citation_text(reason.ref)
    if not cited:
        return _("- {reason}").format(reason=text)
    # Translators: one reason in a message to a customer, then where the terms say it,
    # e.g. "(villkoren för Office 365-support, punkt 5)".
    return _("- {reason} ({citation})").format(reason=text, citation=cited)


def _verdict_sentence(verdict: Verdict) -> str:
    return {
        Verdict.IN_SCOPE: _("This is covered by your Office 365 support."),
        Verdict.CONDITIONAL: _("This is covered by your Office 365 support once the conditions below are met."),
        Verdict.THIRD_PARTY: _("This is not handled by our Office 365 support but by the vendor of the app."),
        Verdict.SUPERUSER_ONLY: _("Your Office 365 support covers this for your organisation's superuser only, "
                                  "not for each user."),
        Verdict.OUT_OF_SCOPE: _("Unfortunately, this is not covered by your Office 365 support."),
    }[verdict]


def _what_happens_next(verdict: Verdict) -> str:
    return {
        Verdict.IN_SCOPE: _("We will help you with this as part of your support."),
        Verdict.CONDITIONAL: _("We will help you with this as soon as the conditions above are met; please "
                               "get in touch with us when they are."),
        Verdict.THIRD_PARTY: _("We will pass your case on to the app's vendor, who will contact you."),
        Verdict.SUPERUSER_ONLY: _("We can help your superuser with critical problems shown in the Office 365 "
                                  "portal. If you would like support for every user, we can offer licences "
                                  "that include end-user support."),
        Verdict.OUT_OF_SCOPE: _("If you would still like our help with this, we can offer it as a separately "
                                "charged service."),
    }[verdict]
