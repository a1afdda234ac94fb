"""Customers and their subscriptions as plain values, and the checks on every field.

Checks return every problem at once, each naming its field, so the GUI can show each
message next to its field and a CSV import can report every bad cell of a row.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from enum import Enum

from domain.dates import FIRST_DAY, LAST_DAY, outside_range
from domain.desks import COUNTRIES
from domain.errors import (
    InvalidInput,
    ReasonOnly,
    control_character,
    in_one_line,
    joined,
    parse_record_id,
    too_long,
    whole_number_from,
)
from domain.messages import Message
from domain.notice import Term
from domain.roles import LastChange


class Offering(str, Enum):
    """The customer's Microsoft support offering (issue "Escalation to Microsoft")."""

    NONE = "none"
    UNIFIED = "unified"
    ENHANCED_RESPONSE = "enhanced-response"
    RAPID_RESPONSE = "rapid-response"
    EVENT_MANAGEMENT = "event-management"


# The longest text each field may hold: the store's column sizes (domain/store/models.py,
# which the rules cannot import; tests/domain/store/test_field_lengths.py holds them equal).
# None of these may hold a control character (notes may: line breaks). country, offering
# and term are checked against their few values instead.
CUSTOMER_FIELD_LENGTHS = {"external_id": 80, "name": 200, "org_number": 20, "contact": 200, "phone": 40,
                          "email": 254}
SUBSCRIPTION_FIELD_LENGTHS = {"external_id": 80, "product": 200}

# A subscription's seats: more than a million on one subscription is a typo (or a probe),
# far below what the store's 64-bit column could hold.
MAX_SEATS = 1_000_000


@dataclass(frozen=True)
class FieldError:
    field: str
    message: str  # a Message: the GUI says it next to the field in the agent's language


def valued(value: str, reason: str) -> Message:
    """"'x' is not an e-mail address": the value as it was given, then why it is wrong.
    A CSV problem shows the cell apart and keeps only the reason (reason_of)."""
    return Message("{value} {reason}", value=value, reason=reason)


def reason_of(message: str) -> str:
    """A field's message without the value in front of it (see valued)."""
    if isinstance(message, Message) and message.template == "{value} {reason}":
        return message.params["reason"]
    return message


class InvalidRecord(ReasonOnly):
    """A customer or subscription with one or more bad fields: `errors` has each as its
    own Message; the error's message says them all, "; " between them."""

    def __init__(self, errors: list[FieldError]):
        self.errors = errors
        reason = joined([Message("{field}: {message}", field=e.field, message=e.message) for e in errors],
                        in_one_line)
        super().__init__(errors[0].field, None, reason)


@dataclass(frozen=True, slots=True)  # slots: 100,000 of them live in the search index
class CustomerSummary:
    """What the register list and the search as you type need of a customer."""

    id: int
    name: str
    org_number: str
    country: str
    phone: str
    email: str
    offering: str
    # The register id (issue 16: the CLI names customers by it); last, so a summary made
    # without it (a form's new customer) still reads.
    external_id: str | None = None


@dataclass(frozen=True)
class Customer:
    name: str
    country: str
    org_number: str = ""
    contact: str = ""
    phone: str = ""
    email: str = ""
    offering: Offering = Offering.NONE
    notes: str = ""
    id: int | None = None
    external_id: str | None = None  # the id in the reseller's portal, for CSV re-imports
    # The stored version these values were read at (None: not stored yet). Not part of the
    # customer's value (compare=False): it says which change a save builds on
    # (domain/concurrent_edits.py, docs/concurrent-editing.md).
    version: int | None = field(default=None, compare=False)
    # Who saved it last and when (issue 15); the store's record, not the customer's value.
    changed: LastChange | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Subscription:
    product: str
    term: Term
    start_date: dt.date
    seats: int = 1
    end_user_support: bool = True
    from_reseller: bool = True
    customer_id: int | None = None
    id: int | None = None
    external_id: str | None = None
    version: int | None = field(default=None, compare=False)  # as Customer.version
    changed: LastChange | None = field(default=None, compare=False)  # as Customer.changed


