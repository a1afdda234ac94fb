"""Map journal entries (domain.journal) to the `journal_entry` table and back."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from domain.journal import JournalEntry, JournalKind
from domain.store.column_values import aware, to_utc
from domain.store.models import JournalEntryRow

_TABLE = JournalEntryRow.__table__


def _entry(row) -> JournalEntry:
    return JournalEntry(customer_id=row.customer_id, created=aware(row.created), agent=row.agent,
                        kind=JournalKind(row.kind), topic=row.topic, verdict=row.verdict, note=row.note,
                        summary=row.summary, id=row.id)


def _newest_first(customer_id: int):
    return (select(_TABLE).where(_TABLE.c.customer_id == customer_id)
            .order_by(_TABLE.c.created.desc(), _TABLE.c.id.desc()))


class JournalRepository:
    def __init__(self, session: Session):
        self._session = session

    def add(self, entry: JournalEntry, client_key: str | None = None) -> int:
        """`client_key`: the outbox item the entry is sent from (domain/outbox.py)."""
        values = dict(customer_id=entry.customer_id, created=to_utc(entry.created), agent=entry.agent,
                      kind=JournalKind(entry.kind).value, topic=entry.topic, verdict=entry.verdict,
                      note=entry.note, summary=entry.summary, client_key=client_key)
        return self._session.execute(
            insert(JournalEntryRow).values(values).returning(JournalEntryRow.id)).scalar_one()

    def id_for_key(self, client_key: str) -> int | None:
        """The entry sent from the outbox item `client_key`, if it has landed."""
        return self._session.execute(select(_TABLE.c.id).where(_TABLE.c.client_key == client_key)).scalar()

    def entries_of(self, customer_id: int) -> Iterator[JournalEntry]:
        """The customer's entries, newest first (ties: the later saved first), read as they
        are consumed, so a search can stop once it has enough: close() it when done early."""
        result = self._session.connection().execute(_newest_first(customer_id))
        try:
            for row in result:
                yield _entry(row)
        finally:
            result.close()

    def newest_of(self, customer_id: int, limit: int) -> list[JournalEntry]:
        return [_entry(row) for row in self._session.connection().execute(_newest_first(customer_id).limit(limit))]

    def all(self) -> list[JournalEntry]:
        return [_entry(row) for row in self._session.connection().execute(select(_TABLE).order_by(_TABLE.c.id))]

    def count_created_before(self, cutoff: dt.datetime) -> int:
        return self._session.execute(select(func.count()).select_from(_TABLE)
                                     .where(_TABLE.c.created < to_utc(cutoff))).scalar_one()

    def delete_created_before(self, cutoff: dt.datetime) -> int:
        return self._session.execute(delete(JournalEntryRow)
                                     .where(JournalEntryRow.created < to_utc(cutoff))).rowcount
