"""Reading the product version the customer names, spelt the way agents type it.

Lenient about spelling, spacing, case and the Nordic decimal comma; strict about meaning:
text that names no known product is refused with examples, never guessed.
"""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.errors import InvalidInput
from domain.product_versions import (
    CURRENT,
    EMAIL_CLIENT,
    MOBILE_OS,
    OFFICE_SUITE,
    OPERATING_SYSTEM,
    parse_product_version,
)


def read(text: str) -> tuple[str, tuple[int, ...] | None]:
    found = parse_product_version(text)
    return found.product, found.number


@pytest.mark.parametrize(("text", "number", "label"), [
    ("win7", (7,), "Windows 7"),
    ("Win 7", (7,), "Windows 7"),
    ("Windows 7 SP1", (7,), "Windows 7"),
    ("windows7", (7,), "Windows 7"),
    ("Windows 8.1", (8, 1), "Windows 8.1"),
    ("Windows 8,1", (8, 1), "Windows 8.1"),  # the Nordic decimal comma
    ("win8", (8,), "Windows 8"),
    ("Windows 10 Pro 22H2", (10,), "Windows 10"),
    ("win-10", (10,), "Windows 10"),
    ("W10", (10,), "Windows 10"),  # ticket shorthand
    ("w7", (7,), "Windows 7"),
    ("windows11", (11,), "Windows 11"),
    ("WINDOWS 11 HOME", (11,), "Windows 11"),
    ("Windows XP", (5, 1), "Windows XP"),
    ("XP", (5, 1), "Windows XP"),
    ("Vista", (6, 0), "Windows Vista"),
    ("Windows 2000", (5, 0), "Windows 2000"),
])
def test_windows_spellings(text, number, label):
    found = parse_product_version(text)
    assert (found.product, found.number, found.label, found.kind) == ("windows", number, label, OPERATING_SYSTEM)


def test_windows_7_and_later_compare_above_xp_and_vista():
    assert read("Windows XP")[1] < read("Windows Vista")[1] < read("Windows 7")[1] < read("Windows 8.1")[1] \
        < read("Windows 10")[1] < read("Windows 11")[1]


@pytest.mark.parametrize(("text", "year"), [
    ("Windows Server 2019", (2019,)),
    ("Server 2016", (2016,)),
    ("win server 2012 R2", (2012,)),
    ("Windows Server", None),
])
def test_windows_server_is_not_read_as_a_windows_client(text, year):
    assert read(text) == ("windows-server", year)
    assert parse_product_version(text).kind == OPERATING_SYSTEM


@pytest.mark.parametrize(("text", "number", "label"), [
    ("Mac OS X 10.15", (10, 15), "macOS 10.15"),
    ("macOS 10,15", (10, 15), "macOS 10.15"),
    ("osx10.11", (10, 11), "macOS 10.11"),
    ("Mac OS X 10.6.8", (10, 6), "macOS 10.6.8"),
    ("OS X El Capitan", (10, 11), "macOS 10.11 (El Capitan)"),
    ("el capitan", (10, 11), "macOS 10.11 (El Capitan)"),
    ("Big Sur", (11,), "macOS 11 (Big Sur)"),
    ("macOS Sonoma", (14,), "macOS 14 (Sonoma)"),
    ("Sonoma", (14,), "macOS 14 (Sonoma)"),
    ("high sierra", (10, 13), "macOS 10.13 (High Sierra)"),
    ("Tahoe", (26,), "macOS 26 (Tahoe)"),
    ("macOS 26", (26,), "macOS 26"),
    ("macOS 14.5", (14,), "macOS 14.5"),  # since Big Sur the major is the version
    ("macos 27.1", (27,), "macOS 27.1"),
    ("MacOS 27", (27,), "macOS 27"),
    ("Mac OS 9", (9,), "macOS 9"),
])
def test_macos_spellings_numbers_and_names(text, number, label):
    found = parse_product_version(text)
    assert (found.product, found.number, found.label) == ("macos", number, label)


@pytest.mark.parametrize("text", ["mac", "Mac OS X", "MacBook", "macbook pro 16", "iMac"])
def test_a_mac_without_a_version_is_macos_of_unknown_version(text):
    # "MacBook Pro 16" is a 16-inch laptop, not macOS 16.
    assert read(text) == ("macos", None)


@pytest.mark.parametrize(("text", "number", "label"), [
    ("Outlook 2010", (2010,), "Outlook 2010"),
    ("Outlook 2013", (2013,), "Outlook 2013"),
    ("Outlook 2019", (2019,), "Outlook 2019"),
    ("outlook2016", (2016,), "Outlook 2016"),
    ("Microsoft Outlook 2016", (2016,), "Outlook 2016"),
    ("Outlook för Mac 2011", (2011,), "Outlook 2011"),
    ("Outlook för Microsoft 365", CURRENT, "Outlook for Microsoft 365"),
    ("Outlook 365", CURRENT, "Outlook for Microsoft 365"),
    ("new Outlook", CURRENT, "Outlook for Microsoft 365"),
    ("nya Outlook", CURRENT, "Outlook for Microsoft 365"),  # sv
    ("den nye Outlook", CURRENT, "Outlook for Microsoft 365"),  # nb, da
    ("uusi Outlook", CURRENT, "Outlook for Microsoft 365"),  # fi
    ("Outlook (new)", CURRENT, "Outlook for Microsoft 365"),
    ("Outlook", None, "Outlook"),
])
def test_outlook_spellings(text, number, label):
    found = parse_product_version(text)
    assert (found.product, found.kind, found.number, found.label) == ("outlook", EMAIL_CLIENT, number, label)


