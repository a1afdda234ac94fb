"""The customer register (the register service): the search index over every customer, one customer's record,
saving and deleting customers and subscriptions, and the coming notice deadlines.

A save or delete built on a version a colleague has changed since (EditConflict) comes
back as the write's value, not as an error: the view needs the whole conflict (theirs,
mine) to let the agent choose, not only its sentence. It still announces the changes:
the store holds something newer than the window shows (docs/concurrent-editing.md)."""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from desktop.gui.operations import Changed, Changes

if TYPE_CHECKING:
    # Re-exported for the views' annotations (see the package's docstring).
    from domain.concurrent_edits import EditConflict
    from domain.customer_search import CustomerSearch
    from domain.customers import Customer, CustomerSummary, Subscription
    from domain.services.register import Deadline

__all__ = ["CustomerSearch", "CustomerSummary", "Deadline", "EditConflict", "coming_deadlines", "customer_search",
           "customer_summary", "default_deadline_days", "delete_customer", "delete_subscription", "get_customer",
           "save_customer", "save_subscription"]


def customer_search(store) -> CustomerSearch:
    """Every customer's summary, and the search index over them, built here on the worker."""
    from domain.customer_search import CustomerSearch
    from domain.services.register import customer_summaries

    return CustomerSearch(customer_summaries(store))


def get_customer(store, customer_id: int):
    """The customer with their subscriptions (a CustomerRecord)."""
    from domain.services.register import get_customer

    return get_customer(store, customer_id)


def customer_summary(store, customer_id: int) -> CustomerSummary:
    """One customer as a search row: what a form prefilled with them shows."""
    from domain.customers import CustomerSummary

    customer = get_customer(store, customer_id).customer
    return CustomerSummary(customer.id, customer.name, customer.org_number, customer.country, customer.phone,
                           customer.email, getattr(customer.offering, "value", customer.offering))


def _unless_in_conflict(write, changes: Changes) -> Changed:
    """`write()`'s value, or the EditConflict it met, with `changes` announced either way."""
    from domain.concurrent_edits import EditConflict

    try:
        return Changed(write(), changes)
    except EditConflict as conflict:
        return Changed(conflict, changes)


def save_customer(store, customer: Customer) -> Changed:
    """The customer's record as stored (new or changed), or the EditConflict when a
    colleague changed it after `customer.version`, the version it was opened at."""
    from domain.services.register import save_customer

    return _unless_in_conflict(lambda: get_customer(store, save_customer(store, customer).id), Changes.CUSTOMERS)


def delete_customer(store, customer_id: int, version: int) -> Changed:
    """The id of the customer deleted, with their subscriptions; or the EditConflict when a
    colleague changed them after `version`, the version the agent saw."""
    from domain.services.register import delete_customer

    def delete() -> int:
        delete_customer(store, customer_id, version)
        return customer_id

    return _unless_in_conflict(delete, Changes.CUSTOMERS | Changes.SUBSCRIPTIONS)


def save_subscription(store, subscription: Subscription, today: dt.date) -> Changed:
    """The subscription as stored, and its customer's record after the save; or the
    EditConflict when a colleague changed it after `subscription.version`."""
    from domain.services.register import save_subscription

    def save() -> tuple:
        saved = save_subscription(store, subscription, today)
        return saved, get_customer(store, saved.customer_id)

    return _unless_in_conflict(save, Changes.SUBSCRIPTIONS)


def delete_subscription(store, subscription_id: int, customer_id: int, version: int) -> Changed:
    """None (no subscription left to pick), and the customer's record after the delete;
    or the EditConflict when a colleague changed the subscription after `version`."""
    from domain.services.register import delete_subscription

    def delete() -> tuple:
        delete_subscription(store, subscription_id, version)
        return None, get_customer(store, customer_id)

    return _unless_in_conflict(delete, Changes.SUBSCRIPTIONS)


def coming_deadlines(store, today: dt.date, within_days: int, limit: int) -> tuple[list[Deadline], int]:
    """The `limit` soonest deadlines within the days, and how many there are in all: a
    big register has thousands a month, which take ten frames to read and nobody
    scrolls through."""
    from domain.services.register import coming_deadlines, count_coming_deadlines

    return (coming_deadlines(store, today, within_days=within_days, limit=limit),
            count_coming_deadlines(store, today, within_days=within_days))


def default_deadline_days() -> int:
    """How far ahead the coming deadlines look unless the agent chose (no store)."""
    from domain.services.register import DEFAULT_WITHIN_DAYS

    return DEFAULT_WITHIN_DAYS
