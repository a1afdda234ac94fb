"""`deskguide`: the command line beside the GUI, for scripts and terminal users.

Imports no Qt (tests/test_import_rules.py). Every command takes --json and then prints
exactly one JSON object, and --lang for the language of everything a person reads
(desktop/cli/language.py): the help, the answers, the errors. JSON keeps its field names,
codes and English texts in any language and adds "message", the answer as the command
would print it, in --lang. Bad input: exit status 2, a one-line error on stderr naming
the bad value (with --json also {"error": "...", "message": "..."} on stdout), and
nothing written: every value is checked before the store is opened. A busy (another
Deskguide is writing) or unreachable database: exit status 3 and one line, try again.

One module per command family, each with `add_commands(commands, common_options)` and
handlers `cmd_x(args, context)`; output.py says the answers, context.py holds the clock
and the store.
"""
from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from desktop.cli import (
    backup,
    claims,
    customers,
    deadlines,
    escalation,
    hours,
    journal,
    language,
    lifecycle,
    notice,
    overrides,
    register_csv,
    scope,
    team,
)
from desktop.cli.context import CliContext
from desktop.cli.output import (
    EXIT_BAD_INPUT,
    EXIT_FAILED,
    EXIT_TEMPORARY,
    Parser,
    UsageError,
    as_option,
    choices_of,
    fail,
    options_used,
)
from desktop.common import i18n
from desktop.common.i18n import _
from domain.errors import DeskguideError, InvalidInput

# In the order `deskguide --help` lists them.
COMMAND_FAMILIES = (hours, scope, claims, notice, overrides, register_csv, customers, deadlines, lifecycle, escalation,
                   journal, backup, team)


def common_options(parser: argparse.ArgumentParser, suppress: bool) -> None:
    default = argparse.SUPPRESS if suppress else None
    parser.add_argument("--json", action="store_true", default=argparse.SUPPRESS if suppress else False,
                        help=_("print exactly one JSON object"))
    parser.add_argument("--db", metavar="PATH", default=default,
                        help=_("the database file (default: DESKGUIDE_DB, else the machine's settings: IT's policy, the "
                               "installer, deskguide.ini; else the user's data folder)"))
    parser.add_argument("--database-url", metavar="URL", default=default,
                        help=_("the team's PostgreSQL database, postgresql://HOST[:PORT]/DATABASE, without a "
                               "password (default: DESKGUIDE_DATABASE_URL, else the machine's settings: IT's policy, the "
                               "installer, deskguide.ini)"))
    language.add_option(parser, suppress)


class _VersionAction(argparse._VersionAction):
    """--version, the installed version looked up only when asked for: importlib.metadata
    would cost every command ~20 ms of start-up (issue 17)."""

    @property
    def version(self) -> str:
        from desktop.common.version import app_version

        return f"deskguide {app_version()}"

    @version.setter
    def version(self, _value) -> None:
        pass


def build_parser() -> Parser:
    """Built in the language of the run: the help is in it too."""
    parser = Parser(prog="deskguide", description=_("Deskguide: answers for the Nordic Office 365 helpdesk."),
                    epilog=_("deskguide --self-test [--self-test-report PATH]: check this installation end to "
                             "end with a throwaway database; exit 0, or 1 naming what failed."))
    parser.add_argument("--version", action=_VersionAction)
    common_options(parser, suppress=False)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    commands.required = True
    for family in COMMAND_FAMILIES:
        family.add_commands(commands, common_options)
    return parser


def _wants_json(argv: Sequence[str]) -> bool:
    return "--json" in argv


def main(argv: Sequence[str] | None = None, context: CliContext | None = None) -> int:
    """Run one command; `context` (the clock, the store) defaults to the real machine's."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if "--self-test" in argv:  # desktop/self_test.py; its imports only when asked for
        from desktop import self_test

        return self_test.main(argv, gui=False)
    context = context or CliContext()
    # A quick answer (domain/store/quick_read.py) makes the closed-day snapshot of its file
    # the process's; put back afterwards, as the language (main may run inside another program).
    from domain import closed_days

    snapshot = closed_days.library_snapshot_in_use()
    try:
        return _run(argv, context)
    finally:
        closed_days.use_library_snapshot(snapshot)


def _run(argv: list[str], context: CliContext) -> int:
    # The whole run speaks one language, restored afterwards (main may run inside another
    # program, e.g. a test or the GUI's process). An unknown --lang is said in the default.
    with i18n.in_language(language.default_language()):
        try:
            requested = language.requested_language(argv)
            if requested is not None:
                i18n.set_language(requested)
            parser = build_parser()
            args = parser.parse_args(argv)
            try:
                return args.handler(args, context)
            except InvalidInput as error:
                return fail(_wants_json(argv), as_option(error, options_used(parser, args)), EXIT_BAD_INPUT,
                            choices_of(error))
        except (UsageError, InvalidInput) as error:
            return fail(_wants_json(argv), error.message, EXIT_BAD_INPUT)
        except DeskguideError as error:  # busy or unreachable: 3, try again; refused: 2; else 1
            code = EXIT_TEMPORARY if error.temporary else EXIT_BAD_INPUT if error.refused else EXIT_FAILED
            return fail(_wants_json(argv), error.message, code)
