"""Editing together safely (issue 14): customers, subscriptions and escalation cases carry
a version number, a case remembers who marked its first response, and record ids are
64-bit on PostgreSQL too.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07

`version` starts at 1 for every row there is (the server default fills them) and goes up
by one with every change someone makes (docs/concurrent-editing.md); a save says which
version it was opened at and is refused when that is no longer the stored one. The
default stays on the column: a row written by an older program, or by hand, starts at 1.

`responded_by`: the agent who marked the first response, so the colleague who marks the
same case a moment later is told who and when. Cases answered before this revision have
none (NULL): nobody recorded it.

Ids: the domain takes ids up to 2**63 - 1 (domain/errors.py MAX_RECORD_ID). SQLite's
INTEGER is 64-bit already, but PostgreSQL's `integer` is 32-bit, and psycopg binds an id
as the column's type, so asking for customer 3000000000 failed with "integer out of
range" instead of "no such customer". On PostgreSQL every id and every column that
refers to one becomes `bigint`, with the sequences behind them. On SQLite they stay
INTEGER: a primary key must be spelled exactly INTEGER to be the rowid's alias.

Downgrade drops the new columns (SQLite 3.35+ drops a column in place: no table copy,
which with foreign keys on would cascade a customer's rows away) and turns the ids back
into `integer` on PostgreSQL, which fails (and leaves everything as it was, the DDL being
transactional) if an id no longer fits.
"""
import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

VERSIONED = ("customer", "subscription", "escalation_case")
# Every id column and every column that refers to one: (table, column), referenced first.
ID_COLUMNS = (
    ("customer", "id"), ("subscription", "id"), ("subscription", "customer_id"),
    ("escalation_case", "id"), ("escalation_case", "customer_id"),
    ("journal_entry", "id"), ("journal_entry", "customer_id"), ("desk_override", "id"),
)
NULLABLE = {("escalation_case", "customer_id")}


def _id_columns(old: sa.types.TypeEngine, new: sa.types.TypeEngine, sequence_type: str) -> None:
    connection = op.get_bind()
    for table, column in ID_COLUMNS:
        op.alter_column(table, column, type_=new, existing_type=old,
                        existing_nullable=(table, column) in NULLABLE)
        if column == "id":
            # The sequence a SERIAL made is `AS integer`: it would stop at 2**31 - 1.
            sequence = connection.execute(sa.text("SELECT pg_get_serial_sequence(:table, 'id')"),
                                          {"table": table}).scalar()
            if sequence:
                op.execute(f"ALTER SEQUENCE {sequence} AS {sequence_type}")


def upgrade() -> None:
    for table in VERSIONED:
        op.add_column(table, sa.Column("version", sa.Integer(), nullable=False, server_default=sa.text("1")))
    op.add_column("escalation_case", sa.Column("responded_by", sa.String(100), nullable=True))
    if op.get_bind().dialect.name == "postgresql":
        _id_columns(sa.Integer(), sa.BigInteger(), "bigint")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _id_columns(sa.BigInteger(), sa.Integer(), "integer")
    op.drop_column("escalation_case", "responded_by")
    for table in reversed(VERSIONED):
        op.drop_column(table, "version")
