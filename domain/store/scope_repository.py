"""Map the scope catalogue to the scope tables and back."""
from __future__ import annotations

from dataclasses import asdict

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from domain.scope import Accept, Catalogue, Outcome, Topic, Verdict, VersionRule
from domain.store.models import ScopeRuleRow, ScopeTopicRow


def _outcome_data(outcome: Outcome) -> dict:
    return {**asdict(outcome), "verdict": outcome.verdict.value}


def _outcome(data: dict) -> Outcome:
    return Outcome(Verdict(data["verdict"]), data["clause"], data["ref"], data["text"], data.get("next_step", ""))


def replace_catalogue(session: Session, catalogue: Catalogue) -> None:
    session.execute(delete(ScopeTopicRow))
    session.execute(delete(ScopeRuleRow))
    for position, topic in enumerate(catalogue.topics.values()):
        outcome = topic.outcome
        session.add(ScopeTopicRow(
            id=topic.id, position=position, verdict=outcome.verdict.value, clause=outcome.clause, ref=outcome.ref,
            text=outcome.text, next_step=outcome.next_step, condition=topic.condition,
            version_rule=topic.version_rule, titles=topic.titles, words={k: list(v) for k, v in topic.words.items()},
            alternatives={k: _outcome_data(v) for k, v in topic.alternatives.items()},
        ))
    for fact_id, outcome in catalogue.facts.items():
        session.add(ScopeRuleRow(kind="fact", id=fact_id, data=_outcome_data(outcome)))
    for rule in catalogue.version_rules.values():
        session.add(ScopeRuleRow(kind="version", id=rule.id, data=asdict(rule)))
    for product, version in catalogue.latest.items():
        session.add(ScopeRuleRow(kind="latest", id=product,
                                 data={"version": list(version), "checked": catalogue.latest_checked}))


def _version_rule(data: dict) -> VersionRule:
    accepts = tuple(Accept(a["product"], tuple(a["minimum"]) if a["minimum"] else None, a["latest_only"])
                    for a in data["accepts"])
    return VersionRule(**{**data, "accepts": accepts, "examples": tuple(data["examples"])})


def load_catalogue(session: Session) -> Catalogue:
    topics = {}
    for row in session.scalars(select(ScopeTopicRow).order_by(ScopeTopicRow.position)):
        topics[row.id] = Topic(
            id=row.id, titles=dict(row.titles), words={k: tuple(v) for k, v in row.words.items()},
            outcome=Outcome(Verdict(row.verdict), row.clause, row.ref, row.text, row.next_step),
            condition=row.condition, version_rule=row.version_rule,
            alternatives={k: _outcome(v) for k, v in row.alternatives.items()},
        )
    facts, rules, latest, checked = {}, {}, {}, ""
    for row in session.scalars(select(ScopeRuleRow)):
        if row.kind == "fact":
            facts[row.id] = _outcome(row.data)
        elif row.kind == "version":
            rules[row.id] = _version_rule(row.data)
        elif row.kind == "latest":
            latest[row.id] = tuple(row.data["version"])
            checked = row.data.get("checked", "")
    return Catalogue(topics, facts, rules, latest, checked)
