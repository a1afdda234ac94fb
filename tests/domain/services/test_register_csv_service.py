"""domain/services/register_csv.py against a real store: all or nothing, idempotent, atomic export."""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from sqlalchemy import text

from domain.customer_csv import COLUMNS, CsvProblems, without_store_ids
from domain.errors import InvalidInput
from domain.services import register_csv
from domain.services.register import UpsertResult, export_records
from domain.services.register_csv import export_csv, import_csv
from domain.store import open_store

DATA = Path(__file__).resolve().parents[2] / "data"
EXAMPLE = DATA / "register-semicolon.csv"


@pytest.fixture
def today(now) -> dt.date:
    return now.date()


def db_rows(store) -> dict[str, list[tuple]]:
    """Every column of every register row, timestamps included: what "changes nothing" means."""
    with store.engine.connect() as connection:
        return {table: [tuple(r) for r in connection.execute(text(f"SELECT * FROM {table} ORDER BY id"))]
                for table in ("customer", "subscription")}


def bare(records) -> list:
    return [without_store_ids(record) for record in records]


def write(tmp_path: Path, name: str, *lines: str) -> Path:
    path = tmp_path / name
    path.write_bytes(("\ufeff" + "\r\n".join((";".join(COLUMNS), *lines)) + "\r\n").encode("utf-8"))
    return path


def test_import_adds_the_customers_and_subscriptions_of_the_file(store, today):
    result = import_csv(store, EXAMPLE, today)

    assert result == UpsertResult(customers_added=4, customers_updated=0, customers_unchanged=0,
                                  subscriptions_added=4, subscriptions_updated=0, subscriptions_unchanged=0)
    records = {r.customer.external_id: r for r in export_records(store)}
    assert records["C-1001"].customer.name == "Åkesson & Söner AB"
    assert [s.external_id for s in records["C-1001"].subscriptions] == ["S-5001", "S-5002"]
    assert records["C-1001"].subscriptions[0].start_date == dt.date(2025, 11, 22)
    assert records["C-1003"].subscriptions == ()
    assert records["C-1003"].customer.notes == "Flere linjer:\nlukket i juli"


def test_importing_the_same_file_twice_changes_no_row(store, today):
    import_csv(store, EXAMPLE, today)
    before = db_rows(store)

    result = import_csv(store, EXAMPLE, today)

    assert result == UpsertResult(0, 0, 4, 0, 0, 4)
    assert db_rows(store) == before


def test_the_comma_version_of_the_same_register_changes_nothing_either(store, today):
    import_csv(store, EXAMPLE, today)
    before = db_rows(store)
    assert import_csv(store, DATA / "register-comma.csv", today) == UpsertResult(0, 0, 4, 0, 0, 4)
    assert db_rows(store) == before


def test_a_changed_file_updates_by_id_and_adds_what_is_new(store, today, tmp_path):
    import_csv(store, EXAMPLE, today)
    text_ = EXAMPLE.read_bytes().decode("utf-8-sig")
    changed = text_.replace(";25;ja;ja", ";30;ja;ja").replace("Kylänpää Oy", "Kylänpää Oyj")
    changed += "C-1005;Nya Kunden AB;;SE;;;;;;S-5005;Microsoft 365 E5;12;01.11.2026;5;ja;ja\r\n"
    path = tmp_path / "changed.csv"
    path.write_bytes(changed.encode("utf-8-sig"))

    result = import_csv(store, path, today)

    assert result == UpsertResult(customers_added=1, customers_updated=1, customers_unchanged=3,
                                  subscriptions_added=1, subscriptions_updated=1, subscriptions_unchanged=3)
    records = {r.customer.external_id: r for r in export_records(store)}
    assert len(records) == 5  # matched by id: no duplicate customers
    assert records["C-1004"].customer.name == "Kylänpää Oyj"
    assert records["C-1001"].subscriptions[0].seats == 30


def test_a_file_with_one_bad_row_among_good_ones_imports_nothing(store, today, tmp_path):
    import_csv(store, EXAMPLE, today)  # the register already holds something that must stay as it is
    before = db_rows(store)
    path = write(tmp_path, "bad.csv",
                 "C-2001;Ny Kund AB;;SE;;;;;;S-6001;Microsoft 365 E3;12;01.01.2026;5;ja;ja",
                 "C-2002;Annan Kund AB;;SE;;;;;;S-6002;Microsoft 365 E3;12;31.02.2026;5;ja;ja",
                 "C-1001;Åkesson & Söner AB;556677-8899;SE;Åsa Öberg;+46 8 123 456 78;asa.oberg@akesson.se;"
                 "unified;Ring före 10, helst;S-5001;Microsoft 365 Business Standard;12;22.11.2025;99;ja;ja")

    with pytest.raises(CsvProblems) as raised:
        import_csv(store, path, today)

    assert [(p.line, p.column) for p in raised.value.problems] == [(3, "start_date")]
    assert db_rows(store) == before


