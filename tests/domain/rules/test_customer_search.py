"""Find a customer as you type: by name (accents and case ignored), organisation number,
phone or e-mail, best matches first."""
from __future__ import annotations

import random
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.customer_search import CustomerSearch, digits, fold, name_key, phone_keys
from domain.customers import CustomerSummary


def summary(id: int, name: str, org: str = "", country: str = "SE", phone: str = "",
            email: str = "") -> CustomerSummary:
    return CustomerSummary(id, name, org, country, phone, email, "none")


REGISTER = [
    summary(1, "Östergren Bygg AB", "556677-8899", "SE", "+46 8 123 456 78", "anna.lindqvist@ostergrenbygg.se"),
    summary(2, "Bjørnstad Rørlegger AS", "923 609 016", "NO", "+47 22 12 34 56", "post@bjornstad.no"),
    summary(3, "Sæther & Søn Regnskap AS", "", "NO", "22 98 76 54", "regnskap@saether.no"),
    summary(4, "Mäkinen Oy", "0112038-9", "FI", "+358 9 1234 5678", "myynti@makinen.fi"),
    summary(5, "Gren Konsult AB", "", "SE", "08-765 432 10", "info@grenkonsult.se"),
    summary(6, "Anna Grensman Redovisning AB", "", "SE", "", ""),
    summary(7, "Kjærgaard ApS", "25313763", "DK", "+45 33 12 34 56", "kontor@kjaergaard.dk"),
]


@pytest.fixture(scope="module")
def search() -> CustomerSearch:
    return CustomerSearch(REGISTER)


def names(found) -> list[str]:
    return [s.name for s in found]


# --- names -------------------------------------------------------------------------------

@pytest.mark.parametrize("typed", ["ostergren", "Östergren", "ÖSTERGREN", "östergren bygg", "Ostergren-Bygg", "öst"])
def test_a_name_is_found_without_accents_or_case(search, typed):
    assert names(search.search(typed))[0] == "Östergren Bygg AB"


@pytest.mark.parametrize("typed, expected", [
    ("bjornstad", "Bjørnstad Rørlegger AS"), ("rorlegger", "Bjørnstad Rørlegger AS"),
    ("saether", "Sæther & Søn Regnskap AS"), ("saether son", "Sæther & Søn Regnskap AS"),
    ("makinen", "Mäkinen Oy"), ("kjaergaard", "Kjærgaard ApS"),
])
def test_nordic_letters_fold_the_way_agents_type_them(search, typed, expected):
    assert names(search.search(typed)) == [expected]


def test_name_start_then_word_start_then_anywhere(search):
    # "Gren Konsult" starts with it, "Anna Grensman" has a word starting with it,
    # "Östergren" only holds it.
    assert names(search.search("gren")) == ["Gren Konsult AB", "Anna Grensman Redovisning AB", "Östergren Bygg AB"]


def test_words_in_any_order(search):
    assert names(search.search("bygg oster")) == ["Östergren Bygg AB"]
    assert names(search.search("regnskap saether")) == ["Sæther & Søn Regnskap AS"]


def test_the_contacts_name_in_the_e_mail_finds_the_customer(search):
    assert names(search.search("lindqvist")) == ["Östergren Bygg AB"]
    assert names(search.search("anna")) == ["Anna Grensman Redovisning AB", "Östergren Bygg AB"]


# --- numbers -----------------------------------------------------------------------------

@pytest.mark.parametrize("typed", ["5566778899", "556677-8899", "556677", "556677 8899", "7788"])
def test_organisation_number_with_or_without_its_hyphen(search, typed):
    assert names(search.search(typed)) == ["Östergren Bygg AB"]


