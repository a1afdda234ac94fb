"""desktop/common/windows_facts.py: the one door to Windows' own facts. Off Windows there is
none (and neither winreg nor ctypes is loaded); the registry reading itself runs against a
stand-in for winreg that behaves as Windows' does, since no Windows machine is here."""
from __future__ import annotations

import sys
import types

import pytest

from desktop.common import machine_config
from desktop.common.windows_facts import RealWindows, system_windows, windows_folder


def test_off_windows_there_are_no_windows_facts():
    assert (system_windows() is None) == (sys.platform != "win32")


def test_windows_folders_are_written_as_windows_writes_them():
    environ = {"PROGRAMDATA": r"C:\ProgramData", "LOCALAPPDATA": r"C:\Users\anna\AppData\Local"}
    assert windows_folder(environ, "PROGRAMDATA", "Deskguide", "deskguide.ini") == r"C:\ProgramData\Deskguide\deskguide.ini"
    assert windows_folder({}, "LOCALAPPDATA", "Deskguide") is None


def test_on_windows_the_machine_ini_is_in_program_data(monkeypatch):
    environ = {"PROGRAMDATA": r"C:\ProgramData"}
    assert str(machine_config.config_path(environ, "win32")) == r"C:\ProgramData\Deskguide\deskguide.ini"
    assert str(machine_config.config_path({**environ, machine_config.ENV_FILE: r"D:\trial.ini"}, "win32")) \
        == r"D:\trial.ini"


@pytest.fixture
def winreg(monkeypatch):
    """A stand-in for Windows' winreg module holding one HKLM key, as winreg answers: the
    value list by index, FileNotFoundError for a missing key."""
    module = types.SimpleNamespace(HKEY_LOCAL_MACHINE="HKLM", KEY_READ=0x20019, KEY_WOW64_64KEY=0x0100, opened=[])
    keys = {r"SOFTWARE\Policies\Deskguide": [("DefaultCountry", "FI", 1), ("DatabaseLocation", r"%X%\d.sqlite3", 2),
                                            ("Retries", 3, 4)]}

    class Handle:
        def __init__(self, values):
            self.values = values

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

    def open_key(hive, key, reserved, access):
        module.opened.append((hive, key, access))
        if key not in keys:
            raise FileNotFoundError(2, "The system cannot find the file specified")
        return Handle(keys[key])

    module.OpenKey = open_key
    module.QueryInfoKey = lambda handle: (0, len(handle.values), 0)
    module.EnumValue = lambda handle, index: handle.values[index]
    monkeypatch.setitem(sys.modules, "winreg", module)
    return module


def test_the_registry_is_read_in_the_64_bit_view_and_gives_plain_values(winreg):
    values = RealWindows().registry_values(r"SOFTWARE\Policies\Deskguide")
    assert values == {"DefaultCountry": "FI", "DatabaseLocation": r"%X%\d.sqlite3", "Retries": 3}
    [(hive, _key, access)] = winreg.opened
    assert hive == "HKLM" and access & winreg.KEY_WOW64_64KEY  # where a 64-bit MSI and Group Policy write
    assert RealWindows().registry_values(r"SOFTWARE\Nobody") is None  # a missing key: nothing set


def test_the_display_language_and_the_code_page_always_have_an_answer():
    facts = RealWindows()
    if sys.platform == "win32":
        assert isinstance(facts.ui_language_id(), int) and facts.ansi_code_page().startswith("cp")
    else:  # no Windows to ask: no display language, and cp1252 (the Nordic desks' code page)
        assert (facts.ui_language_id(), facts.ansi_code_page()) == (None, "cp1252")
