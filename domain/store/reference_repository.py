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

# The keys whose values the reference files write as TOML dates; JSON keeps them as ISO
# text, and they are dates again before the parser (which refuses text dates) sees them.
DATE_KEYS = frozenset({"checked", "start", "mainstream_end", "extended_end"})


def _revived(value):
    """The document as the parser reads a TOML file: ISO dates under DATE_KEYS as dates."""
    if isinstance(value, dict):
        return {k: _date(v) if k in DATE_KEYS else _revived(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_revived(v) for v in value]
    return value


def _date(value):
    try:
        return dt.date.fromisoformat(value) if isinstance(value, str) else value
    except ValueError:
        return value  # not a date after all: the parser names what is wrong


def _json_safe(value):
    """TOML dates and times are not JSON: keep them as ISO text."""
    if isinstance(value, dict):
        return {k: _json_safe(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json_safe(v) for v in value]
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return value


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
        self._session.merge(ReferenceDocumentRow(name=name, data=_json_safe(data)))

    def document(self, name: str) -> dict:
        row = self._session.get(ReferenceDocumentRow, name)
        if row is None:
            raise ReferenceDataError(f"the store has no {name} reference data; reopen Deskguide to load it")
        return _revived(row.data)

    # --- the scope catalogue and the lifecycle list, kept as documents (migration 0007) ----

    def scope_catalogue(self) -> ScopeCatalogue:
        from domain.scope_data import parse_scope

        return parse_scope(self.document("scope"), "the scope catalogue in the store")[1]

    def lifecycle_catalogue(self) -> LifecycleCatalogue:
        from domain.lifecycle_data import parse_lifecycle

        return parse_lifecycle(self.document("lifecycle"), "the lifecycle list in the store")[1]
