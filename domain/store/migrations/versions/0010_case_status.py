"""Cases seen through to the end (issue 16): a case is open, closed or cancelled, with the
reason, who ended it and when.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07

`status`: 'open' (on the worklist), 'closed' or 'cancelled' (domain.cases.CaseStatus);
every case written before this revision is open. `end_reason`, `ended_by`: '' while open;
`ended_at`: NULL while open. The team's agent role already holds UPDATE on the whole
table (domain/store/team.py AGENT_GRANTS), which covers new columns.

Transactional on both engines, as 0009; downgrade drops the columns (closed and cancelled
cases then show as open to the older version: it has no other word for them).
"""
import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

COLUMNS = ("status", "end_reason", "ended_by", "ended_at")


def upgrade() -> None:
    op.add_column("escalation_case", sa.Column("status", sa.String(10), nullable=False,
                                               server_default=sa.text("'open'")))
    op.add_column("escalation_case", sa.Column("end_reason", sa.String(500), nullable=False,
                                               server_default=sa.text("''")))
    op.add_column("escalation_case", sa.Column("ended_by", sa.String(100), nullable=False,
                                               server_default=sa.text("''")))
    op.add_column("escalation_case", sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    for column in reversed(COLUMNS):
        op.drop_column("escalation_case", column)
