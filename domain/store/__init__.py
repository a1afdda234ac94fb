"""The embedded store: SQLAlchemy 2.x over SQLite by default, schema by Alembic."""
from domain.store.database import Store, default_db_path, open_store

__all__ = ["Store", "default_db_path", "open_store"]
