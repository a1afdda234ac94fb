"""Read the scope catalogue (resources/reference/scope.toml) into plain values.

Checks the file's shape and names the entry when something is wrong, so a replacement
file from the reseller is refused whole rather than half-loaded.
"""
from __future__ import annotations

from pathlib import Path

from domain.errors import ReferenceDataError
from domain.reference_data import Dataset, load_toml, parse_dataset, reference_dir
from domain.scope import Accept, Catalogue, Outcome, Topic, Verdict, VersionRule

LANGUAGES = ("en", "sv", "nb", "da", "fi")
FACT_RULES = ("software_only", "not_from_reseller", "migrating", "no_antivirus", "no_firewall", "no_backup")
CONDITIONS = {"manager_approval": ("approved",), "app_approval": ("approved", "not_approved")}


def _version(text: str, where: str) -> tuple[int, ...]:
    try:
        return tuple(int(part) for part in str(text).split("."))
    except ValueError:
        raise ReferenceDataError(f"{where}: {text!r} is not a version number such as 7 or 10.15") from None


def _outcome(entry: dict, where: str) -> Outcome:
    try:
        return Outcome(Verdict(entry["verdict"]), entry["clause"], entry["ref"], entry["text"],
                       entry.get("next_step", ""))
    except KeyError as error:
        raise ReferenceDataError(f"{where}: missing the key {error}") from error
    except ValueError:
        raise ReferenceDataError(f"{where}: unknown verdict {entry.get('verdict')!r}; use one of "
                                 + ", ".join(v.value for v in Verdict)) from None


def _topic(entry: dict, where: str, version_rules: dict) -> Topic:
    topic_id = entry.get("id", "?")
    here = f"{where}: topic {topic_id}"
    titles, words = entry.get("titles", {}), entry.get("words", {})
    for language in LANGUAGES:
        if not titles.get(language):
            raise ReferenceDataError(f"{here}: no title in {language!r}")
        if not words.get(language):
            raise ReferenceDataError(f"{here}: no search words in {language!r}")
    condition, rule = entry.get("condition"), entry.get("version_rule")
    if condition is not None and condition not in CONDITIONS:
        raise ReferenceDataError(f"{here}: unknown condition {condition!r}")
    if rule is not None and rule not in version_rules:
        raise ReferenceDataError(f"{here}: unknown version rule {rule!r}")
    alternatives = {key: _outcome(value, f"{here} alternative {key}")
                    for key, value in entry.get("alternatives", {}).items()}
    for needed in CONDITIONS.get(condition, ()):
        if needed not in alternatives:
            raise ReferenceDataError(f"{here}: condition {condition} needs an alternative {needed!r}")
    return Topic(
        id=topic_id, titles=dict(titles), words={lang: tuple(words[lang]) for lang in LANGUAGES},
        outcome=_outcome(entry, here), condition=condition, version_rule=rule, alternatives=alternatives,
    )


def _version_rule(rule_id: str, entry: dict, where: str) -> VersionRule:
    here = f"{where}: versions.{rule_id}"
    try:
        accepts = tuple(
            Accept(a["product"], _version(a["minimum"], here) if "minimum" in a else None,
                   bool(a.get("latest", False)))
            for a in entry["accepts"])
        return VersionRule(
            id=rule_id, clause=entry["clause"], ref=entry["ref"], quote=entry["quote"], what=entry["what"],
            accepts=accepts, examples=tuple(entry["examples"]),
            rejected_next_step=entry["rejected_next_step"], unknown_next_step=entry["unknown_next_step"],
            covers=entry.get("covers", ""),
        )
    except KeyError as error:
        raise ReferenceDataError(f"{here}: missing the key {error}") from error


def parse_scope(data: dict, where: str = "scope.toml") -> tuple[Dataset, Catalogue]:
    dataset = parse_dataset(data, where)
    facts_data = data.get("facts", {})
    missing = [name for name in FACT_RULES if name not in facts_data]
    if missing:
        raise ReferenceDataError(f"{where}: [facts] lacks {', '.join(missing)}")
    facts = {name: _outcome(facts_data[name], f"{where}: facts.{name}") for name in FACT_RULES}
    version_rules = {rule_id: _version_rule(rule_id, entry, where)
                     for rule_id, entry in data.get("versions", {}).items()}
    latest_data = data.get("latest", {})
    latest = {product: _version(value, f"{where}: [latest] {product}")
              for product, value in latest_data.items() if product != "checked"}
    for rule in version_rules.values():
        for accept in rule.accepts:
            if accept.latest_only and accept.product not in latest:
                raise ReferenceDataError(f"{where}: versions.{rule.id} needs [latest] {accept.product}")
    topics: dict[str, Topic] = {}
    for entry in data.get("topic", []):
        topic = _topic(entry, where, version_rules)
        if topic.id in topics:
            raise ReferenceDataError(f"{where}: topic {topic.id} appears twice")
        topics[topic.id] = topic
    if not topics:
        raise ReferenceDataError(f"{where}: no topics")
    return dataset, Catalogue(topics, facts, version_rules, latest, str(latest_data.get("checked", "")))


def load_scope(path: Path | None = None) -> tuple[Dataset, Catalogue]:
    path = path or reference_dir() / "scope.toml"
    return parse_scope(load_toml(path), path.name)
