"""Seeing a case through to the end (issue 16): edit its product and note, close or
cancel it with a reason, enter the real moment of its first response; and the journal
entries that go with saving a case and marking (or undoing) its first response.

Each dialog only asks: the cases list runs the store work when it is accepted. Moments
are entered and shown on the customer's clock (the desk of the case's country), as the
case list shows them.
"""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
)

from desktop.common.i18n import _
from desktop.gui.platform.settings import Settings
from desktop.gui.widgets.moment_edit import MomentEdit
from desktop.gui.widgets.wrapped_label import wrapped_label
from desktop.wording.hours import moment_text
from domain.cases import CASE_FIELD_LENGTHS, MAX_CASE_NOTE, CaseStatus
from domain.journal import MAX_TOPIC, JournalEntry, JournalKind

if TYPE_CHECKING:
    from desktop.gui.operations.escalation import Case


def _wall(moment: dt.datetime) -> dt.datetime:
    """The wall-clock minute of an aware moment, as the date-and-time field shows it."""
    return moment.replace(second=0, microsecond=0, tzinfo=None)


def _dialog_buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class CaseEditDialog(QDialog):
    """The case's product and note: what an agent may correct (the answer is fixed)."""

    def __init__(self, case: Case, parent=None):
        super().__init__(parent)
        self.setWindowTitle(_("Edit case {id}").format(id=case.id))
        self.product_edit = QLineEdit(case.product, self)
        self.product_edit.setMaxLength(CASE_FIELD_LENGTHS["product"])
        self.note_edit = QPlainTextEdit(case.note, self)
        self.note_edit.setTabChangesFocus(True)
        form = QFormLayout()
        form.addRow(_("&Product:"), self.product_edit)
        form.addRow(_("&Note:"), self.note_edit)
        self.buttons = _dialog_buttons(self, _("Save"))
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.product_edit.textChanged.connect(self._update)
        self.note_edit.textChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        # A case is always about a product (domain.cases.edited_case says so too).
        self.ok_button.setEnabled(bool(self.product_edit.text().strip())
                                  and len(self.note_edit.toPlainText().strip()) <= MAX_CASE_NOTE)

    def values(self) -> tuple[str, str]:
        return self.product_edit.text(), self.note_edit.toPlainText()


class CaseEndDialog(QDialog):
    """Close (seen through) or cancel (should not have been opened) a case, saying why."""

    def __init__(self, case: Case, parent=None):
        super().__init__(parent)
        self.setWindowTitle(_("Close or cancel case {id}").format(id=case.id))
        self.about = wrapped_label(self)
        self.about.setText(_("{customer}, {product}: the case leaves the open cases and the customer card, and "
                             "stays in the history (Show closed).").format(
            customer=case.customer_name or _("(no customer)"), product=case.product))
        self.close_radio = QRadioButton(_("C&losed: seen through"), self)
        self.cancel_radio = QRadioButton(_("C&ancelled: opened by mistake or twice"), self)
        self.close_radio.setChecked(True)
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setMaxLength(CASE_FIELD_LENGTHS["end_reason"])
        self.reason_edit.setPlaceholderText(_("Why, for the history (required)"))
        form = QFormLayout()
        form.addRow(_("&Reason:"), self.reason_edit)
        self.buttons = _dialog_buttons(self, _("End the case"))
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        for widget in (self.about, self.close_radio, self.cancel_radio):
            layout.addWidget(widget)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.reason_edit.textChanged.connect(self._update)
        self._update()
        self.reason_edit.setFocus()

    def _update(self) -> None:
        self.ok_button.setEnabled(bool(self.reason_edit.text().strip()))

    def status(self) -> str:
        return (CaseStatus.CLOSED if self.close_radio.isChecked() else CaseStatus.CANCELLED).value

    def reason(self) -> str:
        return self.reason_edit.text()


