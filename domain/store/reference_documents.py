"""Reference data kept whole, as the JSON of its file, when the rules read it as one
document (the escalation targets); parsed by the same code as the bundled file."""
from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from domain.errors import ReferenceDataError
from domain.store.models import ReferenceDocumentRow


def _json_safe(value):
    """TOML dates and times are not JSON: keep them as ISO text."""
    if isinstance(value, dict):
        return {k: _json_safe(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json_safe(v) for v in value]
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return value


def replace_document(session: Session, name: str, data: dict) -> None:
    session.merge(ReferenceDocumentRow(name=name, data=_json_safe(data)))


def load_document(session: Session, name: str) -> dict:
    row = session.get(ReferenceDocumentRow, name)
    if row is None:
        raise ReferenceDataError(f"the store has no {name} reference data; reopen Deskguide to load it")
    data = dict(row.data)
    meta = dict(data.get("dataset", {}))
    if isinstance(meta.get("checked"), str):  # went in as ISO text, see _json_safe
        meta["checked"] = dt.date.fromisoformat(meta["checked"])
    data["dataset"] = meta
    return data
