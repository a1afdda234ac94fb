"""Map outbox items (domain.outbox) to the `outbox_item` table of the agent's local file."""
from __future__ import annotations

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from domain.outbox import OutboxItem, OutboxKind
from domain.store.column_values import aware, to_utc
from domain.store.models import OutboxItemRow

_TABLE = OutboxItemRow.__table__


def _item(row) -> OutboxItem:
    return OutboxItem(row.client_key, aware(row.created), OutboxKind(row.kind), row.payload, row.attempts,
                      row.last_error, row.id)


class OutboxRepository:
    def __init__(self, session: Session):
        self._session = session

    def add(self, item: OutboxItem) -> int:
        values = dict(client_key=item.client_key, created=to_utc(item.created), kind=OutboxKind(item.kind).value,
                      payload=item.payload, attempts=item.attempts, last_error=item.last_error)
        return self._session.execute(insert(OutboxItemRow).values(values).returning(OutboxItemRow.id)).scalar_one()

    def items(self, kind: OutboxKind | None = None) -> list[OutboxItem]:
        """Oldest first: the order they are sent in."""
        query = select(_TABLE).order_by(_TABLE.c.id)
        if kind is not None:
            query = query.where(_TABLE.c.kind == OutboxKind(kind).value)
        return [_item(row) for row in self._session.connection().execute(query)]

    def count(self) -> int:
        return self._session.execute(select(func.count()).select_from(_TABLE)).scalar_one()

    def remove(self, item_id: int) -> None:
        self._session.execute(delete(OutboxItemRow).where(OutboxItemRow.id == item_id))

    def tried(self, item_id: int, error: str) -> None:
        self._session.execute(update(OutboxItemRow).where(OutboxItemRow.id == item_id)
                              .values(attempts=OutboxItemRow.attempts + 1, last_error=error))
