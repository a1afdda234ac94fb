"""A customer or a subscription a colleague saved after the agent opened it: the question
to the agent (widgets/edit_conflict_dialog.py), with the fields called as the forms call
them and their values read as the forms show them, and the agent's answer carried out.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from desktop.common import i18n
from desktop.common.i18n import _
from desktop.gui.widgets.edit_conflict_dialog import EditConflictDialog
from desktop.wording.notice import number_text, offering_text, short_date_text, term_text
from domain.concurrent_edits import EditConflict, RecordKind, Resolution
from domain.customers import Offering
from domain.notice import Term


def ask_about_conflict(owner: Any, conflict: EditConflict, base: Any, *, write: Callable[[Any], None],
                       take_theirs: Callable[[], None], cancel: Callable[[], None] = lambda: None,
                       parent=None) -> None:
    """Show theirs beside what the agent typed (or, for a delete, saw) and do what the
    agent picks: `write(record)` for a merge or an overwrite (the record carries their
    version, so a third agent's change in between is asked about again), `take_theirs()`,
    or `cancel()` (nothing changes; the form keeps what was typed). The dialog is
    `owner.conflict_dialog` while it is open."""
    name = conflict.theirs.name if conflict.kind is RecordKind.CUSTOMER else conflict.theirs.product
    dialog = EditConflictDialog(conflict, base, field_label, value_text, name, parent or owner)

    def chosen(resolution: Resolution | None) -> None:
        if resolution is None:
            cancel()
        elif resolution is Resolution.TAKE_THEIRS:
            take_theirs()
        else:
            write(conflict.record_for(resolution, base))

    dialog.open_for(owner, "conflict_dialog", chosen)


def field_label(field: str) -> str:
    return {
        "name": _("Name"), "org_number": _("Org number"), "country": _("Country"), "contact": _("Contact person"),
        "phone": _("Phone"), "email": _("E-mail"), "offering": _("Microsoft support offering"), "notes": _("Notes"),
        "product": _("Product"), "term": _("Term"), "start_date": _("Start date"), "seats": _("Seats"),
        "end_user_support": _("End-user support included"), "from_reseller": _("Bought from the reseller"),
    }.get(field, field)


def value_text(field: str, value: Any) -> str:
    """A value as the form shows it; an empty text says so, or the cell would look unread."""
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if field == "country":
        return _("{name} ({code})").format(name=i18n.country_name(value), code=value)
    if field == "offering":
        return offering_text(Offering(value))
    if field == "term":
        return term_text(Term(value))
    if isinstance(value, dt.date):
        return short_date_text(value)
    if isinstance(value, int):
        return number_text(value)
    text = " ".join(str(value).split())  # the notes' line breaks: one line in a cell
    return text or _("(empty)")
