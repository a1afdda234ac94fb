"""`--customer-message` on scope, notice and escalate (issue 16, "Messages for the
customer"): the message the agent would paste, in --lang, instead of the answer."""
from __future__ import annotations

import getpass
import re

import pytest

from tests.desktop.cli.cli_run import run

INTERNAL_REF = re.compile(r"\b\d{3}:\d+")
PHONES = {"SE": "+46770176100", "NO": "+4781503636", "DK": "+4589871001", "FI": "+358753251111"}


def _signed(out: str, phone: str) -> None:
    tail = out.strip().splitlines()[-3:]
    assert tail[1] == getpass.getuser(), tail  # the agent: this computer's user
    assert phone in tail[2], tail


def test_scope_prints_the_swedish_message_not_the_answer(capsys):
    code, _, out, err = run(capsys, "scope", "--topic", "email-client", "--version", "Outlook 2010",
                            "--customer-message", "--lang", "sv")
    assert code == 0, err
    assert out.startswith("Hej,") and "OUT OF SCOPE" not in out and "Nästa steg" not in out
    assert "villkoren för Office 365-support, punkt 5" in out
    assert "Outlook 2010" in out and "or later" not in out and not INTERNAL_REF.search(out)
    _signed(out, PHONES["SE"])


def test_scope_without_a_version_asks_the_customer_not_the_agent(capsys):
    code, _, out, _ = run(capsys, "scope", "--topic", "email-client", "--customer-message", "--lang", "nb")
    assert code == 0
    assert "Spør hvilken versjon kunden har" not in out and "kunden har" not in out
    assert "Windows Live Mail" in out and "or later" not in out
    _signed(out, PHONES["NO"])


def test_scope_country_chooses_the_desk_phone(capsys):
    code, _, out, _ = run(capsys, "scope", "--topic", "password-reset", "--customer-message", "--lang", "en",
                          "--country", "FI")
    assert code == 0
    assert out.startswith("Hello,") and "our Office 365 support terms, section 4" in out
    _signed(out, PHONES["FI"])


def test_scope_customer_message_with_json_gives_the_text_and_its_language(capsys):
    code, payload, _, _ = run(capsys, "scope", "--topic", "password-reset", "--customer-message", "--lang", "da",
                              "--json")
    assert code == 0
    assert payload["language"] == "da" and payload["customer_message"].startswith("Hej")
    assert payload["customer_message"] == payload["message"]


def test_notice_prints_the_finnish_message(capsys):
    code, _, out, err = run(capsys, "notice", "--start", "2026-01-15", "--term", "12", "--on", "2026-11-23",
                            "--country", "FI", "--customer-message", "--lang", "fi")
    assert code == 0, err
    assert out.startswith("Hei") and "Irtisanomisen määräaika" not in out
    assert "cspavtal@dustin.se" in out  # where the customer sends the notice
    _signed(out, PHONES["FI"])


def test_escalate_prints_the_danish_summary_without_internal_references(capsys):
    code, _, out, err = run(capsys, "escalate", "--severity", "B", "--country", "DK", "--opened",
                            "2026-12-23T15:00", "--customer-message", "--lang", "da")
    assert code == 0, err
    assert not INTERNAL_REF.search(out) and "Severity B, Unified" not in out
    assert "bilag A" in out
    _signed(out, PHONES["DK"])


@pytest.mark.parametrize("argv", [
    ["scope", "--topic", "password-reset"],
    ["escalate", "--severity", "C", "--country", "SE", "--opened", "2026-12-23T10:00"],
])
def test_the_answer_cites_documents_not_line_numbers(capsys, argv):
    code, _, out, _ = run(capsys, *argv)
    assert code == 0
    assert not INTERNAL_REF.search(out), out
    assert "“Villkor Office 365 Support” 2017:3 §" in out or "Unified Enterprise Support Services" in out
