"""Every call from the GUI into the domain services (Anki's aqt/operations): one module
per area, each holding plain functions `fn(store, ...)` that the store worker runs on
its thread. A view hands one to the worker and gets the answer back on the GUI thread:

    worker.run(lambda store: journal.add_entry(store, entry), self._on_added, self._on_failed)

Views never import domain.services or domain.store (tests/test_import_rules.py): this
package is their only door, so the services can change shape behind it.

- An operation returns what the view needs, ready to show (a record, a card, a search
  index built on the worker thread...).
- A write returns `Changed(value, changes)`: the worker hands `value` to the view that
  asked and then announces `changes` on `StoreWorker.changed`, so every other part of
  the window decides for itself whether to refresh (Anki's OpChanges): the shared
  customer index reloads on CUSTOMERS, whoever wrote the customer.
- Service modules are imported inside the functions: they bring SQLAlchemy, which must
  load on the worker thread after the first paint, not when a view module is imported.
  Types the views need from a service are re-exported here for annotations only
  (under TYPE_CHECKING), for the same reason.
- A few pure service helpers run on the GUI thread (no store: a notice's closed-day
  reason, a new case's fields); they live here too, beside the store work of their area.
"""
from __future__ import annotations

import enum
from typing import Any, NamedTuple


class Changes(enum.Flag):
    """What a write changed in the store: each part of the window refreshes on its own kinds."""

    NONE = 0
    CUSTOMERS = enum.auto()  # added, changed or deleted: the search index, cards, cases' names
    SUBSCRIPTIONS = enum.auto()  # the coming deadlines, the cards
    JOURNAL = enum.auto()
    CASES = enum.auto()


class Changed(NamedTuple):  # not a dataclass: see ViewContext
    """A write's result: `value` for the view that asked, `changes` for everyone."""

    value: Any
    changes: Changes
