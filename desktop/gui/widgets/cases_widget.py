"""The escalated cases, most urgent first, with a live countdown; "Mark first response"
stops a case's clock at the moment the agent enters and records whether the target was
met (undone within a minute: issue 16); a case is edited, closed or cancelled with a
reason, and "Show closed" lists the ended ones too.

Every read and write goes through the worker; the countdown is redrawn on the
HoursModel's minute tick (one timer for the whole app, no polling). On a language
switch the table, its column widths and the note are worded again.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QGroupBox, QHBoxLayout, QPushButton, QVBoxLayout

from desktop.common.i18n import _, ngettext
from desktop.gui.operations import ChangedElsewhere, escalation
from desktop.gui.platform.settings import Settings
from desktop.gui.widgets.case_dialogs import (
    CaseEditDialog,
    CaseEndDialog,
    FirstResponseDialog,
    responded_entry,
    undone_entry,
)
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
UNDO_SECONDS = 60  # issue 16: a first-response mark can be undone within a minute


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
        self._undoable: Case | None = None  # the case as the last mark left it, while Undo is offered
        self.dialog = None  # the edit, end or first-response dialog while it is open
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
        self.edit_button = QPushButton(self)
        self.end_button = QPushButton(self)
        self.show_ended_check = QCheckBox(self)
        self.undo_button = QPushButton(self)
        self.undo_button.hide()
        self.undo_timer = QTimer(self)
        self.undo_timer.setSingleShot(True)
        self.undo_timer.setInterval(UNDO_SECONDS * 1000)
        self.note = wrapped_label(self)

        buttons = QHBoxLayout()
        buttons.addWidget(self.note, 1)
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.show_ended_check)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.end_button)
        buttons.addWidget(self.mark_button)
        layout = QVBoxLayout(self)
        layout.setSpacing(6)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

        self.table.selectionModel().currentRowChanged.connect(self._on_row)
        self.mark_button.clicked.connect(self.mark_responded)
        self.edit_button.clicked.connect(self.edit_case)
        self.end_button.clicked.connect(self.end_case)
        self.undo_button.clicked.connect(self.undo_response)
        self.undo_timer.timeout.connect(self._end_undo)
        self.show_ended_check.toggled.connect(lambda _on: self.reload())
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
        self.mark_button.setText(_("&Mark first response…"))
        self.mark_button.setAccessibleName(_("Mark first response: enter when it came and stop the clock"))
        self.edit_button.setText(_("&Edit…"))
        self.edit_button.setAccessibleName(_("Edit the case's product and note"))
        self.end_button.setText(_("C&lose or cancel…"))
        self.end_button.setAccessibleName(_("Close or cancel the case, with a reason"))
        self.show_ended_check.setText(_("Show c&losed"))
        self.show_ended_check.setAccessibleName(_("Show closed and cancelled cases too"))
        self.undo_button.setText(_("&Undo"))
        self.undo_button.setAccessibleName(_("Undo the first response just marked"))
        self.note.setAccessibleName(_("About the cases"))
        self._update_note()

    def controls(self) -> list:
        return [self.table, self.undo_button, self.show_ended_check, self.edit_button, self.end_button,
                self.mark_button]

    @property
    def is_loaded(self) -> bool:
        """The list has been read at least once."""
        return self._loaded

    # --- reading ---------------------------------------------------------------------------------

    def reload(self, select: int | None = None) -> None:
        """Read the cases again (and select case `select` once they are here)."""
        self._select = select if select is not None else self.current_id()
        include_ended = self.show_ended_check.isChecked()
        self.worker.run(lambda store: escalation.list_cases(store, include_ended), self._on_loaded, self._on_failed)

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
            # The last one just closed or cancelled (issue 16): say that, not "no cases yet".
            self.note.setText(status or _("No cases yet: answer an escalation above and save it as a case."))
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

    def current_case(self) -> Case | None:
        index = self.table.currentIndex()
        return self.model.case(index.row()) if index.isValid() and index.row() < self.model.rowCount() else None

    def _update_button(self) -> None:
        case = self.current_case()
        # A case still waiting to be sent (id None) is marked, edited or ended once it is on the server.
        stored_open = case is not None and case.id is not None and case.is_open and not self._marking
        self.mark_button.setEnabled(stored_open and case.responded is None)
        self.edit_button.setEnabled(stored_open)
        self.end_button.setEnabled(stored_open)

    def _zone_of(self, case: Case):
        return self._zones().get(case.country)

    def _ask(self, dialog, accepted: Callable[[object], None]) -> None:
        """Open `dialog` window-modal (the event loop goes on); `accepted(dialog)` if OK."""
        self.dialog = dialog

        def finished(_result: int) -> None:
            self.dialog = None
            dialog.deleteLater()

        dialog.accepted.connect(lambda: accepted(dialog))  # before finished
        dialog.finished.connect(finished)
        dialog.open()

    def mark_responded(self) -> None:
        """Ask when the first response came (now by default), then stop the selected case's clock."""
        case = self.current_case()
        if case is None or case.id is None or self._marking or not case.waiting:
            return
        self._ask(FirstResponseDialog(case, self.clock(), self._zone_of(case), self),
                  lambda dialog: self._mark(case, dialog.moment()))

    def _mark(self, case: Case, at: dt.datetime) -> None:
        self._marking = True
        self._update_button()
        now = self.clock()
        by = Settings().agent_name  # the name the journal records, as who marked it
        entry = responded_entry(case, at, self._zone_of(case), now)
        self.worker.run(lambda store: escalation.mark_responded(store, case.id, at, by, now, entry),
                        self._on_marked, self._on_mark_failed)

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
        self._offer_undo(result)
        self.responded.emit(result)
        self.reload(select=result.id)

    # --- undo, within a minute (issue 16) ---------------------------------------------------------------

    def _offer_undo(self, case: Case) -> None:
        self._undoable = case
        self.undo_button.show()
        self.undo_button.setEnabled(True)
        self.undo_timer.start()

    def _end_undo(self) -> None:
        self._undoable = None
        self.undo_timer.stop()
        self.undo_button.hide()

    def undo_response(self) -> None:
        """Clear the mark just made, if nobody changed the case since (the store decides)."""
        case = self._undoable
        if case is None:
            return
        self._end_undo()
        entry = undone_entry(case, self.clock())
        self.worker.run(lambda store: escalation.undo_response(store, case, entry), self._on_undone,
                        lambda message: self._failed(lambda: _("Not undone: {reason}").format(reason=message)))

    def _on_undone(self, case: Case) -> None:
        self._status = lambda: _("Case {id}: first response mark undone, its clock runs again.").format(id=case.id)
        self.reload(select=case.id)

    # --- edit, close, cancel (issue 16) -----------------------------------------------------------------

    def edit_case(self) -> None:
        case = self.current_case()
        if case is None or case.id is None or not case.is_open:
            return

        def save(dialog: CaseEditDialog) -> None:
            product, note = dialog.values()
            self.worker.run(lambda store: escalation.edit_case(store, case, product, note), self._on_changed,
                            lambda message: self._failed(lambda: _("Not saved: {reason}").format(reason=message)))

        self._ask(CaseEditDialog(case, self), save)

    def end_case(self) -> None:
        case = self.current_case()
        if case is None or case.id is None or not case.is_open:
            return

        def end(dialog: CaseEndDialog) -> None:
            status, reason, by, now = dialog.status(), dialog.reason(), Settings().agent_name, self.clock()
            self.worker.run(lambda store: escalation.end_case(store, case, status, reason, by, now),
                            self._on_changed,
                            lambda message: self._failed(lambda: _("Not saved: {reason}").format(reason=message)))

        self._ask(CaseEndDialog(case, self), end)

    def _on_changed(self, case: Case) -> None:
        if case.is_open:
            self._status = lambda: _("Case {id} saved.").format(id=case.id)
        elif case.status == "closed":
            self._status = lambda: _("Case {id} closed: {reason}").format(id=case.id, reason=case.reason)
        else:
            self._status = lambda: _("Case {id} cancelled: {reason}").format(id=case.id, reason=case.reason)
        if self._undoable is not None and self._undoable.id == case.id:
            self._end_undo()  # changed since the mark: the store would refuse the undo anyway
        self.reload(select=case.id)

    def _failed(self, status: Callable[[], str]) -> None:
        """A refused change (a colleague's version, a case ended meanwhile): say why, and
        show the case as it is stored now."""
        self._status = status
        self.reload()

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
