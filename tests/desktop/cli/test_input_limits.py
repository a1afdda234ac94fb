"""Limit values and loose input on the command line: one line on stderr, exit 2, and the
database not touched (issue 13, "Exact input")."""
from __future__ import annotations

import datetime as dt

import pytest

from desktop.cli.context import CliContext
from tests.desktop.cli.cli_run import run

CONTEXT = CliContext.pinned(dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.timezone.utc))
RANGE = "is outside the supported range 2000-01-01–2099-12-31"
ID_RANGE = "must be a whole number from 1 to 9223372036854775807"


def refused(capsys, db, *argv: str) -> str:
    """The one error line of a refused command; the database's bytes are as they were."""
    before = db.read_bytes()
    code, _, out, err = run(capsys, *argv, context=CONTEXT)
    assert code == 2, err
    assert out == "" and "Traceback" not in err
    assert len(err.splitlines()) == 1, err
    assert db.read_bytes() == before
    return err


@pytest.mark.parametrize("argv, says", [
    (["hours", "--at", "9999-12-31T23:59"], "--at: '9999-12-31T23:59' " + RANGE),
    (["hours", "--at", "0001-01-01T00:00"], "--at: '0001-01-01T00:00' " + RANGE),
    (["hours", "--country", "SE", "--at", "1999-12-31T23:59+00:00"], RANGE),
    (["escalate", "--severity", "A", "--country", "SE", "--opened", "9999-12-31T16:00"],
     "--opened: '9999-12-31T16:00' " + RANGE),
    (["notice", "--start", "9999-12-01", "--term", "12", "--on", "9999-12-31"], "--on: '9999-12-31' " + RANGE),
    (["notice", "--start", "01.01.1999", "--term", "12"], "--start: '01.01.1999' " + RANGE),
    (["lifecycle", "--product", "Windows 10", "--on", "2100-01-01"], "--on: '2100-01-01' " + RANGE),
    (["overrides", "close-date", "--country", "SE", "--date", "2100-01-01"], RANGE),
    (["journal", "--customer", "9223372036854775808"], "--customer: '9223372036854775808' " + ID_RANGE),
    (["journal", "--customer", "0"], ID_RANGE),
    (["overrides", "remove", "99999999999999999999"], "'99999999999999999999' " + ID_RANGE),
    (["notice", "--subscription", "99999999999999999999"], ID_RANGE),
])
def test_limit_values_are_refused_naming_the_supported_range(capsys, filled_db, argv, says):
    assert says in refused(capsys, filled_db, *argv)


def test_the_range_ends_are_answered(capsys, filled_db):
    for argv in (["hours", "--at", "2099-12-31T23:59"], ["hours", "--at", "2000-01-01T00:00"],
                 ["escalate", "--severity", "A", "--country", "FI", "--opened", "2099-12-31T23:59"],
                 ["notice", "--start", "2099-12-31", "--term", "36", "--on", "2099-12-31"],
                 ["lifecycle", "--product", "Windows 10", "--on", "2099-12-31"]):
        code, _, _, err = run(capsys, *argv, context=CONTEXT)
        assert code == 0, (argv, err)


@pytest.mark.parametrize("argv, says", [
    (["overrides", "set-hours", "--country", "SE", "--weekday", "monkey", "--closed"],
     "--weekday: 'monkey' is not a weekday"),
    (["overrides", "set-hours", "--country", "SE", "--weekday", "mo", "--closed"], "is not a weekday"),
    (["overrides", "shorten-day", "--country", "SE", "--date", "2026-12-01", "--closes", "15:00+05:00"],
     "--closes: '15:00+05:00' is not a time of day"),
    (["overrides", "shorten-day", "--country", "SE", "--date", "2026-12-01", "--closes", "15:00:30"],
     "is not a time of day"),
    (["overrides", "set-hours", "--country", "SE", "--weekday", "fri", "--hours", "08:00Z-15:00"],
     "is not a time of day"),
    (["overrides", "shorten-day", "--country", "SE", "--date", "2026-12-01", "--closes", "١٥:٠٠"],
     "is not a time of day"),
    (["notice", "--start", "٢٠٢٦-٠١-٠١", "--term", "12"], "--start: '٢٠٢٦-٠١-٠١' is not a date"),
    (["notice", "--start", "01.01.٢٠٢٦", "--term", "12"], "is not a date"),
    (["hours", "--at", "٢٠٢٦-١٢-٢٤T10:00"], "is not an ISO 8601 date and time"),
    # Not ASCII digits, so never customer 3 or 10: a register id (issue 15), and nobody's.
    (["journal", "--customer", "٣"], "--customer: '٣' is not a customer in the register"),
    (["journal", "--customer", "1_0"], "--customer: '1_0' is not a customer in the register"),
    # The same for a subscription since issue 16 (S-5001): "+1" is a register id nobody has.
    (["notice", "--subscription", "+1"], "--subscription: '+1' is not a subscription in the register"),
    (["notice", "--subscription", "١"], "--subscription: '١' is not a subscription in the register"),
])
def test_loose_input_is_refused(capsys, filled_db, argv, says):
    assert says in refused(capsys, filled_db, *argv)


@pytest.mark.parametrize("spelling, weekday", [("mon", 0), ("Monday", 0), (" FRI ", 4), ("sunday", 6)])
def test_weekdays_are_read_as_keys_or_english_names(spelling, weekday):
    from domain.desks import parse_weekday

    assert parse_weekday(spelling) == weekday


def test_a_clock_time_is_hours_and_minutes():
    from domain.desks import parse_clock_time

    assert parse_clock_time("8:05") == dt.time(8, 5)
    assert parse_clock_time(" 17:30 ") == dt.time(17, 30)


def test_a_field_longer_than_its_column_is_refused(capsys, filled_db, tmp_path):
    from domain.customer_csv import COLUMNS

    long_id = "C" * 1000
    path = tmp_path / "long.csv"
    path.write_text(";".join(COLUMNS) + f"\n{long_id};Acme AB;;SE;;;;;;;;;;;;\n", encoding="utf-8")
    before = filled_db.read_bytes()
    code, _, _, err = run(capsys, "import", str(path), context=CONTEXT)
    assert code == 2 and err.splitlines()[1].startswith("line 2, customer_id: 'CCC")
    assert err.splitlines()[1].endswith("is too long: 1000 characters, at most 80")
    assert filled_db.read_bytes() == before
    err = refused(capsys, filled_db, "overrides", "close-date", "--country", "SE", "--date", "2026-12-01",
                  "--by", "B" * 81)
    assert "--by: " in err and "is too long: 81 characters, at most 80" in err
