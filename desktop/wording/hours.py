"""How the GUI words a desk's answer: state, reason, until / opens, one-line summary.

No Qt here, so the wording can be tested and reused by every widget that shows a desk
(the cards, the status bar, later the customer view). The domain's reason codes are
turned into words here, not in the domain: the CLI words them its own way.

Days are written the way each language writes them (CLDR skeletons: "ma 23.11.",
"man. 23. nov."), times with the language's clock (13.00 in Finnish and Danish), so a
card never mixes two styles; English keeps its British order ("Mon 23 Nov 13:00").
"""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from desktop.common import i18n
from desktop.common.i18n import _, format_clock, format_date, ngettext

if TYPE_CHECKING:  # the domain's hours module pulls in `holidays`; start-up must not
    from domain.opening_hours import DeskStatus

# Same codes as domain.opening_hours.WEEKEND / OUTSIDE_HOURS, repeated so this module
# stays importable before the worker thread has imported the rules (start-up budget);
# tests/desktop/gui/hours/test_hours_view.py checks they agree.
WEEKEND = "weekend"
OUTSIDE_HOURS = "outside_hours"
OVERRIDE_PREFIX = "administrator override"
# A desk closing within this many minutes is highlighted: too late to start a long call.
CLOSING_SOON_MINUTES = 30
# English's established patterns for the CLDR skeletons below (other views, their
# tests and the agents' habits quote them; CLDR's en_GB adds a comma before the year).
_ENGLISH_PATTERNS = {"Ed": "EEE d", "MMMEd": "EEE d MMM", "yMMMEd": "EEE d MMM y", "yMMMd": "d MMM y"}


def country_name(country: str) -> str:
    """A desk's country in the current language ("Ruotsi", "Sverige"): CLDR's name."""
    return i18n.country_name(country)


def date_text(day: dt.date, skeleton: str = "MMMEd") -> str:
    """A day in the current language: "MMMEd" ("Mon 23 Nov", "ma 23.11."), "yMMMEd"
    (with the year), "yMMMd" (no weekday) or "Ed" (no month: "Mon 23", "ma 23.")."""
    if i18n.current_locale() == "en":
        return format_date(day, _ENGLISH_PATTERNS[skeleton])
    from babel.dates import format_skeleton

    return format_skeleton(skeleton, day, locale=i18n.current_locale())


def state_text(status: DeskStatus) -> str:
    return _("OPEN") if status.open else _("CLOSED")


def reason_text(reason: str | None) -> str:
    """Why a desk is closed; a closed day's own name (e.g. "Christmas Eve"), which the
    domain already named in the agent's language or gave as a Message."""
    if reason == WEEKEND:
        return _("Weekend")
    if reason == OUTSIDE_HOURS or not reason:
        return _("Outside opening hours")
    return _(reason)


def minutes_until_close(status: DeskStatus) -> int | None:
    if not status.open or status.closes_at is None:
        return None
    return max(0, int((status.closes_at - status.at).total_seconds() // 60))


def closing_soon(status: DeskStatus) -> bool:
    left = minutes_until_close(status)
    return left is not None and left < CLOSING_SOON_MINUTES


def moment_text(moment: dt.datetime, reference: dt.datetime | None = None, *, with_year: bool = False) -> str:
    """"Mon 28 Dec 08:00", with the year when asked or when it is not the reference's year."""
    same_year = reference is None or moment.year == reference.year
    return f"{date_text(moment.date(), 'yMMMEd' if with_year or not same_year else 'MMMEd')} {format_clock(moment)}"


def until_text(status: DeskStatus) -> str:
    if status.closes_at is None:
        return ""
    return _("until {time}").format(time=format_clock(status.closes_at))


def closes_in_text(status: DeskStatus) -> str:
    left = minutes_until_close(status)
    if left is None:
        return ""
    return ngettext("closes in {n} minute", "closes in {n} minutes", left).format(n=left)


def opens_text(status: DeskStatus) -> str:
    if status.next_open is None:
        return _("no opening found")
    return _("opens {moment}").format(moment=moment_text(status.next_open, status.at))


def _short_next_open(status: DeskStatus) -> str:
    """Within the coming week the weekday is enough ("Mon 08:00"); later, the date too."""
    assert status.next_open is not None
    if (status.next_open.date() - status.at.date()).days < 7:
        return f"{format_date(status.next_open.date(), 'EEE')} {format_clock(status.next_open)}"
    return moment_text(status.next_open, status.at)


def summary_text(status: DeskStatus) -> str:
    """One desk at a glance, for the status bar: "SE open until 17:00"."""
    if status.open:
        return _("{country} open until {time}").format(
            country=status.country, time=format_clock(status.closes_at))
    if status.next_open is None:
        return _("{country} closed, no opening found").format(country=status.country)
    return _("{country} closed, opens {moment}").format(country=status.country, moment=_short_next_open(status))


def is_override(origin: str) -> bool:
    return origin.startswith(OVERRIDE_PREFIX)


def last_change_text(change, now: dt.datetime) -> str:
    """"Changed by Anna Berg (anna.berg) at 10:42" (today) or "... on Mon 23 Nov 10:42", on
    the agent's own clock (issue 15, "Who changed what"); "" when nobody was recorded.
    `change`: a domain.roles.LastChange."""
    if change is None or not (change.by or change.at):
        return ""
    if change.at is None:
        return _("Changed by {who}").format(who=change.by)
    at, today = change.at.astimezone(), now.astimezone()
    if not change.by:
        return _("Changed {moment}").format(moment=moment_text(at, today))
    if at.date() == today.date():
        return _("Changed by {who} at {time}").format(who=change.by, time=format_clock(at))
    return _("Changed by {who} on {moment}").format(who=change.by, moment=moment_text(at, today))
