"""Upgrades that cannot lock the agent out: one transaction with the reference data, a
copy made before, and the half-finished states older Deskguides left repaired or named."""
from __future__ import annotations

import dataclasses
import shutil

import pytest

from domain.errors import StoreError
from domain.reference_bundle import ReferenceBundle, ReferenceFile
from domain.store import open_store
from domain.store.database import head_revision, table_names
from domain.store.migrating import backups
from tests.domain.raw_sql import sql
from tests.domain.store.old_revisions import at_revision

CUSTOMER = ("INSERT INTO customer (id, external_id, name, org_number, country, contact, phone, email, offering, "
            "notes) VALUES (41, 'CSP-41', 'Åkesson Redovisning AB', '', 'SE', '', '', '', 'unified', '')")


def broken_bundle() -> ReferenceBundle:
    bundle = ReferenceBundle.bundled()
    data = bundle.desks.content
    desks = tuple(dataclasses.replace(d, phone=None) for d in data.desks)  # NOT NULL refuses them
    broken = dataclasses.replace(data, desks=desks)
    return dataclasses.replace(bundle, desks=ReferenceFile(bundle.desks.data, data.dataset, broken))


def test_a_failed_upgrade_leaves_the_schema_as_it_was(tmp_path, now):
    path = tmp_path / "deskguide.sqlite3"
    at_revision(path, "0002")
    with pytest.raises(StoreError):
        open_store(path, now=now, reference=broken_bundle())  # the reference data fails after the schema
    assert sql(path, "SELECT version_num FROM alembic_version") == [("0002",)]
    assert "customer" not in {row[0] for row in sql(path, "SELECT name FROM sqlite_master")}
    store = open_store(path, now=now)  # and the next start does it all
    try:
        assert store.schema_revision() == head_revision()
    finally:
        store.close()


def test_an_upgrade_first_makes_a_copy_beside_the_database(tmp_path, now):
    path = tmp_path / "deskguide.sqlite3"
    at_revision(path, "0005")
    sql(path, CUSTOMER)
    open_store(path, now=now).close()
    copy = tmp_path / f"deskguide.sqlite3.before-{head_revision()}"
    assert backups(path) == [copy]
    assert sql(copy, "SELECT version_num FROM alembic_version") == [("0005",)]
    assert sql(copy, "SELECT name FROM customer") == [("Åkesson Redovisning AB",)]
    assert sql(copy, "PRAGMA journal_mode") == [("delete",)]  # one file, whole
    assert not list(tmp_path.glob("*.partial"))


def test_no_copy_is_made_at_first_start_or_when_up_to_date(isolated_data, now):
    open_store(isolated_data, now=now).close()
    open_store(isolated_data, now=now).close()
    assert backups(isolated_data) == []


def test_the_two_newest_copies_are_kept(tmp_path, now):
    path = tmp_path / "deskguide.sqlite3"
    at_revision(path, "0006")
    for revision in ("0003", "0004", "0005"):
        shutil.copyfile(path, tmp_path / f"deskguide.sqlite3.before-{revision}")
    (tmp_path / "other.sqlite3.before-0001").write_text("not ours")
    open_store(path, now=now).close()
    assert [p.name for p in backups(path)] == ["deskguide.sqlite3.before-0005",
                                               f"deskguide.sqlite3.before-{head_revision()}"]
    assert (tmp_path / "other.sqlite3.before-0001").exists()


def half_upgraded(path, recorded: str, made: str) -> None:
    """What an older Deskguide left when killed in an upgrade: the tables of `made`
    committed, alembic_version still at `recorded`."""
    at_revision(path, made)
    sql(path, "UPDATE alembic_version SET version_num = ?", recorded)


def test_empty_tables_of_a_half_finished_upgrade_are_dropped_and_the_upgrade_runs(tmp_path, now):
    path = tmp_path / "deskguide.sqlite3"
    half_upgraded(path, "0002", "0004")  # customer, subscription, lifecycle_* made, still "0002"
    store = open_store(path, now=now)
    try:
        assert store.schema_revision() == head_revision()
        assert {"customer", "subscription", "journal_entry"} <= set(table_names(store))
    finally:
        store.close()


def test_a_half_finished_first_start_is_started_again(tmp_path, now):
    path = tmp_path / "deskguide.sqlite3"
    half_upgraded(path, "0001", "0001")
    sql(path, "DELETE FROM alembic_version")  # killed before the first version was written
    store = open_store(path, now=now)
    try:
        assert store.schema_revision() == head_revision()
    finally:
        store.close()


def test_tables_of_a_later_schema_holding_data_are_refused_naming_the_copy_to_restore(tmp_path, now):
    path = tmp_path / "deskguide.sqlite3"
    half_upgraded(path, "0002", "0003")
    sql(path, CUSTOMER)
    with pytest.raises(StoreError) as raised:
        open_store(path, now=now)
    assert "half-upgraded" in str(raised.value) and "customer" in str(raised.value)
    assert "restore it from a backup" in str(raised.value)
    assert sql(path, "SELECT name FROM customer") == [("Åkesson Redovisning AB",)]  # nothing dropped
    assert sql(path, "SELECT version_num FROM alembic_version") == [("0002",)]

    earlier = tmp_path / "deskguide.sqlite3.before-0002"
    at_revision(earlier, "0001")
    with pytest.raises(StoreError) as raised:
        open_store(path, now=now)
    assert str(earlier) in str(raised.value)


def test_tables_that_are_not_deskguides_are_not_dropped(tmp_path, now):
    path = tmp_path / "someone-elses.sqlite3"
    sql(path, "CREATE TABLE recipes (name TEXT)")
    with pytest.raises(StoreError):
        open_store(path, now=now)
    assert sql(path, "SELECT name FROM sqlite_master WHERE type = 'table'") == [("recipes",)]


def test_exact_file_names_with_question_marks_and_percent_signs(tmp_path, now):
    for name in ("q?mark.db", "pct%41.db", "hash#1.db"):
        open_store(tmp_path / name, now=now).close()
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".db") == ["hash#1.db", "pct%41.db",
                                                                                "q?mark.db"]
