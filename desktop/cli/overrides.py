"""`deskguide overrides`: an administrator's changes to the desks' hours (list, add, remove)."""
from __future__ import annotations

import datetime as dt

from desktop.cli.context import CliContext
from desktop.cli.output import EXIT_OK, Parser, emit
from desktop.common.i18n import _


def _override_from_args(args, now: dt.datetime):
    from domain.desks import DayHours, OverrideKind, parse_clock_time, parse_date, parse_weekday
    from domain.services.hours import new_override

    common = dict(now=now, by=args.by, note=args.note)
    if args.action == "close-date":
        return new_override(OverrideKind.CLOSED_DATE, args.country, on_date=parse_date(args.date),
                            **common)
    if args.action == "shorten-day":
        return new_override(OverrideKind.SHORTENED_DAY, args.country, on_date=parse_date(args.date),
                            closes=parse_clock_time(args.closes, "closes"), **common)
    hours = None if args.closed else DayHours.parse(args.hours)
    return new_override(OverrideKind.WEEKDAY_HOURS, args.country, weekday=parse_weekday(args.weekday),
                        hours=hours, **common)


def _describe_override(override, zone) -> str:
    """The GUI's words for an override (its origin names its id), dated on the desk's own
    clock: made at 00:30 in Stockholm, it is that day's, not the day before in UTC."""
    from dataclasses import replace

    from desktop.wording.hours_note import override_text

    return override_text(replace(override, created_at=override.created_at.astimezone(zone)))


def cmd_overrides(args, context: CliContext) -> int:
    from domain.desks import parse_country
    from domain.services import hours

    if args.action == "list":
        if args.country:
            parse_country(args.country)
        with context.store(args) as store:
            zones = hours.desk_zones(store)
            listed = [(o, zones[o.country]) for o in hours.list_overrides(store, args.country)]
        text = "\n".join(_describe_override(o, zone) for o, zone in listed) or _("No overrides.")
        emit(args, {"overrides": [hours.override_as_dict(o, zone) for o, zone in listed]}, text)
        return EXIT_OK
    if args.action == "remove":
        from domain.errors import parse_record_id

        override_id = parse_record_id(args.id, "id")  # before the store opens
        with context.store(args, create=True) as store:
            override = hours.remove_override(store, override_id)
            zone = hours.desk_zones(store)[override.country]
        emit(args, {"removed": hours.override_as_dict(override, zone)},
              _("Removed: {override}").format(override=_describe_override(override, zone)))
        return EXIT_OK
    now = context.now()
    override = _override_from_args(args, now)  # validated before the store opens
    with context.store(args, create=True) as store:
        added = hours.add_override(store, override)
        zone = hours.desk_zones(store)[override.country]
    emit(args, {"added": hours.override_as_dict(added, zone)},
          _("Added: {override}").format(override=_describe_override(added, zone)))
    return EXIT_OK


def add_commands(commands, common_options) -> None:
    overrides = commands.add_parser("overrides", help=_("an administrator's changes to the desks' hours"))
    common_options(overrides, suppress=True)
    actions = overrides.add_subparsers(dest="action", metavar="ACTION", parser_class=Parser)
    actions.required = True
    listing = actions.add_parser("list", help=_("list the overrides"))
    listing.add_argument("--country", metavar="SE|NO|DK|FI")
    remove = actions.add_parser("remove", help=_("remove an override by its id"))
    remove.add_argument("id", metavar="ID")
    close = actions.add_parser("close-date", help=_("close a desk for a whole date"))
    close.add_argument("--date", required=True, metavar="YYYY-MM-DD")
    shorten = actions.add_parser("shorten-day", help=_("close a desk early on a date"))
    shorten.add_argument("--date", required=True, metavar="YYYY-MM-DD")
    shorten.add_argument("--closes", required=True, metavar="HH:MM")
    weekday = actions.add_parser("set-hours", help=_("replace a weekday's hours, or close that weekday"))
    weekday.add_argument("--weekday", required=True, metavar="mon..sun")
    group = weekday.add_mutually_exclusive_group(required=True)
    group.add_argument("--hours", metavar="HH:MM-HH:MM")
    group.add_argument("--closed", action="store_true")
    for sub in (listing, remove, close, shorten, weekday):
        common_options(sub, suppress=True)
    for sub in (close, shorten, weekday):
        sub.add_argument("--country", required=True, metavar="SE|NO|DK|FI")
        sub.add_argument("--note", default="", help=_("why, shown with every answer that uses it"))
        sub.add_argument("--by", default="", help=_("who made the change"))
    overrides.set_defaults(handler=cmd_overrides)
