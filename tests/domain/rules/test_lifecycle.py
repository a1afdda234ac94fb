"""Lifecycle phases on their boundary days, the bundled dates, and reading product names."""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.errors import InvalidInput
from domain.lifecycle import (
    AmbiguousProduct,
    Phase,
    Policy,
    Product,
    UnknownProduct,
    answer,
    check,
    find_product,
    phase_on,
    tokens,
)
from domain.lifecycle_data import load_lifecycle

DATASET, CATALOGUE = load_lifecycle()
PRODUCTS = list(CATALOGUE.products.values())
TODAY = dt.date(2026, 11, 22)
DAY = dt.timedelta(days=1)
ORDER = [Phase.MAINSTREAM, Phase.EXTENDED, Phase.ENDED]


def product(product_id: str) -> Product:
    return CATALOGUE.products[product_id]


def by_id(products):
    return pytest.mark.parametrize("item", products, ids=[p.id for p in products])


# --- phases on their boundary days -------------------------------------------------------

@by_id([p for p in PRODUCTS if p.mainstream_end is not None])
def test_the_mainstream_end_is_the_last_mainstream_day(item):
    assert phase_on(item, item.mainstream_end) is Phase.MAINSTREAM
    after = Phase.EXTENDED if item.extended_end is not None else Phase.ENDED
    assert phase_on(item, item.mainstream_end + DAY) is after


@by_id([p for p in PRODUCTS if p.extended_end is not None])
def test_the_extended_end_is_the_last_day_of_support(item):
    assert phase_on(item, item.extended_end) is Phase.EXTENDED
    assert phase_on(item, item.extended_end + DAY) is Phase.ENDED


@by_id([p for p in PRODUCTS if p.mainstream_end is None])
def test_a_product_with_no_end_announced_stays_in_mainstream(item):
    assert item.policy is Policy.MODERN
    for day in (item.start or TODAY, TODAY, dt.date(2099, 12, 31)):
        assert phase_on(item, day) is Phase.MAINSTREAM


@pytest.mark.parametrize(("text", "day", "phase"), [
    # Windows Server 2022: mainstream to 13 October 2026, extended to 14 October 2031.
    ("Windows Server 2022", dt.date(2026, 10, 13), Phase.MAINSTREAM),
    ("Windows Server 2022", dt.date(2026, 10, 14), Phase.EXTENDED),
    ("Windows Server 2022", TODAY, Phase.EXTENDED),
    ("Windows Server 2022", dt.date(2031, 10, 14), Phase.EXTENDED),
    ("Windows Server 2022", dt.date(2031, 10, 15), Phase.ENDED),
    ("Office 2016", dt.date(2025, 10, 14), Phase.EXTENDED),
    ("Office 2016", dt.date(2025, 10, 15), Phase.ENDED),
    ("Office 2019", dt.date(2023, 10, 10), Phase.MAINSTREAM),
    ("Office 2019", dt.date(2023, 10, 11), Phase.EXTENDED),
    ("Exchange Server 2019", TODAY, Phase.ENDED),
    ("SharePoint Server 2019", dt.date(2026, 7, 14), Phase.EXTENDED),
    ("SharePoint Server 2019", dt.date(2026, 7, 15), Phase.ENDED),
    # Modern lifecycle: one end date, then ended, no extended phase.
    ("Windows 10 22H2", dt.date(2025, 10, 14), Phase.MAINSTREAM),
    ("Windows 10 22H2", dt.date(2025, 10, 15), Phase.ENDED),
    ("Windows 11 24H2 Pro", dt.date(2026, 10, 13), Phase.MAINSTREAM),
    ("Windows 11 24H2 Pro", TODAY, Phase.ENDED),
    ("Windows 11 24H2 Enterprise", TODAY, Phase.MAINSTREAM),
    ("Windows 11 23H2 Enterprise", dt.date(2026, 11, 10), Phase.MAINSTREAM),
    ("Windows 11 23H2 Enterprise", dt.date(2026, 11, 11), Phase.ENDED),
    ("Skype for Business Online", dt.date(2021, 7, 31), Phase.MAINSTREAM),
    ("Skype for Business Online", dt.date(2021, 8, 1), Phase.ENDED),
    # Fixed, mainstream only: no extended phase either.
    ("Office LTSC 2021", dt.date(2026, 10, 13), Phase.MAINSTREAM),
    ("Office LTSC 2021", dt.date(2026, 10, 14), Phase.ENDED),
    ("Microsoft 365 Apps", TODAY, Phase.MAINSTREAM),
])
def test_phases_of_known_products(text, day, phase):
    assert check(CATALOGUE, text, day).phase is phase


