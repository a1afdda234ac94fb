"""`deskguide claim` (issue 19): the JSON contract, the answer in --lang, the customer's
message, bad input (one line, exit 2) and no database, ever: the rules are reference data."""
from __future__ import annotations

import json

import pytest

from tests.desktop.cli.cli_run import run

CONTRACT = {"service", "month", "uptime_percent", "sla_percent", "credit_percent", "claim_to",
            "paid_after_microsoft", "cap", "excluded", "next_step", "reasons"}


def claim(capsys, *argv):
    return run(capsys, "claim", *argv)


def test_the_json_answer_keeps_the_issues_contract_and_opens_no_database(capsys, isolated_data):
    code, payload, out, err = claim(capsys, "--service", "exchange-online", "--outage-minutes", "500",
                                    "--month", "2026-11", "--json")
    assert code == 0 and err == ""
    assert CONTRACT <= set(payload)
    assert payload["service"] == "exchange-online" and payload["month"] == "2026-11"
    assert (payload["uptime_percent"], payload["sla_percent"], payload["credit_percent"]) == (98.84, 99.9, 50)
    assert payload["claim_to"] == "reseller" and payload["paid_after_microsoft"] is True
    assert payload["cap"] == "six-months-fees" and payload["excluded"] == ["data-loss", "consequential-loss"]
    assert payload["next_step"] == "collect-claim-details"
    assert [r["clause"] for r in payload["reasons"]] == ["SLA", "§4", "§4", "§12", "§12", "§4, §12", "§8"]
    assert all(set(r) >= {"clause", "text"} and r["text"] for r in payload["reasons"])
    assert not isolated_data.exists() and not isolated_data.parent.exists(), "claim needs no database"


def test_json_texts_stay_english_in_another_language_and_the_message_follows_lang(capsys, isolated_data):
    code, payload, out, err = claim(capsys, "--service", "teams", "--outage-minutes", "42", "--month", "2028-02",
                                    "--json", "--lang", "sv")
    assert code == 0 and payload["credit_percent"] == 25 and payload["month_minutes"] == 41760
    assert payload["reasons"][0]["text"].startswith("Microsoft Teams was up 99.89% of February 2028")
    assert payload["message"].startswith("Microsoft Teams var i drift 99,89 % av februari 2028")


def test_the_answer_as_text_cites_each_sentence_and_ends_with_the_next_step(capsys, isolated_data):
    code, _, out, err = claim(capsys, "--service", "m365-apps", "--outage-minutes", "0", "--month", "2026-12",
                              "--data-loss")
    lines = out.strip().splitlines()
    assert code == 0 and "no Service Credit is due" in lines[0]
    assert any("Help them restore from their backup" in line and line.endswith("§4, §12)") for line in lines)
    assert lines[-1] == ("Next step: Tell the customer the month's uptime met Microsoft's SLA, so no Service "
                         "Credit is due.")


def test_a_wrong_portal_claim_comes_first_in_the_next_step(capsys, isolated_data):
    code, payload, *_ = claim(capsys, "--service", "onedrive", "--outage-minutes", "2017", "--month", "2027-02",
                              "--wrong-portal", "--json")
    assert code == 0 and payload["credit_percent"] == 100 and payload["next_step"] == "withdraw-portal-claim"
    assert payload["wrong_portal"] is True


@pytest.mark.parametrize("language, greeting, cited", [
    ("en", "Hello,", "(our Office 365 support terms, section 4)"),
    ("sv", "Hej,", "(villkoren för Office 365-support, punkt 4)"),
    ("nb", "Hei,", "(vilkårene for Office 365-support, punkt 4)"),
    ("da", "Hej,", "(vilkårene for Office 365-support, punkt 4)"),
    ("fi", "Hei,", "(Office 365 -tuen ehdot, kohta 4)"),
])
def test_the_customer_message_in_five_languages(capsys, isolated_data, language, greeting, cited):
    code, _, out, err = claim(capsys, "--service", "sharepoint-online", "--outage-minutes", "447", "--month",
                              "2026-12", "--customer-message", "--lang", language, "--agent", "Åsa Öberg")
    assert code == 0 and out.startswith(greeting) and cited in out
    assert "Åsa Öberg" in out and "003:" not in out
    assert not isolated_data.exists()


def test_the_customer_message_as_json(capsys, isolated_data):
    code, payload, *_ = claim(capsys, "--service", "teams", "--outage-minutes", "44", "--month", "2026-11",
                              "--customer-message", "--lang", "nb", "--json")
    assert code == 0 and payload["language"] == "nb"
    assert payload["customer_message"].startswith("Hei,") and "kreditering på 25 %" in payload["customer_message"]


@pytest.mark.parametrize(("argv", "named"), [
    (["--service", "exchange", "--outage-minutes", "5", "--month", "2026-11"], "'exchange'"),
    (["--service", "teams", "--outage-minutes", "5", "--month", "2026-13"], "'2026-13'"),
    (["--service", "teams", "--outage-minutes", "5", "--month", "November"], "'November'"),
    (["--service", "teams", "--outage-minutes", "-1", "--month", "2026-11"], "-1"),
    (["--service", "teams", "--outage-minutes", "43201", "--month", "2026-11"], "43201"),
    (["--service", "teams", "--outage-minutes", "40321", "--month", "2027-02"], "40321"),
    (["--service", "teams", "--outage-minutes", "1.5", "--month", "2026-11"], "'1.5'"),
    (["--service", "teams", "--month", "2026-11"], "--outage-minutes"),
])
def test_bad_input_exits_2_with_one_line_and_no_database(capsys, isolated_data, argv, named):
    code, payload, out, err = claim(capsys, *argv, "--json")
    assert code == 2
    assert named in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert json.loads(out) == {"error": payload["error"], "message": payload["error"]}
    assert not isolated_data.exists() and not isolated_data.parent.exists()


def test_bad_input_names_the_option_in_the_language_asked_for(capsys, isolated_data):
    code, _, out, err = claim(capsys, "--service", "teams", "--outage-minutes", "99999", "--month", "2026-11",
                              "--lang", "sv")
    assert code == 2
    assert err.strip() == "deskguide: --outage-minutes: 99999 är inte mellan 0 och 43200, minuterna i 2026-11"
