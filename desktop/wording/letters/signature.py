"""How a message for the customer is signed (issue 16): the sign-off, the agent's name and
the desk's phone number, in the customer's language.

The agent's name is Settings' agent name in the app and the OS user (or --agent) on the
command line; the phone is that of the desk serving the customer's country
(resources/reference/desks.toml). No Qt here.
"""
from __future__ import annotations

from dataclasses import dataclass

from desktop.common.i18n import _

# The desk a language's customers call when the country is not known (en: Sweden's).
_LANGUAGE_COUNTRY = {"sv": "SE", "nb": "NO", "da": "DK", "fi": "FI", "en": "SE"}


@dataclass(frozen=True)
class Signature:
    agent: str  # "Anna Lind"; "" signs with the desk only
    phone: str  # "+46770176100", as dialled


def desk_phone(country: str | None = None, language: str = "en") -> str:
    """The phone number of the desk for `country`, else for the customer's `language`."""
    from domain.reference_data import load_desks

    country = country or _LANGUAGE_COUNTRY.get(language, "SE")
    desks = load_desks().desks
    return next((desk.phone for desk in desks if desk.country == country), desks[0].phone)


def signature_lines(signature: Signature | None) -> list[str]:
    """The sign-off, then the agent's name, then the desk and its phone (current language)."""
    # Translators: the sign-off of a message to a customer (the agent signs under it).
    lines = [_("Kind regards")]
    if signature is None:
        return lines
    if signature.agent.strip():
        lines.append(signature.agent.strip())
    if signature.phone:
        # Translators: under the agent's name in a message to a customer.
        lines.append(_("Service desk, phone {phone}").format(phone=signature.phone))
    return lines
