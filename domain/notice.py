"""Cancellation notice: the current period, the last day notice must arrive, and what
happens if it arrives on a given day.

terms §10 (003:137): written notice "senast 30 dagar innan bindningstidens slut"; if not
cancelled the subscription "förlängs det automatiskt med tolv (12) månaders perioder, med
samma uppsägningstid". terms §2 (003:17): fixed purchases typically run one to three years.
terms §10 (003:139): pay-as-you-go "finns ingen avtalsperiod": it ends as soon as the
reseller has handled the cancellation. (The terms' own cross-reference says "punkt 11";
cancellation is §10, which is what Deskguide cites.)
"""
from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from domain.errors import InvalidInput
from domain.messages import Message

NOTICE_DAYS = 30  # terms §10 (003:137): "senast 30 dagar innan"
RENEWAL_MONTHS = 12  # terms §10 (003:137): "tolv (12) månaders perioder", whatever the first term
CANCEL_EMAIL = "cspavtal@dustin.se"  # terms §10 (003:137)


class Term(str, Enum):
    PAYG = "payg"
    MONTHS_12 = "12"
    MONTHS_24 = "24"
    MONTHS_36 = "36"

    @property
    def months(self) -> int | None:
        return None if self is Term.PAYG else int(self.value)


def parse_term(text: str, field_name: str = "term") -> Term:
    key = (text or "").strip().lower().removesuffix("m").removesuffix(" months")
    key = {"pay-as-you-go": "payg", "1": "12", "2": "24", "3": "36"}.get(key, key)
    try:
        return Term(key)
    except ValueError:
        raise InvalidInput(field_name, text, not_a_term()) from None


def not_a_term() -> Message:
    return Message("is not a term: use payg, 12, 24 or 36 (months)")


