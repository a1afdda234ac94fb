"""Cancellation notice: period arithmetic, deadlines and what a notice sent today does.

Property tests compare the periods with a deliberately plain reference (month by month,
letting the calendar itself say whether a day exists), across month ends and leap years.
"""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.errors import InvalidInput
from domain.notice import (
    Term,
    anchored_month,
    next_notice_deadline,
    notice_answer,
    notice_as_dict,
    parse_term,
    period,
    period_containing,
    seat_change_end,
)

D = dt.date
DAY = dt.timedelta(days=1)


# --- a plain reference --------------------------------------------------------------

def reference_month_start(start: dt.date, months: int) -> dt.date:
    """Step month by month from the original start; ask the calendar if the day exists."""
    year, month = start.year, start.month
    for _ in range(months):
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    try:
        return dt.date(year, month, start.day)
    except ValueError:  # no such day that month: the 1st of the following month
        return dt.date(year + 1, 1, 1) if month == 12 else dt.date(year, month + 1, 1)


def reference_period_starts(start: dt.date, term_months: int, count: int) -> list[dt.date]:
    return [start] + [reference_month_start(start, term_months + 12 * k) for k in range(count)]


starts = st.dates(min_value=D(2000, 1, 1), max_value=D(2035, 12, 31))
# Month ends and leap days are where the arithmetic breaks: draw them often.
edge_starts = st.builds(
    lambda year, month, day: D(year, month, min(day, 28)) if day <= 28 else reference_month_start(
        D(year, month, 1), 0).replace(day=min(day, [31, 29 if year % 4 == 0 and (year % 100 or year % 400 == 0)
                                                     else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1])),
    st.integers(2000, 2035), st.integers(1, 12), st.sampled_from([1, 28, 29, 30, 31]))
any_start = st.one_of(starts, edge_starts)
fixed_terms = st.sampled_from([Term.MONTHS_12, Term.MONTHS_24, Term.MONTHS_36])


# --- properties -----------------------------------------------------------------------

@given(any_start, fixed_terms)
def test_periods_match_the_reference_and_are_contiguous(start, term):
    expected = reference_period_starts(start, term.months, 12)
    periods = [period(start, term, k) for k in range(12)]
    assert [p.start for p in periods] == expected[:12]
    for current, following in zip(periods, periods[1:]):
        assert current.end + DAY == following.start  # no gap, no overlap
        assert current.start <= current.end
    # The first term lasts its months, every renewal 12 months, whatever the first term was.
    assert reference_month_start(start, term.months) == periods[1].start
    for k in range(1, 11):
        assert periods[k + 1].start == reference_month_start(start, term.months + 12 * k)


@given(any_start, fixed_terms)
def test_the_anchor_day_holds_or_moves_to_the_first(start, term):
    for k in range(1, 10):
        begins = period(start, term, k).start
        if begins.day != start.day:
            # Only when the month lacks the day, and then it is the 1st of the next month.
            assert begins.day == 1 and start.day > 28
            assert (begins - DAY).day < start.day


@given(any_start, fixed_terms, st.integers(0, 15 * 366))
def test_the_period_containing_a_day_contains_it(start, term, offset):
    on = start + dt.timedelta(days=offset)
    found = period_containing(start, term, on)
    assert found.start <= on <= found.end
    # Brute force: walk the periods from the first.
    k = 0
    while period(start, term, k).end < on:
        k += 1
    assert found.index == k


@given(any_start, fixed_terms, st.integers(0, 10 * 366))
def test_a_notice_is_in_time_exactly_until_thirty_days_before_the_end(start, term, offset):
    on = start + dt.timedelta(days=offset)
    answer = notice_answer(start, term, on)
    assert answer.notice_deadline == answer.period.end - dt.timedelta(days=30)
    assert answer.in_time == (on <= answer.notice_deadline)
    following = period(start, term, answer.period.index + 1)
    assert answer.renews_to == following.end
    assert answer.ends_on == (answer.period.end if answer.in_time else following.end)
    # A renewal is always 12 months: it ends the day before the same anchor a year on.
    assert following.start == reference_month_start(start, term.months + 12 * answer.period.index)


@given(any_start, fixed_terms, st.integers(0, 10 * 366))
def test_the_next_deadline_is_the_first_one_still_reachable(start, term, offset):
    on = start + dt.timedelta(days=offset)
    deadline = next_notice_deadline(start, term, on)
    assert deadline >= on
    k = 0
    while period(start, term, k).notice_deadline < on:
        k += 1
    assert deadline == period(start, term, k).notice_deadline


# --- examples an agent would check by hand ----------------------------------------------

def test_the_issues_leap_day_example():
    # 2024-02-29 + 12 months: the first period ends 2025-02-28, the second starts 2025-03-01.
    first, second, third = (period(D(2024, 2, 29), Term.MONTHS_12, k) for k in range(3))
    assert (first.start, first.end) == (D(2024, 2, 29), D(2025, 2, 28))
    assert second.start == D(2025, 3, 1)
    assert second.end == D(2026, 2, 28)
    assert period(D(2024, 2, 29), Term.MONTHS_12, 4).start == D(2028, 2, 29)  # the anchor returns in a leap year


