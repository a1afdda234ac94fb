"""Migrations with data, on both engines: the scope catalogue and the lifecycle list that
revision 0006 kept in tables come back whole from the reference documents 0007 makes of
them; from every released revision, the register, the cases and the journal arrive at
0008 whole, each record at version 1, ids 64-bit on PostgreSQL too; at 0009 with nobody
recorded as their author, and a client key that lets a resent outbox item in only once."""
from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import asdict

import pytest
import sqlalchemy as sa
from alembic import command

from domain.errors import ConflictError
from domain.lifecycle_data import load_lifecycle
from domain.scope import Verdict
from domain.scope_data import load_scope
from domain.services import escalation, journal, lifecycle, register, scope
from domain.store.database import _alembic_config, head_revision, table_names
from tests.domain.raw_sql import document, reopen
from tests.domain.store.old_revisions import OPENED, migrate_to, released_revisions, write_records

LATER = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.timezone.utc)
OLD_TABLES = {"scope_topic", "scope_rule", "lifecycle_product", "lifecycle_rule"}


def _table(connection, name: str) -> sa.Table:
    # Read from the database itself: the tables as revision 0006 made them (JSON, DATE and all).
    return sa.Table(name, sa.MetaData(), autoload_with=connection)


def _outcome(outcome) -> dict:
    return {**asdict(outcome), "verdict": outcome.verdict.value}


def write_as_0006(connection, scope_dataset, catalogue, lifecycle_dataset, products) -> None:
    """The rows revision 0006 wrote (the repositories of that time, kept here as they were)."""
    for position, topic in enumerate(catalogue.topics.values()):
        outcome = topic.outcome
        connection.execute(sa.insert(_table(connection, "scope_topic")).values(
            id=topic.id, position=position, verdict=outcome.verdict.value, clause=outcome.clause, ref=outcome.ref,
            text=outcome.text, next_step=outcome.next_step, condition=topic.condition,
            version_rule=topic.version_rule, titles=topic.titles, words={k: list(v) for k, v in topic.words.items()},
            alternatives={k: _outcome(v) for k, v in topic.alternatives.items()}))
    rules = _table(connection, "scope_rule")
    for fact_id, outcome in catalogue.facts.items():
        connection.execute(sa.insert(rules).values(kind="fact", id=fact_id, data=_outcome(outcome)))
    for rule in catalogue.version_rules.values():
        connection.execute(sa.insert(rules).values(kind="version", id=rule.id, data=asdict(rule)))
    for product, version in catalogue.latest.items():
        connection.execute(sa.insert(rules).values(kind="latest", id=product, data={
            "version": list(version), "checked": catalogue.latest_checked}))
    for position, product in enumerate(products.products.values()):
        connection.execute(sa.insert(_table(connection, "lifecycle_product")).values(
            id=product.id, position=position, name=product.name, family=product.family,
            policy=product.policy.value, start=product.start, mainstream_end=product.mainstream_end,
            extended_end=product.extended_end, source=product.source, checked=product.checked,
            confidence=product.confidence, aliases=list(product.aliases), notes=list(product.notes),
            confirmed_in=list(product.confirmed_in)))
    lifecycle_rules = _table(connection, "lifecycle_rule")
    for phase, phase_rules in products.phases.items():
        connection.execute(sa.insert(lifecycle_rules).values(kind="phase", id=phase.value, data={
            "title": phase_rules.title, "ref": phase_rules.ref, "allows": [asdict(a) for a in phase_rules.allows],
            "not_allowed": [asdict(a) for a in phase_rules.not_allowed]}))
    connection.execute(sa.insert(lifecycle_rules).values(kind="policy", id="modern",
                                                         data=asdict(products.modern_note)))
    for dataset in (scope_dataset, lifecycle_dataset):
        connection.execute(sa.insert(_table(connection, "reference_dataset")).values(
            name=dataset.name, version=dataset.version, title=dataset.title, source=dataset.source,
            checked=dataset.checked, reviewed_from=dataset.reviewed_from, reviewed_to=dataset.reviewed_to,
            loaded_at=LATER))


