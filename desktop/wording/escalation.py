"""How the GUI words an escalation: the target, the clock, the due moment, the countdown,
and the explanation of a due time day by day.

No Qt here, so the wording can be tested on its own and the explanation pasted as
plain text. The domain's codes (clock kinds, skip reasons) become words here; a closed
day's own name ("Christmas Eve") is looked up in the catalogue like any reference text.
Every text is in the current language (`i18n.in_language` borrows another).
"""
from __future__ import annotations

import datetime as dt
import html
import math
from typing import TYPE_CHECKING

from desktop.common.i18n import _, country_name, format_clock, format_datetime, ngettext
from desktop.wording.hours import date_text, moment_text

if TYPE_CHECKING:
    from domain.business_time import BusinessHours, TimelineDay
    from domain.cases import Case
    from domain.escalation import Escalation

# The domain's codes, repeated so this module imports no rules (start-up budget).
CLOCK_24X7 = "24x7"
WEEKEND = "weekend"
AFTER_HOURS = "after business hours"


def target_text(minutes: int, clock: str) -> str:
    if clock == CLOCK_24X7:
        return ngettext("First response within {n} minute, around the clock",
                        "First response within {n} minutes, around the clock", minutes).format(n=minutes)
    return ngettext("First response within {n} business minute", "First response within {n} business minutes",
                    minutes).format(n=minutes)


def clock_text(clock: str, country: str, hours: BusinessHours) -> str:
    """How the minutes are counted, in the customer's country."""
    if clock == CLOCK_24X7:
        return _("The clock runs 24x7: every minute counts, nights, weekends and holidays too.")
    return _("The clock runs in business hours only: {opens}–{closes} {country} time on weekdays, not on "
             "{country}'s closed days.").format(opens=format_clock(hours.opens), closes=format_clock(hours.closes),
                                                country=country_name(country))


def zone_text(moment: dt.datetime) -> str:
    """"Sweden Time, GMT+01:00": the zone the moment is shown in, in words and as an offset."""
    return format_datetime(moment, "VVVV, ZZZZ")


def due_text(due: dt.datetime, opened: dt.datetime) -> str:
    """"Mon 28 Dec 10:15" (the year only when it differs from the opening's)."""
    return moment_text(due, opened)


def duration_text(minutes: int) -> str:
    """45 min, 1 h 12 min, 2 d 3 h: the two largest units are enough for a countdown."""
    minutes = max(0, int(minutes))
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days:
        return _("{d} d {h} h").format(d=days, h=hours) if hours else _("{d} d").format(d=days)
    if hours:
        return _("{h} h {m} min").format(h=hours, m=mins) if mins else _("{h} h").format(h=hours)
    return _("{m} min").format(m=mins)


def countdown_text(minutes_left: float) -> str:
    """"due in 1 h 12 min", "due now", "overdue by 5 min"."""
    if minutes_left > 0:
        return _("due in {time}").format(time=duration_text(math.ceil(minutes_left)))
    if minutes_left == 0:
        return _("due now")
    return _("overdue by {time}").format(time=duration_text(max(1, math.floor(-minutes_left))))


def skip_reason_text(reason: str) -> str:
    if reason == WEEKEND:
        return _("weekend")
    if reason == AFTER_HOURS:
        return _("after business hours")
    return _(reason)  # a closed day's own name, in the current language where the catalogue has it


def bullet_list(lines) -> str:
    """Lines as a bulleted list, one a line (obligations, notes, allowances)."""
    return "\n".join(_("• {line}").format(line=line) for line in lines)


def _minutes(value: float) -> int:
    return int(round(value))


def timeline_rows(answer: Escalation) -> list[tuple[str, str, str, bool]]:
    """(day, hours counted, minutes, False) or (day, "skipped", the reason, True), per day."""
    rows = []
    for day in answer.timeline:
        label = _day(day)
        if day.skipped is not None or not day.counted:
            rows.append((label, _("skipped"), skip_reason_text(day.skipped or ""), True))
            continue
        spans = ", ".join(_("{start}–{end}").format(start=format_clock(span.start), end=format_clock(span.end))
                          for span in day.counted)
        rows.append((label, spans, _("{n} min").format(n=_minutes(day.minutes)), False))
    return rows


def _day(day: TimelineDay) -> str:
    return date_text(day.day)  # "Wed 23 Dec", "ke 23.12."


