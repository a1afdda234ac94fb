"""Product lifecycle answers for the GUI, the CLI and the escalation check.

`check(store, "Exchange 2016", day)` names the product, its phase on that day and what
the phase allows; `answer.warning` is set when support has ended, for the escalation
flow to show before a case goes to Microsoft.
"""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from domain.lifecycle import Catalogue, LifecycleAnswer, Product
from domain.lifecycle import check as check_in

if TYPE_CHECKING:
    from domain.store import Store


def load_catalogue(store: Store) -> Catalogue:
    with store.unit_of_work() as uow:
        return uow.reference.lifecycle_catalogue()


def bundled_catalogue() -> Catalogue:
    from domain.lifecycle_data import load_lifecycle

    return load_lifecycle()[1]


def check_question(text: str, on: dt.date, *, product_field: str = "product", on_field: str = "on") -> Product:
    """Raise InvalidInput (UnknownProduct, AmbiguousProduct, a day before the product's
    release) before any store is opened: checked against the bundled list the store is
    loaded from."""
    return check_in(bundled_catalogue(), text, on, product_field=product_field, on_field=on_field).product


def check(store: Store, text: str, on: dt.date, *, product_field: str = "product",
          on_field: str = "on") -> LifecycleAnswer:
    return check_in(load_catalogue(store), text, on, product_field=product_field, on_field=on_field)


def _day(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def answer_as_dict(answer: LifecycleAnswer) -> dict:
    """The JSON contract of `deskguide lifecycle` (issue "Escalation to Microsoft ...")."""
    product = answer.product
    return {
        "product": product.name,
        "phase": answer.phase.value,
        "mainstream_end": _day(product.mainstream_end),
        "extended_end": _day(product.extended_end),
        "source": product.source,
        "checked": _day(product.checked),
        "allows": list(answer.allows),
        "not_allowed": list(answer.not_allowed),
        "notes": list(answer.notes),
        "matched_from": answer.matched_from,
        "product_id": product.id,
        "family": product.family,
        "policy": product.policy.value,
        "start": _day(product.start),
        "on": _day(answer.on),
        "phase_ends": _day(answer.phase_ends),
        "confidence": product.confidence,
        "confirmed_in": list(product.confirmed_in),
        "warning": answer.warning,
    }
