"""The database: its engine, where its file lives, and which schema revision it holds.

Where the data lives: `--db PATH` (the caller passes it), else `DESKGUIDE_DB`, else the
user's data folder from platformdirs (%LOCALAPPDATA%\\Deskguide on Windows). Never the
program folder: IT installs that read-only under Program Files. Opening it (migrating,
loading the reference data) is domain/store/opening.py.
"""
from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import sessionmaker

from domain.store import location
from domain.store.driver_errors import translate_driver_errors
from domain.store.unit_of_work import UnitOfWork

# Where the file and the migrations are is decided in location.py (no SQLAlchemy there).
APP_NAME, DB_FILENAME, default_db_path = location.APP_NAME, location.DB_FILENAME, location.default_db_path
MIGRATIONS_DIR, head_revision_from_files = location.MIGRATIONS_DIR, location.head_revision_from_files

# How long a write waits for another writer (another Deskguide, an import) before it
# gives up as StoreBusy: long enough for an import of the whole register to finish,
# short enough that a person is told rather than left waiting.
BUSY_TIMEOUT_SECONDS = 10.0

# Execution options read by the `begin` hooks.
WRITES = "deskguide_writes"  # take the write lock before the first read (SQLite: BEGIN IMMEDIATE)
_NO_TRANSACTION = "deskguide_no_transaction"  # PRAGMAs that cannot run inside one (journal_mode, VACUUM)


def _on_connect(dbapi_connection, _record) -> None:
    # pysqlite opens transactions by itself (only before INSERT/UPDATE/DELETE, never before
    # CREATE TABLE) and so commits DDL on its own: a migration was not one transaction.
    # Switched off here, and the `begin` hook below says BEGIN for every transaction
    # (SQLAlchemy's "pysqlite: serializable isolation / transactional DDL" recipe).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    # Deleted rows are overwritten with zeros, not just unlinked (purge, customer deletion).
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.close()


def _on_begin(connection: Connection) -> None:
    options = connection.get_execution_options()
    if options.get(_NO_TRANSACTION):
        return
    # A write takes the write lock first: two writers then queue on the busy timeout,
    # instead of the second failing on what it read before the first one committed.
    connection.exec_driver_sql("BEGIN IMMEDIATE" if options.get(WRITES) else "BEGIN")


# PostgreSQL: a write unit of work takes this transaction-level advisory lock first, the
# equivalent of SQLite's BEGIN IMMEDIATE. Writers then queue (two imports both land,
# neither fails a UNIQUE check on what it read before the other committed) and readers
# never wait. Isolation stays READ COMMITTED (the default); the lock is released by the
# commit or rollback itself. `lock_timeout` turns a wait longer than the busy timeout
# into lock_not_available (55P03), which driver_errors.py says as StoreBusy. (Chosen
# over SERIALIZABLE, which would make every service retry serialisation failures.)
WRITE_LOCK_KEY = 0x4445534B  # "DESK"
SHARED_WRITE = "shared"  # the WRITES option's value for unit_of_work(write=True, exclusive=False)


def _postgres_begin(busy_timeout: float):
    milliseconds = max(1, int(busy_timeout * 1000))

    def on_begin(connection: Connection) -> None:
        # SHARED_WRITE: a write the database keeps consistent by itself (a plain insert,
        # a conditional UPDATE ... WHERE responded IS NULL, a version-checked UPDATE takes
        # the row's own lock): it need not queue behind every other writer of the team.
        if connection.get_execution_options().get(WRITES) not in (None, False, SHARED_WRITE):
            connection.exec_driver_sql(f"SET LOCAL lock_timeout = {milliseconds}")
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})")

    return on_begin


def sqlite_url(path: Path | str) -> URL:
    """The URL of a database file, its name taken as it is: `?` and `%` are legal in file
    names (on Windows too), and a URL string would read them as a query and an escape."""
    return URL.create("sqlite", database=os.path.abspath(os.fspath(path)))


