"""Map the product lifecycle list to the lifecycle tables and back."""
from __future__ import annotations

from dataclasses import asdict

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from domain.lifecycle import Allowance, Catalogue, Phase, PhaseRules, Policy, Product
from domain.store.models import LifecycleProductRow, LifecycleRuleRow


def replace_products(session: Session, catalogue: Catalogue) -> None:
    """Replace the whole list (in the caller's transaction: all or nothing)."""
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


def _allowances(items: list[dict]) -> tuple[Allowance, ...]:
    return tuple(Allowance(item["text"], item["ref"]) for item in items)


def load_catalogue(session: Session) -> Catalogue:
    products = {}
    for row in session.scalars(select(LifecycleProductRow).order_by(LifecycleProductRow.position)):
        products[row.id] = Product(
            id=row.id, name=row.name, family=row.family, policy=Policy(row.policy), start=row.start,
            mainstream_end=row.mainstream_end, extended_end=row.extended_end, source=row.source,
            checked=row.checked, confidence=row.confidence, aliases=tuple(row.aliases), notes=tuple(row.notes),
            confirmed_in=tuple(row.confirmed_in),
        )
    phases, modern_note = {}, None
    for row in session.scalars(select(LifecycleRuleRow)):
        if row.kind == "phase":
            phase = Phase(row.id)
            phases[phase] = PhaseRules(phase, row.data["title"], row.data["ref"], _allowances(row.data["allows"]),
                                       _allowances(row.data["not_allowed"]))
        elif row.kind == "policy" and row.id == Policy.MODERN.value:
            modern_note = Allowance(row.data["text"], row.data["ref"])
    return Catalogue(products, {phase: phases[phase] for phase in Phase if phase in phases}, modern_note)
