"""`deskguide scope`: the JSON contract, the search, and bad input."""
from __future__ import annotations

import json

import pytest

from desktop.cli import main


def run_cli(capsys, *argv: str) -> tuple[int, dict | None, str, str]:
    code = main(["scope", *argv])
    captured = capsys.readouterr()
    payload = json.loads(captured.out) if "--json" in argv and captured.out.strip() else None
    return code, payload, captured.out, captured.err


def clauses(payload: dict) -> list[str]:
    return [reason["clause"] for reason in payload["reasons"]]


def test_an_included_topic_answers_in_scope_with_its_clause(capsys):
    code, payload, _, err = run_cli(capsys, "--topic", "password-reset", "--json")
    assert code == 0, err
    assert {"topic", "verdict", "reasons", "next_step"} <= set(payload)
    assert payload["topic"] == "password-reset"
    assert payload["verdict"] == "in_scope"
    assert clauses(payload) == ["§4"]
    reason = payload["reasons"][0]
    assert set(reason) >= {"clause", "text"} and reason["text"]
    assert payload["next_step"]
    assert payload["title"] and payload["version"] is None


def test_software_only_and_not_from_reseller_is_out_of_scope_with_both_reasons(capsys):
    code, payload, _, _ = run_cli(capsys, "--topic", "password-reset", "--support", "software-only",
                                  "--not-from-reseller", "--json")
    assert code == 0
    assert payload["verdict"] == "out_of_scope"
    assert [r["verdict"] for r in payload["reasons"]] == ["out_of_scope", "superuser_only", "in_scope"]
    assert clauses(payload) == ["§4", "§4", "§4"]
    assert "superuser" not in payload["next_step"]  # what to do comes from the strictest finding


def test_software_only_licence_is_superuser_only(capsys):
    code, payload, _, _ = run_cli(capsys, "--topic", "print-problem", "--support", "software-only", "--json")
    assert code == 0
    assert payload["verdict"] == "superuser_only"
    assert "superuser" in payload["next_step"]


def test_migrating_customer_is_out_of_scope(capsys):
    code, payload, _, _ = run_cli(capsys, "--topic", "user-admin", "--migrating", "--json")
    assert code == 0
    assert payload["verdict"] == "out_of_scope"
    assert "migrat" in payload["reasons"][0]["text"]


def test_missing_device_requirements_are_each_listed(capsys):
    code, payload, _, _ = run_cli(capsys, "--topic", "o365-client-access", "--no-antivirus", "--no-firewall",
                                  "--no-backup", "--json")
    assert code == 0
    assert payload["verdict"] == "conditional"
    assert clauses(payload) == ["§8", "§8", "§8", "§4"]
    text = " ".join(r["text"] for r in payload["reasons"]).lower()
    assert "antivirus" in text and "firewall" in text and "backup" in text


def test_a_smartphone_needs_no_antivirus_but_a_firewall(capsys):
    code, payload, _, _ = run_cli(capsys, "--topic", "mobile-o365", "--device", "smartphone", "--no-antivirus",
                                  "--json")
    assert code == 0 and payload["verdict"] == "in_scope" and clauses(payload) == ["§5"]
    code, payload, _, _ = run_cli(capsys, "--topic", "mobile-o365", "--device", "smartphone", "--no-firewall",
                                  "--json")
    assert code == 0 and payload["verdict"] == "conditional" and clauses(payload) == ["§8", "§5"]


@pytest.mark.parametrize(("topic", "version", "verdict", "label"), [
    ("os-problem", "Windows XP", "out_of_scope", "Windows XP"),
    ("os-problem", "win11", "in_scope", "Windows 11"),
    ("os-problem", "macOS 26", "out_of_scope", "macOS 26"),
    ("email-client", "Outlook 2010", "out_of_scope", "Outlook 2010"),
    ("email-client", "nya Outlook", "in_scope", "Outlook for Microsoft 365"),
    ("office-apps", "Office 2013", "in_scope", "Office 2013"),
])
def test_the_version_is_read_and_judged(capsys, topic, version, verdict, label):
    code, payload, _, _ = run_cli(capsys, "--topic", topic, "--version", version, "--json")
    assert code == 0
    assert payload["verdict"] == verdict and payload["version"] == label
    assert clauses(payload) == ["§5"]
    assert label in payload["reasons"][0]["text"]
    assert payload["next_step"]


def test_a_versioned_topic_without_a_version_asks_for_it(capsys):
    code, payload, _, _ = run_cli(capsys, "--topic", "email-client", "--json")
    assert code == 0 and payload["verdict"] == "conditional"
    assert payload["next_step"].startswith("Ask")


def test_permission_change_needs_the_managers_approval(capsys):
    _, waiting, _, _ = run_cli(capsys, "--topic", "permission-change", "--json")
    _, approved, _, _ = run_cli(capsys, "--topic", "permission-change", "--manager-approved", "--json")
    assert (waiting["verdict"], approved["verdict"]) == ("conditional", "in_scope")


@pytest.mark.parametrize(("approval", "verdict", "clause"), [
    ([], "conditional", "§4, §5"),
    (["--app-approved", "yes"], "third_party", "§4"),
    (["--app-approved", "no"], "out_of_scope", "§5"),
])
def test_third_party_app_follows_the_approval(capsys, approval, verdict, clause):
    code, payload, _, _ = run_cli(capsys, "--topic", "third-party-app", *approval, "--json")
    assert code == 0 and payload["verdict"] == verdict and clauses(payload) == [clause]


