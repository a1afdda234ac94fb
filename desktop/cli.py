"""`deskguide`: the command line beside the GUI, for scripts and terminal users.

Imports no Qt. Every command takes --json and then prints exactly one JSON object, and
--lang for the language of everything a person reads (desktop/cli_language.py): the help,
the answers, the errors. JSON keeps its field names, codes and English texts in any
language and adds "message", the answer as the command would print it, in --lang.
Bad input: exit status 2, a one-line error on stderr naming the bad value (with --json
also {"error": "...", "message": "..."} on stdout), and nothing written: every value is
checked before the store is opened.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable, Sequence

from desktop import cli_csv
from desktop import cli_language
from desktop import cli_lifecycle
from desktop import cli_register
from desktop import cli_escalation
from desktop import cli_journal
from desktop import i18n
from desktop.i18n import _
from domain.errors import DeskguideError, InvalidInput
from domain.messages import Message

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2


class UsageError(Exception):
    """argparse found a bad option; reported like any other bad input."""

    @property
    def message(self) -> str:
        """The English text, a Message when the CLI wrote it (argparse's own are plain)."""
        return self.args[0]


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
    """`text` (in --lang) for a person; with --json the payload as ever, plus that text."""
    if args.json:
        print(json.dumps({**payload, "message": text}, ensure_ascii=False, indent=2))
    else:
        print(text)


def _fail(wants_json: bool, message: str, code: int, extra: dict | None = None) -> int:
    """Bad input or a failure: one line on stderr in --lang. `message` is the English (a
    Message where it can be said in another language): with --json it stays the "error",
    as scripts have always read it, beside the localised "message"."""
    said = _(message)
    print(f"deskguide: {said}", file=sys.stderr)
    if wants_json:
        print(json.dumps({"error": message, "message": said, **(extra or {})}, ensure_ascii=False))
    return code


# --- hours --------------------------------------------------------------------------

def _describe_status(status, state_width: int) -> str:
    """One desk on a line (state, until when or why closed and when it opens, the moment
    asked about), its phone and e-mail, then its warnings. The columns are the GUI's
    desk-card texts (desktop/hours_text.py), so both say the same."""
    from desktop import hours_text

    state = hours_text.state_text(status).ljust(state_width)
    at = f"({hours_text.moment_text(status.at, with_year=True)} {status.timezone})"
    if status.open:
        columns = [status.country, state, hours_text.until_text(status), at]
    else:
        columns = [status.country, state, hours_text.reason_text(status.closed_reason),
                   hours_text.opens_text(status), at]
    lines = ["  ".join(columns)]
    lines.append("    " + _("Phone: {phone}").format(phone=status.phone) + "   "
                 + _("Fault reports, any time: {email}").format(email=status.email))
    lines += ["    " + _("Warning: {message}").format(message=_(warning.message)) for warning in status.warnings]
    return "\n".join(lines)


def cmd_hours(args) -> int:
    from desktop.hours_text import state_text
    from domain.desks import parse_country
    from domain.services.hours import hours_answers, parse_moment, status_as_dict

    # Check the input before the store is opened (or created): bad input writes nothing.
    if args.country is not None:
        parse_country(args.country, "--country")
    if args.at is not None:
        parse_moment(args.at)
    store = _open_store(args)
    try:
        # English names for the JSON contract; `_()` says them in --lang (HolidayName).
        statuses = hours_answers(store, args.country, args.at, _now())
    finally:
        store.close()
    items = [status_as_dict(s) for s in statuses]
    payload = items[0] if args.country is not None else {"countries": items}
    width = max(len(state_text(s)) for s in statuses)  # the four desks' columns line up
    _emit(args, payload, "\n".join(_describe_status(s, width) for s in statuses))
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


def _describe_override(override, zone) -> str:
    """The GUI's words for an override (its origin names its id), dated on the desk's own
    clock: made at 00:30 in Stockholm, it is that day's, not the day before in UTC."""
    from dataclasses import replace

    from desktop.hours_note import override_text

    return override_text(replace(override, created_at=override.created_at.astimezone(zone)))


def cmd_overrides(args) -> int:
    from domain.desks import parse_country
    from domain.services import hours

    if args.action == "list":
        if args.country:
            parse_country(args.country, "--country")
        store = _open_store(args)
        try:
            zones = hours.desk_zones(store)
            listed = [(o, zones[o.country]) for o in hours.list_overrides(store, args.country)]
        finally:
            store.close()
        text = "\n".join(_describe_override(o, zone) for o, zone in listed) or _("No overrides.")
        _emit(args, {"overrides": [hours.override_as_dict(o, zone) for o, zone in listed]}, text)
        return EXIT_OK
    if args.action == "remove":
        store = _open_store(args)
        try:
            override = hours.remove_override(store, args.id)
            zone = hours.desk_zones(store)[override.country]
        finally:
            store.close()
        _emit(args, {"removed": hours.override_as_dict(override, zone)},
              _("Removed: {override}").format(override=_describe_override(override, zone)))
        return EXIT_OK
    now = _now()
    override = _override_from_args(args, now)  # validated before the store opens
    store = _open_store(args)
    try:
        added = hours.add_override(store, override)
        zone = hours.desk_zones(store)[override.country]
    finally:
        store.close()
    _emit(args, {"added": hours.override_as_dict(added, zone)},
          _("Added: {override}").format(override=_describe_override(added, zone)))
    return EXIT_OK


# --- scope --------------------------------------------------------------------------

def _facts_from_args(args):
    from domain.scope import CustomerFacts, Device, Support

    return CustomerFacts(
        support=Support(args.support), from_reseller=not args.not_from_reseller, migrating=args.migrating,
        device=Device(args.device), antivirus=not args.no_antivirus, firewall=not args.no_firewall,
        backup=not args.no_backup, version=args.product_version,
        app_approved={"yes": True, "no": False}.get(args.app_approved), manager_approved=args.manager_approved,
    )


def _describe_answer(answer) -> str:
    from desktop.scope_text import verdict_text

    title = answer.topic.title(i18n.current_locale())  # the topics carry their own five languages
    lines = [f"{answer.topic.id}: {verdict_text(answer.verdict).upper()}  ({title})"]
    lines += [f"  {reason.clause:<7} {_(reason.text)}" for reason in answer.reasons]
    lines.append(_("Next step: {step}").format(step=_(answer.next_step)))
    return "\n".join(lines)


def _describe_matches(matches, catalogue) -> str:
    from babel.numbers import format_decimal

    language = i18n.current_locale()
    return "\n".join(f"{format_decimal(m.score, '0.0', locale=language):>5}  {m.topic:<30} "
                     f"{catalogue.topics[m.topic].title(language)}" for m in matches) or _("No matching topic.")


def cmd_scope(args) -> int:
    from domain.services import scope

    if args.search is not None:
        from domain.scope_search import ScopeSearch

        store = _open_store(args)
        try:
            catalogue = scope.load_catalogue(store)
        finally:
            store.close()
        matches = ScopeSearch(catalogue).search(args.search)  # titles in English for JSON
        _emit(args, scope.search_as_dict(matches), _describe_matches(matches, catalogue))
        return EXIT_OK
    facts = _facts_from_args(args)
    scope.check_question(args.topic, facts)  # bad input writes nothing: checked before the store opens
    store = _open_store(args)
    try:
        from domain.scope import evaluate

        answer = evaluate(scope.load_catalogue(store), args.topic, facts)
    finally:
        store.close()
    _emit(args, scope.answer_as_dict(answer), _describe_answer(answer))
    return EXIT_OK


# --- notice -------------------------------------------------------------------------

def _describe_notice(answer, today: dt.date) -> str:
    """The notice panel's sentences (desktop/notice_text.py), and how to cancel."""
    from desktop import notice_text
    from domain.notice import CANCEL_EMAIL, Term

    lines = [_("Current period: {period}").format(period=notice_text.period_text(answer))]
    if answer.term is Term.PAYG:
        lines.append(notice_text.outcome_text(answer))
        lines.append(_("Cancelled by self-service in Appmarket, it ends at the end of that working day."))
    else:
        lines.append(_("Notice deadline: {deadline}").format(deadline=notice_text.deadline_text(answer, today)))
        lines += [text for text in (notice_text.outcome_text(answer), notice_text.renewal_text(answer),
                                    notice_text.warning_text(answer)) if text]
    lines.append(_("Cancel in writing to {email}, or self-service in Appmarket (terms §10).").format(
        email=CANCEL_EMAIL))
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
            raise UsageError(Message("notice: give --start and --term, or --subscription ID"))
        start, term = parse_day(args.start, "--start"), parse_term(args.term, "--term")
        country = parse_country(args.country, "--country")
        if start > on:
            raise InvalidInput("--start", args.start, Message("is after --on ({day})", day=on))
        from domain.services.notice import notice_for

        store = _open_store(args)
        try:
            answer = notice_for(store, start, term, on, country)
        finally:
            store.close()
    _emit(args, notice_as_dict(answer), _describe_notice(answer, today))
    return EXIT_OK


# --- parser -------------------------------------------------------------------------

def _common_options(parser: argparse.ArgumentParser, suppress: bool) -> None:
    default = argparse.SUPPRESS if suppress else None
    parser.add_argument("--json", action="store_true", default=argparse.SUPPRESS if suppress else False,
                        help=_("print exactly one JSON object"))
    parser.add_argument("--db", metavar="PATH", default=default,
                        help=_("the database file (default: DESKGUIDE_DB, else the machine's deskguide.ini, "
                               "else the user's data folder)"))
    cli_language.add_option(parser, suppress)


def build_parser() -> Parser:
    """Built in the language of the run: the help is in it too."""
    from desktop.version import app_version

    parser = Parser(prog="deskguide", description=_("Deskguide: answers for the Nordic Office 365 helpdesk."),
                    epilog=_("deskguide --self-test [--self-test-report PATH]: check this installation end to "
                             "end with a throwaway database; exit 0, or 1 naming what failed."))
    parser.add_argument("--version", action="version", version=f"deskguide {app_version()}")
    _common_options(parser, suppress=False)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    commands.required = True

    hours = commands.add_parser("hours", help=_("is the desk open, until when, when does it open next"))
    _common_options(hours, suppress=True)
    hours.add_argument("--country", metavar="SE|NO|DK|FI", help=_("one desk (default: all four)"))
    hours.add_argument("--at", metavar="TIME",
                       help=_("ISO 8601; with an offset that instant, without one the wall time in the country "
                              "asked about (default: now)"))
    hours.set_defaults(handler=cmd_hours)

    scope = commands.add_parser("scope", help=_("is a problem covered by the customer's Office 365 support"))
    _common_options(scope, suppress=True)
    question = scope.add_mutually_exclusive_group(required=True)
    question.add_argument("--topic", metavar="ID", help=_("the topic to judge (see --search)"))
    question.add_argument("--search", metavar="TEXT", help=_("find topics from the customer's words"))
    scope.add_argument("--support", choices=("end-user", "software-only"), default="end-user",
                       help=_("licence with end-user support (default) or software only"))
    scope.add_argument("--not-from-reseller", action="store_true",
                       help=_("licences not bought from the reseller"))
    scope.add_argument("--migrating", action="store_true", help=_("the migration to Office 365 is not finished"))
    scope.add_argument("--device", choices=("computer", "tablet", "smartphone"), default="computer",
                       help=_("the device the problem is on (default: computer)"))
    scope.add_argument("--no-antivirus", action="store_true", help=_("the device has no active antivirus"))
    scope.add_argument("--no-firewall", action="store_true", help=_("the device has no active firewall"))
    scope.add_argument("--no-backup", action="store_true", help=_("the device has no current backup"))
    scope.add_argument("--version", dest="product_version", metavar="TEXT",
                       help=_('the product version in words: "Windows 11", "Office 2010", "macOS 15"'))
    scope.add_argument("--app-approved", choices=("yes", "no"),
                       help=_("third-party app approved by the reseller"))
    scope.add_argument("--manager-approved", action="store_true",
                       help=_("an authorised manager has approved the permission change"))
    scope.set_defaults(handler=cmd_scope)

    notice = commands.add_parser("notice", help=_("by which day must notice arrive, and what if it arrives today"))
    _common_options(notice, suppress=True)
    notice.add_argument("--start", metavar="DATE",
                        help=_("the subscription's start date (2026-11-22 or 22.11.2026)"))
    notice.add_argument("--term", metavar="payg|12|24|36", help=_("pay-as-you-go or the first term in months"))
    notice.add_argument("--subscription", metavar="ID", type=int,
                        help=_("a subscription in the register instead"))
    notice.add_argument("--on", metavar="DATE", help=_("the day notice would arrive (default: today)"))
    notice.add_argument("--country", metavar="SE|NO|DK|FI", default="SE",
                        help=_("the customer's country, for its desk's closed days (default: SE)"))
    notice.set_defaults(handler=cmd_notice)

    overrides = commands.add_parser("overrides", help=_("an administrator's changes to the desks' hours"))
    _common_options(overrides, suppress=True)
    actions = overrides.add_subparsers(dest="action", metavar="ACTION", parser_class=Parser)
    actions.required = True
    listing = actions.add_parser("list", help=_("list the overrides"))
    listing.add_argument("--country", metavar="SE|NO|DK|FI")
    remove = actions.add_parser("remove", help=_("remove an override by its id"))
    remove.add_argument("id", type=int)
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
        _common_options(sub, suppress=True)
    for sub in (close, shorten, weekday):
        sub.add_argument("--country", required=True, metavar="SE|NO|DK|FI")
        sub.add_argument("--note", default="", help=_("why, shown with every answer that uses it"))
        sub.add_argument("--by", default="", help=_("who made the change"))
    overrides.set_defaults(handler=cmd_overrides)
    cli_csv.add_commands(commands, _common_options)
    cli_register.add_commands(commands, _common_options)
    cli_lifecycle.add_commands(commands, _common_options)
    cli_escalation.add_commands(commands, _common_options)
    cli_journal.add_commands(commands, _common_options)
    return parser


def _wants_json(argv: Sequence[str]) -> bool:
    return "--json" in argv


def main(argv: Sequence[str] | None = None, handlers: dict[str, Callable] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if "--self-test" in argv:  # desktop/self_test.py; its imports only when asked for
        from desktop import self_test

        return self_test.main(argv, gui=False)
    # The whole run speaks one language, restored afterwards (main may run inside another
    # program, e.g. a test or the GUI's process). An unknown --lang is said in the default.
    with i18n.in_language(cli_language.default_language()):
        try:
            requested = cli_language.requested_language(argv)
            if requested is not None:
                i18n.set_language(requested)
            args = build_parser().parse_args(argv)
            return args.handler(args)
        except (UsageError, InvalidInput) as error:
            return _fail(_wants_json(argv), error.message, EXIT_BAD_INPUT)
        except DeskguideError as error:
            return _fail(_wants_json(argv), error.message, EXIT_FAILED)


if __name__ == "__main__":
    sys.exit(main())
