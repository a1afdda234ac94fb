"""The Microsoft product lifecycle list: products with their phase dates, and what each
phase allows, loaded from resources/reference/lifecycle.toml.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "lifecycle_product",
        sa.Column("id", sa.String(60), primary_key=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("family", sa.String(40), nullable=False),
        sa.Column("policy", sa.String(10), nullable=False),
        sa.Column("start", sa.Date(), nullable=True),
        sa.Column("mainstream_end", sa.Date(), nullable=True),
        sa.Column("extended_end", sa.Date(), nullable=True),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("checked", sa.Date(), nullable=False),
        sa.Column("confidence", sa.String(40), nullable=False),
        sa.Column("aliases", sa.JSON(), nullable=False),
        sa.Column("notes", sa.JSON(), nullable=False),
        sa.Column("confirmed_in", sa.JSON(), nullable=False),
    )
    op.create_table(
        "lifecycle_rule",
        sa.Column("kind", sa.String(20), primary_key=True),  # "phase", "policy"
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("data", sa.JSON(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("lifecycle_rule")
    op.drop_table("lifecycle_product")
