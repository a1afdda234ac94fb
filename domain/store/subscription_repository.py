"""Map the subscription table to the plain values of domain.customers, with each
subscription's stored next notice deadline (see models.SubscriptionRow).

The coming-deadlines read runs on the session's connection directly, as plain rows:
45 days of a 300,000-subscription register are some 25,000 of them.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from sqlalchemy import bindparam, delete, func, insert, select, update
from sqlalchemy.orm import Session

from domain.customers import Subscription
from domain.notice import Term
from domain.store import live
from domain.store.column_values import chunks, last_change
from domain.store.models import CustomerRow, SubscriptionRow

SUBSCRIPTION_FIELDS = ("external_id", "customer_id", "product", "term", "start_date", "seats", "end_user_support",
                       "from_reseller")
_COLUMNS = [SubscriptionRow.id, *(getattr(SubscriptionRow, name) for name in SUBSCRIPTION_FIELDS),
            SubscriptionRow.version, SubscriptionRow.changed_by, SubscriptionRow.changed_at]
_TABLE = SubscriptionRow.__table__


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
        end_user_support=bool(row.end_user_support), from_reseller=bool(row.from_reseller), version=row.version,
        changed=last_change(row),
    )


def _where(subscription_id: int, expected_version: int | None) -> list:
    """The row, and only at the version the change builds on (None: whatever is stored)."""
    found = [SubscriptionRow.id == subscription_id]
    if expected_version is not None:
        found.append(SubscriptionRow.version == expected_version)
    return found


class SubscriptionRepository:
    def __init__(self, session: Session, stamp=dict):
        self._session = session
        self._stamp = stamp  # see CustomerRepository

    def of_customer(self, customer_id: int) -> list[Subscription]:
        rows = self._session.execute(select(*_COLUMNS).where(SubscriptionRow.customer_id == customer_id)
                                     .order_by(SubscriptionRow.start_date, SubscriptionRow.id))
        return [subscription_from_row(row) for row in rows]

    def all(self) -> list[Subscription]:
        rows = self._session.execute(select(*_COLUMNS).order_by(SubscriptionRow.start_date, SubscriptionRow.id))
        return [subscription_from_row(row) for row in rows]

    def get(self, subscription_id: int) -> Subscription | None:
        row = self._session.execute(select(*_COLUMNS).where(SubscriptionRow.id == subscription_id)).first()
        return None if row is None else subscription_from_row(row)

    def with_country(self, subscription_id: int) -> tuple[Subscription, str] | None:
        """The subscription and its customer's country (whose desk's closed days count)."""
        row = self._session.execute(
            select(*_COLUMNS, CustomerRow.country)
            .join(CustomerRow, CustomerRow.id == SubscriptionRow.customer_id)
            .where(SubscriptionRow.id == subscription_id)).first()
        return None if row is None else (subscription_from_row(row), row.country)

    def id_with_external_id(self, external_id: str) -> int | None:
        return self._session.scalar(select(SubscriptionRow.id).where(SubscriptionRow.external_id == external_id))

    def by_external_id(self, external_ids: Sequence[str]) -> dict[str, Subscription]:
        found = {}
        for part in chunks(list(external_ids)):
            for row in self._session.execute(select(*_COLUMNS).where(SubscriptionRow.external_id.in_(part))):
                found[row.external_id] = subscription_from_row(row)
        return found

    def add(self, subscription: Subscription, deadline: dt.date | None, computed_on: dt.date) -> int:
        values = {**subscription_values(subscription), "next_notice_deadline": deadline,
                  "deadline_computed_on": computed_on}
        subscription_id = self._session.execute(
            insert(SubscriptionRow).values({**values, **self._stamp()}).returning(SubscriptionRow.id)).scalar_one()
        live.record(self._session, "subscription", subscription_id, subscription.customer_id)
        return subscription_id

    def add_all(self, rows: Sequence[tuple[Subscription, dt.date | None]], computed_on: dt.date) -> None:
        if rows:
            self._session.connection().execute(insert(_TABLE).values(**self._stamp()), [
                {**subscription_values(s), "next_notice_deadline": deadline, "deadline_computed_on": computed_on}
                for s, deadline in rows])
            live.record(self._session, "subscription")  # many

    def update(self, subscription_id: int, values: dict, expected_version: int | None = None) -> bool:
        """Write `values` and bump the version (an agent's save, an import); with
        `expected_version`, only if that is the stored one. False if no row was changed.
        Checked and bumped in the statement: see CustomerRepository.update."""
        result = self._session.execute(update(SubscriptionRow).where(*_where(subscription_id, expected_version))
                                       .values(**values, **self._stamp(), version=SubscriptionRow.version + 1))
        if result.rowcount == 1:
            live.record(self._session, "subscription", subscription_id, values.get("customer_id"))
        return result.rowcount == 1

    def set_external_id(self, subscription_id: int, external_id: str) -> None:
        """Name a subscription just added: part of adding it, the version stays 1."""
        self._session.execute(update(SubscriptionRow).where(SubscriptionRow.id == subscription_id)
                              .values(external_id=external_id))

    def delete(self, subscription_id: int, expected_version: int | None = None) -> bool:
        """False if nothing was deleted: no such subscription, or not at `expected_version`."""
        deleted = self._session.execute(
            delete(SubscriptionRow).where(*_where(subscription_id, expected_version))).rowcount == 1
        if deleted:
            live.record(self._session, "subscription", subscription_id)
        return deleted

    # --- stored notice deadlines -------------------------------------------------------------

    def stale_deadline_rows(self, today: dt.date) -> list:
        """(id, start_date, term) of subscriptions whose stored deadline may not be the next
        one from `today`: it has passed, or it was computed on a later day (the clock went
        back), when an earlier deadline could have been skipped. Both are index lookups."""
        passed = self._session.execute(
            select(SubscriptionRow.id, SubscriptionRow.start_date, SubscriptionRow.term)
            .where(SubscriptionRow.next_notice_deadline < today)).all()
        ahead = self._session.execute(
            select(SubscriptionRow.id, SubscriptionRow.start_date, SubscriptionRow.term)
            .where(SubscriptionRow.deadline_computed_on > today)).all()
        if not ahead:
            return passed
        seen = {row.id for row in passed}
        return passed + [row for row in ahead if row.id not in seen]

    def store_deadlines(self, deadlines: Iterable[tuple[int, dt.date | None]], computed_on: dt.date) -> None:
        """Recompute the stored copies. A cache, not anyone's change: the version stays, so an
        agent editing the subscription meanwhile is not told of a change nobody made
        (docs/concurrent-editing.md). On the table, not the mapped class: the ORM's bulk
        update by primary key would demand and check the version."""
        params = [{"row_id": sid, "next_notice_deadline": deadline, "deadline_computed_on": computed_on}
                  for sid, deadline in deadlines]
        if params:
            self._session.execute(update(_TABLE).where(_TABLE.c.id == bindparam("row_id")), params)  # executemany

    def count_deadlines(self, first: dt.date, last: dt.date) -> int:
        """How many stored deadlines fall from `first` to `last` (an index range count)."""
        return self._session.execute(
            select(func.count()).select_from(SubscriptionRow)
            .where(SubscriptionRow.next_notice_deadline >= first, SubscriptionRow.next_notice_deadline <= last)
        ).scalar_one()

    def deadline_rows(self, first: dt.date, last: dt.date, limit: int | None) -> list:
        """(deadline, customer_id, customer name, subscription id, product, customer's
        register id, subscription's register id) with a stored deadline from `first` to
        `last`, soonest first, then by customer name."""
        query = (
            select(SubscriptionRow.next_notice_deadline, SubscriptionRow.customer_id, CustomerRow.name,
                   SubscriptionRow.id, SubscriptionRow.product, CustomerRow.external_id, SubscriptionRow.external_id)
            .join(CustomerRow, CustomerRow.id == SubscriptionRow.customer_id)
            .where(SubscriptionRow.next_notice_deadline >= first, SubscriptionRow.next_notice_deadline <= last)
            .order_by(SubscriptionRow.next_notice_deadline, CustomerRow.name, SubscriptionRow.id)
        )
        if limit is not None:
            query = query.limit(limit)
        return self._session.connection().execute(query).all()
