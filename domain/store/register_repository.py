"""Map the customer and subscription tables to the plain values of domain.customers.

Rows and queries only; the rules (checks, notice deadlines) live in
domain.services.register, which hands this module values that are already decided.
Queries read only the columns they need as plain rows: the register holds 100,000
customers, and ORM objects for each would cost more than the answer is worth. The two
big reads (all summaries, coming deadlines) run on the session's connection directly:
the ORM's result handling costs a third of their time and adds nothing to plain rows.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from domain.customers import Customer, Offering, Subscription
from domain.notice import Term
from domain.store.models import CustomerRow, SubscriptionRow

# Bound parameters per statement stay far below every backend's limit (SQLite: 32,766).
CHUNK = 500

CUSTOMER_FIELDS = ("external_id", "name", "org_number", "country", "contact", "phone", "email", "offering",
                   "notes")
SUBSCRIPTION_FIELDS = ("external_id", "customer_id", "product", "term", "start_date", "seats", "end_user_support",
                       "from_reseller")
_CUSTOMER_COLUMNS = [CustomerRow.id, *(getattr(CustomerRow, name) for name in CUSTOMER_FIELDS)]
_SUBSCRIPTION_COLUMNS = [SubscriptionRow.id, *(getattr(SubscriptionRow, name) for name in SUBSCRIPTION_FIELDS)]


def chunks(items: Sequence, size: int = CHUNK) -> Iterator[Sequence]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


# --- values <-> rows ---------------------------------------------------------------------

def customer_values(customer: Customer) -> dict:
    """The columns of a customer (without its id)."""
    return {
        "external_id": customer.external_id, "name": customer.name, "org_number": customer.org_number,
        "country": customer.country, "contact": customer.contact, "phone": customer.phone,
        "email": customer.email, "offering": Offering(customer.offering).value, "notes": customer.notes,
    }


def customer_from_row(row) -> Customer:
    return Customer(
        id=row.id, external_id=row.external_id, name=row.name, org_number=row.org_number, country=row.country,
        contact=row.contact, phone=row.phone, email=row.email, offering=Offering(row.offering), notes=row.notes,
    )


def subscription_values(subscription: Subscription) -> dict:
    """The columns of a subscription (without its id and its stored deadline)."""
    return {
        "external_id": subscription.external_id, "customer_id": subscription.customer_id,
        "product": subscription.product, "term": Term(subscription.term).value,
        "start_date": subscription.start_date, "seats": subscription.seats,
        "end_user_support": bool(subscription.end_user_support), "from_reseller": bool(subscription.from_reseller),
    }


def subscription_from_row(row) -> Subscription:
    return Subscription(
        id=row.id, external_id=row.external_id, customer_id=row.customer_id, product=row.product,
        term=Term(row.term), start_date=row.start_date, seats=row.seats,
        end_user_support=bool(row.end_user_support), from_reseller=bool(row.from_reseller),
    )


# --- customers ---------------------------------------------------------------------------

def customer_summary_rows(session: Session) -> list:
    """(id, name, org_number, country, phone, email, offering) of every customer, by name."""
    return session.connection().execute(
        select(CustomerRow.id, CustomerRow.name, CustomerRow.org_number, CustomerRow.country, CustomerRow.phone,
               CustomerRow.email, CustomerRow.offering).order_by(CustomerRow.name, CustomerRow.id)
    ).all()


def find_customer(session: Session, customer_id: int) -> Customer | None:
    row = session.execute(select(*_CUSTOMER_COLUMNS).where(CustomerRow.id == customer_id)).first()
    return None if row is None else customer_from_row(row)


def customer_exists(session: Session, customer_id: int) -> bool:
    return session.scalar(select(CustomerRow.id).where(CustomerRow.id == customer_id)) is not None


def customer_id_with_external_id(session: Session, external_id: str) -> int | None:
    return session.scalar(select(CustomerRow.id).where(CustomerRow.external_id == external_id))


def customers_by_external_id(session: Session, external_ids: Sequence[str]) -> dict[str, Customer]:
    found = {}
    for part in chunks(list(external_ids)):
        for row in session.execute(select(*_CUSTOMER_COLUMNS).where(CustomerRow.external_id.in_(part))):
            found[row.external_id] = customer_from_row(row)
    return found


def all_customers(session: Session) -> list[Customer]:
    rows = session.execute(select(*_CUSTOMER_COLUMNS).order_by(CustomerRow.name, CustomerRow.id))
    return [customer_from_row(row) for row in rows]


def insert_customer(session: Session, customer: Customer) -> int:
    return session.execute(insert(CustomerRow).values(customer_values(customer)).returning(CustomerRow.id)).scalar_one()


def insert_customers(session: Session, customers: Sequence[Customer]) -> None:
    if customers:
        session.execute(insert(CustomerRow), [customer_values(c) for c in customers])


def update_customer(session: Session, customer_id: int, values: dict) -> bool:
    """Write `values` and stamp updated_at; False if there is no such customer."""
    result = session.execute(update(CustomerRow).where(CustomerRow.id == customer_id)
                             .values(**values, updated_at=func.current_timestamp()))
    return result.rowcount == 1


def delete_customer(session: Session, customer_id: int) -> bool:
    # The database deletes the subscriptions (ON DELETE CASCADE).
    return session.execute(delete(CustomerRow).where(CustomerRow.id == customer_id)).rowcount == 1


# --- subscriptions -----------------------------------------------------------------------

def subscriptions_of(session: Session, customer_id: int) -> list[Subscription]:
    rows = session.execute(select(*_SUBSCRIPTION_COLUMNS).where(SubscriptionRow.customer_id == customer_id)
                           .order_by(SubscriptionRow.start_date, SubscriptionRow.id))
    return [subscription_from_row(row) for row in rows]


def all_subscriptions(session: Session) -> list[Subscription]:
    rows = session.execute(select(*_SUBSCRIPTION_COLUMNS).order_by(SubscriptionRow.start_date, SubscriptionRow.id))
    return [subscription_from_row(row) for row in rows]


def find_subscription(session: Session, subscription_id: int) -> Subscription | None:
    row = session.execute(select(*_SUBSCRIPTION_COLUMNS).where(SubscriptionRow.id == subscription_id)).first()
    return None if row is None else subscription_from_row(row)


def subscription_with_country(session: Session, subscription_id: int) -> tuple[Subscription, str] | None:
    row = session.execute(
        select(*_SUBSCRIPTION_COLUMNS, CustomerRow.country)
        .join(CustomerRow, CustomerRow.id == SubscriptionRow.customer_id)
        .where(SubscriptionRow.id == subscription_id)).first()
    return None if row is None else (subscription_from_row(row), row.country)


def subscription_id_with_external_id(session: Session, external_id: str) -> int | None:
    return session.scalar(select(SubscriptionRow.id).where(SubscriptionRow.external_id == external_id))


def subscriptions_by_external_id(session: Session, external_ids: Sequence[str]) -> dict[str, Subscription]:
    found = {}
    for part in chunks(list(external_ids)):
        for row in session.execute(select(*_SUBSCRIPTION_COLUMNS).where(SubscriptionRow.external_id.in_(part))):
            found[row.external_id] = subscription_from_row(row)
    return found


def insert_subscription(session: Session, subscription: Subscription, deadline: dt.date | None,
                        computed_on: dt.date) -> int:
    values = {**subscription_values(subscription), "next_notice_deadline": deadline,
              "deadline_computed_on": computed_on}
    return session.execute(insert(SubscriptionRow).values(values).returning(SubscriptionRow.id)).scalar_one()


def insert_subscriptions(session: Session, rows: Sequence[tuple[Subscription, dt.date | None]],
                         computed_on: dt.date) -> None:
    if rows:
        session.execute(insert(SubscriptionRow), [
            {**subscription_values(s), "next_notice_deadline": deadline, "deadline_computed_on": computed_on}
            for s, deadline in rows])


def update_subscription(session: Session, subscription_id: int, values: dict) -> bool:
    result = session.execute(update(SubscriptionRow).where(SubscriptionRow.id == subscription_id).values(**values))
    return result.rowcount == 1


def delete_subscription(session: Session, subscription_id: int) -> bool:
    return session.execute(delete(SubscriptionRow).where(SubscriptionRow.id == subscription_id)).rowcount == 1


# --- stored notice deadlines -----------------------------------------------------------------

def stale_deadline_rows(session: Session, today: dt.date) -> list:
    """(id, start_date, term) of subscriptions whose stored deadline may not be the next
    one from `today`: it has passed, or it was computed on a later day (the clock went
    back), when an earlier deadline could have been skipped. Both are index lookups."""
    passed = session.execute(
        select(SubscriptionRow.id, SubscriptionRow.start_date, SubscriptionRow.term)
        .where(SubscriptionRow.next_notice_deadline < today)).all()
    ahead = session.execute(
        select(SubscriptionRow.id, SubscriptionRow.start_date, SubscriptionRow.term)
        .where(SubscriptionRow.deadline_computed_on > today)).all()
    if not ahead:
        return passed
    seen = {row.id for row in passed}
    return passed + [row for row in ahead if row.id not in seen]


def store_deadlines(session: Session, deadlines: Iterable[tuple[int, dt.date | None]], computed_on: dt.date) -> None:
    params = [{"id": sid, "next_notice_deadline": deadline, "deadline_computed_on": computed_on}
              for sid, deadline in deadlines]
    if params:
        session.execute(update(SubscriptionRow), params)  # executemany by primary key


def count_deadlines(session: Session, first: dt.date, last: dt.date) -> int:
    """How many stored deadlines fall from `first` to `last` (an index range count)."""
    return session.execute(
        select(func.count()).select_from(SubscriptionRow)
        .where(SubscriptionRow.next_notice_deadline >= first, SubscriptionRow.next_notice_deadline <= last)
    ).scalar_one()


def deadline_rows(session: Session, first: dt.date, last: dt.date, limit: int | None) -> list:
    """(deadline, customer_id, customer name, subscription id, product) with a stored
    deadline from `first` to `last`, soonest first, then by customer name."""
    query = (
        select(SubscriptionRow.next_notice_deadline, SubscriptionRow.customer_id, CustomerRow.name,
               SubscriptionRow.id, SubscriptionRow.product)
        .join(CustomerRow, CustomerRow.id == SubscriptionRow.customer_id)
        .where(SubscriptionRow.next_notice_deadline >= first, SubscriptionRow.next_notice_deadline <= last)
        .order_by(SubscriptionRow.next_notice_deadline, CustomerRow.name, SubscriptionRow.id)
    )
    if limit is not None:
        query = query.limit(limit)
    return session.connection().execute(query).all()
