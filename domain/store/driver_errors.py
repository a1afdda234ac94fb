"""Turn the database driver's errors into the domain's (domain/errors.py).

Installed on every engine (Store.for_url) as SQLAlchemy's `handle_error` hook, so each
statement a repository runs, each flush and each commit of a unit of work raises a
domain error the front ends know how to say: a clash with stored data is a
ConflictError, a busy or locked database a StoreBusy (temporary: try again), an
unreachable server a StoreUnreachable (temporary), anything else a StoreError. The
messages never carry SQL or parameter values (a customer's data); the driver's reason
is kept apart in `why`, SQLAlchemy's exception in `driver_error`, and the driver's
own stays chained as __cause__.
Errors that are not the database's (a bug in a query, a value the driver cannot bind)
pass through unchanged: they are for a developer, not a user.
"""
from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Engine, event
from sqlalchemy.engine import ExceptionContext
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError

from domain.errors import (
    ConflictError,
    DeskguideError,
    NotAllowed,
    StoreBusy,
    StoreError,
    StoreRefusedConnection,
    StoreUnreachable,
)
from domain.messages import Message

# SQLite says "database is locked" (another connection writes) or "database table is
# locked"; PostgreSQL reports lock and serialisation failures by SQLSTATE.
_BUSY_WORDS = ("database is locked", "database table is locked", "database is busy")
_BUSY_SQLSTATES = {"55P03", "40001", "40P01"}  # lock_not_available, serialization_failure, deadlock_detected


def _why(orig: BaseException | None) -> str:
    # The first line only: PostgreSQL adds DETAIL lines that quote the row's values.
    text = str(orig or "").strip()
    return text.splitlines()[0] if text else ""


def _sqlstate(orig: BaseException | None) -> str | None:
    return getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)


def translated(error: DBAPIError, is_disconnect: bool = False, at_connect: bool = False) -> DeskguideError:
    """The domain error for a driver error; its `driver_error` is SQLAlchemy's exception
    (SQLAlchemy chains the driver's own as __cause__). `at_connect`: it happened while
    connecting to a database server."""
    found = _translated(error, is_disconnect, at_connect)
    found.driver_error = error
    return found


# A PostgreSQL server that answered the connection with one of these is there but not
# ready (starting, shutting down, full): try again. Any other FATAL is its refusal (a
# wrong password, an unknown database or role, pg_hba.conf), which trying again won't fix.
_NOT_READY_WORDS = ("the database system is starting up", "the database system is shutting down",
                    "too many clients", "remaining connection slots")


def _at_connect(error: DBAPIError, why: str) -> DeskguideError:
    """A team server that could not be connected to (PostgreSQL; SQLite's "cannot open" is
    a file's problem, said as a StoreError by the caller)."""
    lower = why.lower()
    # The server's refusal (FATAL), a password wanted or refused, TLS that cannot be
    # checked: not temporary (desktop/common/team_login.py sorts them for the agent).
    if ("FATAL" in why and not any(words in why for words in _NOT_READY_WORDS)) or any(
            words in lower for words in ("password", "certificate", "ssl")):
        return StoreRefusedConnection(Message("the database server refused the connection: {why}",
                                              why=why.split("FATAL:", 1)[-1].strip()), why)
    return StoreUnreachable(Message("the database cannot be reached; try again in a moment"), why)


def _translated(error: DBAPIError, is_disconnect: bool, at_connect: bool = False) -> DeskguideError:
    orig, why = error.orig, _why(error.orig)
    if at_connect and isinstance(error, OperationalError):
        return _at_connect(error, why)
    if _sqlstate(orig) == "42501":  # insufficient_privilege: the role may not do this
        return NotAllowed(Message("your database role may not do this; ask IT (docs/team-database.md, roles)"), why)
    if isinstance(error, IntegrityError):
        return ConflictError(Message("the change clashes with what the database holds (a record it refers to "
                                     "is missing, or one like it is already there); nothing was saved"))
    if is_disconnect:
        return StoreUnreachable(Message("the database cannot be reached; try again in a moment"), why)
    if isinstance(error, OperationalError) and (
            any(words in why.lower() for words in _BUSY_WORDS) or _sqlstate(orig) in _BUSY_SQLSTATES):
        return StoreBusy(Message("the database is busy: another program is using it; try again in a moment"), why)
    return StoreError(Message("the database cannot be read or written: {why}", why=why or type(orig).__name__), why)


def translate_driver_errors(engine: Engine, on_unreachable: Callable[[], None] | None = None) -> None:
    """Install the translation on `engine`; `on_unreachable` is told whenever a server
    could not be reached (a team store then knows it is offline)."""
    def on_error(context: ExceptionContext) -> None:
        error = context.sqlalchemy_exception
        if isinstance(error, DBAPIError) and not isinstance(context.original_exception, DeskguideError):
            at_connect = context.connection is None and context.dialect.name != "sqlite"
            found = translated(error, context.is_disconnect, at_connect)
            if on_unreachable is not None and isinstance(found, StoreUnreachable):
                on_unreachable()
            # Raised here, it replaces SQLAlchemy's exception for the caller (its documented use).
            raise found from error

    event.listen(engine, "handle_error", on_error)
