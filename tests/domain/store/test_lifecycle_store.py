"""The lifecycle list in the store: loaded at start, read back whole, replaced by a newer bundle."""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from alembic import command

from domain.errors import ReferenceDataError, StoreError
from domain.lifecycle import Phase, UnknownProduct
from domain.lifecycle_data import load_lifecycle
from domain.reference_bundle import ReferenceBundle, ReferenceFile
from domain.services import lifecycle
from domain.store.database import _alembic_config, head_revision, table_names
from tests.domain.raw_sql import document, reopen, replace_document, sql
from tests.domain.reference_bundles import bundle_with, bundled_data, stored_version

LATER = dt.datetime(2027, 10, 1, 9, 0, tzinfo=dt.timezone.utc)
TODAY = dt.date(2026, 11, 22)
BUNDLED_DATASET, BUNDLED = load_lifecycle()


def catalogue_in(path, reference: ReferenceBundle | None = None):
    store = reopen(path, now=LATER, reference=reference)
    try:
        return lifecycle.load_catalogue(store)
    finally:
        store.close()


def changed_file(version_step: int) -> ReferenceFile:
    """The bundled list `version_step` versions later: Microsoft moved Windows Server 2022's
    end of extended support, and a new product came out."""
    data = bundled_data("lifecycle")
    server = next(product for product in data["product"] if product["id"] == "windows-server-2022")
    server["extended_end"] = dt.date(2032, 10, 12)
    data["product"].append({**server, "id": "windows-server-2028", "name": "Windows Server 2028",
                            "aliases": ["server 2028"], "start": dt.date(2027, 9, 14),
                            "mainstream_end": dt.date(2032, 10, 12), "extended_end": dt.date(2037, 10, 13)})
    data["dataset"]["version"] += version_step
    data["dataset"]["checked"] = dt.date(2027, 9, 20)
    return ReferenceFile.lifecycle(data)


def changed_bundle(version_step: int):
    file = changed_file(version_step)
    return file.dataset, file.content


def test_opening_the_store_loads_the_bundled_list_whole(store):
    loaded = lifecycle.load_catalogue(store)
    assert loaded == BUNDLED
    assert list(loaded.products) == list(BUNDLED.products)  # the file's order
    assert stored_version(store, "lifecycle") == BUNDLED_DATASET.version


def test_null_dates_and_lists_come_back_as_they_went_in(store, isolated_data):
    # As in the TOML file, a date that does not exist is a key left out.
    products = {entry["id"]: entry for entry in document(store, "lifecycle")["product"]}
    assert "extended_end" not in products["windows-10-22h2"]  # modern: no extended phase
    assert not {"extended_end", "mainstream_end"} & set(products["microsoft-365-apps"])  # no end announced
    loaded = lifecycle.load_catalogue(store).products
    assert loaded["windows-server-2019"].aliases == BUNDLED.products["windows-server-2019"].aliases
    assert loaded["windows-10-22h2"].notes == BUNDLED.products["windows-10-22h2"].notes


def test_answers_from_the_store_are_the_answers_from_the_bundle(store):
    from domain.lifecycle import check

    for text in ("Server 2019", "Exchange 2016", "Windows 10", "Office 365", "Windows 11 24H2 Pro"):
        assert lifecycle.check(store, text, TODAY) == check(BUNDLED, text, TODAY)


def test_a_newer_bundle_replaces_the_list(store, isolated_data):
    store.close()
    dataset, newer = changed_bundle(+1)
    assert catalogue_in(store, bundle_with(lifecycle=changed_file(+1))) == newer
    store = reopen(store, now=LATER)
    try:
        assert lifecycle.check(store, "Server 2028", dt.date(2027, 10, 1)).phase is Phase.MAINSTREAM
        assert lifecycle.check(store, "Server 2022", dt.date(2031, 10, 15)).phase is Phase.EXTENDED
        assert stored_version(store, "lifecycle") == dataset.version
    finally:
        store.close()
    assert sql(store, "SELECT loaded_at FROM reference_dataset WHERE name = 'lifecycle'")[0][0].startswith(
        "2027-10-01")


