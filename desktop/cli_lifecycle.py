"""`deskguide lifecycle --product TEXT [--on DATE]`: a Microsoft product's support phase.

Imports no Qt. The product and the day are checked against the bundled lifecycle list
before the store is opened, so bad input writes nothing. The JSON contract is
{"product", "phase": "mainstream"|"extended"|"ended", "mainstream_end", "extended_end",
"source", "checked", "allows", "notes", "matched_from", ...}. Text that names no product,
or several ("Windows 11"), exits 2; with --json stdout also gets {"error", "candidates"}
(the products it fits) or {"error", "closest"} (the nearest names).
"""
from __future__ import annotations

import json
import sys


def add_commands(commands, common_options) -> None:
    lifecycle = commands.add_parser("lifecycle", help="a Microsoft product's support phase on a day, and what it allows")
    common_options(lifecycle, suppress=True)
    lifecycle.add_argument("--product", required=True, metavar="TEXT",
                           help='the product in words: "Windows 11 24H2 Pro", "Server 2019", "Exchange 2016"')
    lifecycle.add_argument("--on", metavar="DATE", help="the day to ask about, 2026-11-22 or 22.11.2026 (default: today)")
    lifecycle.set_defaults(handler=cmd_lifecycle)


def _describe(item: dict) -> str:
    phase = {"mainstream": "MAINSTREAM support", "extended": "EXTENDED support", "ended": "support ENDED"}[item["phase"]]
    lines = [f"{item['product']}: {phase} on {item['on']}"
             + (f" (until {item['phase_ends']})" if item["phase_ends"] else "")]
    mainstream = f"until {item['mainstream_end']}" if item["mainstream_end"] else "no end announced"
    extended = f"until {item['extended_end']}" if item["extended_end"] else "none (no extended phase)"
    lines.append(f"  mainstream {mainstream}; extended {extended}; {item['policy']} lifecycle policy")
    if item["warning"]:
        lines.append(f"Warning: {item['warning']}")
    lines.append("Allows:")
    lines += [f"  - {text}" for text in item["allows"]]
    if item["not_allowed"]:
        lines.append("Not in this phase:")
        lines += [f"  - {text}" for text in item["not_allowed"]]
    lines += [f"Note: {note}" for note in item["notes"]]
    lines.append(f"Source: {item['source']} (checked {item['checked']}, {item['confidence']})")
    return "\n".join(lines)


def _refuse(args, error) -> int:
    """Like desktop.cli's own handling of bad input, with the names to choose from."""
    from desktop import cli
    from domain.lifecycle import AmbiguousProduct

    message = str(error)
    print(f"deskguide: {message}", file=sys.stderr)
    if args.json:
        names = ({"candidates": error.candidates} if isinstance(error, AmbiguousProduct)
                 else {"closest": error.closest})
        print(json.dumps({"error": message, **names}, ensure_ascii=False))
    return cli.EXIT_BAD_INPUT


def cmd_lifecycle(args) -> int:
    from desktop import cli  # imported here: desktop.cli imports this module
    from domain.dates import parse_day
    from domain.lifecycle import AmbiguousProduct, UnknownProduct
    from domain.services import lifecycle

    on = parse_day(args.on, "--on") if args.on is not None else cli._today()
    fields = {"product_field": "--product", "on_field": "--on"}
    try:
        # Before the store opens: an unknown product or a day before its release writes nothing.
        lifecycle.check_question(args.product, on, **fields)
        store = cli._open_store(args)
        try:
            result = lifecycle.check(store, args.product, on, **fields)
        finally:
            store.close()
    except (UnknownProduct, AmbiguousProduct) as error:
        return _refuse(args, error)
    payload = lifecycle.answer_as_dict(result)
    cli._emit(args, payload, _describe(payload))
    return cli.EXIT_OK
