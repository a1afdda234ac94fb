"""Alembic environment: run migrations on the connection the app hands over.

Deskguide migrates its own database at start (domain.store.database.migrate), so there
is no alembic.ini; for hand use, `alembic -x db=PATH ...` is not supported on purpose.
"""
from alembic import context

from domain.store.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    # SQLite cannot ALTER most things; batch mode copies the table instead. PostgreSQL
    # alters in place (and its DDL is transactional anyway).
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