def synthetic(start: dt.date, mainstream_days: int, extended_days: int | None) -> Product:
    mainstream_end = start + dt.timedelta(days=mainstream_days)
    extended_end = None if extended_days is None else mainstream_end + dt.timedelta(days=extended_days)
    return Product(id="x", name="X", family="office", policy=Policy.FIXED, start=start,
                   mainstream_end=mainstream_end, extended_end=extended_end, source="https://example.org",
                   checked=TODAY, confidence="confirmed")


@given(start=st.dates(dt.date(2000, 1, 1), dt.date(2040, 1, 1)), mainstream=st.integers(1, 4000),
       extended=st.one_of(st.none(), st.integers(1, 4000)), offset=st.integers(0, 12000), later=st.integers(0, 5000))
def test_phases_only_move_forward_and_change_the_day_after_an_end(start, mainstream, extended, offset, later):
    item = synthetic(start, mainstream, extended)
    day = start + dt.timedelta(days=offset)
    phase = phase_on(item, day)
    assert ORDER.index(phase) <= ORDER.index(phase_on(item, day + dt.timedelta(days=later)))
    if phase_on(item, day + DAY) is not phase:
        assert day in (item.mainstream_end, item.extended_end)  # the phase's last day
    expected = (Phase.MAINSTREAM if day <= item.mainstream_end
                else Phase.EXTENDED if item.extended_end is not None and day <= item.extended_end else Phase.ENDED)
    assert phase is expected


# --- the bundled dates ----------------------------------------------------------------------

@by_id(PRODUCTS)
def test_every_bundled_product_has_consistent_dates(item):
    dates = [d for d in (item.start, item.mainstream_end, item.extended_end) if d is not None]
    assert dates == sorted(dates) and len(set(dates)) == len(dates)
    if item.policy is Policy.FIXED:
        assert item.start is not None and item.mainstream_end is not None
    else:
        assert item.extended_end is None  # modern: one end date, modelled as mainstream
    assert item.checked <= DATASET.checked
    assert item.source.startswith("https://learn.microsoft.com/")
    if item.confidence == "confirmed":
        assert item.confirmed_in, "a confirmed date says where it was seen"


def test_microsoft_ends_support_on_patch_tuesdays_except_for_online_services():
    # A one-day slip in a date would show as a Monday or a Wednesday.
    exceptions = {"skype-for-business-online", "teams-classic"}  # retired services, dates as announced
    for item in PRODUCTS:
        for end in (item.mainstream_end, item.extended_end):
            if end is not None and item.id not in exceptions:
                assert end.weekday() == 1, f"{item.id}: {end} is a {end:%A}"


def test_the_list_covers_what_a_desk_meets():
    ids = set(CATALOGUE.products)
    assert {"windows-7", "windows-8-1", "windows-10-22h2", "windows-server-2012", "windows-server-2012-r2",
            "windows-server-2016", "windows-server-2019", "windows-server-2022", "windows-server-2025",
            "office-2013", "office-2016", "office-2019", "office-2021", "office-2024", "office-ltsc-2021",
            "office-ltsc-2024", "microsoft-365-apps", "exchange-server-2013", "exchange-server-2016",
            "exchange-server-2019", "exchange-server-se", "sharepoint-server-2013", "sharepoint-server-2016",
            "sharepoint-server-2019", "sharepoint-server-se", "skype-for-business-server-2015",
            "skype-for-business-server-2019", "skype-for-business-online", "teams-classic"} <= ids
    for version in ("21h2", "22h2", "23h2", "24h2", "25h2"):  # Windows 11 by edition group
        assert {f"windows-11-{version}-home-pro", f"windows-11-{version}-enterprise-education"} <= ids
    assert product("skype-for-business-online").mainstream_end == dt.date(2021, 7, 31)
    assert any("ESU" in note for note in product("windows-10-22h2").notes)


