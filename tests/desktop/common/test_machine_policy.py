"""The machine's defaults from the registry (issue 18): IT's policy key, then the installer's
key, then deskguide.ini, per setting; a bad value in one place never stops the desk and
never hides the places below it. Windows' registry is given as plain values (FakeWindows)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import PureWindowsPath

import pytest

from desktop.common import machine_config
from desktop.common.machine_config import (
    COUNTRY,
    DATABASE,
    DATABASE_URL,
    INSTALLER_KEY,
    LANGUAGE,
    POLICY_KEY,
    read_machine_settings,
    registry_defaults,
)
from tests.windows_facts import FakeWindows

TEAM = "postgresql://db.example/deskguide"
POLICY = r"HKLM\SOFTWARE\Policies\Deskguide"
INSTALLER = r"HKLM\SOFTWARE\Deskguide"


def windows(policy=None, installer=None, **facts) -> FakeWindows:
    registry = {key: values for key, values in ((POLICY_KEY, policy), (INSTALLER_KEY, installer)) if values is not None}
    return FakeWindows(registry=registry, environ=facts.pop("environ", {"USERNAME": "anna"}), **facts)


def test_the_keys_are_the_ones_group_policy_and_the_installer_write():
    assert (POLICY_KEY, INSTALLER_KEY) == (r"SOFTWARE\Policies\Deskguide", r"SOFTWARE\Deskguide")
    assert (COUNTRY, LANGUAGE, DATABASE, DATABASE_URL) == (
        "DefaultCountry", "DefaultLanguage", "DatabaseLocation", "DatabaseUrl")


def test_the_installer_s_key_alone_gives_every_default(tmp_path):
    defaults = read_machine_settings(windows(installer={
        "DefaultCountry": "NO", "DefaultLanguage": "nb", "DatabaseLocation": r"D:\Deskguide\%USERNAME%.sqlite3"}),
        tmp_path / "none.ini")
    assert (defaults.country, defaults.language) == ("NO", "nb")
    assert defaults.database == PureWindowsPath(r"D:\Deskguide\anna.sqlite3")
    assert defaults.warnings == () and defaults.source is None  # no file was read
    assert defaults.origin(COUNTRY) == rf"{INSTALLER} DefaultCountry"


def test_the_policy_wins_per_setting_and_the_rest_comes_from_below(ini):
    path = ini("[defaults]\ncountry = DK\nlanguage = da\ndatabase_url = postgresql://ini.example/deskguide\n")
    defaults = read_machine_settings(windows(policy={"DefaultCountry": "FI"},
                                             installer={"DefaultCountry": "SE", "DefaultLanguage": "sv"}), path)
    assert (defaults.country, defaults.language) == ("FI", "sv")
    assert defaults.database_url.host == "ini.example"  # neither key names a database
    assert dict(defaults.origins) == {COUNTRY: rf"{POLICY} DefaultCountry", LANGUAGE: rf"{INSTALLER} DefaultLanguage",
                                      DATABASE_URL: f"{path} database_url"}
    assert defaults.source == path and defaults.warnings == ()


def test_a_bad_policy_value_is_ignored_with_one_warning_and_the_places_below_still_apply(tmp_path):
    defaults = read_machine_settings(windows(policy={"DefaultCountry": "XX", "DefaultLanguage": "klingon"},
                                             installer={"DefaultCountry": "DK", "DefaultLanguage": "da"}),
                                     tmp_path / "none.ini")
    assert (defaults.country, defaults.language) == ("DK", "da")
    assert defaults.warnings == (rf"{POLICY}: DefaultCountry = 'XX' ignored: use one of SE, NO, DK, FI",
                                 rf"{POLICY}: DefaultLanguage = 'klingon' ignored: use one of en, sv, nb, da, fi")


def test_the_database_is_one_decision_the_highest_place_naming_one_wins(tmp_path):
    # The policy names a file; the installer's URL below it is not used (no warning: overruled).
    defaults = read_machine_settings(windows(policy={"DatabaseLocation": r"E:\Desk\deskguide.sqlite3"},
                                             installer={"DatabaseUrl": TEAM}), tmp_path / "none.ini")
    assert defaults.database == PureWindowsPath(r"E:\Desk\deskguide.sqlite3") and defaults.database_url is None
    assert defaults.warnings == ()
    # Within one place the URL wins over the file, with a warning naming the file.
    defaults = read_machine_settings(windows(installer={"DatabaseLocation": r"E:\Desk\old.sqlite3", "DatabaseUrl": TEAM}),
                                     tmp_path / "none.ini")
    assert defaults.database is None and defaults.database_url.host == "db.example"
    [warning] = defaults.warnings
    assert warning == (rf"{INSTALLER}: DatabaseLocation = 'E:\\Desk\\old.sqlite3' ignored: DatabaseUrl names "
                       "the team database, which wins")


def test_every_rule_of_the_ini_holds_for_the_policy_too(tmp_path):
    defaults = read_machine_settings(windows(policy={
        "DatabaseLocation": r"Deskguide\relative.sqlite3",
        "DatabaseUrl": "postgresql://agent:hunter2hunter2@db.example/deskguide",
        "DefaultColour": "blue"},
        installer={"DatabaseLocation": r"D:\%NOT_SET%\deskguide.sqlite3"}), tmp_path / "none.ini")
    assert (defaults.database, defaults.database_url) == (None, None)
    relative, password, unknown, unset = defaults.warnings
    assert relative == rf"{POLICY}: DatabaseLocation = 'Deskguide\\relative.sqlite3' ignored: not an absolute path"
    assert password.startswith(rf"{POLICY}: DatabaseUrl ignored: a URL with a password is refused")
    assert "hunter2" not in password
    assert unknown == rf"{POLICY}: DefaultColour = 'blue' ignored: unknown setting"
    assert "%NOT_SET% is not set" in unset and unset.startswith(INSTALLER)


def test_the_installer_s_own_values_in_its_key_are_no_typo(tmp_path):
    # The installer may keep its own values (an install folder, a key path) beside the settings.
    defaults = read_machine_settings(windows(installer={"DefaultCountry": "SE", "InstallFolder": r"C:\Program Files"}),
                                     tmp_path / "none.ini")
    assert defaults.country == "SE" and defaults.warnings == ()


def test_a_number_where_text_belongs_is_ignored_and_says_what_to_write(tmp_path):
    defaults = read_machine_settings(windows(policy={"DefaultCountry": 1, "DefaultLanguage": ["sv"]},
                                             installer={"DefaultCountry": "FI"}), tmp_path / "none.ini")
    assert (defaults.country, defaults.language) == ("FI", None)
    assert defaults.warnings == (
        rf"{POLICY}: DefaultCountry = 1 ignored: a number (REG_DWORD); write it as text (REG_SZ)",
        rf"{POLICY}: DefaultLanguage = ['sv'] ignored: not text; write it as text (REG_SZ)")


def test_value_names_are_case_insensitive_and_values_are_tidied(tmp_path):
    defaults = read_machine_settings(windows(policy={"defaultcountry": " no ", "DEFAULTLANGUAGE": "No",
                                                     "databaseurl": f'"{TEAM}"'}), tmp_path / "none.ini")
    assert (defaults.country, defaults.language, defaults.database_url.host) == ("NO", "nb", "db.example")
    assert defaults.warnings == ()


def test_an_empty_value_is_no_value(tmp_path):
    defaults = read_machine_settings(windows(policy={"DefaultCountry": "", "DatabaseLocation": "  "},
                                             installer={"DefaultCountry": "DK"}), tmp_path / "none.ini")
    assert (defaults.country, defaults.database, defaults.warnings) == ("DK", None, ())


def test_an_expandable_string_is_expanded_for_the_user_who_runs_the_app(tmp_path):
    # REG_EXPAND_SZ (the ADMX says expandable="true"): winreg gives the text unexpanded.
    facts = windows(policy={"DatabaseLocation": r"%LOCALAPPDATA%\Deskguide\%USERNAME%.sqlite3"},
                    environ={"LOCALAPPDATA": r"C:\Users\anna\AppData\Local", "USERNAME": "anna"})
    defaults = read_machine_settings(facts, tmp_path / "none.ini")
    assert defaults.database == PureWindowsPath(r"C:\Users\anna\AppData\Local\Deskguide\anna.sqlite3")


@pytest.mark.parametrize("location", [r"D:\Kundtjänst\deskguide.sqlite3",  # in cp1252
                                      r"D:\Asiakaspalvelu Łódź\Служба\客服\deskguide.sqlite3"])  # outside it
def test_a_path_outside_ascii_reaches_the_app_intact_from_the_registry(location, tmp_path):
    # The reason for the registry (wixtoolset issue 7526): Windows Installer writes an INI
    # file in the ANSI code page, and what it lacks becomes "?"; the registry keeps Unicode.
    defaults = read_machine_settings(windows(installer={"DatabaseLocation": location}), tmp_path / "none.ini")
    assert str(defaults.database) == location and defaults.warnings == ()


def test_missing_keys_leave_the_ini_to_decide(ini):
    path = ini("[defaults]\ncountry = FI\n")
    defaults = read_machine_settings(windows(), path)
    assert defaults.country == "FI" and defaults.origin(COUNTRY) == f"{path} country"
    assert read_machine_settings(windows(), path.with_name("none.ini")) == machine_config.MachineDefaults()


def test_a_key_that_cannot_be_read_is_said_and_the_others_still_apply(tmp_path):
    facts = windows(installer={"DefaultCountry": "NO"})
    facts.unreadable[POLICY_KEY] = PermissionError(13, "Access is denied")
    defaults = read_machine_settings(facts, tmp_path / "none.ini")
    assert defaults.country == "NO"
    assert defaults.warnings == (rf"{POLICY}: not read ([Errno 13] Access is denied)",)


def test_the_ini_is_read_in_windows_own_ansi_code_page(tmp_path):
    path = tmp_path / "deskguide.ini"
    folder = tmp_path / "Пользователи"
    path.write_bytes(f"[defaults]\ndatabase={folder / 'deskguide.sqlite3'}\n".encode("cp1251"))
    defaults = read_machine_settings(windows(code_page="cp1251"), path)
    assert defaults.database == folder / "deskguide.sqlite3" and defaults.warnings == ()


def test_a_code_page_python_does_not_know_falls_back_to_the_nordic_one(tmp_path):
    path = tmp_path / "deskguide.ini"
    path.write_bytes("[defaults]\ncountry=SE\ndatabase_url=postgresql://db.example/kundtjänst\n".encode("cp1252"))
    defaults = read_machine_settings(windows(code_page="cp99999"), path)
    assert defaults.country == "SE" and defaults.database_url.database == "kundtjänst"


def test_registry_defaults_builds_them_from_plain_dicts(tmp_path, ini):
    # What the Wine test does with the values it exports from Wine's registry.
    path = ini("[defaults]\nlanguage = fi\n")
    defaults = registry_defaults(None, {"DefaultCountry": "SE", "DatabaseLocation": r"C:\Data\%USERNAME%\x.sqlite3"},
                                 environ={"USERNAME": "åsa"}, ini=path)
    assert (defaults.country, defaults.language) == ("SE", "fi")
    assert defaults.database == PureWindowsPath(r"C:\Data\åsa\x.sqlite3")


def test_the_database_target_names_the_place_that_chose_it(monkeypatch, tmp_path):
    from desktop.common.database_target import resolve_target

    monkeypatch.delenv("DESKGUIDE_DB")
    monkeypatch.setattr(machine_config, "system_windows", lambda: windows(policy={"DatabaseUrl": TEAM}))
    machine_config._cached.cache_clear()
    try:
        chosen = resolve_target()
    finally:
        machine_config._cached.cache_clear()
    assert chosen.team.host == "db.example" and chosen.explicit
    assert chosen.source == rf"{POLICY} DatabaseUrl"


def test_the_program_reads_the_policy_once_and_prints_its_warnings_once(monkeypatch, capsys):
    monkeypatch.setattr(machine_config, "system_windows", lambda: windows(policy={"DefaultCountry": "XX"},
                                                                          installer={"DefaultCountry": "NO"}))
    machine_config._cached.cache_clear()
    try:
        assert machine_config.machine_defaults().country == "NO"
        assert machine_config.machine_defaults().country == "NO"
    finally:
        machine_config._cached.cache_clear()
    assert capsys.readouterr().err == (
        rf"deskguide: machine config: {POLICY}: DefaultCountry = 'XX' ignored: use one of SE, NO, DK, FI" "\n")


def test_off_windows_start_up_loads_neither_winreg_nor_ctypes():
    code = ("import sys; from desktop.common.machine_config import machine_defaults; machine_defaults(); "
            "import desktop.cli.language as l; l.default_language(); "
            "print(sorted({'winreg', 'ctypes'} & set(sys.modules)))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    # On Windows both are asked: the registry for IT's settings, kernel32 for the display language.
    assert result.stdout.strip() == ("['ctypes', 'winreg']" if sys.platform == "win32" else "[]")
