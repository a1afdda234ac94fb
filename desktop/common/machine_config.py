"""Machine-wide defaults that IT sets: a Group Policy (or Intune), the installer, deskguide.ini.

Three places, read in this order for each setting, the first that gives a usable value wins
(issue 18, "Policies the way IT sets them"; docs/deployment.md):

1. the policy key, HKLM\\SOFTWARE\\Policies\\Deskguide (Group Policy and Intune write it from
   the ADMX template in packaging/windows/policy/);
2. the installer's key, HKLM\\SOFTWARE\\Deskguide (the MSI writes it from DEFAULT_COUNTRY,
   DEFAULT_LANGUAGE, DATABASE_LOCATION and DATABASE_URL: the registry keeps Unicode, where
   Windows Installer's IniFile table writes the ANSI code page, wixtoolset issue 7526);
3. deskguide.ini, for a hand-written file and for systems without a registry:

    C:\\ProgramData\\Deskguide\\deskguide.ini        (platformdirs' site_config_dir)

    [defaults]
    country = SE                      ; SE, NO, DK or FI: the desk the views start on
    language = sv                     ; en, sv, nb, da or fi
    database = %USERPROFILE%\\Deskguide\\deskguide.sqlite3   ; variables expanded
    database_url = postgresql://db.example/deskguide   ; a team database (issue 14)

`DESKGUIDE_MACHINE_CONFIG` names another file (tests, a trial on one PC); it replaces the
file only: the registry is still read, so nobody steps around IT's policy with a variable.

Every setting is optional and every place may be missing. A value that cannot be used is
ignored with one warning line on stderr naming the place and the setting, and the places
below still apply to it: a typo by IT must never stop the desk from starting. The database
is one decision (desktop/common/database_target.py): the first place that names a usable
database (a URL or a file) decides it; within one place the URL wins over the file, with a
warning. The rules of each place are in desktop/common/machine_sources.py. Imports no Qt:
the CLI reads it too.
"""
from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path, PurePath
from typing import TYPE_CHECKING

from desktop.common.machine_sources import (
    COUNTRIES,
    COUNTRY,
    DATABASE,
    DATABASE_URL,
    INI_KEYS,
    LANGUAGE,
    LANGUAGES,
    VALUE_NAMES,
    SourceValues,
    expand_path,
    read_source,
)
from desktop.common.windows_facts import WindowsFacts, system_windows, windows_folder

if TYPE_CHECKING:  # parsed in machine_sources only when a URL is set (issue 17)
    from desktop.common.team_url import TeamUrl

__all__ = ["APP_NAME", "COUNTRIES", "COUNTRY", "DATABASE", "DATABASE_URL", "ENV_FILE", "FILE_NAME", "INSTALLER_KEY",
           "LANGUAGE", "LANGUAGES", "POLICY_KEY", "SECTION", "VALUE_NAMES", "MachineDefaults", "config_path",
           "expand_path", "machine_defaults", "read_machine_defaults", "read_machine_settings", "registry_defaults"]

APP_NAME = "Deskguide"
FILE_NAME = "deskguide.ini"
SECTION = "defaults"
ENV_FILE = "DESKGUIDE_MACHINE_CONFIG"
POLICY_KEY = r"SOFTWARE\Policies\Deskguide"  # under HKEY_LOCAL_MACHINE, the 64-bit view
INSTALLER_KEY = r"SOFTWARE\Deskguide"
HIVE = "HKLM"


@dataclass(frozen=True)
class MachineDefaults:
    """The machine's defaults, each from the first place that set it usably (None: none did)."""

    country: str | None = None
    language: str | None = None
    database: PurePath | None = None
    source: Path | None = None  # the deskguide.ini read, None when there was none
    warnings: tuple[str, ...] = ()
    database_url: TeamUrl | None = None
    origins: tuple[tuple[str, str], ...] = ()  # (setting, where it came from): see origin()

    def origin(self, name: str) -> str | None:
        """Where the setting `name` (COUNTRY, LANGUAGE, DATABASE, DATABASE_URL) came from, as
        that place names it: "HKLM\\SOFTWARE\\Policies\\Deskguide DatabaseUrl",
        "C:\\ProgramData\\Deskguide\\deskguide.ini database"; None when no place set it."""
        return dict(self.origins).get(name)


def config_path(environ: Mapping[str, str] | None = None, platform: str = sys.platform) -> Path:
    """Where the machine's deskguide.ini is (it need not exist)."""
    environ = os.environ if environ is None else environ
    override = environ.get(ENV_FILE)
    if override:
        return Path(os.path.expanduser(override))
    if platform == "win32" and (folder := windows_folder(environ, "PROGRAMDATA", APP_NAME, FILE_NAME)):
        # What site_config_dir answers on Windows, without its ctypes call at start-up.
        return Path(folder)
    from platformdirs import site_config_dir

    return Path(site_config_dir(APP_NAME, appauthor=False)) / FILE_NAME