def test_subscription_outlook_counts_as_newer_than_any_year():
    assert read("new Outlook")[1] > read("Outlook 2024")[1] > read("Outlook 2013")[1]


@pytest.mark.parametrize(("text", "product", "label"), [
    ("Windows Live Mail", "windows-live-mail", "Windows Live Mail"),
    ("Windows Live Mail 2012", "windows-live-mail", "Windows Live Mail"),
    ("live mail", "windows-live-mail", "Windows Live Mail"),
    ("Thunderbird", "other-email", "Thunderbird"),
    ("Mozilla Thunderbird 115", "other-email", "Thunderbird"),
    ("Apple Mail", "other-email", "Apple Mail"),
    ("Outlook Express", "other-email", "Outlook Express"),  # a different, old program
    ("Gmail", "other-email", "Gmail"),
])
def test_other_mail_programs_are_named_not_taken_for_outlook(text, product, label):
    found = parse_product_version(text)
    assert (found.product, found.kind, found.label) == (product, EMAIL_CLIENT, label)


@pytest.mark.parametrize(("text", "number", "label"), [
    ("Office 2010", (2010,), "Office 2010"),
    ("Office 2013", (2013,), "Office 2013"),
    ("office2016", (2016,), "Office 2016"),
    ("Office 2016 for Mac", (2016,), "Office 2016"),
    ("Office 2016 för Windows", (2016,), "Office 2016"),
    ("Microsoft Office 2019", (2019,), "Office 2019"),
    ("Office LTSC 2024", (2024,), "Office 2024"),
    ("Excel 2010", (2010,), "Excel 2010"),
    ("PowerPoint 2013", (2013,), "Powerpoint 2013"),
    ("Word", None, "Word"),
    ("Office 365", CURRENT, "Microsoft 365 Apps (Office 365)"),
    ("O365", CURRENT, "Microsoft 365 Apps (Office 365)"),
    ("Office365", CURRENT, "Microsoft 365 Apps (Office 365)"),
    ("M365", CURRENT, "Microsoft 365 Apps (Office 365)"),
    ("Microsoft 365 Apps", CURRENT, "Microsoft 365 Apps (Office 365)"),
    ("Microsoft 365 Apps for business", CURRENT, "Microsoft 365 Apps (Office 365)"),
])
def test_office_spellings(text, number, label):
    found = parse_product_version(text)
    assert (found.product, found.kind, found.number, found.label) == ("office", OFFICE_SUITE, number, label)


@pytest.mark.parametrize(("text", "product", "kind"), [
    ("LibreOffice", "other-office", OFFICE_SUITE),
    ("Google Docs", "other-office", OFFICE_SUITE),
    ("iOS 18", "ios", MOBILE_OS),
    ("iPhone", "ios", MOBILE_OS),
    ("iPadOS 17", "ipados", MOBILE_OS),
    ("Android 14", "android", MOBILE_OS),
    ("Windows Phone 8.1", "windows-phone", MOBILE_OS),  # not Windows 8.1
    ("Ubuntu", "other-os", OPERATING_SYSTEM),
    ("Linux Mint", "other-os", OPERATING_SYSTEM),
    ("Chromebook", "other-os", OPERATING_SYSTEM),
])
def test_products_the_terms_do_not_cover_are_still_recognised(text, product, kind):
    found = parse_product_version(text)
    assert (found.product, found.kind) == (product, kind)


@pytest.mark.parametrize("text", ["", "   ", "banana", "2016", "version 7", "Samsung", "the new one", "Teams"])
def test_text_that_names_no_product_is_refused_with_examples(text):
    with pytest.raises(InvalidInput) as raised:
        parse_product_version(text)
    error = raised.value
    assert error.field == "version" and error.value == text
    message = str(error)
    assert message.startswith(f"version: {text!r}")
    assert "not a product version" in message
    assert "'Windows 11'" in message and "'Outlook 2016'" in message  # examples of what is read


@given(st.text(max_size=30))
def test_any_text_is_read_or_refused_never_crashes(text):
    try:
        found = parse_product_version(text)
    except InvalidInput as error:
        assert error.field == "version"
    else:
        assert found.label and found.kind in (OPERATING_SYSTEM, MOBILE_OS, EMAIL_CLIENT, OFFICE_SUITE)


@given(st.sampled_from(["Windows 10", "Outlook 2016", "macOS 15", "Office 2019", "Windows Live Mail"]),
       st.sampled_from([str.upper, str.lower, str.title, lambda s: f"  {s}  ", lambda s: s.replace(" ", "  ")]))
def test_case_and_spacing_do_not_change_the_reading(text, respell):
    assert parse_product_version(respell(text)) == parse_product_version(text)