def anchored_month(start: dt.date, months: int) -> dt.date:
    """`start` moved `months` months on, keeping its day of month; a month without that
    day (the 31st, 29 February) starts on the 1st of the following month instead.

    Always counted from the original start date, never from the previous result, so
    the anchor day never drifts (31 Jan -> 1 Mar -> 31 Mar, not 1 Mar -> 1 Apr)."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    if start.day <= calendar.monthrange(year, month)[1]:
        return dt.date(year, month, start.day)
    return dt.date(year + month // 12, month % 12 + 1, 1)


def period_start(start: dt.date, term: Term, k: int) -> dt.date:
    """The first day of period k (0 = the first term, then 12-month renewals)."""
    if k == 0:
        return start
    return anchored_month(start, term.months + RENEWAL_MONTHS * (k - 1))  # type: ignore[operator]


@dataclass(frozen=True)
class Period:
    index: int  # 0 = the first term
    start: dt.date
    end: dt.date  # the last day of service in this period (inclusive)

    @property
    def notice_deadline(self) -> dt.date:
        return self.end - dt.timedelta(days=NOTICE_DAYS)


def period(start: dt.date, term: Term, k: int) -> Period:
    return Period(k, period_start(start, term, k), period_start(start, term, k + 1) - dt.timedelta(days=1))


def period_containing(start: dt.date, term: Term, on: dt.date) -> Period:
    if term is Term.PAYG:
        raise ValueError("pay-as-you-go has no periods")
    if on < start:
        raise InvalidInput("on", on.isoformat(), Message("is before the subscription starts ({day})", day=start))
    first = period(start, term, 0)
    if on <= first.end:
        return first
    # Estimate the renewal from the month distance, then step to the exact one.
    months = (on.year - start.year) * 12 + (on.month - start.month) - term.months  # type: ignore[operator]
    k = max(1, months // RENEWAL_MONTHS + 1)
    while period_start(start, term, k) > on:
        k -= 1
    while period_start(start, term, k + 1) <= on:
        k += 1
    return period(start, term, k)


@dataclass(frozen=True)
class DeadlineWarning:
    reason: str  # why the deadline day is a bad day to rely on: the closed day's reason
    safe_day: dt.date  # the last day the desk is open before the deadline

    def message(self) -> Message:
        return Message("The deadline falls on a day the desk is closed ({reason}); the date stands, but send "
                       "the notice by {day} to be safe.", reason=self.reason, day=self.safe_day)


@dataclass(frozen=True)
class NoticeAnswer:
    term: Term
    on: dt.date  # the day notice would be sent
    period: Period | None  # the period that contains `on`; None for pay-as-you-go
    notice_deadline: dt.date | None
    in_time: bool
    ends_on: dt.date  # the last day of service if notice is sent on `on`
    renews_to: dt.date | None  # the next period's last day, if not cancelled
    deadline_warning: DeadlineWarning | None = None


# A desk's verdict on a date: None when open, else why it is closed ("weekend", a holiday).
ClosedReason = Callable[[dt.date], "str | None"]


def _warning(deadline: dt.date, closed_reason: ClosedReason | None) -> DeadlineWarning | None:
    if closed_reason is None:
        return None
    reason = closed_reason(deadline)
    if reason is None:
        return None
    safe = deadline - dt.timedelta(days=1)
    for _ in range(60):  # the longest closure in the calendar is a few days
        if closed_reason(safe) is None:
            return DeadlineWarning(reason, safe)
        safe -= dt.timedelta(days=1)
    raise ValueError(f"no open day in the 60 days before {deadline}")


def notice_answer(start: dt.date, term: Term, on: dt.date, closed_reason: ClosedReason | None = None) -> NoticeAnswer:
    """What happens if written notice reaches the reseller on `on`.

    `closed_reason` tells which days the customer's country desk is closed: a deadline on
    such a day stays (the terms count calendar days) but carries a warning naming the last
    open day before it.
    """
    if on < start:
        raise InvalidInput("start", start.isoformat(), Message("is after the day notice is sent ({day})", day=on))
    if term is Term.PAYG:
        # terms §10 (003:139): no binding period; service ends once the cancellation is handled.
        return NoticeAnswer(term, on, None, None, True, on, None)
    current = period_containing(start, term, on)
    following = period(start, term, current.index + 1)
    in_time = on <= current.notice_deadline  # arriving on the deadline is in time
    return NoticeAnswer(
        term=term, on=on, period=current, notice_deadline=current.notice_deadline, in_time=in_time,
        ends_on=current.end if in_time else following.end, renews_to=following.end,
        deadline_warning=_warning(current.notice_deadline, closed_reason),
    )


def next_notice_deadline(start: dt.date, term: Term, on: dt.date) -> dt.date | None:
    """The first notice deadline on or after `on` (the one a customer can still make)."""
    if term is Term.PAYG:
        return None
    current = period_containing(start, term, max(on, start))
    if current.notice_deadline >= on:
        return current.notice_deadline
    return period(start, term, current.index + 1).notice_deadline


def seat_change_end(start: dt.date, term: Term, on: dt.date) -> dt.date | None:
    """terms §11 (003:149): seats added or removed during a period follow the original
    binding period, so they end with the period that contains the change."""
    if term is Term.PAYG:
        return None
    return period_containing(start, term, on).end


def notice_as_dict(answer: NoticeAnswer) -> dict:
    """The JSON contract of `deskguide notice` (issue: Customer register ... notice)."""
    iso = lambda day: day.isoformat() if day else None  # noqa: E731
    warning = answer.deadline_warning
    return {
        "term": answer.term.value,
        "on": answer.on.isoformat(),
        "period_start": iso(answer.period.start) if answer.period else None,
        "period_end": iso(answer.period.end) if answer.period else None,
        "notice_deadline": iso(answer.notice_deadline),
        "in_time": answer.in_time,
        "ends_on": iso(answer.ends_on),
        "renews_to": iso(answer.renews_to),
        "deadline_warning": None if warning is None else {
            "reason": warning.reason, "safe_day": warning.safe_day.isoformat(), "message": warning.message()},
    }
