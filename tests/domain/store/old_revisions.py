"""Databases as older Deskguides left them: the schema of a released revision, by Alembic,
and the rows those versions wrote (on either engine)."""
from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from alembic import command

from domain.store.database import Store, _alembic_config


def migrate_to(store: Store, revision: str) -> None:
    """The store's schema at `revision`, without the reference data an opening loads."""
    with store.engine.begin() as connection:
        command.upgrade(_alembic_config(connection), revision)


def at_revision(path, revision: str) -> None:
    """The file `path` with its schema at `revision` and no reference data."""
    old = Store.for_file(path)
    try:
        migrate_to(old, revision)
    finally:
        old.close()


def released_revisions() -> list[str]:
    """Every revision an agent's database may be at, oldest first, the newest left out."""
    from domain.store.migrating import revisions

    return revisions()[:-1]


OPENED = dt.datetime(2026, 11, 23, 9, 0)  # UTC, as the store writes moments


def write_records(store: Store) -> set[str]:
    """A customer (41) with a subscription, a journal entry and an open and an answered
    case, written as the revisions before 0008 wrote them (and 0008 itself: its new columns have defaults), into whichever of their tables
    the store's schema has; returns the names of those tables."""
    with store.engine.begin() as connection:
        present = set(sa.inspect(connection).get_table_names())

        def insert(table: str, **values) -> None:
            connection.execute(sa.insert(sa.Table(table, sa.MetaData(), autoload_with=connection)).values(values))

        if "customer" in present:
            insert("customer", id=41, external_id="CSP-41", name="Åkesson Redovisning AB", org_number="",
                   country="SE", contact="Åsa", phone="+46 90 12 34 56", email="", offering="unified",
                   notes="Ring före 10")
            insert("subscription", id=7, external_id="SUB-1", customer_id=41, product="Microsoft 365 E3", term="12",
                   start_date=dt.date(2025, 12, 24), seats=5, end_user_support=True, from_reseller=True,
                   next_notice_deadline=dt.date(2026, 11, 23), deadline_computed_on=dt.date(2026, 11, 23))
        if "escalation_case" in present:
            case = dict(customer_id=41, customer_name="Åkesson Redovisning AB", country="SE",
                        product="Exchange Online", severity="B", offering="unified", azure=False,
                        clock="business_hours", target_minutes=120, opened=OPENED,
                        due=OPENED + dt.timedelta(hours=2), note="Mail flow degraded")
            insert("escalation_case", id=3, responded=None, **case)
            insert("escalation_case", id=4, responded=OPENED + dt.timedelta(minutes=30), **case)
        if "journal_entry" in present:
            insert("journal_entry", id=5, customer_id=41, created=OPENED, agent="Anna Lind", kind="note",
                   topic="Call", verdict="", note="Called back", summary="")
    return present
