"""Map escalation cases to the `escalation_case` table and back."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from domain.cases import Case
from domain.store.models import EscalationCaseRow

UTC = dt.timezone.utc


def _aware(moment: dt.datetime | None) -> dt.datetime | None:
    # SQLite hands back naive datetimes even for timezone=True columns; we store UTC.
    if moment is None:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _case(row):
    return Case(row.id, row.customer_id, row.customer_name, row.country, row.product, row.severity, row.offering,
                row.azure, row.clock, row.target_minutes, _aware(row.opened), _aware(row.due), _aware(row.responded),
                row.note)


def insert_case(session: Session, case) -> int:
    values = dict(customer_id=case.customer_id, customer_name=case.customer_name, country=case.country,
                  product=case.product, severity=case.severity, offering=case.offering, azure=case.azure,
                  clock=case.clock, target_minutes=case.target_minutes, opened=case.opened.astimezone(UTC),
                  due=case.due.astimezone(UTC), responded=None, note=case.note)
    return session.execute(insert(EscalationCaseRow).values(values).returning(EscalationCaseRow.id)).scalar_one()


def _read(session: Session, query) -> list:
    # Plain rows, not ORM objects: the case list is read on every refresh.
    return [_case(row) for row in session.connection().execute(query)]


def open_cases_of(session: Session, customer_id: int) -> list:
    """One customer's cases still waiting for Microsoft's first response, soonest due
    first: a lookup on ix_escalation_case_customer_id, not a walk of every open case
    (15 ms at 2,000 of them, the customer card's whole frame)."""
    table = EscalationCaseRow.__table__
    return _read(session, select(table).where(table.c.customer_id == customer_id, table.c.responded.is_(None))
                 .order_by(table.c.due, table.c.id))


def open_cases(session: Session) -> list:
    """Cases still waiting for Microsoft's first response, soonest due first."""
    table = EscalationCaseRow.__table__
    return _read(session, select(table).where(table.c.responded.is_(None)).order_by(table.c.due))


def answered_cases(session: Session, limit: int) -> list:
    """The most recently opened cases that have had their first response."""
    table = EscalationCaseRow.__table__
    return _read(session, select(table).where(table.c.responded.is_not(None))
                 .order_by(table.c.opened.desc(), table.c.id.desc()).limit(limit))


def find_case(session: Session, case_id: int):
    row = session.get(EscalationCaseRow, case_id)
    return None if row is None else _case(row)


def set_responded(session: Session, case_id: int, at: dt.datetime) -> None:
    session.execute(update(EscalationCaseRow).where(EscalationCaseRow.id == case_id)
                    .values(responded=at.astimezone(UTC)))