def _decode(data: bytes, ansi_code_page: str | None = None) -> str:
    """UTF-8 (with the BOM Notepad and PowerShell's Out-File put in front) first; else the
    Windows ANSI code page, which Windows Installer used when it wrote the INI from the MSI
    properties (a DATABASE_LOCATION of D:\\Användare\\... is cp1252 there): Windows' own
    (`ansi_code_page`, GetACP), cp1252 where there is no Windows to ask."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode(ansi_code_page or "cp1252")
    except LookupError:  # a code page Python has no codec for: the Nordic desks' own
        return data.decode("cp1252")


def _read_ini(path: Path, ansi_code_page: str | None) -> SourceValues | None:
    """deskguide.ini's [defaults], checked; None when there is no file."""
    if not path.is_file():
        return None
    import configparser  # only for a file there is (issue 17: every command reads the settings)

    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read_string(_decode(path.read_bytes(), ansi_code_page), source=str(path))
    except (OSError, UnicodeDecodeError, configparser.Error) as error:
        return SourceValues(str(path), warnings=(f"{path}: not read, nothing taken from it ({error})",))
    if not parser.has_section(SECTION):
        return SourceValues(str(path), warnings=(f"{path}: no [{SECTION}] section, nothing taken from it",))
    return read_source(str(path), parser[SECTION], where=f"{path}: [{SECTION}]", names=INI_KEYS)


def _read_key(facts: WindowsFacts, key: str, *, unknown_warned: bool) -> SourceValues | None:
    where = f"{HIVE}\\{key}"
    try:
        values = facts.registry_values(key)
    except OSError as error:
        return SourceValues(where, warnings=(f"{where}: not read ({error})",))
    if values is None:
        return None
    return read_source(where, values, windows_paths=True, environ=facts.environ, unknown_warned=unknown_warned)


@dataclass(frozen=True)
class _GivenRegistry:
    """Registry keys as plain values (registry_defaults)."""

    keys: Mapping[str, Mapping[str, object] | None]
    environ: Mapping[str, str]

    def registry_values(self, key: str) -> dict[str, object] | None:
        values = self.keys.get(key)
        return None if values is None else dict(values)

    def ui_language_id(self) -> int | None:
        return None

    def ansi_code_page(self) -> str:
        return "cp1252"


def registry_defaults(policy: Mapping[str, object] | None = None, installer: Mapping[str, object] | None = None,
                      *, environ: Mapping[str, str] | None = None, ini: Path | None = None) -> MachineDefaults:
    """The machine's defaults from registry values given as plain {value name: value} dicts
    (None: that key is missing), e.g. exported from Wine's registry, then deskguide.ini
    (`ini`, else config_path()); `environ` expands %VARIABLE% in DatabaseLocation (this
    process's environment when None)."""
    given = _GivenRegistry({POLICY_KEY: policy, INSTALLER_KEY: installer}, os.environ if environ is None else environ)
    return read_machine_settings(given, ini)


def read_machine_settings(facts: WindowsFacts | None, ini: Path | None = None) -> MachineDefaults:
    """The machine's defaults from every place: the policy key and the installer's key
    (through `facts`; None: no registry, not Windows), then the INI file `ini` (None:
    config_path()), whose ANSI code page `facts` says. Each setting from the first place
    with a usable value."""
    ini = config_path() if ini is None else Path(ini)
    places = []
    if facts is not None:
        places += [_read_key(facts, POLICY_KEY, unknown_warned=True),
                   _read_key(facts, INSTALLER_KEY, unknown_warned=False)]
    places.append(_read_ini(ini, None if facts is None else facts.ansi_code_page()))
    return _combine([place for place in places if place is not None], ini)


def _combine(places: list[SourceValues], ini: Path) -> MachineDefaults:
    found: dict[str, object] = {}
    origins: list[tuple[str, str]] = []
    for place in places:
        for setting, value in ((COUNTRY, place.country), (LANGUAGE, place.language)):
            if value is not None and setting not in found:
                found[setting] = value
                origins.append((setting, place.origin(setting)))
        # The database is one decision: the first place that names one (a URL or a file).
        if DATABASE not in found and DATABASE_URL not in found:
            for setting, value in ((DATABASE_URL, place.database_url), (DATABASE, place.database)):
                if value is not None:
                    found[setting] = value
                    origins.append((setting, place.origin(setting)))
                    break
    read_ini = ini if any(place.place == str(ini) for place in places) else None
    return MachineDefaults(found.get(COUNTRY), found.get(LANGUAGE), found.get(DATABASE), read_ini,
                           tuple(warning for place in places for warning in place.warnings),
                           found.get(DATABASE_URL), tuple(origins))


def read_machine_defaults(path: Path | None = None) -> MachineDefaults:
    """deskguide.ini alone (`path`, else config_path()), as on a machine without a registry."""
    return read_machine_settings(None, path)


@lru_cache(maxsize=8)
def _cached(path: str) -> MachineDefaults:
    defaults = read_machine_settings(system_windows(), Path(path))
    if sys.stderr is not None:  # a windowed build has no stderr
        for warning in defaults.warnings:
            print(f"deskguide: machine config: {warning}", file=sys.stderr)
    return defaults


def machine_defaults() -> MachineDefaults:
    """This machine's defaults, read once per process (warnings printed once)."""
    return _cached(str(config_path()))
