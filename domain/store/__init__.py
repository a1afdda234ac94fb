"""The embedded store: SQLAlchemy 2.x over SQLite by default or a team's PostgreSQL, schema by Alembic."""
from domain.store.database import Store, default_db_path
from domain.store.opening import open_store
from domain.store.team import TeamStore, init_team_database, open_team_store

__all__ = ["Store", "TeamStore", "default_db_path", "init_team_database", "open_store", "open_team_store"]
