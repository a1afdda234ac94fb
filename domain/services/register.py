"""The customer register: customers, their subscriptions, notice answers for a
subscription, the coming notice deadlines, and all-or-nothing imports.

Every subscription row keeps a copy of its next notice deadline (as of the day it was
computed), so "whose deadline falls in the next 45 days" is an indexed range query over
300,000 subscriptions instead of a Python loop. A copy goes stale once its deadline has
passed (or when asked about a day before it was computed: a clock set back);
coming_deadlines() recomputes those first, which on a normal day is the few hundred whose
deadline passed since the last look (refresh_deadlines(), which a view may also call
when it opens, so that the day's first list does not pay for it).
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from domain.concurrent_edits import EditConflict, RecordKind
from domain.customers import (
    Customer,
    CustomerRecord,
    CustomerSummary,
    FieldError,
    InvalidRecord,
    Offering,
    Subscription,
    check_customer,
    check_subscription,
    not_an_offering,
    valued,
)
from domain.errors import ConflictError, InvalidInput
from domain.messages import Message
from domain.notice import NOTICE_DAYS, NoticeAnswer, Term, next_notice_deadline, not_a_term
from domain.roles import require_admin

if TYPE_CHECKING:
    from domain.store import Store
from domain.store.customer_repository import customer_values
from domain.store.subscription_repository import subscription_values

DEFAULT_WITHIN_DAYS = 45  # issue: "subscriptions whose notice deadline falls within N days (default 45)"


@dataclass(frozen=True)
class Deadline:
    customer_id: int
    customer_name: str
    subscription_id: int
    product: str
    notice_deadline: dt.date  # the last day written notice may arrive (terms §10)
    days_left: int  # from `today` to the deadline; 0 = the deadline is today
    period_end: dt.date  # the last day of service if notice arrives in time
    # The register ids (issue 16: what the CLI shows; None only for a record that has none).
    customer_register_id: str | None = None
    subscription_register_id: str | None = None


@dataclass(frozen=True)
class UpsertResult:
    customers_added: int
    customers_updated: int
    customers_unchanged: int
    subscriptions_added: int
    subscriptions_updated: int
    subscriptions_unchanged: int


class RecordRejected(InvalidRecord):
    """One record of an import is bad: which list it is in, its position there and its
    external id say which line of the file to fix. Nothing of the import is written."""

    def __init__(self, kind: str, position: int, external_id: str | None, errors: list[FieldError]):
        self.kind, self.position, self.external_id = kind, position, external_id
        named = _record_name(kind, position, external_id)
        super().__init__([FieldError(e.field, Message("{message} ({record})", message=e.message, record=named))
                          for e in errors])


def _record_name(kind: str, position: int, external_id: str | None) -> Message:
    """"customer 'CSP-1'", or "subscription #3" for a record without an external id."""
    if kind == "customer":
        return (Message("customer {external_id}", external_id=repr(external_id)) if external_id
                else Message("customer #{number}", number=position + 1))
    return (Message("subscription {external_id}", external_id=repr(external_id)) if external_id
            else Message("subscription #{number}", number=position + 1))


def _checked_customer(customer: Customer) -> Customer:
    """check_customer, and the offering one of Offering (a CSV or a form may hand a string)."""
    errors, tidy = [], customer
    try:
        tidy = check_customer(customer)
    except InvalidRecord as error:
        errors += error.errors
    try:
        offering = Offering(customer.offering)
    except ValueError:
        errors.append(FieldError("offering", valued(repr(customer.offering), not_an_offering())))
    if errors:
        raise InvalidRecord(errors)
    return replace(tidy, offering=offering)


def _unknown_customer(customer_id) -> InvalidInput:
    return InvalidInput("customer", customer_id, Message("is not a customer in the register"))


def _unknown_subscription(field_name: str, subscription_id) -> InvalidInput:
    return InvalidInput(field_name, subscription_id, Message("is not a subscription in the register"))


def _external_id_taken(kind: str, external_id: str, owner: int) -> InvalidRecord:
    reason = (Message("is already used by customer {owner}", owner=owner) if kind == "customer"
              else Message("is already used by subscription {owner}", owner=owner))
    return InvalidRecord([FieldError("external_id", valued(repr(external_id), reason))])


def _external_id_in_use(external_id: str | None) -> InvalidRecord:
    """Another writer took the external id between the check and the write."""
    return InvalidRecord([FieldError("external_id", valued(repr(external_id), Message("is already in use")))])


# --- customers -------------------------------------------------------------------------

def customer_summaries(store: Store) -> list[CustomerSummary]:
    """Every customer, by name: what the search index (domain.customer_search) is built from."""
    with store.unit_of_work() as uow:
        return uow.customers.summaries()


def customer_id_of(store: Store, customer: int | str) -> int:
    """The store's number of `customer` as domain.customers.parse_customer_ref gives it:
    a register id looked up (one that matches no customer is InvalidInput naming it); a
    number as it is (whoever reads the customer says whether it exists), unless those
    digits are another customer's register id: then it is ambiguous, InvalidInput (issue
    16: the number is accepted only where it cannot be mistaken for a register id)."""
    return _record_id_of(store, "customers", customer, _unknown_customer(customer), Message(
        "could be a number or a register id: give #{digits} for the customer whose register id is {digits}, "
        "or the register id of the customer you mean", digits=customer), "customer")


def subscription_id_of(store: Store, subscription: int | str, field_name: str = "subscription") -> int:
    """customer_id_of for a subscription, as domain.customers.parse_subscription_ref gives it."""
    return _record_id_of(store, "subscriptions", subscription, _unknown_subscription(field_name, subscription),
                         Message("could be a number or a register id: give #{digits} for the subscription whose "
                                 "register id is {digits}, or the register id of the subscription you mean",
                                 digits=subscription), field_name)


def _record_id_of(store: Store, records: str, named: int | str, unknown: InvalidInput, ambiguous: Message,
                  field_name: str) -> int:
    with store.unit_of_work() as uow:
        found = getattr(uow, records).id_with_external_id(str(named))
    if isinstance(named, int):
        if found is not None and found != named:
            raise InvalidInput(field_name, str(named), ambiguous)
        return named
    if found is None:
        raise unknown
    return found


def get_customer(store: Store, customer_id: int) -> CustomerRecord:
    with store.unit_of_work() as uow:
        customer = uow.customers.get(customer_id)
        if customer is None:
            raise _unknown_customer(customer_id)
        return CustomerRecord(customer, tuple(uow.subscriptions.of_customer(customer_id)))


def _expected(record: Customer | Subscription, expected_version: int | None) -> int:
    """The version a change builds on: as the caller says, else as the record was read.
    An update that knows neither is a bug in the caller (it could overwrite a colleague's
    change unseen), not something a user did."""
    version = expected_version if expected_version is not None else record.version
    if version is None:
        raise ValueError("an update must say which version it changes (expected_version)")
    return version


def _refused(why: EditConflict | InvalidInput, mine):
    """A change that matched no row: the record is gone (InvalidInput) or at another
    version (EditConflict), raised; unless a colleague saved exactly what this change
    would: then there is nothing to ask, and the stored record is the answer."""
    if isinstance(why, EditConflict) and why.theirs == mine:
        return why.theirs
    raise why


def _customer_conflict(uow, customer_id: int, mine: Customer | None) -> EditConflict | InvalidInput:
    """Why a change of the customer matched no row: gone, or someone else's version."""
    theirs = uow.customers.get(customer_id)
    if theirs is None:
        return _unknown_customer(customer_id)
    return EditConflict(RecordKind.CUSTOMER, customer_id, theirs, mine,
                        changed_at=uow.customers.changed_at(customer_id))


