"""Claims after an outage or a loss (issue 19): the month's uptime of a service, the
Service Credit band it falls in, and what the terms say about whom to claim from.

Pure Python, no store: the rules are read from resources/reference/claims.toml (cached)
the way desks.toml is, so `deskguide claim` needs no database.

The rules (Dustin "Villkor Office 365 Support" 2017:3): Service Credits as Microsoft grants
them, paid once Microsoft has credited the reseller (§4, 003:39); claims go to the
reseller, never through a portal, and one filed the wrong way is corrected within 30 days
of being told (§4, 003:41); the fee reduction is the exclusive remedy, damages only for
gross negligence, direct loss only, capped at six months' fees (§12, 003:155); never for
loss of data (§12, 003:157; the backup duty, §4, 003:43). The bands come from Microsoft's
SLA as issue 19 gives them (see docs/claims.md).

Arithmetic is exact: uptime = (month minutes - outage minutes) / month minutes * 100 as a
Fraction, compared with the bands' Fractions; only `uptime_percent` is rounded, for display.
"""
from __future__ import annotations

import calendar
import datetime as dt
import math
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from functools import cache
from pathlib import Path

from domain.claim_services import SERVICES
from domain.errors import InvalidInput, ReferenceDataError
from domain.messages import Message
from domain.reference_data import Dataset, load_toml, parse_dataset, reference_dir

CLAUSES = ("uptime", "service-credits", "claim-to-reseller", "wrong-portal", "exclusive-remedy",
           "six-months-cap", "data-loss", "details")
EXCLUDED = ("data-loss", "consequential-loss")  # §12: never data (003:157); direct loss only (003:155)
CAP = "six-months-fees"  # §12 (003:155): what the customer paid for support and Office 365 in six months
NEXT_COLLECT = "collect-claim-details"  # a credit is due: collect tenant, service, incident id, times, users
NEXT_NO_CREDIT = "no-credit-due"  # the SLA was met: no Service Credit
NEXT_WRONG_PORTAL = "withdraw-portal-claim"  # §4: correct the claim within 30 days, file it with the reseller
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


@dataclass(frozen=True)
class ServiceLevel:
    service: str  # "exchange-online"
    name: str  # "Exchange Online", as Microsoft names the product
    sla_percent: Fraction  # 99.9 exactly
    bands: tuple[tuple[Fraction, Fraction], ...]  # (below_percent, credit_percent), strictest last
    edition: str  # the SLA edition the figures come from
    checked: dt.date
    ref: str  # where in the SLA ("005:1": sources.toml's document 005)


@dataclass(frozen=True)
class Clause:
    clause: str  # "§4"
    ref: str  # "003:39"


@dataclass(frozen=True)
class ClaimRules:
    dataset: Dataset
    levels: dict[str, ServiceLevel]
    clauses: dict[str, Clause]  # keyed as CLAUSES


@dataclass(frozen=True)
class Reason:
    clause: str  # "§4"
    ref: str  # "003:41"
    text_key: str  # one of CLAUSES; desktop/wording/claims.py says it


@dataclass(frozen=True)
class ClaimAnswer:
    service: str
    month: str  # "2026-11"
    outage_minutes: int
    month_minutes: int
    uptime: Fraction  # percent, exact
    uptime_percent: float  # rounded to two decimals: for display only
    sla_percent: Fraction
    credit_percent: Fraction  # 0 when the SLA was met
    claim_to: str
    paid_after_microsoft: bool
    cap: str
    excluded: tuple[str, ...]
    data_loss: bool
    wrong_portal: bool
    next_step: str
    reasons: tuple[Reason, ...]
    level: ServiceLevel

    @property
    def credit_due(self) -> bool:
        return self.credit_percent > 0


def _percent(value: object, where: str) -> Fraction:
    try:
        number = Fraction(Decimal(str(value)))
    except (InvalidOperation, ValueError):
        raise ReferenceDataError(f"{where}: {value!r} is not a percentage such as \"99.9\"") from None
    if not 0 <= number <= 100:
        raise ReferenceDataError(f"{where}: {value!r} is not between 0 and 100")
    return number


def parse_claim_rules(data: dict, where: str = "claims.toml") -> ClaimRules:
    dataset = parse_dataset(data, where)
    try:
        sla = data["sla"]
        edition, checked, sla_ref = str(sla["edition"]), sla["checked"], str(sla["ref"])
        levels = {}
        for service in SERVICES:
            entry, here = data["service"][service], f"{where}: service.{service}"
            bands = tuple((_percent(below, here), _percent(credit, here)) for below, credit in entry["bands"])
            if [below for below, _ in bands] != sorted((below for below, _ in bands), reverse=True):
                raise ReferenceDataError(f"{here}: bands must go from the highest uptime to the lowest")
            levels[service] = ServiceLevel(service, str(entry["name"]), _percent(entry["sla"], here), bands,
                                           edition, checked, str(entry.get("ref", sla_ref)))
        clauses = {key: Clause(str(data["clause"][key]["clause"]), str(data["clause"][key]["ref"]))
                   for key in CLAUSES}
    except KeyError as error:
        raise ReferenceDataError(f"{where}: missing the key {error}") from error
    if not isinstance(checked, dt.date):
        raise ReferenceDataError(f"{where}: [sla] checked is not a date such as 2026-12-07")
    return ClaimRules(dataset, levels, clauses)


