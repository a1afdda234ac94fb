"""A customer's case journal for the GUI and the CLI: save an entry, list and search the
journal newest first, and purge the entries older than the retention period.

Search is done here, not in SQL: names and notes are compared without case or accents
("ostergren" finds "Östergren", as the customer search does), which SQLite cannot do,
and one customer's journal is small enough to read in order until enough have matched.
"""
from __future__ import annotations

import datetime as dt
from contextlib import closing
from dataclasses import replace
from typing import TYPE_CHECKING

from domain.customer_search import fold
from domain.errors import MAX_RECORD_ID, InvalidInput, whole_number_from
from domain.journal import JournalEntry, check_entry, retention_cutoff
from domain.messages import Message
from domain.roles import require_admin

if TYPE_CHECKING:
    from domain.store import Store

DEFAULT_LIMIT = 500  # a journal list, not an archive: older entries are found by searching


def _unknown_customer(customer_id) -> InvalidInput:
    return InvalidInput("customer", customer_id, Message("is not a customer in the register"))


def add_entry(store: Store, entry: JournalEntry) -> JournalEntry:
    """Save `entry` (checked first; a customer not in the register is InvalidInput) and
    return it as stored, with its id. Nothing is written on an error."""
    entry = check_entry(entry)
    # An insert: it need not wait for the team's other writers (a customer deleted at
    # the same moment is refused by the foreign key, said as a ConflictError).
    with store.unit_of_work(write=True, exclusive=False) as uow:
        if not uow.customers.exists(entry.customer_id):
            raise _unknown_customer(entry.customer_id)
        saved = replace(entry, id=uow.journal.add(entry))
        uow.commit()
    return saved


def check_limit(limit: object) -> int:
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= MAX_RECORD_ID:
        raise InvalidInput("limit", limit, whole_number_from(1, MAX_RECORD_ID))
    return limit


def _searchable(entry: JournalEntry) -> str:
    # One line per field: a typed word never matches across the end of one field and
    # the start of the next.
    return fold("\n".join((entry.topic, entry.verdict, entry.note, entry.agent, entry.summary)))


def journal(store: Store, customer_id: int, search: str = "", limit: int = DEFAULT_LIMIT) -> list[JournalEntry]:
    """The customer's entries, newest first, at most `limit`. With `search`, only those in
    which every word of it occurs in the topic, verdict, note, agent or summary, without
    regard to case or accents ("lösen anna" finds Anna's "Glömt lösenord"). A customer
    not in the register is InvalidInput."""
    check_limit(limit)
    words = fold(search or "").split()
    with store.unit_of_work() as uow:
        if not uow.customers.exists(customer_id):
            raise _unknown_customer(customer_id)
        if not words:
            return uow.journal.newest_of(customer_id, limit)
        found = []
        # Closed before the unit of work ends, also when the loop stops early.
        with closing(uow.journal.entries_of(customer_id)) as entries:
            for entry in entries:
                text = _searchable(entry)
                if all(word in text for word in words):
                    found.append(entry)
                    if len(found) == limit:
                        break
        return found


def count_older_than(store: Store, months: int, now: dt.datetime) -> int:
    """How many entries purge_older_than(months, now) would delete (the GUI asks to
    confirm with this count, the CLI's --dry-run prints it)."""
    cutoff = retention_cutoff(now, months)
    with store.unit_of_work() as uow:
        return uow.journal.count_created_before(cutoff)


def purge_older_than(store: Store, months: int, now: dt.datetime) -> int:
    """Delete every entry created more than `months` calendar months before `now` (one
    transaction); returns how many. An entry exactly `months` old stays."""
    require_admin(store)  # issue 15: history everyone reads, so an administrator's
    cutoff = retention_cutoff(now, months)
    with store.unit_of_work(write=True) as uow:
        deleted = uow.journal.delete_created_before(cutoff)
        uow.commit()
    if deleted:
        store.erase_deleted()  # personal data: gone from the file's bytes too
    return deleted


def entry_as_dict(entry: JournalEntry) -> dict:
    """One item of the JSON contract of `deskguide journal`."""
    return {
        "id": entry.id,
        "created": entry.created.isoformat(),
        "agent": entry.agent,
        "kind": entry.kind.value,
        "topic": entry.topic,
        "verdict": entry.verdict,
        "note": entry.note,
        "summary": entry.summary,
    }
