"""How the GUI (and the CLI) words a product's lifecycle answer: its phase on a day, the
dates, what the phase allows. No Qt here; the words and the dates in the current
language ("14 Jan 2020", "14.1.2020")."""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from desktop.common.i18n import _
from desktop.wording.hours import date_text

if TYPE_CHECKING:
    from domain.lifecycle import LifecycleAnswer

# domain.lifecycle.Phase values, repeated so this module imports no rules.
MAINSTREAM, EXTENDED, ENDED = "mainstream", "extended", "ended"
MAX_NAMES = 8  # an ambiguous name lists at most this many products next to the field


def day_text(day: dt.date) -> str:
    return date_text(day, "yMMMd")


def state_text(phase: str) -> str:
    """The phase inside a sentence: "in mainstream support", "support has ended"."""
    return {MAINSTREAM: _("in mainstream support"), EXTENDED: _("in extended support"),
            ENDED: _("support has ended")}.get(phase, phase)


def summary_text(answer: LifecycleAnswer) -> str:
    """One line next to the product field: "Windows 7: support ended on 14 Jan 2020"."""
    product, phase = answer.product, answer.phase.value
    if phase == ENDED:
        ended = product.support_ends
        return _("{product}: support ended on {day}").format(product=product.name, day=day_text(ended)) \
            if ended else _("{product}: support has ended").format(product=product.name)
    if answer.phase_ends is None:
        return _("{product}: {state}, no end announced").format(product=product.name, state=state_text(phase))
    return _("{product}: {state} until {day}").format(product=product.name, state=state_text(phase),
                                                      day=day_text(answer.phase_ends))


def dates_text(answer: LifecycleAnswer) -> str:
    """"Mainstream support ended 13 Jan 2015 · extended support ended 14 Jan 2020"."""
    product, on = answer.product, answer.on
    parts = []
    if product.mainstream_end is not None:
        template = _("Mainstream support until {day}") if on <= product.mainstream_end \
            else _("Mainstream support ended {day}")
        parts.append(template.format(day=day_text(product.mainstream_end)))
    else:
        parts.append(_("No end of support announced"))
    if product.extended_end is not None:
        template = _("extended support until {day}") if on <= product.extended_end \
            else _("extended support ended {day}")
        parts.append(template.format(day=day_text(product.extended_end)))
    elif product.mainstream_end is not None:
        parts.append(_("no extended support"))
    return " · ".join(parts)


def on_text(answer: LifecycleAnswer) -> str:
    """"Windows 7 on 23 Dec 2026, the day the case was opened: support has ended"."""
    return _("{product} on {day}, the day the case was opened: {state}").format(
        product=answer.product.name, day=day_text(answer.on), state=state_text(answer.phase.value))
