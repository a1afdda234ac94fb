"""The store on a real SQLite file: Alembic schema, reference-data versions, overrides."""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy.exc import IntegrityError

from domain.desks import DayHours, Override, OverrideKind
from domain.errors import ConflictError, InvalidInput, StoreError
from domain.reference_bundle import ReferenceBundle, ReferenceFile
from domain.reference_data import load_desks
from domain.services import hours
from domain.store import open_store
from domain.store.database import _alembic_config, head_revision, table_names
from domain.store.models import Base
from tests.domain.raw_sql import reopen, sql

UTC = dt.timezone.utc
TABLES = {"alembic_version", "desk", "desk_hours", "desk_override", "reference_dataset"}
LATER = dt.datetime(2026, 12, 1, 9, 0, tzinfo=UTC)




def reopen_and_close(store, now=LATER):
    reopen(store, now=now).close()


def newer_bundle(**desk_changes) -> ReferenceBundle:
    """The bundled reference data with the desks one version later, the Swedish desk changed."""
    bundle = ReferenceBundle.bundled()
    data = bundle.desks.content
    desks = tuple(dataclasses.replace(d, **desk_changes) if d.country == "SE" else d for d in data.desks)
    newer = dataclasses.replace(data, dataset=dataclasses.replace(data.dataset, version=data.dataset.version + 1),
                                desks=desks)
    return dataclasses.replace(bundle, desks=ReferenceFile(bundle.desks.data, newer.dataset, newer))


# --- creation and schema ----------------------------------------------------------------

def test_first_open_creates_the_file_migrated_to_head(isolated_data, now):
    assert not isolated_data.exists()
    store = open_store(isolated_data, now=now)
    try:
        assert isolated_data.is_file()
        assert store.schema_revision() == head_revision()
        assert TABLES <= set(table_names(store))
    finally:
        store.close()
    assert sql(store, "SELECT version_num FROM alembic_version") == [(head_revision(),)]
    assert sql(store, "SELECT country FROM desk ORDER BY country") == [("DK",), ("FI",), ("NO",), ("SE",)]
    assert sql(store, "SELECT count(*) FROM desk_hours") == [(20,)]  # five weekdays, four desks
    assert sql(store, "SELECT name, version, reviewed_from, reviewed_to FROM reference_dataset "
                              "WHERE name = 'desks'") == [("desks", load_desks().dataset.version, 2024, 2030)]


def test_the_default_path_comes_from_deskguide_db(isolated_data, now):
    store = open_store(now=now)  # DESKGUIDE_DB points into this test's tmp_path
    store.close()
    assert isolated_data.is_file()


def test_the_alembic_schema_matches_the_models(store):
    with store.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True,
                                                                "compare_server_default": True})
        assert compare_metadata(context, Base.metadata) == []
        # The comparison does see a difference when there is one.
        changed = sa.MetaData()
        for table in Base.metadata.tables.values():
            table.to_metadata(changed)
        changed.tables["desk"].append_column(sa.Column("fax", sa.String(32)))
        assert compare_metadata(context, changed) != []


def test_downgrade_to_base_and_upgrade_again(store, isolated_data, now):
    with store.engine.begin() as connection:
        command.downgrade(_alembic_config(connection), "base")
    assert set(table_names(store)) <= {"alembic_version"}
    assert store.schema_revision() is None
    with store.engine.begin() as connection:
        command.upgrade(_alembic_config(connection), "head")
    assert store.schema_revision() == head_revision()
    assert TABLES <= set(table_names(store))
    store.close()
    reopened = reopen(store, now=now)  # the empty tables are filled again
    try:
        assert set(hours.load_policies(reopened)) == {"SE", "NO", "DK", "FI"}
    finally:
        reopened.close()


def test_the_store_gives_back_the_bundled_policies(answerer, bundled_policies):
    assert answerer.policies == bundled_policies


# --- reference data versions ----------------------------------------------------------------

