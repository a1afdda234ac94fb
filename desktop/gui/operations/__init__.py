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
    OVERRIDES = enum.auto()  # an administrator's desk overrides (the hours)


# The kinds of domain/store/live.py's notices, as the views know them.
KIND_CHANGES = {"customer": Changes.CUSTOMERS, "subscription": Changes.SUBSCRIPTIONS, "case": Changes.CASES,
                "journal": Changes.JOURNAL, "override": Changes.OVERRIDES}
ANYTHING = Changes.CUSTOMERS | Changes.SUBSCRIPTIONS | Changes.JOURNAL | Changes.CASES | Changes.OVERRIDES


class ChangedElsewhere(NamedTuple):
    """Colleagues' commits (issue 15, "Live"; StoreWorker.changed_elsewhere).

    `notices` name each record (kind, id, customer_id, who, at) where the team database
    said so; empty, anything of `changes` may have changed (a local file changed by
    another process, or after an outage): read again what is shown."""

    changes: Changes
    notices: tuple = ()

    @classmethod
    def of(cls, notices) -> ChangedElsewhere:
        if notices is None:
            return cls(ANYTHING)
        changes = Changes.NONE
        for notice in notices:
            changes |= KIND_CHANGES.get(notice.kind, Changes.NONE)
        return cls(changes, tuple(n for n in notices if n.kind in KIND_CHANGES))

    def touches(self, kind: str, *, record_id: int | None = None, customer_id: int | None = None) -> bool:
        """May a record of `kind` (this one, or one of this customer's) have changed?"""
        if KIND_CHANGES[kind] not in self.changes:
            return False
        if not self.notices:
            return True
        return self.notice(kind, record_id=record_id, customer_id=customer_id) is not None

    def notice(self, kind: str, *, record_id: int | None = None, customer_id: int | None = None):
        """The latest notice that may be about it (who changed it, and when), or None."""
        for notice in reversed(self.notices):
            if notice.kind != kind:
                continue
            anyone = record_id is None and customer_id is None  # any record of the kind
            if anyone or notice.id is None or (record_id is not None and notice.id == record_id) or (
                    customer_id is not None and notice.customer_id in (customer_id, None)):
                return notice
        return None


class Changed(NamedTuple):  # not a dataclass: see ViewContext
    """A write's result: `value` for the view that asked, `changes` for everyone."""

    value: Any
    changes: Changes
