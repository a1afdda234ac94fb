"""The desks' opening hours: the policies, read once for every view (HoursModel).

At start-up (issue 17) the answers come in two steps, both on the store's worker:
`early_answers` before the store opens (nothing here waits for SQLAlchemy, Alembic or
the network), then `first_answers` as soon as it is open. Reloads use `load_answerer`.
"""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, NamedTuple

from domain.messages import Message

if TYPE_CHECKING:
    # Re-exported for the views' annotations (see the package's docstring).
    from desktop.common.database_target import DatabaseTarget
    from domain.services.hours import HoursAnswerer

__all__ = ["EarlyAnswers", "HoursAnswerer", "early_answers", "first_answers", "load_answerer"]

# Said on every card (a warning) while the answers rest on the installed reference hours:
# an administrator's override in the database may close a desk today (docs/startup.md).
PROVISIONAL_FILE = Message("Provisional: the administrators' changes to the hours are being read from the database.")
PROVISIONAL_TEAM = Message("Provisional: waiting for the team database; the administrators' changes to the hours "
                           "are not included yet.")


class EarlyAnswers(NamedTuple):
    answerer: HoursAnswerer
    final: bool  # False: reference hours only, shown as provisional until first_answers


def early_answers(target: DatabaseTarget, now: dt.datetime, language: str) -> EarlyAnswers:
    """The answers before the store opens. Imports neither SQLAlchemy nor a database
    driver. Otherwise (a team, a file that needs the full store first: a migration, a
    reference load, a new closed-day snapshot) from the installed reference hours
    (resources/reference/desks.toml) without the database's overrides: provisional, and
    every answer says so.

    A SQLite file with a current schema and closed-day snapshot is read as it is, with the
    stdlib's sqlite3 (domain/store/quick_read.py, the CLI's quick path): its own policies
    and overrides, so the answers are final and the provisional step disappears. A team
    database is never asked here: the window must not wait for the network."""
    if not target.is_team:
        from domain.services.hours import quick_hours_answerer

        quick = quick_hours_answerer(target.path, now, language)
        if quick is not None:
            return EarlyAnswers(_warmed(quick, now, years=(now.year,)), final=True)
    from domain.desks import DeskPolicy
    from domain.reference_data import load_desks
    from domain.services.hours import HoursAnswerer

    data = load_desks()
    dataset = data.dataset
    missing = PROVISIONAL_TEAM if target.is_team else PROVISIONAL_FILE
    policies = {desk.country: DeskPolicy(desk=desk, reviewed_from=dataset.reviewed_from or 0,
                                         reviewed_to=dataset.reviewed_to or 9999, source=dataset.source,
                                         overrides_missing=missing)
                for desk in data.desks}
    return EarlyAnswers(_warmed(HoursAnswerer(policies, language), now, years=(now.year,)), final=False)


def first_answers(store, now: dt.datetime, language: str) -> HoursAnswerer:
    """The answers from the open store, ahead of every other job (issue 17): the policies
    with the overrides, and only this year's closed days warmed (next year's follow
    when asked; the calendars cache them)."""
    from domain.services.hours import HoursAnswerer, load_policies

    return _warmed(HoursAnswerer(load_policies(store), language), now, years=(now.year,))


def load_answerer(store, now: dt.datetime, language: str) -> HoursAnswerer:
    """The policies, with the closed-day caches warmed for this year and the next, so
    the first answers on the GUI thread are instant."""
    from domain.services.hours import HoursAnswerer, load_policies

    return _warmed(HoursAnswerer(load_policies(store), language), now, years=(now.year, now.year + 1))


def _warmed(answerer: HoursAnswerer, now: dt.datetime, years: tuple[int, ...]) -> HoursAnswerer:
    answerer.statuses(now)
    for country in answerer.policies:
        for year in years:
            answerer.calendar(country).closed_days_of_year(year)
    return answerer
