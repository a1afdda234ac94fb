"""Escalating a case to Microsoft: severity, first-response target, due time, duties.

The targets, commitments, channels and languages are data (resources/reference/
escalation.toml, citing the Unified support description 000, Appendix A); this module
picks the target that applies, falls back to the base package where an offering's table
has no row (and says so), and runs the clock: 24x7 for severity 1 and A, business hours
for B and C (domain.business_time).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from domain.business_time import BusinessHours, ClockResult, add_business_minutes, add_calendar_minutes
from domain.closed_days import ClosedDayCalendar
from domain.desks import DeskPolicy
from domain.errors import InvalidInput
from domain.messages import Message, data_text

SEVERITIES = ("1", "A", "B", "C")
OFFERINGS = ("unified", "enhanced-response", "rapid-response", "event-management")
BASE = "unified"
CLOCK_24X7 = "24x7"
CLOCK_BUSINESS = "business_hours"


def parse_severity(text: str, field_name: str = "severity") -> str:
    key = (text or "").strip().upper().removeprefix("SEV").strip()
    if key not in SEVERITIES:
        raise InvalidInput(field_name, text, Message("is not a severity: use 1, A, B or C"))
    return key


def parse_offering_id(text: str, field_name: str = "offering") -> str:
    key = (text or "").strip().lower()
    if key not in OFFERINGS:
        raise InvalidInput(field_name, text, Message("is not a Microsoft support offering: use {offerings}",
                                                     offerings=", ".join(OFFERINGS)))
    return key


@dataclass(frozen=True)
class SeverityLevel:
    id: str
    title: str
    situation: str
    ref: str
    clock: str  # CLOCK_24X7 or CLOCK_BUSINESS
    obligations: tuple[str, ...]
    question: str
    obligation_refs: tuple[str, ...] = ()  # the ref of each obligation, in order ("" for none)


@dataclass(frozen=True)
class Offering:
    id: str
    title: str
    submit_via: str
    languages: tuple[str, ...]
    languages_ref: str
    azure_exclusions: tuple[str, ...]
    azure_exclusions_ref: str
    downgrade: str
    azure_only: bool = False
    submit_via_ref: str = ""
    downgrade_ref: str = ""


@dataclass(frozen=True)
class Target:
    offering: str
    severity: str
    minutes: int
    ref: str
    azure: bool | None = None  # None: every product
    extra: str = ""
    extra_ref: str = ""


@dataclass(frozen=True)
class EscalationRules:
    severities: dict[str, SeverityLevel]
    offerings: dict[str, Offering]
    targets: tuple[Target, ...]
    business_hours: BusinessHours
    business_hours_ref: str
    chain: tuple[str, ...]
    edition: str
    chain_refs: tuple[str, ...] = ()  # the ref of each chain step, in order ("" for none)


@dataclass(frozen=True)
class Escalation:
    severity: SeverityLevel
    offering: Offering
    target: Target
    azure: bool  # the Azure target applied
    opened: dt.datetime
    clock: str
    due: dt.datetime
    timeline: tuple = ()
    notes: tuple[str, ...] = field(default=())  # fallbacks and exclusions, in words (Messages)
    # The offering whose channel, languages and downgrade clause apply: the one asked for,
    # or the base package when an Azure-only add-on does not cover the product.
    channel: Offering | None = None

    @property
    def route(self) -> Offering:
        return self.channel or self.offering


def propose_severity(critical_down: bool, critical_degraded: bool, moderate: bool) -> str:
    """The guided questions, in the order of the severity definitions (000:2535-2676):
    the first "yes" decides; all "no" is minor impact."""
    if critical_down:
        return "1"
    if critical_degraded:
        return "A"
    if moderate:
        return "B"
    return "C"


def _target(rules: EscalationRules, offering: str, severity: str, azure: bool) -> Target | None:
    for target in rules.targets:
        if target.offering == offering and target.severity == severity and target.azure in (None, azure):
            return target
    return None


def choose_target(rules: EscalationRules, offering_id: str, severity: str, azure: bool,
                  azure_product: str | None = None) -> tuple[Target, bool, tuple[str, ...]]:
    """(target, whether the Azure time applies, notes in words)."""
    offering = rules.offerings[offering_id]
    title = data_text(offering.title)
    notes = []
    if azure and azure_product and azure_product.casefold() in {e.casefold() for e in offering.azure_exclusions}:
        notes.append(Message("{product} is on {offering}'s exclusion list ({ref}): the time for all other products "
                             "applies.", product=azure_product, offering=title, ref=offering.azure_exclusions_ref))
        azure = False
    if offering.azure_only and not azure:
        notes.append(Message("{offering} covers Azure components only: the base package target applies.",
                             offering=title))
        offering_id = BASE
    found = _target(rules, offering_id, severity, azure)
    if found is None and offering_id != BASE:
        notes.append(Message("{offering} has no row for severity {severity}: the base package target applies.",
                             offering=title, severity=severity))
        found = _target(rules, BASE, severity, azure)
    if found is None:
        raise ValueError(f"the escalation data has no base target for severity {severity}")
    return found, azure, tuple(notes)


def escalate(rules: EscalationRules, severity: str, offering_id: str, opened: dt.datetime, policy: DeskPolicy,
             calendar: ClosedDayCalendar, azure: bool = False, azure_product: str | None = None) -> Escalation:
    """`opened` is aware; `policy`/`calendar` are the customer's country desk (its zone and
    closed days run the business-hours clock)."""
    if opened.tzinfo is None or opened.utcoffset() is None:
        raise InvalidInput("opened", opened.isoformat(), Message("has no time zone; pass an aware moment"))
    level = rules.severities[parse_severity(severity)]
    offering = rules.offerings[parse_offering_id(offering_id)]
    target, azure, notes = choose_target(rules, offering.id, level.id, azure, azure_product)
    # Rapid Response and Event Management are add-ons to the base package: a product they
    # do not cover goes the base package's way (phone or online, its languages).
    channel = rules.offerings[BASE] if offering.azure_only and not azure else offering
    if level.clock == CLOCK_24X7:
        result: ClockResult = add_calendar_minutes(opened, target.minutes, policy.desk.zone)
    else:
        result = add_business_minutes(opened, target.minutes, policy, calendar, rules.business_hours)
        first = result.timeline[0] if result.timeline else None
        if first is not None and (not first.counted or first.counted[0].start > opened):
            notes += (Message("Opened outside business hours: the clock starts at the next opening."),)
    return Escalation(level, offering, target, azure, opened.astimezone(policy.desk.zone), level.clock,
                      result.due, result.timeline, notes, channel)


def escalation_as_dict(answer: Escalation, explain: bool = False) -> dict:
    """The JSON contract of `deskguide escalate` (issue: Escalation to Microsoft)."""
    payload = {
        "severity": answer.severity.id,
        "offering": answer.offering.id,
        "target_minutes": answer.target.minutes,
        "clock": answer.clock,
        "opened": answer.opened.isoformat(),
        "due": answer.due.isoformat(),
        "customer_obligations": list(answer.severity.obligations),
        "submit_via": answer.route.submit_via,
        "languages": list(answer.route.languages),
        "azure": answer.azure,
        "target_ref": answer.target.ref,
        "extra": answer.target.extra or None,
        "downgrade": answer.route.downgrade,
        "notes": list(answer.notes),
    }
    if explain:
        payload["timeline"] = [
            {"day": day.day.isoformat(), "minutes": round(day.minutes, 2), "skipped": day.skipped,
             "counted": [{"from": span.start.isoformat(), "to": span.end.isoformat(),
                          "minutes": round(span.minutes, 2)} for span in day.counted]}
            for day in answer.timeline]
    return payload
