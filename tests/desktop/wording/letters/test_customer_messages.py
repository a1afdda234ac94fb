"""Every message for the customer, in every language, holds only what the customer should
read (issue 16, "Messages for the customer"): no internal references to our source files'
lines, no English in a Swedish, Norwegian, Danish or Finnish message, none of the agent's
instructions, and a signature with the agent's name and the desk's phone.

The messages scanned: every scope topic (and each condition's alternatives) with the usual
facts, every customer fact on its own, every version rule with a covered, an old, a foreign
and an unnumbered version and none at all; the notice outcomes (in time, too late, a
deadline on a closed day, pay-as-you-go); every escalation severity with every offering.
"""
from __future__ import annotations

import datetime as dt
import re

import pytest

from desktop.common import i18n
from desktop.common.i18n import _
from desktop.wording.letters.escalation import escalation_message
from desktop.wording.letters.notice import customer_message
from desktop.wording.letters.scope import scope_message
from desktop.wording.letters.signature import Signature, desk_phone
from domain.notice import Term, notice_answer
from domain.scope import CustomerFacts, Device, Support, evaluate
from domain.scope_data import load_scope

CATALOGUE = load_scope()[1]
TRANSLATED = ("sv", "nb", "da", "fi")
AGENT = "Åsa Öberg"
INTERNAL_REF = re.compile(r"\(?\b\d{3}:\d+")
# Words only English uses among the five languages; one in a Nordic message is English
# left untranslated. (Product and document names carry none of them.)
ENGLISH_WORDS = re.compile(r"\b(the|and|which|please|ask|will|your|you|with|covered|later|terms|must|customer|"
                           r"tell|only|if|this|that|our|is|are)\b", re.IGNORECASE)
# Quoted labels stay as written: Appmarket's English buttons, the terms' Swedish words.
QUOTED = re.compile(r"“[^”]*”|”[^”]*”|«[^»]*»|»[^«]*«|\"[^\"]*\"")
COUNTRY = {"en": "SE", "sv": "SE", "nb": "NO", "da": "DK", "fi": "FI"}

FACTS = [CustomerFacts(), CustomerFacts(support=Support.SOFTWARE_ONLY), CustomerFacts(from_reseller=False),
         CustomerFacts(migrating=True), CustomerFacts(antivirus=False), CustomerFacts(firewall=False),
         CustomerFacts(backup=False), CustomerFacts(device=Device.SMARTPHONE, firewall=False),
         CustomerFacts(manager_approved=True), CustomerFacts(app_approved=True), CustomerFacts(app_approved=False)]
VERSIONS = {"os": ["Windows 11", "Windows XP", "macOS 27", "macOS 15", "macOS", "Windows"],
            "email": ["Outlook 2016", "Outlook 2010", "Windows Live Mail", "Thunderbird", "Outlook"],
            "office": ["Office 2019", "Office 2010", "Office"]}


def scope_answers():
    for topic in CATALOGUE.topics.values():
        for facts in FACTS:
            yield evaluate(CATALOGUE, topic.id, facts)
        if topic.version_rule:
            for version in VERSIONS[topic.version_rule]:
                yield evaluate(CATALOGUE, topic.id, CustomerFacts(version=version))


SCOPE_ANSWERS = list(scope_answers())


def signature(language: str) -> Signature:
    return Signature(AGENT, desk_phone(COUNTRY[language], language))


def english_sentences(text: str) -> set[str]:
    """The English message's sentences of four words or more (without quotes and names)."""
    plain = QUOTED.sub("", text)
    return {s.strip() for s in re.split(r"(?<=[.:;])\s+|\n", plain) if len(s.split()) >= 4}


def assert_for_the_customer(message: str, language: str, english: str) -> None:
    assert not INTERNAL_REF.search(message), message
    lines = message.strip().splitlines()
    assert lines[-2] == AGENT, lines[-3:]
    assert desk_phone(COUNTRY[language]) in lines[-1], lines[-3:]
    if language == "en":
        return
    unquoted = QUOTED.sub("", message)
    found = ENGLISH_WORDS.findall(unquoted)
    assert not found, (language, found, message)
    for sentence in english_sentences(english):
        assert sentence not in message, (language, sentence)


def agent_texts(answer, language: str) -> list[str]:
    """What is written for the agent, said in `language`: none of it may reach the customer."""
    with i18n.in_language(language):
        texts = [_(step) for step in answer.next_steps]
        texts += [_(reason.text) for reason in answer.reasons if reason.for_customer is not None]
    return texts


