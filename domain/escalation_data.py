"""Read resources/reference/escalation.toml into plain values, naming what is wrong."""
from __future__ import annotations

from pathlib import Path

from domain.business_time import BusinessHours
from domain.desks import parse_clock_time
from domain.errors import DeskguideError, ReferenceDataError
from domain.escalation import (
    CLOCK_24X7,
    CLOCK_BUSINESS,
    OFFERINGS,
    SEVERITIES,
    EscalationRules,
    Offering,
    SeverityLevel,
    Target,
)
from domain.reference_data import Dataset, load_toml, parse_dataset, reference_dir


def _severity(key: str, entry: dict, where: str) -> SeverityLevel:
    if entry.get("clock") not in (CLOCK_24X7, CLOCK_BUSINESS):
        raise ReferenceDataError(f"{where}: severities.{key}: clock must be {CLOCK_24X7} or {CLOCK_BUSINESS}")
    obligations = [_text_and_ref(item, f"{where}: severities.{key}.obligations") for item in entry["obligations"]]
    return SeverityLevel(key, entry["title"], entry["situation"], entry["ref"], entry["clock"],
                         tuple(text for text, _ref in obligations), entry["question"],
                         tuple(ref for _text, ref in obligations))


def _text_and_ref(item, where: str) -> tuple[str, str]:
    """An obligation or a chain step: { text = "...", ref = "000:2651-2653" }, or a bare
    text that cites nothing. A ref is kept out of the sentence (issue 16)."""
    if isinstance(item, str):
        return item, ""
    if isinstance(item, dict) and isinstance(item.get("text"), str):
        return item["text"], str(item.get("ref", ""))
    raise ReferenceDataError(f"{where}: {item!r} is neither a text nor {{ text = ..., ref = ... }}")


def _offering(key: str, entry: dict) -> Offering:
    return Offering(key, entry["title"], entry["submit_via"], tuple(entry["languages"]), entry["languages_ref"],
                    tuple(entry.get("azure_exclusions", ())), entry.get("azure_exclusions_ref", ""),
                    entry["downgrade"], bool(entry.get("azure_only", False)), entry.get("submit_via_ref", ""),
                    entry.get("downgrade_ref", ""))


def parse_escalation(data: dict, where: str = "escalation.toml") -> tuple[Dataset, EscalationRules]:
    dataset = parse_dataset(data, where)
    try:
        severities = {key: _severity(key, entry, where) for key, entry in data["severities"].items()}
        offerings = {key: _offering(key, entry) for key, entry in data["offerings"].items()}
        targets = tuple(Target(t["offering"], str(t["severity"]), int(t["minutes"]), t["ref"], t.get("azure"),
                               t.get("extra", ""), t.get("extra_ref", "")) for t in data.get("target", []))
        hours = data["business_hours"]
        business = BusinessHours(parse_clock_time(hours["opens"], "business_hours.opens"),
                                 parse_clock_time(hours["closes"], "business_hours.closes"))
        steps = [_text_and_ref(step, f"{where}: chain.steps") for step in data["chain"]["steps"]]
        chain, chain_refs = tuple(text for text, _ref in steps), tuple(ref for _text, ref in steps)
        edition = str(data["dataset"].get("edition", ""))
    except KeyError as error:
        raise ReferenceDataError(f"{where}: missing the key {error}") from error
    except (TypeError, ValueError, DeskguideError) as error:
        raise ReferenceDataError(f"{where}: {error}") from error
    if sorted(severities) != sorted(SEVERITIES):
        raise ReferenceDataError(f"{where}: needs severities {', '.join(SEVERITIES)}, found {sorted(severities)}")
    if sorted(offerings) != sorted(OFFERINGS):
        raise ReferenceDataError(f"{where}: needs offerings {', '.join(OFFERINGS)}, found {sorted(offerings)}")
    for target in targets:
        if target.offering not in offerings or target.severity not in severities or target.minutes <= 0:
            raise ReferenceDataError(f"{where}: target {target.offering} {target.severity} ({target.ref}) is not valid")
    for severity in SEVERITIES:  # every fallback ends at a base target
        for azure in (True, False):
            if not any(t.offering == "unified" and t.severity == severity and t.azure in (None, azure)
                       for t in targets):
                raise ReferenceDataError(f"{where}: no unified target for severity {severity} (azure={azure})")
    if not business.opens < business.closes:
        raise ReferenceDataError(f"{where}: business hours must open before they close")
    return dataset, EscalationRules(severities, offerings, targets, business, data["business_hours"].get("ref", ""),
                                    chain, edition, chain_refs)


def load_escalation(path: Path | None = None) -> tuple[Dataset, EscalationRules]:
    path = path or reference_dir() / "escalation.toml"
    return parse_escalation(load_toml(path), path.name)
