"""The customer register: customers and their subscriptions, with each subscription's
next notice deadline stored so that "coming deadlines" is an indexed range query.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""
import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# Stamped by the database, not the domain (which never reads the clock): standard SQL,
# the same on SQLite and PostgreSQL.
NOW = sa.text("CURRENT_TIMESTAMP")


def upgrade() -> None:
    op.create_table(
        "customer",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("external_id", sa.String(80), nullable=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("org_number", sa.String(20), nullable=False),
        sa.Column("country", sa.String(2), nullable=False),
        sa.Column("contact", sa.String(200), nullable=False),
        sa.Column("phone", sa.String(40), nullable=False),
        sa.Column("email", sa.String(254), nullable=False),
        sa.Column("offering", sa.String(30), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=NOW, nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=NOW, nullable=False),
        sa.UniqueConstraint("external_id", name="uq_customer_external_id"),
    )
    # The register view and the search index read all customers in name order.
    op.create_index("ix_customer_name", "customer", ["name"])
    op.create_table(
        "subscription",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("external_id", sa.String(80), nullable=True),
        sa.Column("customer_id", sa.Integer(), sa.ForeignKey("customer.id", ondelete="CASCADE"), nullable=False),
        sa.Column("product", sa.String(200), nullable=False),
        sa.Column("term", sa.String(4), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("seats", sa.Integer(), nullable=False),
        sa.Column("end_user_support", sa.Boolean(), nullable=False),
        sa.Column("from_reseller", sa.Boolean(), nullable=False),
        sa.Column("next_notice_deadline", sa.Date(), nullable=True),
        sa.Column("deadline_computed_on", sa.Date(), nullable=False),
        sa.UniqueConstraint("external_id", name="uq_subscription_external_id"),
    )
    op.create_index("ix_subscription_customer_id", "subscription", ["customer_id"])
    # Coming deadlines: a range on the deadline, read in deadline order; the customer id
    # and the product ride along, so the list never visits the subscription rows.
    op.create_index("ix_subscription_next_notice_deadline", "subscription",
                    ["next_notice_deadline", "customer_id", "product"])
    # Deadlines computed "in the future" (the clock went back): found without a scan.
    op.create_index("ix_subscription_deadline_computed_on", "subscription", ["deadline_computed_on"])


def downgrade() -> None:
    op.drop_index("ix_subscription_deadline_computed_on", table_name="subscription")
    op.drop_index("ix_subscription_next_notice_deadline", table_name="subscription")
    op.drop_index("ix_subscription_customer_id", table_name="subscription")
    op.drop_table("subscription")
    op.drop_index("ix_customer_name", table_name="customer")
    op.drop_table("customer")
