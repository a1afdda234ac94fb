"""Errors a user can cause, with messages a person understands.

The GUI shows the message next to the field; the CLI prints it and exits with status 2.
"""
from __future__ import annotations

from domain.messages import Message


class DeskguideError(Exception):
    """Base of every error the domain raises on purpose."""

    @property
    def message(self) -> str:
        """The error as a sentence: a `Message` (so the GUI and CLI can say it in the
        agent's language) when the domain wrote one, else the plain English text."""
        return self.args[0] if self.args and isinstance(self.args[0], str) else str(self)


class InvalidInput(DeskguideError):
    """A value the user typed or imported is not acceptable.

    `field` names what was wrong (a CLI option, a form field, a CSV column) and
    `value` is what was given, so the message can point at it exactly.
    """

    def __init__(self, field: str, value: object, reason: str):
        self.field = field
        self.value = value
        self.reason = reason  # a Message where the domain wrote one
        super().__init__(Message("{field}: {value} {reason}", field=field, value=repr(value), reason=reason))


class ReferenceDataError(DeskguideError):
    """A bundled or replacement reference-data file is malformed."""
