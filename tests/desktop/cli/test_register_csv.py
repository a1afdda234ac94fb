"""`deskguide import` and `deskguide export`: counts, every problem of a bad file, nothing written;
the same answers on a SQLite file and on a team's PostgreSQL database (`cli_database`)."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from desktop import cli
from desktop.cli.context import CliContext
from domain.customer_csv import COLUMNS

DATA = Path(__file__).resolve().parents[2] / "data"
EXAMPLE = str(DATA / "register-semicolon.csv")


# Monday 23 November 2026, 12:00 UTC, as tests/conftest.py's `now`.
CONTEXT = CliContext.pinned(dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.timezone.utc))


def main(argv) -> int:
    return cli.main(argv, CONTEXT)


def run_cli(capsys, *argv: str) -> tuple[int, dict | None, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    payload = json.loads(captured.out) if "--json" in argv and captured.out.strip() else None
    return code, payload, captured.out, captured.err


REGISTER = ("customer", "subscription")


def bad_file(tmp_path: Path) -> Path:
    lines = [
        ";".join(COLUMNS),
        "C-1;Åkesson AB;556677-8899;SE;;;;;;S-1;Microsoft 365 E3;12;22.11.2025;25;ja;ja",
        "C-2;Beta AB;;SE;;;;;;S-2;Microsoft 365 E3;12;31.02.2026;5;ja;ja",
        "C-3;Gamma AB;;XX;;;;;;S-1;Microsoft 365 E3;12;01.01.2026;5;kanske;ja",
    ]
    path = tmp_path / "bad.csv"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8-sig"))
    return path


def test_import_prints_what_it_added(capsys, cli_database):
    code, payload, _, err = run_cli(capsys, "import", EXAMPLE, "--json", *cli_database.args)
    assert code == 0, err
    message = payload.pop("message")  # the summary in words, as without --json
    assert payload == {"file": EXAMPLE, "dry_run": False,
                       "customers": {"added": 4, "updated": 0, "unchanged": 0},
                       "subscriptions": {"added": 4, "updated": 0, "unchanged": 0},
                       "ignored_columns": []}
    assert message.splitlines() == [f"Imported {EXAMPLE}.", "  customers:     4 added, 0 updated, 0 unchanged",
                                    "  subscriptions: 4 added, 0 updated, 0 unchanged"]


def test_import_in_words(capsys, cli_database):
    code, _, out, _ = run_cli(capsys, "import", EXAMPLE, *cli_database.args)
    assert code == 0
    assert out.splitlines() == [f"Imported {EXAMPLE}.",
                                "  customers:     4 added, 0 updated, 0 unchanged",
                                "  subscriptions: 4 added, 0 updated, 0 unchanged"]


def test_importing_the_same_file_again_changes_nothing(capsys, cli_database):
    run_cli(capsys, "import", EXAMPLE, *cli_database.args)
    before = cli_database.rows(*REGISTER)
    code, payload, _, _ = run_cli(capsys, "import", EXAMPLE, "--json", *cli_database.args)
    assert code == 0
    assert payload["customers"] == {"added": 0, "updated": 0, "unchanged": 4}
    assert payload["subscriptions"] == {"added": 0, "updated": 0, "unchanged": 4}
    assert cli_database.rows(*REGISTER) == before


def test_a_bad_file_lists_every_problem_exits_2_and_creates_no_database(capsys, tmp_path, isolated_data):
    path = bad_file(tmp_path)
    code, _, out, err = run_cli(capsys, "import", str(path))
    assert code == 2 and out == ""
    assert err.splitlines() == [
        f"deskguide: import: 4 problems in {path}, nothing imported",
        "line 3, start_date: '31.02.2026' is not a day of the calendar",
        "line 4, country: 'XX' is not a desk country: use SE, NO, DK or FI",
        "line 4, subscription_id: 'S-1' appears again: it is already on line 2 (each subscription is one row)",
        "line 4, end_user_support: 'kanske' is not yes or no: use yes/no, true/false, 1/0, ja/nej, kyllä/ei",
    ]
    assert not isolated_data.exists()


def test_a_bad_file_with_json_gives_every_problem_as_data(capsys, tmp_path):
    path = bad_file(tmp_path)
    code, payload, _, err = run_cli(capsys, "import", str(path), "--json")
    assert code == 2
    assert payload["error"] == f"import: 4 problems in {path}, nothing imported"
    assert payload["problems"][0] == {"line": 3, "column": "start_date", "value": "31.02.2026",
                                      "reason": "is not a day of the calendar"}
    assert [(p["line"], p["column"]) for p in payload["problems"]] == [
        (3, "start_date"), (4, "country"), (4, "subscription_id"), (4, "end_user_support")]
    assert len(err.splitlines()) == 5


def test_a_bad_file_leaves_an_existing_register_as_it_was(capsys, tmp_path, cli_database):
    run_cli(capsys, "import", EXAMPLE, *cli_database.args)
    before = cli_database.rows(*REGISTER)
    code, _, _, _ = run_cli(capsys, "import", str(bad_file(tmp_path)), *cli_database.args)
    assert code == 2
    assert cli_database.rows(*REGISTER) == before


def test_dry_run_counts_and_writes_nothing(capsys, cli_database):
    code, payload, _, _ = run_cli(capsys, "import", EXAMPLE, "--dry-run", "--json", *cli_database.args)
    assert code == 0 and payload["dry_run"] is True
    assert payload["customers"]["added"] == 4 and payload["subscriptions"]["added"] == 4
    _, _, out, _ = run_cli(capsys, "import", EXAMPLE, "--dry-run", *cli_database.args)
    assert out.splitlines()[:2] == [f"Dry run of {EXAMPLE}: nothing written.",
                                    "  customers:     4 to add, 0 to update, 0 unchanged"]
    assert cli_database.rows(*REGISTER) == {"customer": [], "subscription": []}


def test_a_file_not_in_utf8_says_how_to_save_it(capsys, tmp_path, isolated_data):
    path = tmp_path / "ansi.csv"
    path.write_bytes("customer_id;customer_name;country\r\nC-1;Åkesson AB;SE\r\n".encode("cp1252"))
    code, payload, _, err = run_cli(capsys, "import", str(path), "--json")
    assert code == 2
    assert "line 2: the byte 0xc5" in err and "CSV UTF-8" in err
    assert payload["problems"][0]["line"] == 2
    assert not isolated_data.exists()


def test_a_missing_file_is_one_line_of_bad_input(capsys, tmp_path, isolated_data):
    missing = str(tmp_path / "nowhere.csv")
    code, payload, out, err = run_cli(capsys, "import", missing, "--json")
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and repr(missing) in err
    assert json.loads(out) == {"error": payload["error"], "message": payload["error"]}
    assert "cannot be read" in payload["error"]
    assert not isolated_data.exists()


def test_ignored_columns_are_named_so_a_misspelling_is_noticed(capsys, tmp_path, cli_database):
    path = tmp_path / "extra.csv"
    path.write_text("customer_id;customer_name;country;Kundnummer hos oss\nC-1;Acme AB;SE;42\n", encoding="utf-8")
    code, payload, _, _ = run_cli(capsys, "import", str(path), "--json", *cli_database.args)
    assert code == 0 and payload["ignored_columns"] == ["Kundnummer hos oss"]
    _, _, out, _ = run_cli(capsys, "import", str(path), *cli_database.args)
    assert "ignored columns (not part of the register): Kundnummer hos oss" in out


def test_export_then_import_into_another_database_gives_the_same_register(capsys, tmp_path, cli_database):
    # From either engine into a SQLite file and out again: the same bytes.
    run_cli(capsys, "import", EXAMPLE, *cli_database.args)
    exported = tmp_path / "register.csv"
    code, payload, _, _ = run_cli(capsys, "export", str(exported), "--json", *cli_database.args)
    assert code == 0
    assert payload == {"file": str(exported), "rows": 5, "separator": ";",
                       "message": f"Exported 5 rows to {exported}."}
    assert exported.read_bytes().startswith(b"\xef\xbb\xbf" + ";".join(COLUMNS).encode())

    other = str(tmp_path / "other.sqlite3")
    code, payload, _, _ = run_cli(capsys, "import", str(exported), "--db", other, "--json")
    assert code == 0 and payload["customers"]["added"] == 4
    again = tmp_path / "again.csv"
    run_cli(capsys, "export", str(again), "--db", other)
    assert again.read_bytes() == exported.read_bytes()


def test_export_with_commas_in_words(capsys, tmp_path, cli_database):
    run_cli(capsys, "import", EXAMPLE, *cli_database.args)
    path = tmp_path / "register.csv"
    code, _, out, _ = run_cli(capsys, "export", str(path), "--separator", ",", *cli_database.args)
    assert code == 0 and out.strip() == f"Exported 5 rows to {path}."
    assert path.read_bytes().decode("utf-8-sig").startswith(",".join(COLUMNS) + "\r\n")


@pytest.mark.parametrize(("argv", "named"), [
    (["export", "{tmp}/register.csv", "--separator", "\t"], "--separator"),
    (["export", "{tmp}/no such folder/register.csv"], "does not exist"),
    (["export", "{tmp}"], "is a folder"),
])
def test_export_bad_input_exits_2_and_creates_no_database(capsys, tmp_path, isolated_data, argv, named):
    code, payload, _, err = run_cli(capsys, *[a.format(tmp=tmp_path) for a in argv], "--json")
    assert code == 2
    assert named in err and len(err.strip().splitlines()) == 1
    assert named in payload["error"]
    assert not isolated_data.exists()


def test_an_export_escapes_formula_cells_and_imports_back_unchanged(capsys, tmp_path, filled_cli_database):
    args = filled_cli_database.args
    target = tmp_path / "register.csv"
    code, _, _, err = run_cli(capsys, "export", str(target), *args)
    assert code == 0, err
    text = target.read_bytes().decode("utf-8-sig")
    assert ";'+46 8 123 456 78;" in text  # Excel would take +46 ... for a formula
    assert ";+46 8 123 456 78;" not in text
    code, payload, _, err = run_cli(capsys, "import", str(target), "--json", *args)
    assert code == 0, err
    assert payload["customers"]["updated"] == payload["subscriptions"]["updated"] == 0
