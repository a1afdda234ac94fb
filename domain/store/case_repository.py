"""Map escalation cases (domain.cases) to the `escalation_case` table and back."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from domain.cases import Case, CaseStatus
from domain.store import live
from domain.store.column_values import aware, last_change, to_utc
from domain.store.models import EscalationCaseRow

_TABLE = EscalationCaseRow.__table__


def _case(row) -> Case:
    return Case(row.id, row.customer_id, row.customer_name, row.country, row.product, row.severity, row.offering,
                row.azure, row.clock, row.target_minutes, aware(row.opened), aware(row.due), aware(row.responded),
                row.note, row.responded_by, row.version, row.opened_by, last_change(row),
                row.status, row.end_reason, row.ended_by, aware(row.ended_at))


_OPEN = _TABLE.c.status == CaseStatus.OPEN.value


class CaseRepository:
    def __init__(self, session: Session, stamp=dict):
        self._session = session
        self._stamp = stamp  # see CustomerRepository

    def add(self, case: Case, client_key: str | None = None) -> int:
        """`client_key`: the outbox item the case is sent from (domain/outbox.py)."""
        values = dict(customer_id=case.customer_id, customer_name=case.customer_name, country=case.country,
                      product=case.product, severity=case.severity, offering=case.offering, azure=case.azure,
                      clock=case.clock, target_minutes=case.target_minutes, opened=to_utc(case.opened),
                      due=to_utc(case.due), responded=None, note=case.note, client_key=client_key,
                      **self._stamp())
        values["opened_by"] = values["changed_by"]  # issue 15: who opened it, kept whoever changes it later
        case_id = self._session.execute(
            insert(EscalationCaseRow).values(values).returning(EscalationCaseRow.id)).scalar_one()
        live.record(self._session, "case", case_id, case.customer_id)
        return case_id

    def id_for_key(self, client_key: str) -> int | None:
        """The case sent from the outbox item `client_key`, if it has landed."""
        return self._session.execute(select(_TABLE.c.id).where(_TABLE.c.client_key == client_key)).scalar()

    def _read(self, query) -> list[Case]:
        # Plain rows, not ORM objects: the case list is read on every refresh.
        return [_case(row) for row in self._session.connection().execute(query)]

    def open_of(self, customer_id: int) -> list[Case]:
        """One customer's cases still waiting for Microsoft's first response, soonest due
        first: a lookup on ix_escalation_case_customer_id, not a walk of every open case
        (15 ms at 2,000 of them, the customer card's whole frame)."""
        return self._read(select(_TABLE).where(_TABLE.c.customer_id == customer_id, _TABLE.c.responded.is_(None),
                                               _OPEN).order_by(_TABLE.c.due, _TABLE.c.id))

    def open(self) -> list[Case]:
        """Open cases still waiting for Microsoft's first response, soonest due first
        (closed and cancelled ones have no clock running: issue 16)."""
        return self._read(select(_TABLE).where(_TABLE.c.responded.is_(None), _OPEN).order_by(_TABLE.c.due))

    def answered(self, limit: int) -> list[Case]:
        """The most recently opened open cases that have had their first response."""
        return self._read(select(_TABLE).where(_TABLE.c.responded.is_not(None), _OPEN)
                          .order_by(_TABLE.c.opened.desc(), _TABLE.c.id.desc()).limit(limit))

    def ended(self, limit: int) -> list[Case]:
        """The most recently closed or cancelled cases (the history behind "Show closed")."""
        return self._read(select(_TABLE).where(~_OPEN)
                          .order_by(_TABLE.c.ended_at.desc(), _TABLE.c.id.desc()).limit(limit))

    def open_like(self, severity: str, customer_id: int | None, since: dt.datetime, until: dt.datetime) -> list[Case]:
        """Open cases of this severity and customer (None: those without one) opened
        between `since` and `until`: the candidates for a duplicate (domain.cases.same_case
        compares the product and a name without case, which SQL cannot do alike on both engines)."""
        who = _TABLE.c.customer_id == customer_id if customer_id is not None else _TABLE.c.customer_id.is_(None)
        return self._read(select(_TABLE).where(_OPEN, who, _TABLE.c.severity == severity,
                                               _TABLE.c.opened >= to_utc(since), _TABLE.c.opened <= to_utc(until))
                          .order_by(_TABLE.c.opened.desc(), _TABLE.c.id.desc()))

    def all(self) -> list[Case]:
        return self._read(select(_TABLE).order_by(_TABLE.c.id))

    def get(self, case_id: int) -> Case | None:
        # Read from the database each time (not the session's identity map): after a
        # refused set_responded, the row a colleague just wrote.
        found = self._read(select(_TABLE).where(_TABLE.c.id == case_id))
        return found[0] if found else None

    def set_responded(self, case_id: int, at: dt.datetime, by: str) -> bool:
        """Record the first response, unless one is recorded already: the first to mark
        it wins, atomically (the condition is in the UPDATE itself, whatever was read
        before); False for the one who came second. Bumps the version (a bulk UPDATE:
        SQLAlchemy's version counter checks only ORM flushes)."""
        result = self._session.execute(
            update(EscalationCaseRow).where(EscalationCaseRow.id == case_id, EscalationCaseRow.responded.is_(None))
            .values(responded=to_utc(at), responded_by=by, **self._stamp(), version=EscalationCaseRow.version + 1))
        if result.rowcount == 1:
            live.record(self._session, "case", case_id, who=by)
        return result.rowcount == 1

    def _change(self, case_id: int, expected_version: int, *conditions, **values) -> bool:
        """Write `values` if the case is at `expected_version` (and meets `conditions`),
        bumping the version; False when no row matched (gone, another version). The check
        is in the UPDATE itself, as in set_responded."""
        # RETURNING the customer: a colleague's card of that customer follows (issue 15, "Live").
        changed = self._session.execute(
            update(EscalationCaseRow).where(EscalationCaseRow.id == case_id,
                                            EscalationCaseRow.version == expected_version, *conditions)
            .values(**values, **self._stamp(), version=EscalationCaseRow.version + 1)
            .returning(EscalationCaseRow.customer_id)).all()
        if changed:
            live.record(self._session, "case", case_id, changed[0][0])
        return bool(changed)

    def update_details(self, case_id: int, product: str, note: str, expected_version: int) -> bool:
        """The agent's edit of an open case's product and note (issue 16)."""
        return self._change(case_id, expected_version, _OPEN, product=product, note=note)

    def end(self, case_id: int, status: str, reason: str, by: str, at: dt.datetime, expected_version: int) -> bool:
        """Close or cancel an open case, saying why, who and when (issue 16)."""
        return self._change(case_id, expected_version, _OPEN, status=status, end_reason=reason, ended_by=by,
                            ended_at=to_utc(at))

    def clear_responded(self, case_id: int, expected_version: int) -> bool:
        """Undo a first-response mark: only if nobody changed the case since (its version
        is still the one the mark left) and the case is still open (issue 16)."""
        return self._change(case_id, expected_version, _OPEN, EscalationCaseRow.responded.is_not(None),
                            responded=None, responded_by=None)
