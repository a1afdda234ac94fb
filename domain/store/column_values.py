"""How values go into columns and come back, the same for every repository."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence

UTC = dt.timezone.utc

# Bound parameters per statement stay far below every backend's limit (SQLite: 32,766).
CHUNK = 500


def to_utc(moment: dt.datetime) -> dt.datetime:
    """Moments are written in UTC: SQLite keeps a DateTime as text without its offset, so
    only one zone for every row keeps them comparable (and sortable) as written."""
    return moment.astimezone(UTC)


def aware(moment: dt.datetime | None) -> dt.datetime | None:
    # SQLite hands back naive datetimes even for timezone=True columns; we store UTC.
    if moment is None:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def last_change(row):
    """A row's changed_by/changed_at as a domain.roles.LastChange; None when nobody is
    recorded (saved before migration 0009, or read without those columns)."""
    from domain.roles import LastChange

    by, at = getattr(row, "changed_by", None), getattr(row, "changed_at", None)
    return LastChange(by, aware(at)) if by or at else None


def chunks(items: Sequence, size: int = CHUNK) -> Iterator[Sequence]:
    for start in range(0, len(items), size):
        yield items[start:start + size]