@pytest.mark.parametrize("version_step", [0, -1])
def test_an_older_or_equal_bundle_does_not_replace_the_list(store, isolated_data, version_step):
    store.close()
    assert catalogue_in(store, bundle_with(lifecycle=changed_file(version_step))) == BUNDLED
    assert sql(store, "SELECT version FROM reference_dataset WHERE name = 'lifecycle'") == [
        (BUNDLED_DATASET.version,)]


def test_a_store_with_a_newer_list_keeps_it_when_the_app_bundles_an_older_one(store, isolated_data):
    store.close()
    sql(store, "UPDATE reference_dataset SET version = 99 WHERE name = 'lifecycle'")
    stored = document(store, "lifecycle")
    next(p for p in stored["product"] if p["id"] == "windows-server-2019")["extended_end"] = "2030-01-08"
    replace_document(store, "lifecycle", stored)
    assert catalogue_in(store).products["windows-server-2019"].extended_end == dt.date(2030, 1, 8)


def test_a_broken_newer_bundle_leaves_the_old_list_whole(store, isolated_data):
    store.close()
    newer = changed_file(+1)
    # Its version cannot be recorded (no title), after the list was written: that must be undone.
    broken = dataclasses.replace(newer, dataset=dataclasses.replace(newer.dataset, title=None))
    with pytest.raises(StoreError):
        reopen(store, now=LATER, reference=bundle_with(lifecycle=broken))
    assert catalogue_in(store) == BUNDLED
    assert sql(store, "SELECT version FROM reference_dataset WHERE name = 'lifecycle'") == [
        (BUNDLED_DATASET.version,)]


def test_a_malformed_bundle_is_refused_before_the_store_changes(store, isolated_data):
    store.close()
    data = bundled_data("lifecycle")
    data["dataset"]["version"] += 1
    office = next(product for product in data["product"] if product["id"] == "office-2016")
    office["extended_ned"] = office.pop("extended_end")
    with pytest.raises(ReferenceDataError, match="extended_ned"):
        reopen(store, now=LATER, reference=bundle_with(lifecycle=ReferenceFile.lifecycle(data)))
    assert catalogue_in(store) == BUNDLED


def test_the_service_checks_a_question_against_the_bundle_without_a_store(isolated_data):
    assert lifecycle.check_question("Server 2019", TODAY).id == "windows-server-2019"
    with pytest.raises(UnknownProduct):
        lifecycle.check_question("SQL Server 2019", TODAY, product_field="--product")
    assert not isolated_data.exists()


def test_answer_as_dict_is_the_json_contract(store):
    payload = lifecycle.answer_as_dict(lifecycle.check(store, "Office 2019", dt.date(2024, 5, 1)))
    assert payload["product"] == "Office 2019" and payload["phase"] == "extended"
    assert (payload["mainstream_end"], payload["extended_end"]) == ("2023-10-10", "2025-10-14")
    assert payload["source"] == "https://learn.microsoft.com/lifecycle/products/microsoft-office-2019"
    assert payload["matched_from"] == "Office 2019" and payload["warning"] is None


def test_migration_0004_goes_down_to_0003_and_up_again(store, isolated_data):
    with store.engine.begin() as connection:
        command.downgrade(_alembic_config(connection), "0003")
    assert store.schema_revision() == "0003"
    tables = set(table_names(store))
    assert not {"lifecycle_product", "lifecycle_rule"} & tables
    assert {"desk", "scope_topic", "customer"} <= tables  # the earlier migrations' tables stay
    with store.engine.begin() as connection:
        command.upgrade(_alembic_config(connection), "head")
    assert store.schema_revision() == head_revision()
    # Since 0007 the list is a reference document, reloaded from the bundle on the next open.
    assert not {"lifecycle_product", "lifecycle_rule"} & set(table_names(store))
    store.close()
    assert catalogue_in(store) == BUNDLED
