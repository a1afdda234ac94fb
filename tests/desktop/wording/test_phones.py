"""Phone numbers grouped for reading aloud in each country's format (issue 16)."""
from __future__ import annotations

import pytest

from desktop.wording.phones import phone_text
from domain.reference_data import load_desks


@pytest.mark.parametrize(("stored", "country", "shown"), [
    # Typed with the country code: read with it, grouped the country's way.
    ("+46812345678", "SE", "+46 8 123 456 78"),
    ("+46701234567", "SE", "+46 70 123 45 67"),
    ("+4722123456", "NO", "+47 22 12 34 56"),
    ("+4533123456", "DK", "+45 33 12 34 56"),
    ("+358401234567", "FI", "+358 40 1234567"),
    ("0046812345678", "SE", "+46 8 123 456 78"),
    # Typed the national way: read the national way, in the customer's country.
    ("081234 5678", "SE", "08-123 456 78"),
    ("0701234567", "SE", "070-123 45 67"),
    ("22123456", "NO", "22 12 34 56"),
    ("33123456", "DK", "33 12 34 56"),
    ("0401234567", "FI", "040 1234567"),
    # A Finnish number on a Swedish customer's card: its own country's grouping.
    ("+358 9 1234567", "SE", "+358 9 1234567"),
])
def test_a_number_is_grouped_the_way_its_country_reads_it(stored, country, shown):
    assert phone_text(stored, country) == shown


@pytest.mark.parametrize("stored", ["", "12", "+46 8 12", "ring reception", "+45 1234"])
def test_a_number_the_library_cannot_read_is_shown_as_stored(stored):
    assert phone_text(stored, "SE") == stored


def test_every_desks_number_is_grouped_with_its_country_code():
    shown = {desk.country: phone_text(desk.phone, desk.country) for desk in load_desks().desks}
    assert shown == {"SE": "+46 77 017 61 00", "NO": "+47 815 03 636", "DK": "+45 89 87 10 01",
                     "FI": "+358 75 3251111"}
