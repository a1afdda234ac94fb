"""`deskguide deadlines [--within DAYS]`: subscriptions whose notice deadline is near.

Imports no Qt. The number of days is checked before the store is opened, so a bad
value writes nothing; the JSON contract is {"deadlines": [{"customer", "subscription",
"notice_deadline", "days_left", ...}, ...]}.
"""
from __future__ import annotations

from domain.errors import InvalidInput

DEFAULT_WITHIN_DAYS = 45  # the same default as domain.services.register.coming_deadlines


def add_commands(commands, common_options) -> None:
    deadlines = commands.add_parser("deadlines", help="subscriptions whose notice deadline falls within N days")
    common_options(deadlines, suppress=True)
    deadlines.add_argument("--within", metavar="DAYS", default=str(DEFAULT_WITHIN_DAYS),
                           help=f"how many days ahead, today included (default: {DEFAULT_WITHIN_DAYS})")
    deadlines.set_defaults(handler=cmd_deadlines)


def parse_days(text: str, field_name: str = "--within") -> int:
    value = (text or "").strip()
    if not value.isascii() or not value.isdigit():
        reason = ("is negative: give a number of days from today, 0 or more" if value.startswith("-")
                  else "is not a number of days: give a whole number, e.g. 45")
        raise InvalidInput(field_name, text, reason)
    return int(value)


def _describe(payload: dict) -> str:
    items = payload["deadlines"]
    within = payload["within_days"]
    if not items:
        return f"No notice deadlines from {payload['today']} within {within} days."
    header = ("Notice by", "Days", "Customer", "Product", "Subscription", "Period ends")
    rows = [(item["notice_deadline"], "today" if item["days_left"] == 0 else str(item["days_left"]),
             item["customer"], item["product"], f"#{item['subscription']}", item["period_end"]) for item in items]
    widths = [min(40, max(len(row[i]) for row in [header, *rows])) for i in range(len(header))]

    def line(cells) -> str:
        fitted = [cell if len(cell) <= width else cell[:width - 1] + "…" for cell, width in zip(cells, widths)]
        return "  ".join(cell.rjust(width) if i == 1 else cell.ljust(width)
                         for i, (cell, width) in enumerate(zip(fitted, widths))).rstrip()

    count = len(items)
    title = (f"{count} notice deadline{'s' if count != 1 else ''} from {payload['today']} within {within} days "
             "(notice in writing to cspavtal@dustin.se, terms §10):")
    return "\n".join([title, line(header), *map(line, rows)])


def cmd_deadlines(args) -> int:
    from desktop import cli  # imported here: desktop.cli imports this module
    from domain.services.register import coming_deadlines, deadline_as_dict

    within = parse_days(args.within)  # before the store opens: bad input writes nothing
    today = cli._today()
    store = cli._open_store(args)
    try:
        deadlines = coming_deadlines(store, today, within_days=within)
    finally:
        store.close()
    payload = {"today": today.isoformat(), "within_days": within,
               "deadlines": [deadline_as_dict(d) for d in deadlines]}
    cli._emit(args, payload, _describe(payload))
    return cli.EXIT_OK