def test_unconfirmed_dates_say_so():
    unconfirmed = [p for p in PRODUCTS if p.confidence == "from memory, not confirmed"]
    assert [p.id for p in unconfirmed] == ["windows-11-26h2-enterprise-education"]
    assert all(any("not confirmed" in note.lower() for note in p.notes) for p in unconfirmed)


# --- what a phase allows ------------------------------------------------------------------

def test_mainstream_allows_hotfixes_design_changes_and_complimentary_support():
    result = check(CATALOGUE, "Windows Server 2025", TODAY)
    assert result.phase is Phase.MAINSTREAM and result.phase_ends == dt.date(2029, 10, 9)
    text = " ".join(result.allows)
    assert "Non-security hotfixes, on request (004:29)" in result.allows
    assert "design" in text and "Complimentary support" in text and "Security updates (004:28)" in result.allows
    assert result.not_allowed == () and result.warning is None and not result.ended


def test_extended_allows_security_updates_and_paid_support_only():
    result = check(CATALOGUE, "Server 2019", TODAY)
    assert result.phase is Phase.EXTENDED and result.phase_ends == dt.date(2029, 1, 9)
    assert "Paid support (004:68)" in result.allows
    assert any(a.startswith("Non-security hotfixes only with a separate Extended Hotfix Support agreement")
               for a in result.allows)
    assert any("Complimentary support" in a and "(004:30)" in a for a in result.not_allowed)
    assert any("design changes or new features (004:72)" in a for a in result.not_allowed)
    assert result.warning is None


def test_after_the_end_only_limited_troubleshooting_and_self_help_and_a_warning():
    result = check(CATALOGUE, "Exchange 2016", TODAY)
    assert result.ended and result.phase_ends is None
    assert any("at least 12 months" in a and "(004:78)" in a for a in result.allows)
    assert any("Limited troubleshooting" in a for a in result.allows)
    assert result.warning.startswith("Microsoft support for Exchange Server 2016 ended on 2025-10-14.")
    assert "004:78" in result.warning


def test_a_modern_product_carries_the_modern_policy_note():
    result = check(CATALOGUE, "Windows 11 25H2 Pro", TODAY)
    assert result.product.policy is Policy.MODERN and result.product.extended_end is None
    assert result.notes[-1].startswith("Modern Lifecycle Policy") and result.notes[-1].endswith("(004:183-194)")
    fixed = check(CATALOGUE, "Windows Server 2019", TODAY)
    assert not any(n.startswith("Modern Lifecycle Policy") for n in fixed.notes)


def test_a_day_before_the_release_is_refused_naming_the_day():
    with pytest.raises(InvalidInput) as raised:
        check(CATALOGUE, "Office 2024", dt.date(2024, 9, 30))
    assert raised.value.field == "on" and "2024-10-01" in str(raised.value)
    assert check(CATALOGUE, "Office 2024", dt.date(2024, 10, 1)).phase is Phase.MAINSTREAM


def test_what_was_typed_is_kept():
    assert check(CATALOGUE, "  o2016 ", TODAY).matched_from == "  o2016 "


def test_the_answer_uses_the_catalogues_phase_rules():
    rules = dict(CATALOGUE.phases)
    rules[Phase.ENDED] = dataclasses.replace(rules[Phase.ENDED], not_allowed=())
    changed = dataclasses.replace(CATALOGUE, phases=rules)
    assert answer(changed, product("office-2013"), TODAY, "Office 2013").not_allowed == ()


# --- reading what the agent typed ---------------------------------------------------------

