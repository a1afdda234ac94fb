"""Editing together safely (issue 14) in the register services, on both engines: every
change of a customer or a subscription gets a new version, a save built on an older
version is refused with both versions in hand, and the agent's three answers (take
theirs, merge, overwrite with mine) do what they say."""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from domain.concurrent_edits import EditConflict, RecordKind
from domain.customers import Customer, Offering, Subscription
from domain.errors import ConflictError, InvalidInput
from domain.notice import Term
from domain.services import register
from tests.domain.raw_sql import sql

TODAY = dt.date(2026, 11, 23)
ACME = Customer(name="Östergren Bygg AB", country="SE", org_number="556677-8899", contact="Anna Lindqvist",
                phone="+46 8 123 456 78", email="anna@ostergrenbygg.se", offering=Offering.UNIFIED,
                notes="Ring före lunch.", external_id="CSP-1")


@pytest.fixture
def opened(store):
    """The customer as two agents opened it: both hold version 1."""
    saved = register.save_customer(store, ACME)
    return register.get_customer(store, saved.id).customer


def stored(store, customer_id: int) -> Customer:
    return register.get_customer(store, customer_id).customer


# --- versions --------------------------------------------------------------------------------

def test_a_new_customer_is_version_1_and_every_change_counts_up(store, opened):
    assert opened.version == 1
    changed = register.save_customer(store, dataclasses.replace(opened, phone="+46 31 12 34 56"))
    assert changed.version == 2 == stored(store, opened.id).version
    again = register.save_customer(store, dataclasses.replace(changed, notes="Ring efter lunch."))
    assert again.version == 3 == stored(store, opened.id).version
    assert sql(store, "SELECT version FROM customer") == [(3,)]


def test_an_update_without_a_version_is_a_bug_not_an_overwrite(store, opened):
    with pytest.raises(ValueError):
        register.save_customer(store, dataclasses.replace(opened, phone="+46 31 12 34 56", version=None))
    assert stored(store, opened.id) == opened


# --- the lost update -------------------------------------------------------------------------

def test_the_second_save_on_the_same_version_is_refused_with_both_versions(store, opened):
    anna = dataclasses.replace(opened, phone="+46 31 12 34 56")
    mikko = dataclasses.replace(opened, phone="+46 40 98 76 54", email="it@ostergrenbygg.se")
    register.save_customer(store, anna)
    with pytest.raises(EditConflict) as raised:
        register.save_customer(store, mikko)
    conflict = raised.value
    assert isinstance(conflict, ConflictError)
    assert (conflict.kind, conflict.record_id, conflict.version) == (RecordKind.CUSTOMER, opened.id, 2)
    assert conflict.theirs == anna and conflict.theirs.version == 2
    assert conflict.mine == mikko and not conflict.deleting
    assert conflict.changed_at is not None and conflict.changed_at.tzinfo is not None
    assert str(conflict) == (f"customer {opened.id} was changed by someone else after you opened it (it is now at "
                             "version 2); nothing was saved")
    assert stored(store, opened.id) == anna  # nothing of Mikko's was written


def test_an_explicit_expected_version_wins_over_the_records(store, opened):
    register.save_customer(store, dataclasses.replace(opened, phone="+46 31 12 34 56"))
    with pytest.raises(EditConflict):
        register.save_customer(store, dataclasses.replace(opened, notes="", version=2), expected_version=1)


def test_overwrite_with_mine_goes_against_their_version(store, opened):
    register.save_customer(store, dataclasses.replace(opened, phone="+46 31 12 34 56"))
    mine = dataclasses.replace(opened, phone="+46 40 98 76 54")
    with pytest.raises(EditConflict) as raised:
        register.save_customer(store, mine)
    saved = register.save_customer(store, mine, expected_version=raised.value.version)
    assert saved.version == 3
    assert stored(store, opened.id) == mine


def test_a_third_agents_change_before_the_overwrite_is_detected_again(store, opened):
    register.save_customer(store, dataclasses.replace(opened, phone="+46 31 12 34 56"))
    mine = dataclasses.replace(opened, phone="+46 40 98 76 54")
    with pytest.raises(EditConflict) as first:
        register.save_customer(store, mine)
    third = register.save_customer(store, dataclasses.replace(first.value.theirs, contact="Per Holm"))
    with pytest.raises(EditConflict) as second:
        register.save_customer(store, mine, expected_version=first.value.version)
    assert second.value.theirs == third and second.value.version == 3
    assert stored(store, opened.id).contact == "Per Holm"


def test_merge_keeps_their_change_and_adds_mine_where_they_did_not_touch(store, opened):
    theirs = register.save_customer(store, dataclasses.replace(opened, phone="+46 31 12 34 56", notes="Ny växel."))
    mine = dataclasses.replace(opened, email="it@ostergrenbygg.se", notes="Ring efter lunch.")
    with pytest.raises(EditConflict) as raised:
        register.save_customer(store, mine)
    comparison = raised.value.three_way(opened)
    assert comparison.both_changed == ("notes",)
    assert [d.field for d in comparison.differences] == ["phone", "email", "notes"]
    merged = dataclasses.replace(opened, **comparison.merged())
    register.save_customer(store, merged, expected_version=raised.value.version)
    assert stored(store, opened.id) == dataclasses.replace(opened, phone=theirs.phone, email=mine.email,
                                                           notes=theirs.notes)