def save_customer(store: Store, customer: Customer, expected_version: int | None = None) -> Customer:
    """Add a customer (id None) or change one; every field is checked first. Returns the
    customer as stored, with its new version.

    A change builds on `expected_version` (default: customer.version, the version it was
    read at); if a colleague saved another version since, nothing is written and
    EditConflict carries theirs and this one (docs/concurrent-editing.md). What is stored
    already equal to this customer is no conflict: there is nothing to lose."""
    customer = _checked_customer(customer)
    expected = None if customer.id is None else _expected(customer, expected_version)
    try:
        with store.unit_of_work(write=True) as uow:
            if customer.external_id is not None:
                owner = uow.customers.id_with_external_id(customer.external_id)
                if owner is not None and owner != customer.id:
                    raise _external_id_taken("customer", customer.external_id, owner)
            if customer.id is None:
                new_id = uow.customers.add(customer)
                if customer.external_id is None:
                    # Made in Deskguide, not imported: it still needs an id of its own, or an
                    # export of the register could not be imported back (docs/register-csv.md).
                    customer = replace(customer, external_id=f"deskguide-customer-{new_id}")
                    uow.customers.set_external_id(new_id, customer.external_id)
                customer = replace(customer, id=new_id, version=1)
            elif uow.customers.update(customer.id, customer_values(customer), expected):
                customer = replace(customer, version=expected + 1)
            else:
                return _refused(_customer_conflict(uow, customer.id, customer), customer)
            uow.commit()
            return customer
    except EditConflict:
        raise
    except ConflictError as error:
        raise _external_id_in_use(customer.external_id) from error


