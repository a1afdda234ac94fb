"""Every test here runs on both engines: `store` is a SQLite file and a PostgreSQL
database in turn (tests/conftest.py `any_store`). Tests about SQLite itself ask for
`sqlite_store`."""
import pytest


@pytest.fixture
def store(any_store):
    return any_store


@pytest.fixture
def empty_postgres_url(postgres_server):
    """A new, empty PostgreSQL database (no schema): for migrations from old revisions."""
    name = postgres_server.create_database(prefix="empty")
    yield postgres_server.url(name)
    postgres_server.drop_database(name)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def empty_store(request, tmp_path):
    """An empty database on each engine, not opened (no migration, no reference data):
    tests build an older Deskguide's schema and data in it, then open it as the app does."""
    from domain.store import Store

    if request.param == "sqlite":
        store = Store.for_file(tmp_path / "old.sqlite3")
    else:
        store = Store.for_url(request.getfixturevalue("empty_postgres_url"))
    yield store
    store.close()