def test_the_same_change_by_both_is_no_conflict(store, opened):
    same = dataclasses.replace(opened, phone="+46 31 12 34 56")
    register.save_customer(store, same)
    assert register.save_customer(store, same) == same
    assert stored(store, opened.id).version == 2  # written once


def test_a_customer_deleted_meanwhile_is_not_found(store, opened):
    register.delete_customer(store, opened.id, opened.version)
    with pytest.raises(InvalidInput) as raised:
        register.save_customer(store, dataclasses.replace(opened, phone="+46 31 12 34 56"))
    assert raised.value.field == "customer" and not isinstance(raised.value, EditConflict)


# --- deleting ---------------------------------------------------------------------------------

def test_deleting_a_customer_changed_since_it_was_opened_asks_again(store, opened):
    register.save_customer(store, dataclasses.replace(opened, notes="Ny växel."))
    with pytest.raises(EditConflict) as raised:
        register.delete_customer(store, opened.id, opened.version)
    assert raised.value.deleting and raised.value.mine is None
    assert str(raised.value).endswith("it was not deleted")
    assert stored(store, opened.id).notes == "Ny växel."  # kept
    register.delete_customer(store, opened.id, raised.value.version)  # "delete anyway", against theirs
    with pytest.raises(InvalidInput):
        stored(store, opened.id)


# --- subscriptions ----------------------------------------------------------------------------

def test_subscriptions_carry_versions_and_refuse_a_stale_save_and_delete(store, opened):
    sub = register.save_subscription(store, Subscription("Microsoft 365 E3", Term.MONTHS_12, dt.date(2025, 3, 1),
                                                         seats=10, customer_id=opened.id), TODAY)
    assert sub.version == 1 == register.get_customer(store, opened.id).subscriptions[0].version
    theirs = register.save_subscription(store, dataclasses.replace(sub, seats=12), TODAY)
    assert theirs.version == 2
    mine = dataclasses.replace(sub, seats=15, from_reseller=False)
    with pytest.raises(EditConflict) as raised:
        register.save_subscription(store, mine, TODAY)
    assert (raised.value.kind, raised.value.version, raised.value.theirs) == (RecordKind.SUBSCRIPTION, 2, theirs)
    comparison = raised.value.three_way(sub)
    assert comparison.both_changed == ("seats",)
    assert comparison.merged()["seats"] == 12 and comparison.merged()["from_reseller"] is False
    with pytest.raises(EditConflict) as deleting:
        register.delete_subscription(store, sub.id, sub.version)
    assert deleting.value.deleting
    assert register.get_customer(store, opened.id).subscriptions == (theirs,)
    overwritten = register.save_subscription(store, mine, TODAY, expected_version=raised.value.version)
    assert overwritten.version == 3
    assert register.get_customer(store, opened.id).subscriptions == (mine,)


# --- what counts as a change -------------------------------------------------------------------

def test_an_import_is_a_change_an_agent_with_the_record_open_is_told_of(store, opened):
    sub = register.save_subscription(store, Subscription("Microsoft 365 E3", Term.MONTHS_12, dt.date(2025, 3, 1),
                                                         external_id="SUB-1", customer_id=opened.id), TODAY)
    imported = dataclasses.replace(ACME, phone="+46 8 999 999 99")
    result = register.upsert_records(store, [imported], [("CSP-1", dataclasses.replace(sub, seats=3, id=None))],
                                     TODAY)
    assert (result.customers_updated, result.subscriptions_updated) == (1, 1)
    record = register.get_customer(store, opened.id)
    assert record.customer.version == 2 and record.subscriptions[0].version == 2
    with pytest.raises(EditConflict) as raised:
        register.save_customer(store, dataclasses.replace(opened, notes="Typed before the import"))
    assert raised.value.theirs.phone == "+46 8 999 999 99"
    again = register.upsert_records(store, [imported], [], TODAY)  # the same file again: no change, no version
    assert again.customers_unchanged == 1 and stored(store, opened.id).version == 2


def test_recomputing_a_stored_deadline_is_not_a_change(store, opened):
    sub = register.save_subscription(store, Subscription("Microsoft 365 E3", Term.MONTHS_12, dt.date(2025, 3, 1),
                                                         customer_id=opened.id), TODAY)
    later = TODAY + dt.timedelta(days=400)  # the stored deadline has passed: recomputed
    assert register.refresh_deadlines(store, later) == 1
    [back] = register.get_customer(store, opened.id).subscriptions
    assert back.version == 1
    register.save_subscription(store, dataclasses.replace(sub, seats=2), later)  # the agent's copy is still current