def _counted_total(answer: Escalation) -> int:
    return _minutes(sum(day.minutes for day in answer.timeline))


def explanation_lines(answer: Escalation, country: str) -> list[str]:
    """The due time explained, one line per day, ready to paste to a customer."""
    opened, due = answer.opened, answer.due
    minutes = answer.target.minutes
    lines = [
        ngettext("Severity {severity}: first response within {n} minute.",
                 "Severity {severity}: first response within {n} minutes.", minutes).format(
            severity=answer.severity.id, n=minutes),
        _("Opened {opened} ({zone}).").format(opened=moment_text(opened, with_year=True), zone=zone_text(opened)),
    ]
    if answer.clock == CLOCK_24X7:
        lines.append(_("The clock runs 24x7, so every minute counts:"))
    else:
        lines.append(_("The clock runs in business hours only, weekdays in {country} except its closed "
                       "days:").format(country=country_name(country)))
    for day, hours, minutes, skipped in timeline_rows(answer):
        if skipped:
            lines.append(_("{day}: skipped, {reason}").format(day=day, reason=minutes))
        else:
            lines.append(_("{day}: {hours}, {minutes}").format(day=day, hours=hours, minutes=minutes))
    counted = _counted_total(answer)
    lines.append(ngettext("{n} minute counted: due {due} ({zone}).", "{n} minutes counted: due {due} ({zone}).",
                          counted).format(n=counted, due=moment_text(due, with_year=True), zone=zone_text(due)))
    return lines


def explanation_text(answer: Escalation, country: str) -> str:
    return "\n".join(explanation_lines(answer, country))


def timeline_html(answer: Escalation) -> str:
    """The day-by-day table for the screen (the copy is explanation_text)."""
    cells = []
    for day, hours, minutes, skipped in timeline_rows(answer):
        style = ' style="font-style: italic;"' if skipped else ""
        cells.append(f"<tr{style}><td>{html.escape(day)}</td><td>{html.escape(hours)}</td>"
                     f"<td>{html.escape(minutes)}</td></tr>")
    total = _("Total: {n} min").format(n=_counted_total(answer))
    cells.append(f"<tr><td></td><td></td><td><b>{html.escape(total)}</b></td></tr>")
    return '<table cellspacing="0" cellpadding="3">' + "".join(cells) + "</table>"


# --- cases --------------------------------------------------------------------------------

def case_status(case: Case, now: dt.datetime) -> tuple[str, str]:
    """(state, detail): ("Open", "due in 1 h 12 min"), ("Breached", "overdue by 5 min"),
    ("Met", "answered Mon 28 Dec 09:40"), ("Missed", "answered 20 min late")."""
    if case.responded is not None:
        responded = case.responded.astimezone(case.due.tzinfo)
        if case.met:
            return _("Met"), _("answered {moment}").format(moment=moment_text(responded, case.due))
        return _("Missed"), _late_text(case.minutes_left(now))
    left = case.minutes_left(now)
    if case.breached(now):
        return _("Breached"), countdown_text(left)
    return _("Open"), countdown_text(left)


def _late_text(minutes_left: float) -> str:
    return _("answered {time} late").format(time=duration_text(max(1, math.floor(-minutes_left))))


def _status_text(state: str, detail: str) -> str:
    return _("{state}: {detail}").format(state=state, detail=detail)


def case_status_text(case: Case, now: dt.datetime) -> str:
    return _status_text(*case_status(case, now))


def status_samples() -> list[str]:
    """The widest statuses of a case's first day (23 h 59 min to go, overdue or late),
    worded as the table words them: the status column is sized to fit them."""
    most = 24 * 60 - 1
    return [_status_text(_("Open"), countdown_text(most)), _status_text(_("Breached"), countdown_text(-most)),
            _status_text(_("Missed"), _late_text(-most))]


def case_people_text(case: Case) -> str:
    """Who opened the case and who marked Microsoft's first response (issue 15); empty for
    a case from before Deskguide recorded it."""
    opened, responded = case.opened_by, case.responded_by
    if opened and responded:
        return _("Opened by {opened}; first response marked by {responded}").format(opened=opened,
                                                                                    responded=responded)
    if opened:
        return _("Opened by {opened}").format(opened=opened)
    if responded:
        return _("First response marked by {responded}").format(responded=responded)
    return ""
