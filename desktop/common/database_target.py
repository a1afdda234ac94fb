"""Where the data is: one decision for the command line, the GUI and the installer's
settings (issue 14), and opening it.

Four places can name the database, the first that does wins:
1. the options: `--db PATH` (a SQLite file) or `--database-url URL` (a team's PostgreSQL);
   both at once is an error (exit 2): nobody can tell which one was meant;
2. the environment: DESKGUIDE_DATABASE_URL, DESKGUIDE_DB;
3. the machine's settings: IT's policy, the installer's registry key, deskguide.ini
   (desktop/common/machine_config.py: `DatabaseUrl`, `DatabaseLocation`; the MSI writes
   them from DATABASE_URL and DATABASE_LOCATION);
4. the user's data folder (a SQLite file, made at the first start).
Within the environment or one of the machine's places, a URL and a file together: the team database wins and
the file is ignored with a warning. A team is the deliberate, shared choice (IT moved the
desk to it); the file is most likely left over from before. A higher level always wins
over a lower one, so an agent or a script can still point one run elsewhere.

A database named by 1-3 is "explicit": a command that only reads never creates it (a
mistyped --db would answer from an empty database). Opening a team database asks for
a password only when the server wants one (credentials: docs/team-database.md).
Imports no Qt, SQLAlchemy or keyring at module level: the GUI resolves before its first
paint; the store and the credential store load when `open` runs (the worker thread).
"""
from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from domain.errors import ReasonOnly
from domain.messages import Message

if TYPE_CHECKING:  # read by _team() only: a file's run need not load urllib and ipaddress (issue 17)
    from desktop.common.team_url import TeamUrl

ENV_URL = "DESKGUIDE_DATABASE_URL"
ENV_DB = "DESKGUIDE_DB"


class PasswordRequest(NamedTuple):
    """What a password dialog (or prompt) says: which database, which role, whether the
    last password tried (stored, typed, PGPASSWORD's) was refused, and whether this
    computer has a credential store to remember the next one in."""

    database: Message
    user: str
    refused: bool
    can_remember: bool = False


class PasswordAnswer(NamedTuple):
    password: str
    remember: bool = False  # keep it in the system's credential store once it worked


# Asked when the server wants a password; None: no password (cancelled, or nobody to ask).
PasswordSource = Callable[[PasswordRequest], "PasswordAnswer | None"]


class PasswordNeeded(ReasonOnly):
    """The team database wants a password nobody gave (exit 2: not temporary)."""


@dataclass(frozen=True)
class DatabaseTarget:
    """The database of this run: a SQLite file (`path`; None: the user's data folder) or
    a team's PostgreSQL database (`team`, never with a password)."""

    path: Path | None = None
    team: TeamUrl | None = None
    explicit: bool = False  # named by an option, the environment or deskguide.ini
    source: str = ""  # which of them: "--db", "DESKGUIDE_DATABASE_URL", ... ("" for the default)
    warnings: tuple[Message, ...] = ()

    @classmethod
    def file(cls, path: Path | str | None, *, explicit: bool = False, source: str = "") -> DatabaseTarget:
        return cls(path=Path(os.path.expanduser(path)) if path else None, explicit=explicit and bool(path), source=source)

    @property
    def is_team(self) -> bool:
        return self.team is not None

    def describe(self) -> Message:
        """"Team database deskguide on db.example:5432", or "Local database <path>"."""
        if self.team is not None:
            return self.team.describe()
        path = self.path
        if path is None:  # the user's data folder: the store decides (imports SQLAlchemy)
            from domain.store.opening import database_path

            path = database_path(None)
        return Message("Local database {path}", path=str(path))

    def located(self, store) -> DatabaseTarget:
        """This target with the file `store` opened filled in (the default location)."""
        return replace(self, path=store.path) if self.team is None and store.path else self

    def open(self, now: dt.datetime, *, password_source: PasswordSource | None = None, create: bool = True,
             reference=None, offline_ok: bool = False):
        """The store, migrated (a file) and with reference data loaded, as open_store and
        open_team_store do. `create`: a file named explicitly may be made (a command that
        writes); `password_source` is asked when the team database wants a password
        (the GUI's dialog, a terminal's prompt; None in scripts: PasswordNeeded).
        `offline_ok`: a team server out of reach gives an offline store (the app), not
        StoreUnreachable (a command: exit 3)."""
        if self.team is not None:
            from desktop.common.team_login import open_team

            return open_team(self.team, now, password_source, reference, offline_ok)
        from domain.store import open_store

        if self.explicit and not create and self.path is not None and not _exists(self.path):
            raise ReasonOnly("db", str(self.path), Message(
                "there is no database {path} (named by {source}; a command that writes creates it)",
                path=str(self.path), source=self.source))
        return open_store(self.path, now=now, reference=reference)


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except OSError:  # a name too long for the file system, say: there is no such file
        return False


def _team(text: str, source: str, warnings: tuple[Message, ...] = ()) -> DatabaseTarget:
    from desktop.common.team_url import parse_team_url

    url = parse_team_url(text, source)
    return DatabaseTarget(team=url, explicit=True, source=source, warnings=(*warnings, *url.warnings))


def resolve_target(cli_db: str | os.PathLike | None = None, cli_database_url: str | None = None) -> DatabaseTarget:
    """The database of this run from the options, the environment, the machine's
    deskguide.ini and the user's data folder, in that order (see the module's docstring).
    ReasonOnly (exit 2) for --db with --database-url and for a URL that is refused."""
    if cli_db and cli_database_url is not None:
        raise ReasonOnly("database_url", "", Message(
            "--db and --database-url name two different databases; give one of them"))
    if cli_database_url is not None:
        return _team(cli_database_url, "--database-url")
    if cli_db:
        return DatabaseTarget.file(cli_db, explicit=True, source="--db")
    env_url, env_db = os.environ.get(ENV_URL, "").strip(), os.environ.get(ENV_DB)
    if env_url:
        ignored = (Message("{name} is ignored: {winner} names the team database, which wins", name=ENV_DB,
                           winner=ENV_URL),) if env_db else ()
        return _team(env_url, ENV_URL, ignored)
    if env_db:
        return DatabaseTarget.file(env_db, explicit=True, source=ENV_DB)
    from desktop.common.machine_config import DATABASE, DATABASE_URL, machine_defaults

    machine = machine_defaults()
    if machine.database_url is not None:
        return DatabaseTarget(team=machine.database_url, explicit=True, source=machine.origin(DATABASE_URL),
                              warnings=machine.database_url.warnings)
    if machine.database is not None:
        return DatabaseTarget.file(machine.database, explicit=True, source=machine.origin(DATABASE))
    return DatabaseTarget()
