"""`deskguide import FILE` and `deskguide export FILE`: the customer register as CSV.

The file is read and checked in full before the store is opened, so a file with problems
writes nothing (and creates no database). Unlike other bad input, a file can have many
problems: each is one line on stderr after a summary line, and with --json the summary and
every problem are one JSON object on stdout. Formats: docs/register-csv.md.
"""
from __future__ import annotations

import json
import sys


def add_commands(commands, common_options) -> None:
    importing = commands.add_parser("import", help="add and update customers and subscriptions from a CSV file")
    common_options(importing, suppress=True)
    importing.add_argument("file", metavar="FILE", help="a register CSV file (see docs/register-csv.md)")
    importing.add_argument("--dry-run", action="store_true",
                           help="check the file and count what would change, but write nothing")
    importing.set_defaults(handler=cmd_import)

    exporting = commands.add_parser("export", help="write the customer register to a CSV file")
    common_options(exporting, suppress=True)
    exporting.add_argument("file", metavar="FILE", help="the file to write (replaced if it exists)")
    exporting.add_argument("--separator", choices=(";", ","), default=";",
                           help="between cells: ';' as Excel in the Nordic countries expects (default), or ','")
    exporting.set_defaults(handler=cmd_export)


def _counts(result, kind: str) -> dict:
    return {what: getattr(result, f"{kind}_{what}") for what in ("added", "updated", "unchanged")}


def _report_problems(args, problems) -> int:
    from desktop import cli  # imported here: desktop.cli imports this module

    count = len(problems.problems)
    summary = f"import: {count} problem{'s' if count != 1 else ''} in {args.file}, nothing imported"
    print(f"deskguide: {summary}", file=sys.stderr)
    for problem in problems.problems:
        print(problem, file=sys.stderr)
    if args.json:
        print(json.dumps({"error": summary, "problems": [p.as_dict() for p in problems.problems]},
                         ensure_ascii=False, indent=2))
    return cli.EXIT_BAD_INPUT


def cmd_import(args) -> int:
    from desktop import cli
    from domain.customer_csv import CsvProblems
    from domain.services.register_csv import import_records, read_register_file

    today = cli._today()
    try:
        parsed = read_register_file(args.file, today)  # before the store opens: a bad file writes nothing
    except CsvProblems as problems:
        return _report_problems(args, problems)
    store = cli._open_store(args)
    try:
        result = import_records(store, parsed, today, dry_run=args.dry_run)
    finally:
        store.close()
    payload = {"file": args.file, "dry_run": args.dry_run,
               "customers": _counts(result, "customers"), "subscriptions": _counts(result, "subscriptions"),
               "ignored_columns": list(parsed.ignored_columns)}
    added, updated = ("to add", "to update") if args.dry_run else ("added", "updated")
    lines = [f"Dry run of {args.file}: nothing written." if args.dry_run else f"Imported {args.file}."]
    for kind in ("customers", "subscriptions"):
        c = payload[kind]
        lines.append(f"  {kind + ':':<15}{c['added']} {added}, {c['updated']} {updated}, {c['unchanged']} unchanged")
    if parsed.ignored_columns:
        lines.append("  ignored columns (not part of the register): " + ", ".join(parsed.ignored_columns))
    cli._emit(args, payload, "\n".join(lines))
    return cli.EXIT_OK


def cmd_export(args) -> int:
    from desktop import cli
    from domain.services.register_csv import check_export_target, export_csv

    check_export_target(args.file)  # before the store opens
    store = cli._open_store(args)
    try:
        rows = export_csv(store, args.file, args.separator)
    finally:
        store.close()
    cli._emit(args, {"file": args.file, "rows": rows, "separator": args.separator},
              f"Exported {rows} row{'s' if rows != 1 else ''} to {args.file}.")
    return cli.EXIT_OK
