""""About these hours": where every rule behind the answers comes from.

Built from the loaded policies, not written into the GUI: when the reference data or
an override changes, the note changes with it. Plain function, no Qt: it returns HTML
for a QTextBrowser, in the current language (the reference data's closed-day notes and
the domain's origins through `_()`); the view builds it again after a language switch.
"""
from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from desktop.common.i18n import _, format_clock, format_day_names
from desktop.wording import hours as hours_text
from desktop.wording.citations import inline_citations

if TYPE_CHECKING:
    from domain.desks import DayHours, DeskPolicy, Override


def weekly_hours_text(hours: dict[int, DayHours]) -> str:
    """"Mon–Fri 08:00–17:00": consecutive weekdays with the same window grouped."""
    groups: list[tuple[int, int, DayHours]] = []
    for day in sorted(hours):
        if groups and groups[-1][1] == day - 1 and groups[-1][2] == hours[day]:
            groups[-1] = (groups[-1][0], day, hours[day])
        else:
            groups.append((day, day, hours[day]))
    if not groups:
        return _("closed every day")
    parts = []
    for first, last, window in groups:
        names = format_day_names([first, last])
        days = names[0] if first == last else f"{names[0]}–{names[1]}"
        parts.append(f"{days} {format_clock(window.opens)}–{format_clock(window.closes)}")
    return ", ".join(parts)


def override_text(override: Override) -> str:
    """What an override does, in words (its origin says who and why)."""
    from domain.desks import OverrideKind

    country = hours_text.country_name(override.country)
    if override.kind is OverrideKind.CLOSED_DATE and override.on_date:
        what = _("{country} closed on {date}").format(country=country,
                                                      date=hours_text.date_text(override.on_date, "yMMMd"))
    elif override.kind is OverrideKind.SHORTENED_DAY and override.on_date and override.closes:
        what = _("{country} closes at {time} on {date}").format(
            country=country, time=format_clock(override.closes), date=hours_text.date_text(override.on_date, "yMMMd"))
    elif override.weekday is not None:
        day = format_day_names([override.weekday], "wide")[0]
        what = (_("{country} open {hours} every {weekday}").format(
                    country=country, weekday=day,
                    hours=f"{format_clock(override.hours.opens)}–{format_clock(override.hours.closes)}")
                if override.hours else _("{country} closed every {weekday}").format(country=country, weekday=day))
    else:
        what = country
    return f"{what} ({_(override.origin())})"


def about_hours_html(policies: dict[str, DeskPolicy]) -> str:
    if not policies:
        return ""
    ordered = [policies[c] for c in ("SE", "NO", "DK", "FI") if c in policies]
    first = ordered[0]
    out = ["<h3>" + escape(_("About these hours")) + "</h3>"]

    out.append("<p><b>" + escape(_("Opening hours")) + "</b>: "
               + escape(_("the support terms, section 6: the desks answer on holiday-free weekdays.")) + "</p><ul>")
    for policy in ordered:
        desk = policy.desk
        out.append("<li>" + escape(_("{country}: {hours}, {clause}").format(
            country=hours_text.country_name(desk.country), hours=weekly_hours_text(desk.weekly_hours),
            clause=inline_citations(desk.clause))) + "</li>")
    out.append("</ul>")

    zones = ", ".join(f"{hours_text.country_name(p.desk.country)} {p.desk.timezone}" for p in ordered)
    out.append("<p><b>" + escape(_("Time zones")) + "</b>: " + escape(_(
        "the terms name no time zone. Each desk's hours are read on its own country's clock ({zones}), "
        "summer time included, so Finland opens an hour earlier than the others. A what-if moment is "
        "one instant, shown on every desk's own clock.").format(zones=zones)) + "</p>")

    out.append("<p><b>" + escape(_("Closed days")) + "</b>:</p><ul>")
    for policy in ordered:
        desk = policy.desk
        note = _(desk.closed_days_note) if desk.closed_days_note else _("public holidays")
        out.append("<li>" + escape(_("{country}: {note}").format(
            country=hours_text.country_name(desk.country), note=note)) + "</li>")
    out.append("</ul>")

    out.append("<p><b>" + escape(_("Source")) + "</b>: " + escape(_(
        "{source}. Closed days checked by hand for {first}–{last}; answers for other years carry a "
        "warning.").format(source=first.source or _("unknown"), first=first.reviewed_from,
                           last=first.reviewed_to)) + "</p>")

    out.append("<p><b>" + escape(_("Administrator overrides")) + "</b>: ")
    overrides = [o for p in ordered for o in p.overrides]
    if overrides:
        out.append(escape(_("these change the reference hours and win over them:")) + "</p><ul>")
        out.extend(f"<li>{escape(override_text(o))}</li>" for o in overrides)
        out.append("</ul><p>")
    else:
        out.append(escape(_("none in effect.")) + " ")
    out.append(escape(_("Administrators manage them on the command line: "))
               + "<code>deskguide overrides list | close-date | shorten-day | set-hours | remove</code>.</p>")
    return "".join(out)
