"""A case's first-response clock: met, minutes left, breached, with pinned times."""
from __future__ import annotations

import datetime as dt
from dataclasses import replace
from zoneinfo import ZoneInfo

import pytest

from domain.cases import Case, new_case
from domain.errors import InvalidInput
from domain.escalation_data import load_escalation
from domain.services.escalation import Escalator

UTC = dt.timezone.utc
SE = ZoneInfo("Europe/Stockholm")
OPENED = dt.datetime(2026, 11, 24, 10, 0, tzinfo=SE)
DUE = dt.datetime(2026, 11, 24, 12, 0, tzinfo=SE)  # severity B, 120 business minutes
SECOND = dt.timedelta(seconds=1)


def make_case(**changes) -> Case:
    case = Case(id=None, customer_id=None, customer_name="Kund AB", country="SE", product="Exchange Online",
                severity="B", offering="unified", azure=False, clock="business_hours", target_minutes=120,
                opened=OPENED, due=DUE)
    return replace(case, **changes)


def test_an_open_case_has_no_verdict_yet():
    assert make_case().met is None


def test_responded_exactly_at_the_due_moment_is_met():
    assert make_case(responded=DUE).met is True


def test_one_second_late_is_not_met():
    assert make_case(responded=DUE + SECOND).met is False


def test_responded_early_is_met():
    assert make_case(responded=OPENED + dt.timedelta(minutes=5)).met is True


def test_the_verdict_does_not_depend_on_the_time_zone_the_response_is_written_in():
    assert make_case(responded=DUE.astimezone(UTC)).met is True  # 11:00 UTC is 12:00 in Stockholm
    assert make_case(responded=(DUE + SECOND).astimezone(ZoneInfo("Europe/Helsinki"))).met is False


def test_minutes_left_count_down_to_the_due_moment():
    case = make_case()
    assert case.minutes_left(OPENED) == 120
    assert case.minutes_left(dt.datetime(2026, 11, 24, 11, 59, 30, tzinfo=SE)) == 0.5
    assert case.minutes_left(DUE) == 0
    assert case.minutes_left(DUE.astimezone(UTC)) == 0
    assert case.minutes_left(DUE + dt.timedelta(minutes=15)) == -15  # negative once breached


def test_breached_only_after_the_due_moment_while_open():
    case = make_case()
    assert not case.breached(OPENED)
    assert not case.breached(DUE)  # due at 12:00: a response at 12:00 is still in time
    assert case.breached(DUE + SECOND)


def test_the_countdown_freezes_once_responded():
    case = make_case(responded=dt.datetime(2026, 11, 24, 11, 45, tzinfo=SE))
    for now in (DUE, DUE + dt.timedelta(hours=3), dt.datetime(2027, 1, 1, tzinfo=UTC)):
        assert case.minutes_left(now) == 15
        assert not case.breached(now)


def test_a_late_response_stays_breached_and_frozen():
    case = make_case(responded=DUE + dt.timedelta(minutes=10))
    assert case.met is False
    assert case.minutes_left(DUE + dt.timedelta(days=2)) == -10
    assert case.breached(DUE + dt.timedelta(days=2))


def test_the_verdict_agrees_with_the_countdown_in_the_repeated_autumn_hour():
    # Severity 1, 60 minutes, opened 02:20 summer time on 25 October 2026: due 02:20 winter
    # time. A response at 02:50 summer time came half an hour before the due moment, although
    # its wall-clock time is later.
    opened = dt.datetime(2026, 10, 25, 0, 20, tzinfo=UTC).astimezone(SE)
    due = dt.datetime(2026, 10, 25, 1, 20, tzinfo=UTC).astimezone(SE)
    responded = dt.datetime(2026, 10, 25, 0, 50, tzinfo=UTC).astimezone(SE)
    assert (opened.isoformat(), due.isoformat(), responded.isoformat()) == (
        "2026-10-25T02:20:00+02:00", "2026-10-25T02:20:00+01:00", "2026-10-25T02:50:00+02:00")
    case = make_case(severity="1", clock="24x7", target_minutes=60, opened=opened, due=due, responded=responded)
    assert case.minutes_left(responded) == 30
    assert case.met is True
    assert not case.breached(due + dt.timedelta(hours=1))


# --- a case from an answer ----------------------------------------------------------------------

@pytest.fixture(scope="module")
def escalator(bundled_policies) -> Escalator:
    return Escalator(load_escalation()[1], bundled_policies)


def test_a_new_case_keeps_the_answer_it_was_opened_with(escalator):
    answer = escalator.escalate("B", "unified", dt.datetime(2026, 12, 23, 16, 45), "SE")
    case = new_case(answer, "SE", "  Exchange Online ", customer_name=" Kund AB ", customer_id=7, note=" called ")
    assert case.id is None and case.responded is None and case.met is None
    assert (case.product, case.customer_name, case.customer_id, case.note) == ("Exchange Online", "Kund AB", 7,
                                                                               "called")
    assert (case.severity, case.offering, case.clock, case.target_minutes) == ("B", "unified", "business_hours",
                                                                               120)
    assert case.opened.isoformat() == "2026-12-23T16:45:00+01:00"
    assert case.due.isoformat() == "2026-12-28T10:15:00+01:00"
    # The countdown is real time to the due moment: an hour before it, 60 minutes are left.
    assert case.minutes_left(dt.datetime(2026, 12, 28, 9, 15, tzinfo=SE)) == 60


def test_a_new_case_for_an_azure_component_records_the_azure_time(escalator):
    answer = escalator.escalate("1", "enhanced-response", dt.datetime(2026, 11, 24, 10, 0), "FI", azure=True)
    case = new_case(answer, "FI", "Azure SQL Database")
    assert (case.azure, case.target_minutes, case.clock) == (True, 15, "24x7")
    assert case.due.isoformat() == "2026-11-24T10:15:00+02:00"


@pytest.mark.parametrize(("country", "product", "named"), [
    ("IS", "Exchange Online", "'IS'"),
    ("SE", "   ", "product"),
])
def test_a_new_case_needs_a_desk_country_and_a_product(escalator, country, product, named):
    answer = escalator.escalate("C", "unified", dt.datetime(2026, 11, 24, 10, 0), "SE")
    with pytest.raises(InvalidInput) as error:
        new_case(answer, country, product)
    assert named in str(error.value)