# --- organisation numbers: each country's own check digit ------------------------------

def _digits(text: str) -> str:
    return re.sub(r"[^0-9]", "", text or "")


def _luhn_ok(digits: str) -> bool:
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char) * (2 if position % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def _mod11_ok(digits: str, weights: tuple[int, ...]) -> bool:
    return sum(int(d) * w for d, w in zip(digits, weights)) % 11 == 0


def _finnish_ok(digits: str) -> bool:
    remainder = sum(int(d) * w for d, w in zip(digits[:7], (7, 9, 10, 5, 8, 4, 2))) % 11
    if remainder == 1:
        return False
    return int(digits[7]) == (0 if remainder == 0 else 11 - remainder)


ORG_NUMBER_RULES = {
    # Swedish organisationsnummer: NNNNNN-NNNN, Luhn over the ten digits.
    "SE": (10, _luhn_ok, Message("10 digits, e.g. 556677-8899")),
    # Norwegian organisasjonsnummer: 9 digits, mod 11 with weights 3 2 7 6 5 4 3 2 (and the check digit 1).
    "NO": (9, lambda d: _mod11_ok(d, (3, 2, 7, 6, 5, 4, 3, 2, 1)), Message("9 digits, e.g. 923 609 016")),
    # Danish CVR: 8 digits, mod 11 with weights 2 7 6 5 4 3 2 1.
    "DK": (8, lambda d: _mod11_ok(d, (2, 7, 6, 5, 4, 3, 2, 1)), Message("8 digits, e.g. 25 31 37 63")),
    # Finnish Y-tunnus: 7 digits, a hyphen and a check digit (mod 11, weights 7 9 10 5 8 4 2).
    "FI": (8, _finnish_ok, Message("7 digits and a check digit, e.g. 0112038-9")),
}


def org_number_problem(country: str, text: str) -> str | None:
    if not text.strip():
        return None  # optional: not every customer record has one
    rule = ORG_NUMBER_RULES.get(country)
    if rule is None:
        return None
    length, check, example = rule
    digits = _digits(text)
    if len(digits) != length or re.search(r"[^0-9\s-]", text):
        return Message("is not an organisation number for {country}: {example}", country=country, example=example)
    if not check(digits):
        return Message("has a wrong check digit for {country} (a typo?)", country=country)
    return None


# --- the checks ------------------------------------------------------------------------

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
PHONE = re.compile(r"^\+?[0-9\s()-]{5,20}$")  # ASCII digits: what a phone dials


def text_problems(record: Customer | Subscription, lengths: dict[str, int]) -> list[FieldError]:
    """A one-line field longer than its column (refused, not cut: a database may keep it
    whole or not), or with a control character in it (the notes may have line breaks)."""
    errors = []
    for name, limit in lengths.items():
        text = getattr(record, name) or ""
        if reason := control_character(text):
            errors.append(FieldError(name, valued(repr(text), reason)))
        elif len(text) > limit:
            errors.append(FieldError(name, too_long(text, limit)))
    return errors


def customer_problems(customer: Customer) -> list[FieldError]:
    errors = text_problems(customer, CUSTOMER_FIELD_LENGTHS)
    if not customer.name.strip():
        errors.append(FieldError("name", Message("is required")))
    if customer.country not in COUNTRIES:
        errors.append(FieldError("country", valued(repr(customer.country),
                                                   Message("is not a desk country: use SE, NO, DK or FI"))))
    elif problem := org_number_problem(customer.country, customer.org_number):
        errors.append(FieldError("org_number", valued(repr(customer.org_number), problem)))
    if customer.phone.strip() and not PHONE.match(customer.phone.strip()):
        errors.append(FieldError("phone", valued(repr(customer.phone),
                                                 Message("is not a phone number, e.g. +46 8 123 456 78"))))
    if customer.email.strip() and not EMAIL.match(customer.email.strip()):
        errors.append(FieldError("email", valued(repr(customer.email), Message("is not an e-mail address"))))
    return errors


def subscription_problems(subscription: Subscription, today: dt.date | None = None) -> list[FieldError]:
    errors = text_problems(subscription, SUBSCRIPTION_FIELD_LENGTHS)
    if not subscription.product.strip():
        errors.append(FieldError("product", Message("is required")))
    seats = subscription.seats
    if isinstance(seats, bool) or not isinstance(seats, int) or not 1 <= seats <= MAX_SEATS:
        errors.append(FieldError("seats", valued(repr(seats), whole_number_from(1, MAX_SEATS))))
    # The day as typed (ISO), not as a language writes dates: the user is to find and fix it.
    start = subscription.start_date.isoformat()
    if not FIRST_DAY <= subscription.start_date <= LAST_DAY:
        errors.append(FieldError("start_date", valued(start, outside_range())))
    if today is not None and subscription.start_date > today + dt.timedelta(days=366):
        errors.append(FieldError("start_date", valued(start, Message("is more than a year ahead"))))
    return errors


def check_customer(customer: Customer) -> Customer:
    """`customer`, tidied (spaces trimmed, country upper case), or InvalidRecord."""
    tidy = Customer(
        name=customer.name.strip(), country=customer.country.strip().upper(),
        org_number=customer.org_number.strip(), contact=customer.contact.strip(), phone=customer.phone.strip(),
        email=customer.email.strip(), offering=customer.offering, notes=customer.notes.strip(), id=customer.id,
        external_id=(customer.external_id or "").strip() or None, version=customer.version,
    )
    errors = customer_problems(tidy)
    if errors:
        raise InvalidRecord(errors)
    return tidy


def check_subscription(subscription: Subscription, today: dt.date | None = None) -> Subscription:
    errors = subscription_problems(subscription, today)
    if errors:
        raise InvalidRecord(errors)
    return subscription


def parse_offering(text: str, field_name: str = "offering") -> Offering:
    key = (text or "").strip().lower() or "none"
    try:
        return Offering(key)
    except ValueError:
        raise InvalidInput(field_name, text, not_an_offering()) from None


def not_an_offering() -> Message:
    return Message("is not a support offering: use {offerings}", offerings=", ".join(o.value for o in Offering))


@dataclass(frozen=True)
class CustomerRecord:
    """A customer with all its subscriptions, as the customer view shows them."""

    customer: Customer
    subscriptions: tuple[Subscription, ...] = field(default=())


# --- naming a customer or a subscription on the command line ---------------------------------

def parse_customer_ref(text: object, field_name: str = "customer") -> int | str:
    """A customer as the CLI's --customer names it (issue 15, "CLI contract"): its
    register id (`C-1001`, `external_id`) as a str, or the store's number as an int.

    ASCII digits only are the number, as before register ids were accepted (scripts that
    pass numbers keep working; issue 16: only when no other customer has those digits as
    its register id, domain.services.register.customer_id_of). Anything else is a register
    id, as typed (spaces around it trimmed). A register id made only of digits is given
    with a `#` before it (`#1001`): one leading `#` is always dropped, so `##x` names the
    register id `#x`. An empty one is InvalidInput; one that matches no customer is for
    the store to say (it is not known here)."""
    return _parse_ref(text, field_name, Message("is not a customer: give its register id (C-1001) or its number"))


def parse_subscription_ref(text: object, field_name: str = "subscription") -> int | str:
    """A subscription as the CLI's --subscription names it (issue 16): its register id
    (`S-5001`) as a str, or the store's number as an int; the rule of parse_customer_ref."""
    return _parse_ref(text, field_name,
                      Message("is not a subscription: give its register id (S-5001) or its number"))


def _parse_ref(text: object, field_name: str, empty: Message) -> int | str:
    value = text.strip() if isinstance(text, str) else text
    if not isinstance(value, str) or (value.isascii() and value.isdigit()):
        return parse_record_id(text, field_name)
    register_id = value[1:].strip() if value.startswith("#") else value
    if not register_id:
        raise InvalidInput(field_name, text, empty)
    return register_id
