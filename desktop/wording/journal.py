"""How a journal entry's kind and time are worded, for the GUI and the CLI alike (no Qt)."""
from __future__ import annotations

import datetime as dt

from desktop.common.i18n import _, format_moment


def kind_text(kind: str) -> str:
    """A JournalKind in words (the enum is a str: its value is the key)."""
    return {
        "scope": _("Scope"),
        "notice": _("Notice"),
        "escalation": _("Escalation"),
        "claim": _("Claim"),
        "note": _("Note"),
    }.get(str(getattr(kind, "value", kind)), str(kind))


def when_text(created: dt.datetime) -> str:
    """When an entry was saved, on this computer's clock, in the agent's language (no
    weekday: the column stays narrow, and a record's weekday is rarely asked)."""
    return format_moment(created.astimezone(), "yMMMd")
