"""Phone numbers as a person reads them aloud: grouped in the country's own way
(issue 16: "Phone numbers shown grouped for reading aloud in the country's format,
and dialable as stored").

The grouping comes from `phonenumbers`, the maintained Python port of Google's
libphonenumber (the metadata phones and Android use, updated with each numbering
plan change): "+46812345678" reads "+46 8 123 456 78", "+4589871001" "+45 89 87 10 01".
Only what is shown changes: the register and the reference data keep the number as
typed, and a copy of a shown number is that (desktop/gui/widgets/phone_label.py). Decisions: docs/localisation.md,
"Phone numbers".
"""
from __future__ import annotations

import phonenumbers

# A number typed with its country code is read with it; one typed the national way
# ("08-123 456 78") is read the national way, in the customer's country.
_INTERNATIONAL_PREFIXES = ("+", "00")


def _parsed(number: str, country: str | None) -> phonenumbers.PhoneNumber | None:
    try:
        parsed = phonenumbers.parse(number, country or None)
    except phonenumbers.NumberParseException:
        return None
    return parsed if phonenumbers.is_valid_number(parsed) else None


def phone_text(number: str, country: str | None = None) -> str:
    """`number` grouped for reading aloud; `country` ("SE", "NO", "DK", "FI") is where a
    number without a country code belongs. A number the library cannot read as a valid
    one (a typo, an extension, a note) is shown exactly as stored."""
    stored = number.strip()
    parsed = _parsed(stored, country)
    if parsed is None:
        return number
    international = stored.startswith(_INTERNATIONAL_PREFIXES) or country is None
    style = phonenumbers.PhoneNumberFormat.INTERNATIONAL if international else phonenumbers.PhoneNumberFormat.NATIONAL
    return phonenumbers.format_number(parsed, style)
