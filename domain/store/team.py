"""A team's PostgreSQL database (issue 14): one register, cases and journal for every agent.

Two halves, one unit of work:
- The team's records (customers, subscriptions, cases, journal, desk overrides) live on
  the PostgreSQL server, shared by every agent's app.
- The reference data (desks, scope catalogue, Microsoft targets, lifecycle) always comes
  from the installed version: it is loaded, as for a local database, into a small SQLite
  file beside the agent's own (`team-local.sqlite3`), so reference answers never need
  the network and two versions of the app on one server never fight over it. The same
  file keeps the outbox: what the agent wrote while the server could not be reached
  (issue 15, domain/services/outbox.py), so it is not a cache to delete.

The app never migrates a team database: IT does, with `deskguide team init`
(`init_team_database`), under a role that owns the database. An app whose schema
revision differs from the database's keeps answering reference questions and says
which side to upgrade; it refuses every team write, and team reads too when the
database is older than the app (its tables lack what this version reads).

A server that cannot be reached is not an error at start: the store opens "offline",
reference answers work, team reads and writes fail at once with StoreUnreachable (no
wait for a timeout per query), and `reconnect()` tries again (the GUI's banner does,
every few seconds). A connection lost while working marks the store offline the same way.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session, sessionmaker

from domain.errors import ConflictError, StoreError, StoreUnreachable
from domain.messages import Message
from domain.reference_bundle import ReferenceBundle
from domain.store import live, location
from domain.store.database import SHARED_WRITE, WRITES, Store, stored_revision
from domain.store.location import team_local_path
from domain.store.unit_of_work import UnitOfWork

# The team store's local companion: the reference data and the outbox. Called
# team-reference.sqlite3 before issue 15; an older one is left alone (its reference data
# is loaded again into this one, and it never held an outbox).
LOCAL_FILENAME = location.LOCAL_FILENAME
AGENT_ROLE = "deskguide_agent"
ADMIN_ROLE = "deskguide_admin"
# What each group role may change (both read every table; issue 15, "Roles"). Agents keep
# the register, the cases and the journal, and correct a mistyped subscription (delete
# it) as everyday work; deleting a customer (with its subscriptions and journal) and
# purging the journal lose history for everyone, and the desk's hours are the desk's:
# those are the administrators' (docs/team-database.md, "Roles").
AGENT_GRANTS = {
    "customer": ("INSERT", "UPDATE"),
    "subscription": ("INSERT", "UPDATE", "DELETE"),
    "escalation_case": ("INSERT", "UPDATE"),
    "journal_entry": ("INSERT", "UPDATE"),
}
ADMIN_GRANTS = {
    "customer": ("DELETE",),
    "journal_entry": ("DELETE",),
    "desk_override": ("INSERT", "UPDATE", "DELETE"),
}

UNREACHABLE = Message("the team database cannot be reached; try again in a moment")


class SchemaMismatch(StoreError):
    """The team database's schema is not this version's: which side to upgrade is said."""

    refused = True


def database_name(url: URL | str) -> str:
    """How a person names a team database: "deskguide on db.example:5432" (a Unix
    socket's folder for a local server)."""
    url = make_url(url)
    host = url.host or url.query.get("host") or "localhost"
    if isinstance(host, tuple):
        host = host[0]
    where = f"{host}:{url.port or 5432}" if not str(host).startswith("/") else str(host)
    return f"{url.database} on {where}"


def _connect_args(password: str | None) -> dict:
    # The password goes to the driver only: never into a URL that could be logged or shown.
    return {"password": password} if password else {}


class _GuardedSession(Session):
    """A session that calls `guard` before each statement finds its connection (ORM
    queries and Core statements alike go through get_bind)."""

    def __init__(self, *args, guard, **kwargs):
        super().__init__(*args, **kwargs)
        self._guard = guard

    def get_bind(self, *args, **kwargs):
        self._guard()
        return super().get_bind(*args, **kwargs)


class TeamStore(Store):
    """A team's database with the installed reference data beside it (module docstring)."""

    def __init__(self, url: URL | str, reference_store: Store, *, password: str | None = None,
                 busy_timeout: float | None = None):
        team = Store.for_url(url, busy_timeout=busy_timeout, connect_args=_connect_args(password),
                             on_unreachable=self._went_offline)
        super().__init__(team.engine)
        self.name = database_name(url)
        self.reference_store = reference_store
        self.offline = False
        self.schema_problem: Message | None = None  # the schema does not match this version
        self._reads_refused = False
        # Every statement of a team session asks the guard first, before a connection is
        # even checked out: offline means no wait for a timeout per query.
        self._sessions = sessionmaker(self.engine, class_=_GuardedSession, guard=self._before_team_statement,
                                      expire_on_commit=False)
        self._writing_sessions = sessionmaker(self.engine.execution_options(**{WRITES: True}),
                                              class_=_GuardedSession, guard=self._before_team_statement,
                                              expire_on_commit=False)
        self._sharing_sessions = sessionmaker(self.engine.execution_options(**{WRITES: SHARED_WRITE}),
                                              class_=_GuardedSession, guard=self._before_team_statement,
                                              expire_on_commit=False)

    # --- the guards ------------------------------------------------------------------------

    def _before_team_statement(self) -> None:
        if self.offline:
            raise StoreUnreachable(UNREACHABLE)
        if self._reads_refused:
            raise SchemaMismatch(self.schema_problem)

    def _refuse_writes(self) -> None:
        if self.schema_problem is not None:
            raise SchemaMismatch(self.schema_problem)

    def _went_offline(self) -> None:
        # Lost on the way (a server restart, a cable) or not there at all: offline until
        # reconnect() finds it again, so the next queries do not each wait for a timeout.
        self.offline = True

    # --- the store's interface -------------------------------------------------------------

    def unit_of_work(self, *, write: bool = False, exclusive: bool = True) -> UnitOfWork:
        if write:
            self._refuse_writes()
        if not write:
            return UnitOfWork(self._sessions, self.reference_store._sessions, author=self._author)
        # Colleagues' apps hear of the commit (issue 15, "Live"; domain/store/live.py).
        sessions = self._writing_sessions if exclusive else self._sharing_sessions
        return UnitOfWork(sessions, self.reference_store._sessions, before_commit=self.announce_changes,
                          author=self._author)

    def listen(self) -> live.Listener:
        """A connection of its own that hears colleagues' commits (domain/store/live.py);
        StoreUnreachable when the server cannot be reached."""
        import psycopg

        self._before_team_statement()
        try:
            fairy = self.engine.raw_connection()  # the pool's way in: the same password and TLS
        except psycopg.OperationalError as error:
            self._went_offline()
            raise StoreUnreachable(UNREACHABLE) from error
        connection = fairy.driver_connection
        fairy.detach()  # the listener's for good: never handed to a unit of work
        try:
            connection.rollback()  # the pre-ping's transaction
            return live.Listener(connection, self.origin)
        except psycopg.OperationalError as error:
            # The server went away between the connect and LISTEN (a restart, a shutdown):
            # out of reach like a failed connect, never a raw driver error in the window.
            connection.close()
            self._went_offline()
            raise StoreUnreachable(UNREACHABLE) from error

    def reconnect(self) -> bool:
        """Try the server again; True when it answers (and the schema was checked again)."""
        self.offline = False
        try:
            self.check_schema()
        except StoreUnreachable:
            self.offline = True
            return False
        return not self.offline

    def check_schema(self) -> None:
        """Compare the database's schema revision with this version's (module docstring)."""
        from domain.store.opening import head

        revision = stored_revision(self)
        self._role = self._login = None  # asked again: IT may have changed the grants
        wanted = head()
        self.schema_problem, self._reads_refused = None, False
        if revision == wanted:
            return
        from domain.store import migrating

        if revision is None:
            self.schema_problem = Message(
                "the team database {database} has no Deskguide tables yet; IT sets it up with "
                "`deskguide team init` (docs/team-database.md)", database=self.name)
            self._reads_refused = True
        elif revision in migrating.revisions():
            self.schema_problem = Message(
                "the team database {database} has schema {schema} and this Deskguide needs {needed}: IT upgrades the "
                "server first, with `deskguide team init` from this version (docs/team-database.md)",
                database=self.name, schema=revision, needed=wanted)
            self._reads_refused = True
        else:  # a newer Deskguide's: its tables have what this one reads, not what it would write
            self.schema_problem = Message(
                "the team database {database} was upgraded for a newer Deskguide (schema {schema}); install the newer "
                "Deskguide to save changes", database=self.name, schema=revision)

    @property
    def local_store(self) -> Store:
        """The agent's local file: the installed reference data and the outbox."""
        return self.reference_store

    def close(self) -> None:
        super().close()
        self.reference_store.close()


def open_team_store(url: URL | str, *, now: dt.datetime, reference: ReferenceBundle | None = None,
                    password: str | None = None, cache_path: Path | None = None,
                    offline_ok: bool = False) -> TeamStore:
    """The team database at `url` (`postgresql+psycopg://`, no password in it), never
    migrated; the reference data from `reference` (the bundled files unless given) in the
    local file `cache_path` (beside the agent's database unless given). A server out of
    reach is StoreUnreachable, or with `offline_ok` (the app) an offline store that
    answers reference questions and reconnect()s (module docstring)."""
    from domain.store.opening import open_store

    local = open_store(cache_path or team_local_path(), now=now, reference=reference)
    try:
        store = TeamStore(url, local, password=password)
    except BaseException:
        local.close()
        raise
    try:
        store.check_schema()
    except StoreUnreachable:
        if not offline_ok:
            store.close()
            raise
        store.offline = True
    except BaseException:
        store.close()
        raise
    return store


@dataclass(frozen=True)
class TeamInit:
    """What `deskguide team init` did."""

    database: str
    from_revision: str | None
    revision: str
    roles_created: tuple[str, ...] = ()
    reference_loaded: tuple[str, ...] = field(default=())


def _ensure_roles(connection, database: str) -> tuple[str, ...]:
    created = []
    for role in (AGENT_ROLE, ADMIN_ROLE):
        exists = connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :role"), {"role": role}).first()
        if not exists:
            # Group roles: nobody logs in as them; IT grants them to people's own logins.
            connection.exec_driver_sql(f'CREATE ROLE "{role}" NOLOGIN')
            created.append(role)
    quoted = '"' + database.replace('"', '""') + '"'
    both = f'"{AGENT_ROLE}", "{ADMIN_ROLE}"'
    statements = [
        f'GRANT CONNECT ON DATABASE {quoted} TO {both}',
        f'GRANT USAGE ON SCHEMA public TO {both}',
        # Run again on an older database (issue 14 gave agents DELETE everywhere they wrote):
        # take every write away first, so what is left is exactly the rules below, in the
        # same transaction as the rest of `team init`.
        f'REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA public FROM {both}',
        f'GRANT SELECT ON ALL TABLES IN SCHEMA public TO "{AGENT_ROLE}"',
        f'GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO "{AGENT_ROLE}"',
        f'GRANT "{AGENT_ROLE}" TO "{ADMIN_ROLE}"',
    ]
    for role, grants in ((AGENT_ROLE, AGENT_GRANTS), (ADMIN_ROLE, ADMIN_GRANTS)):
        statements += [f'GRANT {", ".join(rights)} ON {table} TO "{role}"' for table, rights in grants.items()]
    for statement in statements:
        connection.exec_driver_sql(statement)
    return tuple(created)


def init_team_database(url: URL | str, *, now: dt.datetime, reference: ReferenceBundle | None = None,
                       password: str | None = None) -> TeamInit:
    """Create or upgrade the team database's schema to this version's, load the reference
    data into it (the overrides refer to its desks), and create the group roles with
    their grants, all in one transaction. Run by IT with a role that owns the database;
    a database of a newer Deskguide is refused untouched."""
    from domain.store import migrating
    from domain.store.opening import head, load_into, raise_as_opening

    store = Store.for_url(url, connect_args=_connect_args(password))
    try:
        wanted = head()
        with store.writing() as connection:
            before = migrating.current_revision(connection)
            migrating.upgrade(store, connection, wanted)
            loaded = load_into(connection, reference or ReferenceBundle.bundled(), now)
            roles = _ensure_roles(connection, make_url(url).database)
        return TeamInit(database_name(url), before, wanted, roles, tuple(loaded))
    except (StoreError, ConflictError) as error:
        raise_as_opening(error, database_name(url))
    finally:
        store.close()
