"""`deskguide notice`: by which day must notice arrive, and what if it arrives today."""
from __future__ import annotations

import datetime as dt

from desktop.cli import customer_message
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
            subscription = customer_ids.subscription_number(store, named)
            answer = notice_for_subscription(store, subscription, on)
            if args.customer_message:
                return _print_message(args, answer, *_customer_and_product(store, subscription))
    else:
        if args.start is None or args.term is None:
            raise UsageError(Message("notice: give --start and --term, or --subscription ID"))
        start, term = parse_day(args.start, "start"), parse_term(args.term)
        country = parse_country(args.country)
        if start > on:
            raise InvalidInput("start", args.start, Message("is after --on ({day})", day=on))
        from domain.services.notice import notice_for

        with context.store(args, quick="desks") as store:
            answer = notice_for(store, start, term, on, country)
        if args.customer_message:
            return _print_message(args, answer, "", "Office 365", country)
    emit(args, notice_as_dict(answer), _describe_notice(answer, today))
    return EXIT_OK


def _customer_and_product(store, subscription_id: int) -> tuple[str, str, str]:
    """The customer's name, the subscription's product and the customer's country (the
    subscription is known to exist: its notice was just answered)."""
    from domain.services.register import export_records

    for record in export_records(store):
        for subscription in record.subscriptions:
            if subscription.id == subscription_id:
                return record.customer.name, subscription.product, record.customer.country
    return "", "", ""


def _print_message(args, answer, customer: str, product: str, country: str) -> int:
    """--customer-message: the notice panel's message for the customer, in --lang."""
    from desktop.cli.customer_message import print_customer_message, signature
    from desktop.common import i18n
    from desktop.wording.letters.notice import customer_message

    return print_customer_message(args, customer_message(answer, i18n.current_locale(), customer, product,
                                                         signature=signature(args, country)))


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
    customer_message.add_option(notice)
    notice.set_defaults(handler=cmd_notice)