def test_topic_id_is_case_insensitive(capsys):
    code, payload, _, _ = run_cli(capsys, "--topic", "Server-Problem", "--json")
    assert code == 0 and payload["topic"] == "server-problem" and payload["verdict"] == "out_of_scope"


def test_human_output_names_verdict_reasons_and_next_step(capsys):
    code, _, out, _ = run_cli(capsys, "--topic", "os-problem", "--version", "Windows XP", "--no-backup")
    assert code == 0
    first = out.splitlines()[0]
    assert first.startswith("os-problem: OUT OF SCOPE")
    assert "§5" in out and "§8" in out and "Windows XP" in out and "backup" in out
    assert "Next step: " in out and out.strip().splitlines()[-1] != "Next step:"


# --- search ----------------------------------------------------------------------------------

def test_search_json_lists_matches_best_first(capsys):
    code, payload, _, _ = run_cli(capsys, "--search", "glömt lösenordet", "--json")
    assert code == 0
    matches = payload["matches"]
    assert matches[0]["topic"] == "password-reset"
    assert all(set(m) == {"topic", "title", "score"} for m in matches)
    scores = [m["score"] for m in matches]
    assert scores == sorted(scores, reverse=True) and len(matches) <= 10


@pytest.mark.parametrize(("text", "topic"), [
    ("skrivaren skriver inte ut", "print-problem"),
    ("glemt passord", "password-reset"),
    ("printeren virker ikke", "print-problem"),
    ("unohdin salasanan", "password-reset"),
    ("Azure AD Connect", "hybrid-identity-admin"),
])
def test_search_in_several_languages(capsys, text, topic):
    code, payload, _, _ = run_cli(capsys, "--search", text, "--json")
    assert code == 0 and payload["matches"][0]["topic"] == topic


def test_search_with_no_match(capsys):
    code, payload, _, _ = run_cli(capsys, "--search", "xqzvw blorp", "--json")
    assert code == 0 and payload == {"matches": [], "message": "No matching topic."}
    code, _, out, _ = run_cli(capsys, "--search", "xqzvw blorp")
    assert code == 0 and "No matching topic" in out


def test_search_human_output_lists_scores_ids_and_titles(capsys):
    code, _, out, _ = run_cli(capsys, "--search", "outlook startar inte")
    assert code == 0
    first = out.splitlines()[0]
    assert "email-client" in first and "E-mail client (Outlook)" in first
    assert float(first.split()[0]) > 60


# --- bad input -------------------------------------------------------------------------------

def test_an_unknown_topic_exits_2_with_the_closest_ids_and_writes_nothing(capsys, isolated_data):
    code, payload, out, err = run_cli(capsys, "--topic", "pasword", "--json")
    assert code == 2
    assert "'pasword'" in err and "password-reset" in err
    assert len(err.strip().splitlines()) == 1
    assert payload == {"error": payload["error"], "message": payload["error"]}
    assert "password-reset" in payload["error"]
    assert not isolated_data.exists(), "bad input must not create the database"
    assert not isolated_data.parent.exists()


@pytest.mark.parametrize(("argv", "named"), [
    (["--topic", "os-problem", "--version", "banana"], "'banana'"),
    (["--topic", "os-problem", "--version", "Office 2016"], "'Office 2016'"),  # not an operating system
    (["--topic", "print-problem", "--version", "dunno"], "'dunno'"),
    (["--topic", "os-problem", "--device", "laptop"], "'laptop'"),
    (["--topic", "os-problem", "--support", "premium"], "'premium'"),
    (["--topic", "third-party-app", "--app-approved", "maybe"], "'maybe'"),
    (["--topic", "printer-problem"], "'printer-problem'"),
])
def test_bad_input_exits_2_names_the_value_and_writes_nothing(capsys, isolated_data, argv, named):
    code, payload, out, err = run_cli(capsys, *argv, "--json")
    assert code == 2
    assert named in err and len(err.strip().splitlines()) == 1
    assert json.loads(out) == {"error": payload["error"], "message": payload["error"]}
    assert named in payload["error"]
    assert not isolated_data.exists(), "bad input must not create the database"


def test_a_bad_version_names_what_would_be_read(capsys):
    code, _, out, err = run_cli(capsys, "--topic", "email-client", "--version", "Windows 10")
    assert code == 2 and out == ""
    assert "'Windows 10'" in err and "e-mail client" in err and "Outlook 2016" in err


def test_topic_and_search_are_exclusive_and_one_is_required(capsys, isolated_data):
    code, _, _, err = run_cli(capsys, "--topic", "print-problem", "--search", "printer")
    assert code == 2 and "--search" in err
    code, _, _, err = run_cli(capsys)
    assert code == 2 and "--topic" in err
    assert not isolated_data.exists()


def test_an_answer_creates_the_database_and_a_second_answer_reuses_it(capsys, isolated_data):
    assert run_cli(capsys, "--topic", "migration", "--json")[1]["verdict"] == "out_of_scope"
    assert isolated_data.is_file()
    assert run_cli(capsys, "--topic", "migration", "--json")[1]["verdict"] == "out_of_scope"
