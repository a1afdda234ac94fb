"""Read the product lifecycle list (resources/reference/lifecycle.toml) into plain values.

Checks the file's shape and the consistency of every product's dates, and names the
product and the key when something is wrong, so a replacement file is refused whole
rather than half-loaded. TOML has no null: a date that does not exist (no extended
phase, no end announced, start not recorded) is written by leaving its key out, and a
misspelt key is refused rather than read as "no date".
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from domain.errors import ReferenceDataError
from domain.lifecycle import (
    CONFIDENCE,
    Allowance,
    Catalogue,
    Phase,
    PhaseRules,
    Policy,
    Product,
    product_keys,
)
from domain.reference_data import Dataset, load_toml, parse_dataset, reference_dir

FAMILIES = ("windows-client", "windows-server", "office", "microsoft-365", "exchange", "sharepoint", "skype",
            "teams")
PRODUCT_KEYS = {"id", "name", "family", "policy", "start", "mainstream_end", "extended_end", "source", "checked",
                "confidence", "aliases", "notes", "confirmed_in"}
REQUIRED = {"id", "name", "family", "policy", "source", "checked", "confidence"}
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# A line or a range of lines of the lifecycle policy seed: "004:28", "004:97-101".
_REF = re.compile(r"^004:(\d+)(?:-(\d+))?$")
SEED_LINES = 197  # seeds/microsoft-support-lifecycle-policy.nb.txt


def _date(value: object, where: str) -> dt.date:
    # A quoted "2025-10-14" or a date-time is a mistake in the file: TOML has a date type.
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise ReferenceDataError(f"{where} must be a TOML date such as 2025-10-14, not {value!r}")
    return value


def _texts(value: object, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
        raise ReferenceDataError(f"{where} must be a list of texts")
    return tuple(value)


def _ref(value: object, where: str) -> str:
    match = _REF.match(str(value))
    if not match:
        raise ReferenceDataError(f"{where}: {value!r} is not a line of the lifecycle policy such as 004:28 "
                                 "or 004:97-101")
    first, last = int(match.group(1)), int(match.group(2) or match.group(1))
    if not 1 <= first <= last <= SEED_LINES:
        raise ReferenceDataError(f"{where}: {value!r} is outside the policy's lines 1-{SEED_LINES}")
    return str(value)


def _check_dates(product: Product, here: str) -> None:
    if product.policy is Policy.FIXED:
        if product.start is None or product.mainstream_end is None:
            raise ReferenceDataError(f"{here}: a fixed-policy product needs start and mainstream_end")
    elif product.extended_end is not None:
        raise ReferenceDataError(f"{here}: a modern-policy product has one end date (mainstream_end) and no "
                                 "extended_end")
    if product.mainstream_end is None and product.extended_end is not None:
        raise ReferenceDataError(f"{here}: extended_end without mainstream_end")
    if product.start is not None and product.mainstream_end is not None and product.start >= product.mainstream_end:
        raise ReferenceDataError(f"{here}: start {product.start} is not before mainstream_end {product.mainstream_end}")
    if product.extended_end is not None and product.extended_end <= product.mainstream_end:
        raise ReferenceDataError(f"{here}: extended_end {product.extended_end} is not after mainstream_end "
                                 f"{product.mainstream_end}")


def _product(entry: dict, where: str, dataset: Dataset) -> Product:
    if not isinstance(entry, dict):
        raise ReferenceDataError(f"{where}: a [[product]] entry is not a table")
    here = f"{where}: product {entry.get('id', '?')}"
    unknown = sorted(set(entry) - PRODUCT_KEYS)
    if unknown:
        raise ReferenceDataError(f"{here}: unknown key {', '.join(unknown)}; the keys are {', '.join(sorted(PRODUCT_KEYS))}")
    missing = sorted(REQUIRED - set(entry))
    if missing:
        raise ReferenceDataError(f"{here}: missing the key {', '.join(missing)}")
    if not isinstance(entry["id"], str) or not _ID.match(entry["id"]):
        raise ReferenceDataError(f"{here}: the id must be lower-case words joined by '-', such as windows-server-2019")
    for name in ("name", "source"):
        if not isinstance(entry[name], str) or not entry[name].strip():
            raise ReferenceDataError(f"{here}: {name} must be a text")
    if entry["family"] not in FAMILIES:
        raise ReferenceDataError(f"{here}: unknown family {entry['family']!r}; use one of {', '.join(FAMILIES)}")
    try:
        policy = Policy(entry["policy"])
    except ValueError:
        raise ReferenceDataError(f"{here}: unknown policy {entry['policy']!r}; use fixed or modern") from None
    if entry["confidence"] not in CONFIDENCE:
        raise ReferenceDataError(f"{here}: unknown confidence {entry['confidence']!r}; use one of "
                                 + ", ".join(repr(c) for c in CONFIDENCE))
    if not entry["source"].startswith("https://"):
        raise ReferenceDataError(f"{here}: source must be the https:// address of the product's lifecycle page")
    checked = _date(entry["checked"], f"{here}: checked")
    if checked > dataset.checked:
        raise ReferenceDataError(f"{here}: checked {checked} is after the file's [dataset] checked {dataset.checked}")
    dates = {name: _date(entry[name], f"{here}: {name}") if name in entry else None
             for name in ("start", "mainstream_end", "extended_end")}
    product = Product(
        id=entry["id"], name=entry["name"].strip(), family=entry["family"], policy=policy, **dates,
        source=entry["source"], checked=checked, confidence=entry["confidence"],
        aliases=_texts(entry.get("aliases", []), f"{here}: aliases"),
        notes=_texts(entry.get("notes", []), f"{here}: notes"),
        confirmed_in=_texts(entry.get("confirmed_in", []), f"{here}: confirmed_in"),
    )
    _check_dates(product, here)
    return product


def _allowances(items: object, where: str) -> tuple[Allowance, ...]:
    if not isinstance(items, list):
        raise ReferenceDataError(f"{where} must be a list of {{text, ref}} tables")
    found = []
    for number, item in enumerate(items, 1):
        here = f"{where} #{number}"
        if not isinstance(item, dict) or set(item) != {"text", "ref"} or not str(item["text"]).strip():
            raise ReferenceDataError(f"{here} needs exactly a text and a ref")
        found.append(Allowance(str(item["text"]).strip(), _ref(item["ref"], here)))
    return tuple(found)


def _phases(data: dict, where: str) -> dict[Phase, PhaseRules]:
    phases_data = data.get("phases")
    if not isinstance(phases_data, dict):
        raise ReferenceDataError(f"{where}: no [phases] section")
    unknown = sorted(set(phases_data) - {p.value for p in Phase})
    if unknown:
        raise ReferenceDataError(f"{where}: unknown phase {', '.join(unknown)}; the phases are "
                                 + ", ".join(p.value for p in Phase))
    phases = {}
    for phase in Phase:
        here = f"{where}: phases.{phase.value}"
        entry = phases_data.get(phase.value)
        if not isinstance(entry, dict):
            raise ReferenceDataError(f"{here} is missing")
        try:
            allows = _allowances(entry["allows"], f"{here}.allows")
            if not allows:
                raise ReferenceDataError(f"{here}.allows is empty")
            phases[phase] = PhaseRules(phase, str(entry["title"]), _ref(entry["ref"], here), allows,
                                       _allowances(entry.get("not_allowed", []), f"{here}.not_allowed"))
        except KeyError as error:
            raise ReferenceDataError(f"{here}: missing the key {error}") from error
    return phases


def _modern_note(data: dict, where: str) -> Allowance:
    note = data.get("policies", {}).get("modern")
    if not isinstance(note, dict):
        raise ReferenceDataError(f"{where}: no [policies.modern] note")
    return _allowances([note], f"{where}: policies.modern")[0]


def parse_lifecycle(data: dict, where: str = "lifecycle.toml") -> tuple[Dataset, Catalogue]:
    dataset = parse_dataset(data, where)
    phases = _phases(data, where)
    modern_note = _modern_note(data, where)
    entries = data.get("product", [])
    if not isinstance(entries, list):
        raise ReferenceDataError(f"{where}: product must be an array of tables ([[product]])")
    products: dict[str, Product] = {}
    names: dict[frozenset[str], str] = {}
    for entry in entries:
        product = _product(entry, where, dataset)
        if product.id in products:
            raise ReferenceDataError(f"{where}: product {product.id} appears twice")
        for text, words in zip((product.name, *product.aliases), product_keys(product)):
            if not words:
                raise ReferenceDataError(f"{where}: product {product.id}: {text!r} has no words to match")
            other = names.get(words)
            if other is not None and other != product.id:
                raise ReferenceDataError(f"{where}: product {product.id}: {text!r} also names product {other}")
            names[words] = product.id
        products[product.id] = product
    if not products:
        raise ReferenceDataError(f"{where}: no products")
    return dataset, Catalogue(products, phases, modern_note)


def load_lifecycle(path: Path | None = None) -> tuple[Dataset, Catalogue]:
    path = path or reference_dir() / "lifecycle.toml"
    return parse_lifecycle(load_toml(path), path.name)
