"""The quick reader of reference answers (domain/store/quick_read.py, issue 17): the same
answers as the full store, used only when the file is up to date, and the closed-day
snapshot it answers from: made when the store opens, made again when the `holidays`
library, the desks' rules or the year change, and a question it does not hold asks the
library.

Only a SQLite file is read this way (a team's reference data is its local SQLite copy too;
the team's overrides live on the server, and those answers open the team store as before)."""
from __future__ import annotations

import datetime as dt
import json
import sqlite3
from contextlib import closing, contextmanager

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from domain import closed_days
from domain.desks import COUNTRIES, DayHours, OverrideKind
from domain.services import escalation, lifecycle, scope
from domain.services.hours import (
    HoursAnswerer,
    add_override,
    load_policies,
    new_override,
    quick_hours_answerer,
    status_as_dict,
)
from domain.store import open_store
from domain.store.quick_read import open_quick
from tests.conftest import MONDAY_NOON
from tests.domain.raw_sql import sql
from tests.domain.store.old_revisions import at_revision, released_revisions

LANGUAGES = ("en", "sv", "nb", "da", "fi")


@contextmanager
def library_only():
    """Answers from the `holidays` library itself, whatever snapshot a quick reader made
    the process's: the reference the quick answers are held to."""
    previous = closed_days.use_library_snapshot(None)
    try:
        yield
    finally:
        closed_days.use_library_snapshot(previous)


def snapshot_of(path) -> dict | None:
    rows = sql(path, "SELECT holidays, data FROM closed_day_snapshot")
    assert len(rows) <= 1 and all(json.loads(data)["holidays"] == version for version, data in rows)
    return json.loads(rows[0][1]) if rows else None


def set_snapshot(path, snapshot: dict) -> None:
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute("UPDATE closed_day_snapshot SET holidays = ?, data = ?",
                           (snapshot["holidays"], json.dumps(snapshot)))


@pytest.fixture(scope="module")
def both_answerers(tmp_path_factory, reference_bundle):
    """A file with an override of every kind, answered by the full store (from the
    library) and by the quick reader (from its snapshot), in every language."""
    path = tmp_path_factory.mktemp("quick") / "deskguide.sqlite3"
    store = open_store(path, now=MONDAY_NOON, reference=reference_bundle)
    try:
        for kind, values in ((OverrideKind.CLOSED_DATE, {"on_date": dt.date(2026, 12, 28), "note": "Inventory"}),
                             (OverrideKind.SHORTENED_DAY, {"on_date": dt.date(2026, 12, 30),
                                                           "closes": dt.time(12, 0)}),
                             (OverrideKind.WEEKDAY_HOURS, {"weekday": 4, "hours": DayHours(dt.time(9), dt.time(15))})):
            add_override(store, new_override(kind, "SE", now=MONDAY_NOON, by="anna", **values))
        with library_only():
            full = HoursAnswerer(load_policies(store))
    finally:
        store.close()
    quick = quick_hours_answerer(path, MONDAY_NOON)
    assert quick is not None
    return snapshot_of(path), full, quick


@contextmanager
def snapshot_only(snapshot: dict):
    previous = closed_days.use_library_snapshot(snapshot)
    try:
        yield
    finally:
        closed_days.use_library_snapshot(previous)


def answers(answerer: HoursAnswerer, language: str, country: str, moment: dt.datetime, snapshot: dict | None):
    """`answerer`'s answer from the library itself (`snapshot` None) or from `snapshot`."""
    named = answerer.in_language(language)
    with snapshot_only(snapshot) if snapshot is not None else library_only():
        return named.status(country, moment)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(moment=st.datetimes(min_value=dt.datetime(2025, 12, 1), max_value=dt.datetime(2028, 2, 1),
                           timezones=st.sampled_from([dt.timezone.utc, None])),
       country=st.sampled_from(COUNTRIES), language=st.sampled_from(LANGUAGES))
def test_the_quick_reader_answers_as_the_full_store(both_answerers, moment, country, language):
    # 2025 and 2028 are outside the snapshot (2026-2027): there it asks the library.
    snapshot, full, quick = both_answerers
    expected = answers(full, language, country, moment, None)
    got = answers(quick, language, country, moment, snapshot)
    assert got == expected
    assert status_as_dict(got) == status_as_dict(expected)
    assert [str(w.message) for w in got.warnings] == [str(w.message) for w in expected.warnings]


def test_the_quick_reader_reads_the_overrides_and_the_documents_as_the_full_store(store, now):
    """Both engines: a team's reference data is its local file's (domain/store/team.py),
    which the quick reader reads for the scope and lifecycle answers; a file's own
    desks and overrides too."""
    add_override(store, new_override(OverrideKind.CLOSED_DATE, "NO", now=now, by="Ola", note="Flytting",
                                     on_date=dt.date(2026, 12, 4)))
    quick = open_quick(store.path if store.is_sqlite else store.local_store.path, now=now, calendar=True)
    assert quick is not None
    try:
        if store.is_sqlite:
            assert load_policies(quick) == load_policies(store)
        assert scope.load_catalogue(quick) == scope.load_catalogue(store)
        assert lifecycle.load_catalogue(quick) == lifecycle.load_catalogue(store)
        assert escalation.load_rules(quick) == escalation.load_rules(store)
        with pytest.raises(RuntimeError):
            quick.unit_of_work(write=True)
    finally:
        quick.close()