def delete_customer(store: Store, customer_id: int, expected_version: int) -> None:
    """Remove a customer and, with it, all its subscriptions: the customer as the agent
    saw it, at `expected_version`. Changed by a colleague since, it is kept and
    EditConflict says so (mine None): the agent decides again with theirs in front of them.
    An administrator's (issue 15): it takes the customer's journal with it."""
    require_admin(store)
    with store.unit_of_work(write=True) as uow:
        if not uow.customers.delete(customer_id, expected_version):
            raise _customer_conflict(uow, customer_id, None)
        uow.commit()
    store.erase_deleted()  # personal data: gone from the file's bytes too


def export_records(store: Store) -> list[CustomerRecord]:
    """Every customer with its subscriptions, by customer name."""
    with store.unit_of_work() as uow:
        customers = uow.customers.all()
        subscriptions = uow.subscriptions.all()
    by_customer: dict[int, list[Subscription]] = {}
    for subscription in subscriptions:
        by_customer.setdefault(subscription.customer_id, []).append(subscription)
    return [CustomerRecord(c, tuple(by_customer.get(c.id, ()))) for c in customers]


# --- subscriptions ---------------------------------------------------------------------

def _tidy_subscription(subscription: Subscription, today: dt.date) -> Subscription:
    """check_subscription, the term one of Term, spaces trimmed."""
    errors = []
    try:
        check_subscription(subscription, today)
    except InvalidRecord as error:
        errors += error.errors
    try:
        term = Term(subscription.term)
    except ValueError:
        errors.append(FieldError("term", valued(repr(subscription.term), not_a_term())))
    if errors:
        raise InvalidRecord(errors)
    return replace(subscription, term=term, product=subscription.product.strip(),
                   external_id=(subscription.external_id or "").strip() or None)


def _subscription_conflict(uow, subscription_id: int, mine: Subscription | None) -> EditConflict | InvalidInput:
    """Why a change of the subscription matched no row: gone, or someone else's version."""
    theirs = uow.subscriptions.get(subscription_id)
    if theirs is None:
        return _unknown_subscription("subscription", subscription_id)
    return EditConflict(RecordKind.SUBSCRIPTION, subscription_id, theirs, mine)


