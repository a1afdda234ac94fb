"""A customer's journal: read, add, and purge what is older than the retention period."""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from desktop.gui.operations import Changed, Changes

if TYPE_CHECKING:
    from domain.journal import JournalEntry


def entries(store, customer_id: int, search: str) -> list[JournalEntry]:
    """The customer's entries matching `search`, newest first."""
    from domain.services.journal import journal

    return journal(store, customer_id, search)


def add_entry(store, entry: JournalEntry) -> Changed:
    """The entry as stored."""
    from domain.services.journal import add_entry

    return Changed(add_entry(store, entry), Changes.JOURNAL)


def count_older_than(store, months: int, now: dt.datetime) -> int:
    from domain.services.journal import count_older_than

    return count_older_than(store, months, now)


def purge_older_than(store, months: int, now: dt.datetime) -> Changed:
    """How many entries were deleted."""
    from domain.services.journal import purge_older_than

    return Changed(purge_older_than(store, months, now), Changes.JOURNAL)
