"""What an agent writes while the team database cannot be reached (issue 15, "nothing lost
in an outage"), as plain values: the items of the local outbox and how they are said.

Three kinds wait in the outbox: journal entries, new escalation cases and first-response
marks. Each carries a `client_key` (a uuid4) that goes with it to the server, where it is
unique: a resend after a lost commit acknowledgement finds its row ("already there")
instead of writing it twice. Customer and subscription edits never wait here: they may
clash with a colleague's, so the form keeps them until the server answers.

No SQLAlchemy here (domain/store/outbox_repository.py keeps the items in the agent's
local SQLite file); the payload is JSON, so an item written by this version is read back
by the next one after an upgrade.
"""
from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, fields
from enum import Enum

from domain.cases import Case
from domain.journal import JournalEntry, JournalKind

UTC = dt.timezone.utc


class OutboxKind(str, Enum):
    JOURNAL_ENTRY = "journal_entry"
    CASE = "case"
    FIRST_RESPONSE = "first_response"


class SendStatus(str, Enum):
    """How one write ended: on the server now, or in the outbox until it is sent."""

    SAVED = "saved"
    QUEUED = "queued"


@dataclass(frozen=True)
class OutboxItem:
    client_key: str
    created: dt.datetime  # when the agent wrote it (aware)
    kind: OutboxKind
    payload: dict
    attempts: int = 0
    last_error: str = ""  # why the last try did not land ('' when it was never tried or unreachable)
    id: int | None = None  # the outbox's own order: items are sent by it


@dataclass(frozen=True)
class SyncReport:
    """What one sync did: `sent` landed now, `already_there` had landed before (a lost
    acknowledgement), `waiting` are still in the outbox: the server went away again
    (`unreachable`), or it refused them (`refused` says which and why)."""

    sent: int = 0
    already_there: int = 0
    waiting: int = 0
    refused: tuple[OutboxItem, ...] = ()
    unreachable: bool = False


def new_client_key() -> str:
    return str(uuid.uuid4())


def _moment(value: dt.datetime | None) -> str | None:
    return value.astimezone(UTC).isoformat() if value is not None else None


def _parse(value: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value) if value is not None else None


def journal_item(entry: JournalEntry, created: dt.datetime, client_key: str | None = None, *,
                 register_id: str | None = None) -> OutboxItem:
    """A journal entry; with `register_id` (the CLI's `--customer C-1001` while the team
    database is out of reach) its customer_id is None and the sender looks it up."""
    payload = dict(customer_id=entry.customer_id, created=_moment(entry.created), agent=entry.agent,
                   kind=JournalKind(entry.kind).value, topic=entry.topic, verdict=entry.verdict, note=entry.note,
                   summary=entry.summary)
    if register_id is not None:
        payload["register_id"] = register_id
    return OutboxItem(client_key or new_client_key(), created, OutboxKind.JOURNAL_ENTRY, payload)


def journal_register_id_of(item: OutboxItem) -> str | None:
    """The register id a journal entry waits with (None: it knows its customer_id; an
    item queued before register ids were accepted has no such key)."""
    return item.payload.get("register_id")


def journal_entry_of(item: OutboxItem) -> JournalEntry:
    payload = item.payload
    return JournalEntry(customer_id=payload["customer_id"], created=_parse(payload["created"]), agent=payload["agent"],
                        kind=JournalKind(payload["kind"]), topic=payload["topic"], verdict=payload["verdict"],
                        note=payload["note"], summary=payload["summary"])


_CASE_MOMENTS = ("opened", "due", "responded", "ended_at")


def _journal_payload(entry: JournalEntry | None) -> dict | None:
    return None if entry is None else journal_item(entry, entry.created).payload


def journal_of(item: OutboxItem) -> JournalEntry | None:
    """The journal entry a case or a first-response mark is written with (issue 16), or
    None (none given, or an item queued before there were any)."""
    payload = item.payload.get("journal")
    if payload is None:
        return None
    return journal_entry_of(OutboxItem(item.client_key, item.created, OutboxKind.JOURNAL_ENTRY, payload))


_CASE_FIELDS = {f.name for f in fields(Case)} - {"id", "version"}


def case_item(case: Case, created: dt.datetime, client_key: str | None = None,
              journal: JournalEntry | None = None) -> OutboxItem:
    payload = {name: getattr(case, name) for name in _CASE_FIELDS}
    payload.update({name: _moment(payload[name]) for name in _CASE_MOMENTS})
    payload["journal"] = _journal_payload(journal)
    return OutboxItem(client_key or new_client_key(), created, OutboxKind.CASE, payload)


def case_of(item: OutboxItem) -> Case:
    # Only the case's own fields: an item queued by an older version lacks the newer ones
    # (their defaults apply), and the journal entry travels beside them.
    payload = {name: value for name, value in item.payload.items() if name in _CASE_FIELDS}
    payload.update({name: _parse(payload.get(name)) for name in _CASE_MOMENTS})
    return Case(id=None, **payload)


def first_response_item(case_id: int | None, at: dt.datetime, by: str, created: dt.datetime, *,
                        case_key: str | None = None, client_key: str | None = None,
                        journal: JournalEntry | None = None) -> OutboxItem:
    """A first-response mark; `case_key` instead of `case_id` for a case that is itself
    still waiting in the outbox (it is sent first: the outbox keeps the order)."""
    payload = dict(case_id=case_id, case_key=case_key, at=_moment(at), by=by, journal=_journal_payload(journal))
    return OutboxItem(client_key or new_client_key(), created, OutboxKind.FIRST_RESPONSE, payload)


def first_response_of(item: OutboxItem) -> tuple[int | None, str | None, dt.datetime, str]:
    payload = item.payload
    return payload["case_id"], payload["case_key"], _parse(payload["at"]), payload["by"]
