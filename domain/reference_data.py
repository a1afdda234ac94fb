"""Read the bundled reference data (resources/reference/*.toml) into plain values.

The files are the policy and cite their clauses; this module only checks their shape and
turns them into dataclasses, naming the file and the entry when something is wrong.
"""
from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from domain.desks import (
    COUNTRIES,
    WEEKDAY_KEYS,
    ClosedDayRules,
    DayHours,
    Desk,
    FixedClosedDay,
    NamedHoliday,
)
from domain.errors import DeskguideError, ReferenceDataError


@dataclass(frozen=True)
class Dataset:
    """A versioned reference-data file: what it is, where it comes from, when checked."""

    name: str
    version: int
    title: str
    source: str
    checked: dt.date
    reviewed_from: int | None = None
    reviewed_to: int | None = None


@dataclass(frozen=True)
class DeskData:
    dataset: Dataset
    desks: tuple[Desk, ...]


def reference_dir() -> Path:
    """The folder of bundled reference files, also inside a frozen (PyInstaller) build."""
    import resources

    return resources.REFERENCE


def load_toml(path: Path) -> dict:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise ReferenceDataError(f"{path.name}: cannot be read: {error}") from error


def parse_dataset(data: dict, where: str) -> Dataset:
    try:
        meta = data["dataset"]
        return Dataset(
            name=str(meta["name"]), version=int(meta["version"]), title=str(meta["title"]),
            source=str(meta["source"]), checked=_date(meta["checked"], f"{where}: [dataset] checked"),
            reviewed_from=meta.get("reviewed_from"), reviewed_to=meta.get("reviewed_to"),
        )
    except KeyError as error:
        raise ReferenceDataError(f"{where}: [dataset] is missing the key {error}") from error
    except (TypeError, ValueError) as error:
        raise ReferenceDataError(f"{where}: [dataset] is incomplete: {error}") from error


def _date(value: object, where: str) -> dt.date:
    # TOML has a date type; a quoted "2026-11-22" or a date-time is a mistake in the file.
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise ReferenceDataError(f"{where} must be a TOML date such as 2026-11-22, not {value!r}")
    return value


def _parse_desk(entry: dict, email: str, where: str) -> Desk:
    country = entry.get("country", "?")
    here = f"{where}: desk {country}"
    try:
        if country not in COUNTRIES:
            raise ReferenceDataError(f"{here}: unknown country")
        ZoneInfo(entry["timezone"])
        weekly = {}
        for key, text in entry.get("hours", {}).items():
            if key not in WEEKDAY_KEYS:
                raise ReferenceDataError(f"{here}: unknown weekday {key!r} in hours")
            weekly[WEEKDAY_KEYS.index(key)] = DayHours.parse(text, f"hours.{key}")
        rules = ClosedDayRules(
            holidays_categories=tuple(entry.get("holidays_categories", ["public"])),
            holidays_named=tuple(NamedHoliday(n["category"], n["name"]) for n in entry.get("holidays_named", [])),
            fixed=tuple(FixedClosedDay(int(f["month"]), int(f["day"]), f["name"]) for f in entry.get("fixed", [])),
        )
        for fixed in rules.fixed:
            dt.date(2000, fixed.month, fixed.day)  # 2000 is a leap year: 29 February passes
        return Desk(
            country=country, name=entry["name"], timezone=entry["timezone"], phone=entry["phone"],
            email=email, clause=entry["clause"], weekly_hours=weekly, closed_day_rules=rules,
            closed_days_note=entry.get("closed_days_note", ""),
        )
    except ReferenceDataError:
        raise
    except KeyError as error:
        raise ReferenceDataError(f"{here}: missing the key {error}") from error
    except (TypeError, ValueError, ZoneInfoNotFoundError, DeskguideError) as error:
        raise ReferenceDataError(f"{here}: {error}") from error


def parse_desks(data: dict, where: str = "desks.toml") -> DeskData:
    dataset = parse_dataset(data, where)
    try:
        email = data["fault_report"]["email"]
    except KeyError as error:
        raise ReferenceDataError(f"{where}: [fault_report] email is missing") from error
    desks = tuple(_parse_desk(entry, email, where) for entry in data.get("desk", []))
    found = sorted(d.country for d in desks)
    if found != sorted(COUNTRIES):
        raise ReferenceDataError(f"{where}: needs exactly one desk for each of {', '.join(COUNTRIES)}, found {found}")
    return DeskData(dataset, desks)


def load_desks(path: Path | None = None) -> DeskData:
    path = path or reference_dir() / "desks.toml"
    return parse_desks(load_toml(path), path.name)