@pytest.mark.parametrize(("text", "product_id"), [
    ("Office 2016", "office-2016"), ("office 2016", "office-2016"), ("O2016", "office-2016"),
    ("office2016", "office-2016"), ("MS Office 2016", "office-2016"), ("Outlook 2016", "office-2016"),
    ("Office Professional Plus 2019", "office-2019"), ("Office LTSC 2021", "office-ltsc-2021"),
    ("Office 2021", "office-2021"), ("office 2024 ltsc", "office-ltsc-2024"),
    ("Windows 10", "windows-10-22h2"), ("win 10", "windows-10-22h2"), ("Windows10", "windows-10-22h2"),
    ("W10", "windows-10-22h2"), ("windows 10 pro", "windows-10-22h2"), ("Windows 10 22H2", "windows-10-22h2"),
    ("Windows 10 Enterprise LTSC 2021", "windows-10-ltsc-2021"), ("win10 ltsb 2019", "windows-10-ltsc-2019"),
    ("Windows 7 SP1", "windows-7"), ("Win7", "windows-7"), ("Windows 8,1", "windows-8-1"),
    ("Windows 8", "windows-8"),
    ("Windows 11 24H2 Pro", "windows-11-24h2-home-pro"), ("win11 24h2 home", "windows-11-24h2-home-pro"),
    ("Windows 11 Pro Education 24H2", "windows-11-24h2-home-pro"),
    ("Windows 11 Pro for Workstations 25H2", "windows-11-25h2-home-pro"),
    ("Windows 11 24H2 Enterprise", "windows-11-24h2-enterprise-education"),
    ("windows 11 education 23h2", "windows-11-23h2-enterprise-education"),
    ("Windows 11 IoT Enterprise 22H2", "windows-11-22h2-enterprise-education"),
    ("Windows 11 build 26100 pro", "windows-11-24h2-home-pro"),
    ("Windows 11 Enterprise LTSC 2024", "windows-11-ltsc-2024"),
    ("Server 2019", "windows-server-2019"), ("2019 server", "windows-server-2019"),
    ("Windows Server 2019", "windows-server-2019"), ("ws2019", "windows-server-2019"),
    ("WinServer 2019 Datacenter", "windows-server-2019"), ("Windows 2016", "windows-server-2016"),
    ("Server 2012", "windows-server-2012"), ("Server 2012 R2", "windows-server-2012-r2"),
    ("windows server 2012r2", "windows-server-2012-r2"), ("srv 2025", "windows-server-2025"),
    ("Exchange 2016", "exchange-server-2016"), ("Exchange Server 2019", "exchange-server-2019"),
    ("exch 2013", "exchange-server-2013"), ("Exchange SE", "exchange-server-se"),
    ("SharePoint 2019", "sharepoint-server-2019"), ("sp 2016", "sharepoint-server-2016"),
    ("SharePoint Subscription Edition", "sharepoint-server-se"),
    ("Skype for Business Server 2015", "skype-for-business-server-2015"),
    ("sfb 2019", "skype-for-business-server-2019"), ("S4B online", "skype-for-business-online"),
    ("Office 365", "microsoft-365-apps"), ("O365", "microsoft-365-apps"), ("M365", "microsoft-365-apps"),
    ("Microsoft 365 Apps for enterprise", "microsoft-365-apps"),
    ("classic Teams", "teams-classic"), ("Teams classic", "teams-classic"), ("new Teams", "microsoft-teams"),
    # Small typos in words, never in numbers.
    ("windos 11 25h2 pro", "windows-11-25h2-home-pro"), ("exchnage 2019", "exchange-server-2019"),
    ("Sharepiont 2016", "sharepoint-server-2016"), ("Windwos Server 2022", "windows-server-2022"),
])
def test_many_spellings_name_the_product(text, product_id):
    assert find_product(CATALOGUE, text).id == product_id


@by_id(PRODUCTS)
def test_every_name_and_alias_finds_its_own_product(item):
    for text in (item.name, *item.aliases, item.name.upper(), f"  {item.name.lower()}  "):
        assert find_product(CATALOGUE, text).id == item.id, text


