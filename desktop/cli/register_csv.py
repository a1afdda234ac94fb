"""`deskguide import FILE` and `deskguide export FILE`: the customer register as CSV.

The file is read and checked in full before the store is opened, so a file with problems
writes nothing (and creates no database). Unlike other bad input, a file can have many
problems: each is one line on stderr after a summary line, and with --json the summary and
every problem are one JSON object on stdout. Formats: docs/register-csv.md.
"""
from __future__ import annotations

import sys

from desktop.cli.context import CliContext
from desktop.cli.output import EXIT_BAD_INPUT, EXIT_OK, emit, fail, printable
from desktop.common.i18n import _, ngettext
from domain.messages import plural_message

KINDS = ("customers", "subscriptions")


def add_commands(commands, common_options) -> None:
    importing = commands.add_parser("import", help=_("add and update customers and subscriptions from a CSV file"))
    common_options(importing, suppress=True)
    importing.add_argument("file", metavar="FILE", help=_("a register CSV file (see docs/register-csv.md)"))
    importing.add_argument("--dry-run", action="store_true",
                           help=_("check the file and count what would change, but write nothing"))
    importing.set_defaults(handler=cmd_import)

    exporting = commands.add_parser("export", help=_("write the customer register to a CSV file"))
    common_options(exporting, suppress=True)
    exporting.add_argument("file", metavar="FILE", help=_("the file to write (replaced if it exists)"))
    exporting.add_argument("--separator", choices=(";", ","), default=";",
                           help=_("between cells: ';' as Excel in the Nordic countries expects (default), or ','"))
    exporting.set_defaults(handler=cmd_export)


def _counts(result, kind: str) -> dict:
    return {what: getattr(result, f"{kind}_{what}") for what in ("added", "updated", "unchanged")}


def _report_problems(args, problems) -> int:

    count = len(problems.problems)
    summary = plural_message("import: {count} problem in {file}, nothing imported",
                             "import: {count} problems in {file}, nothing imported", count, file=args.file)
    code = fail(args.json, summary, EXIT_BAD_INPUT, {"problems": [p.as_dict() for p in problems.problems]})
    for problem in problems.problems:
        print(printable(_(problem.message), lines=False), file=sys.stderr)
    return code


def _describe_import(args, payload: dict, ignored_columns) -> str:
    lines = [_("Dry run of {file}: nothing written.").format(file=args.file) if args.dry_run
             else _("Imported {file}.").format(file=args.file)]
    labels = {"customers": _("customers:"), "subscriptions": _("subscriptions:")}
    width = max(map(len, labels.values())) + 1  # the counts of both kinds line up
    for kind in KINDS:
        template = (_("{added} to add, {updated} to update, {unchanged} unchanged") if args.dry_run
                    else _("{added} added, {updated} updated, {unchanged} unchanged"))
        lines.append(f"  {labels[kind]:<{width}}" + template.format(**payload[kind]))
    if ignored_columns:
        lines.append("  " + _("ignored columns (not part of the register): {columns}").format(
            columns=", ".join(ignored_columns)))
    return "\n".join(lines)


def cmd_import(args, context: CliContext) -> int:
    from domain.customer_csv import CsvProblems
    from domain.services.register_csv import import_records, read_register_file

    today = context.today()
    try:
        parsed = read_register_file(args.file, today)  # before the store opens: a bad file writes nothing
    except CsvProblems as problems:
        return _report_problems(args, problems)
    with context.store(args, create=not args.dry_run) as store:
        result = import_records(store, parsed, today, dry_run=args.dry_run)
    payload = {"file": args.file, "dry_run": args.dry_run, **{kind: _counts(result, kind) for kind in KINDS},
               "ignored_columns": list(parsed.ignored_columns)}
    emit(args, payload, _describe_import(args, payload, parsed.ignored_columns))
    return EXIT_OK


def cmd_export(args, context: CliContext) -> int:
    from domain.services.register_csv import check_export_target, export_csv

    check_export_target(args.file)  # before the store opens
    with context.store(args) as store:
        rows = export_csv(store, args.file, args.separator)
    emit(args, {"file": args.file, "rows": rows, "separator": args.separator},
              ngettext("Exported {count} row to {file}.", "Exported {count} rows to {file}.", rows).format(
                  count=rows, file=args.file))
    return EXIT_OK
