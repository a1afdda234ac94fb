"""The case journal: per customer, what the agent answered, when, and a free note.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-24
"""
import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "journal_entry",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        # Personal data: the journal goes with its customer.
        sa.Column("customer_id", sa.Integer(), sa.ForeignKey("customer.id", ondelete="CASCADE"), nullable=False),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        sa.Column("agent", sa.String(100), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("topic", sa.String(200), nullable=False),
        sa.Column("verdict", sa.String(60), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
    )
    # A customer's journal, newest first, is one range of this index.
    op.create_index("ix_journal_entry_customer_id_created", "journal_entry", ["customer_id", "created"])


def downgrade() -> None:
    op.drop_index("ix_journal_entry_customer_id_created", table_name="journal_entry")
    op.drop_table("journal_entry")
