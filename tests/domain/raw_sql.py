"""Look at a database file with plain sqlite3, beside SQLAlchemy: what is really stored."""
from __future__ import annotations

import sqlite3


def sql(path, statement: str, *params) -> list[tuple]:
    connection = sqlite3.connect(path)
    try:
        rows = connection.execute(statement, params).fetchall()
        connection.commit()
        return rows
    finally:
        connection.close()


def document(path, name: str) -> dict:
    """A reference document as stored (JSON: dates as ISO text)."""
    import json

    return json.loads(sql(path, "SELECT data FROM reference_document WHERE name = ?", name)[0][0])


def replace_document(path, name: str, data: dict) -> None:
    import json

    sql(path, "UPDATE reference_document SET data = ? WHERE name = ?", json.dumps(data), name)
