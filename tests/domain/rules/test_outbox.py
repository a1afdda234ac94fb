"""The outbox's items as plain values (domain/outbox.py): what is queued comes back as
the same entry, case or first response, on the same instants, whatever the zone it was
written in; every item has a key of its own."""
from __future__ import annotations

import datetime as dt
import json

from domain import outbox
from domain.cases import Case
from domain.journal import JournalEntry, JournalKind

HELSINKI = dt.timezone(dt.timedelta(hours=2))
WRITTEN = dt.datetime(2026, 12, 7, 12, 5, tzinfo=HELSINKI)


def _through_json(item: outbox.OutboxItem) -> outbox.OutboxItem:
    # The payload is stored as JSON in the local file: only what survives that counts.
    return outbox.OutboxItem(item.client_key, item.created, item.kind, json.loads(json.dumps(item.payload)))


def test_a_queued_journal_entry_comes_back_the_same_on_the_same_instant():
    entry = JournalEntry(41, WRITTEN, "Päivi Mäkinen", JournalKind.NOTE, "", "", "Soittaa takaisin\nhuomenna")
    item = outbox.journal_item(entry, WRITTEN)
    back = outbox.journal_entry_of(_through_json(item))
    assert back == entry and back.created == WRITTEN
    assert item.kind is outbox.OutboxKind.JOURNAL_ENTRY and len(item.client_key) == 36


def test_a_queued_case_and_its_first_response_come_back_the_same():
    case = Case(None, 41, "Åkesson Redovisning AB", "SE", "Exchange Online", "B", "unified", False, "business_hours",
                120, WRITTEN, WRITTEN + dt.timedelta(hours=2), note="Mail flow degraded")
    item = outbox.case_item(case, WRITTEN)
    assert outbox.case_of(_through_json(item)) == case
    mark = outbox.first_response_item(None, WRITTEN + dt.timedelta(minutes=30), "Anna Lind", WRITTEN,
                                      case_key=item.client_key)
    assert outbox.first_response_of(_through_json(mark)) == (
        None, item.client_key, WRITTEN + dt.timedelta(minutes=30), "Anna Lind")


def test_every_item_has_a_key_of_its_own():
    entry = JournalEntry(41, WRITTEN, "Anna", JournalKind.NOTE, "", "", "x")
    assert len({outbox.journal_item(entry, WRITTEN).client_key for _ in range(100)}) == 100
