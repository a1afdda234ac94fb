"""The scope catalogue in the store: loaded at start, read back whole, replaced by a newer bundle."""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from domain.errors import ReferenceDataError, StoreError
from domain.reference_bundle import ReferenceBundle, ReferenceFile
from domain.scope import CustomerFacts, Verdict, evaluate
from domain.scope_data import load_scope
from domain.services import scope
from tests.domain.raw_sql import document, reopen, replace_document, sql
from tests.domain.reference_bundles import bundle_with, bundled_data, stored_version

LATER = dt.datetime(2027, 10, 1, 9, 0, tzinfo=dt.timezone.utc)
BUNDLED_DATASET, BUNDLED = load_scope()


def catalogue_in(path, reference: ReferenceBundle | None = None):
    store = reopen(path, now=LATER, reference=reference)
    try:
        return scope.load_catalogue(store)
    finally:
        store.close()


def changed_file(version_step: int) -> ReferenceFile:
    """The bundled scope file `version_step` versions later: macOS 28 is out, and agents
    have a new word for printer trouble."""
    data = bundled_data("scope")
    printing = next(topic for topic in data["topic"] if topic["id"] == "print-problem")
    printing["words"]["sv"].append("skrivarstrul")
    data["latest"] = {"checked": "2027-09-20", "macos": "28"}
    data["dataset"]["version"] += version_step
    return ReferenceFile.scope(data)


def changed_bundle(version_step: int):
    file = changed_file(version_step)
    return file.dataset, file.content


def test_opening_the_store_loads_the_bundled_catalogue_whole(store):
    loaded = scope.load_catalogue(store)
    assert loaded == BUNDLED
    assert list(loaded.topics) == list(BUNDLED.topics)  # the order agents see them in
    assert stored_version(store, "scope") == BUNDLED_DATASET.version


def test_answers_from_the_store_are_the_answers_from_the_bundle(store):
    loaded = scope.load_catalogue(store)
    facts = CustomerFacts(backup=False, version=None)
    for topic in BUNDLED.topics:
        assert evaluate(loaded, topic, facts) == evaluate(BUNDLED, topic, facts)
    assert evaluate(loaded, "os-problem", CustomerFacts(version="macOS 27")).verdict is Verdict.IN_SCOPE


def test_the_search_reads_the_stores_catalogue(store):
    assert scope.search(store, "glömt lösenordet")[0].topic == "password-reset"


def test_a_newer_bundle_replaces_the_catalogue(store, isolated_data):
    store.close()
    dataset, newer = changed_bundle(+1)
    loaded = catalogue_in(store, bundle_with(scope=changed_file(+1)))
    assert loaded == newer
    # The agent notices: macOS 27 is no longer the latest, and the new word finds printing.
    os_answer = evaluate(loaded, "os-problem", CustomerFacts(version="macOS 27"))
    assert os_answer.verdict is Verdict.OUT_OF_SCOPE and "2027-09-20" in os_answer.reasons[0].text
    store = reopen(store, now=LATER)
    try:
        assert scope.search(store, "skrivarstrul")[0].topic == "print-problem"
        assert stored_version(store, "scope") == dataset.version
    finally:
        store.close()
    assert sql(store, "SELECT loaded_at FROM reference_dataset WHERE name = 'scope'")[0][0].startswith(
        "2027-10-01")


@pytest.mark.parametrize("version_step", [0, -1])
def test_an_older_or_equal_bundle_does_not_replace_the_catalogue(store, isolated_data, version_step):
    store.close()
    assert catalogue_in(store, bundle_with(scope=changed_file(version_step))) == BUNDLED
    assert sql(store, "SELECT version FROM reference_dataset WHERE name = 'scope'") == [
        (BUNDLED_DATASET.version,)]


def test_a_store_with_a_newer_catalogue_keeps_it_when_the_app_bundles_an_older_one(store, isolated_data):
    store.close()
    sql(store, "UPDATE reference_dataset SET version = 99 WHERE name = 'scope'")
    stored = document(store, "scope")
    next(t for t in stored["topic"] if t["id"] == "print-problem")["verdict"] = "out_of_scope"
    replace_document(store, "scope", stored)
    loaded = catalogue_in(store)
    assert loaded.topics["print-problem"].outcome.verdict is Verdict.OUT_OF_SCOPE
    assert sql(store, "SELECT version FROM reference_dataset WHERE name = 'scope'") == [(99,)]


def test_a_broken_newer_bundle_leaves_the_old_catalogue_whole(store, isolated_data):
    store.close()
    newer = changed_file(+1)
    # Its version cannot be recorded (no title), after the catalogue was written: that must be undone.
    broken = dataclasses.replace(newer, dataset=dataclasses.replace(newer.dataset, title=None))
    with pytest.raises(StoreError):
        reopen(store, now=LATER, reference=bundle_with(scope=broken))
    assert catalogue_in(store) == BUNDLED
    assert sql(store, "SELECT version FROM reference_dataset WHERE name = 'scope'") == [
        (BUNDLED_DATASET.version,)]


def test_a_malformed_bundle_is_refused_before_the_store_changes(store, isolated_data):
    store.close()
    data = bundled_data("scope")
    data["dataset"]["version"] += 1
    next(topic for topic in data["topic"] if topic["id"] == "print-problem")["words"]["fi"] = []
    with pytest.raises(ReferenceDataError, match="no search words in 'fi'"):
        reopen(store, now=LATER, reference=bundle_with(scope=ReferenceFile.scope(data)))
    assert catalogue_in(store) == BUNDLED
