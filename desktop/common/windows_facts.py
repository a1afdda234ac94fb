"""What Deskguide asks Windows itself, behind one small interface (issue 18, "Windows-only
code paths untested").

The machine settings IT writes into the registry (desktop/common/machine_sources.py), the
user's display language (desktop/cli/language.py), the ANSI code page an installer wrote
an INI file in (desktop/common/machine_config.py) and the environment (%LOCALAPPDATA%,
%PROGRAMDATA%). The code that decides takes a `WindowsFacts`; the real one asks Windows,
and the tests hand in a fake with plain values (tests/windows_facts.py `FakeWindows`), so
every Windows branch runs on Linux too.

`winreg` and `ctypes` are imported inside the methods, only when they are called, and only
`system_windows()` on win32 makes a real one: start-up elsewhere never loads them. (The
network-drive question, GetDriveTypeW, is the store's: domain/store/file_system.py takes it
as a parameter, since the domain imports nothing from here.)
"""
from __future__ import annotations

import ntpath
import os
import sys
from collections.abc import Mapping
from typing import Protocol

# What a registry value reads as: str for REG_SZ and REG_EXPAND_SZ (not expanded: the reader
# expands %VARIABLE% itself), int for REG_DWORD and REG_QWORD; winreg gives a list for
# REG_MULTI_SZ, bytes for REG_BINARY and None for REG_NONE, which no setting accepts.
RegistryValue = object


class WindowsFacts(Protocol):
    """The facts a Windows machine gives; plain values in, plain values out."""

    environ: Mapping[str, str]

    def registry_values(self, key: str) -> dict[str, RegistryValue] | None:
        """The values of HKEY_LOCAL_MACHINE\\`key` in the 64-bit registry view, {name: value};
        None when the key does not exist; OSError when it cannot be read."""

    def ui_language_id(self) -> int | None:
        """The user's display language (GetUserDefaultUILanguage, a LANGID such as 0x041D
        for Swedish); None when it cannot be asked."""

    def ansi_code_page(self) -> str:
        """The ANSI code page as a Python codec name ("cp1252"): what Windows Installer
        writes an INI file in."""


class RealWindows:
    """The running Windows machine. Make it with `system_windows()`."""

    def __init__(self) -> None:
        self.environ = os.environ

    def registry_values(self, key: str) -> dict[str, RegistryValue] | None:
        import winreg

        # KEY_WOW64_64KEY: the 64-bit view, where a 64-bit MSI and Group Policy write,
        # whichever bitness this Python is.
        try:
            handle = winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE, key, 0, winreg.KEY_READ | winreg.KEY_WOW64_64KEY)
        except FileNotFoundError:
            return None
        values: dict[str, RegistryValue] = {}
        with handle:
            count = winreg.QueryInfoKey(handle)[1]
            for index in range(count):
                name, data, _kind = winreg.EnumValue(handle, index)
                values[name] = data
        return values

    def ui_language_id(self) -> int | None:
        try:
            import ctypes

            return int(ctypes.windll.kernel32.GetUserDefaultUILanguage())
        except (AttributeError, OSError):
            return None

    def ansi_code_page(self) -> str:
        # GetACP, not locale.getpreferredencoding(): Python's UTF-8 mode makes the latter
        # say utf-8, while Windows Installer still writes the ANSI code page.
        try:
            import ctypes

            return f"cp{ctypes.windll.kernel32.GetACP()}"
        except (AttributeError, OSError):
            return "cp1252"


def system_windows() -> WindowsFacts | None:
    """The real Windows facts on Windows; None elsewhere (there is no registry to read)."""
    return RealWindows() if sys.platform == "win32" else None


def windows_folder(environ: Mapping[str, str], variable: str, *parts: str) -> str | None:
    """%variable%\\part\\... as Windows writes it (on any OS), None when the variable is not set."""
    base = environ.get(variable)
    return ntpath.join(base, *parts) if base else None
