"""`deskguide notice --subscription ID`: the notice answer for a subscription in the
register, with the closed days of the customer's own country desk; the same answers on a
SQLite file and on a team's PostgreSQL database (`cli`, `cli_database`)."""
from __future__ import annotations

import datetime as dt

import pytest

from desktop.wording.notice import long_day_text
from domain.customers import Customer, Subscription
from domain.notice import Term
from domain.services import register
from tests.desktop.cli.cli_run import run

TODAY = dt.date(2026, 11, 23)


@pytest.fixture
def store(cli_store):
    return cli_store  # the database the commands name: both engines (conftest's `cli`)


@pytest.fixture
def subscriptions(store):
    """The same 12-month subscription (from 17 June 2026) for a Norwegian and a Swedish
    customer: notice by Monday 17 May 2027, Norway's Constitution Day."""
    found = {}
    for name, country in (("Fjordkraft Regnskap AS", "NO"), ("Östergren Bygg AB", "SE")):
        customer = register.save_customer(store, Customer(name=name, country=country))
        found[country] = register.save_subscription(store, Subscription(
            product="Microsoft 365 Business Standard", term=Term.MONTHS_12, start_date=dt.date(2026, 6, 17),
            customer_id=customer.id), TODAY).id
    payg = register.save_subscription(store, Subscription(
        product="Power BI Pro", term=Term.PAYG, start_date=dt.date(2025, 2, 1), customer_id=customer.id), TODAY)
    found["payg"] = payg.id
    store.close()
    return found


def test_norwegian_customer_is_warned_of_the_national_day(cli, subscriptions):
    code, payload, _, err = cli("notice", "--subscription", str(subscriptions["NO"]), "--on", "2026-11-23",
                                "--json")
    assert code == 0, err
    assert payload["term"] == "12"
    assert (payload["period_start"], payload["period_end"]) == ("2026-06-17", "2027-06-16")
    assert payload["notice_deadline"] == "2027-05-17" and payload["in_time"] is True
    assert payload["ends_on"] == "2027-06-16" and payload["renews_to"] == "2028-06-16"
    assert "Constitution Day" in payload["deadline_warning"]["reason"]
    assert payload["deadline_warning"]["safe_day"] == "2027-05-14"  # the Friday before


def test_swedish_customer_same_dates_no_warning(cli, subscriptions):
    code, payload, _, _ = cli("notice", "--subscription", str(subscriptions["SE"]), "--on", "2026-11-23",
                              "--json")
    assert code == 0
    assert payload["notice_deadline"] == "2027-05-17" and payload["deadline_warning"] is None


def test_too_late_renews_in_plain_words(cli, subscriptions):
    code, _, out, _ = cli("notice", "--subscription", str(subscriptions["SE"]), "--on", "18.05.2027")
    assert code == 0
    assert f"Notice deadline: {long_day_text(dt.date(2027, 5, 17))}" in out
    assert "too late" in out and "renews for 12 months" in out and long_day_text(dt.date(2028, 6, 16)) in out


def test_pay_as_you_go(cli, subscriptions):
    code, payload, _, _ = cli("notice", "--subscription", str(subscriptions["payg"]), "--on", "2026-11-23",
                              "--json")
    assert code == 0
    assert payload["term"] == "payg" and payload["notice_deadline"] is None and payload["ends_on"] == "2026-11-23"


def test_an_unknown_subscription_exits_2_naming_it(cli, subscriptions):
    code, payload, _, err = cli("notice", "--subscription", "999", "--json")
    assert code == 2
    assert "--subscription: 999" in err and "not a subscription" in err
    assert payload["error"] == err.strip().removeprefix("deskguide: ")


def test_a_day_before_the_start_exits_2(cli, subscriptions):
    code, _, _, err = cli("notice", "--subscription", str(subscriptions["NO"]), "--on", "2026-06-16")
    assert code == 2
    assert "--on: '2026-06-16'" in err and "2026-06-17" in err


def test_an_empty_register_id_is_refused_before_the_store_opens(capsys, isolated_data):
    # Issue 16: "abc" is a register id now (S-5001); "#" alone names none at all.
    code, _, _, err = run(capsys, "notice", "--subscription", "#")
    assert code == 2 and "'#' is not a subscription: give its register id (S-5001) or its number" in err
    assert not isolated_data.exists()


# --- --subscription by register id (issue 16: S-5001, as the register and `deadlines` show it) ---

@pytest.fixture
def registered(store):
    """A subscription with a portal register id, and one whose register id is digits only."""
    customer = register.save_customer(store, Customer(name="Fjordkraft Regnskap AS", country="NO",
                                                      external_id="C-1002"))
    found = {}
    for register_id in ("S-5001", "7007"):
        found[register_id] = register.save_subscription(store, Subscription(
            product="Microsoft 365 Business Standard", term=Term.MONTHS_12, start_date=dt.date(2026, 6, 17),
            customer_id=customer.id, external_id=register_id), TODAY).id
    store.close()
    return found


def test_a_register_id_names_the_subscription(cli, registered):
    by_register_id = cli("notice", "--subscription", " S-5001 ", "--json")
    by_number = cli("notice", "--subscription", str(registered["S-5001"]), "--json")
    assert by_register_id[0] == by_number[0] == 0, by_register_id[3]
    assert by_register_id[1] == by_number[1]
    assert by_register_id[1]["notice_deadline"] == "2027-05-17"
    code, _, _, err = cli("notice", "--subscription", "#7007", "--json")
    assert code == 0, err


def test_digits_that_are_another_subscriptions_register_id_are_ambiguous(cli, registered):
    code, payload, _, err = cli("notice", "--subscription", "7007", "--json")
    assert code == 2
    assert err == ("deskguide: --subscription: '7007' could be a number or a register id: give #7007 for the "
                   "subscription whose register id is 7007, or the register id of the subscription you mean\n")
    assert payload["error"] == err.strip().removeprefix("deskguide: ")


def test_a_day_before_the_start_names_the_subscription_by_its_register_id(cli, registered):
    code, _, _, err = cli("notice", "--subscription", "S-5001", "--on", "2026-06-16")
    assert code == 2 and "is before subscription S-5001 starts" in err


def test_the_customer_message_is_addressed_to_the_subscriptions_customer(cli, subscriptions):
    # Issue 16: --customer-message with --subscription names the customer and the product,
    # and the Norwegian desk's phone signs it.
    code, _, out, err = cli("notice", "--subscription", str(subscriptions["NO"]), "--on", "2026-11-23",
                            "--customer-message", "--lang", "nb")
    assert code == 0, err
    assert out.startswith("Hei,") and "Fjordkraft Regnskap AS" in out and "Microsoft 365 Business Standard" in out
    assert out.strip().splitlines()[-1].endswith("+4781503636")
