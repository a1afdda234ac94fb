"""domain/customer_csv.py: the register file as portals and Excel write it, read all or nothing."""
from __future__ import annotations

import datetime as dt
import operator
import string
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.customer_csv import (
    COLUMNS,
    CsvProblems,
    RowProblem,
    escape_cell,
    parse_register_csv,
    unescape_cell,
    without_store_ids,
    write_register_csv,
)
from domain.customers import Customer, CustomerRecord, Offering, Subscription
from domain.errors import InvalidInput
from domain.notice import Term

DATA = Path(__file__).resolve().parents[2] / "data"
TODAY = dt.date(2026, 11, 23)
HEADER = ";".join(COLUMNS)
GOOD = ("C-1;Åkesson AB;556677-8899;SE;Åsa;+46 8 123 456 78;asa@akesson.se;unified;;"
        "S-1;Microsoft 365 E3;12;22.11.2025;25;ja;ja")


def csv_bytes(*rows: str, header: str = HEADER, bom: bool = False, newline: str = "\r\n") -> bytes:
    return (("\ufeff" if bom else "") + newline.join((header, *rows)) + newline).encode("utf-8")


def row(**cells: str) -> str:
    """GOOD with some cells replaced, by column name."""
    values = dict(zip(COLUMNS, GOOD.split(";")))
    values.update(cells)
    return ";".join(values[column] for column in COLUMNS)


def problems_of(data: bytes, today: dt.date | None = TODAY) -> list[RowProblem]:
    with pytest.raises(CsvProblems) as raised:
        parse_register_csv(data, today)
    return raised.value.problems


def where(problems: list[RowProblem]) -> list[tuple[int, str]]:
    return [(p.line, p.column) for p in problems]


# --- files as Excel and portals write them ----------------------------------------------------

def test_excel_file_with_bom_semicolons_and_nordic_dates():
    parsed = parse_register_csv((DATA / "register-semicolon.csv").read_bytes(), TODAY)

    assert [c.external_id for c in parsed.customers] == ["C-1001", "C-1002", "C-1003", "C-1004"]
    akesson, saeter, orsted, kylanpaa = parsed.customers
    assert akesson.name == "Åkesson & Söner AB"  # the BOM is not part of the first column's name
    assert akesson.offering is Offering.UNIFIED
    assert akesson.notes == "Ring före 10, helst"
    assert saeter.notes == 'Ny avtale; se "mappe 7"'  # a quoted separator and doubled quotes
    assert orsted.notes == "Flere linjer:\nlukket i juli"  # a line break inside a quoted cell
    assert kylanpaa.contact == "Päivi Mäkelä"

    subscriptions = {s.external_id: (customer_id, s) for customer_id, s in parsed.subscriptions}
    assert sorted(subscriptions) == ["S-5001", "S-5002", "S-5003", "S-5004"]  # C-1003 has none
    assert subscriptions["S-5001"] == ("C-1001", Subscription(
        product="Microsoft 365 Business Standard", term=Term.MONTHS_12, start_date=dt.date(2025, 11, 22),
        seats=25, end_user_support=True, from_reseller=True, external_id="S-5001"))
    assert subscriptions["S-5002"][1].term is Term.PAYG and subscriptions["S-5002"][1].end_user_support is False
    assert subscriptions["S-5003"][1].from_reseller is False  # Norwegian "nei"
    assert subscriptions["S-5004"][1].from_reseller is False  # Finnish "ei"
    assert subscriptions["S-5004"][1].end_user_support is True  # Finnish "kyllä"
    assert parsed.ignored_columns == ()


def test_comma_file_without_bom_iso_dates_and_loose_headers_reads_the_same_register():
    # register-comma.csv: no BOM, ',', LF, ISO dates, "Customer ID"/"E-mail" headers, yes/true/1/TRUE,
    # "se" and "Unified" in other cases, "pay-as-you-go": the same register as the Excel file.
    comma = parse_register_csv((DATA / "register-comma.csv").read_bytes(), TODAY)
    semicolon = parse_register_csv((DATA / "register-semicolon.csv").read_bytes(), TODAY)
    assert comma == semicolon


