"""The `holidays` library's answers kept in the database (issue 17): a command's first
answer need not import the library (~100 ms: it loads every country).

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-08

`closed_day_snapshot`: one row, keyed by the library version that made it (`holidays`),
its `data` the closed days per country, category, year and language (domain/closed_days.py
`library_snapshot`). Filled by the opening after this upgrade (domain/store/opening.py
`refresh_closed_days`), read by domain/store/quick_read.py. Not reference data: no
dataset version, and a table of its own so that the reference documents stay what the
earlier revisions made them. A team database gets the table too and never fills it
(its reference answers come from the agent's local file). Downgrade drops it.
"""
import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "closed_day_snapshot",
        sa.Column("holidays", sa.String(40), primary_key=True),
        sa.Column("data", sa.JSON(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("closed_day_snapshot")
