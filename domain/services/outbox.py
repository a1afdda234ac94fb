"""Nothing lost in an outage (issue 15): journal entries, new cases and first-response
marks written while the team database cannot be reached wait in the outbox of the
agent's local file, and are sent in order, exactly once, when it answers again.

Every such write carries a client key (domain/outbox.py) from the start, online too:
when the connection drops during the commit nobody knows whether the server has the row,
so it is queued with the same key, and the resend finds it ("already there") instead of
writing it twice. For a local SQLite database there is no server to lose: a write is
simply saved.

The order: while something waits, a new write waits behind it (it is sent by the same
sync, after the older ones), so a first-response mark never lands before its case.
An item the server refuses (its customer was deleted meanwhile, a schema of another
version) stays in the outbox with the reason, and the items after it are sent: one
refused note must not hold back the rest of the day's.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from domain import outbox
from domain.cases import Case
from domain.concurrent_edits import AlreadyResponded
from domain.errors import DeskguideError, InvalidInput, StoreError, StoreUnreachable
from domain.journal import JournalEntry, check_entry
from domain.messages import Message
from domain.outbox import OutboxItem, OutboxKind, SendStatus, SyncReport

if TYPE_CHECKING:
    from domain.store import Store

SENT, ALREADY_THERE = "sent", "already_there"


@dataclass(frozen=True)
class Written:
    """A write's outcome: on the server (`saved`, with its id) or waiting (`queued`)."""

    status: SendStatus
    value: Any  # the JournalEntry or Case as stored, or as it waits (id None)
    client_key: str


def local_store(store: Store) -> Store | None:
    """The file the outbox lives in: a team store's local companion; None for a local
    database (no server to lose, no outbox)."""
    return getattr(store, "local_store", None)


def _temporary(error: BaseException) -> bool:
    return isinstance(error, StoreError) and error.temporary


# --- sending one item ------------------------------------------------------------------------

def _unknown_customer(customer_id) -> InvalidInput:
    return InvalidInput("customer", customer_id, Message("is not a customer in the register"))


def _send_new(store: Store, item: OutboxItem, records: str, value, prepare=None) -> tuple[str, int]:
    """A new journal entry or case (`records`: the unit of work's repository), written
    with the item's key unless a row with it is there already. `prepare(uow, value)`
    checks it against the server's records and returns it as it is to be written."""
    with store.unit_of_work(write=True) as uow:
        repository = getattr(uow, records)
        # The key first: an item that landed before is found whatever its customer became.
        landed = repository.id_for_key(item.client_key)
        if landed is not None:
            return ALREADY_THERE, landed
        if prepare is not None:
            value = prepare(uow, value)
        new_id = repository.add(value, item.client_key)
        uow.commit()
    return SENT, new_id


def _send_journal_entry(store: Store, item: OutboxItem) -> tuple[str, int]:
    register_id = outbox.journal_register_id_of(item)

    def with_customer(uow, entry: JournalEntry) -> JournalEntry:
        if register_id is not None:
            # Queued by the customer's register id (the CLI, offline): looked up now, in the
            # same transaction as the write. None there is a refusal, kept with its reason.
            customer_id = uow.customers.id_with_external_id(register_id)
            if customer_id is None:
                raise _unknown_customer(register_id)
            return replace(entry, customer_id=customer_id)
        # Deleted while the note waited (the journal goes with its customer).
        if not uow.customers.exists(entry.customer_id):
            raise _unknown_customer(entry.customer_id)
        return entry

    return _send_new(store, item, "journal", outbox.journal_entry_of(item), with_customer)


def _send_case(store: Store, item: OutboxItem) -> tuple[str, int]:
    from domain.services.escalation import add_case

    # The case and its journal entry land together (issue 16), or neither does; a resend
    # finds the case by its key and writes neither again.
    journal = outbox.journal_of(item)
    with store.unit_of_work(write=True) as uow:
        landed = uow.cases.id_for_key(item.client_key)
        if landed is not None:
            return ALREADY_THERE, landed
        new_id = add_case(uow, outbox.case_of(item), item.client_key, journal)
        uow.commit()
    return SENT, new_id