def test_reopening_does_not_reload_the_same_version(store, isolated_data, now):
    store.close()
    loaded_at = sql(store, "SELECT version, loaded_at FROM reference_dataset WHERE name = 'desks'")
    # A change by hand shows whether the desks are written again.
    sql(store, "UPDATE desk SET phone = '+46000000000' WHERE country = 'SE'")
    reopen_and_close(store)
    assert sql(store, "SELECT version, loaded_at FROM reference_dataset WHERE name = 'desks'") == loaded_at
    assert sql(store, "SELECT phone FROM desk WHERE country = 'SE'") == [("+46000000000",)]


def test_a_newer_bundle_replaces_the_desks_and_keeps_the_overrides(store, isolated_data, now):
    added = hours.add_override(store, hours.new_override(
        OverrideKind.CLOSED_DATE, "SE", now=now, by="anna.admin", note="Office move", on_date=dt.date(2026, 11, 27)))
    store.close()
    bundle = newer_bundle(phone="+46812345678", weekly_hours={
        day: DayHours(dt.time(8), dt.time(16) if day == 4 else dt.time(17)) for day in range(5)})

    reopened = reopen(store, now=LATER, reference=bundle)
    try:
        policies = hours.load_policies(reopened)
        assert policies["SE"].desk.phone == "+46812345678"
        assert policies["SE"].desk.weekly_hours[4] == DayHours(dt.time(8), dt.time(16))
        assert policies["NO"].desk.phone == "+4781503636"
        assert hours.list_overrides(reopened) == [added]
        # The answer uses both: the new Friday hours and the administrator's closure.
        answerer = hours.HoursAnswerer(policies)
        assert answerer.status("SE", dt.datetime(2026, 11, 27, 10, 0)).closed_reason == "Office move"
        friday = answerer.status("SE", dt.datetime(2026, 12, 4, 15, 30))
        assert friday.open and friday.closes_at.hour == 16
    finally:
        reopened.close()
    version, loaded_at = sql(store, "SELECT version, loaded_at FROM reference_dataset WHERE name = 'desks'")[0]
    assert version == bundle.desks.dataset.version
    assert loaded_at.startswith("2026-12-01")


def test_an_older_bundle_does_not_replace_newer_reference_data(store, isolated_data):
    store.close()
    sql(store, "UPDATE reference_dataset SET version = 99 WHERE name = 'desks'")
    sql(store, "UPDATE desk SET phone = '+46000000000' WHERE country = 'SE'")
    reopen_and_close(store)
    assert sql(store, "SELECT version FROM reference_dataset WHERE name = 'desks'") == [(99,)]
    assert sql(store, "SELECT phone FROM desk WHERE country = 'SE'") == [("+46000000000",)]


def test_a_broken_newer_bundle_leaves_the_old_data_whole(store, isolated_data):
    store.close()
    before = sql(store, "SELECT * FROM desk_hours ORDER BY country, weekday")
    with pytest.raises(StoreError):
        reopen(store, now=LATER, reference=newer_bundle(phone=None))  # NOT NULL fails
    # The hours were deleted inside the failed transaction: they must all be back.
    assert sql(store, "SELECT * FROM desk_hours ORDER BY country, weekday") == before
    assert sql(store, "SELECT version FROM reference_dataset WHERE name = 'desks'") == [(load_desks().dataset.version,)]


# --- files that are not ours to touch ----------------------------------------------------

def contents(store) -> dict[str, list[tuple]]:
    return {table: sql(store, f"SELECT * FROM {table} ORDER BY 1") for table in table_names(store)}


def test_a_database_from_a_newer_deskguide_is_refused_and_untouched(store):
    store.close()
    sql(store, "UPDATE alembic_version SET version_num = '9999_future'")
    before = store.path.read_bytes() if store.is_sqlite else contents(store)
    with pytest.raises(StoreError) as raised:
        reopen(store, now=LATER)
    assert "newer Deskguide" in str(raised.value) and "9999_future" in str(raised.value)
    assert (store.path.read_bytes() if store.is_sqlite else contents(store)) == before


