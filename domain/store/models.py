"""Tables of the store. Dialect-neutral on purpose: a shared PostgreSQL comes later.

The schema itself is created and changed only by the Alembic migrations next to this
file; these mappings must match them (tests/domain/test_store.py compares the two).
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, Date, DateTime, ForeignKey, Integer, String, Text, Time
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


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

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    country: Mapped[str] = mapped_column(ForeignKey("desk.country", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    weekday: Mapped[int | None] = mapped_column(Integer)
    on_date: Mapped[dt.date | None] = mapped_column(Date)
    opens: Mapped[dt.time | None] = mapped_column(Time)
    closes: Mapped[dt.time | None] = mapped_column(Time)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    created_by: Mapped[str] = mapped_column(String(80), default="")


class ScopeTopicRow(Base):
    """One topic of the support-scope catalogue (resources/reference/scope.toml)."""

    __tablename__ = "scope_topic"

    id: Mapped[str] = mapped_column(String(60), primary_key=True)
    position: Mapped[int] = mapped_column(Integer)  # the catalogue's order
    verdict: Mapped[str] = mapped_column(String(20))
    clause: Mapped[str] = mapped_column(String(40))
    ref: Mapped[str] = mapped_column(String(60))
    text: Mapped[str] = mapped_column(Text)
    next_step: Mapped[str] = mapped_column(Text)
    condition: Mapped[str | None] = mapped_column(String(40))
    version_rule: Mapped[str | None] = mapped_column(String(40))
    titles: Mapped[dict] = mapped_column(JSON)
    words: Mapped[dict] = mapped_column(JSON)
    alternatives: Mapped[dict] = mapped_column(JSON)


class ScopeRuleRow(Base):
    """A customer-fact rule, a version rule or a "latest version" fact, as JSON."""

    __tablename__ = "scope_rule"

    kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    data: Mapped[dict] = mapped_column(JSON)
