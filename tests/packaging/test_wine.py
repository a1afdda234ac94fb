"""tests/packaging/wine.py's .reg reader: what the Wine tests (and later the app's
registry reader tests) take for the values the installer wrote."""
from __future__ import annotations

import pytest

from tests.packaging.wine import parse_reg, reg_file_values

# As `reg export` writes it (UTF-16 with a BOM on disk): Wine 8's own output for the
# Deskguide key, plus the value kinds an Apps & features entry holds.
EXPORT = (
    "Windows Registry Editor Version 5.00\r\n\r\n"
    "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Deskguide]\r\n"
    '"DatabaseLocation"="D:\\\\Kundtjänst\\\\Ősz Привет\\\\deskguide.sqlite3"\r\n'
    '"DefaultCountry"="NO"\r\n'
    '"Quoted"="say \\"hej\\""\r\n'
    '"StartMenuShortcut"=dword:00000001\r\n\r\n'
    "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\{X}]\r\n"
    '@="default"\r\n'
    '"ModifyPath"=hex(2):4d,00,73,00,69,00,45,00,78,00,65,00,63,00,2e,00,65,00,78,00,\\\r\n'
    "  65,00,00,00\r\n"
    '"Size"=hex:01,02\r\n'
)


def test_a_reg_export_gives_each_keys_values_as_the_installer_wrote_them(tmp_path):
    path = tmp_path / "export.reg"
    path.write_bytes(b"\xff\xfe" + EXPORT.encode("utf-16-le"))
    assert reg_file_values(path) == {
        "DatabaseLocation": "D:\\Kundtjänst\\Ősz Привет\\deskguide.sqlite3", "DefaultCountry": "NO",
        "Quoted": 'say "hej"', "StartMenuShortcut": 1,
    }
    uninstall = reg_file_values(path, "HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\{X}")
    assert uninstall == {"": "default", "ModifyPath": "MsiExec.exe", "Size": b"\x01\x02"}


def test_a_line_that_is_no_value_is_refused_not_skipped():
    with pytest.raises(ValueError, match="not a .reg value line"):
        parse_reg("Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\X]\r\nDefaultCountry=NO\r\n")