def _send_first_response(store: Store, item: OutboxItem) -> tuple[str, int]:
    from domain.services.escalation import mark_responded

    case_id, case_key, at, by = outbox.first_response_of(item)
    if case_id is None:  # its case waited in the outbox too, and was sent before it
        with store.unit_of_work() as uow:
            case_id = uow.cases.id_for_key(case_key)
        if case_id is None:
            raise InvalidInput("case", case_key, Message("is not a case"))
    try:
        mark_responded(store, case_id, at, by=by, journal=outbox.journal_of(item))
    except AlreadyResponded:
        # Marked already: by this mark, sent before its acknowledgement was lost, or by a
        # colleague first (whose moment stands, as it does online).
        return ALREADY_THERE, case_id
    return SENT, case_id


_SENDERS = {OutboxKind.JOURNAL_ENTRY: _send_journal_entry, OutboxKind.CASE: _send_case,
            OutboxKind.FIRST_RESPONSE: _send_first_response}


def send(store: Store, item: OutboxItem) -> tuple[str, int]:
    """Write `item` to the team database, unless it landed before: ("sent" or
    "already_there", the id of its record there). StoreUnreachable when the server is
    out of reach; a domain error when the server refuses it."""
    return _SENDERS[OutboxKind(item.kind)](store, item)


# --- the outbox ----------------------------------------------------------------------------

def queue(store: Store, item: OutboxItem) -> OutboxItem:
    """Put `item` in the outbox of a team store's local file (at the end: sent last)."""
    with local_store(store).unit_of_work(write=True) as uow:
        queued = replace(item, id=uow.outbox.add(item))
        uow.commit()
    return queued


def waiting(store: Store, kind: OutboxKind | None = None) -> list[OutboxItem]:
    """What waits to be sent, oldest first (nothing for a local database)."""
    local = local_store(store)
    if local is None:
        return []
    with local.unit_of_work() as uow:
        return uow.outbox.items(kind)


def waiting_count(store: Store) -> int:
    local = local_store(store)
    if local is None:
        return 0
    with local.unit_of_work() as uow:
        return uow.outbox.count()


def _clear_to_send(store: Store) -> bool:
    """Whether a new write may go to the server now: it answers, and nothing older waits
    for it (the older ones are sent first: the order is the agent's). What a sync that
    reached the server leaves behind was refused, and holds nothing back."""
    if getattr(store, "offline", False):
        return False
    return not waiting_count(store) or not sync(store).unreachable


def _write(store: Store, item: OutboxItem) -> tuple[SendStatus, int | None]:
    if local_store(store) is None:
        return SendStatus.SAVED, send(store, item)[1]
    if _clear_to_send(store):
        try:
            return SendStatus.SAVED, send(store, item)[1]
        except StoreError as error:
            if not _temporary(error):
                raise
            # Whether the commit reached the server is unknown: the same key finds out.
    queue(store, item)
    return SendStatus.QUEUED, None


def _customer_of(store: Store, register_id: str) -> int | None:
    """The number of the customer with `register_id`, asked of the server if it answers;
    None when it cannot be asked now (the outbox's sender asks later). One that matches
    no customer is InvalidInput, nothing written."""
    from domain.services.register import customer_id_of

    if local_store(store) is not None and getattr(store, "offline", False):
        return None
    try:
        return customer_id_of(store, register_id)
    except StoreError as error:
        if local_store(store) is None or not _temporary(error):
            raise
        return None


