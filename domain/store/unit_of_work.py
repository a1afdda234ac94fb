"""The unit of work (cosmicpython, "Architecture Patterns with Python", ch. 6): one
transaction, its repositories, and a rollback unless the service commits.

    with store.unit_of_work() as uow:
        customer = uow.customers.get(7)
        uow.journal.add(entry)
        uow.commit()

Leaving the block without commit() undoes everything written in it, also when an
error ends it; a read-only service simply never commits. Errors of the database come
out of the repositories and commit() as domain errors (domain/store/driver_errors.py).

A team's unit of work (domain/store/team.py) has two sessions: the team's records on the
PostgreSQL server, and the reference data (desks, scope, targets, lifecycle) from the
installed version's local copy, so reference answers never wait for the network.
"""
from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import func
from sqlalchemy.orm import Session, sessionmaker

from domain.store import live
from domain.store.case_repository import CaseRepository
from domain.store.customer_repository import CustomerRepository
from domain.store.desk_repository import DeskRepository
from domain.store.journal_repository import JournalRepository
from domain.store.outbox_repository import OutboxRepository
from domain.store.reference_repository import ReferenceRepository
from domain.store.subscription_repository import SubscriptionRepository


class UnitOfWork:
    customers: CustomerRepository
    subscriptions: SubscriptionRepository
    cases: CaseRepository
    journal: JournalRepository
    desks: DeskRepository
    reference: ReferenceRepository
    outbox: OutboxRepository  # the local file's (a team store: its local companion's, domain/outbox.py)

    def __init__(self, sessions: sessionmaker[Session], reference_sessions: sessionmaker[Session] | None = None,
                 before_commit: Callable[[Session], None] | None = None,
                 author: Callable[[], str] | None = None):
        self._sessions = sessions
        # A team's: announce what was written, in the same transaction (domain/store/live.py).
        self._before_commit = before_commit
        self._author = author or str
        self._reference_sessions = reference_sessions
        self._session: Session | None = None
        self._reference_session: Session | None = None

    def __enter__(self) -> UnitOfWork:
        session = self._session = self._sessions()
        reference = session
        if self._reference_sessions is not None:
            reference = self._reference_session = self._reference_sessions()
        self.customers = CustomerRepository(session, self.stamp)
        self.subscriptions = SubscriptionRepository(session, self.stamp)
        self.cases = CaseRepository(session, self.stamp)
        self.journal = JournalRepository(session)
        # The desks from the reference data, the administrators' overrides from the team's.
        self.desks = DeskRepository(reference, overrides=session)
        self.reference = ReferenceRepository(reference)
        self.outbox = OutboxRepository(reference)
        return self

    def __exit__(self, *exc_info) -> None:
        try:
            self.rollback()  # after commit() there is nothing left to undo
        finally:
            self._session.close()
            self._session = None
            if self._reference_session is not None:
                self._reference_session.close()  # only read from: nothing to commit
                self._reference_session = None

    def commit(self) -> None:
        if self._before_commit is not None:
            self._before_commit(self._session)
        self._session.commit()

    def stamp(self) -> dict:
        """What every saved customer, subscription and case is signed with (issue 15):
        who (the store's author) and when (the database's clock, as updated_at)."""
        return {"changed_by": self._author(), "changed_at": func.current_timestamp()}

    def execute(self, statement):
        """A Core statement on the team's session (the store's own small questions, such
        as who the login is)."""
        return self._session.execute(statement)

    def rollback(self) -> None:
        live.forget(self._session)  # nothing undone is announced
        self._session.rollback()
