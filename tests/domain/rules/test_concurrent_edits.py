"""The three-way rules of domain/concurrent_edits.py: what differs between what the agent
opened (base), what a colleague stored meanwhile (theirs) and what the agent typed
(mine), and the three answers: take theirs, merge, overwrite with mine."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.concurrent_edits import (
    EDITED_FIELDS,
    AlreadyResponded,
    EditConflict,
    RecordKind,
    Resolution,
    ThreeWay,
    three_way,
    values_of,
)
from domain.customers import Customer, Offering, Subscription
from domain.errors import ConflictError
from domain.notice import Term

FIELDS = ("name", "phone", "email", "notes")
# Few values per field, so that hypothesis often makes two sides change a field alike.
value = st.sampled_from(["", "a", "b", "c"])
record = st.fixed_dictionaries({name: value for name in FIELDS})
OPENED = Customer("Östergren Bygg AB", "SE", "556677-8899", "Anna Lindqvist", "+46 8 123 456 78",
                  "anna@ostergrenbygg.se", Offering.UNIFIED, "Ring före lunch.", id=41, external_id="CSP-1", version=1)


# --- the rules, for any three records -------------------------------------------------------

@given(record, record, record)
def test_take_theirs_is_theirs_and_overwrite_is_mine(base, theirs, mine):
    comparison = ThreeWay(base, theirs, mine)
    assert comparison.resolved(Resolution.TAKE_THEIRS) == theirs
    assert comparison.resolved(Resolution.OVERWRITE) == mine


@given(record, record, record)
def test_merge_takes_mine_only_where_they_did_not_touch(base, theirs, mine):
    merged = ThreeWay(base, theirs, mine).merged()
    for name in FIELDS:
        if theirs[name] != base[name]:
            assert merged[name] == theirs[name]  # their change is never lost in a merge
        else:
            assert merged[name] == mine[name]  # untouched by them: mine, changed or not


@given(record, record, record)
def test_both_changed_names_exactly_the_fields_where_a_merge_drops_my_change(base, theirs, mine):
    comparison = ThreeWay(base, theirs, mine)
    merged = comparison.merged()
    lost = {name for name in FIELDS if mine[name] != base[name] and merged[name] != mine[name]}
    assert set(comparison.both_changed) == lost
    assert all(theirs[name] != mine[name] for name in comparison.both_changed)


@given(record, record, record)
def test_without_fields_both_changed_a_merge_keeps_every_change_of_both(base, theirs, mine):
    comparison = ThreeWay(base, theirs, mine)
    if comparison.both_changed:
        return
    merged = comparison.merged()
    for name in FIELDS:
        changed = {side[name] for side in (theirs, mine) if side[name] != base[name]}
        assert merged[name] == (changed.pop() if changed else base[name])


@given(record, record)
def test_nobody_else_changed_anything_merge_is_mine(base, mine):
    assert ThreeWay(base, dict(base), mine).merged() == mine


@given(record, record)
def test_i_changed_nothing_merge_is_theirs(base, theirs):
    assert ThreeWay(base, theirs, dict(base)).merged() == theirs


@given(record, record, record)
def test_the_differences_shown_are_the_fields_where_theirs_and_mine_differ(base, theirs, mine):
    comparison = ThreeWay(base, theirs, mine)
    assert [d.field for d in comparison.differences] == [n for n in base if theirs[n] != mine[n]]  # in base order
    assert set(comparison.both_changed) <= {d.field for d in comparison.differences}


@given(record, record, record)
def test_merging_again_after_a_merge_changes_nothing(base, theirs, mine):
    """The merged record saved, a second look (its base now theirs) finds nothing new."""
    merged = ThreeWay(base, theirs, mine).merged()
    assert ThreeWay(theirs, merged, merged).merged() == merged


def test_three_records_with_other_fields_are_refused():
    with pytest.raises(ValueError):
        ThreeWay({"name": "a"}, {"name": "a", "phone": ""}, {"name": "a"})


# --- on customers and subscriptions --------------------------------------------------------------

def test_a_customers_edited_fields_leave_out_ids_and_the_version():
    assert tuple(values_of(RecordKind.CUSTOMER, OPENED)) == EDITED_FIELDS[RecordKind.CUSTOMER]
    assert not {"id", "external_id", "version"} & set(EDITED_FIELDS[RecordKind.CUSTOMER])


def test_a_customer_both_changed_keeps_their_phone_in_a_merge():
    theirs = Customer(**{**OPENED.__dict__, "phone": "+46 31 12 34 56", "version": 2})
    mine = Customer(**{**OPENED.__dict__, "phone": "+46 40 98 76 54", "email": "it@ostergrenbygg.se"})
    comparison = three_way(RecordKind.CUSTOMER, OPENED, theirs, mine)
    assert comparison.both_changed == ("phone",)
    assert [(d.field, d.theirs, d.mine, d.both_changed) for d in comparison.differences] == [
        ("phone", "+46 31 12 34 56", "+46 40 98 76 54", True),
        ("email", "anna@ostergrenbygg.se", "it@ostergrenbygg.se", False)]
    assert comparison.merged() == {**values_of(RecordKind.CUSTOMER, OPENED), "phone": "+46 31 12 34 56",
                                   "email": "it@ostergrenbygg.se"}


def test_the_conflict_carries_both_versions_and_says_so():
    theirs = Customer(**{**OPENED.__dict__, "phone": "+46 31 12 34 56", "version": 3})
    mine = Customer(**{**OPENED.__dict__, "notes": "Ring efter lunch."})
    moment = dt.datetime(2026, 11, 23, 10, 2, tzinfo=dt.timezone.utc)
    conflict = EditConflict(RecordKind.CUSTOMER, 41, theirs, mine, changed_at=moment)
    assert isinstance(conflict, ConflictError)
    assert (conflict.version, conflict.deleting, conflict.changed_at) == (3, False, moment)
    assert conflict.message.template.startswith("customer {id} was changed by someone else")
    assert conflict.three_way(OPENED).merged()["phone"] == "+46 31 12 34 56"
    assert conflict.three_way(OPENED).merged()["notes"] == "Ring efter lunch."


def test_a_delete_conflict_compares_theirs_with_what_was_opened():
    opened = Subscription("Microsoft 365 E3", Term.MONTHS_12, dt.date(2025, 3, 1), seats=10, customer_id=41, id=7,
                          version=1)
    theirs = Subscription(**{**opened.__dict__, "seats": 12, "version": 2})
    conflict = EditConflict(RecordKind.SUBSCRIPTION, 7, theirs, None)
    assert conflict.deleting and str(conflict).endswith("it was not deleted")
    assert [(d.field, d.base, d.theirs) for d in conflict.three_way(opened).differences] == [("seats", 10, 12)]


def test_already_responded_says_who_and_when_or_only_when():
    moment = dt.datetime(2026, 11, 23, 10, 2, tzinfo=dt.timezone.utc)
    assert str(AlreadyResponded(3, moment, "Anna Lind")) == (
        "case 3: Anna Lind already marked the first response at 2026-11-23T10:02+00:00; yours was not recorded")
    assert str(AlreadyResponded(3, moment, None)) == (
        "case 3: the first response was already marked at 2026-11-23T10:02+00:00; yours was not recorded")
    assert isinstance(AlreadyResponded(3, moment, None), ConflictError)


def test_the_record_to_write_carries_their_version_and_identity():
    theirs = Customer(**{**OPENED.__dict__, "phone": "+46 31 12 34 56", "version": 4})
    mine = Customer(**{**OPENED.__dict__, "phone": "+46 40 98 76 54", "notes": "Ring efter lunch."})
    conflict = EditConflict(RecordKind.CUSTOMER, 41, theirs, mine)
    merged = conflict.record_for(Resolution.MERGE, OPENED)
    assert (merged.phone, merged.notes, merged.version, merged.id, merged.external_id) == (
        "+46 31 12 34 56", "Ring efter lunch.", 4, 41, "CSP-1")
    overwrite = conflict.record_for(Resolution.OVERWRITE, OPENED)
    assert overwrite == mine and overwrite.version == 4
    assert conflict.record_for(Resolution.TAKE_THEIRS, OPENED) is theirs
    assert EditConflict(RecordKind.CUSTOMER, 41, theirs, None).record_for(Resolution.OVERWRITE, OPENED) is theirs
