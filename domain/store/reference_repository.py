"""The reference data the store holds besides the desks: which version of each dataset
is loaded (`reference_dataset`), and the reference files kept whole as documents (the
scope catalogue, the lifecycle list, the escalation rules), each parsed by the same code
as its bundled file (see migrations/versions/0007_reference_documents.py for why)."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from domain.errors import ReferenceDataError
from domain.lifecycle import Catalogue as LifecycleCatalogue
from domain.reference_data import Dataset
from domain.scope import Catalogue as ScopeCatalogue
from domain.store.column_values import to_utc
from domain.store.models import ReferenceDatasetRow, ReferenceDocumentRow
from domain.store.stored_values import json_safe, revived


class ReferenceRepository:
    def __init__(self, session: Session):
        self._session = session

    # --- dataset versions ---------------------------------------------------------------

    def datasets(self) -> list[Dataset]:
        rows = self._session.scalars(select(ReferenceDatasetRow).order_by(ReferenceDatasetRow.name))
        return [Dataset(r.name, r.version, r.title, r.source, r.checked, r.reviewed_from, r.reviewed_to)
                for r in rows]

    def stored_version(self, name: str) -> int | None:
        return self._session.scalar(select(ReferenceDatasetRow.version).where(ReferenceDatasetRow.name == name))

    def record_dataset(self, dataset: Dataset, now: dt.datetime) -> None:
        self._session.merge(ReferenceDatasetRow(
            name=dataset.name, version=dataset.version, title=dataset.title, source=dataset.source,
            checked=dataset.checked, reviewed_from=dataset.reviewed_from, reviewed_to=dataset.reviewed_to,
            loaded_at=to_utc(now),
        ))

    # --- documents kept whole -------------------------------------------------------------

    def replace_document(self, name: str, data: dict) -> None:
        self._session.merge(ReferenceDocumentRow(name=name, data=json_safe(data)))

    def document(self, name: str) -> dict:
        row = self._session.get(ReferenceDocumentRow, name)
        if row is None:
            raise ReferenceDataError(f"the store has no {name} reference data; reopen Deskguide to load it")
        return revived(row.data)

    # --- the scope catalogue and the lifecycle list, kept as documents (migration 0007) ----

    def scope_catalogue(self) -> ScopeCatalogue:
        from domain.scope_data import parse_scope

        return parse_scope(self.document("scope"), "the scope catalogue in the store")[1]

    def lifecycle_catalogue(self) -> LifecycleCatalogue:
        from domain.lifecycle_data import parse_lifecycle

        return parse_lifecycle(self.document("lifecycle"), "the lifecycle list in the store")[1]
