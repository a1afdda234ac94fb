"""Desks, their weekday hours, administrator overrides and reference-data versions.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reference_dataset",
        sa.Column("name", sa.String(40), primary_key=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("checked", sa.Date(), nullable=False),
        sa.Column("reviewed_from", sa.Integer(), nullable=True),
        sa.Column("reviewed_to", sa.Integer(), nullable=True),
        sa.Column("loaded_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "desk",
        sa.Column("country", sa.String(2), primary_key=True),
        sa.Column("name", sa.String(80), nullable=False),
        sa.Column("timezone", sa.String(64), nullable=False),
        sa.Column("phone", sa.String(32), nullable=False),
        sa.Column("email", sa.String(254), nullable=False),
        sa.Column("clause", sa.Text(), nullable=False),
        sa.Column("closed_day_rules", sa.JSON(), nullable=False),
        sa.Column("closed_days_note", sa.Text(), nullable=False),
    )
    op.create_table(
        "desk_hours",
        sa.Column("country", sa.String(2), sa.ForeignKey("desk.country", ondelete="CASCADE"), primary_key=True),
        sa.Column("weekday", sa.Integer(), primary_key=True),
        sa.Column("opens", sa.Time(), nullable=False),
        sa.Column("closes", sa.Time(), nullable=False),
    )
    op.create_table(
        "desk_override",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("country", sa.String(2), sa.ForeignKey("desk.country", ondelete="CASCADE"), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("weekday", sa.Integer(), nullable=True),
        sa.Column("on_date", sa.Date(), nullable=True),
        sa.Column("opens", sa.Time(), nullable=True),
        sa.Column("closes", sa.Time(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(80), nullable=False),
    )
    op.create_index("ix_desk_override_country", "desk_override", ["country"])


def downgrade() -> None:
    op.drop_index("ix_desk_override_country", table_name="desk_override")
    op.drop_table("desk_override")
    op.drop_table("desk_hours")
    op.drop_table("desk")
    op.drop_table("reference_dataset")
