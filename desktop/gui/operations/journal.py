"""A customer's journal: read, add, and purge what is older than the retention period."""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from desktop.gui.operations import Changed, Changes

if TYPE_CHECKING:
    from domain.journal import JournalEntry


def entries(store, customer_id: int, search: str) -> list[JournalEntry]:
    """The customer's entries matching `search`, newest first; those still waiting in
    the outbox (issue 15: id None, "waiting to send") first of all. While the team
    database cannot be reached, only the waiting ones, if there are any (the banner says
    why the rest are not shown); else StoreUnreachable as for every read."""
    from domain.errors import StoreUnreachable
    from domain.outbox import OutboxKind, journal_entry_of
    from domain.services.journal import journal
    from domain.services.outbox import waiting

    queued = [journal_entry_of(item) for item in reversed(waiting(store, OutboxKind.JOURNAL_ENTRY))]
    queued = [entry for entry in queued if entry.customer_id == customer_id and (
        not search or search.casefold() in entry.note.casefold())]
    try:
        return queued + journal(store, customer_id, search)
    except StoreUnreachable:
        if not queued:
            raise
        return queued


def add_entry(store, entry: JournalEntry, now: dt.datetime) -> Changed:
    """The entry as stored, or as it waits in the outbox when the team database cannot
    be reached (its id None: "waiting to send")."""
    from domain.services.outbox import add_journal_entry

    return Changed(add_journal_entry(store, entry, now).value, Changes.JOURNAL)


def count_older_than(store, months: int, now: dt.datetime) -> int:
    from domain.services.journal import count_older_than

    return count_older_than(store, months, now)


def purge_older_than(store, months: int, now: dt.datetime) -> Changed:
    """How many entries were deleted."""
    from domain.services.journal import purge_older_than

    return Changed(purge_older_than(store, months, now), Changes.JOURNAL)
