"""The escalated cases, most urgent first, with a live countdown; "Mark first response"
stops a case's clock and records whether the target was met.

Every read and write goes through the worker; the countdown is redrawn on the
HoursModel's minute tick (one timer for the whole app, no polling). On a language
switch the table, its column widths and the note are worded again.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QPushButton, QVBoxLayout

from desktop.common.i18n import _, ngettext
from desktop.gui.operations import ChangedElsewhere, escalation
from desktop.gui.platform.settings import Settings
from desktop.gui.widgets.case_table_model import (
    COUNTRY,
    CUSTOMER,
    DUE,
    PEOPLE,
    PRODUCT,
    SEVERITY,
    STATUS,
    CaseTableModel,
    on_customer_clock,
)
from desktop.gui.widgets.column_widths import fit_columns
from desktop.gui.widgets.customer_finder_widget import register_table
from desktop.gui.widgets.retranslating import Retranslating
from desktop.gui.widgets.wrapped_label import wrapped_label
from desktop.wording.escalation import case_status, status_samples
from desktop.wording.hours import moment_text
from domain.concurrent_edits import AlreadyResponded

if TYPE_CHECKING:
    from desktop.gui.operations.escalation import Case
    from desktop.gui.platform.store_worker import Clock, StoreWorker
    from desktop.gui.widgets.hours_model import HoursModel

# The widest due moment a row shows: a long weekday and month, and the year.
WIDEST_DUE = dt.datetime(2026, 9, 30, 23, 59)


class CasesWidget(Retranslating, QGroupBox):
    loaded = Signal()  # the list is (re)read
    responded = Signal(object)  # the Case after its first response was recorded

    def __init__(self, worker: StoreWorker, hours: HoursModel, clock: Clock, parent=None):
        super().__init__(parent)
        self.worker, self.hours, self.clock = worker, hours, clock
        self._cases: list[Case] = []
        self._select: int | None = None  # the case to select once the list is read again
        self._marking = False
        self._loaded = False
        # Worded when shown, so a language switch says them again: what the last action
        # did (after the counts), and why the list could not be read.
        self._status: Callable[[], str] | None = None
        self._problem: Callable[[], str] | None = None
        # Cases "waiting to send" became the server's (issue 15): list them as such.
        worker.outbox_sent.connect(self._on_outbox_sent)

        self.model = CaseTableModel(self)
        self.table = register_table(self, "")
        self.table.setModel(self.model)
        self.mark_button = QPushButton(self)
        self.mark_button.setEnabled(False)
        self.note = wrapped_label(self)

        buttons = QHBoxLayout()
        buttons.addWidget(self.note, 1)
        buttons.addWidget(self.mark_button)
        layout = QVBoxLayout(self)
        layout.setSpacing(6)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

        self.table.selectionModel().currentRowChanged.connect(self._on_row)
        self.mark_button.clicked.connect(self.mark_responded)
        hours.ticked.connect(self.tick)
        hours.loaded.connect(self._show)  # the desks' zones: times on the customer's clock
        worker.changed_elsewhere.connect(self._on_elsewhere)
        self.retranslate()

    def retranslate(self) -> None:
        """Every text in the current language; the columns as wide as the new words need."""
        self.setTitle(_("Cases, most urgent first"))
        self.setAccessibleName(_("Escalated cases"))
        self.table.setAccessibleName(_("Escalated cases, most urgent first"))
        self.model.retranslate()
        fit_columns(self.table, {
            STATUS: status_samples(), DUE: [moment_text(WIDEST_DUE, with_year=True)],
            SEVERITY: ["A"], COUNTRY: ["SE"], PRODUCT: ["Exchange Server 2019"],
            PEOPLE: [_("Opened by {opened}").format(opened="Anna Berg (anna.berg)")]}, stretch=(CUSTOMER,))
        self.mark_button.setText(_("&Mark first response"))
        self.mark_button.setAccessibleName(_("Mark first response: stop the clock now"))
        self.note.setAccessibleName(_("About the cases"))
        self._update_note()

    def controls(self) -> list:
        return [self.table, self.mark_button]

    @property
    def is_loaded(self) -> bool:
        """The list has been read at least once."""
        return self._loaded

    # --- reading ---------------------------------------------------------------------------------

    def reload(self, select: int | None = None) -> None:
        """Read the cases again (and select case `select` once they are here)."""
        self._select = select if select is not None else self.current_id()
        self.worker.run(escalation.list_cases, self._on_loaded, self._on_failed)

    def _on_outbox_sent(self, _report) -> None:
        if self._loaded or self._problem is not None:
            self.reload()

    def _on_elsewhere(self, news: ChangedElsewhere) -> None:
        """A colleague opened a case or marked a first response (issue 15, "Live"): the
        list and its countdowns follow, the selection stays."""
        if self._loaded and news.touches("case"):
            self.reload()

    def _on_loaded(self, cases: list[Case]) -> None:
        self._cases, self._loaded, self._problem = cases, True, None
        self._show()
        self.loaded.emit()

    def _on_failed(self, message: str) -> None:
        self._problem = lambda: _("The cases could not be loaded: {reason}").format(reason=message)
        self._update_note()

    def _show(self) -> None:
        wanted = self._select if self._select is not None else self.current_id()
        self.model.show(self._cases, self._zones(), self.clock())
        self._select = None
        row = self.model.row_of(wanted) if wanted is not None else -1
        if row >= 0:
            index = self.model.index(row, STATUS)
            self.table.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                                        | QItemSelectionModel.SelectionFlag.Rows)
            self.table.scrollTo(index)
        self._update_note()
        self._update_button()

    def tick(self) -> None:
        """The minute turned: the countdowns move, a target may have been breached."""
        self.model.set_now(self.clock())
        self._update_note()

    def _zones(self) -> dict:
        return {country: policy.desk.zone for country, policy in self.hours.policies.items()}

    def _update_note(self) -> None:
        if self._problem is not None:
            self.note.setText(self._problem())
            return
        if not self._loaded:
            self.note.setText(_("Loading the cases…"))
            return
        status = self._status() if self._status is not None else ""
        total = self.model.rowCount()
        if not total:
            self.note.setText(_("No cases yet: answer an escalation above and save it as a case."))
            return
        open_count, breached = self.model.open_count(), self.model.breached_count()
        text = ngettext("{n} open case", "{n} open cases", open_count).format(n=open_count)
        if breached:  # two counts, each with its own plural: "2 open cases, 1 breached"
            text = _("{open_cases}, {breached_cases}").format(
                open_cases=text, breached_cases=ngettext("{n} breached", "{n} breached", breached).format(n=breached))
        self.note.setText(_("{counts}. {status}").format(counts=text, status=status) if status else text + ".")

    # --- the first response -------------------------------------------------------------------------

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.case(index.row()).id if index.isValid() and index.row() < self.model.rowCount() else None

    def select_case(self, case_id: int) -> None:
        row = self.model.row_of(case_id)
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, STATUS))

    def _on_row(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._update_button()

    def _update_button(self) -> None:
        index = self.table.currentIndex()
        case = self.model.case(index.row()) if index.isValid() and index.row() < self.model.rowCount() else None
        # A case still waiting to be sent (id None) is marked once it is on the server.
        self.mark_button.setEnabled(case is not None and case.id is not None and case.responded is None
                                    and not self._marking)

    def mark_responded(self) -> None:
        """The first response came now: stop the selected case's clock."""
        case_id = self.current_id()
        if case_id is None or self._marking:
            return
        self._marking = True
        self._update_button()
        at = self.clock()
        by = Settings().agent_name  # the name the journal records, as who marked it
        self.worker.run(lambda store: escalation.mark_responded(store, case_id, at, by), self._on_marked,
                        self._on_mark_failed)

    def _on_marked(self, result: Case | AlreadyResponded | None) -> None:
        self._marking = False
        if result is None:  # in the outbox (issue 15): sent by itself when the server answers
            self._status = lambda: _("Waiting to send: the team database cannot be reached. The first response "
                                     "is kept on this computer and sent by itself when the server answers.")
            self._update_button()
            self._update_note()
            return
        if isinstance(result, AlreadyResponded):
            # A colleague was first: who and when, on the customer's clock as the table shows it.
            self._status = lambda: self._taken_text(result)
            self.reload(select=result.case_id)
            return
        self._status = lambda: self._recorded_text(result)
        self.responded.emit(result)
        self.reload(select=result.id)

    def _taken_text(self, taken: AlreadyResponded) -> str:
        row = self.model.row_of(taken.case_id)
        zone = self._zones().get(self.model.case(row).country) if row >= 0 else None
        moment = moment_text(taken.responded.astimezone(zone), self.clock())
        if taken.responded_by:
            return _("Case {id}: not recorded, {agent} marked the first response at {time}, before you.").format(
                id=taken.case_id, agent=taken.responded_by, time=moment)
        return _("Case {id}: not recorded, its first response was marked at {time}, before you.").format(
            id=taken.case_id, time=moment)

    def _recorded_text(self, case: Case) -> str:
        state, detail = case_status(on_customer_clock(case, self._zones()), self.clock())
        return _("Case {id}: first response recorded, {state} ({detail}).").format(
            id=case.id, state=state.lower(), detail=detail)

    def _on_mark_failed(self, message: str) -> None:
        self._marking = False
        self._status = lambda: _("Not recorded: {reason}").format(reason=message)
        self._update_button()
        self._update_note()
