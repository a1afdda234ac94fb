"""The customer register (the register service): the search index over every customer, one customer's record,
saving and deleting customers and subscriptions, and the coming notice deadlines.

A save or delete built on a version a colleague has changed since (EditConflict) comes
back as the write's value, not as an error: the view needs the whole conflict (theirs,
mine) to let the agent choose, not only its sentence. It still announces the changes:
the store holds something newer than the window shows (docs/concurrent-editing.md)."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from desktop.gui.operations import Changed, Changes

if TYPE_CHECKING:
    # Re-exported for the views' annotations (see the package's docstring).
    from domain.concurrent_edits import EditConflict
    from domain.customer_search import CustomerSearch
    from domain.customers import Customer, CustomerSummary, Subscription
    from domain.services.register import Deadline, UpsertResult

__all__ = ["CustomerSearch", "CustomerSummary", "Deadline", "EditConflict", "ImportOutcome", "ImportStage",
           "UpsertResult", "coming_deadlines", "customer_search", "customer_summary", "default_deadline_days",
           "delete_customer", "delete_subscription", "export_register", "get_customer", "import_register",
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


# --- the register as a CSV file (File > Import register..., Export register...; issue 16) -----


class ImportStage:
    """How far an import is, as the progress bar counts it (of DONE)."""

    READING = 0  # reading and checking the whole file: nothing written yet
    WRITING = 1  # adding and updating, in one transaction not yet committed
    COMMITTING = 2  # past the point of no return: Cancel no longer undoes it
    DONE = 3


class _Cancelled(Exception):
    """The agent cancelled before the commit: the transaction is rolled back."""


class ImportOutcome(NamedTuple):
    """What an import did: `result` (the counts) when it was written; else the file's
    `problems` (RowProblems: line, column, value, reason), or the one reason it was
    `refused` (a file that cannot be read), or `cancelled`. Nothing is written unless
    `result` is set."""

    result: UpsertResult | None = None
    problems: tuple = ()
    refused: object = None  # a Message
    cancelled: bool = False
    ignored_columns: tuple[str, ...] = ()


def import_register(store, path: str, today: dt.date, progress: Callable[[int], None],
                    cancelled: Callable[[], bool]):
    """The CLI's `deskguide import` (the same service, the same all-or-nothing check) with a
    progress report and a way out: `progress(stage)` from this thread, `cancelled()` asked
    before anything is written and again just before the commit. Bad input comes back as
    the outcome, not as an error: the dialog shows every problem, not the banner one line."""
    from domain.customer_csv import CsvProblems
    from domain.errors import InvalidInput
    from domain.services.register_csv import import_records, read_register_file

    progress(ImportStage.READING)
    try:
        parsed = read_register_file(path, today)
    except CsvProblems as problems:
        return ImportOutcome(problems=tuple(problems.problems))
    except InvalidInput as error:
        return ImportOutcome(refused=error.message)
    if cancelled():
        return ImportOutcome(cancelled=True)
    progress(ImportStage.WRITING)

    def before_commit() -> None:
        if cancelled():
            raise _Cancelled
        progress(ImportStage.COMMITTING)

    try:
        result = import_records(store, parsed, today, before_commit=before_commit)
    except _Cancelled:
        return ImportOutcome(cancelled=True)
    except InvalidInput as error:  # a record the register refuses (a clash with a stored id)
        return ImportOutcome(refused=error.message)
    progress(ImportStage.DONE)
    changes = Changes.NONE
    if result.customers_added or result.customers_updated:
        changes |= Changes.CUSTOMERS
    if result.subscriptions_added or result.subscriptions_updated:
        changes |= Changes.SUBSCRIPTIONS
    return Changed(ImportOutcome(result, ignored_columns=tuple(parsed.ignored_columns)), changes)


def export_register(store, path: str, separator: str = ";") -> tuple[int | None, object]:
    """The CLI's `deskguide export`: the same file. (rows written, None), or (None, why not)."""
    from domain.errors import InvalidInput
    from domain.services.register_csv import export_csv

    try:
        return export_csv(store, path, separator), None
    except InvalidInput as error:
        return None, error.message
