"""Moving in: an agent's local register, cases and journal into the team database
(`deskguide team import-local`, issue 14).

All or nothing: one write unit of work on the team database, committed only when every
record is placed (with `dry_run` it is rolled back, and the report is the same).
Idempotent: a record already there is recognised and not added again, so running it
twice (or after a colleague imported the same register export) adds nothing.

How a local record finds its team twin:
- customers and subscriptions by their register id (the reseller portal's id,
  `external_id`); without one, by all their fields (and, for a subscription, its customer);
- cases by customer, product, severity and the moment they were opened;
- journal entries by customer, moment, agent, kind and summary.

A record with the same register id but other values is a collision: the team's record is
kept (colleagues have been working with it), the local one is not written, every
differing field is reported, and what hangs off it locally (subscriptions, cases,
journal entries) joins the team's record: it is the same customer.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from domain.cases import Case
from domain.customers import Customer, Subscription
from domain.journal import JournalEntry
from domain.notice import next_notice_deadline

if TYPE_CHECKING:
    from domain.store import Store

KINDS = ("customers", "subscriptions", "cases", "journal_entries")


@dataclass(frozen=True)
class Collision:
    kind: str  # "customer" or "subscription"
    register_id: str
    fields: dict[str, tuple[object, object]]  # field -> (team's value, local value)


@dataclass
class ImportReport:
    added: Counter = field(default_factory=Counter)
    already_there: Counter = field(default_factory=Counter)
    collisions: list[Collision] = field(default_factory=list)
    dry_run: bool = False


def _customer_fields(customer: Customer) -> dict:
    values = dataclasses.asdict(customer)
    for key in ("id", "version", "changed"):  # the store's bookkeeping, not the customer's values
        values.pop(key, None)
    values["offering"] = getattr(customer.offering, "value", customer.offering)
    return values


def _subscription_fields(subscription: Subscription) -> dict:
    values = dataclasses.asdict(subscription)
    for key in ("id", "customer_id", "version", "changed"):
        values.pop(key, None)
    values["term"] = getattr(subscription.term, "value", subscription.term)
    return values


def _differences(team: dict, local: dict) -> dict[str, tuple[object, object]]:
    return {name: (team[name], local[name]) for name in team if team[name] != local[name]}


def _plain(value: object) -> object:
    return value.isoformat() if isinstance(value, dt.date | dt.datetime) else value


class _Placing:
    """One import in progress: the team unit of work and what has been matched."""

    def __init__(self, uow, report: ImportReport, today: dt.date):
        self.uow, self.report, self.deadline_day = uow, report, today
        self.customer_ids: dict[int, int] = {}  # local id -> team id

    def customers(self, local: list[Customer]) -> None:
        team = self.uow.customers.all()
        by_register = {c.external_id: c for c in team if c.external_id}
        by_fields = {tuple(sorted(_customer_fields(c).items())): c.id for c in team if not c.external_id}
        for customer in local:
            mine = _customer_fields(customer)
            twin = by_register.get(customer.external_id) if customer.external_id else None
            if twin is not None:
                theirs = _customer_fields(twin)
                differing = _differences(theirs, mine)
                if differing:
                    self.report.collisions.append(Collision("customer", customer.external_id, differing))
                else:
                    self.report.already_there["customers"] += 1
                self.customer_ids[customer.id] = twin.id
                continue
            key = tuple(sorted(mine.items()))
            if not customer.external_id and key in by_fields:
                self.report.already_there["customers"] += 1
                self.customer_ids[customer.id] = by_fields[key]
                continue
            new_id = self.uow.customers.add(dataclasses.replace(customer, id=None))
            self.customer_ids[customer.id] = new_id
            if not customer.external_id:
                by_fields[key] = new_id
            self.report.added["customers"] += 1

    def subscriptions(self, local: list[Subscription]) -> None:
        team = self.uow.subscriptions.all()
        by_register = {s.external_id: s for s in team if s.external_id}
        by_fields = {(s.customer_id, *sorted(_subscription_fields(s).items())) for s in team if not s.external_id}
        for subscription in local:
            customer_id = self.customer_ids[subscription.customer_id]
            mine = _subscription_fields(subscription)
            twin = by_register.get(subscription.external_id) if subscription.external_id else None
            if twin is not None:
                differing = _differences(_subscription_fields(twin), mine)
                if twin.customer_id != customer_id:
                    differing["customer"] = (twin.customer_id, customer_id)
                if differing:
                    self.report.collisions.append(Collision("subscription", subscription.external_id, differing))
                else:
                    self.report.already_there["subscriptions"] += 1
                continue
            key = (customer_id, *sorted(mine.items()))
            if not subscription.external_id and key in by_fields:
                self.report.already_there["subscriptions"] += 1
                continue
            placed = dataclasses.replace(subscription, id=None, customer_id=customer_id)
            deadline = next_notice_deadline(placed.start_date, placed.term, self.deadline_day)
            self.uow.subscriptions.add(placed, deadline, self.deadline_day)
            by_fields.add(key)
            self.report.added["subscriptions"] += 1

    def cases(self, local: list[Case]) -> None:
        def key(case: Case, customer_id: int | None) -> tuple:
            return (customer_id, case.customer_name if customer_id is None else "", case.product, case.severity,
                    case.opened)

        there = {key(case, case.customer_id) for case in self.uow.cases.all()}
        for case in local:
            customer_id = self.customer_ids.get(case.customer_id) if case.customer_id is not None else None
            if key(case, customer_id) in there:
                self.report.already_there["cases"] += 1
                continue
            new_id = self.uow.cases.add(dataclasses.replace(case, id=None, customer_id=customer_id))
            if case.responded is not None:
                self.uow.cases.set_responded(new_id, case.responded, case.responded_by or "")
            there.add(key(case, customer_id))
            self.report.added["cases"] += 1

    def journal(self, local: list[JournalEntry]) -> None:
        def key(entry: JournalEntry, customer_id: int) -> tuple:
            return (customer_id, entry.created, entry.agent, getattr(entry.kind, "value", entry.kind), entry.summary)

        there = {key(entry, entry.customer_id) for entry in self.uow.journal.all()}
        for entry in local:
            customer_id = self.customer_ids[entry.customer_id]
            if key(entry, customer_id) in there:
                self.report.already_there["journal_entries"] += 1
                continue
            self.uow.journal.add(dataclasses.replace(entry, id=None, customer_id=customer_id))
            there.add(key(entry, customer_id))
            self.report.added["journal_entries"] += 1


def import_local(local: Store, team: Store, today: dt.date, *, dry_run: bool = False) -> ImportReport:
    """Place everything of the `local` store in the `team` store (module docstring);
    `today` dates the notice deadlines stored with the subscriptions."""
    with local.unit_of_work() as source:
        customers, subscriptions = source.customers.all(), source.subscriptions.all()
        cases, entries = source.cases.all(), source.journal.all()
    report = ImportReport(dry_run=dry_run)
    with team.unit_of_work(write=True) as uow:
        placing = _Placing(uow, report, today)
        placing.customers(customers)
        placing.subscriptions(subscriptions)
        placing.cases(cases)
        placing.journal(entries)
        if not dry_run:
            uow.commit()
    return report


def report_as_dict(report: ImportReport) -> dict:
    """The JSON of `deskguide team import-local`."""
    return {
        "dry_run": report.dry_run,
        "added": {kind: report.added[kind] for kind in KINDS},
        "already_there": {kind: report.already_there[kind] for kind in KINDS},
        "collisions": [{"kind": c.kind, "register_id": c.register_id,
                        "fields": {name: {"team": _plain(theirs), "local": _plain(mine)}
                                   for name, (theirs, mine) in sorted(c.fields.items())}}
                       for c in report.collisions],
    }