@cache
def _load(path: Path) -> ClaimRules:
    return parse_claim_rules(load_toml(path), path.name)


def load_claim_rules(path: Path | None = None) -> ClaimRules:
    return _load(path or reference_dir() / "claims.toml")


def month_minutes(year: int, month: int) -> int:
    """The month's calendar minutes: days * 1440 (40,320 to 44,640), whatever the clocks do."""
    return calendar.monthrange(year, month)[1] * 24 * 60


def parse_month(text: str) -> tuple[int, int]:
    match = _MONTH.match(str(text).strip())
    if match is None or not 1 <= int(match.group(2)) <= 12 or int(match.group(1)) < 1:
        raise InvalidInput("month", text, Message("is not a month: use YYYY-MM, e.g. 2026-11"))
    return int(match.group(1)), int(match.group(2))


def parse_minutes(text: str) -> int:
    """The outage's minutes as typed ("95"): a whole number (the range is checked by assess_claim)."""
    try:
        return int(str(text).strip())
    except ValueError:
        raise InvalidInput("outage_minutes", text, Message("is not a whole number of minutes")) from None


def outage_minutes(start: dt.datetime, end: dt.datetime) -> int:
    """The outage's minutes inside the month of `start` (in start's time zone): an outage
    running past the month's end counts up to midnight, the rest belongs to the next
    month's uptime. A started minute counts whole (rounded up). Aware datetimes."""
    if start.tzinfo is None or end.tzinfo is None:
        raise InvalidInput("start", start, Message("needs a time zone"))
    # Compared and subtracted in UTC: two moments of one zone compare by the wall clock,
    # which an autumn clock change makes ambiguous.
    utc = dt.timezone.utc
    if end.astimezone(utc) <= start.astimezone(utc):
        raise InvalidInput("end", end, Message("is not after the start of the outage"))
    year, month = start.year + start.month // 12, start.month % 12 + 1
    month_end = dt.datetime(year, month, 1, tzinfo=start.tzinfo).astimezone(utc)
    elapsed = min(end.astimezone(utc), month_end) - start.astimezone(utc)
    return -(-elapsed // dt.timedelta(minutes=1))  # a started minute counts whole


def uptime_of(month_total: int, outage: int) -> Fraction:
    return Fraction(month_total - outage, month_total) * 100


def rounded(uptime: Fraction) -> float:
    """Two decimals for display only, rounded DOWN: every band limit has at most two
    decimals, so the shown figure is on the same side of each limit as the exact uptime
    (rounded half up, 99.898 would show as 99.9 beside a credit for being below 99.9)."""
    return math.floor(uptime * 100) / 100


def credit_for(level: ServiceLevel, uptime: Fraction) -> Fraction:
    """The strictest band whose limit the uptime is below; 0 when the SLA was met."""
    if uptime >= level.sla_percent:
        return Fraction(0)
    credit = Fraction(0)
    for below, band_credit in level.bands:
        if uptime < below:
            credit = band_credit
    return credit


def assess_claim(rules: ClaimRules, service: str, month: str, outage_minutes: int, *,
                 data_loss: bool = False, wrong_portal: bool = False) -> ClaimAnswer:
    if service not in rules.levels:
        raise InvalidInput("service", service, Message("is not a service: use {services}",
                                                       services=", ".join(SERVICES)))
    year, number = parse_month(month)
    total, name = month_minutes(year, number), "%04d-%02d" % (year, number)
    if isinstance(outage_minutes, bool) or not isinstance(outage_minutes, int):
        raise InvalidInput("outage_minutes", outage_minutes, Message("is not a whole number of minutes"))
    if not 0 <= outage_minutes <= total:
        raise InvalidInput("outage_minutes", outage_minutes,
                           Message("is not between 0 and {total}, the minutes in {month}", total=total,
                                   month=name))
    level = rules.levels[service]
    uptime = uptime_of(total, outage_minutes)
    credit = credit_for(level, uptime)
    keys = ["uptime"]
    if credit:
        keys += ["service-credits", "claim-to-reseller"]
    if wrong_portal:
        keys.append("wrong-portal")
    keys += ["exclusive-remedy", "six-months-cap", "data-loss"]
    if credit or data_loss:
        keys.append("details")
    next_step = NEXT_WRONG_PORTAL if wrong_portal else NEXT_COLLECT if credit else NEXT_NO_CREDIT
    return ClaimAnswer(
        service=service, month=name, outage_minutes=outage_minutes, month_minutes=total,
        uptime=uptime, uptime_percent=rounded(uptime), sla_percent=level.sla_percent,
        credit_percent=credit, claim_to="reseller", paid_after_microsoft=True, cap=CAP, excluded=EXCLUDED,
        data_loss=data_loss, wrong_portal=wrong_portal, next_step=next_step,
        reasons=tuple(Reason(rules.clauses[k].clause, rules.clauses[k].ref, k) for k in keys), level=level)

