"""The desks' opening hours: the policies, read once for every view (HoursModel)."""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    # Re-exported for the views' annotations (see the package's docstring).
    from domain.services.hours import HoursAnswerer

__all__ = ["HoursAnswerer", "load_answerer"]


def load_answerer(store, now: dt.datetime, language: str) -> HoursAnswerer:
    """The policies, with the closed-day caches warmed for this year and the next, so
    the first answers on the GUI thread are instant."""
    from domain.services.hours import HoursAnswerer, load_policies

    answerer = HoursAnswerer(load_policies(store), language)
    answerer.statuses(now)
    for country in answerer.policies:
        for year in (now.year, now.year + 1):
            answerer.calendar(country).closed_days_of_year(year)
    return answerer
