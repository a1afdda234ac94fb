"""A colleague's Deskguide in a process of its own (issue 15, "Live"): opens the team
database as the app does and saves, then exits; its commits are what the window under
test must show by itself. `python -m tests.desktop.gui.colleague URL CACHE CUSTOMER_ID`;
prints one line per commit, the monotonic clock just after it (for the latency)."""
from __future__ import annotations

import dataclasses
import datetime as dt
import sys
import time
from pathlib import Path

from domain.cases import new_case
from domain.customers import Customer
from domain.journal import JournalEntry, JournalKind
from domain.services.escalation import escalator, save_case
from domain.services.journal import add_entry
from domain.services.register import get_customer, save_customer
from domain.store.team import open_team_store

NEW_CUSTOMER = "Solberg Bygg AS"
RENAMED = "Fjellstue AS Sæter"
NOTE = "Called back about the licences"


def main(url: str, cache: str, customer_id: int) -> None:
    now = dt.datetime.now(dt.timezone.utc)
    store = open_team_store(url, now=now, cache_path=Path(cache))
    try:
        save_customer(store, Customer(name=NEW_CUSTOMER, country="NO", org_number=""))
        customer = get_customer(store, customer_id).customer
        save_customer(store, dataclasses.replace(customer, name=RENAMED))
        add_entry(store, JournalEntry(customer_id=customer_id, created=now, agent="Anna", kind=JournalKind.NOTE,
                                      topic="", verdict="", note=NOTE))
        answer = escalator(store).escalate("B", "unified", now, customer.country)
        save_case(store, new_case(answer, customer.country, "Exchange Online", RENAMED, customer_id=customer_id))
        print(f"committed {time.monotonic()}", flush=True)
    finally:
        store.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
