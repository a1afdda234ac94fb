"""What a command needs from outside itself: the clock and where the data is.

Passed to every command (`handler(args, context)`), so a test pins "now" by handing in a
context instead of patching module attributes, and a later team connection is one more
field here, not a change to every command.
"""
from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from desktop.cli.output import printable
from desktop.common.database_target import PasswordAnswer, PasswordRequest
from desktop.common.i18n import _


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

    def target(self, args):
        """The database this run names: --db or --database-url, else the environment, the
        machine's deskguide.ini, the user's folder (desktop/common/database_target.py)."""
        from desktop.common.database_target import resolve_target

        return resolve_target(getattr(args, "db", None), getattr(args, "database_url", None))

    @contextmanager
    def store(self, args, *, create: bool = False, offline_ok: bool = False, quick: str | None = None) -> Iterator:
        """The store the run's options name (`args`: --db, --database-url), opened (a file
        migrated) and with reference data, closed when the block ends.

        A database named explicitly that does not exist is made only for a command that
        writes (`create`): a mistyped --db on a read would answer from an empty database.
        The user's folder is made at the first start of any command. A team database that
        wants a password is asked for it only at a terminal; a script is told how to give
        it (exit 2). `offline_ok`: a team server out of reach opens as an offline store
        (the commands that queue into the outbox or report on it), not exit 3.

        `quick` (issue 17), for an answer that only reads reference data: "reference" (the
        scope catalogue, the lifecycle list) or "desks" (the desks' hours with overrides,
        their closed days, the escalation rules). When the file is up to date it is read
        without SQLAlchemy (domain/store/quick_read.py), else the store opens as above.
        A team's reference data is its local copy: "reference" answers never wait for
        the server; "desks" needs the team's overrides, so a team opens as always."""
        target = self.target(args)
        for warning in target.warnings:
            print(f"deskguide: {printable(_(warning), lines=False)}", file=sys.stderr)
        store = self._quick_store(target, quick) if quick is not None and not create else None
        if store is None:
            store = target.open(self.now(), create=create, password_source=terminal_password_source(),
                                offline_ok=offline_ok)
        # Issue 15, "Who changed what": what a command saves is signed by its agent (--agent
        # NAME where a command has it, else this computer's user) and the database login.
        store.agent_name = agent_name(getattr(args, "agent", None))
        try:
            yield store
        finally:
            store.close()


    def _quick_store(self, target, quick: str):
        """The quick reader of `target`'s file, or None (open the store as always)."""
        from domain.store import location
        from domain.store.quick_read import open_quick

        if target.is_team:
            if quick != "reference":
                return None
            path = location.team_local_path()
        else:
            path = target.path if target.path is not None else location.default_db_path()
        return open_quick(path, now=self.now(), calendar=quick == "desks")


def agent_name(given: str | None) -> str:
    """--agent NAME, else the name this computer's user logs in with."""
    import getpass

    if given is not None:
        return given.strip()
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name at all: the entry's check says the agent is required
        return ""


def terminal_password_source(tries: int = 3):
    """At a terminal (stdin and stderr both one), a prompt that does not echo, like psql's;
    the password is used for this run only (the app remembers passwords, the command line
    never writes them anywhere). In a script, a pipe or a scheduled task: None, never a
    prompt that would hang it."""
    if not (sys.stdin is not None and sys.stdin.isatty() and sys.stderr is not None and sys.stderr.isatty()):
        return None
    left = [tries]

    def ask(request: PasswordRequest) -> PasswordAnswer | None:
        import getpass

        if left[0] <= 0:
            return None
        left[0] -= 1
        if request.refused:
            said = _("The password was not accepted. Try again.")
            print(f"deskguide: {said}", file=sys.stderr)
        prompt = _("Password of {user} for {database}: ").format(user=request.user, database=_(request.database))
        try:
            password = getpass.getpass(prompt, stream=sys.stderr)
        except (EOFError, KeyboardInterrupt):
            print(file=sys.stderr)
            return None
        return PasswordAnswer(password) if password else None

    return ask