def test_bom_or_not_makes_no_difference():
    assert parse_register_csv(csv_bytes(GOOD, bom=True)) == parse_register_csv(csv_bytes(GOOD, bom=False))


@pytest.mark.parametrize("text", ["2025-11-22", "22.11.2025", " 22.11.2025 "])
def test_iso_and_nordic_dates_are_the_same_day(text):
    parsed = parse_register_csv(csv_bytes(row(start_date=text)))
    assert parsed.subscriptions[0][1].start_date == dt.date(2025, 11, 22)


@pytest.mark.parametrize(("text", "expected"), [
    ("yes", True), ("no", False), ("TRUE", True), ("false", False), ("1", True), ("0", False),
    ("Ja", True), ("nej", False), ("nei", False), ("kyllä", True), ("ei", False), ("", True),
])
def test_yes_and_no_in_the_nordic_languages(text, expected):
    parsed = parse_register_csv(csv_bytes(row(end_user_support=text)))
    assert parsed.subscriptions[0][1].end_user_support is expected


def test_empty_optional_cells_take_the_defaults_of_a_new_subscription():
    parsed = parse_register_csv(csv_bytes(row(seats="", end_user_support="", from_reseller="", offering="")))
    (_, subscription), = parsed.subscriptions
    assert (subscription.seats, subscription.end_user_support, subscription.from_reseller) == (1, True, True)
    assert parsed.customers[0].offering is Offering.NONE


def test_seats_may_carry_a_nordic_thousands_space():
    assert parse_register_csv(csv_bytes(row(seats="1 200"))).subscriptions[0][1].seats == 1200


def test_semicolon_file_whose_cells_are_full_of_commas_is_still_read_by_semicolons():
    rows = [row(customer_id=f"C-{i}", subscription_id=f"S-{i}", customer_name=f"Acme {i}, Filial, Nord",
                notes="a, b, c, d") for i in range(5)]
    parsed = parse_register_csv(csv_bytes(*rows))
    assert [c.name for c in parsed.customers] == [f"Acme {i}, Filial, Nord" for i in range(5)]


def test_comma_file_with_quoted_semicolons_and_line_breaks():
    header = ",".join(COLUMNS)
    data = (f'{header}\n'
            f'C-1,"Acme; Nord AB",,SE,,,,,"rad ett\nrad två; tre",S-1,M365,12,2026-01-01,1,yes,yes\n'
            f'C-2,Beta AB,,SE,,,,,,S-2,M365,24,2026-01-01,2,yes,yes\n').encode()
    parsed = parse_register_csv(data)
    assert parsed.customers[0].name == "Acme; Nord AB"
    assert parsed.customers[0].notes == "rad ett\nrad två; tre"
    assert [s.external_id for _, s in parsed.subscriptions] == ["S-1", "S-2"]


def test_excel_separator_hint_line_is_honoured():
    data = b"sep=;\r\n" + csv_bytes(GOOD)
    assert [c.external_id for c in parse_register_csv(data).customers] == ["C-1"]


def test_customer_rows_repeat_and_a_customer_without_subscriptions_is_one_row():
    empty_subscription = dict.fromkeys(COLUMNS[9:], "")
    data = csv_bytes(row(), row(subscription_id="S-2", product="Visio"),
                     row(customer_id="C-2", customer_name="Beta AB", org_number="", **empty_subscription))
    parsed = parse_register_csv(data)
    assert [c.external_id for c in parsed.customers] == ["C-1", "C-2"]
    assert [(customer, s.external_id) for customer, s in parsed.subscriptions] == [("C-1", "S-1"), ("C-1", "S-2")]


def test_a_file_of_customers_only_needs_no_subscription_columns():
    data = "customer_id;customer_name;country\nC-1;Acme AB;SE\nC-2;Bø AS;NO\n".encode()
    parsed = parse_register_csv(data)
    assert [(c.external_id, c.name, c.country) for c in parsed.customers] == [("C-1", "Acme AB", "SE"),
                                                                              ("C-2", "Bø AS", "NO")]
    assert parsed.subscriptions == []


