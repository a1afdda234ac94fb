"""Editing together safely (issue 14): nobody overwrites a colleague's change silently.

Customers, subscriptions and cases carry a version number that goes up with every change
someone makes. A save says which version the agent opened; when the store holds another
one, a colleague changed the record meanwhile, and the save is refused with an
EditConflict carrying the stored record ("theirs") and what the agent tried to save
("mine"). The agent then chooses, field by field in front of them (three_way):

- take theirs: keep what the colleague saved, drop what was typed;
- merge: their changes, plus mine in the fields they did not touch; where both changed
  the same field to different values theirs is kept there (the agent sees which fields
  those are, and overwrites if theirs is wrong);
- overwrite with mine: save what was typed, against *their* version, so that a third
  agent's change in between is again detected.

Pure rules: plain values in and out, no store (docs/concurrent-editing.md).
"""
from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from domain.errors import ConflictError
from domain.messages import Message


class RecordKind(str, enum.Enum):
    """What an agent edits in a form. (A case's first-response mark is a race of its own:
    AlreadyResponded, below; its edits, ending and undo are versioned as the others, issue 16.)"""

    CUSTOMER = "customer"
    SUBSCRIPTION = "subscription"
    CASE = "case"


# What an agent edits of each kind, in the order a form shows them: the fields compared
# and merged. Ids, external ids (how an import finds the record) and versions are not
# values a person types.
EDITED_FIELDS = {
    RecordKind.CUSTOMER: ("name", "org_number", "country", "contact", "phone", "email", "offering", "notes"),
    RecordKind.SUBSCRIPTION: ("product", "term", "start_date", "seats", "end_user_support", "from_reseller"),
    RecordKind.CASE: ("product", "note", "status", "reason", "responded"),
}


def values_of(kind: RecordKind, record: Any) -> dict[str, Any]:
    """The edited fields of a record (a Customer or a Subscription) as a dict."""
    return {name: getattr(record, name) for name in EDITED_FIELDS[RecordKind(kind)]}


# --- the three-way comparison ----------------------------------------------------------------

@dataclass(frozen=True)
class FieldDifference:
    """One field as the agent opened it (base), as stored now (theirs) and as typed (mine)."""

    field: str
    base: Any
    theirs: Any
    mine: Any

    @property
    def they_changed(self) -> bool:
        return self.theirs != self.base

    @property
    def i_changed(self) -> bool:
        return self.mine != self.base

    @property
    def both_changed(self) -> bool:
        """Both changed the field, each to something else: merge keeps theirs here."""
        return self.they_changed and self.i_changed and self.theirs != self.mine


class Resolution(enum.Enum):
    TAKE_THEIRS = "theirs"
    MERGE = "merge"
    OVERWRITE = "mine"


@dataclass(frozen=True)
class ThreeWay:
    """base, theirs and mine of one record, field by field (the same fields in each)."""

    base: Mapping[str, Any]
    theirs: Mapping[str, Any]
    mine: Mapping[str, Any]

    def __post_init__(self) -> None:
        if not set(self.base) == set(self.theirs) == set(self.mine):
            raise ValueError("base, theirs and mine must have the same fields")

    def field(self, name: str) -> FieldDifference:
        return FieldDifference(name, self.base[name], self.theirs[name], self.mine[name])

    @property
    def fields(self) -> tuple[FieldDifference, ...]:
        return tuple(self.field(name) for name in self.base)

    @property
    def differences(self) -> tuple[FieldDifference, ...]:
        """The fields where what is stored now and what was typed differ: what the agent
        must see to choose (a field both changed alike needs no choice)."""
        return tuple(f for f in self.fields if f.theirs != f.mine)

    @property
    def both_changed(self) -> tuple[str, ...]:
        """The fields merge cannot take from both: each side changed them differently."""
        return tuple(f.field for f in self.fields if f.both_changed)

    def take_theirs(self) -> dict[str, Any]:
        return dict(self.theirs)

    def merged(self) -> dict[str, Any]:
        """Their changes, plus mine in the fields they did not touch; theirs where both changed."""
        return {f.field: f.mine if f.i_changed and not f.they_changed else f.theirs for f in self.fields}

    def overwrite(self) -> dict[str, Any]:
        return dict(self.mine)

    def resolved(self, resolution: Resolution) -> dict[str, Any]:
        return {Resolution.TAKE_THEIRS: self.take_theirs, Resolution.MERGE: self.merged,
                Resolution.OVERWRITE: self.overwrite}[resolution]()


