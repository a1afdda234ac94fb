"""`deskguide`: the command line beside the GUI, for scripts and terminal users.

Imports no Qt. Every command takes --json and then prints exactly one JSON object.
Bad input: exit status 2, a one-line error on stderr naming the bad value (with --json
also {"error": "..."} on stdout), and nothing written: every value is checked before
the store is opened.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable, Sequence

from desktop import cli_csv
from desktop import cli_lifecycle
from desktop import cli_register
from desktop import cli_escalation
from domain.errors import DeskguideError, InvalidInput

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2


class UsageError(Exception):
    """argparse found a bad option; reported like any other bad input."""


class Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse would print usage and exit by itself
        command = self.prog.removeprefix("deskguide").strip()
        raise UsageError(f"{command}: {message}" if command else message)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def _today() -> dt.date:
    """The agent's own calendar day (the machine's local date), not UTC's: at 00:30 in
    Stockholm it is already tomorrow for the customer too."""
    return _now().astimezone().date()


def _open_store(args):
    from desktop.machine_config import resolve_db_path
    from domain.store import open_store

    return open_store(resolve_db_path(args.db), now=_now())


# --- output -------------------------------------------------------------------------

def _emit(args, payload: dict, text: str) -> None:
    if args.json:
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        print(text)


def _describe_status(status) -> str:
    from domain.opening_hours import OUTSIDE_HOURS, WEEKEND

    at = f"{status.at:%a %Y-%m-%d %H:%M} {status.timezone}"
    if status.open:
        line = f"{status.country}  OPEN    until {status.closes_at:%H:%M}  ({at})"
    else:
        reason = {WEEKEND: "weekend", OUTSIDE_HOURS: "outside opening hours"}.get(
            status.closed_reason, status.closed_reason)
        opens = f"opens {status.next_open:%a %Y-%m-%d %H:%M}" if status.next_open else "no opening found"
        line = f"{status.country}  CLOSED  {reason}; {opens}  ({at})"
    line += f"\n    phone {status.phone}   fault reports {status.email}"
    for warning in status.warnings:
        line += f"\n    warning: {warning.message}"
    return line


# --- commands -----------------------------------------------------------------------

def cmd_hours(args) -> int:
    from domain.desks import parse_country
    from domain.services.hours import hours_answers, parse_moment, status_as_dict

    # Check the input before the store is opened (or created): bad input writes nothing.
    if args.country is not None:
        parse_country(args.country, "--country")
    if args.at is not None:
        parse_moment(args.at)
    store = _open_store(args)
    try:
        statuses = hours_answers(store, args.country, args.at, _now())
    finally:
        store.close()
    items = [status_as_dict(s) for s in statuses]
    payload = items[0] if args.country is not None else {"countries": items}
    _emit(args, payload, "\n".join(_describe_status(s) for s in statuses))
    return EXIT_OK


def _override_from_args(args, now: dt.datetime):
    from domain.desks import DayHours, OverrideKind, parse_clock_time, parse_date, parse_weekday
    from domain.services.hours import new_override

    common = dict(now=now, by=args.by, note=args.note)
    if args.action == "close-date":
        return new_override(OverrideKind.CLOSED_DATE, args.country, on_date=parse_date(args.date, "--date"),
                            **common)
    if args.action == "shorten-day":
        return new_override(OverrideKind.SHORTENED_DAY, args.country, on_date=parse_date(args.date, "--date"),
                            closes=parse_clock_time(args.closes, "--closes"), **common)
    hours = None if args.closed else DayHours.parse(args.hours, "--hours")
    return new_override(OverrideKind.WEEKDAY_HOURS, args.country, weekday=parse_weekday(args.weekday, "--weekday"),
                        hours=hours, **common)


def _describe_override(item: dict) -> str:
    what = {
        "closed_date": f"closed on {item['date']}",
        "shortened_day": f"closes at {item['closes']} on {item['date']}",
        "weekday_hours": f"weekday {item['weekday']}: {item['hours'] or 'closed'}",
    }[item["kind"]]
    return f"#{item['id']}  {item['country']}  {what}  ({item['origin']})"


def cmd_overrides(args) -> int:
    from domain.desks import parse_country
    from domain.services import hours

    if args.action == "list":
        if args.country:
            parse_country(args.country, "--country")
        store = _open_store(args)
        try:
            zones = hours.desk_zones(store)
            items = [hours.override_as_dict(o, zones[o.country]) for o in hours.list_overrides(store, args.country)]
        finally:
            store.close()
        _emit(args, {"overrides": items}, "\n".join(map(_describe_override, items)) or "No overrides.")
        return EXIT_OK
    if args.action == "remove":
        store = _open_store(args)
        try:
            override = hours.remove_override(store, args.id)
            removed = hours.override_as_dict(override, hours.desk_zones(store)[override.country])
        finally:
            store.close()
        _emit(args, {"removed": removed}, f"Removed {_describe_override(removed)}")
        return EXIT_OK
    now = _now()
    override = _override_from_args(args, now)  # validated before the store opens
    store = _open_store(args)
    try:
        added = hours.override_as_dict(hours.add_override(store, override), hours.desk_zones(store)[override.country])
    finally:
        store.close()
    _emit(args, {"added": added}, f"Added {_describe_override(added)}")
    return EXIT_OK


def _facts_from_args(args):
    from domain.scope import CustomerFacts, Device, Support

    return CustomerFacts(
        support=Support(args.support), from_reseller=not args.not_from_reseller, migrating=args.migrating,
        device=Device(args.device), antivirus=not args.no_antivirus, firewall=not args.no_firewall,
        backup=not args.no_backup, version=args.product_version,
        app_approved={"yes": True, "no": False}.get(args.app_approved), manager_approved=args.manager_approved,
    )


def _describe_answer(item: dict) -> str:
    lines = [f"{item['topic']}: {item['verdict'].upper().replace('_', ' ')}  ({item['title']})"]
    lines += [f"  {r['clause']:<7} {r['text']}" for r in item["reasons"]]
    lines.append(f"Next step: {item['next_step']}")
    return "\n".join(lines)


def cmd_scope(args) -> int:
    from domain.services import scope

    if args.search is not None:
        store = _open_store(args)
        try:
            payload = scope.search_as_dict(scope.search(store, args.search))
        finally:
            store.close()
        text = "\n".join(f"{m['score']:5.1f}  {m['topic']:<30} {m['title']}" for m in payload["matches"])
        _emit(args, payload, text or "No matching topic.")
        return EXIT_OK
    facts = _facts_from_args(args)
    scope.check_question(args.topic, facts)  # bad input writes nothing: checked before the store opens
    store = _open_store(args)
    try:
        from domain.scope import evaluate

        payload = scope.answer_as_dict(evaluate(scope.load_catalogue(store), args.topic, facts))
    finally:
        store.close()
    _emit(args, payload, _describe_answer(payload))
    return EXIT_OK


def _describe_notice(item: dict) -> str:
    if item["term"] == "payg":
        return (f"Pay-as-you-go: no binding period. Notice sent {item['on']} ends the service as soon as the "
                f"reseller has handled it (self-service in Appmarket: at the end of that working day).")
    lines = [f"Period {item['period_start']} to {item['period_end']}; notice must arrive by "
             f"{item['notice_deadline']}."]
    if item["in_time"]:
        lines.append(f"Sent {item['on']}: in time; the service ends {item['ends_on']}.")
    else:
        lines.append(f"Sent {item['on']}: too late; it renews for 12 months and ends {item['ends_on']}.")
    if item["deadline_warning"]:
        lines.append(f"Warning: {item['deadline_warning']['message']}")
    lines.append("Cancel in writing to cspavtal@dustin.se, or self-service in Appmarket (terms §10).")
    return "\n".join(lines)


def cmd_notice(args) -> int:
    from domain.dates import parse_day
    from domain.desks import parse_country
    from domain.notice import notice_as_dict, parse_term

    today = _today()
    on = parse_day(args.on, "--on") if args.on else today
    if args.subscription is not None:
        from domain.services.register import notice_for_subscription

        store = _open_store(args)
        try:
            answer = notice_for_subscription(store, args.subscription, on)
        finally:
            store.close()
    else:
        if args.start is None or args.term is None:
            raise UsageError("notice: give --start and --term, or --subscription ID")
        start, term = parse_day(args.start, "--start"), parse_term(args.term, "--term")
        country = parse_country(args.country, "--country")
        if start > on:
            raise InvalidInput("--start", args.start, f"is after --on ({on.isoformat()})")
        from domain.services.notice import notice_for

        store = _open_store(args)
        try:
            answer = notice_for(store, start, term, on, country)
        finally:
            store.close()
    payload = notice_as_dict(answer)
    _emit(args, payload, _describe_notice(payload))
    return EXIT_OK


# --- parser -------------------------------------------------------------------------

def _common_options(parser: argparse.ArgumentParser, suppress: bool) -> None:
    default = argparse.SUPPRESS if suppress else None
    parser.add_argument("--json", action="store_true", default=argparse.SUPPRESS if suppress else False,
                        help="print exactly one JSON object")
    parser.add_argument("--db", metavar="PATH", default=default,
                        help="the database file (default: DESKGUIDE_DB, else the machine's deskguide.ini, "
                             "else the user's data folder)")


def build_parser() -> Parser:
    from desktop.version import app_version

    parser = Parser(prog="deskguide", description="Deskguide: answers for the Nordic Office 365 helpdesk.",
                    epilog="deskguide --self-test [--self-test-report PATH]: check this installation end to "
                           "end with a throwaway database; exit 0, or 1 naming what failed.")
    parser.add_argument("--version", action="version", version=f"deskguide {app_version()}")
    _common_options(parser, suppress=False)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    commands.required = True

    hours = commands.add_parser("hours", help="is the desk open, until when, when does it open next")
    _common_options(hours, suppress=True)
    hours.add_argument("--country", metavar="SE|NO|DK|FI", help="one desk (default: all four)")
    hours.add_argument("--at", metavar="TIME",
                       help="ISO 8601; with an offset that instant, without one the wall time in the country "
                            "asked about (default: now)")
    hours.set_defaults(handler=cmd_hours)

    scope = commands.add_parser("scope", help="is a problem covered by the customer's Office 365 support")
    _common_options(scope, suppress=True)
    question = scope.add_mutually_exclusive_group(required=True)
    question.add_argument("--topic", metavar="ID", help="the topic to judge (see --search)")
    question.add_argument("--search", metavar="TEXT", help="find topics from the customer's words")
    scope.add_argument("--support", choices=("end-user", "software-only"), default="end-user",
                       help="licence with end-user support (default) or software only")
    scope.add_argument("--not-from-reseller", action="store_true", help="licences not bought from the reseller")
    scope.add_argument("--migrating", action="store_true", help="the migration to Office 365 is not finished")
    scope.add_argument("--device", choices=("computer", "tablet", "smartphone"), default="computer")
    scope.add_argument("--no-antivirus", action="store_true")
    scope.add_argument("--no-firewall", action="store_true")
    scope.add_argument("--no-backup", action="store_true")
    scope.add_argument("--version", dest="product_version", metavar="TEXT",
                       help='the product version in words: "Windows 11", "Office 2010", "macOS 15"')
    scope.add_argument("--app-approved", choices=("yes", "no"), help="third-party app approved by the reseller")
    scope.add_argument("--manager-approved", action="store_true",
                       help="an authorised manager has approved the permission change")
    scope.set_defaults(handler=cmd_scope)

    notice = commands.add_parser("notice", help="by which day must notice arrive, and what if it arrives today")
    _common_options(notice, suppress=True)
    notice.add_argument("--start", metavar="DATE", help="the subscription's start date (2026-11-22 or 22.11.2026)")
    notice.add_argument("--term", metavar="payg|12|24|36", help="pay-as-you-go or the first term in months")
    notice.add_argument("--subscription", metavar="ID", type=int, help="a subscription in the register instead")
    notice.add_argument("--on", metavar="DATE", help="the day notice would arrive (default: today)")
    notice.add_argument("--country", metavar="SE|NO|DK|FI", default="SE",
                        help="the customer's country, for its desk's closed days (default: SE)")
    notice.set_defaults(handler=cmd_notice)

    overrides = commands.add_parser("overrides", help="an administrator's changes to the desks' hours")
    _common_options(overrides, suppress=True)
    actions = overrides.add_subparsers(dest="action", metavar="ACTION", parser_class=Parser)
    actions.required = True
    listing = actions.add_parser("list", help="list the overrides")
    listing.add_argument("--country", metavar="SE|NO|DK|FI")
    remove = actions.add_parser("remove", help="remove an override by its id")
    remove.add_argument("id", type=int)
    close = actions.add_parser("close-date", help="close a desk for a whole date")
    close.add_argument("--date", required=True, metavar="YYYY-MM-DD")
    shorten = actions.add_parser("shorten-day", help="close a desk early on a date")
    shorten.add_argument("--date", required=True, metavar="YYYY-MM-DD")
    shorten.add_argument("--closes", required=True, metavar="HH:MM")
    weekday = actions.add_parser("set-hours", help="replace a weekday's hours, or close that weekday")
    weekday.add_argument("--weekday", required=True, metavar="mon..sun")
    group = weekday.add_mutually_exclusive_group(required=True)
    group.add_argument("--hours", metavar="HH:MM-HH:MM")
    group.add_argument("--closed", action="store_true")
    for sub in (listing, remove, close, shorten, weekday):
        _common_options(sub, suppress=True)
    for sub in (close, shorten, weekday):
        sub.add_argument("--country", required=True, metavar="SE|NO|DK|FI")
        sub.add_argument("--note", default="", help="why, shown with every answer that uses it")
        sub.add_argument("--by", default="", help="who made the change")
    overrides.set_defaults(handler=cmd_overrides)
    cli_csv.add_commands(commands, _common_options)
    cli_register.add_commands(commands, _common_options)
    cli_lifecycle.add_commands(commands, _common_options)
    cli_escalation.add_commands(commands, _common_options)
    return parser


def _wants_json(argv: Sequence[str]) -> bool:
    return "--json" in argv


def _fail(argv: Sequence[str], message: str, code: int) -> int:
    print(f"deskguide: {message}", file=sys.stderr)
    if _wants_json(argv):
        print(json.dumps({"error": message}, ensure_ascii=False))
    return code


def main(argv: Sequence[str] | None = None, handlers: dict[str, Callable] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if "--self-test" in argv:  # desktop/self_test.py; its imports only when asked for
        from desktop import self_test

        return self_test.main(argv, gui=False)
    try:
        args = build_parser().parse_args(argv)
        return args.handler(args)
    except UsageError as error:
        return _fail(argv, str(error), EXIT_BAD_INPUT)
    except InvalidInput as error:
        return _fail(argv, str(error), EXIT_BAD_INPUT)
    except DeskguideError as error:
        return _fail(argv, str(error), EXIT_FAILED)


if __name__ == "__main__":
    sys.exit(main())