def save_subscription(store: Store, subscription: Subscription, today: dt.date,
                      expected_version: int | None = None) -> Subscription:
    """Add a subscription (id None) or change one, with its next notice deadline from
    `today`; returns it as stored, with its new version. A change builds on
    `expected_version` (default: subscription.version) as save_customer's does."""
    subscription = _tidy_subscription(subscription, today)
    if subscription.customer_id is None:
        raise InvalidRecord([FieldError("customer_id", Message("is required: which customer has the subscription?"))])
    expected = None if subscription.id is None else _expected(subscription, expected_version)
    deadline = next_notice_deadline(subscription.start_date, subscription.term, today)
    try:
        with store.unit_of_work(write=True) as uow:
            if not uow.customers.exists(subscription.customer_id):
                raise InvalidRecord([FieldError("customer_id", valued(
                    repr(subscription.customer_id), Message("is not a customer in the register")))])
            if subscription.external_id is not None:
                owner = uow.subscriptions.id_with_external_id(subscription.external_id)
                if owner is not None and owner != subscription.id:
                    raise _external_id_taken("subscription", subscription.external_id, owner)
            if subscription.id is None:
                new_id = uow.subscriptions.add(subscription, deadline, today)
                if subscription.external_id is None:  # see save_customer
                    subscription = replace(subscription, external_id=f"deskguide-subscription-{new_id}")
                    uow.subscriptions.set_external_id(new_id, subscription.external_id)
                subscription = replace(subscription, id=new_id, version=1)
            else:
                values = {**subscription_values(subscription), "next_notice_deadline": deadline,
                          "deadline_computed_on": today}
                if uow.subscriptions.update(subscription.id, values, expected):
                    subscription = replace(subscription, version=expected + 1)
                else:
                    return _refused(_subscription_conflict(uow, subscription.id, subscription), subscription)
            uow.commit()
            return subscription
    except EditConflict:
        raise
    except ConflictError as error:
        raise _external_id_in_use(subscription.external_id) from error


def delete_subscription(store: Store, subscription_id: int, expected_version: int) -> None:
    """Remove the subscription as the agent saw it, at `expected_version` (see delete_customer)."""
    with store.unit_of_work(write=True) as uow:
        if not uow.subscriptions.delete(subscription_id, expected_version):
            raise _subscription_conflict(uow, subscription_id, None)
        uow.commit()


def notice_for_subscription(store: Store, subscription_id: int, on: dt.date, *,
                            subscription_field: str = "subscription", on_field: str = "on") -> NoticeAnswer:
    """What happens if notice for this subscription arrives on `on`, with the closed days
    of the customer's country desk. The *_field names say which field was wrong (the CLI
    names its options for them: desktop/cli/output.py as_option)."""
    from domain.services.notice import notice_for

    with store.unit_of_work() as uow:
        found = uow.subscriptions.with_country(subscription_id)
    if found is None:
        raise _unknown_subscription(subscription_field, subscription_id)
    subscription, country = found
    if on < subscription.start_date:
        raise InvalidInput(on_field, on.isoformat(), Message("is before subscription {subscription} starts ({day})",
                                                             subscription=subscription.external_id or subscription_id,
                                                             day=subscription.start_date))
    return notice_for(store, subscription.start_date, subscription.term, on, country)


# --- coming deadlines ------------------------------------------------------------------

def refresh_deadlines(store: Store, today: dt.date) -> int:
    """Recompute the stored deadlines that may not be the next one from `today` (passed,
    or computed on a later day); returns how many. When there are none: two index lookups.
    A cache, not anyone's change: the subscriptions' versions stay as they are."""
    with store.unit_of_work() as uow:  # the usual answer, none: no write lock taken
        if not uow.subscriptions.stale_deadline_rows(today):
            return 0
    with store.unit_of_work(write=True) as uow:
        stale = uow.subscriptions.stale_deadline_rows(today)
        if stale:
            uow.subscriptions.store_deadlines(
                ((row.id, next_notice_deadline(row.start_date, Term(row.term), today)) for row in stale), today)
            uow.commit()
    return len(stale)


def _last_day(today: dt.date, within_days: int) -> dt.date:
    try:
        return today + dt.timedelta(days=within_days)
    except OverflowError:  # "--within 99999999": everything to the end of the calendar
        return dt.date.max


