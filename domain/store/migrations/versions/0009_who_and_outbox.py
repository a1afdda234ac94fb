"""Working live as a team (issue 15): who changed a shared record and when, who opened a
case, an idempotency key on what an agent's outbox sends, and the outbox itself.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07

`changed_by` / `changed_at` on customers, subscriptions and cases: the database login and
the agent's display name of the last change, and its moment. Rows written before this
revision have no author (`''`) and no moment (NULL): nobody recorded it.
`opened_by` on a case: the agent who opened it (`''` before this revision).

`client_key` on journal entries and cases: the uuid4 an outbox item carries
(docs/team-database.md, "When the server cannot be reached: the outbox"). Unique, so a
resend after a lost commit acknowledgement finds the row instead of writing it twice;
NULL for everything not sent from an outbox (NULLs never collide). A unique index rather
than a constraint: SQLite cannot add a constraint to an existing table without copying it.

`outbox_item`: what an agent wrote while the team database could not be reached, kept in
the agent's local SQLite file (the team store's local companion) until it is sent; the
table exists in every Deskguide database (one schema for both engines) and is used only
there. `id` keeps the order the agent wrote them in.

Transactional on both engines: every step is DDL inside the one upgrade transaction
(domain/store/migrating.py); downgrade drops what upgrade added (SQLite 3.35+ drops a
column in place).
"""
import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

CHANGED = ("customer", "subscription", "escalation_case")
KEYED = ("journal_entry", "escalation_case")


def upgrade() -> None:
    for table in CHANGED:
        op.add_column(table, sa.Column("changed_by", sa.String(100), nullable=False, server_default=sa.text("''")))
        op.add_column(table, sa.Column("changed_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column("escalation_case", sa.Column("opened_by", sa.String(100), nullable=False,
                                               server_default=sa.text("''")))
    for table in KEYED:
        op.add_column(table, sa.Column("client_key", sa.String(36), nullable=True))
        op.create_index(f"uq_{table}_client_key", table, ["client_key"], unique=True)
    op.create_table(
        "outbox_item",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("client_key", sa.String(36), nullable=False),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        sa.Column("kind", sa.String(30), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False, server_default=sa.text("0")),
        sa.Column("last_error", sa.Text(), nullable=False, server_default=sa.text("''")),
    )
    op.create_index("uq_outbox_item_client_key", "outbox_item", ["client_key"], unique=True)


def downgrade() -> None:
    op.drop_index("uq_outbox_item_client_key", table_name="outbox_item")
    op.drop_table("outbox_item")
    for table in reversed(KEYED):
        op.drop_index(f"uq_{table}_client_key", table_name=table)
        op.drop_column(table, "client_key")
    op.drop_column("escalation_case", "opened_by")
    for table in reversed(CHANGED):
        op.drop_column(table, "changed_at")
        op.drop_column(table, "changed_by")
