"""Notice answers with the customer's country desk: a deadline on a closed day warns."""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from domain.closed_days import ClosedDayCalendar
from domain.desks import DeskPolicy
from domain.notice import ClosedReason, NoticeAnswer, Term, notice_answer
from domain.opening_hours import day_plan

if TYPE_CHECKING:
    from domain.store import Store


def closed_reason_for(policy: DeskPolicy) -> ClosedReason:
    """None on days the desk opens at all, else why it is closed all day."""
    calendar = ClosedDayCalendar(policy)

    def closed_reason(day: dt.date) -> str | None:
        plan = day_plan(policy, calendar, day)
        return None if plan.is_open_day else plan.closed_reason

    return closed_reason


def notice_for(store: Store, start: dt.date, term: Term, on: dt.date, country: str) -> NoticeAnswer:
    from domain.services.hours import load_policies

    return notice_answer(start, term, on, closed_reason_for(load_policies(store)[country]))


def self_service_ends_at(policy: DeskPolicy, on: dt.date) -> dt.datetime | None:
    """terms §10 (003:145): cancelled in Appmarket, the subscription ends "i slutet av
    arbetsdagen då uppsägningen skedde": read as that day's closing time of the
    customer's country desk (or the next working day's, if cancelled on a closed day)."""
    calendar = ClosedDayCalendar(policy)
    for offset in range(30):
        plan = day_plan(policy, calendar, on + dt.timedelta(days=offset))
        if plan.closes_at is not None:
            return plan.closes_at
    return None