def test_columns_the_register_does_not_know_are_ignored_and_named():
    data = ("Billing frequency;" + HEADER + ";Reseller margin\n" + "monthly;" + GOOD + ";12%\n").encode()
    parsed = parse_register_csv(data)
    assert parsed.ignored_columns == ("Billing frequency", "Reseller margin")
    assert parsed.customers[0].name == "Åkesson AB"


def test_blank_lines_and_rows_of_empty_cells_are_skipped_with_lines_still_counted():
    data = csv_bytes("", GOOD, ";" * 15, "", row(customer_id="C-2", subscription_id="S-2", start_date="31.02.2026"))
    assert where(problems_of(data)) == [(6, "start_date")]


def test_empty_cells_after_the_last_column_are_tolerated():
    assert parse_register_csv(csv_bytes(GOOD + ";;;")).customers[0].external_id == "C-1"


def test_header_only_is_an_empty_register():
    parsed = parse_register_csv(csv_bytes())
    assert parsed.customers == [] and parsed.subscriptions == []


# --- bad cells: every one, with its line and column ------------------------------------------

@pytest.mark.parametrize(("cells", "column", "reason"), [
    ({"customer_name": ""}, "customer_name", "is required"),
    ({"country": "Sverige"}, "country", "is not a desk country: use SE, NO, DK or FI"),
    ({"org_number": "556677-8890"}, "org_number", "has a wrong check digit for SE (a typo?)"),
    ({"org_number": "12345"}, "org_number", "is not an organisation number for SE: 10 digits, e.g. 556677-8899"),
    ({"phone": "ring Åsa"}, "phone", "is not a phone number, e.g. +46 8 123 456 78"),
    ({"email": "asa.akesson.se"}, "email", "is not an e-mail address"),
    ({"offering": "premier"}, "offering", "is not a support offering"),
    ({"product": ""}, "product", "is required"),
    ({"term": "6"}, "term", "is not a term: use payg, 12, 24 or 36 (months)"),
    ({"term": ""}, "term", "is required on a subscription row"),
    ({"start_date": "31.02.2026"}, "start_date", "is not a day of the calendar"),
    ({"start_date": "11/22/2026"}, "start_date", "is not a date: use 2026-11-22 or 22.11.2026"),
    ({"start_date": ""}, "start_date", "is required on a subscription row"),
    ({"start_date": "01.01.1999"}, "start_date", "is outside the supported range 2000-01-01–2099-12-31"),
    ({"start_date": "25.11.2027"}, "start_date", "is more than a year ahead"),
    ({"seats": "0"}, "seats", "must be a whole number from 1 to 1000000"),
    ({"seats": "2.5"}, "seats", "must be a whole number from 1 to 1000000"),
    ({"seats": "many"}, "seats", "must be a whole number from 1 to 1000000"),
    ({"seats": "99999999999999999999"}, "seats", "must be a whole number from 1 to 1000000"),
    ({"customer_id": "C" * 1000}, "customer_id", "is too long: 1000 characters, at most 80"),
    ({"subscription_id": "S" * 81}, "subscription_id", "is too long: 81 characters, at most 80"),
    ({"customer_name": "N" * 201}, "customer_name", "is too long: 201 characters, at most 200"),
    ({"product": "P" * 201}, "product", "is too long: 201 characters, at most 200"),
    ({"email": "a@b." + "c" * 251}, "email", "is too long: 255 characters, at most 254"),
    ({"customer_name": "Acme\x1b[2J AB"}, "customer_name", "contains the control character U+001B"),
    ({"contact": "Åsa\tÖberg"}, "contact", "contains the control character U+0009"),
    ({"product": "E3\x9b31m"}, "product", "contains the control character U+009B"),
    ({"phone": "+٤٦ 8 123 456 78"}, "phone", "is not a phone number"),
    ({"seats": "١٢"}, "seats", "must be a whole number from 1 to 1000000"),
    ({"start_date": "٢٠٢٦-٠١-٠١"}, "start_date", "is not a date: use 2026-11-22 or 22.11.2026"),
    ({"end_user_support": "maybe"}, "end_user_support", "is not yes or no"),
    ({"from_reseller": "kanske"}, "from_reseller", "is not yes or no"),
    ({"subscription_id": ""}, "subscription_id", "is required"),
    ({"customer_id": ""}, "customer_id", "is required: the subscription on this row needs its customer's id"),
])
def test_every_kind_of_bad_cell_names_its_line_column_and_reason(cells, column, reason):
    bad = row(**{"customer_id": "C-2", "subscription_id": "S-2", **cells})
    problems = problems_of(csv_bytes(GOOD, GOOD.replace("S-1", "S-0"), bad))
    assert where(problems) == [(4, column)]
    assert reason in problems[0].reason


