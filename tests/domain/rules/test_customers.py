"""Customer and subscription checks: each problem names its field, Nordic org numbers."""
from __future__ import annotations

import datetime as dt

import pytest

from domain.customers import (
    Customer,
    InvalidRecord,
    Offering,
    Subscription,
    check_customer,
    customer_problems,
    org_number_problem,
    parse_customer_ref,
    parse_offering,
    subscription_problems,
)
from domain.dates import parse_day
from domain.errors import InvalidInput
from domain.notice import Term


@pytest.mark.parametrize("country, number", [
    ("SE", "556036-0793"), ("SE", "5560360793"), ("NO", "923 609 016"), ("NO", "923609016"),
    ("DK", "25 31 37 63"), ("DK", "25313763"), ("FI", "0112038-9"), ("FI", "1572860-0"),
])
def test_real_organisation_numbers_pass(country, number):
    assert org_number_problem(country, number) is None


@pytest.mark.parametrize("country, number, says", [
    ("SE", "556036-0794", "check digit"), ("NO", "923609017", "check digit"), ("DK", "25313764", "check digit"),
    ("FI", "0112038-8", "check digit"), ("SE", "55603607", "10 digits"), ("NO", "92360901", "9 digits"),
    ("DK", "2531376", "8 digits"), ("FI", "0112038", "check digit"), ("SE", "556036-079X", "10 digits"),
])
def test_typos_in_organisation_numbers_are_named(country, number, says):
    assert says in org_number_problem(country, number)


def test_every_problem_of_a_customer_is_listed_by_field():
    bad = Customer(name=" ", country="SE", org_number="556036-0794", phone="call me", email="anna@")
    problems = {p.field: p.message for p in customer_problems(bad)}
    assert set(problems) == {"name", "org_number", "phone", "email"}
    assert "556036-0794" in problems["org_number"] and "anna@" in problems["email"]


def test_an_unknown_country_is_named_and_its_org_number_not_judged():
    problems = customer_problems(Customer(name="Acme", country="IS", org_number="123"))
    assert [p.field for p in problems] == ["country"]


def test_check_customer_tidies_or_raises_with_all_fields():
    tidy = check_customer(Customer(name="  Östergren AB ", country="se", email=" info@ostergren.se ",
                                   external_id="  "))
    assert (tidy.name, tidy.country, tidy.email, tidy.external_id) == ("Östergren AB", "SE", "info@ostergren.se", None)
    with pytest.raises(InvalidRecord) as raised:
        check_customer(Customer(name="", country="SE", email="nope"))
    assert [e.field for e in raised.value.errors] == ["name", "email"]
    assert "name: is required" in str(raised.value)


def test_subscription_problems():
    good = Subscription(product="Microsoft 365 Business Standard", term=Term.MONTHS_12, start_date=dt.date(2024, 2, 29),
                        seats=25)
    assert subscription_problems(good, dt.date(2026, 11, 22)) == []
    bad = Subscription(product="", term=Term.PAYG, start_date=dt.date(1999, 12, 31), seats=0)
    assert {p.field for p in subscription_problems(bad)} == {"product", "seats", "start_date"}
    ahead = Subscription(product="Teams", term=Term.MONTHS_12, start_date=dt.date(2028, 1, 1))
    assert [p.field for p in subscription_problems(ahead, dt.date(2026, 11, 22))] == ["start_date"]


def test_offerings():
    assert parse_offering("") is Offering.NONE
    assert parse_offering("Enhanced-Response") is Offering.ENHANCED_RESPONSE
    with pytest.raises(InvalidInput):
        parse_offering("premier")


@pytest.mark.parametrize("text, day", [("2026-11-22", dt.date(2026, 11, 22)), ("22.11.2026", dt.date(2026, 11, 22)),
                                       ("1.2.2026", dt.date(2026, 2, 1)), (" 29.02.2024 ", dt.date(2024, 2, 29))])
def test_days_in_iso_and_nordic_form(text, day):
    assert parse_day(text) == day


@pytest.mark.parametrize("text", ["31.02.2026", "2026-02-30", "11/12/2026", "22.11.26", "yesterday", ""])
def test_other_day_forms_are_refused_never_guessed(text):
    with pytest.raises(InvalidInput) as raised:
        parse_day(text, "start_date")
    assert raised.value.field == "start_date"


# --- --customer on the command line (issue 15, "CLI contract") ------------------------------

@pytest.mark.parametrize("typed, named", [
    ("12", 12), (" 12 ", 12), ("C-1001", "C-1001"), (" C-1001 ", "C-1001"), ("#1001", "1001"),
    ("##x", "#x"), ("١٢", "١٢"),  # digits of another script are no number: a register id
])
def test_a_customer_is_named_by_its_number_or_its_register_id(typed, named):
    assert parse_customer_ref(typed) == named and type(parse_customer_ref(typed)) is type(named)


@pytest.mark.parametrize("typed", ["", "  ", "#", "0", "99999999999999999999"])
def test_an_empty_register_id_or_a_number_out_of_range_is_bad_input(typed):
    with pytest.raises(InvalidInput, match="customer"):
        parse_customer_ref(typed)