@pytest.mark.parametrize("language", i18n.LANGUAGES)
def test_every_scope_message_is_for_the_customer_in_their_language(language):
    assert len(SCOPE_ANSWERS) > 300
    for answer in SCOPE_ANSWERS:
        english = scope_message(answer, answer.topic, "en", signature("en"))
        message = scope_message(answer, answer.topic, language, signature(language))
        assert_for_the_customer(message, language, english)
        for text in agent_texts(answer, language):
            assert text not in message, (answer.topic.id, text)
        # The topic ids of the catalogue are ours, not the customer's.
        assert not any(f"({topic_id})" in message or f", {topic_id})" in message for topic_id in CATALOGUE.topics)


def test_the_issue_examples_are_gone():
    # Issue 16: "Fråga vilken version kunden har." / "Spør hvilken versjon kunden har." and
    # ": Outlook 2013 or later, and Windows Live Mail." in the scope message.
    answer = evaluate(CATALOGUE, "email-client", CustomerFacts())
    swedish = scope_message(answer, answer.topic, "sv", signature("sv"))
    norwegian = scope_message(answer, answer.topic, "nb", signature("nb"))
    assert "Fråga vilken version" not in swedish and "Spør hvilken versjon" not in norwegian
    assert "or later" not in swedish and "or later" not in norwegian
    assert "Microsoft Outlook 2013 och senare samt Windows Live Mail" in swedish
    assert "villkoren för Office 365-support, punkt 5" in swedish


def test_a_scope_message_cites_the_terms_by_name_and_section_in_the_customers_language():
    answer = evaluate(CATALOGUE, "print-problem", CustomerFacts())  # §4 and §5
    assert "(our Office 365 support terms, sections 4 and 5)" in scope_message(answer, answer.topic, "en")
    assert "(villkoren för Office 365-support, punkterna 4 och 5)" in scope_message(answer, answer.topic, "sv")
    assert "(Office 365 -tuen ehdot, kohdat 4 ja 5)" in scope_message(answer, answer.topic, "fi")


def weekends(day: dt.date) -> str | None:
    return "weekend" if day.weekday() >= 5 else None


NOTICES = [
    notice_answer(dt.date(2024, 2, 29), Term.MONTHS_12, dt.date(2026, 11, 23)),  # in time
    notice_answer(dt.date(2024, 2, 29), Term.MONTHS_12, dt.date(2027, 2, 10), weekends),  # too late
    notice_answer(dt.date(2024, 3, 30), Term.MONTHS_12, dt.date(2026, 11, 23), weekends),  # deadline on a Saturday
    notice_answer(dt.date(2025, 1, 1), Term.MONTHS_36, dt.date(2026, 11, 23)),
    notice_answer(dt.date(2025, 1, 1), Term.PAYG, dt.date(2026, 11, 23)),
]


@pytest.mark.parametrize("language", i18n.LANGUAGES)
def test_every_notice_message_is_for_the_customer_in_their_language(language):
    ends_at = dt.datetime(2026, 11, 23, 17, 0, tzinfo=dt.timezone.utc)
    for answer in NOTICES:
        ends = ends_at if answer.term is Term.PAYG else None
        english = customer_message(answer, "en", "Åkesson AB", "Microsoft 365 Business Standard", ends,
                                   signature("en"))
        message = customer_message(answer, language, "Åkesson AB", "Microsoft 365 Business Standard", ends,
                                   signature(language))
        assert_for_the_customer(message, language, english)


@pytest.mark.parametrize("language", i18n.LANGUAGES)
def test_every_escalation_summary_is_for_the_customer_in_their_language(store, language):
    from domain.escalation import OFFERINGS, SEVERITIES
    from domain.services.escalation import escalator

    escalating = escalator(store)
    hours = escalating.rules.business_hours
    for severity in SEVERITIES:
        for offering in OFFERINGS:
            for azure in (False, True):
                answer = escalating.escalate(severity, offering, dt.datetime(2026, 12, 23, 16, 45), "SE", azure)
                english = escalation_message(answer, hours, "en", signature("en"))
                message = escalation_message(answer, hours, language, signature(language))
                assert_for_the_customer(message, language, english)
                assert "Appendix A" in english or language != "en"


def test_the_signature_names_the_agent_and_the_desk_of_the_customers_country():
    answer = evaluate(CATALOGUE, "password-reset", CustomerFacts())
    message = scope_message(answer, answer.topic, "da", Signature("Mette Hansen", desk_phone("DK")))
    assert message.splitlines()[-3:] == ["Med venlig hilsen", "Mette Hansen", "Servicedesk, telefon +4589871001"]
    assert desk_phone(None, "fi") == "+358753251111" and desk_phone("NO", "sv") == "+4781503636"
