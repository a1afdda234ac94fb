"""Connecting to a team database: which password, and what a failed connection means
(issue 14; docs/team-database.md "Credentials").

The password, in this order:
1. the one kept in the system's credential store for this role and database
   (desktop/common/credential_store.py), if any;
2. else none at all, so libpq's own mechanisms apply untouched: PGPASSWORD, the password
   file (PGPASSFILE, %APPDATA%\\postgresql\\pgpass.conf, ~/.pgpass), GSSAPI/SSPI single
   sign-on, client certificates;
3. when the server still wants one (or refused the one given), the password source is
   asked (the GUI's dialog, a terminal's prompt) and the connection tried again; what
   worked is kept in the credential store when the agent ticked "Remember". A stored
   password the server refused is removed once another one works.
With no password source (a script), the run ends with one line saying how to provide it.

A failed connection is sorted by what the agent can do about it, from psycopg's error:
a password (asked, or PasswordNeeded: exit 2), TLS that cannot be checked (exit 2: IT must
fix the setting), the server refusing us (no such database or role, no pg_hba line:
exit 2), or the server out of reach, starting or full (StoreUnreachable: exit 3, try
again). libpq words the client's side in English, and the server's in its lc_messages;
the few server texts read here are PostgreSQL's English ones. A server speaking another
language still gets its own words shown, only sorted as "refused" instead of "busy".
"""
from __future__ import annotations

import datetime as dt

from desktop.common import credential_store
from desktop.common.database_target import PasswordAnswer, PasswordNeeded, PasswordRequest, PasswordSource
from desktop.common.team_url import TeamUrl
from domain.errors import ReasonOnly, StoreError, StoreUnreachable
from domain.messages import Message

NEEDED, REFUSED, TLS, REJECTED, UNREACHABLE = "needed", "refused", "tls", "rejected", "unreachable"

# The server answered but cannot take us now: try again (PostgreSQL's FATAL texts).
_TEMPORARY = ("the database system is starting up", "the database system is shutting down",
              "the database system is in recovery mode", "the database system is not yet accepting connections",
              "too many clients already", "remaining connection slots are reserved")
_TLS = ("certificate", "ssl was required", "ssl error", "does not support ssl")


def _connection_error(error: BaseException):
    """psycopg's error behind a StoreError, when it is a failed connection (one raised
    by the server inside a session carries an SQLSTATE; a failed connection has none)."""
    while error is not None:
        driver = getattr(error, "driver_error", None)
        if driver is not None:
            original = getattr(driver, "orig", None)
            import psycopg

            if isinstance(original, psycopg.OperationalError) and not getattr(original, "sqlstate", None):
                return original
            return None
        error = error.__cause__
    return None


def failure(error: BaseException) -> tuple[str, str] | None:
    """(what kind of failure, the driver's first line) for a connection that failed,
    None for any other error."""
    original = _connection_error(error)
    if original is None:
        return None
    why = str(original).strip().splitlines()[0] if str(original).strip() else type(original).__name__
    why = why.removeprefix("connection failed: ")  # psycopg's; libpq's own words follow
    lower = why.lower()
    pgconn = getattr(original, "pgconn", None)
    if pgconn is not None and pgconn.needs_password:
        return NEEDED, why
    if "password authentication failed" in lower or (pgconn is not None and pgconn.used_password
                                                     and "password" in lower):
        return REFUSED, why
    if any(words in lower for words in _TLS):
        return TLS, why
    if any(words in lower for words in _TEMPORARY):
        return UNREACHABLE, why
    if "fatal:" in lower:
        return REJECTED, why
    return UNREACHABLE, why  # refused, timed out, no route, no such host name


def _said(url: TeamUrl, kind: str, why: str, asked: bool) -> Exception:
    database, user = url.describe(), url.effective_user
    if kind == UNREACHABLE:
        return StoreUnreachable(Message("{database} cannot be reached: {why}. Try again in a moment; if it lasts, "
                                        "tell IT.", database=database, why=why), why)
    if kind == NEEDED and asked:
        said = Message("{database} needs the password of {user}; without it Deskguide cannot open it",
                       database=database, user=user)
    elif kind == NEEDED:
        said = Message("{database} asks for the password of {user}: save it once in the Deskguide app (\"Remember "
                       "on this computer\"), or give scripts a password file (PGPASSFILE); see "
                       "docs/team-database.md", database=database, user=user)
    elif kind == REFUSED:
        said = Message("{database} did not accept the password of {user}: save the right one in the Deskguide app, "
                       "or correct PGPASSFILE or PGPASSWORD; see docs/team-database.md", database=database, user=user)
    elif kind == TLS:
        said = Message("{database}: the secure connection failed: {why}. The server must offer TLS with a "
                       "certificate this computer trusts (sslrootcert in the URL, or PGSSLROOTCERT); see "
                       "docs/team-database.md", database=database, why=why)
    else:
        said = Message("{database} refused the connection: {why}", database=database, why=why)
    return (PasswordNeeded if kind in (NEEDED, REFUSED) else ReasonOnly)("database_url", "", said)


def open_team(url: TeamUrl, now: dt.datetime, password_source: PasswordSource | None, reference=None,
              offline_ok: bool = False):
    """The team's store, logged in as the module's docstring says; `offline_ok`: a server
    out of reach gives an offline store (the app: a banner, reconnecting by itself)."""
    from domain.store import open_team_store

    key = url.credential_key()
    stored = credential_store.stored_password(key)
    password, answer = stored, None
    while True:
        try:
            store = open_team_store(url.sqlalchemy_url(), now=now, reference=reference, password=password,
                                    offline_ok=offline_ok)
        except StoreError as error:
            found = failure(error)
            if found is None:
                raise
            kind, why = found
            if kind in (NEEDED, REFUSED) and password_source is not None:
                answer = password_source(PasswordRequest(url.describe(), url.effective_user, kind == REFUSED,
                                                         credential_store.available()))
                if answer is not None and answer.password:
                    password = answer.password
                    continue
            raise _said(url, kind, why, asked=password_source is not None) from error
        break
    if answer is not None:
        _keep(key, answer, stored)
    return store


def _keep(key: str, answer: PasswordAnswer, stored: str | None) -> None:
    if answer.remember:
        credential_store.remember(key, answer.password)
    elif stored is not None and stored != answer.password:
        credential_store.forget(key)  # it was refused: it would be tried (and fail) every time
