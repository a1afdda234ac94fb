"""`--customer-message` (issue 16): the message for the customer, in --lang, instead of
the answer, so scripts and tests read exactly what the agent would paste into the e-mail.

Signed like the app's: the agent's name (here the name this computer's user logs in
with, as the journal's entries are) and the phone of the desk serving the customer's
country (--country where the command has it, else --lang's country; for English the
machine's default desk, else Sweden's). No Qt here.
"""
from __future__ import annotations

from desktop.cli.context import agent_name
from desktop.cli.output import EXIT_OK, emit
from desktop.common import i18n
from desktop.common.i18n import _


def add_option(parser) -> None:
    parser.add_argument("--customer-message", action="store_true",
                        help=_("print the message for the customer in --lang (plain text) instead of the answer"))


def signature(args, country: str | None = None):
    from desktop.common.machine_config import machine_defaults
    from desktop.wording.letters.signature import Signature, desk_phone

    language = i18n.current_locale()
    if country is None and language == "en":
        country = machine_defaults().country or None
    return Signature(agent_name(getattr(args, "agent", None)), desk_phone(country, language))


def print_customer_message(args, text: str) -> int:
    """The message as plain text; with --json {"language", "customer_message", "message"}."""
    emit(args, {"language": i18n.current_locale(), "customer_message": text}, text)
    return EXIT_OK
