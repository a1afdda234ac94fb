"""Errors a user can cause, with messages a person understands.

The GUI shows the message next to the field; the CLI prints it and exits with status 2.
Every message a user can meet is a `Message` (domain/messages.py), so the GUI can say
it in the agent's language; its English text is what the CLI prints.
"""
from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence

from domain.messages import Message


class DeskguideError(Exception):
    """Base of every error the domain raises on purpose.

    `temporary`: trying again later may succeed (the database is busy, the server is
    unreachable); a front end says so, and the CLI exits 3 instead of 2."""

    temporary: bool = False
    # Refused on purpose (a role without the right, a database of another version): the
    # CLI exits 2 as for bad input, not 1 as for a failure.
    refused: bool = False

    @property
    def message(self) -> str:
        """The error as a sentence: a `Message` (so the GUI and CLI can say it in the
        agent's language) when the domain wrote one, else the plain English text."""
        return self.args[0] if self.args and isinstance(self.args[0], str) else str(self)


class InvalidInput(DeskguideError):
    """A value the user typed or imported is not acceptable.

    `field` names what was wrong (a CLI option, a form field, a CSV column) and
    `value` is what was given, so the message can point at it exactly; `reason` is the
    rest of the sentence ("is not a date: use 2026-11-22 or 22.11.2026"), a Message.
    """

    def __init__(self, field: str, value: object, reason: str):
        self.field = field
        self.value = value
        self.reason = reason
        super().__init__(Message("{field}: {value} {reason}", field=field, value=repr(value), reason=reason))


class ReasonOnly(InvalidInput):
    """An InvalidInput whose whole message is its reason (several problems, each of
    which names its own field or line)."""

    @property
    def message(self) -> str:
        return self.reason

    def __str__(self) -> str:
        return self.reason


class ReferenceDataError(DeskguideError):
    """A bundled or replacement reference-data file is malformed.

    Its messages stay English: they are for the people who maintain the data files, and
    they cite the files' keys, which are English too."""


class StoreError(DeskguideError):
    """The store cannot do what was asked: the file cannot be opened, read or written, a
    newer schema, a disk error. The message says what happened in words, never in SQL;
    `why` is the database's own short reason when it gave one."""

    def __init__(self, message: str, why: str = ""):
        super().__init__(message)
        self.why = why


class StoreBusy(StoreError):
    """Another program (or agent) holds the database for the moment."""

    temporary = True


class StoreUnreachable(StoreError):
    """The database server cannot be reached (team mode, PostgreSQL)."""

    temporary = True


class StoreRefusedConnection(StoreError):
    """The database server answered but refused the connection: a wrong or missing
    password, an unknown role or database, pg_hba.conf. Trying again won't help."""

    refused = True


class NotAllowed(StoreError):
    """The agent's database role may not do this (a team database's grants)."""

    refused = True


class ConflictError(DeskguideError):
    """A change clashes with what the store holds: a record it refers to is gone, or
    another like it is already there (often a colleague's change made a moment before)."""


def joined(parts: Sequence[str], pair: Callable[[str, str], Message]) -> str:
    """Several sentences as one Message, `pair` joining two of them (say with "; ").

    Halves are joined, not one after another, so a message of a thousand parts nests
    ten deep, not a thousand (the GUI says a Message by walking its values)."""
    if len(parts) <= 1:
        return parts[0] if parts else ""
    middle = len(parts) // 2
    return pair(joined(parts[:middle], pair), joined(parts[middle:], pair))


def in_one_line(earlier: str, later: str) -> Message:
    # Translators: two problems of one record, one after the other in one line.
    return Message("{earlier}; {later}", earlier=earlier, later=later)


def line_by_line(earlier: str, later: str) -> Message:
    # Translators: two problems of one file, each on its own line; keep the line break.
    return Message("{earlier}\n{later}", earlier=earlier, later=later)


def control_character(text: str) -> Message | None:
    """The reason to refuse a one-line text with a control character (C0, DEL, C1: tab,
    line break, an ANSI escape), or None. Such a character has no business in a name, an
    id or a phone number, and an escape sequence from an imported file would reach the
    agent's terminal (CWE-150). Free text that may span lines (notes) is not checked."""
    found = next((char for char in text if unicodedata.category(char) == "Cc"), None)
    if found is None:
        return None
    return Message("contains the control character {character}", character=f"U+{ord(found):04X}")


def too_long(text: str, limit: int) -> Message:
    """The reason for a text longer than its field (the store's column) may hold."""
    return Message("is too long: {length} characters, at most {limit}", length=len(text), limit=limit)


def whole_number_from(low: int, high: int) -> Message:
    """The reason for a count or an id that is not a whole number in low..high: one
    sentence for seats, ids and the like, so each language says it once."""
    return Message("must be a whole number from {low} to {high}", low=low, high=high)


# A record's id in the store: SQLite's INTEGER and PostgreSQL's bigint are 64-bit signed,
# and ids start at 1. A bigger number cannot name a record; the driver would overflow.
MAX_RECORD_ID = 2**63 - 1


def parse_record_id(text: object, field_name: str = "id") -> int:
    """A record id as typed (ASCII digits, 1..MAX_RECORD_ID), or InvalidInput. An int
    (from a form) is checked the same way."""
    value = text.strip() if isinstance(text, str) else text
    if isinstance(value, str) and value.isascii() and value.isdigit():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_RECORD_ID:
        raise InvalidInput(field_name, text, whole_number_from(1, MAX_RECORD_ID))
    return value