def test_a_folder_is_not_a_database(tmp_path, now):
    folder = tmp_path / "a-folder"
    folder.mkdir()
    with pytest.raises(StoreError) as raised:
        open_store(folder, now=now)
    assert "is a folder" in str(raised.value)
    assert list(folder.iterdir()) == []


def test_a_file_that_is_not_a_database_is_a_store_error(tmp_path, now):
    path = tmp_path / "notes.txt"
    path.write_text("Dear helpdesk, this is a letter, not a database. " * 20)
    before = path.read_bytes()
    with pytest.raises(StoreError) as raised:
        open_store(path, now=now)
    assert "notes.txt" in str(raised.value) and "not a database" in str(raised.value)
    assert path.read_bytes() == before


# --- administrator overrides through the services ------------------------------------------

def test_overrides_add_list_remove_roundtrip(store, now):
    created = dt.datetime(2026, 11, 23, 13, 0, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    closed = hours.add_override(store, hours.new_override(
        OverrideKind.CLOSED_DATE, "se", now=created, by=" anna.admin ", note=" Staff party ",
        on_date=dt.date(2026, 12, 18)))
    fridays = hours.add_override(store, hours.new_override(
        OverrideKind.WEEKDAY_HOURS, "NO", now=now, by="ola", weekday=4, hours=None, note="No Friday desk"))
    shortened = hours.add_override(store, hours.new_override(
        OverrideKind.SHORTENED_DAY, "DK", now=now, on_date=dt.date(2026, 12, 23), closes=dt.time(12, 0)))
    assert closed.id is not None and len({closed.id, fridays.id, shortened.id}) == 3

    listed = hours.list_overrides(store)
    assert listed == [closed, fridays, shortened]
    assert hours.list_overrides(store, "SE") == [closed]
    stored = listed[0]
    assert stored.country == "SE" and stored.note == "Staff party" and stored.created_by == "anna.admin"
    assert stored.created_at.tzinfo is not None and stored.created_at == created  # same instant, still aware
    assert "Staff party" in stored.origin() and "anna.admin" in stored.origin()
    assert f"#{stored.id}" in stored.origin()
    assert listed[1].hours is None and listed[1].weekday == 4
    assert listed[2].closes == dt.time(12, 0) and listed[2].hours is None

    as_dict = hours.override_as_dict(listed[0])
    assert as_dict["created_at"] == "2026-11-23T12:00:00+00:00" and as_dict["date"] == "2026-12-18"

    # The answers use what is stored.
    answerer = hours.HoursAnswerer(hours.load_policies(store))
    party = answerer.status("SE", dt.datetime(2026, 12, 18, 10, 0))
    assert not party.open and party.closed_reason == "Staff party" and "anna.admin" in party.origin
    assert not answerer.status("NO", dt.datetime(2026, 11, 27, 10, 0)).open
    assert not answerer.status("DK", dt.datetime(2026, 12, 23, 12, 0)).open
    assert answerer.status("DK", dt.datetime(2026, 12, 23, 11, 59)).open

    assert hours.remove_override(store, closed.id) == closed
    assert hours.list_overrides(store) == [fridays, shortened]
    assert hours.HoursAnswerer(hours.load_policies(store)).status("SE", dt.datetime(2026, 12, 18, 10, 0)).open


def test_removing_an_unknown_override_is_invalid_input(store, now):
    with pytest.raises(InvalidInput) as raised:
        hours.remove_override(store, 4711)
    assert raised.value.field == "id" and "4711" in str(raised.value)
    added = hours.add_override(store, hours.new_override(
        OverrideKind.CLOSED_DATE, "FI", now=now, on_date=dt.date(2026, 12, 7)))
    hours.remove_override(store, added.id)
    with pytest.raises(InvalidInput):
        hours.remove_override(store, added.id)  # not twice


def test_an_incomplete_override_is_refused_before_anything_is_written(store, now):
    with pytest.raises(InvalidInput):
        hours.new_override(OverrideKind.SHORTENED_DAY, "SE", now=now, on_date=dt.date(2026, 12, 23))
    with pytest.raises(InvalidInput):
        hours.new_override(OverrideKind.CLOSED_DATE, "XX", now=now, on_date=dt.date(2026, 12, 23))
    assert hours.list_overrides(store) == []


# --- units of work ------------------------------------------------------------------------

def closed_on(day: dt.date, now: dt.datetime) -> Override:
    return Override(id=None, country="SE", kind=OverrideKind.CLOSED_DATE, note="half", created_at=now,
                    created_by="", on_date=day)


def test_a_failed_unit_of_work_writes_nothing(store, now):
    with pytest.raises(RuntimeError):
        with store.unit_of_work() as uow:
            uow.desks.add_override(closed_on(dt.date(2026, 12, 18), now))  # it reached the database ...
            raise RuntimeError("the worker died")
    assert hours.list_overrides(store) == []  # ... and was rolled back


def test_a_unit_of_work_writes_nothing_unless_committed(store, now):
    with store.unit_of_work() as uow:
        uow.desks.add_override(closed_on(dt.date(2026, 12, 18), now))
        assert len(uow.desks.policies()["SE"].overrides) == 1  # seen inside its own transaction
    assert hours.list_overrides(store) == []
    with store.unit_of_work() as uow:
        uow.desks.add_override(closed_on(dt.date(2026, 12, 18), now))
        uow.commit()
    assert len(hours.list_overrides(store)) == 1


def test_an_override_for_a_desk_that_does_not_exist_is_rolled_back(store, now):
    ghost = Override(id=None, country="IS", kind=OverrideKind.CLOSED_DATE, note="", created_at=now,
                     created_by="", on_date=dt.date(2026, 12, 18))
    with pytest.raises(ConflictError) as raised:  # foreign keys are enforced on SQLite too
        hours.add_override(store, ghost)
    assert isinstance(raised.value.driver_error, IntegrityError)  # the driver's error, translated
    assert "FOREIGN KEY" not in raised.value.message and "INSERT" not in raised.value.message
    assert sql(store, "SELECT count(*) FROM desk_override") == [(0,)]
    assert sql(store, "SELECT count(*) FROM desk_hours") == [(20,)]
    assert sql(store, "SELECT count(*) FROM desk") == [(4,)]
    assert sql(store, "SELECT count(*) FROM reference_dataset WHERE name = 'desks'") == [(1,)]


def test_the_fast_head_check_agrees_with_alembic():
    from domain.store.database import head_revision, head_revision_from_files

    assert head_revision_from_files() == head_revision()


def test_an_up_to_date_database_opens_without_importing_alembic(tmp_path):
    # Alembic costs ~100 ms of every start; it is only needed when a migration is due.
    import subprocess
    import sys

    path = tmp_path / "up-to-date.sqlite3"
    code = (
        "import sys, datetime as dt\n"
        "from domain.store import open_store\n"
        "now = dt.datetime(2026, 11, 23, 12, tzinfo=dt.timezone.utc)\n"
        f"open_store({str(path)!r}, now=now).close()\n"
        "first = 'alembic' in sys.modules\n"
        "for name in [m for m in sys.modules if m.split('.')[0] == 'alembic']: del sys.modules[name]\n"
        f"store = open_store({str(path)!r}, now=now)\n"
        "print(first, 'alembic' in sys.modules, store.schema_revision())\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    created_with_alembic, reopened_with_alembic, revision = result.stdout.split()
    assert created_with_alembic == "True"  # a new database is migrated by Alembic
    assert reopened_with_alembic == "False"
    from domain.store.database import head_revision_from_files

    assert revision == head_revision_from_files()
