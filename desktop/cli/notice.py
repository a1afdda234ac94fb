"""`deskguide notice`: by which day must notice arrive, and what if it arrives today."""
from __future__ import annotations

import datetime as dt

from desktop.cli.context import CliContext
from desktop.cli.output import EXIT_OK, UsageError, emit
from desktop.common.i18n import _
from domain.errors import InvalidInput
from domain.messages import Message


def _describe_notice(answer, today: dt.date) -> str:
    """The notice panel's sentences (desktop/wording/notice.py), and how to cancel."""
    from desktop.wording import notice as notice_text
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


def cmd_notice(args, context: CliContext) -> int:
    from domain.dates import parse_day
    from domain.desks import parse_country
    from domain.notice import notice_as_dict, parse_term

    today = context.today()
    on = parse_day(args.on, "on") if args.on else today
    if args.subscription is not None:
        from desktop.cli import customer_ids
        from domain.services.register import notice_for_subscription

        named = customer_ids.subscription_ref(args.subscription)  # before the store opens (issue 16: S-5001)
        with context.store(args) as store:
            answer = notice_for_subscription(store, customer_ids.subscription_number(store, named), on)
    else:
        if args.start is None or args.term is None:
            raise UsageError(Message("notice: give --start and --term, or --subscription ID"))
        start, term = parse_day(args.start, "start"), parse_term(args.term)
        country = parse_country(args.country)
        if start > on:
            raise InvalidInput("start", args.start, Message("is after --on ({day})", day=on))
        from domain.services.notice import notice_for

        with context.store(args) as store:
            answer = notice_for(store, start, term, on, country)
    emit(args, notice_as_dict(answer), _describe_notice(answer, today))
    return EXIT_OK


def add_commands(commands, common_options) -> None:
    notice = commands.add_parser("notice", help=_("by which day must notice arrive, and what if it arrives today"))
    common_options(notice, suppress=True)
    notice.add_argument("--start", metavar="DATE",
                        help=_("the subscription's start date (2026-11-22 or 22.11.2026)"))
    notice.add_argument("--term", metavar="payg|12|24|36", help=_("pay-as-you-go or the first term in months"))
    from desktop.cli.customer_ids import subscription_help

    notice.add_argument("--subscription", metavar="ID", help=subscription_help())
    notice.add_argument("--on", metavar="DATE", help=_("the day notice would arrive (default: today)"))
    notice.add_argument("--country", metavar="SE|NO|DK|FI", default="SE",
                        help=_("the customer's country, for its desk's closed days (default: SE)"))
    notice.set_defaults(handler=cmd_notice)
