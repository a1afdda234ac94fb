"""Errors a user can cause, with messages a person understands.

The GUI shows the message next to the field; the CLI prints it and exits with status 2.
"""
from __future__ import annotations


class DeskguideError(Exception):
    """Base of every error the domain raises on purpose."""


class InvalidInput(DeskguideError):
    """A value the user typed or imported is not acceptable.

    `field` names what was wrong (a CLI option, a form field, a CSV column) and
    `value` is what was given, so the message can point at it exactly.
    """

    def __init__(self, field: str, value: object, reason: str):
        self.field = field
        self.value = value
        self.reason = reason
        super().__init__(f"{field}: {value!r} {reason}")


class ReferenceDataError(DeskguideError):
    """A bundled or replacement reference-data file is malformed."""
