"""The bundled desks.toml, and what a reviewer hears when a replacement file is broken."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from domain.desks import DayHours, FixedClosedDay, NamedHoliday
from domain.errors import ReferenceDataError
from domain.reference_data import load_desks, reference_dir

BUNDLED = reference_dir() / "desks.toml"
WEEKDAYS = {0, 1, 2, 3, 4}


def desks_by_country(data):
    return {desk.country: desk for desk in data.desks}


# --- the bundled file -------------------------------------------------------------------

def test_the_bundled_file_has_the_four_desks():
    data = load_desks()
    assert sorted(desks_by_country(data)) == ["DK", "FI", "NO", "SE"]
    assert len(data.desks) == 4
    assert data.dataset.name == "desks" and data.dataset.version >= 1
    assert (data.dataset.reviewed_from, data.dataset.reviewed_to) == (2024, 2030)
    assert isinstance(data.dataset.checked, dt.date)
    assert "2017:3" in data.dataset.source  # the terms it cites


@pytest.mark.parametrize("country, phone, timezone, closes", [
    ("SE", "+46770176100", "Europe/Stockholm", dt.time(17)),
    ("NO", "+4781503636", "Europe/Oslo", dt.time(16)),
    ("DK", "+4589871001", "Europe/Copenhagen", dt.time(16)),
    ("FI", "+358753251111", "Europe/Helsinki", dt.time(16)),
])
def test_each_desk_has_its_phone_zone_and_weekday_hours(country, phone, timezone, closes):
    desk = desks_by_country(load_desks())[country]
    assert desk.phone == phone
    assert desk.timezone == timezone and desk.zone.key == timezone
    assert desk.email == "servicedesk@dustin.eu"
    assert desk.weekly_hours == {day: DayHours(dt.time(8), closes) for day in WEEKDAYS}  # closed Sat and Sun
    assert "terms §6" in desk.clause
    assert desk.closed_days_note


def test_the_closed_day_rules_of_the_bundled_file():
    desks = desks_by_country(load_desks())
    assert desks["SE"].closed_day_rules.holidays_categories == ("public", "de_facto")
    assert desks["NO"].closed_day_rules.fixed == (
        FixedClosedDay(12, 24, "Christmas Eve"), FixedClosedDay(12, 31, "New Year's Eve"))
    assert desks["DK"].closed_day_rules.holidays_named == (
        NamedHoliday("optional", "Christmas Eve"), NamedHoliday("optional", "New Year's Eve"))
    assert desks["FI"].closed_day_rules.holidays_categories == ("public",)
    assert desks["FI"].closed_day_rules.fixed == (FixedClosedDay(12, 31, "New Year's Eve"),)


# --- broken replacement files -------------------------------------------------------------

def bundled_text() -> str:
    return BUNDLED.read_text(encoding="utf-8")


def write(tmp_path: Path, text: str, name: str = "desks.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def changed(old: str, new: str, count: int = 1) -> str:
    text = bundled_text()
    assert text.count(old) >= 1, f"the bundled file no longer contains {old!r}"
    return text.replace(old, new, count)


def load_error(path: Path) -> str:
    with pytest.raises(ReferenceDataError) as raised:
        load_desks(path)
    return str(raised.value)


def test_a_copy_of_the_bundled_file_loads_from_anywhere(tmp_path):
    assert load_desks(write(tmp_path, bundled_text(), "copy.toml")) == load_desks()


def test_an_unknown_country_is_named(tmp_path):
    message = load_error(write(tmp_path, changed('country = "FI"', 'country = "IS"')))
    assert "desks.toml" in message and "desk IS" in message and "unknown country" in message


def test_a_missing_desk_is_named(tmp_path):
    text = bundled_text()
    without_finland = text[:text.index('[[desk]]\ncountry = "FI"')]
    message = load_error(write(tmp_path, without_finland))
    assert "exactly one desk" in message and "found ['DK', 'NO', 'SE']" in message


def test_a_duplicated_desk_is_refused(tmp_path):
    message = load_error(write(tmp_path, changed('country = "NO"', 'country = "SE"')))
    assert "exactly one desk" in message and "'SE', 'SE'" in message


def test_hours_that_close_before_they_open_are_named(tmp_path):
    message = load_error(write(tmp_path, changed('mon = "08:00-17:00"', 'mon = "17:00-08:00"')))
    assert "desk SE" in message and "17:00-08:00" in message and "must open before it closes" in message


def test_hours_that_are_not_times_are_named(tmp_path):
    message = load_error(write(tmp_path, changed('fri = "08:00-16:00"', 'fri = "8 to 4"')))
    assert "desk NO" in message and "8 to 4" in message and "HH:MM-HH:MM" in message


def test_an_unknown_weekday_is_named(tmp_path):
    message = load_error(write(tmp_path, changed('fri = "08:00-17:00"', 'fre = "08:00-17:00"')))
    assert "desk SE" in message and "'fre'" in message


def test_a_misspelt_timezone_is_named(tmp_path):
    message = load_error(write(tmp_path, changed('"Europe/Oslo"', '"Europe/Olso"')))
    assert "desk NO" in message and "Europe/Olso" in message


def test_a_fixed_eve_on_an_impossible_date_is_named(tmp_path):
    message = load_error(write(tmp_path, changed("{ month = 12, day = 31, name = \"New Year's Eve\" },",
                                                 "{ month = 12, day = 32, name = \"New Year's Eve\" },")))
    assert "desk NO" in message and "day is out of range" in message


def test_bad_toml_is_named_with_its_line(tmp_path):
    message = load_error(write(tmp_path, changed("name = \"desks\"", "name = = \"desks\"")))
    assert "desks.toml" in message and "cannot be read" in message
    assert re.search(r"line \d+", message)


def test_a_missing_file_is_named(tmp_path):
    message = load_error(tmp_path / "nowhere.toml")
    assert "nowhere.toml" in message and "cannot be read" in message


def test_an_incomplete_dataset_header_is_named(tmp_path):
    message = load_error(write(tmp_path, changed('name = "desks"\n', "")))
    assert "[dataset] is missing the key" in message and "'name'" in message


def test_a_missing_fault_report_email_is_named(tmp_path):
    message = load_error(write(tmp_path, changed('email = "servicedesk@dustin.eu"', 'mail = "x"')))
    assert "[fault_report] email is missing" in message


def test_a_desk_without_a_phone_is_named(tmp_path):
    message = load_error(write(tmp_path, changed('phone = "+4589871001"\n', "")))
    assert "desk DK" in message and "'phone'" in message


def test_a_fixed_closed_day_on_29_february_is_accepted(tmp_path):
    path = write(tmp_path, changed("{ month = 12, day = 31, name = \"New Year's Eve\" },",
                                   "{ month = 2, day = 29, name = \"Leap Day\" },"))
    norway = desks_by_country(load_desks(path))["NO"]
    assert FixedClosedDay(2, 29, "Leap Day") in norway.closed_day_rules.fixed


def test_a_checked_date_written_as_text_is_refused(tmp_path):
    message = load_error(write(tmp_path, changed("checked = 2026-11-22", 'checked = "22.11.2026"')))
    assert "checked" in message and "22.11.2026" in message


def test_a_missing_phone_names_the_desk_and_the_key(tmp_path):
    message = load_error(write(tmp_path, changed('phone = "+4589871001"\n', "")))
    assert "desk DK" in message and "missing the key 'phone'" in message