def changed_catalogues():
    """The bundled data with changes the bundle does not have, so what comes back after the
    upgrade can only have come from the old tables."""
    scope_dataset, catalogue = load_scope()
    printing = catalogue.topics["print-problem"]
    topics = {**catalogue.topics, "print-problem": dataclasses.replace(
        printing, words={**printing.words, "sv": (*printing.words["sv"], "skrivarstrul")},
        outcome=dataclasses.replace(printing.outcome, verdict=Verdict.OUT_OF_SCOPE))}
    catalogue = dataclasses.replace(catalogue, topics=topics, latest={"macos": (28,), "windows": (11, 2)})
    lifecycle_dataset, products = load_lifecycle()
    server = products.products["windows-server-2019"]
    products = dataclasses.replace(products, products={
        **products.products, "windows-server-2019": dataclasses.replace(server, extended_end=dt.date(2030, 1, 8))})
    return scope_dataset, catalogue, lifecycle_dataset, products


def test_upgrading_from_0006_keeps_the_stored_catalogue_and_list(empty_store):
    old = empty_store
    scope_dataset, catalogue, lifecycle_dataset, products = changed_catalogues()
    with old.engine.begin() as connection:
        command.upgrade(_alembic_config(connection), "0006")
        write_as_0006(connection, scope_dataset, catalogue, lifecycle_dataset, products)
    assert OLD_TABLES <= set(table_names(old))
    old.close()

    store = reopen(old, now=LATER)  # migrates to head, and finds both versions loaded already
    try:
        assert store.schema_revision() == head_revision()
        assert not OLD_TABLES & set(table_names(store))
        assert scope.load_catalogue(store) == catalogue
        assert lifecycle.load_catalogue(store) == products
        assert scope.search(store, "skrivarstrul")[0].topic == "print-problem"
    finally:
        store.close()
    assert document(old, "scope")["dataset"]["version"] == scope_dataset.version


def test_upgrading_an_empty_0006_database_loads_the_bundle(empty_store):
    old = empty_store
    with old.engine.begin() as connection:
        command.upgrade(_alembic_config(connection), "0006")
    old.close()
    store = reopen(old, now=LATER)
    try:
        assert scope.load_catalogue(store) == load_scope()[1]
        assert lifecycle.load_catalogue(store) == load_lifecycle()[1]
    finally:
        store.close()


def test_downgrading_0007_recreates_the_tables_and_the_older_app_reloads_its_bundle(store, isolated_data):
    with store.engine.begin() as connection:
        command.downgrade(_alembic_config(connection), "0006")
    assert OLD_TABLES <= set(table_names(store))
    with store.engine.connect() as connection:
        versions = connection.execute(sa.text("SELECT name FROM reference_dataset ORDER BY name")).scalars().all()
        documents = connection.execute(sa.text("SELECT name FROM reference_document")).scalars().all()
    assert "scope" not in versions and "lifecycle" not in versions  # so 0006's loader fills the tables again
    assert documents == ["escalation"]
    with store.engine.begin() as connection:
        command.upgrade(_alembic_config(connection), "head")
    store.close()
    reopened = reopen(store, now=LATER)
    try:
        assert scope.load_catalogue(reopened) == load_scope()[1]
    finally:
        reopened.close()


# --- 0008: versions, who answered, 64-bit ids ------------------------------------------------