@pytest.mark.parametrize("typed, expected", [
    ("+46 8 123", "Östergren Bygg AB"), ("468123", "Östergren Bygg AB"), ("08-123 45", "Östergren Bygg AB"),
    ("0046 8 123", "Östergren Bygg AB"),
    ("+46 8 765", "Gren Konsult AB"),  # written nationally, asked internationally
    ("+47 22 98 76", "Sæther & Søn Regnskap AS"), ("22 12 34", "Bjørnstad Rørlegger AS"),
    ("09 1234", "Mäkinen Oy"), ("+358 9 1234 5678", "Mäkinen Oy"), ("3312 3456", "Kjærgaard ApS"),
])
def test_phone_as_the_caller_reads_it_out(search, typed, expected):
    assert names(search.search(typed)) == [expected]


def test_danish_cvr_and_norwegian_orgnr_spaced(search):
    assert names(search.search("25 31 37 63")) == ["Kjærgaard ApS"]
    assert names(search.search("923609016")) == ["Bjørnstad Rørlegger AS"]


# --- e-mail ------------------------------------------------------------------------------

@pytest.mark.parametrize("typed, expected", [
    ("anna.lindqvist@", ["Östergren Bygg AB"]), ("@saether.no", ["Sæther & Søn Regnskap AS"]),
    ("makinen.fi", ["Mäkinen Oy"]), ("KONTOR@KJAERGAARD", ["Kjærgaard ApS"]), ("ergaard.dk", ["Kjærgaard ApS"]),
])
def test_e_mail_by_any_part(search, typed, expected):
    assert names(search.search(typed)) == expected


# --- what comes back ---------------------------------------------------------------------

def test_nothing_found(search):
    assert search.search("zzzz") == []
    assert search.search("1234567890123") == []


def test_empty_text_lists_the_register_by_name(search):
    assert names(search.search("")) == sorted(names(REGISTER), key=name_key)
    assert names(search.search("   ", limit=2)) == names(search.search("")[:2])


def test_results_are_the_summaries_themselves(search):
    [found] = search.search("Kjærgaard")
    assert found is REGISTER[6] and found.id == 7 and found.org_number == "25313763"
    assert len(search) == len(REGISTER)


def test_limit_keeps_the_best_first():
    many = [summary(n, f"Bygg {n:04d} AB") for n in range(300)] + [summary(999, "Anna Bygg AB")]
    search = CustomerSearch(random.Random(3).sample(many, len(many)))
    found = search.search("bygg", limit=5)
    assert names(found) == ["Bygg 0000 AB", "Bygg 0001 AB", "Bygg 0002 AB", "Bygg 0003 AB", "Bygg 0004 AB"]
    assert search.search("bygg", limit=0) == []
    assert len(search.search("bygg")) == 50
    assert names(search.search("anna bygg", limit=5)) == ["Anna Bygg AB"]


def test_fold_and_keys():
    assert fold("Ærøskøbing Østergård ÅÄÖ") == "aeroskobing ostergard aao"
    assert name_key("  Öster-Gren & Co. ") == "oster gren co"
    assert digits("556677-8899") == "5566778899"
    assert phone_keys("+46 8 123 456 78", "SE") == ["46812345678", "0812345678"]
    assert phone_keys("08-123 456 78", "SE") == ["0812345678", "46812345678"]
    assert phone_keys("22 12 34 56", "NO") == ["22123456", "4722123456"]
    assert phone_keys("", "SE") == []


# --- against a plain reference, on a register big enough for every search path ------------

def prepared(summaries: list[CustomerSummary]) -> list[tuple]:
    found = []
    for s in summaries:
        name, email = name_key(s.name), fold(s.email.strip())
        words = name.split() + re.sub(r"[.@_+\-]+", " ", email).split()
        numbers = ([digits(s.org_number)] if digits(s.org_number) else []) + phone_keys(s.phone, s.country)
        found.append((s.id, name, email, words, numbers))
    return found


