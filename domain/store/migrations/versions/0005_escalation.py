"""Escalation rules kept as a reference document, and escalation cases with their clock.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22
"""
import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reference_document",
        sa.Column("name", sa.String(40), primary_key=True),
        sa.Column("data", sa.JSON(), nullable=False),
    )
    op.create_table(
        "escalation_case",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("customer_id", sa.Integer(), sa.ForeignKey("customer.id", ondelete="SET NULL"), nullable=True),
        sa.Column("customer_name", sa.String(200), nullable=False),
        sa.Column("country", sa.String(2), nullable=False),
        sa.Column("product", sa.String(200), nullable=False),
        sa.Column("severity", sa.String(1), nullable=False),
        sa.Column("offering", sa.String(30), nullable=False),
        sa.Column("azure", sa.Boolean(), nullable=False),
        sa.Column("clock", sa.String(20), nullable=False),
        sa.Column("target_minutes", sa.Integer(), nullable=False),
        sa.Column("opened", sa.DateTime(timezone=True), nullable=False),
        sa.Column("due", sa.DateTime(timezone=True), nullable=False),
        sa.Column("responded", sa.DateTime(timezone=True), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
    )
    op.create_index("ix_escalation_case_due", "escalation_case", ["due"])
    op.create_index("ix_escalation_case_customer_id", "escalation_case", ["customer_id"])


def downgrade() -> None:
    op.drop_index("ix_escalation_case_customer_id", table_name="escalation_case")
    op.drop_index("ix_escalation_case_due", table_name="escalation_case")
    op.drop_table("escalation_case")
    op.drop_table("reference_document")
