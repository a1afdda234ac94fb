"""`deskguide claim`: what a customer can claim after an Office 365 outage (issue 19).

Needs no database: the rules are reference data read from resources/reference/claims.toml
(domain/claims.py), so the command never opens, creates or migrates a store.
"""
from __future__ import annotations

from desktop.cli import customer_message
from desktop.cli.context import CliContext
from desktop.cli.output import EXIT_OK, emit
from desktop.common import i18n
from desktop.common.i18n import _


def answer_as_dict(answer) -> dict:
    """Issue 19's JSON contract (fields may be added, never renamed); texts in English."""
    from desktop.wording.claims import next_step_text, reason_text

    with i18n.in_language("en"):
        reasons = [{"clause": reason.clause, "ref": reason.ref, "key": reason.text_key,
                    "text": reason_text(answer, reason)} for reason in answer.reasons]
        next_text = next_step_text(answer)
    return {
        "service": answer.service, "month": answer.month, "uptime_percent": answer.uptime_percent,
        "sla_percent": float(answer.sla_percent), "credit_percent": float(answer.credit_percent),
        "claim_to": answer.claim_to, "paid_after_microsoft": answer.paid_after_microsoft, "cap": answer.cap,
        "excluded": list(answer.excluded), "next_step": answer.next_step, "reasons": reasons,
        "outage_minutes": answer.outage_minutes, "month_minutes": answer.month_minutes,
        "data_loss": answer.data_loss, "wrong_portal": answer.wrong_portal, "next_step_text": next_text,
        "sla_edition": answer.level.edition, "sla_checked": answer.level.checked.isoformat(),
    }


def cmd_claim(args, context: CliContext) -> int:
    from desktop.wording.claims import claim_lines
    from domain.claims import assess_claim, load_claim_rules, parse_minutes

    answer = assess_claim(load_claim_rules(), args.service, args.month, parse_minutes(args.outage_minutes),
                          data_loss=args.data_loss, wrong_portal=args.wrong_portal)
    if args.customer_message:
        from desktop.cli.customer_message import print_customer_message, signature
        from desktop.wording.letters.claim import claim_message

        return print_customer_message(args, claim_message(answer, i18n.current_locale(),
                                                          signature(args, args.country)))
    emit(args, answer_as_dict(answer), "\n".join(claim_lines(answer)))
    return EXIT_OK


def add_commands(commands, common_options) -> None:
    from domain.claim_services import SERVICES  # not domain.claims: ~10 ms for every command (issue 17)

    claim = commands.add_parser("claim", help=_("what a customer can claim after an Office 365 outage, and from "
                                                "whom"))
    common_options(claim, suppress=True)
    claim.add_argument("--service", required=True, choices=SERVICES, help=_("the service that was down"))
    claim.add_argument("--outage-minutes", required=True, metavar="N",
                       help=_("the outage's minutes in the month"))
    claim.add_argument("--month", required=True, metavar="YYYY-MM", help=_("the month of the outage's start"))
    claim.add_argument("--data-loss", action="store_true", help=_("the customer also lost data"))
    claim.add_argument("--wrong-portal", action="store_true",
                       help=_("the customer filed the claim through Microsoft's or another portal"))
    customer_message.add_option(claim)
    claim.add_argument("--agent", metavar="NAME",
                       help=_("who signs the message for the customer (default: this computer's user name)"))
    claim.add_argument("--country", metavar="SE|NO|DK|FI", type=_country,
                       help=_("the customer's country: the message for the customer gives its desk's phone "
                              "(default: the desk for --lang)"))
    claim.set_defaults(handler=cmd_claim)


def _country(text: str) -> str:
    from domain.desks import parse_country

    return parse_country(text)