def reference(register: list[tuple], text: str, limit: int = 50) -> list[int]:
    """The rules of domain.customer_search written the slow, obvious way."""
    key, raw = name_key(text), " ".join(fold(text).split())
    number = digits(text) if re.fullmatch(r"[\d\s()+./-]+", text) else ""
    number = number[2:] if number.startswith("00") and len(number) > 2 else number
    if not key and not raw:
        return [id for id, name, *_ in sorted(register, key=lambda r: (r[1], r[0]))][:limit]
    ranked = []
    for id, name, email, words, numbers in register:
        if key and name.startswith(key):
            tier = 0
        elif (key and all(any(w.startswith(t) for w in words) for t in key.split())) \
                or (number and any(n.startswith(number) for n in numbers)) \
                or (not number and " " not in raw and re.search(r"[.@_+\-]", raw) and email.startswith(raw)):
            tier = 1
        elif (key and key in name and (not number or key == number)) \
                or (not number and raw and " " not in raw and raw in email) \
                or (number and any(number in n for n in numbers)):
            tier = 2
        else:
            continue
        ranked.append((tier, name, id))
    return [id for *_, id in sorted(ranked)][:limit]


def random_register(size: int, seed: int) -> list[CustomerSummary]:
    rng = random.Random(seed)
    first = ["Öster", "Väster", "Norr", "Søn", "Bjørn", "Ås", "Lind", "Berg", "Mäki", "Kjær"]
    last = ["gren", "qvist", "berg", "stad", "nen", "gaard", "ström", "by"]
    trades = ["Bygg", "Rør", "Regnskap", "Konsult", "El", "Måleri", "Data"]
    forms = ["AB", "AS", "ApS", "Oy", "A/S"]
    found = []
    for n in range(size):
        name = f"{rng.choice(first)}{rng.choice(last)} {rng.choice(trades)} {rng.choice(forms)}"
        if rng.random() < 0.3:
            name = f"{rng.choice(trades)} {name}"
        phone = rng.choice(["+46 8 ", "08-", "+47 ", "+358 9 ", "09 ", ""]) + str(rng.randrange(10 ** 5, 10 ** 7))
        email = rng.choice(["", f"{rng.choice(first).lower()}@{rng.choice(last)}.se", "info@x-y.no"])
        org = "" if rng.random() < 0.3 else str(rng.randrange(10 ** 7, 10 ** 10))
        found.append(summary(n + 1, name, org, rng.choice(["SE", "NO", "DK", "FI"]), phone, email))
    return found


BIG = random_register(4000, seed=8)
BIG_SEARCH = CustomerSearch(BIG)
BIG_REFERENCE = prepared(BIG)
TYPED = ["ö", "ost", "bygg", "b", "bygg ab", "gren by", "ab", "a", "s", "rør", "ror", "ås", "kjaer", "el a",
         "qvist", "46", "468", "0", "09", "+47", "3", "1234", "@", "@gren.se", "info@", "x-y", "-", "søn",
         "oster gren", "data osterg", "zzz", "regnskap as"]


@pytest.mark.parametrize("typed", TYPED)
def test_every_keystroke_matches_the_reference(typed):
    for n in range(1, len(typed) + 1):
        assert [s.id for s in BIG_SEARCH.search(typed[:n])] == reference(BIG_REFERENCE, typed[:n]), typed[:n]


@given(text=st.text(alphabet="abdegiklnorstyåäöøæ@.+- 0123456789", max_size=8), limit=st.integers(1, 80))
def test_property_any_text_matches_the_reference(text, limit):
    assert [s.id for s in BIG_SEARCH.search(text, limit)] == reference(BIG_REFERENCE, text, limit)


def test_digits_find_names_with_numbers_but_a_number_never_an_e_mail():
    search = CustomerSearch([summary(1, "Kontor 24 AB"), summary(2, "Bygg AB", email="order2468@bygg.se"),
                             summary(3, "Data AB", phone="+46 70 124 00 00")])
    assert names(search.search("24")) == ["Kontor 24 AB", "Data AB"]
    assert names(search.search("order24")) == ["Bygg AB"]
