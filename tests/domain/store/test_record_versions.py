"""The version column of customers, subscriptions and cases (migration 0008), at the
store's level on both engines: SQLAlchemy's version counter refuses an ORM flush built on
an old version, and the repositories' own UPDATE and DELETE statements check and bump it."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from domain.cases import Case
from domain.customers import Customer
from domain.store.customer_repository import customer_values
from domain.store.models import CustomerRow


@pytest.fixture
def customer_id(store) -> int:
    with store.unit_of_work(write=True) as uow:
        new_id = uow.customers.add(Customer("Östergren Bygg AB", "SE", phone="+46 8 123 456 78"))
        uow.commit()
    return new_id


def test_an_orm_flush_on_an_old_version_is_refused(store, customer_id):
    with Session(store.engine, expire_on_commit=False) as first, Session(store.engine) as second:
        mine = first.get(CustomerRow, customer_id)
        first.commit()  # opened, as a form holds a record: no transaction kept open
        theirs = second.get(CustomerRow, customer_id)
        theirs.phone = "+46 31 12 34 56"
        second.commit()
        assert theirs.version == 2  # the counter bumped it
        mine.phone = "+46 40 98 76 54"
        with pytest.raises(StaleDataError):
            first.flush()
    with store.unit_of_work() as uow:
        assert uow.customers.get(customer_id).phone == "+46 31 12 34 56"


def test_the_repositorys_update_checks_and_bumps_the_version(store, customer_id):
    values = customer_values(Customer("Östergren Bygg AB", "SE", phone="+46 31 12 34 56"))
    with store.unit_of_work(write=True) as uow:
        assert uow.customers.update(customer_id, values, expected_version=1)
        assert not uow.customers.update(customer_id, values, expected_version=1)  # 2 now
        assert not uow.customers.delete(customer_id, expected_version=1)
        assert uow.customers.get(customer_id).version == 2
        uow.commit()


def test_naming_a_new_customer_is_part_of_adding_it(store, customer_id):
    with store.unit_of_work(write=True) as uow:
        uow.customers.set_external_id(customer_id, f"deskguide-customer-{customer_id}")
        uow.commit()
    with store.unit_of_work() as uow:
        assert uow.customers.get(customer_id).version == 1


def test_the_first_response_is_decided_by_the_update_whatever_was_read_before(store):
    """The second agent read the case open, then the first marked it: the second's
    UPDATE changes nothing (the condition is in the statement, not in what was read)."""
    opened = dt.datetime(2026, 11, 24, 9, 0, tzinfo=dt.timezone.utc)
    with store.unit_of_work(write=True) as uow:
        case_id = uow.cases.add(Case(None, None, "", "SE", "Exchange Online", "B", "unified", False,
                                     "business_hours", 120, opened, opened + dt.timedelta(hours=2)))
        uow.commit()
    with store.unit_of_work() as uow:
        assert uow.cases.get(case_id).responded is None  # the second agent's look
    with store.unit_of_work(write=True) as uow:
        assert uow.cases.set_responded(case_id, opened + dt.timedelta(minutes=20), "Anna Lind")
        uow.commit()
    with store.unit_of_work(write=True) as uow:
        assert not uow.cases.set_responded(case_id, opened + dt.timedelta(minutes=21), "Mikko Virtanen")
        uow.commit()
    with store.unit_of_work() as uow:
        case = uow.cases.get(case_id)
    assert (case.responded_by, case.version, case.responded) == ("Anna Lind", 2, opened + dt.timedelta(minutes=20))
