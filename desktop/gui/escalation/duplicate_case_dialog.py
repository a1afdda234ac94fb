"""Saving a case that repeats an open one (issue 16): the same customer, product and
severity, opened within the hour (domain.cases.same_case). Asked before anything is
written: save anyway (a second problem after all), or open the existing case instead.
"""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from desktop.common.i18n import _
from desktop.wording.hours import moment_text

if TYPE_CHECKING:
    from desktop.gui.operations.escalation import Case

SAVE_ANYWAY, OPEN_EXISTING, CANCEL = "save", "open", "cancel"


class DuplicateCaseDialog(QMessageBox):
    """The question; `choice()` says the answer once it is finished."""

    def __init__(self, existing: Case, zone: dt.tzinfo | None, now: dt.datetime, parent=None):
        super().__init__(QMessageBox.Icon.Question, _("This case may be saved already"), "", parent=parent)
        self.existing = existing
        opened = existing.opened.astimezone(zone) if zone is not None else existing.opened
        self.setText(_("Case {id} is open for {customer}: {product}, severity {severity}, opened {opened} by "
                       "{agent}. Save this one as a new case anyway?").format(
            id=existing.id, customer=existing.customer_name or _("(no customer)"), product=existing.product,
            severity=existing.severity, opened=moment_text(opened, now.astimezone(opened.tzinfo)),
            agent=existing.opened_by or _("someone")))
        self.save_button = self.addButton(_("Save anyway"), QMessageBox.ButtonRole.AcceptRole)
        self.open_button = self.addButton(_("Open the existing case"), QMessageBox.ButtonRole.ActionRole)
        self.cancel_button = self.addButton(_("Cancel"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.open_button)  # the safe answer: nothing written twice
        self.setEscapeButton(self.cancel_button)
        self.setAccessibleName(_("This case may be saved already"))

    def choice(self) -> str:
        clicked = self.clickedButton()
        if clicked is self.save_button:
            return SAVE_ANYWAY
        if clicked is self.open_button:
            return OPEN_EXISTING
        return CANCEL