@pytest.mark.parametrize(("text", "expected"), [
    ("Windows 11", {"windows-11-24h2-home-pro", "windows-11-25h2-enterprise-education", "windows-11-ltsc-2024"}),
    ("Windows 11 24H2", {"windows-11-24h2-home-pro", "windows-11-24h2-enterprise-education"}),
    ("Windows 11 2024 Update", {"windows-11-24h2-home-pro", "windows-11-24h2-enterprise-education"}),
    ("win 11 pro", {"windows-11-21h2-home-pro", "windows-11-26h2-home-pro"}),
    ("Teams", {"teams-classic", "microsoft-teams"}),
    ("Skype for Business", {"skype-for-business-server-2015", "skype-for-business-server-2019",
                            "skype-for-business-online"}),
    ("Windows Server", {"windows-server-2012", "windows-server-2025"}),
    ("Exchange", {"exchange-server-2013", "exchange-server-se"}),
    ("Windows 10 LTSC", {"windows-10-ltsc-2019", "windows-10-ltsc-2021"}),
])
def test_text_that_fits_several_products_lists_them_to_choose_from(text, expected):
    with pytest.raises(AmbiguousProduct) as raised:
        find_product(CATALOGUE, text, "--product")
    names = {product(i).name for i in expected}
    assert names <= set(raised.value.candidates)
    assert raised.value.field == "--product" and raised.value.value == text
    assert "say which one" in str(raised.value)
    order = [p.name for p in PRODUCTS if p.name in raised.value.candidates]
    assert raised.value.candidates == order  # in the list's order


def test_windows_11_alone_lists_every_windows_11_version_and_edition():
    with pytest.raises(AmbiguousProduct) as raised:
        find_product(CATALOGUE, "Windows 11")
    windows_11 = [p.name for p in PRODUCTS if p.name.startswith("Windows 11")]
    assert raised.value.candidates == windows_11 and len(windows_11) >= 15


@pytest.mark.parametrize(("text", "closest"), [
    ("SQL Server 2019", "Windows Server 2019"),  # not silently Windows Server 2019
    ("Windows 12", "Windows 8.1"),
    ("Windows 11 25H3", "Windows 11 25H2 (Home, Pro)"),
    ("Office 2017", "Office 2013"),  # a number is never corrected: 2017 is not 2016
    ("Exchange 2010", "Exchange Server 2013"),
    ("Visio 2016", "Office 2016"),
    ("Windows Vista", "Windows 7"),
])
def test_unknown_text_names_the_closest_products(text, closest):
    with pytest.raises(UnknownProduct) as raised:
        find_product(CATALOGUE, text, "--product")
    assert closest in raised.value.closest and len(raised.value.closest) == 3
    assert str(raised.value).startswith(f"--product: {text!r} is not a product in the lifecycle list; closest: ")


@pytest.mark.parametrize("text", ["", "   ", None])
def test_empty_text_is_refused_with_examples(text):
    with pytest.raises(InvalidInput, match="is empty: name a product"):
        find_product(CATALOGUE, text)


def test_punctuation_alone_names_nothing():
    with pytest.raises(UnknownProduct):
        find_product(CATALOGUE, "?!")


@pytest.mark.parametrize(("text", "words"), [
    ("Win10", ("windows", "10")), ("ws2019", ("windows", "server", "2019")), ("O2016", ("office", "2016")),
    ("Windows 11 24H2", ("windows", "11", "24h2")), ("Server 2012R2", ("server", "2012", "r2")),
    ("Windows 8,1", ("windows", "8.1")), ("Microsoft Office 2016 SP1", ("office", "2016")),
    ("Pro for Workstations", ("pro",)), ("Skype for Business", ("skype", "business")),
])
def test_tokens(text, words):
    assert tokens(text) == words


def test_the_rules_import_neither_qt_nor_sqlalchemy():
    code = ("import json, sys; import domain.lifecycle, domain.lifecycle_data; "
            "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules} & "
            "{'PySide6', 'shiboken6', 'sqlalchemy', 'alembic'})))")
    root = Path(__file__).resolve().parents[3]
    result = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []
