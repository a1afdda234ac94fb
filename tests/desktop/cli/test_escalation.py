"""`deskguide escalate`: the JSON contract, the timeline, times with and without offset, bad input."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from desktop.cli import main
from desktop.wording.hours import date_text, moment_text

CONTRACT_KEYS = {"severity", "offering", "target_minutes", "clock", "due", "customer_obligations", "submit_via",
                 "languages"}


def run_cli(capsys, *argv: str) -> tuple[int, dict | None, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    payload = json.loads(captured.out) if "--json" in argv and captured.out.strip() else None
    return code, payload, captured.out, captured.err


def test_the_issue_example_sweden_severity_b_before_christmas(capsys, cli_database):
    code, payload, _, err = run_cli(capsys, "escalate", "--severity", "B", "--country", "SE",
                                    "--opened", "2026-12-23T16:45", "--json", *cli_database.args)
    assert code == 0, err
    assert CONTRACT_KEYS <= set(payload)
    assert payload["severity"] == "B"
    assert payload["offering"] == "unified"  # the default
    assert payload["target_minutes"] == 120
    assert payload["clock"] == "business_hours"
    assert payload["due"] == "2026-12-28T10:15:00+01:00"
    assert any("change-control authority within 4 business hours" in d for d in payload["customer_obligations"])
    assert "phone" in payload["submit_via"]
    assert payload["languages"][0] == "English"
    assert "timeline" not in payload


def test_explain_adds_the_timeline_of_counted_minutes_and_skipped_days(capsys):
    code, payload, _, _ = run_cli(capsys, "escalate", "--severity", "C", "--country", "NO", "--offering",
                                  "rapid-response", "--opened", "2026-04-01T15:00", "--explain", "--json")
    assert code == 0
    assert payload["due"] == "2026-04-07T10:30:00+02:00"
    assert [(d["day"], d["skipped"]) for d in payload["timeline"]] == [
        ("2026-04-01", None), ("2026-04-02", "Maundy Thursday"), ("2026-04-03", "Good Friday"),
        ("2026-04-04", "weekend"), ("2026-04-05", "Easter Sunday"), ("2026-04-06", "Easter Monday"),
        ("2026-04-07", None)]
    assert payload["timeline"][0]["counted"] == [
        {"from": "2026-04-01T15:00:00+02:00", "to": "2026-04-01T17:30:00+02:00", "minutes": 150}]
    assert sum(day["minutes"] for day in payload["timeline"]) == 240
    # Not an Azure component: Rapid Response does not apply, and the answer says so.
    assert any("Azure components only" in note for note in payload["notes"])


def test_severity_1_azure_with_enhanced_response(capsys):
    code, payload, _, _ = run_cli(capsys, "escalate", "--severity", "1", "--country", "FI", "--offering",
                                  "enhanced-response", "--azure", "--opened", "2026-11-28T03:10", "--json")
    assert code == 0
    assert (payload["target_minutes"], payload["clock"]) == (15, "24x7")
    assert payload["due"] == "2026-11-28T03:25:00+02:00"  # Saturday night: 24x7
    assert payload["languages"] == ["English", "Chinese", "Japanese"]
    assert any("24x7" in duty for duty in payload["customer_obligations"])


def test_event_management_submits_through_the_azure_portal_with_aem_in_the_description(capsys):
    code, payload, _, _ = run_cli(capsys, "escalate", "--severity", "1", "--country", "DK", "--offering",
                                  "event-management", "--azure", "--opened", "2026-11-24T10:00", "--json")
    assert code == 0
    assert payload["target_minutes"] == 15
    assert "Azure portal" in payload["submit_via"] and '"AEM"' in payload["submit_via"]
    assert payload["languages"] == ["English"]
    assert "30 minutes" in payload["extra"]


@pytest.mark.parametrize("opened", [
    "2026-12-23T16:45",  # wall time in Sweden
    "2026-12-23 16:45",  # the same, written with a space
    "2026-12-23T15:45Z",  # that instant in UTC
    "2026-12-23T16:45+01:00",
    "2026-12-23T17:45+02:00",  # that instant written in Finnish time
])
def test_times_with_and_without_offset_mean_the_same_moment(capsys, opened):
    code, payload, _, _ = run_cli(capsys, "escalate", "--severity", "B", "--country", "SE", "--opened", opened,
                                  "--json")
    assert code == 0
    assert payload["opened"] == "2026-12-23T16:45:00+01:00"
    assert payload["due"] == "2026-12-28T10:15:00+01:00"


def test_a_time_without_offset_is_the_wall_time_in_the_customers_country(capsys):
    # 16:45 in Helsinki is 15:45 in Stockholm: the same wall time is a different instant.
    _, fi, _, _ = run_cli(capsys, "escalate", "--severity", "B", "--country", "FI", "--opened",
                          "2026-12-23T16:45", "--json")
    assert fi["opened"] == "2026-12-23T16:45:00+02:00"
    assert fi["due"] == "2026-12-28T10:15:00+02:00"
    # With an offset it is that instant, shown in the customer's own time.
    _, fi, _, _ = run_cli(capsys, "escalate", "--severity", "B", "--country", "FI", "--opened",
                          "2026-12-23T16:45+01:00", "--json")
    assert fi["opened"] == "2026-12-23T17:45:00+02:00"  # after closing in Finland
    assert fi["due"] == "2026-12-28T11:00:00+02:00"


def test_severity_1_on_the_spring_forward_night(capsys):
    _, payload, _, _ = run_cli(capsys, "escalate", "--severity", "1", "--country", "SE", "--opened",
                               "2026-03-29T01:30", "--json")
    assert payload["due"] == "2026-03-29T03:30:00+02:00"
    due, opened = (dt.datetime.fromisoformat(payload[k]) for k in ("due", "opened"))
    assert due - opened == dt.timedelta(minutes=60)  # fixed offsets: elapsed time


def test_severity_and_country_are_case_insensitive(capsys):
    code, payload, _, _ = run_cli(capsys, "escalate", "--severity", "a", "--country", "dk", "--opened",
                                  "2026-11-24T23:30", "--json")
    assert code == 0
    assert (payload["severity"], payload["target_minutes"], payload["clock"]) == ("A", 60, "24x7")
    assert payload["due"] == "2026-11-25T00:30:00+01:00"


def test_human_output_names_target_due_duties_and_the_timeline(capsys):
    code, _, out, _ = run_cli(capsys, "escalate", "--severity", "B", "--country", "SE", "--opened",
                              "2026-12-23T16:45", "--explain")
    assert code == 0
    assert "120 minutes" in out and f"due {moment_text(dt.datetime(2026, 12, 28, 10, 15), with_year=True)}" in out
    assert "change-control authority" in out
    assert f"{date_text(dt.date(2026, 12, 24))}: skipped, Christmas Eve" in out
    assert f"{date_text(dt.date(2026, 12, 28))}: 09:00–10:15, 75 min" in out


@pytest.mark.parametrize(("argv", "named"), [
    (["--severity", "X", "--country", "SE", "--opened", "2026-11-24T10:00"], "'X'"),
    (["--severity", "B", "--country", "SE", "--opened", "2026-11-24T10:00", "--offering", "premier"], "'premier'"),
    (["--severity", "B", "--country", "IS", "--opened", "2026-11-24T10:00"], "'IS'"),
    (["--severity", "B", "--country", "SE", "--opened", "nonsense"], "'nonsense'"),
    (["--severity", "B", "--country", "SE", "--opened", "2026-02-30T10:00"], "'2026-02-30T10:00'"),
    # As in `deskguide hours`: only ISO 8601, a Nordic day.month.year is refused, never guessed.
    (["--severity", "B", "--country", "SE", "--opened", "24.12.2026 10:00"], "'24.12.2026 10:00'"),
    (["--severity", "B", "--country", "SE"], "--opened"),
])
def test_bad_input_exits_2_names_the_value_and_writes_nothing(capsys, isolated_data, argv, named):
    code, payload, out, err = run_cli(capsys, "escalate", *argv, "--json")
    assert code == 2
    assert named in err
    assert len(err.strip().splitlines()) == 1
    assert json.loads(out) == {"error": payload["error"], "message": payload["error"]}
    assert named in payload["error"]
    assert not isolated_data.exists(), "bad input must not create the database"


def test_bad_input_without_json_prints_nothing_on_stdout(capsys, isolated_data):
    code, _, out, err = run_cli(capsys, "escalate", "--severity", "X", "--country", "SE", "--opened",
                                "2026-11-24T10:00")
    assert code == 2 and out == "" and "'X'" in err
    assert not isolated_data.exists()


def test_escalating_a_product_whose_support_has_ended_warns_first(capsys, cli_database):
    # Exchange Server 2016's extended support ended 2025-10-14.
    code, payload, _, err = run_cli(capsys, "escalate", "--severity", "A", "--country", "NO", "--opened",
                                    "2026-11-23T10:00", "--product", "Exchange 2016", "--json", *cli_database.args)
    assert code == 0, err
    assert payload["product"]["name"] == "Exchange Server 2016" and payload["product"]["phase"] == "ended"
    assert "2025-10-14" in payload["product"]["warning"]
    assert payload["notes"][0] == payload["product"]["warning"]
    # The phase is judged on the day the case was opened: in 2024 it was still supported.
    _, payload, _, _ = run_cli(capsys, "escalate", "--severity", "A", "--country", "NO", "--opened",
                               "2024-06-03T10:00", "--product", "Exchange 2016", "--json", *cli_database.args)
    assert payload["product"]["phase"] == "extended" and payload["product"]["warning"] is None


def test_an_ambiguous_product_is_bad_input_listing_the_candidates(capsys, isolated_data):
    code, payload, _, err = run_cli(capsys, "escalate", "--severity", "B", "--country", "SE", "--opened",
                                    "2026-11-23T10:00", "--product", "Windows 11", "--json")
    assert code == 2
    assert "Windows 11 24H2 (Home, Pro)" in payload["error"] and "--product" in err
    assert not isolated_data.exists()
