"""The customer card of the call view."""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    # Re-exported for the views' annotations (see the package's docstring).
    from domain.services.card import CardSubscription, CustomerCard

__all__ = ["CardSubscription", "CustomerCard", "read_card"]


def read_card(store, customer_id: int, days: dict[str, dt.date], guess: dt.date) -> CustomerCard:
    """The card with the days left counted from the customer's today (their desk's
    clock). `guess` is today in the country we expect; near midnight a customer in
    another zone may be on another day, and is read once more for it."""
    from domain.services.card import customer_card

    card = customer_card(store, customer_id, guess)
    today = days.get(card.customer.country, guess)
    return card if today == guess else customer_card(store, customer_id, today)
