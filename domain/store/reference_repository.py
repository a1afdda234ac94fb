"""The reference data the store holds besides the desks: which version of each dataset
is loaded (`reference_dataset`), the escalation rules kept whole as a document, the
scope catalogue and the product lifecycle list."""
from __future__ import annotations

import datetime as dt
from dataclasses import asdict

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from domain.errors import ReferenceDataError
from domain.lifecycle import Allowance, Catalogue as LifecycleCatalogue, Phase, PhaseRules, Policy, Product
from domain.reference_data import Dataset
from domain.scope import Accept, Catalogue as ScopeCatalogue, Outcome, Topic, Verdict, VersionRule
from domain.store.column_values import to_utc
from domain.store.models import (
    LifecycleProductRow, LifecycleRuleRow, ReferenceDatasetRow, ReferenceDocumentRow, ScopeRuleRow, ScopeTopicRow,
)


def _json_safe(value):
    """TOML dates and times are not JSON: keep them as ISO text."""
    if isinstance(value, dict):
        return {k: _json_safe(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json_safe(v) for v in value]
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return value


class ReferenceRepository:
    def __init__(self, session: Session):
        self._session = session

    # --- dataset versions ---------------------------------------------------------------

    def datasets(self) -> list[Dataset]:
        rows = self._session.scalars(select(ReferenceDatasetRow).order_by(ReferenceDatasetRow.name))
        return [Dataset(r.name, r.version, r.title, r.source, r.checked, r.reviewed_from, r.reviewed_to)
                for r in rows]

    def stored_version(self, name: str) -> int | None:
        return self._session.scalar(select(ReferenceDatasetRow.version).where(ReferenceDatasetRow.name == name))

    def record_dataset(self, dataset: Dataset, now: dt.datetime) -> None:
        self._session.merge(ReferenceDatasetRow(
            name=dataset.name, version=dataset.version, title=dataset.title, source=dataset.source,
            checked=dataset.checked, reviewed_from=dataset.reviewed_from, reviewed_to=dataset.reviewed_to,
            loaded_at=to_utc(now),
        ))

    # --- documents kept whole -------------------------------------------------------------

    def replace_document(self, name: str, data: dict) -> None:
        self._session.merge(ReferenceDocumentRow(name=name, data=_json_safe(data)))

    def document(self, name: str) -> dict:
        row = self._session.get(ReferenceDocumentRow, name)
        if row is None:
            raise ReferenceDataError(f"the store has no {name} reference data; reopen Deskguide to load it")
        data = dict(row.data)
        meta = dict(data.get("dataset", {}))
        if isinstance(meta.get("checked"), str):  # went in as ISO text, see _json_safe
            meta["checked"] = dt.date.fromisoformat(meta["checked"])
        data["dataset"] = meta
        return data

    # --- the scope catalogue ----------------------------------------------------------------

    def replace_scope_catalogue(self, catalogue: ScopeCatalogue) -> None:
        session = self._session
        session.execute(delete(ScopeTopicRow))
        session.execute(delete(ScopeRuleRow))
        for position, topic in enumerate(catalogue.topics.values()):
            outcome = topic.outcome
            session.add(ScopeTopicRow(
                id=topic.id, position=position, verdict=outcome.verdict.value, clause=outcome.clause,
                ref=outcome.ref, text=outcome.text, next_step=outcome.next_step, condition=topic.condition,
                version_rule=topic.version_rule, titles=topic.titles,
                words={k: list(v) for k, v in topic.words.items()},
                alternatives={k: _outcome_data(v) for k, v in topic.alternatives.items()},
            ))
        for fact_id, outcome in catalogue.facts.items():
            session.add(ScopeRuleRow(kind="fact", id=fact_id, data=_outcome_data(outcome)))
        for rule in catalogue.version_rules.values():
            session.add(ScopeRuleRow(kind="version", id=rule.id, data=asdict(rule)))
        for product, version in catalogue.latest.items():
            session.add(ScopeRuleRow(kind="latest", id=product,
                                     data={"version": list(version), "checked": catalogue.latest_checked}))

    def scope_catalogue(self) -> ScopeCatalogue:
        topics = {}
        for row in self._session.scalars(select(ScopeTopicRow).order_by(ScopeTopicRow.position)):
            topics[row.id] = Topic(
                id=row.id, titles=dict(row.titles), words={k: tuple(v) for k, v in row.words.items()},
                outcome=Outcome(Verdict(row.verdict), row.clause, row.ref, row.text, row.next_step),
                condition=row.condition, version_rule=row.version_rule,
                alternatives={k: _outcome(v) for k, v in row.alternatives.items()},
            )
        facts, rules, latest, checked = {}, {}, {}, ""
        for row in self._session.scalars(select(ScopeRuleRow)):
            if row.kind == "fact":
                facts[row.id] = _outcome(row.data)
            elif row.kind == "version":
                rules[row.id] = _version_rule(row.data)
            elif row.kind == "latest":
                latest[row.id] = tuple(row.data["version"])
                checked = row.data.get("checked", "")
        return ScopeCatalogue(topics, facts, rules, latest, checked)

    # --- the product lifecycle list -----------------------------------------------------------

    def replace_lifecycle_catalogue(self, catalogue: LifecycleCatalogue) -> None:
        """Replace the whole list (in the caller's transaction: all or nothing)."""
        session = self._session
        session.execute(delete(LifecycleProductRow))
        session.execute(delete(LifecycleRuleRow))
        for position, product in enumerate(catalogue.products.values()):
            session.add(LifecycleProductRow(
                id=product.id, position=position, name=product.name, family=product.family,
                policy=product.policy.value, start=product.start, mainstream_end=product.mainstream_end,
                extended_end=product.extended_end, source=product.source, checked=product.checked,
                confidence=product.confidence, aliases=list(product.aliases), notes=list(product.notes),
                confirmed_in=list(product.confirmed_in),
            ))
        for phase, rules in catalogue.phases.items():
            session.add(LifecycleRuleRow(kind="phase", id=phase.value, data={
                "title": rules.title, "ref": rules.ref,
                "allows": [asdict(a) for a in rules.allows], "not_allowed": [asdict(a) for a in rules.not_allowed],
            }))
        session.add(LifecycleRuleRow(kind="policy", id=Policy.MODERN.value, data=asdict(catalogue.modern_note)))

    def lifecycle_catalogue(self) -> LifecycleCatalogue:
        products = {}
        for row in self._session.scalars(select(LifecycleProductRow).order_by(LifecycleProductRow.position)):
            products[row.id] = Product(
                id=row.id, name=row.name, family=row.family, policy=Policy(row.policy), start=row.start,
                mainstream_end=row.mainstream_end, extended_end=row.extended_end, source=row.source,
                checked=row.checked, confidence=row.confidence, aliases=tuple(row.aliases), notes=tuple(row.notes),
                confirmed_in=tuple(row.confirmed_in),
            )
        phases, modern_note = {}, None
        for row in self._session.scalars(select(LifecycleRuleRow)):
            if row.kind == "phase":
                phase = Phase(row.id)
                phases[phase] = PhaseRules(phase, row.data["title"], row.data["ref"],
                                           _allowances(row.data["allows"]), _allowances(row.data["not_allowed"]))
            elif row.kind == "policy" and row.id == Policy.MODERN.value:
                modern_note = Allowance(row.data["text"], row.data["ref"])
        return LifecycleCatalogue(products, {phase: phases[phase] for phase in Phase if phase in phases},
                                  modern_note)


def _outcome_data(outcome: Outcome) -> dict:
    return {**asdict(outcome), "verdict": outcome.verdict.value}


def _outcome(data: dict) -> Outcome:
    return Outcome(Verdict(data["verdict"]), data["clause"], data["ref"], data["text"], data.get("next_step", ""))


def _version_rule(data: dict) -> VersionRule:
    accepts = tuple(Accept(a["product"], tuple(a["minimum"]) if a["minimum"] else None, a["latest_only"])
                    for a in data["accepts"])
    return VersionRule(**{**data, "accepts": accepts, "examples": tuple(data["examples"])})


def _allowances(items: list[dict]) -> tuple[Allowance, ...]:
    return tuple(Allowance(item["text"], item["ref"]) for item in items)
