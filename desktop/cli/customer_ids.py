"""How the command line names customers and subscriptions: by their register ids (issue 16).

Every command that takes --customer or --subscription reads it here, and every answer
that names one shows it with `shown_id`, so the rule is in one place (README, "What the
options accept"; docs/journal.md):

- `C-1001`, `S-5001`: the register id (the reseller portal's id that `deskguide import`
  files carry, `external_id` in the database), as typed, spaces around it trimmed;
- `#1001`: the register id `1001` (one leading `#` is dropped: `##x` is `#x`);
- `13`, ASCII digits only: the database's own number, as scripts written before issue 16
  pass it. Accepted only when no *other* record has those digits as its register id;
  otherwise exit 2, saying to write `#13` or the register id (domain.services.register).

Parsing happens before the store opens (bad input writes nothing and opens nothing); the
lookup needs the store. No Qt.
"""
from __future__ import annotations

from desktop.common.i18n import _


def customer_ref(text: str) -> int | str:
    """--customer as given: a register id (str) or a number (int); checked, not looked up."""
    from domain.customers import parse_customer_ref

    return parse_customer_ref(text, "customer")


def subscription_ref(text: str) -> int | str:
    """--subscription as given, as customer_ref."""
    from domain.customers import parse_subscription_ref

    return parse_subscription_ref(text, "subscription")


def customer_number(store, ref: int | str) -> int:
    """The database's number of the customer `ref` names (exit 2 when none, or ambiguous)."""
    from domain.services.register import customer_id_of

    return customer_id_of(store, ref)


def subscription_number(store, ref: int | str) -> int:
    """The database's number of the subscription `ref` names (exit 2 when none, or ambiguous)."""
    from domain.services.register import subscription_id_of

    return subscription_id_of(store, ref)


def shown_id(register_id: str | None, number: int | None) -> str:
    """How an answer names a record: its register id; a record without one (the app gives
    every record one; a very old database may still hold some) by its number, digits only,
    which --customer and --subscription read back as that number."""
    if register_id:
        return register_id
    return "" if number is None else str(number)


def customer_help() -> str:
    return _("the customer: its register id (C-1001; #1001 for a register id of digits only)")


def subscription_help() -> str:
    return _("a subscription in the register instead: its register id (S-5001; #5001 for a register id of digits "
             "only)")
