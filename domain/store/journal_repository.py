"""Map journal entries (domain.journal) to the `journal_entry` table and back.

Moments are written in UTC: SQLite keeps a DateTime as text without its offset, so
only one zone for every row keeps them comparable (and sortable) as written.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from domain.journal import JournalEntry, JournalKind
from domain.store.models import JournalEntryRow

UTC = dt.timezone.utc
_TABLE = JournalEntryRow.__table__


def _aware(moment: dt.datetime) -> dt.datetime:
    # SQLite hands back naive datetimes even for timezone=True columns; we store UTC.
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _entry(row) -> JournalEntry:
    return JournalEntry(customer_id=row.customer_id, created=_aware(row.created), agent=row.agent,
                        kind=JournalKind(row.kind), topic=row.topic, verdict=row.verdict, note=row.note,
                        summary=row.summary, id=row.id)


def insert_entry(session: Session, entry: JournalEntry) -> int:
    values = dict(customer_id=entry.customer_id, created=entry.created.astimezone(UTC), agent=entry.agent,
                  kind=JournalKind(entry.kind).value, topic=entry.topic, verdict=entry.verdict, note=entry.note,
                  summary=entry.summary)
    return session.execute(insert(JournalEntryRow).values(values).returning(JournalEntryRow.id)).scalar_one()


def _newest_first(customer_id: int):
    return (select(_TABLE).where(_TABLE.c.customer_id == customer_id)
            .order_by(_TABLE.c.created.desc(), _TABLE.c.id.desc()))


def entries_of(session: Session, customer_id: int) -> Iterator[JournalEntry]:
    """The customer's entries, newest first (ties: the later saved first), read as they
    are consumed, so a search can stop once it has enough: close() it when done early."""
    result = session.connection().execute(_newest_first(customer_id))
    try:
        for row in result:
            yield _entry(row)
    finally:
        result.close()


def newest_entries_of(session: Session, customer_id: int, limit: int) -> list[JournalEntry]:
    return [_entry(row) for row in session.connection().execute(_newest_first(customer_id).limit(limit))]


def count_created_before(session: Session, cutoff: dt.datetime) -> int:
    return session.execute(select(func.count()).select_from(_TABLE)
                           .where(_TABLE.c.created < cutoff.astimezone(UTC))).scalar_one()


def delete_created_before(session: Session, cutoff: dt.datetime) -> int:
    return session.execute(delete(JournalEntryRow).where(JournalEntryRow.created < cutoff.astimezone(UTC))).rowcount