@pytest.mark.parametrize("revision", released_revisions())
def test_upgrading_from_every_released_revision_keeps_the_records_at_version_1(empty_store, revision):
    migrate_to(empty_store, revision)
    tables = write_records(empty_store)
    empty_store.close()

    store = reopen(empty_store, now=LATER)
    try:
        assert store.schema_revision() == head_revision()
        if "customer" in tables:
            record = register.get_customer(store, 41)
            assert (record.customer.name, record.customer.notes, record.customer.version) == (
                "Åkesson Redovisning AB", "Ring före 10", 1)
            assert [(s.id, s.seats, s.version) for s in record.subscriptions] == [(7, 5, 1)]
            # The first change after the upgrade is version 2, built on the 1 every row got.
            changed = register.save_customer(store, dataclasses.replace(record.customer, phone="+46 90 65 43 21"))
            assert changed.version == 2
        if "escalation_case" in tables:
            cases = {case.id: case for case in escalation.list_cases(store)}
            assert {case_id: (case.version, case.responded_by) for case_id, case in cases.items()} == {
                3: (1, None), 4: (1, None)}  # who answered case 4 was never recorded
            assert cases[4].responded == (OPENED + dt.timedelta(minutes=30)).replace(tzinfo=dt.timezone.utc)
            marked = escalation.mark_responded(store, 3, LATER, by="Anna Lind")
            assert (marked.responded_by, marked.version) == ("Anna Lind", 2)
        if "journal_entry" in tables:
            assert [entry.note for entry in journal.journal(store, 41)] == ["Called back"]
    finally:
        store.close()


def test_0008_makes_every_id_64_bit_on_postgresql_and_keeps_sqlites_rowid(empty_store):
    migrate_to(empty_store, "0007")
    write_records(empty_store)
    migrate_to(empty_store, "0008")
    with empty_store.engine.connect() as connection:
        inspector = sa.inspect(connection)
        types = {(table, column["name"]): column["type"] for table in
                 ("customer", "subscription", "escalation_case", "journal_entry", "desk_override")
                 for column in inspector.get_columns(table) if column["name"] in ("id", "customer_id")}
        assert len(types) == 8
        assert {str(kind) for kind in types.values()} == {"INTEGER" if empty_store.is_sqlite else "BIGINT"}
        if empty_store.is_sqlite:  # INTEGER PRIMARY KEY: the rowid itself
            assert "INTEGER NOT NULL" in connection.exec_driver_sql(
                "SELECT sql FROM sqlite_master WHERE name = 'customer'").scalar()
        else:
            assert connection.exec_driver_sql(
                "SELECT data_type FROM information_schema.sequences WHERE sequence_name = 'customer_id_seq'"
            ).scalar() == "bigint"
        assert connection.exec_driver_sql("SELECT id, version FROM customer").all() == [(41, 1)]


def _with_records_down(store, revision: str, to: str) -> None:
    """The records written at `revision`, then the schema downgraded to `to`."""
    migrate_to(store, revision)
    write_records(store)
    with store.engine.begin() as connection:
        command.downgrade(_alembic_config(connection), to)


def test_downgrading_0008_drops_the_versions_and_keeps_the_rows(empty_store):
    _with_records_down(empty_store, "0008", "0007")
    with empty_store.engine.connect() as connection:
        columns = {column["name"] for column in sa.inspect(connection).get_columns("escalation_case")}
        assert not {"version", "responded_by"} & columns
        assert connection.exec_driver_sql("SELECT count(*) FROM subscription").scalar() == 1  # no cascade
        assert connection.exec_driver_sql("SELECT name FROM customer").scalar() == "Åkesson Redovisning AB"
    migrate_to(empty_store, "head")


# --- 0009: who changed what, the outbox's keys and table ------------------------------------

@pytest.mark.parametrize("revision", released_revisions())
def test_upgrading_to_0009_keeps_the_records_with_nobody_recorded_as_their_author(empty_store, revision):
    migrate_to(empty_store, revision)
    tables = write_records(empty_store)
    migrate_to(empty_store, "0009")
    with empty_store.engine.connect() as connection:
        if "customer" in tables:
            assert connection.exec_driver_sql(
                "SELECT name, changed_by, changed_at FROM customer").all() == [("Åkesson Redovisning AB", "", None)]
            assert connection.exec_driver_sql(
                "SELECT seats, changed_by, changed_at FROM subscription").all() == [(5, "", None)]
        if "escalation_case" in tables:
            assert connection.exec_driver_sql(
                "SELECT id, opened_by, changed_by, changed_at, client_key FROM escalation_case ORDER BY id"
            ).all() == [(3, "", "", None, None), (4, "", "", None, None)]
        if "journal_entry" in tables:
            assert connection.exec_driver_sql(
                "SELECT note, client_key FROM journal_entry").all() == [("Called back", None)]
        assert connection.exec_driver_sql("SELECT count(*) FROM outbox_item").scalar() == 0