def add_journal_entry(store: Store, entry: JournalEntry, now: dt.datetime, *,
                      register_id: str | None = None) -> Written:
    """Save `entry` (checked first) on the server, or queue it when the server cannot be
    reached; `now` is when the agent wrote it (the item's moment in the outbox).

    With `register_id` (the CLI's `--customer C-1001`, issue 15's contract) the entry's
    customer_id is ignored and looked up by it: now when the server answers (no match is
    InvalidInput, nothing written), else when the outbox sends it (no match then is a
    refused item). The Written's entry has customer_id None while it waits so."""
    if register_id is None:
        entry = check_entry(entry)
        item = outbox.journal_item(entry, now)
    else:
        entry = check_entry(replace(entry, customer_id=None), customer_pending=True)
        customer_id = _customer_of(store, register_id)
        if customer_id is None:  # it waits with the register id, looked up when sent
            item = outbox.journal_item(entry, now, register_id=register_id)
        else:
            entry = replace(entry, customer_id=customer_id)
            item = outbox.journal_item(entry, now)
    status, new_id = _write(store, item)
    return Written(status, replace(entry, id=new_id), item.client_key)


def save_case(store: Store, case: Case, now: dt.datetime, journal: JournalEntry | None = None) -> Written:
    """Save a new case on the server, or queue it (as add_journal_entry); `journal`: its
    entry in the customer's journal, written with it (issue 16)."""
    if journal is not None:
        journal = check_entry(replace(journal, customer_id=case.customer_id), customer_pending=True)
    item = outbox.case_item(case, now, journal=journal)
    status, new_id = _write(store, item)
    return Written(status, replace(case, id=new_id), item.client_key)


def mark_responded(store: Store, case_id: int | None, at: dt.datetime, *, by: str, now: dt.datetime,
                   case_key: str | None = None, journal: JournalEntry | None = None) -> Written:
    """Record a first response on the server, or queue the mark; a case still waiting in
    the outbox is named by its `case_key`. Online, a colleague's earlier mark is
    AlreadyResponded, as domain.services.escalation.mark_responded says."""
    from domain.services.escalation import mark_responded as mark_online

    local = local_store(store)
    if case_id is not None and (local is None or _clear_to_send(store)):
        try:
            return Written(SendStatus.SAVED, mark_online(store, case_id, at, by=by, now=now, journal=journal), "")
        except StoreError as error:
            if local is None or not _temporary(error):
                raise
    if at > now:  # as online: a moment to come is no response
        raise InvalidInput("responded", at.isoformat(), Message("is in the future"))
    item = outbox.first_response_item(case_id, at, by, now, case_key=case_key, journal=journal)
    status, _ = _write(store, item)
    return Written(status, item.payload, item.client_key)


def sync(store: Store) -> SyncReport:
    """Send what the outbox holds, oldest first; each sent or found already there leaves
    the outbox. Stops at the first item the server cannot be reached for (the rest wait,
    nothing lost); StoreUnreachable when it cannot be reached at all."""
    local = local_store(store)
    if local is None:
        return SyncReport()
    if getattr(store, "offline", False) and not store.reconnect():
        from domain.store.team import UNREACHABLE

        raise StoreUnreachable(UNREACHABLE)
    if getattr(store, "schema_problem", None) is not None:
        from domain.store.team import SchemaMismatch

        raise SchemaMismatch(store.schema_problem)
    sent = already = 0
    refused: list[OutboxItem] = []
    for item in waiting(store):
        try:
            outcome, _ = send(store, item)
        except DeskguideError as error:
            reason = "" if _temporary(error) else str(error.message)
            with local.unit_of_work(write=True) as uow:
                uow.outbox.tried(item.id, reason)
                uow.commit()
            if _temporary(error):  # the rest wait for the next sync, in order
                return SyncReport(sent, already, waiting_count(store), tuple(refused), unreachable=True)
            refused.append(replace(item, attempts=item.attempts + 1, last_error=reason))
            continue
        with local.unit_of_work(write=True) as uow:
            uow.outbox.remove(item.id)
            uow.commit()
        if outcome == SENT:
            sent += 1
        else:
            already += 1
    return SyncReport(sent, already, waiting_count(store), tuple(refused))