class FirstResponseDialog(QDialog):
    """When Microsoft's first response came, on the customer's clock: now unless the
    agent says otherwise, never before the case was opened nor in the future."""

    def __init__(self, case: Case, now: dt.datetime, zone: dt.tzinfo | None, parent=None):
        super().__init__(parent)
        self.zone = zone or case.opened.tzinfo
        self.setWindowTitle(_("First response for case {id}").format(id=case.id))
        opened, wall_now = case.opened.astimezone(self.zone), now.astimezone(self.zone)
        self.about = wrapped_label(self)
        self.about.setText(_("{customer}, {product}: opened {opened}, due {due} (the customer's time). When did "
                             "Microsoft first respond?").format(
            customer=case.customer_name or _("(no customer)"), product=case.product,
            opened=moment_text(opened, wall_now), due=moment_text(case.due.astimezone(self.zone), wall_now)))
        # The app's date-and-time field (issue 16): the whole moment typed in ISO or the
        # Nordic form, a calendar, and what it understood said underneath.
        self.moment_edit = MomentEdit(self)
        self.moment_edit.set_moment(_wall(wall_now))
        self.moment_edit.set_minimum(opened.date())
        self.range_label = QLabel(self)
        self.range_label.setWordWrap(True)
        self.moment_edit.momentChanged.connect(self._check_range)
        self.moment_edit.problemChanged.connect(self._check_range)
        form = QFormLayout()
        form.addRow(_("&First response at:"), self.moment_edit)
        self.buttons = _dialog_buttons(self, _("Record first response"))
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addWidget(self.about)
        layout.addLayout(form)
        layout.addWidget(self.range_label)
        layout.addWidget(self.buttons)
        self._now, self._opened = now, case.opened
        self._earliest, self._latest = _wall(opened), _wall(wall_now)
        self.moment_edit.setFocus()

    def _check_range(self, *_args) -> None:
        """Minutes are what the agent reads off the mail; never before the case was opened
        nor in the future (the store checks both again)."""
        wall = self.moment_edit.moment()
        problem = ""
        if wall < self._earliest:
            problem = _("The case was opened at {moment}: the response cannot come before it.").format(
                moment=self._earliest.strftime("%Y-%m-%d %H:%M"))
        elif wall > self._latest:
            problem = _("{moment} is in the future: enter when the response came.").format(
                moment=wall.strftime("%Y-%m-%d %H:%M"))
        self.range_label.setText(problem)
        self.ok_button.setEnabled(not problem and not self.moment_edit.problem())

    def moment(self) -> dt.datetime:
        """The entered wall time as an instant (now itself when left at now: the seconds count)."""
        wall = self.moment_edit.moment().replace(tzinfo=self.zone)
        if wall.astimezone(dt.timezone.utc) >= self._now.replace(second=0, microsecond=0).astimezone(dt.timezone.utc):
            return self._now
        return max(wall, self._opened)


# --- the journal entries (issue 16: saving a case and marking its response each write one) ---------

def case_journal_entry(case: Case, verdict: str, summary: str, now: dt.datetime) -> JournalEntry | None:
    """An entry for the case's customer, by the agent named in the settings; None when
    the case has no customer (the journal is kept per customer) or the agent has no name
    yet (the journal records who: docs/journal.md)."""
    agent = Settings().agent_name.strip()
    if case.customer_id is None or not agent:
        return None
    return JournalEntry(case.customer_id, now, agent, JournalKind.ESCALATION, case.product[:MAX_TOPIC], verdict,
                        case.note, summary)


def opened_entry(case: Case, zone: dt.tzinfo | None, now: dt.datetime) -> JournalEntry | None:
    due = case.due.astimezone(zone) if zone is not None else case.due
    return case_journal_entry(case, _("Case opened"), _(
        "Escalated to Microsoft, severity {severity}: first response due {due} (the customer's time).").format(
        severity=case.severity, due=moment_text(due, with_year=True)), now)


def responded_entry(case: Case, at: dt.datetime, zone: dt.tzinfo | None, now: dt.datetime) -> JournalEntry | None:
    at = at.astimezone(zone) if zone is not None else at
    met = at.astimezone(dt.timezone.utc) <= case.due.astimezone(dt.timezone.utc)
    summary = (_("Microsoft's first response came {moment} (the customer's time): the target was met.") if met else
               _("Microsoft's first response came {moment} (the customer's time): the target was missed."))
    return case_journal_entry(case, _("First response"), summary.format(moment=moment_text(at, with_year=True)), now)


def undone_entry(case: Case, now: dt.datetime) -> JournalEntry | None:
    return case_journal_entry(case, _("First response undone"), _(
        "The first response marked a moment ago was undone: the case waits for it again."), now)