class Store:
    """A database; services work on it through units of work (store.unit_of_work()),
    each one transaction that rolls back unless committed."""

    def __init__(self, engine: Engine, path: Path | None = None):
        self.engine = engine
        self.path = path
        # This store's own notices, so an app skips its own writes (domain/store/live.py).
        self.origin = uuid.uuid4().hex
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._writing_sessions = sessionmaker(engine.execution_options(**{WRITES: True}), expire_on_commit=False)
        self._sharing_sessions = sessionmaker(engine.execution_options(**{WRITES: SHARED_WRITE}),
                                              expire_on_commit=False)
        # The agent's display name (the GUI's settings, the CLI's OS user): with the login,
        # it signs every saved customer, subscription and case (issue 15, `author`).
        self.agent_name = ""

    @classmethod
    def for_file(cls, path: Path | str, *, busy_timeout: float | None = None) -> Store:
        """The SQLite database in the file `path` (a plain path, never read as a URL)."""
        return cls.for_url(sqlite_url(path), Path(path), busy_timeout=busy_timeout)

    @classmethod
    def for_url(cls, url: str | URL, path: Path | None = None, *, busy_timeout: float | None = None,
                connect_args: dict | None = None, on_unreachable=None) -> Store:
        """A SQLite file's URL (for_file builds it) or a PostgreSQL one, `postgresql+psycopg://`
        (psycopg 3). The SQLite-only settings (pragmas, BEGIN IMMEDIATE, WAL, secure
        delete, copies before upgrades) apply to SQLite alone; docs/store.md "Two engines".
        `connect_args`: more for the driver (a team database's password, never in the URL)."""
        url = make_url(url)
        sqlite = url.get_backend_name() == "sqlite"
        timeout = BUSY_TIMEOUT_SECONDS if busy_timeout is None else busy_timeout
        connect_args = dict(connect_args or {})
        engine_options = {}
        if sqlite:
            # Each session checks out its own connection, but the worker thread that uses
            # it is not the one that made it; sqlite3 must be told that is fine.
            connect_args["check_same_thread"] = False
            if busy_timeout is not None or "timeout" not in url.query:
                connect_args["timeout"] = timeout
        else:
            # A server restarted or a network dropped since the last query: the dead
            # connection is found and replaced at checkout, not met by the agent's save.
            engine_options["pool_pre_ping"] = True
        engine = create_engine(url, connect_args=connect_args, **engine_options)
        if sqlite:
            event.listen(engine, "connect", _on_connect)
            event.listen(engine, "begin", _on_begin)
        else:
            event.listen(engine, "begin", _postgres_begin(timeout))
        translate_driver_errors(engine, on_unreachable)
        return cls(engine, path)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def unit_of_work(self, *, write: bool = False, exclusive: bool = True) -> UnitOfWork:
        """`write`: the unit of work will write; it takes the write lock at its start
        (SQLite: BEGIN IMMEDIATE; PostgreSQL: an advisory lock), so it waits for another
        writer instead of failing. `exclusive=False`: a write whose consistency the
        database keeps by itself (inserting a journal entry or a case, a conditional or
        version-checked UPDATE); on PostgreSQL it does not queue behind the team's other
        writers (50 agents writing at once: issue 15's load budget). SQLite has one writer
        either way."""
        if not write:
            return UnitOfWork(self._sessions, author=self._author)
        sessions = self._writing_sessions if exclusive else self._sharing_sessions
        return UnitOfWork(sessions, before_commit=self.announce_changes, author=self._author)

    def announce_changes(self, session) -> None:
        """Just before a write commits: on PostgreSQL, a notice for every record it wrote,
        in the same transaction (issue 15, "Live"; domain/store/live.py). A SQLite file's
        readers see data_version move instead."""
        if not self.is_sqlite:
            from domain.store import live

            live.notify(session, self.origin)

    @contextmanager
    def writing(self) -> Iterator[Connection]:
        """One write transaction on a connection of its own (opening: migrate, load)."""
        with self.engine.execution_options(**{WRITES: True}).connect() as connection:
            with connection.begin():
                yield connection

    def outside_transaction(self, *statements: str) -> list:
        """Run SQLite statements that refuse to run inside a transaction; their first rows."""
        with self.engine.connect() as connection:
            connection.execution_options(**{_NO_TRANSACTION: True})
            rows = []
            for statement in statements:
                result = connection.exec_driver_sql(statement)
                rows.append(result.first() if result.returns_rows else None)
            connection.commit()  # nothing to commit; SQLAlchemy's own bookkeeping
        return rows

    def use_wal(self) -> None:
        """Write-ahead logging: readers never wait for a writer, and a crash leaves the
        last commits in `<file>-wal` for the next open (kept in the file from now on)."""
        if self.is_sqlite:
            # auto_vacuum takes only on a new file, before its first table (and before WAL).
            self.outside_transaction("PRAGMA auto_vacuum=INCREMENTAL", "PRAGMA journal_mode=WAL")

    def erase_deleted(self) -> None:
        """After deleting personal data: with secure_delete the rows are zeros in the
        pages; give the freed pages back and fold the write-ahead log into the file, so
        no older copy of a page lingers in `<file>-wal` either."""
        if self.is_sqlite:
            self.outside_transaction("PRAGMA incremental_vacuum", "PRAGMA wal_checkpoint(TRUNCATE)")

    def watch_data_version(self):
        """A file's watch for other connections' commits (domain/store/live.py), or None
        for a database without a file of its own."""
        if not self.is_sqlite or self.path is None:
            return None
        from domain.store.live import DataVersionWatch

        return DataVersionWatch(self.path)

    def schema_revision(self) -> str | None:
        from alembic.runtime.migration import MigrationContext

        with self.engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()

    # --- who works on it (issue 15, "Roles") -------------------------------------------

    @property
    def login(self) -> str | None:
        """The database login (PostgreSQL's current_user); None for a SQLite file."""
        if self.is_sqlite:
            return None
        if getattr(self, "_login", None) is None:
            self._find_role()
        return self._login

    @property
    def role(self):
        """The login's domain.roles.Role, asked of the server once (StoreUnreachable when it
        cannot be asked); a SQLite file's agent is their own administrator."""
        from domain.roles import Role

        if self.is_sqlite:
            return Role.ADMIN
        if getattr(self, "_role", None) is None:
            self._find_role()
        return self._role

    def _author(self) -> str:
        # Asked when a record is written, not when a unit of work starts: reads need no login.
        from domain.roles import author_of

        return author_of(self.agent_name, self.login)

    def _find_role(self) -> None:
        from domain.roles import Role

        # to_regrole: NULL for a group role `team init` has not made yet (no error). A login
        # in neither group that may still change the desks' hours (the owner, a superuser)
        # is an administrator: the database would let it.
        query = text(
            "SELECT current_user,"
            " coalesce(pg_has_role(current_user, to_regrole('deskguide_admin'), 'MEMBER'), false)"
            " OR coalesce(has_table_privilege(to_regclass('desk_override'), 'DELETE'), false),"
            " coalesce(pg_has_role(current_user, to_regrole('deskguide_agent'), 'MEMBER'), false)")
        with self.unit_of_work() as uow:
            login, admin, agent = uow.execute(query).one()
        self._login = login
        self._role = Role.ADMIN if admin else Role.AGENT if agent else Role.NONE

    def close(self) -> None:
        self.engine.dispose()


def _alembic_config(connection):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    config = _alembic_config(None)
    return ScriptDirectory.from_config(config).get_current_head()


def stored_revision(store: Store) -> str | None:
    with store.engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def table_names(store: Store) -> list[str]:
    return sorted(inspect(store.engine).get_table_names())
