"""Tables of the store, the same on SQLite and PostgreSQL (ids aside: RECORD_ID).

The schema itself is created and changed only by the Alembic migrations next to this
file; these mappings must match them (tests/domain/store/test_opening.py compares the two).
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    Time,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


# A record's id and every column that refers to one: 64-bit, as the domain's ids are
# (domain/errors.py MAX_RECORD_ID). PostgreSQL's `integer` is 32-bit, so there it is
# `bigint`; SQLite's INTEGER is 64-bit already, and a primary key must be spelled exactly
# INTEGER there to be the rowid's alias (migration 0008).
RECORD_ID = Integer().with_variant(BigInteger(), "postgresql")

# Shared records carry a version number: it goes up by one with every change someone
# makes, and a save says which version it was opened at (docs/concurrent-editing.md,
# migration 0008). SQLAlchemy's version counter checks it on every ORM flush; the
# repositories' UPDATE and DELETE statements, which the ORM does not check, check and
# bump it themselves.
_FIRST_VERSION = text("1")
# Who made a shared record's last change and when (migration 0009): '' and NULL for rows
# written before anyone recorded it.
_NOBODY = text("''")


class ReferenceDatasetRow(Base):
    """Which version of each bundled reference file the store holds, and its source."""

    __tablename__ = "reference_dataset"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(200))
    source: Mapped[str] = mapped_column(Text)
    checked: Mapped[dt.date] = mapped_column(Date)
    reviewed_from: Mapped[int | None] = mapped_column(Integer)
    reviewed_to: Mapped[int | None] = mapped_column(Integer)
    loaded_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class DeskRow(Base):
    __tablename__ = "desk"

    country: Mapped[str] = mapped_column(String(2), primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    timezone: Mapped[str] = mapped_column(String(64))
    phone: Mapped[str] = mapped_column(String(32))
    email: Mapped[str] = mapped_column(String(254))
    clause: Mapped[str] = mapped_column(Text)
    closed_day_rules: Mapped[dict] = mapped_column(JSON)
    closed_days_note: Mapped[str] = mapped_column(Text, default="")


class DeskHoursRow(Base):
    """A desk's reference hours for one weekday (Monday=0); no row = closed that day."""

    __tablename__ = "desk_hours"

    country: Mapped[str] = mapped_column(ForeignKey("desk.country", ondelete="CASCADE"), primary_key=True)
    weekday: Mapped[int] = mapped_column(Integer, primary_key=True)
    opens: Mapped[dt.time] = mapped_column(Time)
    closes: Mapped[dt.time] = mapped_column(Time)


class DeskOverrideRow(Base):
    """An administrator's override; kept apart from the reference rows so a newer
    reference file never overwrites it, and so the app can show its origin."""

    __tablename__ = "desk_override"

    id: Mapped[int] = mapped_column(RECORD_ID, primary_key=True, autoincrement=True)
    country: Mapped[str] = mapped_column(ForeignKey("desk.country", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    weekday: Mapped[int | None] = mapped_column(Integer)
    on_date: Mapped[dt.date | None] = mapped_column(Date)
    opens: Mapped[dt.time | None] = mapped_column(Time)
    closes: Mapped[dt.time | None] = mapped_column(Time)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    created_by: Mapped[str] = mapped_column(String(80), default="")


# --- the customer register (migration 0003) ---------------------------------------------

_NOW = text("CURRENT_TIMESTAMP")  # stamped by the database: the domain never reads the clock


class CustomerRow(Base):
    __tablename__ = "customer"
    __table_args__ = (
        UniqueConstraint("external_id", name="uq_customer_external_id"),
        Index("ix_customer_name", "name"),
    )

    id: Mapped[int] = mapped_column(RECORD_ID, primary_key=True, autoincrement=True)
    external_id: Mapped[str | None] = mapped_column(String(80))  # the reseller portal's id
    name: Mapped[str] = mapped_column(String(200))
    org_number: Mapped[str] = mapped_column(String(20))
    country: Mapped[str] = mapped_column(String(2))
    contact: Mapped[str] = mapped_column(String(200))
    phone: Mapped[str] = mapped_column(String(40))
    email: Mapped[str] = mapped_column(String(254))
    offering: Mapped[str] = mapped_column(String(30))
    notes: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=_NOW)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=_NOW)
    version: Mapped[int] = mapped_column(Integer, server_default=_FIRST_VERSION)
    changed_by: Mapped[str] = mapped_column(String(100), default="", server_default=_NOBODY)
    changed_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))

    __mapper_args__ = {"version_id_col": version}


class SubscriptionRow(Base):
    """`next_notice_deadline` is a stored copy of domain.notice.next_notice_deadline(start,
    term, deadline_computed_on), kept so coming deadlines are an indexed range query; a
    copy older than today is recomputed before it is used (domain.services.register)."""

    __tablename__ = "subscription"
    __table_args__ = (
        UniqueConstraint("external_id", name="uq_subscription_external_id"),
        # Covers the coming-deadlines query: it never visits the subscription rows.
        Index("ix_subscription_next_notice_deadline", "next_notice_deadline", "customer_id", "product"),
        Index("ix_subscription_deadline_computed_on", "deadline_computed_on"),
    )

    id: Mapped[int] = mapped_column(RECORD_ID, primary_key=True, autoincrement=True)
    external_id: Mapped[str | None] = mapped_column(String(80))
    customer_id: Mapped[int] = mapped_column(RECORD_ID, ForeignKey("customer.id", ondelete="CASCADE"), index=True)
    product: Mapped[str] = mapped_column(String(200))
    term: Mapped[str] = mapped_column(String(4))  # domain.notice.Term: "payg", "12", "24", "36"
    start_date: Mapped[dt.date] = mapped_column(Date)
    seats: Mapped[int] = mapped_column(Integer)
    end_user_support: Mapped[bool] = mapped_column(Boolean)
    from_reseller: Mapped[bool] = mapped_column(Boolean)
    next_notice_deadline: Mapped[dt.date | None] = mapped_column(Date)  # None: pay-as-you-go
    deadline_computed_on: Mapped[dt.date] = mapped_column(Date)
    # Not bumped when the stored deadline above is recomputed: a cache, not anyone's change.
    version: Mapped[int] = mapped_column(Integer, server_default=_FIRST_VERSION)
    changed_by: Mapped[str] = mapped_column(String(100), default="", server_default=_NOBODY)
    changed_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))

    __mapper_args__ = {"version_id_col": version}


