"""Support-scope answers for the GUI and the CLI."""
from __future__ import annotations

from typing import TYPE_CHECKING

from domain.scope import Catalogue, CustomerFacts, ScopeAnswer, evaluate

if TYPE_CHECKING:
    from domain.scope_search import Match  # imported by search() only: ~20 ms a topic's answer does not need
    from domain.store import Store


def load_catalogue(store: Store) -> Catalogue:
    with store.unit_of_work() as uow:
        return uow.reference.scope_catalogue()


def check_question(topic_id: str, facts: CustomerFacts) -> None:
    """Raise InvalidInput for an unknown topic or an unreadable version, before any
    store is opened: checked against the bundled catalogue the store is loaded from."""
    from domain.scope_data import load_scope

    evaluate(load_scope()[1], topic_id, facts)


def answer_as_dict(answer: ScopeAnswer) -> dict:
    """The JSON contract of `deskguide scope --topic` (issue: Support-scope checker)."""
    return {
        "topic": answer.topic.id,
        "title": answer.topic.title(),
        "verdict": answer.verdict.value,
        "reasons": [{"clause": r.clause, "ref": r.ref, "verdict": r.verdict.value, "text": r.text}
                    for r in answer.reasons],
        "next_step": answer.next_step,
        "version": answer.version.label if answer.version else None,
    }


def search_as_dict(matches: list[Match]) -> dict:
    return {"matches": [{"topic": m.topic, "title": m.title, "score": m.score} for m in matches]}


def search(store: Store, text: str) -> list[Match]:
    from domain.scope_search import ScopeSearch

    return ScopeSearch(load_catalogue(store)).search(text)
