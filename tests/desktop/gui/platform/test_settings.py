"""desktop/gui/platform/settings.py over Windows' registry: QSettings hands back a REG_DWORD
as an int, a REG_SZ as text, a bool it wrote as "true"/"false", a REG_MULTI_SZ as a list.
The tests run QSettings on an INI file (tests/desktop/gui/conftest.py), where every value
comes back as text; here the registry's kinds are given as they come, and each reads as a
value the app can use or as the default, never a crash."""
from __future__ import annotations

import pytest

from desktop.gui.platform.settings import (
    DEADLINE_DAYS,
    DEFAULT_COUNTRY,
    JOURNAL_RETENTION_MONTHS,
    THEME,
    Settings,
)
from domain.services.register import DEFAULT_WITHIN_DAYS

pytestmark = pytest.mark.gui


class RegistrySettings:
    """What QSettings' registry format gives back: the value as Qt read it from the key."""

    def __init__(self, **values: object) -> None:
        self.values = values

    def value(self, key: str) -> object:
        return self.values.get(key)

    def setValue(self, key: str, value: object) -> None:  # Qt's name
        self.values[key] = value

    def sync(self) -> None:
        pass


@pytest.mark.parametrize(("stored", "days"), [
    (90, 90),  # REG_DWORD: what QSettings writes for an int on Windows
    ("90", 90),  # REG_SZ, typed in by hand in regedit
    (" 30 ", 30),
    (0, DEFAULT_WITHIN_DAYS), (366, DEFAULT_WITHIN_DAYS),  # out of range
    ("true", DEFAULT_WITHIN_DAYS), (True, DEFAULT_WITHIN_DAYS),  # a bool as QSettings writes it, or as Qt reads it
    (["90"], DEFAULT_WITHIN_DAYS),  # REG_MULTI_SZ
    (b"\x5a\x00\x00\x00", DEFAULT_WITHIN_DAYS),  # REG_BINARY
])
def test_a_number_of_days_from_the_registry(stored, days):
    assert Settings(RegistrySettings(**{DEADLINE_DAYS: stored})).deadline_days == days


@pytest.mark.parametrize(("stored", "months"), [(12, 12), ("6", 6), (-3, 24), ("false", 24), (None, 24)])
def test_the_journal_s_months_from_the_registry(stored, months):
    assert Settings(RegistrySettings(**{JOURNAL_RETENTION_MONTHS: stored})).journal_retention_months == months


@pytest.mark.parametrize(("stored", "country"), [("fi", "FI"), (" NO ", "NO"), (1, None), ("true", None),
                                                 (["SE"], None)])
def test_the_desk_country_from_the_registry(stored, country):
    assert Settings(RegistrySettings(**{DEFAULT_COUNTRY: stored})).default_country == country


@pytest.mark.parametrize("stored", [1, "true", ["dark"], "Dark "])
def test_a_theme_that_is_not_one_of_the_app_s_reads_as_the_system_s(stored):
    assert Settings(RegistrySettings(**{THEME: stored})).theme == "system"


def test_what_the_app_writes_reads_back_as_the_same_kind():
    store = RegistrySettings()
    settings = Settings(store)
    settings.deadline_days = 60
    settings.agent_name = "Anna  Lindqvist"
    assert store.values[DEADLINE_DAYS] == 60 and isinstance(store.values[DEADLINE_DAYS], int)  # a REG_DWORD
    assert (settings.deadline_days, settings.agent_name) == (60, "Anna Lindqvist")
    store.values["agent_name"] = 42  # a DWORD where the name belongs: asked again, not shown as "42"
    assert settings.agent_name == "" and settings.first_run_needed()
