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
