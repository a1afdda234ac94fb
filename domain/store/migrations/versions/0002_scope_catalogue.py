"""The support-scope catalogue: topics and rules, loaded from resources/reference/scope.toml.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "scope_topic",
        sa.Column("id", sa.String(60), primary_key=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("verdict", sa.String(20), nullable=False),
        sa.Column("clause", sa.String(40), nullable=False),
        sa.Column("ref", sa.String(60), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("next_step", sa.Text(), nullable=False),
        sa.Column("condition", sa.String(40), nullable=True),
        sa.Column("version_rule", sa.String(40), nullable=True),
        sa.Column("titles", sa.JSON(), nullable=False),
        sa.Column("words", sa.JSON(), nullable=False),
        sa.Column("alternatives", sa.JSON(), nullable=False),
    )
    op.create_table(
        "scope_rule",
        sa.Column("kind", sa.String(20), primary_key=True),  # "fact", "version", "latest"
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("data", sa.JSON(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("scope_rule")
    op.drop_table("scope_topic")