def count_coming_deadlines(store: Store, today: dt.date, within_days: int = DEFAULT_WITHIN_DAYS) -> int:
    """How many deadlines coming_deadlines() would list without a limit, without reading them."""
    refresh_deadlines(store, today)
    with store.unit_of_work() as uow:
        return uow.subscriptions.count_deadlines(today, _last_day(today, within_days))


def coming_deadlines(store: Store, today: dt.date, within_days: int = DEFAULT_WITHIN_DAYS,
                     limit: int | None = None) -> list[Deadline]:
    """Subscriptions whose notice deadline falls from `today` to `today + within_days`
    (both included), soonest first, then by customer name.

    `limit`: the first so many, for a list that pages: 45 days of a 300,000-subscription
    register are some 25,000 rows, which take ten frames to read whole."""
    if isinstance(within_days, bool) or not isinstance(within_days, int) or within_days < 0:
        raise InvalidInput("within_days", within_days, Message("must be a whole number of days, 0 or more"))
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 0):
        raise InvalidInput("limit", limit, Message("must be a whole number, 0 or more"))
    last = _last_day(today, within_days)
    refresh_deadlines(store, today)
    with store.unit_of_work() as uow:
        rows = uow.subscriptions.deadline_rows(today, last, limit)
    notice = dt.timedelta(days=NOTICE_DAYS)  # Period.notice_deadline = end - NOTICE_DAYS
    return [Deadline(customer_id, name, subscription_id, product, deadline, (deadline - today).days,
                     deadline + notice, customer_register_id, subscription_register_id)
            for deadline, customer_id, name, subscription_id, product, customer_register_id, subscription_register_id
            in rows]


def deadline_as_dict(deadline: Deadline) -> dict:
    """One item of the JSON contract of `deskguide deadlines`: the store's numbers under
    the keys they always had (scripts keep working), the register ids beside them (issue 16)."""
    return {
        "customer": deadline.customer_name,
        "customer_id": deadline.customer_id,
        "customer_register_id": deadline.customer_register_id,
        "subscription": deadline.subscription_id,
        "subscription_register_id": deadline.subscription_register_id,
        "product": deadline.product,
        "notice_deadline": deadline.notice_deadline.isoformat(),
        "days_left": deadline.days_left,
        "period_end": deadline.period_end.isoformat(),
    }


# --- import ----------------------------------------------------------------------------

def _checked_import(customers: list[Customer], subscriptions: list[tuple[str, Subscription]],
                    today: dt.date) -> tuple[list[Customer], list[tuple[str, Subscription]]]:
    """Every record checked before anything is written; the first bad one is reported."""
    tidy_customers, seen = [], {}
    for position, customer in enumerate(customers):
        try:
            tidy = _checked_customer(customer)
        except InvalidRecord as error:
            raise RecordRejected("customer", position, customer.external_id, error.errors) from None
        if tidy.external_id is None:
            raise RecordRejected("customer", position, None, [FieldError(
                "external_id", Message("is required to import: it is how a re-import finds the customer"))])
        if tidy.external_id in seen:
            raise RecordRejected("customer", position, tidy.external_id, [FieldError(
                "external_id", Message("appears twice in the import (also customer #{number})",
                                       number=seen[tidy.external_id] + 1))])
        seen[tidy.external_id] = position
        tidy_customers.append(tidy)
    tidy_subscriptions, seen = [], {}
    for position, (customer_external_id, subscription) in enumerate(subscriptions):
        try:
            tidy = _tidy_subscription(subscription, today)
        except InvalidRecord as error:
            raise RecordRejected("subscription", position, subscription.external_id, error.errors) from None
        if tidy.external_id is None:
            raise RecordRejected("subscription", position, None, [FieldError(
                "external_id", Message("is required to import: it is how a re-import finds the subscription"))])
        if tidy.external_id in seen:
            raise RecordRejected("subscription", position, tidy.external_id, [FieldError(
                "external_id", Message("appears twice in the import (also subscription #{number})",
                                       number=seen[tidy.external_id] + 1))])
        if not (customer_external_id or "").strip():
            raise RecordRejected("subscription", position, tidy.external_id, [FieldError(
                "customer_external_id", Message("is required: which customer has the subscription?"))])
        seen[tidy.external_id] = position
        tidy_subscriptions.append((customer_external_id.strip(), tidy))
    return tidy_customers, tidy_subscriptions


