"""The scope verdict written to the customer, in the customer's language (not the agent's)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.common import i18n
from desktop.common.i18n import _
from desktop.wording.letters.scope import scope_message
from domain.scope import CustomerFacts, Support, Verdict, evaluate
from domain.scope_data import load_scope

ROOT = Path(__file__).resolve().parents[4]
CATALOGUE = load_scope()[1]


def answer_for(topic_id: str, **facts):
    return evaluate(CATALOGUE, topic_id, CustomerFacts(**facts))


def said_in(language: str, text: str) -> str:
    with i18n.in_language(language):
        return _(text)


def test_the_english_message_names_the_topic_the_verdict_its_reasons_and_what_happens_next():
    answer = answer_for("password-reset", from_reseller=False)
    message = scope_message(answer, answer.topic, "en")
    lines = message.splitlines()

    assert lines[0] == "Hello,"
    assert "“Forgotten Office 365 password”" in message
    assert "Unfortunately, this is not covered by your Office 365 support." in lines
    reason = CATALOGUE.facts["not_from_reseller"].text
    assert f"- {reason} (our Office 365 support terms, section 4)" in lines
    # Only what decides the verdict: the topic itself is included, which no longer matters.
    assert "Resetting a user's Office 365 password is included" not in message
    assert "separately charged service" in message
    assert lines[-1] == "Kind regards"  # unsigned without a signature; signed: test_customer_messages.py
    # The agent's instructions are not pasted to the customer.
    assert answer.next_step not in message and "Tell the customer" not in message


@pytest.mark.parametrize(("topic_id", "facts", "verdict", "sentence"), [
    ("password-reset", {}, Verdict.IN_SCOPE, "This is covered by your Office 365 support."),
    ("permission-change", {}, Verdict.CONDITIONAL,
     "This is covered by your Office 365 support once the conditions below are met."),
    ("third-party-app", {"app_approved": True}, Verdict.THIRD_PARTY,
     "This is not handled by our Office 365 support but by the vendor of the app."),
    ("password-reset", {"support": Support.SOFTWARE_ONLY}, Verdict.SUPERUSER_ONLY,
     "Your Office 365 support covers this for your organisation's superuser only, not for each user."),
    ("server-problem", {}, Verdict.OUT_OF_SCOPE, "Unfortunately, this is not covered by your Office 365 support."),
])
def test_each_verdict_is_told_in_its_own_words_with_its_clauses(topic_id, facts, verdict, sentence):
    answer = answer_for(topic_id, **facts)
    assert answer.verdict is verdict
    message = scope_message(answer, answer.topic, "en")
    assert sentence in message.splitlines()
    for reason in answer.reasons:
        if reason.verdict is verdict:
            assert f"- {reason.text} (our Office 365 support terms, section" in message


@pytest.mark.parametrize("language", i18n.LANGUAGES)
def test_the_topic_is_named_in_the_customers_language(language):
    answer = answer_for("print-problem")
    message = scope_message(answer, answer.topic, language)
    assert answer.topic.title(language) in message
    if language != "en":
        assert answer.topic.title("en") not in message


def test_a_finnish_message_while_the_agent_reads_swedish_is_finnish_and_the_agent_keeps_swedish():
    i18n.set_language("sv")
    answer = answer_for("password-reset", from_reseller=False)
    reason = CATALOGUE.facts["not_from_reseller"].text

    message = scope_message(answer, answer.topic, "fi")

    lines = message.splitlines()
    assert lines[0] == said_in("fi", "Hello,") != "Hello,"
    assert answer.topic.title("fi") in message
    not_covered = "Unfortunately, this is not covered by your Office 365 support."
    assert said_in("fi", not_covered) in lines and not_covered not in lines
    finnish_reason = said_in("fi", reason)
    assert finnish_reason != reason
    assert f"- {finnish_reason} (Office 365 -tuen ehdot, kohta 4)" in lines
    assert lines[-1] == said_in("fi", "Kind regards") != "Kind regards"
    assert said_in("sv", "Hello,") not in lines  # not the agent's Swedish
    # The agent's own language is back.
    assert i18n.current_locale() == "sv"
    assert _("Next step") == said_in("sv", "Next step") != "Next step"


def test_the_message_builder_imports_no_qt():
    code = ("import sys\nimport desktop.wording.letters.scope\n"
            "qt = [m for m in sys.modules if m.startswith('PySide6')]\nassert not qt, qt\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=dict(os.environ), capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr
