"""`deskguide deadlines [--within DAYS]`: subscriptions whose notice deadline is near.

Imports no Qt. The number of days is checked before the store is opened, so a bad
value writes nothing; the JSON contract is {"deadlines": [{"customer", "customer_id",
"customer_register_id", "subscription", "subscription_register_id", "notice_deadline",
"days_left", ...}, ...]}. The table names customers and subscriptions by their register
ids (issue 16), which --customer and --subscription take.
"""
from __future__ import annotations

from desktop.cli.context import CliContext
from desktop.cli.customer_ids import shown_id
from desktop.cli.output import EXIT_OK, emit, table
from desktop.common.i18n import _, ngettext
from domain.errors import InvalidInput
from domain.messages import Message

DEFAULT_WITHIN_DAYS = 45  # the same default as domain.services.register.coming_deadlines
WIDEST_CELL = 40  # a longer customer or product name is cut, with "…"


def add_commands(commands, common_options) -> None:
    deadlines = commands.add_parser("deadlines", help=_("subscriptions whose notice deadline falls within N days"))
    common_options(deadlines, suppress=True)
    deadlines.add_argument("--within", metavar="DAYS", default=str(DEFAULT_WITHIN_DAYS),
                           help=_("how many days ahead, today included (default: {days})").format(
                               days=DEFAULT_WITHIN_DAYS))
    deadlines.set_defaults(handler=cmd_deadlines)


def parse_days(text: str, field_name: str = "within") -> int:
    value = (text or "").strip()
    if not value.isascii() or not value.isdigit():
        reason = (Message("is negative: give a number of days from today, 0 or more") if value.startswith("-")
                  else Message("is not a number of days: give a whole number, e.g. 45"))
        raise InvalidInput(field_name, text, reason)
    return int(value)


def _describe(today, within: int, deadlines) -> str:
    from desktop.wording.notice import day_text
    from domain.notice import CANCEL_EMAIL

    if not deadlines:
        return _("No notice deadlines from {today} within {days} days.").format(today=day_text(today), days=within)
    header = (_("Notice by"), _("Days"), _("Customer"), _("Customer ID"), _("Product"), _("Subscription"),
              _("Period ends"))
    rows = [(day_text(d.notice_deadline), _("today") if d.days_left == 0 else str(d.days_left), d.customer_name,
             shown_id(d.customer_register_id, d.customer_id), d.product,
             shown_id(d.subscription_register_id, d.subscription_id), day_text(d.period_end)) for d in deadlines]
    count = len(deadlines)
    title = ngettext("{count} notice deadline from {today} within {days} days (notice in writing to {email}, "
                     "terms §10):",
                     "{count} notice deadlines from {today} within {days} days (notice in writing to {email}, "
                     "terms §10):", count).format(count=count, today=day_text(today), days=within, email=CANCEL_EMAIL)
    return "\n".join([title, *table(header, rows, WIDEST_CELL, right=frozenset({1}))])


def cmd_deadlines(args, context: CliContext) -> int:
    from domain.services.register import coming_deadlines, deadline_as_dict

    within = parse_days(args.within)  # before the store opens: bad input writes nothing
    today = context.today()
    with context.store(args) as store:
        deadlines = coming_deadlines(store, today, within_days=within)
    payload = {"today": today.isoformat(), "within_days": within,
               "deadlines": [deadline_as_dict(d) for d in deadlines]}
    emit(args, payload, _describe(today, within, deadlines))
    return EXIT_OK
