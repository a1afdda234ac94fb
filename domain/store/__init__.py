"""The embedded store: SQLAlchemy 2.x over SQLite by default, schema by Alembic."""
from domain.store.database import Store, default_db_path
from domain.store.opening import open_store

__all__ = ["Store", "default_db_path", "open_store"]
