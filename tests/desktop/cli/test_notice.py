"""`deskguide notice --start ... --term ...`: the JSON contract and bad input."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from desktop.cli import main
from desktop.wording.notice import long_day_text


def run_cli(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, (json.loads(out) if "--json" in argv and out.strip() else None), out, err


def test_fixed_term_contract(capsys):
    code, payload, _, err = run_cli(capsys, "notice", "--start", "2024-02-29", "--term", "12", "--on", "2026-01-30",
                                    "--json")
    assert code == 0, err
    message = payload.pop("message")
    assert payload == {
        "term": "12", "on": "2026-01-30", "period_start": "2025-03-01", "period_end": "2026-02-28",
        "notice_deadline": "2026-01-29", "in_time": False, "ends_on": "2027-02-28", "renews_to": "2027-02-28",
        "deadline_warning": None,
    }
    _, _, out, _ = run_cli(capsys, "notice", "--start", "2024-02-29", "--term", "12", "--on", "2026-01-30")
    assert message == out.rstrip("\n")  # what the command says without --json


def test_nordic_dates_and_payg(capsys):
    code, payload, _, _ = run_cli(capsys, "notice", "--start", "01.06.2025", "--term", "payg", "--on", "22.11.2026",
                                  "--json")
    assert code == 0
    assert payload["term"] == "payg" and payload["in_time"] is True and payload["ends_on"] == "2026-11-22"
    assert payload["period_start"] is None and payload["notice_deadline"] is None and payload["renews_to"] is None


def test_a_deadline_on_a_closed_day_warns_with_the_countrys_calendar(capsys):
    # Period 2025-01-31..2026-01-30 ends; deadline 2025-12-31: New Year's Eve, closed in Sweden and Norway.
    for country in ("SE", "no"):
        code, payload, _, _ = run_cli(capsys, "notice", "--start", "2025-01-31", "--term", "12", "--on", "2025-11-22",
                                      "--country", country, "--json")
        assert code == 0
        assert payload["notice_deadline"] == "2025-12-31"
        assert payload["deadline_warning"]["reason"] == "New Year's Eve"
        assert payload["deadline_warning"]["safe_day"] == "2025-12-30"


def test_a_deadline_on_a_weekend_names_the_friday(capsys):
    # Start 2025-02-15: the period ends 2026-02-14, deadline 2026-01-15 (Thursday: no warning);
    # start 2025-02-17: deadline 2026-01-17, a Saturday -> the safe day is Friday the 16th.
    _, payload, _, _ = run_cli(capsys, "notice", "--start", "2025-02-17", "--term", "12", "--on", "2025-12-01",
                               "--country", "DK", "--json")
    assert payload["notice_deadline"] == "2026-01-17"
    assert payload["deadline_warning"]["reason"] == "weekend"
    assert payload["deadline_warning"]["safe_day"] == "2026-01-16"


def test_human_output_says_what_happens_and_how_to_cancel(capsys):
    code, _, out, _ = run_cli(capsys, "notice", "--start", "2023-01-15", "--term", "36", "--on", "2026-11-22")
    assert code == 0
    assert long_day_text(dt.date(2026, 12, 15)) in out  # the deadline
    assert "in time" in out and long_day_text(dt.date(2027, 1, 14)) in out and "cspavtal@dustin.se" in out


@pytest.mark.parametrize("argv, named", [
    (["--start", "2027-01-01", "--term", "12", "--on", "2026-11-22"], "'2027-01-01'"),
    (["--start", "31.02.2026", "--term", "12"], "'31.02.2026'"),
    (["--start", "11/12/2026", "--term", "12"], "'11/12/2026'"),
    (["--start", "2026-01-01", "--term", "18"], "'18'"),
    (["--start", "2026-01-01", "--term", "12", "--country", "IS"], "'IS'"),
    (["--start", "2026-01-01", "--term", "12", "--on", "tomorrow"], "'tomorrow'"),
])
def test_bad_input_exits_2_and_writes_nothing(capsys, isolated_data, argv, named):
    code, payload, out, err = run_cli(capsys, "notice", *argv, "--json")
    assert code == 2
    assert named in err and named in payload["error"]
    assert len(err.strip().splitlines()) == 1
    assert not isolated_data.exists()


def test_start_and_term_are_needed_without_a_subscription(capsys, isolated_data):
    code, _, _, err = run_cli(capsys, "notice", "--term", "12")
    assert code == 2 and "--start" in err and not isolated_data.exists()
