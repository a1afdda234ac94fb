"""A team database's URL: what is accepted, what is refused, what is added (issue 14).

Accepted: `postgresql://`, `postgres://` and `postgresql+psycopg://` (read as psycopg 3,
the driver Deskguide ships), one host, a database name, and libpq's own parameters in
the query (`sslmode`, `sslrootcert`, `connect_timeout`, `host=/socket/folder`, ...), which
are handed to libpq as they are. Refused, in one line that never repeats the URL:
- a password anywhere in it (`user:secret@`, `?password=`, and libpq's other secrets):
  a URL is seen in the process list, the shell's history, the MSI log and deskguide.ini.
  Passwords come from the system's credential store or libpq's PGPASSFILE/PGPASSWORD,
  and GSSAPI/SSPI needs none (desktop/common/database_target.py);
- any other scheme, several hosts, no database name, a port that is not one.
Added unless the URL (or libpq's environment variable for it) says otherwise:
- `sslmode=verify-full` for a server that is not this computer: encrypted, and the
  server's certificate checked against the CA and the host name. An explicit weaker
  mode is kept, with a warning when it may send the data unencrypted;
- `connect_timeout=5`: an unreachable server is said within seconds (the command line
  exits 3 within 15 s even when a name has two addresses), not after libpq's minutes;
- `application_name=Deskguide`, so IT sees who is connected (pg_stat_activity).

Imports neither SQLAlchemy nor psycopg: the GUI resolves its database before the first
paint, and those load later on the store's worker thread.
"""
from __future__ import annotations

import getpass
import os
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, quote, unquote, urlsplit

from domain.errors import ReasonOnly
from domain.messages import Message

SCHEMES = ("postgresql", "postgres", "postgresql+psycopg")
DEFAULT_PORT = 5432
CONNECT_TIMEOUT_SECONDS = 5
APPLICATION_NAME = "Deskguide"
# libpq parameters that are secrets: a URL holding one is refused like a password.
SECRETS = ("password", "sslpassword", "oauth_client_secret", "scram_client_key", "scram_server_key")
LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")
# sslmode values that may send everything in the clear (libpq's "allow" and "prefer" fall
# back to no TLS when the server offers none, silently).
UNENCRYPTED_MODES = ("disable", "allow", "prefer")


class UrlRefused(ReasonOnly):
    """A team database URL that cannot be used; `because` is the reason without the
    source (deskguide.ini's warning line names the file and key itself)."""

    def __init__(self, source: str, because: str):
        # The value is never the URL: it may hold a password, and errors travel (JSON, logs).
        super().__init__("database_url", "", Message("{source}: {reason}", source=source, reason=because))
        self.because = because


def _refused(source: str, reason: str) -> UrlRefused:
    return UrlRefused(source, reason)


def is_local_host(host: str | None) -> bool:
    """This computer: no host (libpq's default socket), a socket folder, or loopback."""
    return not host or host.startswith(("/", "@")) or host.lower() in LOCAL_HOSTS


@dataclass(frozen=True)
class TeamUrl:
    """A team database, as libpq will be told to reach it (no password, ever)."""

    database: str
    username: str | None = None
    host: str | None = None  # from the URL's authority, else its ?host=, else PGHOST
    port: int | None = None
    query: tuple[tuple[str, str], ...] = ()  # libpq's parameters, the defaults added
    warnings: tuple[Message, ...] = field(default=(), compare=False)

    @property
    def effective_port(self) -> int:
        return self.port or DEFAULT_PORT

    @property
    def effective_user(self) -> str:
        """The role libpq logs in as: the URL's, else PGUSER, else the operating system's."""
        return self.username or os.environ.get("PGUSER") or getpass.getuser()

    @property
    def is_local(self) -> bool:
        return is_local_host(self.host)

    def parameter(self, name: str) -> str | None:
        return next((value for key, value in self.query if key == name), None)

    def server(self) -> str:
        """host:port as people write it ([::1]:5432 for IPv6)."""
        host = f"[{self.host}]" if self.host and ":" in self.host else (self.host or "localhost")
        return f"{host}:{self.effective_port}"

    def describe(self) -> Message:
        """Which database this is, for the status bar, About and messages."""
        if not self.host:
            return Message("Team database {name} on this computer", name=self.database)
        if self.host.startswith(("/", "@")):
            return Message("Team database {name} on this computer (socket {folder})", name=self.database,
                           folder=self.host)
        host, _, port = self.server().rpartition(":")  # [::1] in brackets; the port as digits, never "5 432"
        return Message("Team database {name} on {host}:{port}", name=self.database, host=host, port=port)

    def credential_key(self) -> str:
        """Who logs in where: the user name under which the credential store keeps the
        password (user@host:port/database), one per role and database."""
        return f"{self.effective_user}@{self.server()}/{self.database}"

    def text(self) -> str:
        """The URL without its query, for logs and IT (never a password: it has none)."""
        user = quote(self.username, safe="") + "@" if self.username else ""
        host = "" if not self.host or self.host.startswith(("/", "@")) else self.server()
        return f"postgresql://{user}{host}/{quote(self.database, safe='')}"

    def sqlalchemy_url(self):
        """SQLAlchemy's URL for psycopg 3 (imported here: on the worker thread)."""
        from sqlalchemy.engine import URL

        socket = self.host if self.host and self.host.startswith(("/", "@")) else None
        query = dict(self.query)
        if socket and "host" not in query:
            query["host"] = socket
        return URL.create("postgresql+psycopg", username=self.username, host=None if socket else self.host,
                          port=self.port, database=self.database, query=query)


