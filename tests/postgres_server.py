"""A throwaway PostgreSQL server for the tests: its own cluster in a temporary folder,
reached over a Unix socket in that folder (no port to collide with another test run on
the same machine), stopped and removed at the end of the session, failures or not.

Why not pytest-postgresql: it starts `pg_ctl` as the current user, and these tests run
as root in CI; PostgreSQL refuses to run as root ("root" execution of the PostgreSQL
server is not permitted). Here, as root, initdb and postgres run as the unprivileged
`nobody` (present on every Debian and most other systems), which owns the folder; the
tests (root) still reach the socket. ~70 lines instead of a plugin and its setup.

Speed: fsync, synchronous_commit and full_page_writes are off (a crash loses a test
database, nothing else), and each test gets `CREATE DATABASE ... TEMPLATE` of a database
migrated once (~30 ms) instead of migrating its own. The cluster's locale is C, so text
sorts by code point as on SQLite (a team server's language collation sorts names as
people expect; the tests compare orders with SQLite's).

`PostgresServer(tcp=True)` also listens on a free loopback port, where every login needs a
password (scram-sha-256): the tests of passwords and timeouts (issue 14) use it; the
superuser keeps trust on the socket to make databases and roles. It listens on 127.0.0.2
too, a loopback address Deskguide does not count as this computer (Linux routes all of
127.0.0.0/8 to loopback): there the default of a remote server, TLS required, applies.

The binaries: `initdb` on PATH, else Debian's /usr/lib/postgresql/<version>/bin. If
there are none the tests fail (never skip) and say how to get them: `python3 dev.py
test` installs Debian's `postgresql` package.
"""
from __future__ import annotations

import glob
import itertools
import os
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

from sqlalchemy.engine import URL

INSTALL_HINT = ("PostgreSQL's server programs (initdb, postgres) were not found; the store tests run on a real "
                "PostgreSQL too. Run `python3 dev.py test` (it installs Debian's postgresql package), or install "
                "PostgreSQL and put its bin folder on PATH.")
SUPERUSER = "deskguide"
SETTINGS = {
    "fsync": "off", "synchronous_commit": "off", "full_page_writes": "off",
    "max_connections": "100", "shared_buffers": "32MB", "log_min_messages": "warning",
}


def find_binaries() -> Path | None:
    """The folder holding initdb and postgres: PATH first, then Debian's versioned folders."""
    on_path = shutil.which("initdb")
    if on_path:
        return Path(on_path).resolve().parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                        key=lambda p: int(Path(p).parent.parent.name) if Path(p).parent.parent.name.isdigit() else 0)
    return Path(candidates[-1]).parent if candidates else None


def _server_user() -> dict:
    """subprocess arguments to run the server unprivileged when we are root."""
    if os.name == "nt" or os.geteuid() != 0:
        return {}
    import pwd

    nobody = pwd.getpwnam("nobody")
    return {"user": nobody.pw_uid, "group": nobody.pw_gid, "extra_groups": []}


