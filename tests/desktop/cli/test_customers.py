"""`deskguide customers --search TEXT [--json]` (issue 16): the GUI's customer search on the
command line, naming customers by the register ids --customer takes; the same answers on a
SQLite file and on a team's PostgreSQL database (`cli`, `cli_database`)."""
from __future__ import annotations

import pytest

from domain.customer_search import CustomerSearch
from domain.customers import Customer
from domain.services import register
from tests.desktop.cli.cli_run import run

KEYS = {"customer_id", "name", "country", "org_number", "phone", "email"}


@pytest.fixture
def store(cli_store):
    return cli_store  # the database the commands name: both engines (conftest's `cli`)


@pytest.fixture
def registered(store):
    for register_id, name, country, org, phone, email in [
        ("C-1001", "Östergren Bygg AB", "SE", "556677-8899", "+46 8 123 456 78", "anna@ostergren.se"),
        ("C-1002", "Fjordkraft Regnskap AS", "NO", "923 609 016", "+47 22 12 34 56", "post@fjordkraft.no"),
        ("C-1003", "Östergaard & Søn ApS", "DK", "25313763", "+45 33 12 34 56", "info@ostergaard.dk"),
    ]:
        register.save_customer(store, Customer(name=name, country=country, org_number=org, phone=phone,
                                               email=email, external_id=register_id))
    summaries = register.customer_summaries(store)
    store.close()  # the CLI opens the same database on its own
    return CustomerSearch(summaries)


def test_json_lists_the_matches_by_register_id_in_the_guis_order(cli, registered):
    code, payload, _, err = cli("customers", "--search", "oster", "--json")
    assert code == 0, err
    assert [set(item) for item in payload["customers"]] == [KEYS, KEYS]
    # Without accents, "ø" as "o": the GUI's finder (domain.customer_search), in its order.
    assert [c["customer_id"] for c in payload["customers"]] == [
        s.external_id for s in registered.search("oster")] == ["C-1003", "C-1001"]
    assert payload["customers"][1] == {"customer_id": "C-1001", "name": "Östergren Bygg AB", "country": "SE",
                                       "org_number": "556677-8899", "phone": "+46 8 123 456 78",
                                       "email": "anna@ostergren.se"}
    assert payload["truncated"] is False


@pytest.mark.parametrize("search, found", [
    ("5566778899", ["C-1001"]),  # the organisation number without its dash
    ("08 123 456", ["C-1001"]),  # the phone as a Swede dials it
    ("22 12 34", ["C-1002"]),
    ("post@fjord", ["C-1002"]),
    ("regnskap fjordkraft", ["C-1002"]),  # words in any order
])
def test_numbers_phones_e_mails_and_words_find_the_customer(cli, registered, search, found):
    code, payload, _, err = cli("customers", "--search", search, "--json")
    assert code == 0, err
    assert [c["customer_id"] for c in payload["customers"]] == found


def test_the_register_id_found_names_the_customer_for_the_other_commands(cli, registered):
    _, payload, _, _ = cli("customers", "--search", "fjordkraft", "--json")
    code, journal, _, err = cli("journal", "--customer", payload["customers"][0]["customer_id"], "--json")
    assert code == 0, err
    assert journal["register_id"] == "C-1002"


def test_nothing_found_is_an_empty_list_and_exit_0(cli, registered):
    code, payload, _, err = cli("customers", "--search", "Nokia Oyj", "--json")
    assert (code, payload["customers"], err) == (0, [], "")
    code, _, out, _ = cli("customers", "--search", "Nokia Oyj")
    assert (code, out) == (0, "No customer matches 'Nokia Oyj'.\n")


def test_the_text_is_a_table_with_the_register_ids(cli, registered):
    code, _, out, _ = cli("customers", "--search", "oster")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "2 customers match 'oster':"
    assert lines[1].split()[:3] == ["Customer", "ID", "Name"]
    assert lines[2].split()[:2] == ["C-1003", "Östergaard"] and "+45 33 12 34 56" in lines[2]
    assert lines[3].split()[:4] == ["C-1001", "Östergren", "Bygg", "AB"] and lines[3].endswith("anna@ostergren.se")
    # The columns line up: each cell starts where its header does.
    assert lines[3].index("SE") == lines[1].index("Country") and lines[2].index("DK") == lines[1].index("Country")


def test_at_most_fifty_and_it_says_there_are_more(cli, store):
    for n in range(60):
        register.save_customer(store, Customer(name=f"Bygg {n:02d} AB", country="SE", external_id=f"C-{n}"))
    store.close()
    code, payload, _, _ = cli("customers", "--search", "bygg", "--json")
    assert code == 0 and payload["truncated"] is True
    assert [c["name"] for c in payload["customers"]] == [f"Bygg {n:02d} AB" for n in range(50)]
    assert payload["message"].startswith("The best 50 customers for 'bygg'; type more to narrow the search:")


def test_the_search_is_required_and_bad_input_opens_nothing(capsys, isolated_data):
    code, _, _, err = run(capsys, "customers")
    assert code == 2 and "--search" in err and len(err.splitlines()) == 1
    assert not isolated_data.exists()


def test_another_language_says_it_and_keeps_the_json(cli, registered):
    code, payload, _, _ = cli("customers", "--search", "oster", "--json", "--lang", "sv")
    assert code == 0 and [c["customer_id"] for c in payload["customers"]] == ["C-1003", "C-1001"]
    assert "C-1001" in payload["message"] and "customers match" not in payload["message"]