def upsert_records(store: Store, customers: list[Customer], subscriptions: list[tuple[str, Subscription]],
                   today: dt.date, dry_run: bool = False,
                   before_commit: Callable[[], None] | None = None) -> UpsertResult:
    """Add or update customers and subscriptions by their external ids, in one
    transaction: any bad record and nothing is written. A record equal to the stored one
    is left alone, so importing the same file twice changes no row the second time.
    `dry_run`: do all of it, report what it would do, and roll back (no commit).
    `before_commit()`: called with everything written but not committed; whatever it
    raises rolls the whole import back (the GUI's Cancel, issue 16).

    An import is someone's change: each record it changes gets a new version, so an agent
    who has it open is asked before overwriting it (docs/concurrent-editing.md). It reads
    and writes in one write transaction, so it never builds on a stale version itself;
    two imports at once queue on the write lock and both land."""
    customers, subscriptions = _checked_import(customers, subscriptions, today)
    try:
        with store.unit_of_work(write=True) as uow:
            result = _upsert(uow, customers, subscriptions, today)
            if before_commit is not None:
                before_commit()
            if not dry_run:
                uow.commit()
    except ConflictError as error:  # a race with another writer: the whole import is undone
        raise InvalidRecord([FieldError("external_id", Message("the import clashes with the register: {error}",
                                                               error=error.message))]) from error
    return result


def _upsert(uow, customers: list[Customer], subscriptions: list[tuple[str, Subscription]],
            today: dt.date) -> UpsertResult:
    stored = uow.customers.by_external_id([c.external_id for c in customers])
    added, updated, unchanged = [], 0, 0
    for customer in customers:
        existing = stored.get(customer.external_id)
        if existing is None:
            added.append(customer)
        elif replace(customer, id=existing.id) == existing:
            unchanged += 1
        else:
            uow.customers.update(existing.id, customer_values(customer))
            updated += 1
    uow.customers.add_all(added)
    customer_counts = (len(added), updated, unchanged)

    wanted = sorted({external_id for external_id, _ in subscriptions})
    customer_ids = {external_id: c.id for external_id, c in uow.customers.by_external_id(wanted).items()}
    stored_subscriptions = uow.subscriptions.by_external_id([s.external_id for _, s in subscriptions])
    new_rows, updated, unchanged = [], 0, 0
    for position, (customer_external_id, subscription) in enumerate(subscriptions):
        customer_id = customer_ids.get(customer_external_id)
        if customer_id is None:
            raise RecordRejected("subscription", position, subscription.external_id, [FieldError(
                "customer_external_id", valued(repr(customer_external_id),
                                               Message("is not a customer in the import or the register")))])
        subscription = replace(subscription, customer_id=customer_id)
        existing = stored_subscriptions.get(subscription.external_id)
        if existing is None:
            new_rows.append((subscription, next_notice_deadline(subscription.start_date, subscription.term, today)))
        elif replace(subscription, id=existing.id) == existing:
            unchanged += 1
        else:
            values = subscription_values(subscription)
            if (existing.start_date, existing.term) != (subscription.start_date, subscription.term):
                values["next_notice_deadline"] = next_notice_deadline(subscription.start_date, subscription.term,
                                                                      today)
                values["deadline_computed_on"] = today
            uow.subscriptions.update(existing.id, values)
            updated += 1
    uow.subscriptions.add_all(new_rows, today)
    return UpsertResult(*customer_counts, len(new_rows), updated, unchanged)
