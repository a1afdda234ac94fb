"""Map the customer table to the plain values of domain.customers.

Rows and queries only; the rules (checks) live in domain.customers and
domain.services.register, which hand this module values that are already decided.
Queries read only the columns they need as plain rows: the register holds 100,000
customers, and ORM objects for each would cost more than the answer is worth. The big
read (all summaries) runs on the session's connection directly: the ORM's result
handling costs a third of its time and adds nothing to plain rows.
"""
from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from domain.customers import Customer, CustomerSummary, Offering
from domain.store import live
from domain.store.column_values import aware, chunks, last_change
from domain.store.models import CustomerRow

CUSTOMER_FIELDS = ("external_id", "name", "org_number", "country", "contact", "phone", "email", "offering",
                   "notes")
_COLUMNS = [CustomerRow.id, *(getattr(CustomerRow, name) for name in CUSTOMER_FIELDS), CustomerRow.version,
            CustomerRow.changed_by, CustomerRow.changed_at]


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
        version=row.version, changed=last_change(row),
    )


def _where(customer_id: int, expected_version: int | None) -> list:
    """The row, and only at the version the change builds on (None: whatever is stored)."""
    found = [CustomerRow.id == customer_id]
    if expected_version is not None:
        found.append(CustomerRow.version == expected_version)
    return found


class CustomerRepository:
    def __init__(self, session: Session, stamp=dict):
        self._session = session
        self._stamp = stamp  # who and when, for every row written (UnitOfWork.stamp)

    def summaries(self) -> list[CustomerSummary]:
        """Every customer, by name: what the search index (domain.customer_search) is built from."""
        rows = self._session.connection().execute(
            select(CustomerRow.id, CustomerRow.name, CustomerRow.org_number, CustomerRow.country, CustomerRow.phone,
                   CustomerRow.email, CustomerRow.offering, CustomerRow.external_id).order_by(CustomerRow.name, CustomerRow.id))
        return [CustomerSummary(*row) for row in rows]

    def get(self, customer_id: int) -> Customer | None:
        row = self._session.execute(select(*_COLUMNS).where(CustomerRow.id == customer_id)).first()
        return None if row is None else customer_from_row(row)

    def exists(self, customer_id: int) -> bool:
        return self._session.scalar(select(CustomerRow.id).where(CustomerRow.id == customer_id)) is not None

    def id_with_external_id(self, external_id: str) -> int | None:
        return self._session.scalar(select(CustomerRow.id).where(CustomerRow.external_id == external_id))

    def by_external_id(self, external_ids: Sequence[str]) -> dict[str, Customer]:
        found = {}
        for part in chunks(list(external_ids)):
            for row in self._session.execute(select(*_COLUMNS).where(CustomerRow.external_id.in_(part))):
                found[row.external_id] = customer_from_row(row)
        return found

    def all(self) -> list[Customer]:
        rows = self._session.execute(select(*_COLUMNS).order_by(CustomerRow.name, CustomerRow.id))
        return [customer_from_row(row) for row in rows]

    def add(self, customer: Customer) -> int:
        customer_id = self._session.execute(
            insert(CustomerRow).values({**customer_values(customer), **self._stamp()}).returning(CustomerRow.id)
        ).scalar_one()
        live.record(self._session, "customer", customer_id, customer_id)
        return customer_id

    def add_all(self, customers: Sequence[Customer]) -> None:
        if customers:
            # Core's executemany: one stamp (the database's clock) for the whole import.
            self._session.connection().execute(insert(CustomerRow.__table__).values(**self._stamp()),
                                               [customer_values(c) for c in customers])
            live.record(self._session, "customer")  # many: the whole register, for the listeners

    def changed_at(self, customer_id: int):
        """When the customer was last changed (the database's clock), or None."""
        return aware(self._session.scalar(select(CustomerRow.updated_at).where(CustomerRow.id == customer_id)))

    def update(self, customer_id: int, values: dict, expected_version: int | None = None) -> bool:
        """Write `values`, stamp updated_at and bump the version (someone's change: an
        agent's save, an import); with `expected_version`, only if that is the stored
        one. False if no row was changed: no such customer, or another version.

        A bulk UPDATE: SQLAlchemy's version counter checks only ORM flushes, so the
        check and the bump are in the statement itself (one statement: no other writer
        can come between them)."""
        result = self._session.execute(update(CustomerRow).where(*_where(customer_id, expected_version))
                                       .values(**values, updated_at=func.current_timestamp(), **self._stamp(),
                                               version=CustomerRow.version + 1))
        if result.rowcount == 1:
            live.record(self._session, "customer", customer_id, customer_id)
        return result.rowcount == 1

    def set_external_id(self, customer_id: int, external_id: str) -> None:
        """Name a customer just added (in the same transaction): part of adding it, not a
        change anyone could have seen, so the version stays 1."""
        self._session.execute(update(CustomerRow).where(CustomerRow.id == customer_id)
                              .values(external_id=external_id))

    def delete(self, customer_id: int, expected_version: int | None = None) -> bool:
        """False if nothing was deleted: no such customer, or not at `expected_version`."""
        # The database deletes the subscriptions (ON DELETE CASCADE).
        deleted = self._session.execute(
            delete(CustomerRow).where(*_where(customer_id, expected_version))).rowcount == 1
        if deleted:
            live.record(self._session, "customer", customer_id, customer_id)
        return deleted
