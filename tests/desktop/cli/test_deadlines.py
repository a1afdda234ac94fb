"""`deskguide deadlines [--within DAYS] [--json]`: the JSON contract, the table, bad input; the
same answers on a SQLite file and on a team's PostgreSQL database (`cli`, `cli_database`)."""
from __future__ import annotations

import datetime as dt

import pytest

from desktop.cli.context import CliContext
from desktop.wording.notice import day_text
from domain.customers import Customer, Subscription
from domain.notice import Term
from domain.services import register
from tests.desktop.cli import cli_run

# Monday 23 November 2026, as in tests/conftest.py.
NOW = dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.timezone.utc)


def run(capsys, *argv: str):
    """The command line on the pinned clock."""
    return cli_run.run(capsys, *argv, context=CliContext.pinned(NOW))


@pytest.fixture
def store(cli_store):
    return cli_store  # the database the commands name: both engines (conftest's `cli`)


@pytest.fixture
def filled(store):
    """Three customers: deadlines in 0, 6 and 20 days, one far off, one pay-as-you-go."""
    today = NOW.date()
    ids = {}
    for name, start, term in [
        ("Östergren Bygg AB", dt.date(2025, 12, 24), Term.MONTHS_12),  # notice by 23 Nov 2026: today
        ("Fjordkraft Regnskap AS", dt.date(2024, 12, 30), Term.MONTHS_24),  # 29 Nov 2026: 6 days
        ("Mäkinen Oy", dt.date(2024, 1, 13), Term.MONTHS_36),  # 13 Dec 2026: 20 days
        ("Mäkinen Oy", dt.date(2026, 6, 1), Term.MONTHS_12),  # 1 May 2027
        ("Fjordkraft Regnskap AS", dt.date(2026, 1, 1), Term.PAYG),
    ]:
        if name not in ids:
            country = {"AB": "SE", "AS": "NO", "Oy": "FI"}[name.split()[-1]]
            ids[name] = register.save_customer(store, Customer(name=name, country=country)).id
        register.save_subscription(store, Subscription(product=f"Microsoft 365 E3 ({start:%Y})", term=term,
                                                       start_date=start, customer_id=ids[name]), today)
    store.close()  # the CLI opens the same database on its own
    return ids


def test_json_lists_the_coming_deadlines_soonest_first(cli, filled):
    code, payload, _, err = cli("deadlines", "--json")
    assert code == 0, err
    assert payload["today"] == "2026-11-23" and payload["within_days"] == 45
    items = payload["deadlines"]
    assert [(i["customer"], i["notice_deadline"], i["days_left"]) for i in items] == [
        ("Östergren Bygg AB", "2026-11-23", 0),
        ("Fjordkraft Regnskap AS", "2026-11-29", 6),
        ("Mäkinen Oy", "2026-12-13", 20),
    ]
    first = items[0]
    assert set(first) == {"customer", "customer_id", "customer_register_id", "subscription",
                          "subscription_register_id", "product", "notice_deadline", "days_left", "period_end"}
    assert first["customer_id"] == filled["Östergren Bygg AB"]
    assert isinstance(first["subscription"], int)
    # Issue 16: the register ids beside the numbers (the app gives every record one).
    assert first["customer_register_id"] == f"deskguide-customer-{first['customer_id']}"
    assert first["subscription_register_id"] == f"deskguide-subscription-{first['subscription']}"
    assert first["product"] == "Microsoft 365 E3 (2025)" and first["period_end"] == "2026-12-23"


def test_within_narrows_the_window(cli, filled):
    code, payload, _, _ = cli("deadlines", "--within", "6", "--json")
    assert code == 0
    assert [i["days_left"] for i in payload["deadlines"]] == [0, 6]
    _, payload, _, _ = cli("deadlines", "--within", "0", "--json")
    assert [i["customer"] for i in payload["deadlines"]] == ["Östergren Bygg AB"]
    _, payload, _, _ = cli("deadlines", "--within", "200", "--json")
    assert [i["notice_deadline"] for i in payload["deadlines"]][-1] == "2027-05-01"


def test_the_subscription_id_answers_notice(cli, filled):
    _, payload, _, _ = cli("deadlines", "--json")
    item = payload["deadlines"][1]
    for named in (item["subscription_register_id"], str(item["subscription"])):  # the register id; the number
        code, notice, _, err = cli("notice", "--subscription", named, "--json")
        assert code == 0, err
        assert notice["notice_deadline"] == "2026-11-29" and notice["in_time"] is True


def test_human_output_is_a_table(cli, filled):
    code, _, out, _ = cli("deadlines")
    assert code == 0
    lines = out.splitlines()
    assert "3 notice deadlines" in lines[0] and "45 days" in lines[0]
    assert lines[1].split()[:3] == ["Notice", "by", "Days"]
    assert lines[2].startswith(day_text(dt.date(2026, 11, 23))) and "today" in lines[2]
    assert "Östergren Bygg AB" in lines[2]
    # Issue 16: register ids, which --customer and --subscription take, never "#13".
    assert lines[1].split()[4:6] == ["Customer", "ID"]
    assert f"deskguide-customer-{filled['Östergren Bygg AB']}" in lines[2].split()
    assert "#" not in out and any(cell.startswith("deskguide-subscription-") for cell in lines[2].split())
    assert lines[4].startswith(day_text(dt.date(2026, 12, 13))) and "20" in lines[4].split()
    assert "Mäkinen Oy" in lines[4]


def test_an_empty_register_says_so(cli):
    code, out_payload, _, _ = cli("deadlines", "--json")
    assert code == 0 and out_payload["deadlines"] == []
    code, _, out, _ = cli("deadlines")
    assert code == 0 and out.strip() == f"No notice deadlines from {day_text(NOW.date())} within 45 days."


@pytest.mark.parametrize("value, words", [("-1", "negative"), ("abc", "not a number"), ("4.5", "not a number"),
                                          ("", "not a number")])
def test_a_bad_number_of_days_exits_2_naming_it_and_writes_nothing(capsys, isolated_data, value, words):
    code, payload, _, err = run(capsys, "deadlines", f"--within={value}", "--json")
    assert code == 2
    assert f"--within: {value!r}" in err and words in err
    said = err.strip().removeprefix("deskguide: ")
    assert payload == {"error": said, "message": said}
    assert not isolated_data.exists()  # checked before the store is opened (or created)
