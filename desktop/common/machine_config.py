"""Machine-wide defaults that IT sets at install time: `deskguide.ini`.

The installer (packaging/windows, docs/deployment.md "Machine configuration") writes

    C:\\ProgramData\\Deskguide\\deskguide.ini        (platformdirs' site_config_dir)

    [defaults]
    country = SE                      ; SE, NO, DK or FI: the desk the views start on
    language = sv                     ; en, sv, nb, da or fi
    database = %USERPROFILE%\\Deskguide\\deskguide.sqlite3   ; variables expanded
    database_url = postgresql://db.example/deskguide   ; a team database (issue 14)

`DESKGUIDE_MACHINE_CONFIG` names another file (tests, a trial on one PC).

Every key is optional and the file may be missing: then there are no defaults. A value
that cannot be used (an unknown country, a relative path, an unknown %VARIABLE%, a file
that is not INI) is ignored with one warning line on stderr naming the file and the key:
a typo by IT must never stop the desk from starting. Imports no Qt: the CLI reads it too.
`database_url` follows desktop/common/team_url.py (a URL with a password is ignored, and
its warning does not repeat the URL); with both keys the team database wins and
`database` is ignored with a warning (desktop/common/database_target.py says why).
"""
from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from desktop.common.team_url import TeamUrl, UrlRefused, parse_team_url

APP_NAME = "Deskguide"
FILE_NAME = "deskguide.ini"
SECTION = "defaults"
ENV_FILE = "DESKGUIDE_MACHINE_CONFIG"
COUNTRIES = ("SE", "NO", "DK", "FI")
LANGUAGES = ("en", "sv", "nb", "da", "fi")

_WINDOWS_VARIABLE = re.compile(r"%([^%]+)%")


@dataclass(frozen=True)
class MachineDefaults:
    country: str | None = None
    language: str | None = None
    database: Path | None = None
    source: Path | None = None  # the file read, None when there was none
    warnings: tuple[str, ...] = ()
    database_url: TeamUrl | None = None


def config_path() -> Path:
    """Where the machine's deskguide.ini is (it need not exist)."""
    override = os.environ.get(ENV_FILE)
    if override:
        return Path(os.path.expanduser(override))
    if sys.platform == "win32" and os.environ.get("PROGRAMDATA"):
        # What site_config_dir answers on Windows, without its ctypes call at start-up.
        return Path(os.environ["PROGRAMDATA"]) / APP_NAME / FILE_NAME
    from platformdirs import site_config_dir

    return Path(site_config_dir(APP_NAME, appauthor=False)) / FILE_NAME


def expand_path(text: str) -> Path:
    """%VARIABLE% (as IT writes it on Windows, on every OS), $VARIABLE and ~ expanded.
    ValueError names a variable that is not set: a literal %USERNAME% folder helps nobody."""
    def windows(match: re.Match) -> str:
        value = os.environ.get(match.group(1))
        if value is None:
            raise ValueError(f"the variable %{match.group(1)}% is not set")
        return value

    expanded = os.path.expanduser(os.path.expandvars(_WINDOWS_VARIABLE.sub(windows, text)))
    if "$" in expanded and sys.platform != "win32":
        raise ValueError(f"a variable in {text!r} is not set")
    return Path(expanded)


def _decode(data: bytes) -> str:
    """UTF-8 (with the BOM Notepad and PowerShell's Out-File put in front) first; else the
    Windows ANSI code page, which Windows Installer uses when it writes the INI from the
    MSI properties (a DATABASE_LOCATION of D:\\Användare\\... is cp1252 there)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        import locale

        return data.decode(locale.getpreferredencoding(False) if sys.platform == "win32" else "cp1252")


def read_machine_defaults(path: Path | None = None) -> MachineDefaults:
    import configparser

    path = config_path() if path is None else Path(path)
    if not path.is_file():
        return MachineDefaults()
    warnings: list[str] = []
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read_string(_decode(path.read_bytes()), source=str(path))
    except (OSError, UnicodeDecodeError, configparser.Error) as error:
        return MachineDefaults(source=path, warnings=(f"{path}: not read, no machine defaults ({error})",))
    if not parser.has_section(SECTION):
        return MachineDefaults(source=path, warnings=(f"{path}: no [{SECTION}] section, no machine defaults",))
    values = parser[SECTION]

    def ignored(key: str, raw: str, why: str) -> None:
        warnings.append(f"{path}: [{SECTION}] {key} = {raw!r} ignored: {why}")

    country = values.get("country", "").strip().upper() or None
    if country is not None and country not in COUNTRIES:
        ignored("country", values["country"], f"use one of {', '.join(COUNTRIES)}")
        country = None
    language = values.get("language", "").strip().lower().replace("-", "_") or None
    if language == "no":  # Norwegian as people write it; the catalogue is Bokmål
        language = "nb"
    if language is not None and language not in LANGUAGES:
        ignored("language", values["language"], f"use one of {', '.join(LANGUAGES)}")
        language = None
    database = None
    raw_database = values.get("database", "").strip().strip('"')
    if raw_database:
        try:
            database = expand_path(raw_database)
        except ValueError as error:
            ignored("database", raw_database, str(error))
        else:
            if not database.is_absolute():
                ignored("database", raw_database, "not an absolute path")
                database = None
            elif database.is_dir():
                ignored("database", raw_database, "is a folder; name the database file")
                database = None
    database_url = None
    raw_url = values.get("database_url", "").strip().strip('"')
    if raw_url:
        try:
            database_url = parse_team_url(raw_url, f"{path}: [{SECTION}] database_url")
        except UrlRefused as refused:
            # Not repeated: it may hold a password (which is why it was refused).
            warnings.append(f"{path}: [{SECTION}] database_url ignored: {refused.because}")
    if database_url is not None and database is not None:
        ignored("database", raw_database, "database_url names the team database, which wins")
        database = None
    for key in values:
        if key not in {"country", "language", "database", "database_url"}:
            ignored(key, values[key], "unknown key")
    return MachineDefaults(country, language, database, path, tuple(warnings), database_url)


@lru_cache(maxsize=8)
def _cached(path: str) -> MachineDefaults:
    defaults = read_machine_defaults(Path(path))
    if sys.stderr is not None:  # a windowed build has no stderr
        for warning in defaults.warnings:
            print(f"deskguide: machine config: {warning}", file=sys.stderr)
    return defaults


def machine_defaults() -> MachineDefaults:
    """This machine's defaults, read once per process (warnings printed once)."""
    return _cached(str(config_path()))
