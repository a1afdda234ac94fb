"""Every test here runs on both engines: `store` is a SQLite file and a PostgreSQL
database in turn (tests/conftest.py `any_store`). Tests about SQLite itself ask for
`sqlite_store`."""
import pytest


@pytest.fixture
def store(any_store):
    return any_store
