"""Migration 0007 on a real SQLite file: the scope catalogue and the lifecycle list that
revision 0006 kept in tables come back whole from the reference documents they become."""
from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import asdict

import sqlalchemy as sa
from alembic import command

from domain.lifecycle_data import load_lifecycle
from domain.scope import Verdict
from domain.scope_data import load_scope
from domain.services import lifecycle, scope
from domain.store.database import _alembic_config, head_revision, table_names
from tests.domain.raw_sql import document, reopen

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