def test_dry_run_counts_what_would_change_and_writes_nothing(store, today):
    before = db_rows(store)
    result = import_csv(store, EXAMPLE, today, dry_run=True)
    assert result == UpsertResult(4, 0, 0, 4, 0, 0)
    assert db_rows(store) == before == {"customer": [], "subscription": []}


def test_export_writes_a_file_that_imports_back_to_the_same_register(store, today, tmp_path, now):
    import_csv(store, EXAMPLE, today)
    exported = tmp_path / "out" / "register.csv"
    exported.parent.mkdir()

    rows = export_csv(store, exported)

    assert rows == 5  # four subscriptions, and one row for the customer without any
    assert exported.read_bytes().startswith(b"\xef\xbb\xbf")
    other = open_store(tmp_path / "other.sqlite3", now=now)
    try:
        assert import_csv(other, exported, today) == UpsertResult(4, 0, 0, 4, 0, 0)
        assert bare(export_records(other)) == bare(export_records(store))
    finally:
        other.close()
    before = db_rows(store)
    assert import_csv(store, exported, today) == UpsertResult(0, 0, 4, 0, 0, 4)  # and into itself: no change
    assert db_rows(store) == before


def test_export_with_commas(store, today, tmp_path):
    import_csv(store, EXAMPLE, today)
    path = tmp_path / "register.csv"
    export_csv(store, path, separator=",")
    assert path.read_bytes().decode("utf-8-sig").startswith(",".join(COLUMNS) + "\r\n")
    assert import_csv(store, path, today) == UpsertResult(0, 0, 4, 0, 0, 4)


def test_an_empty_register_exports_the_header_only(store, tmp_path):
    path = tmp_path / "empty.csv"
    assert export_csv(store, path) == 0
    assert path.read_bytes() == ("\ufeff" + ";".join(COLUMNS) + "\r\n").encode("utf-8")


def test_a_failed_export_leaves_the_old_file_whole_and_no_temporary_file(sqlite_store, today, tmp_path, monkeypatch):
    store = sqlite_store  # SQLite's own (EXPLAIN QUERY PLAN, sqlite_master, its locking, its file)
    import_csv(store, EXAMPLE, today)
    path = tmp_path / "register.csv"
    path.write_bytes(b"yesterday's export")

    def locked(*_):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(register_csv.os, "replace", locked)
    with pytest.raises(InvalidInput, match="cannot be written: permission denied .is the file open in Excel"):
        export_csv(store, path)

    assert path.read_bytes() == b"yesterday's export"
    assert sorted(os.listdir(tmp_path)) == ["data", "register.csv"]


def test_export_into_a_missing_folder_is_bad_input_naming_the_path(store, tmp_path):
    target = tmp_path / "no such folder" / "register.csv"
    with pytest.raises(InvalidInput, match="does not exist") as raised:
        export_csv(store, target)
    assert str(target) in str(raised.value)
    assert not target.parent.exists()


def test_importing_a_file_that_cannot_be_read_names_the_path(store, today, tmp_path):
    missing = tmp_path / "nowhere.csv"
    with pytest.raises(InvalidInput, match="cannot be read: no such file") as raised:
        import_csv(store, missing, today)
    assert str(missing) in str(raised.value)
    with pytest.raises(InvalidInput, match="is a folder"):
        import_csv(store, tmp_path, today)


def test_records_made_in_deskguide_export_and_import_back(store, today, tmp_path, now):
    # Customers and subscriptions added by hand (the GUI) carry no portal id; Deskguide gives
    # them one of its own so an export can be imported back, and a re-import changes nothing.
    from domain.customers import Customer, Subscription
    from domain.notice import Term
    from domain.services.register import save_customer, save_subscription

    customer = save_customer(store, Customer(name="Åkesson & Dotter AB", country="SE", org_number="556036-0793"))
    assert customer.external_id == f"deskguide-customer-{customer.id}"
    subscription = save_subscription(store, Subscription(
        product="Microsoft 365 Business Premium", term=Term.MONTHS_12, start_date=dt.date(2024, 2, 29), seats=12,
        customer_id=customer.id), today)
    assert subscription.external_id == f"deskguide-subscription-{subscription.id}"

    path = tmp_path / "register.csv"
    export_csv(store, path)
    before = db_rows(store)
    result = import_csv(store, path, today)
    assert (result.customers_unchanged, result.subscriptions_unchanged) == (1, 1)
    assert db_rows(store) == before

    other = open_store(tmp_path / "other.sqlite3", now=now)
    try:
        import_csv(other, path, today)
        assert bare(export_records(other)) == bare(export_records(store))
    finally:
        other.close()