def free_port() -> int:
    """A loopback port nobody listens on at this moment (the server takes it a moment later;
    start() tries another if someone was quicker)."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# Socket: the superuser and anyone else as today (trust). Loopback TCP: a password, always.
TCP_HBA = """local all all trust
host all all 127.0.0.0/8 scram-sha-256
host all all ::1/128 scram-sha-256
"""


class PostgresServer:
    """A running throwaway cluster; `url(database)` for SQLAlchemy, `execute()` to make databases."""

    def __init__(self, *, tcp: bool = False, durable: bool = False) -> None:
        """`durable`: a commit is acknowledged only once it is in the WAL
        (synchronous_commit on, as on a real server), so a killed server keeps every commit
        it acknowledged; the default trades that for speed. The operating system's cache
        survives a killed server, so fsync may stay off either way."""
        self.bin = find_binaries()
        if self.bin is None:
            raise RuntimeError(INSTALL_HINT)
        self.folder = Path(tempfile.mkdtemp(prefix="deskguide-pg-"))
        self.data = self.folder / "data"
        self._as = _server_user()
        self._process: subprocess.Popen | None = None
        self._names = itertools.count(1)
        self.tcp = tcp
        self.durable = durable
        self.port = 5432  # the socket's name (.s.PGSQL.<port>); a TCP server takes a free one

    def start(self) -> PostgresServer:
        if self._as:
            os.chown(self.folder, self._as["user"], self._as["group"])
        subprocess.run([self.bin / "initdb", "-D", self.data, "-U", SUPERUSER, "--auth=trust", "--no-locale",
                        "--encoding=UTF8", "--no-sync"], check=True, capture_output=True, cwd=self.folder, **self._as)
        if not self.tcp:
            self._launch("")
            return self
        (self.data / "pg_hba.conf").write_text(TCP_HBA)
        for attempt in range(5):  # another program may take the free port before the server does
            self.port = free_port()
            try:
                self._launch("127.0.0.1,127.0.0.2")
                return self
            except RuntimeError:
                if attempt == 4:
                    raise
        return self

    def _launch(self, listen: str) -> None:
        self._listen = listen
        settings = {**SETTINGS, "synchronous_commit": "on"} if self.durable else SETTINGS
        options = [f"-c{key}={value}" for key, value in settings.items()]
        with open(self.folder / "server.log", "ab") as log:  # the server keeps its own descriptor
            self._process = subprocess.Popen(
                [self.bin / "postgres", "-D", self.data, "-k", self.folder, "-p", str(self.port),
                 "-c", f"listen_addresses={listen}", *options],
                stdout=subprocess.DEVNULL, stderr=log, cwd=self.folder, **self._as)
        self._wait_ready()

    def _wait_ready(self, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(f"PostgreSQL did not start:\n{self.log()}")
            ready = subprocess.run([self.bin / "pg_isready", "-q", "-h", self.folder, "-p", str(self.port),
                                    "-U", SUPERUSER, "-d", "postgres"], check=False)
            if ready.returncode == 0:
                return
            time.sleep(0.05)
        raise RuntimeError(f"PostgreSQL did not accept connections within {timeout:.0f} s:\n{self.log()}")

    def log(self) -> str:
        path = self.folder / "server.log"
        return path.read_text(errors="replace")[-4000:] if path.exists() else ""

    def url(self, database: str = "postgres") -> URL:
        """The superuser's URL over the socket."""
        return URL.create("postgresql+psycopg", username=SUPERUSER, database=database,
                          query={"host": str(self.folder), "port": str(self.port)})

    def socket_url(self, database: str) -> str:
        """The superuser's URL over the socket as a person writes it (--database-url)."""
        from urllib.parse import urlencode

        return f"postgresql://{SUPERUSER}@/{database}?" + urlencode({"host": str(self.folder), "port": self.port})

    def tcp_url(self, database: str, user: str) -> str:
        """`user`'s URL over loopback TCP (a password needed), without the password."""
        return f"postgresql://{user}@127.0.0.1:{self.port}/{database}"

    def create_role(self, name: str, password: str) -> None:
        """A login role with a password (scram-sha-256), allowed to do anything the app does."""
        from psycopg import sql

        self.execute(sql.SQL("CREATE ROLE {} LOGIN SUPERUSER PASSWORD {}").format(
            sql.Identifier(name), sql.Literal(password)))

    def execute(self, *statements: str) -> None:
        """Statements that cannot run in a transaction (CREATE/DROP DATABASE), as the superuser."""
        import psycopg

        with psycopg.connect(host=str(self.folder), port=self.port, user=SUPERUSER, dbname="postgres",
                             autocommit=True) as conn:
            for statement in statements:
                conn.execute(statement)

    def new_database_name(self, prefix: str = "test") -> str:
        return f"{prefix}_{next(self._names)}"

    def create_database(self, *, template: str | None = None, prefix: str = "test") -> str:
        name = self.new_database_name(prefix)
        # FILE_COPY: the template's files copied as they are, no WAL for every page (PG 15).
        clause = f" TEMPLATE {template} STRATEGY FILE_COPY" if template else ""
        self.execute(f'CREATE DATABASE "{name}"{clause}')
        return name

    def drop_database(self, name: str) -> None:
        self.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def stop_server(self) -> None:
        """Stop the server, keeping its data (a restart, an outage): start_server() again."""
        if self._process is not None and self._process.poll() is None:
            self._process.send_signal(signal.SIGINT)  # fast shutdown: end sessions, no checkpoint wait
            try:
                self._process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()

    def kill_server(self) -> None:
        """Stop the server hard, as `pg_ctl stop -m immediate` does (SIGQUIT): every session
        cut off mid-statement, no checkpoint; the next start recovers from the WAL. An
        outage as a crash or a pulled cable makes it (issue 15's proof)."""
        if self._process is not None and self._process.poll() is None:
            self._process.send_signal(signal.SIGQUIT)
            self._process.wait(timeout=30)

    def start_server(self) -> None:
        """Start the stopped server again, on the same cluster, socket and port."""
        self._launch(self._listen)

    def stop(self) -> None:
        self.stop_server()
        shutil.rmtree(self.folder, ignore_errors=True)