def test_problem_message_quotes_the_cell_as_written():
    with pytest.raises(CsvProblems) as raised:
        parse_register_csv(csv_bytes(*[GOOD.replace("S-1", f"S-{i}") for i in range(5)],
                                     row(subscription_id="S-9", start_date="31.02.2026")))
    assert str(raised.value) == "line 7, start_date: '31.02.2026' is not a day of the calendar"
    assert isinstance(raised.value, InvalidInput)  # the CLI and the GUI treat it as bad input


def test_every_bad_cell_of_every_row_is_reported_at_once_and_nothing_is_returned():
    data = csv_bytes(
        GOOD,
        row(customer_id="C-2", subscription_id="S-2", country="XX", seats="-3", term="7"),
        row(customer_id="C-3", subscription_id="S-3"),
        row(customer_id="C-4", subscription_id="S-4", email="nope", start_date="2026-13-01"),
    )
    problems = problems_of(data)
    assert where(problems) == [(3, "country"), (3, "term"), (3, "seats"), (5, "email"), (5, "start_date")]
    text = str(CsvProblems(problems))
    assert text.splitlines() == [
        "line 3, country: 'XX' is not a desk country: use SE, NO, DK or FI",
        "line 3, term: '7' is not a term: use payg, 12, 24 or 36 (months)",
        "line 3, seats: '-3' must be a whole number from 1 to 1000000",
        "line 5, email: 'nope' is not an e-mail address",
        "line 5, start_date: '2026-13-01' is not a day of the calendar",
    ]


def test_a_customer_row_without_customer_id_is_refused_because_it_could_not_be_re_imported():
    data = csv_bytes(row(customer_id="", **dict.fromkeys(COLUMNS[9:], "")))
    problem, = problems_of(data)
    assert (problem.line, problem.column) == (2, "customer_id")
    assert "re-import" in problem.reason


def test_line_numbers_count_physical_lines_and_a_multi_line_row_starts_where_its_quote_opens():
    data = csv_bytes(GOOD, row(customer_id="C-2", subscription_id="S-2", notes='"one\ntwo\nthree"', seats="x"),
                     row(customer_id="C-3", subscription_id="S-3", seats="y"))
    assert where(problems_of(data)) == [(3, "seats"), (6, "seats")]


# --- problems across rows ---------------------------------------------------------------------

def test_duplicate_subscription_ids_name_both_lines():
    data = csv_bytes(GOOD, row(subscription_id="S-2"), row(customer_id="C-2", product="Visio"))
    problem, = problems_of(data)
    assert (problem.line, problem.column, problem.value) == (4, "subscription_id", "S-1")
    assert "already on line 2" in problem.reason


def test_conflicting_rows_of_one_customer_name_both_lines_and_the_column():
    data = csv_bytes(GOOD, row(subscription_id="S-2", phone="+46 8 999 999 99"),
                     row(subscription_id="S-3", customer_name="Åkesson Holding AB"))
    problems = problems_of(data)
    assert where(problems) == [(3, "phone"), (4, "customer_name")]
    assert str(problems[0]) == ("line 3, phone: '+46 8 999 999 99' differs from line 2 ('+46 8 123 456 78') for "
                                "customer_id 'C-1': a customer's columns must be the same on each of its rows")
    assert "line 2 ('Åkesson AB')" in problems[1].reason


