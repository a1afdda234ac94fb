"""What a command needs from outside itself: the clock and where the data is.

Passed to every command (`handler(args, context)`), so a test pins "now" by handing in a
context instead of patching module attributes, and a later team connection is one more
field here, not a change to every command.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from domain.errors import ReasonOnly
from domain.messages import Message


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


@dataclass(frozen=True)
class CliContext:
    clock: Callable[[], dt.datetime] = field(default=utc_now)

    @classmethod
    def pinned(cls, moment: dt.datetime) -> CliContext:
        """A context whose clock always says `moment` (aware)."""
        return cls(clock=lambda: moment)

    def now(self) -> dt.datetime:
        return self.clock()

    def today(self) -> dt.date:
        """The agent's own calendar day (the machine's local date), not UTC's: at 00:30 in
        Stockholm it is already tomorrow for the customer too."""
        return self.now().astimezone().date()

    def team_target(self, args):
        """The team database a `team` command works on: --database-url, else
        DESKGUIDE_DATABASE_URL (interim: desktop/common/database_target.py replaces it)."""
        import os
        from types import SimpleNamespace

        from sqlalchemy.engine import make_url

        text = getattr(args, "database_url", None) or os.environ.get("DESKGUIDE_DATABASE_URL")
        if not text:
            raise ReasonOnly("database-url", "", Message("give the team database with --database-url URL"))
        try:
            url = make_url(text)
        except Exception:  # noqa: BLE001 - SQLAlchemy says ArgumentError or ValueError
            url = None
        if url is None or url.get_backend_name() != "postgresql" or not url.database:
            raise ReasonOnly("database-url", text, Message(
                "--database-url: not a PostgreSQL URL; use postgresql://user@host/database"))
        return SimpleNamespace(url=url.set(drivername="postgresql+psycopg"), password=lambda: None)

    @contextmanager
    def team_store(self, target) -> Iterator:
        """The team database of `target`, opened as the app opens it, closed when the block ends."""
        from domain.store import open_team_store

        store = open_team_store(target.url, now=self.now(), password=target.password())
        try:
            yield store
        finally:
            store.close()

    @contextmanager
    def store(self, db: str | None, *, create: bool = False) -> Iterator:
        """The store named by --db (else DESKGUIDE_DB, deskguide.ini, the user's folder),
        migrated and loaded, closed when the block ends.

        A database named explicitly that does not exist is made only for a command that
        writes (`create`): a mistyped --db on a read would answer from an empty database.
        The user's folder is made at the first start of any command."""
        from desktop.common.machine_config import resolve_db_path
        from domain.store import open_store

        path = resolve_db_path(db)
        if path is not None and not create and not path.exists():
            raise ReasonOnly("db", str(path), Message(
                "there is no database {path}; check --db, DESKGUIDE_DB or the machine's deskguide.ini "
                "(a command that writes creates it)", path=str(path)))
        store = open_store(path, now=self.now())
        try:
            yield store
        finally:
            store.close()