class ReferenceDocumentRow(Base):
    """A reference file kept whole as JSON (the scope catalogue, the lifecycle list, the
    escalation rules), parsed by the same code as the bundled file (migration 0007)."""

    __tablename__ = "reference_document"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    data: Mapped[dict] = mapped_column(JSON)


class ClosedDaySnapshotRow(Base):
    """The `holidays` library's answers, made by the version `holidays` (migration 0011;
    written and read with the stdlib's sqlite3: domain/store/opening.py, quick_read.py)."""

    __tablename__ = "closed_day_snapshot"

    holidays: Mapped[str] = mapped_column(String(40), primary_key=True)
    data: Mapped[dict] = mapped_column(JSON)


class EscalationCaseRow(Base):
    """A case escalated to Microsoft: its target, due moment and first response."""

    __tablename__ = "escalation_case"
    __table_args__ = (Index("uq_escalation_case_client_key", "client_key", unique=True),)

    id: Mapped[int] = mapped_column(RECORD_ID, primary_key=True, autoincrement=True)
    customer_id: Mapped[int | None] = mapped_column(RECORD_ID, ForeignKey("customer.id", ondelete="SET NULL"),
                                                    index=True)
    customer_name: Mapped[str] = mapped_column(String(200), default="")
    country: Mapped[str] = mapped_column(String(2))
    product: Mapped[str] = mapped_column(String(200))
    severity: Mapped[str] = mapped_column(String(1))
    offering: Mapped[str] = mapped_column(String(30))
    azure: Mapped[bool] = mapped_column(Boolean)
    clock: Mapped[str] = mapped_column(String(20))
    target_minutes: Mapped[int] = mapped_column(Integer)
    opened: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    due: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), index=True)
    responded: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    note: Mapped[str] = mapped_column(Text, default="")
    responded_by: Mapped[str | None] = mapped_column(String(100))  # the agent; None before 0008
    version: Mapped[int] = mapped_column(Integer, server_default=_FIRST_VERSION)
    changed_by: Mapped[str] = mapped_column(String(100), default="", server_default=_NOBODY)
    changed_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    opened_by: Mapped[str] = mapped_column(String(100), default="", server_default=_NOBODY)
    # The outbox item this case was sent from (migration 0009): a resend finds it.
    client_key: Mapped[str | None] = mapped_column(String(36))
    # Closed or cancelled, why, by whom and when (migration 0010, domain.cases.CaseStatus).
    status: Mapped[str] = mapped_column(String(10), default="open", server_default=text("'open'"))
    end_reason: Mapped[str] = mapped_column(String(500), default="", server_default=_NOBODY)
    ended_by: Mapped[str] = mapped_column(String(100), default="", server_default=_NOBODY)
    ended_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))

    __mapper_args__ = {"version_id_col": version}


class JournalEntryRow(Base):
    """One entry of a customer's case journal (domain.journal); personal data, so it goes
    with its customer (ON DELETE CASCADE) and is purged after the retention period."""

    __tablename__ = "journal_entry"
    __table_args__ = (
        # A customer's journal, newest first, is one range of this index.
        Index("ix_journal_entry_customer_id_created", "customer_id", "created"),
        # The outbox item this entry was sent from (migration 0009): a resend finds it.
        Index("uq_journal_entry_client_key", "client_key", unique=True),
    )

    id: Mapped[int] = mapped_column(RECORD_ID, primary_key=True, autoincrement=True)
    customer_id: Mapped[int] = mapped_column(RECORD_ID, ForeignKey("customer.id", ondelete="CASCADE"))
    created: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    agent: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(20))  # domain.journal.JournalKind
    topic: Mapped[str] = mapped_column(String(200))
    verdict: Mapped[str] = mapped_column(String(60))
    note: Mapped[str] = mapped_column(Text)
    summary: Mapped[str] = mapped_column(Text)
    client_key: Mapped[str | None] = mapped_column(String(36))


class OutboxItemRow(Base):
    """What an agent wrote while the team database could not be reached (issue 15), kept
    in the agent's local SQLite file until it is sent; `id` is the order it was written in
    (migration 0009, domain/outbox.py)."""

    __tablename__ = "outbox_item"
    __table_args__ = (Index("uq_outbox_item_client_key", "client_key", unique=True),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    client_key: Mapped[str] = mapped_column(String(36))
    created: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    kind: Mapped[str] = mapped_column(String(30))
    payload: Mapped[dict] = mapped_column(JSON)
    attempts: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    last_error: Mapped[str] = mapped_column(Text, default="", server_default=_NOBODY)