def test_a_bad_cell_is_reported_once_not_again_as_a_difference():
    data = csv_bytes(GOOD, row(subscription_id="S-2", country="XX"))
    assert where(problems_of(data)) == [(3, "country")]


def test_case_and_spaces_are_no_difference_between_rows_of_one_customer():
    data = csv_bytes(GOOD, row(subscription_id="S-2", country="se", offering="Unified", customer_name=" Åkesson AB "))
    assert len(parse_register_csv(data).customers) == 1


# --- the header and the file as a whole ---------------------------------------------------------

def test_a_missing_column_is_one_problem_naming_it():
    header = HEADER.replace(";start_date", "")
    data = csv_bytes(";".join(GOOD.split(";")[:12] + GOOD.split(";")[13:]), header=header)
    problem, = problems_of(data)
    assert (problem.line, problem.column) == (1, "start_date")
    assert "is missing from the header line" in problem.reason


def test_a_misspelt_header_is_missing_its_column_and_names_what_was_found():
    problem, = problems_of(b"customer_id;custmer_name;country\nC-1;Acme;SE\n")
    assert (problem.line, problem.column) == (1, "customer_name")
    assert "custmer_name" in problem.reason


def test_a_column_twice_in_the_header():
    problem, = problems_of(csv_bytes(GOOD + ";x@y.se", header=HEADER + ";E-mail"))
    assert (problem.line, problem.column) == (1, "email")
    assert "appears twice" in problem.reason


@pytest.mark.parametrize("data", [b"", b"\xef\xbb\xbf", b"\r\n\r\n  \n"])
def test_an_empty_file(data):
    problem, = problems_of(data)
    assert problem.line == 1 and "the file is empty" in problem.reason and "customer_id" in problem.reason


def test_mixed_separators_name_each_line_that_differs():
    data = csv_bytes(GOOD, GOOD.replace("S-1", "S-2").replace(";", ","), GOOD.replace("S-1", "S-3"))
    problem, = problems_of(data)
    assert problem.line == 3 and problem.column == ""
    assert problem.reason == ("uses ',' between cells but the header uses ';': a file must use one separator "
                              "throughout")


def test_a_comma_header_with_semicolon_rows_is_mixed_too():
    data = (",".join(COLUMNS) + "\n" + GOOD + "\n").encode()
    problem, = problems_of(data)
    assert problem.line == 2 and "uses ';' between cells but the header uses ','" in problem.reason


def test_a_row_with_too_many_cells_suggests_quoting():
    data = (",".join(COLUMNS) + "\n" + GOOD.replace(";", ",").replace("Åkesson AB", "Åkesson, AB") + "\n").encode()
    problem, = problems_of(data)
    assert problem.line == 2
    assert problem.reason == "has 17 cells, the header has 16 (a cell that contains ',' must be in quotes)"


def test_a_row_with_too_few_cells():
    problem, = problems_of(csv_bytes(";".join(GOOD.split(";")[:10])))
    assert (problem.line, problem.reason) == (2, "has 10 cells, the header has 16")


def test_an_unclosed_quote_names_the_line_where_it_opens():
    data = csv_bytes(GOOD, row(customer_id="C-2", subscription_id="S-2", notes='"never closed'),
                     row(customer_id="C-3", subscription_id="S-3"))
    problem, = problems_of(data)
    assert problem.line == 3 and "never closed" in problem.reason


def test_text_after_a_closing_quote_is_a_problem_and_the_next_rows_are_still_checked():
    data = csv_bytes(row(notes='"quoted"tail'), row(customer_id="C-2", subscription_id="S-2", seats="x"))
    problems = problems_of(data)
    assert where(problems) == [(2, ""), (3, "seats")]
    assert 'write a quote inside a quoted cell as ""' in problems[0].reason


def test_a_file_that_is_not_utf8_names_the_line_and_says_how_to_save_it():
    data = ("customer_id;customer_name;country\r\nC-1;Acme AB;SE\r\nC-2;Åkesson AB;SE\r\n").encode("cp1252")
    problem, = problems_of(data)
    assert problem.line == 3
    assert "0xc5 at offset 55 is not UTF-8" in problem.reason and "CSV UTF-8" in problem.reason