def test_the_31st_never_drifts():
    starts_ = [period(D(2025, 1, 31), Term.MONTHS_12, k).start for k in range(3)]
    assert starts_ == [D(2025, 1, 31), D(2026, 1, 31), D(2027, 1, 31)]
    assert anchored_month(D(2025, 1, 31), 1) == D(2025, 3, 1)
    assert anchored_month(D(2025, 1, 31), 2) == D(2025, 3, 31)  # counted from the start, not chained


def test_a_36_month_deal_renews_for_12_months():
    answer = notice_answer(D(2023, 1, 15), Term.MONTHS_36, D(2026, 11, 22))
    assert (answer.period.start, answer.period.end) == (D(2026, 1, 15), D(2027, 1, 14))
    assert answer.notice_deadline == D(2026, 12, 15)
    assert answer.in_time and answer.ends_on == D(2027, 1, 14)
    assert answer.renews_to == D(2028, 1, 14)


def test_the_deadline_day_itself_is_in_time_and_the_next_day_is_too_late():
    # The period ends 2026-02-28; 30 calendar days earlier is 29 January (January has 31).
    on_time = notice_answer(D(2025, 3, 1), Term.MONTHS_12, D(2026, 1, 29))
    assert on_time.notice_deadline == D(2026, 1, 29) and on_time.in_time
    assert on_time.ends_on == D(2026, 2, 28)
    late = notice_answer(D(2025, 3, 1), Term.MONTHS_12, D(2026, 1, 30))
    assert not late.in_time
    assert late.ends_on == D(2027, 2, 28) == late.renews_to


def test_within_the_first_term_of_24_months():
    answer = notice_answer(D(2025, 6, 1), Term.MONTHS_24, D(2026, 11, 22))
    assert (answer.period.start, answer.period.end) == (D(2025, 6, 1), D(2027, 5, 31))
    assert answer.notice_deadline == D(2027, 5, 1)
    assert answer.renews_to == D(2028, 5, 31)


def test_pay_as_you_go_ends_when_handled_and_has_no_periods():
    answer = notice_answer(D(2025, 6, 1), Term.PAYG, D(2026, 11, 22))
    assert answer.in_time and answer.ends_on == D(2026, 11, 22)
    payload = notice_as_dict(answer)
    assert payload == {
        "term": "payg", "on": "2026-11-22", "period_start": None, "period_end": None, "notice_deadline": None,
        "in_time": True, "ends_on": "2026-11-22", "renews_to": None, "deadline_warning": None,
    }


def test_a_deadline_on_a_closed_day_stays_but_names_the_safe_day():
    closed = {D(2025, 12, 31): "New Year's Eve", D(2025, 12, 27): "weekend", D(2025, 12, 28): "weekend"}
    answer = notice_answer(D(2025, 1, 31), Term.MONTHS_12, D(2025, 11, 22), closed.get)
    assert answer.notice_deadline == D(2025, 12, 31)  # the date stands: calendar days
    assert answer.deadline_warning.reason == "New Year's Eve"
    assert answer.deadline_warning.safe_day == D(2025, 12, 30)
    # Several closed days in a row: the last open day before them all.
    closed.update({D(2025, 12, 30): "Staff day", D(2025, 12, 29): "Staff day"})
    assert notice_answer(D(2025, 1, 31), Term.MONTHS_12, D(2025, 11, 22), closed.get).deadline_warning.safe_day \
        == D(2025, 12, 26)


def test_an_open_deadline_day_has_no_warning():
    assert notice_answer(D(2025, 3, 1), Term.MONTHS_12, D(2026, 1, 2), lambda day: None).deadline_warning is None


def test_a_start_after_the_notice_day_is_refused():
    with pytest.raises(InvalidInput) as raised:
        notice_answer(D(2027, 1, 1), Term.MONTHS_12, D(2026, 11, 22))
    assert "2027-01-01" in str(raised.value)


def test_seats_changed_mid_period_end_with_it():
    assert seat_change_end(D(2024, 2, 29), Term.MONTHS_12, D(2025, 6, 10)) == D(2026, 2, 28)
    assert seat_change_end(D(2024, 2, 29), Term.PAYG, D(2025, 6, 10)) is None


@pytest.mark.parametrize("text, term", [("payg", Term.PAYG), ("PAYG", Term.PAYG), ("pay-as-you-go", Term.PAYG),
                                        ("12", Term.MONTHS_12), ("24", Term.MONTHS_24), ("36m", Term.MONTHS_36)])
def test_terms_are_read_leniently(text, term):
    assert parse_term(text) is term


@pytest.mark.parametrize("text", ["18", "monthly", "", "0"])
def test_other_terms_are_refused(text):
    with pytest.raises(InvalidInput) as raised:
        parse_term(text, "--term")
    assert raised.value.field == "--term"
