"""The claims message for the customer (issue 19), in all five languages: only what the
customer should read (no source-file lines, no English in a Nordic message, none of the
agent's instructions), the terms cited by name and section in the customer's language,
and the right answer for each case: a credit and from whom, none, a wrong portal, lost data.
"""
from __future__ import annotations

import itertools

import pytest

from desktop.common import i18n
from desktop.wording.claims import claim_lines, next_step_text
from desktop.wording.letters.claim import claim_message
from domain.claims import SERVICES, assess_claim, load_claim_rules
from tests.desktop.wording.letters.test_customer_messages import assert_for_the_customer, signature

RULES = load_claim_rules()
# Met, each band (25, 50, 100 %), the whole month down; in a 30-day month and leap February.
OUTAGES = {"2026-11": (0, 43, 44, 432, 433, 2160, 2161, 43200), "2028-02": (41, 42, 2088, 2089)}
ANSWERS = [assess_claim(RULES, service, month, outage, data_loss=loss, wrong_portal=portal)
           for service in SERVICES for month, outages in OUTAGES.items() for outage in outages
           for loss, portal in itertools.product((False, True), repeat=2)]


@pytest.mark.parametrize("language", i18n.LANGUAGES)
def test_every_claim_message_is_for_the_customer_in_their_language(language):
    assert len(ANSWERS) == 5 * 12 * 4
    for answer in ANSWERS:
        english = claim_message(answer, "en", signature("en"))
        message = claim_message(answer, language, signature(language))
        assert_for_the_customer(message, language, english)
        with i18n.in_language(language):
            agent = [next_step_text(answer), *claim_lines(answer)]
        for text in agent:
            assert text not in message, (language, text)
        assert answer.service not in message.replace(answer.level.name, "")  # our codes stay ours


def test_a_credit_says_how_much_from_whom_and_when_with_the_terms_by_section():
    answer = assess_claim(RULES, "exchange-online", "2026-11", 500)  # 98.84 %: 50 %
    english = claim_message(answer, "en")
    assert "Exchange Online was available 98.84% of the month, below the 99.9% Microsoft guarantees" in english
    assert "a credit of 50% of the month's fee" in english
    assert "not from Microsoft" in english and "(our Office 365 support terms, section 4)" in english
    assert "once Microsoft has credited us" in english
    assert "last six months. (our Office 365 support terms, section 12)" in english
    swedish = claim_message(answer, "sv")
    assert "98,84 %" in swedish and "(villkoren för Office 365-support, punkt 4)" in swedish
    assert "(Office 365 -tuen ehdot, kohdat 4 ja 12)" in claim_message(answer, "fi")


def test_no_credit_when_the_sla_was_met_and_no_claim_to_file():
    english = claim_message(assess_claim(RULES, "teams", "2028-02", 41), "en")
    assert "which meets the 99.9% Microsoft guarantees, so no credit is due" in english
    assert "not from Microsoft" not in english and "To file the claim" not in english


def test_a_wrong_portal_claim_and_lost_data_are_said_to_the_customer():
    answer = assess_claim(RULES, "sharepoint-online", "2026-11", 100, data_loss=True, wrong_portal=True)
    english = claim_message(answer, "en")
    assert "withdraw it and send it to us within 30 days" in english
    assert "Lost data cannot be compensated" in english and "restore it from your backup" in english
    assert "(our Office 365 support terms, sections 4 and 12)" in english
    danish = claim_message(answer, "da")
    assert "inden 30 dage" in danish and "sikkerhedskopi" in danish


def test_the_agents_answer_cites_every_sentence_by_document_and_section():
    answer = assess_claim(RULES, "onedrive", "2027-02", 2017, wrong_portal=True)  # 94.99 %: 100 %
    with i18n.in_language("en"):
        lines = claim_lines(answer)
    assert lines[0].startswith("OneDrive for Business was up 94.99% of February 2027 (2,017 of 40,320 minutes down)")
    assert lines[0].endswith("(Microsoft “Service Level Agreement for Microsoft Online Services”)")
    assert any("within 30 days of being told. (Dustin “Villkor Office 365 Support” 2017:3 §4)" in line
               for line in lines)
    assert any(line.endswith("2017:3 §12)") and "six months" in line for line in lines)
    assert lines[-1].startswith("Next step: Ask the customer to correct the portal claim within 30 days")
    assert all(line.endswith(")") for line in lines[:-1])
    # Minutes grouped as the reader's language groups digits (sv: a no-break space).
    with i18n.in_language("sv"):
        assert "2\u00a0017 av 40\u00a0320" in claim_lines(answer)[0]