def test_the_offset_of_a_bad_byte_counts_the_bom():
    data = b"\xef\xbb\xbf" + "customer_id;customer_name;country\nC-1;Å;SE\n".encode("cp1252")
    problem, = problems_of(data)
    assert "offset 41" in problem.reason and data[41:42] == b"\xc5"


# --- writing and reading back -----------------------------------------------------------------

NORDIC = [
    CustomerRecord(
        Customer(name="Åkesson & Söner AB", country="SE", org_number="556677-8899", contact="Åsa Öberg",
                 phone="+46 8 123 456 78", email="asa@akesson.se", offering=Offering.UNIFIED,
                 notes='Ring före 10; "VIP"\nandra raden', id=7, external_id="C-1"),
        (Subscription(product="Microsoft 365 E3", term=Term.MONTHS_36, start_date=dt.date(2024, 1, 31), seats=120,
                      end_user_support=False, from_reseller=True, customer_id=7, id=70, external_id="S-1"),
         Subscription(product="Exchange Online, Plan 1", term=Term.PAYG, start_date=dt.date(2026, 2, 1),
                      customer_id=7, id=71, external_id="S-2")),
    ),
    CustomerRecord(Customer(name="Ørsted Rådgivning ApS", country="DK", org_number="25 31 37 63",
                            contact="Søren Æbelø", id=8, external_id="C-2")),
    CustomerRecord(Customer(name="Kylänpää Oy", country="FI", id=9, external_id="C-3"),
                   (Subscription(product="Visio", term=Term.MONTHS_12, start_date=dt.date(2025, 12, 31),
                                 from_reseller=False, customer_id=9, id=90, external_id="S-3"),)),
]


def as_parsed(records: list[CustomerRecord]) -> tuple[list[Customer], list[tuple[str, Subscription]]]:
    bare = [without_store_ids(record) for record in records]
    return ([r.customer for r in bare],
            [(r.customer.external_id, s) for r in bare for s in r.subscriptions])


@pytest.mark.parametrize("separator", [";", ","])
def test_export_reads_back_exactly_with_nordic_characters(separator):
    data = write_register_csv(NORDIC, separator)
    parsed = parse_register_csv(data, TODAY)
    assert (parsed.customers, parsed.subscriptions) == as_parsed(NORDIC)


def test_export_is_excel_friendly_utf8_with_bom_iso_dates_one_row_per_subscription():
    data = write_register_csv(NORDIC)
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert text.startswith(HEADER + "\r\n")
    assert "Åkesson & Söner AB" in text and "Søren Æbelø" in text
    assert "2024-01-31" in text and "31.01.2024" not in text
    assert text.count("Åkesson & Söner AB") == 2  # the customer's columns on each of its rows
    assert "C-2;Ørsted Rådgivning ApS;25 31 37 63;DK;Søren Æbelø;;;none;;;;;;;;\r\n" in text
    assert ";yes;no\r\n" in text  # booleans as yes/no


def test_export_refuses_an_unknown_separator():
    with pytest.raises(InvalidInput, match="use ';' or ','"):
        write_register_csv(NORDIC, "\t")


# --- property: any register survives a write and a read -------------------------------------

def _stripped(text: str) -> bool:
    return text == text.strip()


# What a spreadsheet runs as a formula, and the export's own escape, often at the start of a cell.
FORMULA_STARTS = st.sampled_from(["", "", "'", "''", "=", "+", "-", "@", "'=", "''+", "'-", "'@"])


