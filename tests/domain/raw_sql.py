"""Look at a database with its plain driver, beside SQLAlchemy: what is really stored.

`where` is a SQLite file's path or a Store (a SQLite file or a PostgreSQL database), so
one test reads both engines; statements use `?` placeholders either way."""
from __future__ import annotations

import datetime as dt
import sqlite3


def _as_sqlite_stores_it(value):
    """psycopg hands back typed values; SQLite (through SQLAlchemy) keeps days, times and
    moments as text. The tests compare with that text."""
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.timezone.utc).replace(tzinfo=None)
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.strftime("%H:%M:%S.%f")
    return value


def sql(where, statement: str, *params) -> list[tuple]:
    if getattr(where, "is_sqlite", True) is False:
        from sqlalchemy import create_engine
        from sqlalchemy.pool import NullPool

        # A connection of its own, like sqlite3.connect below: not one of the store's pool.
        connection = create_engine(where.engine.url, poolclass=NullPool).raw_connection()
        try:
            cursor = connection.cursor()
            cursor.execute(statement.replace("%", "%%").replace("?", "%s"), params)  # psycopg: %s
            rows = cursor.fetchall() if cursor.description else []
            connection.commit()
            return [tuple(_as_sqlite_stores_it(value) for value in row) for row in rows]
        finally:
            connection.close()
    connection = sqlite3.connect(getattr(where, "path", None) or where)
    try:
        rows = connection.execute(statement, params).fetchall()
        connection.commit()
        return rows
    finally:
        connection.close()


def document(where, name: str) -> dict:
    """A reference document as stored (JSON: dates as ISO text)."""
    import json

    data = sql(where, "SELECT data FROM reference_document WHERE name = ?", name)[0][0]
    return data if isinstance(data, dict) else json.loads(data)


def replace_document(where, name: str, data: dict) -> None:
    import json

    sql(where, "UPDATE reference_document SET data = ? WHERE name = ?", json.dumps(data), name)


def reopen(store, **options):
    """The same database opened again by a (perhaps newer) version: open_store on the
    file, which migrates it and loads its reference data; on PostgreSQL what IT does for
    a new version, `deskguide team init` (init_team_database), then the database itself
    (a team store reads its reference data from the installed version, not from the
    server: domain/store/team.py). `options`: now, reference."""
    from domain.store import Store, init_team_database, open_store

    if store.is_sqlite:
        return open_store(store.path, **options)
    init_team_database(store.engine.url, **options)
    return Store.for_url(store.engine.url)