def _host(netloc: str) -> str | None:
    """The authority's host as written (urlsplit lowercases it, and a socket folder
    written %2Fhome%2FAnna keeps its case), without brackets, port or user."""
    host = netloc.rpartition("@")[2]
    if host.startswith("["):
        host = host[1:host.find("]")] if "]" in host else host[1:]
    else:
        host = host.partition(":")[0]
    return unquote(host) or None


def parse_team_url(text: str, source: str) -> TeamUrl:
    """The URL `text` given by `source` (--database-url, DESKGUIDE_DATABASE_URL, ...), checked
    and completed; ReasonOnly (exit 2) naming the source, never repeating the URL."""
    text = text.strip()
    if not text:
        raise _refused(source, Message("is empty; give postgresql://HOST/DATABASE"))
    try:
        parts = urlsplit(text)
        password = parts.password
        query = parse_qsl(parts.query, keep_blank_values=True)
    except ValueError:
        raise _refused(source, Message("is not a URL; give postgresql://HOST/DATABASE")) from None
    secrets = sorted({key for key, _ in query if key.lower() in SECRETS})
    if password is not None or secrets:
        raise _refused(source, Message(
            "a URL with a password is refused (it would show in the process list, histories and logs); give "
            "it without one: Deskguide asks for the password and keeps it in the system's credential store, "
            "or use PGPASSFILE (docs/team-database.md)"))
    if parts.scheme.lower() not in SCHEMES or not parts.netloc and not parts.path.startswith("/"):
        shown = parts.scheme + "://" if parts.scheme else "no scheme"
        raise _refused(source, Message("{given} is not a team database URL: give postgresql://HOST/DATABASE",
                                       given=shown))
    try:
        port = parts.port
    except ValueError:
        raise _refused(source, Message("the port is not a number from 1 to 65535")) from None
    host = _host(parts.netloc)
    query_hosts = [value for key, value in query if key == "host"]
    if (host and "," in host) or len(query_hosts) > 1 or any("," in value for value in query_hosts):
        raise _refused(source, Message("give one server; several hosts in one URL are not supported"))
    if query_hosts:
        host = query_hosts[0] or host
        query = [(key, value) for key, value in query if key != "host"]
    host = host or os.environ.get("PGHOST") or None
    query_ports = [value for key, value in query if key == "port"]
    if query_ports and port is None:
        if not query_ports[0].isdigit() or not 1 <= int(query_ports[0]) <= 65535:
            raise _refused(source, Message("the port is not a number from 1 to 65535"))
        port = int(query_ports[0])
    query = [(key, value) for key, value in query if key != "port"]
    if port is None and (os.environ.get("PGPORT") or "").isdigit():
        port = int(os.environ["PGPORT"])
    database = unquote(parts.path[1:]) if parts.path.startswith("/") else ""
    if not database:
        raise _refused(source, Message("name the database: postgresql://HOST/DATABASE"))
    username = unquote(parts.username) if parts.username else None
    query, warnings = _completed(dict(query), host)
    return TeamUrl(database, username, host, port, tuple(query.items()), tuple(warnings))


def _completed(query: dict[str, str], host: str | None) -> tuple[dict[str, str], list[Message]]:
    """libpq's parameters with Deskguide's defaults where neither the URL nor libpq's
    environment variable sets them, and the warnings a weak TLS setting deserves."""
    warnings = []
    mode = query.get("sslmode") or os.environ.get("PGSSLMODE")
    if not is_local_host(host):
        if mode is None:
            query["sslmode"] = mode = "verify-full"
        if mode in UNENCRYPTED_MODES:
            warnings.append(Message(
                "sslmode={mode}: the connection to {host} may not be encrypted; customers' data and passwords "
                "would cross the network readable. Use sslmode=verify-full (the default).", mode=mode, host=host))
    if "connect_timeout" not in query and not os.environ.get("PGCONNECT_TIMEOUT"):
        query["connect_timeout"] = str(CONNECT_TIMEOUT_SECONDS)
    if "application_name" not in query and not os.environ.get("PGAPPNAME"):
        query["application_name"] = APPLICATION_NAME
    return query, warnings