def cell_text(specials: str):
    return st.builds(operator.add, FORMULA_STARTS, st.text(
        alphabet=st.one_of(st.sampled_from(specials), st.sampled_from(string.ascii_letters),
                           st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp"))),
        max_size=30,
    )).filter(_stripped)


CELL_TEXT = cell_text("åäöÅÄÖæøÆØ ;,\"'=+-@#")  # one line: no field but the notes holds a control character
NOTES_TEXT = cell_text("åäöÅÄÖæøÆØ ;,\"'\n\r\t=+-@#")
REQUIRED_TEXT = CELL_TEXT.filter(bool)
ORG_NUMBERS = {"SE": ["", "556677-8899", "5560360793"], "NO": ["", "923 609 016"], "DK": ["", "25313763"],
               "FI": ["", "0112038-9"]}


@st.composite
def customers(draw, external_id: str) -> Customer:
    country = draw(st.sampled_from(sorted(ORG_NUMBERS)))
    return Customer(
        name=draw(REQUIRED_TEXT), country=country, org_number=draw(st.sampled_from(ORG_NUMBERS[country])),
        contact=draw(CELL_TEXT), phone=draw(st.sampled_from(["", "+46 8 123 456 78", "040-123 45", "(09) 1234 567"])),
        email=draw(st.sampled_from(["", "anna@example.se", "øystein@bø.no"])),
        offering=draw(st.sampled_from(list(Offering))), notes=draw(NOTES_TEXT), external_id=external_id,
    )


@st.composite
def subscriptions(draw, external_id: str) -> Subscription:
    return Subscription(
        product=draw(REQUIRED_TEXT), term=draw(st.sampled_from(list(Term))),
        start_date=draw(st.dates(dt.date(2000, 1, 1), TODAY)), seats=draw(st.integers(1, 1_000_000)),
        end_user_support=draw(st.booleans()), from_reseller=draw(st.booleans()), external_id=external_id,
    )


@st.composite
def registers(draw) -> list[CustomerRecord]:
    ids = draw(st.lists(REQUIRED_TEXT, unique=True, min_size=0, max_size=12))
    records, used = [], 0
    for customer_id in draw(st.lists(st.sampled_from(ids), unique=True)) if ids else []:
        count = draw(st.integers(0, 3))
        subscription_ids = [f"{customer_id}/{used + i}" for i in range(count)]
        used += count
        records.append(CustomerRecord(draw(customers(customer_id)),
                                      tuple(draw(subscriptions(s)) for s in subscription_ids)))
    return records


@given(registers(), st.sampled_from([";", ","]))
def test_any_register_reads_back_exactly(records, separator):
    parsed = parse_register_csv(write_register_csv(records, separator), TODAY)
    assert (parsed.customers, parsed.subscriptions) == as_parsed(records)


# --- cells a spreadsheet would run (CWE-1236) --------------------------------------------------

def test_export_escapes_every_cell_a_spreadsheet_would_run():
    customer = Customer(name="=cmd|' /C calc'!A0", country="SE", contact="'=already quoted", phone="+46 8 123 456 78",
                        notes="@SUM(1+1)", external_id="-1")
    text = write_register_csv([CustomerRecord(customer)]).decode("utf-8-sig")
    cells = text.splitlines()[1].split(";")
    assert cells[:6] == ["'-1", "'=cmd|' /C calc'!A0", "", "SE", "''=already quoted", "'+46 8 123 456 78"]
    assert cells[8] == "'@SUM(1+1)"
    parsed = parse_register_csv(text.encode("utf-8"))
    assert parsed.customers == [customer]  # the import removes exactly the export's quote


@pytest.mark.parametrize("cell, value", [
    ("'+46 8 123 456 78", "+46 8 123 456 78"), ("''=x", "'=x"), ("'x", "'x"), ("''", "''"), ("'", "'"),
    ("+46 8 123 456 78", "+46 8 123 456 78"),  # a portal's own file, not escaped: read as it is
])
def test_an_import_removes_only_the_exports_quote(cell, value):
    assert unescape_cell(cell) == value


@given(st.text())
def test_any_text_survives_the_escape(text):
    escaped = escape_cell(text)
    assert unescape_cell(escaped) == text
    assert not escaped[:1] or escaped[0] not in "=+-@\t\r"


def test_notes_may_span_lines_and_hold_tabs():
    parsed = parse_register_csv(csv_bytes(row(notes='"Ring före 10,\r\n\thelst"')))
    assert parsed.customers[0].notes == "Ring före 10,\r\n\thelst"