def three_way(kind: RecordKind, base: Any, theirs: Any, mine: Any) -> ThreeWay:
    """The comparison of three records of one kind (Customer or Subscription values)."""
    return ThreeWay(values_of(kind, base), values_of(kind, theirs), values_of(kind, mine))


# --- the errors -------------------------------------------------------------------------------

def _conflict_message(kind: RecordKind, record_id: int, version: int, deleting: bool) -> Message:
    # One sentence per kind and action: languages inflect the record's name differently.
    if kind is RecordKind.CUSTOMER:
        if deleting:
            return Message("customer {id} was changed by someone else after you opened it (it is now at version "
                           "{version}); it was not deleted", id=record_id, version=version)
        return Message("customer {id} was changed by someone else after you opened it (it is now at version "
                       "{version}); nothing was saved", id=record_id, version=version)
    if kind is RecordKind.CASE:
        return Message("case {id} was changed by someone else after you opened it (it is now at version "
                       "{version}); nothing was saved", id=record_id, version=version)
    if deleting:
        return Message("subscription {id} was changed by someone else after you opened it (it is now at version "
                       "{version}); it was not deleted", id=record_id, version=version)
    return Message("subscription {id} was changed by someone else after you opened it (it is now at version "
                   "{version}); nothing was saved", id=record_id, version=version)


class EditConflict(ConflictError):
    """A save (or delete) built on a version that is no longer the stored one: a colleague
    changed the record after the agent opened it. Nothing was written.

    `kind` and `record_id` name the record; `theirs` is the record as stored now (its
    `version` is the one to save against), `mine` what the caller tried to save (None for
    a delete); `changed_at` says when theirs was saved, where the store knows (a
    customer's last change; who changed it is not recorded)."""

    def __init__(self, kind: RecordKind, record_id: int, theirs: Any, mine: Any | None, *,
                 changed_at: dt.datetime | None = None):
        self.kind = RecordKind(kind)
        self.record_id = record_id
        self.theirs = theirs
        self.mine = mine
        self.changed_at = changed_at
        super().__init__(_conflict_message(self.kind, record_id, self.version, self.deleting))

    @property
    def version(self) -> int:
        """The stored version now: a save that overwrites or merges goes against this one."""
        return self.theirs.version

    @property
    def deleting(self) -> bool:
        return self.mine is None

    def three_way(self, base: Any) -> ThreeWay:
        """Theirs against mine, from `base`, the record as the agent opened it (for a
        delete, mine is the record as opened: what the agent meant to delete)."""
        return three_way(self.kind, base, self.theirs, base if self.mine is None else self.mine)


    def record_for(self, resolution: Resolution, base: Any) -> Any:
        """The record to write for the agent's answer, carrying *their* version: so a
        third agent's change in between is detected again. Theirs as it is for
        TAKE_THEIRS (nothing to write) and for a delete (deleted against their version)."""
        if resolution is Resolution.TAKE_THEIRS or self.deleting:
            return self.theirs
        return replace(self.theirs, **self.three_way(base).resolved(resolution))


class AlreadyResponded(ConflictError):
    """"Mark first response" on a case whose first response is already marked, by a
    colleague a moment before (the first one wins) or earlier. `responded` and
    `responded_by` say when and who (None: marked before Deskguide recorded who)."""

    def __init__(self, case_id: int, responded: dt.datetime, responded_by: str | None):
        self.case_id, self.responded, self.responded_by = case_id, responded, responded_by
        # The moment as ISO text, offset and all: which instant, whatever the language.
        moment = responded.isoformat(timespec="minutes")
        if responded_by:
            message = Message("case {id}: {agent} already marked the first response at {moment}; yours was not "
                              "recorded", id=case_id, agent=responded_by, moment=moment)
        else:
            message = Message("case {id}: the first response was already marked at {moment}; yours was not "
                              "recorded", id=case_id, moment=moment)
        super().__init__(message)