def test_0009s_client_key_lets_a_resent_entry_in_only_once(empty_store):
    migrate_to(empty_store, "0008")
    write_records(empty_store)
    migrate_to(empty_store, "0009")
    entry = ("INSERT INTO journal_entry (customer_id, created, agent, kind, topic, verdict, note, summary, "
             "client_key) VALUES (41, '2026-12-07 10:00:00', 'Anna', 'note', '', '', 'Sent from the outbox', '', {})")
    with empty_store.engine.begin() as connection:
        connection.exec_driver_sql(entry.format("'6f1c0b1e-0000-4000-8000-000000000001'"))
        connection.exec_driver_sql(entry.format("NULL"))  # written online: no key, and NULLs never collide
        connection.exec_driver_sql(entry.format("NULL"))
    with pytest.raises(ConflictError), empty_store.engine.begin() as connection:
        connection.exec_driver_sql(entry.format("'6f1c0b1e-0000-4000-8000-000000000001'"))
    with empty_store.engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT count(*) FROM journal_entry").scalar() == 4


def test_downgrading_0009_drops_its_columns_and_table_and_keeps_the_rows(empty_store):
    _with_records_down(empty_store, "0009", "0008")
    with empty_store.engine.connect() as connection:
        inspector = sa.inspect(connection)
        assert "outbox_item" not in inspector.get_table_names()
        for table in ("customer", "subscription", "escalation_case", "journal_entry"):
            columns = {column["name"] for column in inspector.get_columns(table)}
            assert not {"changed_by", "changed_at", "opened_by", "client_key"} & columns
        assert connection.exec_driver_sql("SELECT count(*) FROM escalation_case").scalar() == 2
        assert connection.exec_driver_sql("SELECT name FROM customer").scalar() == "Åkesson Redovisning AB"
    migrate_to(empty_store, "head")


# --- 0010: a case is open, closed or cancelled (issue 16) -------------------------------------------

@pytest.mark.parametrize("revision", released_revisions())
def test_upgrading_to_0010_keeps_every_case_open_on_the_worklist(empty_store, revision):
    migrate_to(empty_store, revision)
    tables = write_records(empty_store)
    migrate_to(empty_store, "0010")
    with empty_store.engine.connect() as connection:
        if "escalation_case" in tables:
            assert connection.exec_driver_sql(
                "SELECT id, status, end_reason, ended_by, ended_at FROM escalation_case ORDER BY id"
            ).all() == [(3, "open", "", "", None), (4, "open", "", "", None)]
    if "escalation_case" in tables:
        assert [case.id for case in escalation.list_cases(empty_store)] == [3, 4]


def test_downgrading_0010_drops_the_ending_and_keeps_the_cases(empty_store):
    migrate_to(empty_store, "0010")
    write_records(empty_store)
    with empty_store.engine.begin() as connection:
        connection.exec_driver_sql("UPDATE escalation_case SET status = 'closed', end_reason = 'Solved' WHERE id = 4")
        command.downgrade(_alembic_config(connection), "0009")
    with empty_store.engine.connect() as connection:
        columns = {column["name"] for column in sa.inspect(connection).get_columns("escalation_case")}
        assert not {"status", "end_reason", "ended_by", "ended_at"} & columns
        assert connection.exec_driver_sql("SELECT count(*) FROM escalation_case").scalar() == 2
    migrate_to(empty_store, "head")