def test_the_store_keeps_the_library_s_answers_for_this_year_and_the_next(sqlite_store, now):
    store = sqlite_store
    snapshot = snapshot_of(store.path)
    assert snapshot["holidays"] == closed_days.library_version() is not None
    assert snapshot["years"] == [now.year, now.year + 1]
    assert set(snapshot["categories"]["SE"]) >= {"public", "de_facto"}
    with library_only():
        christmas = closed_days._library_days("SE", "public", now.year, "sv")[dt.date(now.year, 12, 25)]
    assert snapshot["days"][f"SE|public|{now.year}|sv"][f"{now.year}-12-25"] == christmas == "Juldagen"


def opens_quickly(path, now, calendar=False) -> bool:
    quick = open_quick(path, now=now, calendar=calendar)
    if quick is not None:
        quick.close()
    return quick is not None


def _reopened(store, now):
    store.close()
    open_store(store.path, now=now).close()


@pytest.mark.parametrize("change", ["library", "rules", "year"])
def test_a_snapshot_that_no_longer_fits_is_not_used_and_made_again(sqlite_store, now, change):
    """Another `holidays` version, a desk reading another of the library's categories, or
    a new year: the hours are answered by the full store, which makes the snapshot anew."""
    store = sqlite_store
    when = now
    if change == "library":
        set_snapshot(store.path, {**snapshot_of(store.path), "holidays": "0.1"})
    elif change == "rules":
        sql(store.path, "UPDATE desk SET closed_day_rules = json_set(closed_day_rules, '$.holidays_categories', "
                        "json('[\"public\", \"optional\"]')) WHERE country = 'SE'")
    else:
        when = now.replace(year=now.year + 1)
    assert open_quick(store.path, now=when, calendar=True) is None
    assert opens_quickly(store.path, when)  # the scope and lifecycle answers need no snapshot
    _reopened(store, when)
    remade = snapshot_of(store.path)
    assert remade["holidays"] == closed_days.library_version()
    assert remade["years"] == [when.year, when.year + 1]
    assert "optional" in remade["categories"]["SE"] or change != "rules"
    assert opens_quickly(store.path, when, calendar=True)


def test_a_busy_file_opens_without_waiting_to_remake_the_snapshot(sqlite_store, now):
    store = sqlite_store
    set_snapshot(store.path, {**snapshot_of(store.path), "holidays": "0.1"})
    store.close()
    holder = sqlite3.connect(store.path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        open_store(store.path, now=now).close()  # a plain opening: no write due but the snapshot's
    finally:
        holder.rollback()
        holder.close()
    assert snapshot_of(store.path)["holidays"] == "0.1"  # made at the next opening instead
    open_store(store.path, now=now).close()
    assert snapshot_of(store.path)["holidays"] == closed_days.library_version()


def test_a_snapshot_s_days_are_what_the_quick_answers_say(sqlite_store, now):
    """The snapshot is what answers (not the library behind it): a day it calls closed is
    closed in the quick answer."""
    store = sqlite_store
    snapshot = snapshot_of(store.path)
    snapshot["days"][f"SE|public|{now.year}|en_US"][now.date().isoformat()] = "Snapshot Day"
    set_snapshot(store.path, snapshot)
    answerer = quick_hours_answerer(store.path, now)
    try:
        status = answerer.status("SE", now)
        assert not status.open and status.closed_reason == "Snapshot Day"
    finally:
        closed_days.use_library_snapshot(None)


def test_a_database_that_is_not_up_to_date_is_left_to_the_full_store(sqlite_store, now, tmp_path):
    store = sqlite_store
    store.close()
    assert open_quick(tmp_path / "missing.sqlite3", now=now) is None
    (tmp_path / "garbage.sqlite3").write_bytes(b"not a database at all" * 100)
    assert open_quick(tmp_path / "garbage.sqlite3", now=now) is None
    older = tmp_path / "older.sqlite3"
    at_revision(older, released_revisions()[-1])
    assert open_quick(older, now=now) is None
    sql(store.path, "UPDATE reference_dataset SET version = version - 1 WHERE name = 'scope'")
    assert open_quick(store.path, now=now) is None  # the full store loads the newer bundled file first
    open_store(store.path, now=now).close()
    assert opens_quickly(store.path, now)
    sql(store.path, "UPDATE alembic_version SET version_num = '9999_future'")
    assert open_quick(store.path, now=now) is None  # refused by the full store, as before


def test_a_database_of_the_previous_revision_is_migrated_then_answers_quickly(tmp_path, now):
    """An agent's file from before this version: the full store migrates it (0011 adds the
    snapshot's table) and makes the snapshot; from then on the answers are quick."""
    path = tmp_path / "previous.sqlite3"
    at_revision(path, released_revisions()[-1])
    open_store(path, now=now).close()  # the reference data of a first opening, as an older app did
    sql(path, "DELETE FROM closed_day_snapshot")
    sql(path, "UPDATE alembic_version SET version_num = ?", released_revisions()[-1])
    sql(path, "DROP TABLE closed_day_snapshot")
    assert not opens_quickly(path, now)
    open_store(path, now=now).close()
    assert snapshot_of(path)["holidays"] == closed_days.library_version()
    assert opens_quickly(path, now, calendar=True)
