"""One place IT set the machine's defaults, read and checked: a registry key or deskguide.ini
(desktop/common/machine_config.py puts the places in order).

Every place names the same four settings, the registry by value name, the INI file by key:

    DefaultCountry    country        SE, NO, DK or FI
    DefaultLanguage   language       en, sv, nb, da or fi (no: nb)
    DatabaseLocation  database       an absolute file path, %VARIABLE% expanded
    DatabaseUrl       database_url   a team's PostgreSQL database, without a password

The same rules hold in every place: a value that cannot be used is left out with one
warning naming the place, the name and the value (never the URL: it may hold a password);
with a URL and a file in one place the team database wins. Registry values must be text
(REG_SZ or REG_EXPAND_SZ; the %VARIABLE%s of either are expanded here, for the user who
runs the app); registry names are case-insensitive, as Windows treats them.
"""
from __future__ import annotations

import os
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePath, PureWindowsPath
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported when a URL is read (issue 17: the GUI reads this before its first frame)
    from desktop.common.team_url import TeamUrl

COUNTRIES = ("SE", "NO", "DK", "FI")
LANGUAGES = ("en", "sv", "nb", "da", "fi")

# The registry value names (the installer's key, the policy key and the ADMX template).
COUNTRY = "DefaultCountry"
LANGUAGE = "DefaultLanguage"
DATABASE = "DatabaseLocation"
DATABASE_URL = "DatabaseUrl"
VALUE_NAMES = (COUNTRY, LANGUAGE, DATABASE, DATABASE_URL)
INI_KEYS = {COUNTRY: "country", LANGUAGE: "language", DATABASE: "database", DATABASE_URL: "database_url"}

_WINDOWS_VARIABLE = re.compile(r"%([^%]+)%")


@dataclass(frozen=True)
class SourceValues:
    """What one place says, checked: None where it says nothing usable."""

    place: str  # the registry key or the file
    country: str | None = None
    language: str | None = None
    database: PurePath | None = None
    database_url: TeamUrl | None = None
    warnings: tuple[str, ...] = ()
    names: Mapping[str, str] | None = None  # each setting's name in this place (None: the value names)

    def origin(self, setting: str) -> str:
        """"HKLM\\SOFTWARE\\Deskguide DatabaseLocation", "C:\\...\\deskguide.ini database"."""
        return f"{self.place} {(self.names or {}).get(setting, setting)}"


def expand_variables(text: str, environ: Mapping[str, str] | None = None) -> str:
    """%VARIABLE% as IT writes it on Windows (on every OS). ValueError names a variable that
    is not set: a literal %USERNAME% folder helps nobody."""
    environ = os.environ if environ is None else environ

    def value(match: re.Match) -> str:
        found = environ.get(match.group(1))
        if found is None:
            raise ValueError(f"the variable %{match.group(1)}% is not set")
        return found

    return _WINDOWS_VARIABLE.sub(value, text)


def expand_path(text: str) -> Path:
    """%VARIABLE%, $VARIABLE and ~ expanded (this machine's environment)."""
    expanded = os.path.expanduser(os.path.expandvars(expand_variables(text)))
    if "$" in expanded and sys.platform != "win32":
        raise ValueError(f"a variable in {text!r} is not set")
    return Path(expanded)


def _windows_path(text: str, environ: Mapping[str, str]) -> PurePath:
    """A path from the registry: a Windows path, whatever this machine is (a Windows path
    read on Linux, from Wine's registry or a test, stays one: PureWindowsPath)."""
    expanded = expand_variables(text, environ)
    if sys.platform == "win32":
        return Path(os.path.expanduser(expanded))
    return PureWindowsPath(expanded)


def _country(text: str) -> str | None:
    country = text.strip().upper()
    return country if country in COUNTRIES else None


def _language(text: str) -> str | None:
    language = text.strip().lower().replace("-", "_")
    language = "nb" if language == "no" else language  # Norwegian as people write it; the catalogue is Bokmål
    return language if language in LANGUAGES else None


def read_source(place: str, values: Mapping[str, object], *, where: str | None = None,
                names: Mapping[str, str] | None = None,
                windows_paths: bool = False, environ: Mapping[str, str] | None = None,
                unknown_warned: bool = True) -> SourceValues:
    """Check what one place says. `place` is the key ("HKLM\\SOFTWARE\\Policies\\Deskguide")
    or the file; `where` starts each warning ("C:\\...\\deskguide.ini: [defaults]"; "place:"
    when None); `values` maps this place's names to their values; `names` maps each setting (COUNTRY...) to this place's name for it (the
    registry value names when None). `windows_paths`: DatabaseLocation is a Windows path
    expanded with `environ` (the registry); else a path of this machine (the INI file).
    `unknown_warned`: a name that is no setting gets a warning (not in the installer's key,
    which may keep the installer's own values)."""
    given_names, names = names, {name: name for name in VALUE_NAMES} if names is None else names
    where = f"{place}:" if where is None else where
    environ = os.environ if environ is None else environ
    given = {name.casefold(): (name, value) for name, value in values.items()}
    warnings: list[str] = []

    def ignored(name: str, raw: object, why: str) -> None:
        warnings.append(f"{where} {name} = {raw!r} ignored: {why}")

    def text(setting: str) -> tuple[str, str] | None:
        """The place's name and its text for `setting`, None when absent or empty."""
        name, raw = given.get(names[setting].casefold(), (names[setting], None))
        if raw is None:
            return None
        if not isinstance(raw, str):
            kind = "a number (REG_DWORD)" if isinstance(raw, int) else "not text"
            ignored(name, raw, f"{kind}; write it as text (REG_SZ)")
            return None
        raw = raw.strip()
        return (name, raw) if raw else None

    found: dict[str, object] = {}
    for setting, check, choices in ((COUNTRY, _country, COUNTRIES), (LANGUAGE, _language, LANGUAGES)):
        if (entry := text(setting)) is not None:
            found[setting] = check(entry[1])
            if found[setting] is None:
                ignored(*entry, f"use one of {', '.join(choices)}")
    database = None
    if (entry := text(DATABASE)) is not None:
        name, raw = database_entry = entry[0], entry[1].strip('"')
        try:
            database = _windows_path(raw, environ) if windows_paths else expand_path(raw)
        except ValueError as error:
            ignored(name, raw, str(error))
        else:
            if not database.is_absolute():
                ignored(name, raw, "not an absolute path")
                database = None
            elif isinstance(database, Path) and database.is_dir():
                ignored(name, raw, "is a folder; name the database file")
                database = None
    database_url = None
    if (entry := text(DATABASE_URL)) is not None:
        from desktop.common.team_url import UrlRefused, parse_team_url

        try:
            database_url = parse_team_url(entry[1].strip('"'), f"{where} {entry[0]}")
        except UrlRefused as refused:
            # Not repeated: it may hold a password (which is why it was refused).
            warnings.append(f"{where} {entry[0]} ignored: {refused.because}")
    if database_url is not None and database is not None:
        ignored(*database_entry, f"{names[DATABASE_URL]} names the team database, which wins")
        database = None
    if unknown_warned:
        known = {name.casefold() for name in names.values()}
        for key, (name, raw) in given.items():
            if key not in known:
                ignored(name, raw, "unknown setting")
    return SourceValues(place, found.get(COUNTRY), found.get(LANGUAGE), database, database_url, tuple(warnings),
                        given_names)

