"""`deskguide hours` and `deskguide overrides`: the JSON contract and bad input; overrides on a
SQLite file and on a team's PostgreSQL database (`cli_database`)."""
from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys

import pytest

from desktop.cli import main
from desktop.wording.hours import moment_text
from domain.store import open_store


def run_cli(capsys, *argv: str) -> tuple[int, dict | None, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    payload = json.loads(captured.out) if "--json" in argv and captured.out.strip() else None
    return code, payload, captured.out, captured.err


def test_issue_example_sweden_christmas_eve(capsys):
    code, payload, _, err = run_cli(capsys, "hours", "--country", "SE", "--at", "2026-12-24T10:00", "--json")
    assert code == 0, err
    assert payload["open"] is False
    assert payload["closed_reason"] == "Christmas Eve"
    assert payload["next_open"] == "2026-12-28T08:00:00+01:00"
    assert payload["closes_at"] is None
    assert payload["phone"] == "+46770176100"
    assert payload["email"] == "servicedesk@dustin.eu"
    assert payload["timezone"] == "Europe/Stockholm"


def test_country_code_is_case_insensitive(capsys):
    code, payload, _, _ = run_cli(capsys, "hours", "--country", "fi", "--at", "2026-11-23T09:00", "--json")
    assert code == 0
    assert payload["country"] == "FI"
    assert payload["open"] is True
    assert payload["closes_at"] == "2026-11-23T16:00:00+02:00"
    assert payload["next_open"] is None and payload["closed_reason"] is None


def test_without_country_answers_all_four_in_their_own_wall_time(capsys):
    # 16:30 wall time in each country on a Monday: only Sweden (until 17:00) is open.
    code, payload, _, _ = run_cli(capsys, "hours", "--at", "2026-11-23T16:30", "--json")
    assert code == 0
    by_country = {item["country"]: item for item in payload["countries"]}
    assert list(by_country) == ["SE", "NO", "DK", "FI"]
    assert by_country["SE"]["open"] is True
    assert by_country["SE"]["closes_at"] == "2026-11-23T17:00:00+01:00"
    for country in ("NO", "DK", "FI"):
        assert by_country[country]["open"] is False
        assert by_country[country]["closed_reason"] == "outside_hours"
    assert by_country["FI"]["next_open"] == "2026-11-24T08:00:00+02:00"


def test_time_with_offset_is_one_instant_for_every_desk(capsys):
    # 07:30 UTC on a Monday is 08:30 in Stockholm (open) and 09:30 in Helsinki (open);
    # 06:30 UTC is 07:30 in Stockholm (closed) but 08:30 in Helsinki (open).
    code, payload, _, _ = run_cli(capsys, "hours", "--at", "2026-11-23T06:30Z", "--json")
    assert code == 0
    by_country = {item["country"]: item for item in payload["countries"]}
    assert by_country["SE"]["open"] is False
    assert by_country["SE"]["next_open"] == "2026-11-23T08:00:00+01:00"
    assert by_country["FI"]["open"] is True


def test_weekend_reason_and_next_monday(capsys):
    code, payload, _, _ = run_cli(capsys, "hours", "--country", "DK", "--at", "2026-11-21T12:00", "--json")
    assert code == 0
    assert payload["closed_reason"] == "weekend"
    assert payload["next_open"] == "2026-11-23T08:00:00+01:00"


def test_unreviewed_year_carries_a_warning(capsys):
    code, payload, _, _ = run_cli(capsys, "hours", "--country", "NO", "--at", "2035-06-04T10:00", "--json")
    assert code == 0
    assert [w["code"] for w in payload["warnings"]] == ["year_not_reviewed"]
    assert "2035" in payload["warnings"][0]["message"]


def test_human_output_names_state_reason_and_phone(capsys):
    code, _, out, _ = run_cli(capsys, "hours", "--country", "SE", "--at", "2026-12-24T10:00")
    assert code == 0
    assert "CLOSED" in out and "Christmas Eve" in out
    assert moment_text(dt.datetime(2026, 12, 28, 8, 0)) in out  # opens Monday 08:00, as the desk card says
    assert "+46 77 017 61 00" in out


@pytest.mark.parametrize(
    ("argv", "named"),
    [
        (["hours", "--country", "XX"], "'XX'"),
        (["hours", "--country", "Sverige"], "'Sverige'"),
        (["hours", "--at", "24.12.2026 10:00"], "'24.12.2026 10:00'"),
        (["hours", "--at", "2026-02-30T10:00"], "'2026-02-30T10:00'"),
        (["hours", "--frobnicate"], "--frobnicate"),
        (["overrides", "close-date", "--country", "SE", "--date", "2026-13-01"], "'2026-13-01'"),
        (["overrides", "shorten-day", "--country", "NO", "--date", "2026-12-23", "--closes", "25:00"], "'25:00'"),
        (["overrides", "set-hours", "--country", "DK", "--weekday", "fri", "--hours", "16:00-08:00"], "16:00-08:00"),
        (["overrides", "set-hours", "--country", "DK", "--weekday", "funday", "--closed"], "'funday'"),
    ],
)
def test_bad_input_exits_2_names_the_value_and_writes_nothing(capsys, isolated_data, argv, named):
    code, payload, out, err = run_cli(capsys, *argv, "--json")
    assert code == 2
    assert named in err
    assert len(err.strip().splitlines()) == 1
    # One JSON object: the English error as ever, and the same sentence as "message" (English here).
    assert json.loads(out) == {"error": payload["error"], "message": payload["error"]}
    assert named in payload["error"]
    assert not isolated_data.exists(), "bad input must not create the database"


def test_bad_input_without_json_prints_nothing_on_stdout(capsys):
    code, _, out, err = run_cli(capsys, "hours", "--country", "XX")
    assert code == 2 and out == "" and "'XX'" in err


def test_override_lifecycle_changes_the_answer_and_shows_its_origin(capsys, cli_database):
    db = cli_database.args
    code, payload, _, _ = run_cli(capsys, "overrides", "shorten-day", "--country", "SE", "--date", "2026-12-23",
                                  "--closes", "13:00", "--note", "Staff Christmas lunch", "--by", "Anna", "--json",
                                  *db)
    assert code == 0
    override_id = payload["added"]["id"]
    assert payload["added"]["kind"] == "shortened_day"

    _, payload, _, _ = run_cli(capsys, "hours", "--country", "SE", "--at", "2026-12-23T12:00", "--json", *db)
    assert payload["open"] is True
    assert payload["closes_at"] == "2026-12-23T13:00:00+01:00"
    assert "Staff Christmas lunch" in payload["origin"] and "Anna" in payload["origin"]

    _, payload, _, _ = run_cli(capsys, "overrides", "list", "--country", "se", "--json", *db)
    assert [item["id"] for item in payload["overrides"]] == [override_id]

    code, _, _, _ = run_cli(capsys, "overrides", "remove", str(override_id), "--json", *db)
    assert code == 0
    _, payload, _, _ = run_cli(capsys, "hours", "--country", "SE", "--at", "2026-12-23T12:00", "--json", *db)
    assert payload["closes_at"] == "2026-12-23T17:00:00+01:00"


def test_closed_date_override_is_the_reason(capsys, cli_database):
    db = cli_database.args
    run_cli(capsys, "overrides", "close-date", "--country", "FI", "--date", "2026-11-27", "--note", "Office move", *db)
    _, payload, _, _ = run_cli(capsys, "hours", "--country", "FI", "--at", "2026-11-27T10:00", "--json", *db)
    assert payload["open"] is False
    assert payload["closed_reason"] == "Office move"
    assert payload["next_open"] == "2026-11-30T08:00:00+02:00"


def test_removing_an_unknown_override_is_bad_input(capsys, cli_database):
    code, payload, _, err = run_cli(capsys, "overrides", "remove", "999", "--json", *cli_database.args)
    assert code == 2 and "999" in err and "999" in payload["error"]


def test_db_option_points_elsewhere(capsys, tmp_path, isolated_data, now):
    elsewhere = tmp_path / "other" / "desk.sqlite3"
    open_store(elsewhere, now=now).close()
    code, _, _, _ = run_cli(capsys, "hours", "--db", str(elsewhere), "--json")
    assert code == 0
    assert not isolated_data.exists()


def test_installed_command_prints_exactly_one_json_object(tmp_path, now):
    open_store(tmp_path / "db.sqlite3", now=now).close()
    env = {**os.environ, "DESKGUIDE_DB": str(tmp_path / "db.sqlite3")}
    env.pop("QT_QPA_PLATFORM", None)
    result = subprocess.run(
        [sys.executable, "-c", "import sys; from desktop.cli import main; "
                               "code = main(); assert 'PySide6' not in sys.modules; sys.exit(code)",
         "hours", "--json"],
        capture_output=True, text=True, env=env, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)  # one object, nothing else on stdout
    assert sorted(item["country"] for item in payload["countries"]) == ["DK", "FI", "NO", "SE"]
