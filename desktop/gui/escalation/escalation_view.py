"""Escalation to Microsoft: which severity, which first-response target, due when on the
customer's clock, what the customer must commit to, how to submit, who does what; the
product's lifecycle on the day; and the cases saved, most urgent first, counting down.

Left: the question (customer, product, severity by a few guided questions, when it was
opened). Right: the answer, recomputed on every change. Below: the cases.

The rules and the lifecycle catalogue are read once through the worker (which also
warms the closed-day calendars and the fuzzy matcher); after that every answer is
computed here, on the GUI thread, from plain values, well within a frame. Saving a
case and marking its first response go through the worker.

On a language switch each part re-reads its own labels, and this view words the
question's notes and the answer again from what is asked: nothing the agent chose or
typed changes.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QScrollArea, QSplitter, QVBoxLayout, QWidget

from desktop.common.i18n import _, country_name, ngettext
from desktop.gui.escalation.duplicate_case_dialog import OPEN_EXISTING, SAVE_ANYWAY, DuplicateCaseDialog
from desktop.gui.escalation.escalation_answer_widget import EscalationAnswerWidget
from desktop.gui.escalation.escalation_form_widget import OFFERINGS, EscalationFormWidget
from desktop.gui.escalation.severity_widget import SeverityWidget
from desktop.gui.operations import escalation, register
from desktop.gui.platform.settings import default_country
from desktop.gui.widgets.case_dialogs import opened_entry
from desktop.gui.widgets.cases_widget import CasesWidget
from desktop.gui.widgets.retranslating import Retranslating
from desktop.wording import escalation as escalation_text
from desktop.wording import lifecycle as lifecycle_text
from domain.errors import InvalidInput

if TYPE_CHECKING:
    from desktop.gui.operations.escalation import Case, Escalator
    from desktop.gui.operations.register import CustomerSummary
    from desktop.gui.view_context import ViewContext
    from domain.escalation import Escalation, EscalationRules
    from domain.lifecycle import Catalogue, LifecycleAnswer

# Until the agent drags the splitter: the cases get this much of the height.
CASES_SHARE = 0.27
MINIMUM_COLUMN = 360  # the question's and the answer's columns are never narrower (px)


class EscalationView(Retranslating, QWidget):
    loaded = Signal()  # the rules and the lifecycle catalogue are here: answers from now on
    answerChanged = Signal(object)  # the Escalation shown, or None
    lifecycleChanged = Signal(object)  # the LifecycleAnswer shown, or None
    caseSaved = Signal(object)  # the Case as stored

    def __init__(self, context: ViewContext, parent=None):
        super().__init__(parent)
        self.worker, self.hours, self.clock = context.worker, context.hours, context.clock
        self.rules: EscalationRules | None = None
        self.escalator: Escalator | None = None
        self.catalogue: Catalogue | None = None
        self._answer: Escalation | None = None
        self._lifecycle: LifecycleAnswer | None = None
        self._lifecycle_key: tuple[str, dt.date] | None = None
        self._opened: dt.datetime | None = None  # the opening as an instant
        self._country = default_country()  # the country the opening is shown for (deskguide.ini)
        self._filling = False  # several controls change at once: answer once, at the end
        self._saving = False
        self._saved_key: tuple | None = None  # the question last saved as a case
        self._saving_key: tuple | None = None  # ... and the one on its way
        self._load_problem: str | None = None  # why the rules could not be loaded
        self._saved_text: Callable[[], str] | None = None  # the last save's outcome, worded when shown
        self.duplicate_dialog: DuplicateCaseDialog | None = None  # issue 16: asked before a repeat is saved
        self._sized = False  # the splitter's sizes: set once, when first shown

        self._build(context.customer_index)
        self._lay_out()
        self._connect()
        self._show_opened_now()
        self.retranslate()
        self._fit_widths()
        now = self.clock()
        self.worker.run(lambda store: escalation.load_rules(store, now), self._on_loaded, self._on_failed)
        self.cases.reload()

    def _build(self, customer_index) -> None:
        self.form = EscalationFormWidget(customer_index, self)
        self.severity = SeverityWidget(self)
        self.answer_widget = EscalationAnswerWidget(self)
        self.cases = CasesWidget(self.worker, self.hours, self.clock, self)

    def _lay_out(self) -> None:
        self.form.add_section(self.severity)
        self.question_scroll = self._scroll(self.form)
        self.answer_scroll = self._scroll(self.answer_widget)
        top = QWidget(self)
        columns = QHBoxLayout(top)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.setSpacing(16)
        columns.addWidget(self.question_scroll, 4)
        columns.addWidget(self.answer_scroll, 5)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(top)
        self.splitter.addWidget(self.cases)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 12, 12, 12)
        outer.addWidget(self.splitter)

        # Reading order: the question, the answer, the cases.
        order = [*self.form.controls(), *self.severity.controls(),
                 *self.answer_widget.controls(), *self.cases.controls()]
        for before, after in zip(order, order[1:]):
            self.setTabOrder(before, after)

    def _connect(self) -> None:
        self.form.changed.connect(self._on_changed)
        self.form.productChanged.connect(self._on_product_changed)
        self.form.customer.customerPicked.connect(self._on_customer_picked)
        self.severity.severityChanged.connect(lambda _severity: self._on_changed())
        # "B (suggested)" widens the severity row: measure the columns again once it is laid out.
        self.severity.severityChanged.connect(lambda _severity: QTimer.singleShot(0, self, self._fit_widths))
        self.answer_widget.saveRequested.connect(self.save_case)
        self.hours.loaded.connect(self._on_hours_loaded)
        self.hours.ticked.connect(self._on_tick)

    def _scroll(self, widget: QWidget) -> QScrollArea:
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        # Sideways only as a last resort: content that outgrows the measured width (a longer
        # word after the fit) scrolls instead of being cut off unseen.
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        scroll.setWidget(widget)
        return scroll

    def retranslate(self) -> None:
        """The view's own names; the question's notes and the answer worded again."""
        self.question_scroll.setAccessibleName(_("The escalation question"))
        self.answer_scroll.setAccessibleName(_("The escalation answer"))
        if self._saved_text is not None:
            self.answer_widget.show_saved(self._saved_text())
        self._lifecycle_key = None  # the lifecycle note is worded with the check
        self._on_changed()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)  # LanguageChange: retranslate()
        if event.type() == QEvent.Type.LanguageChange:
            # After the parts have re-read their labels (Qt tells them after this view).
            QTimer.singleShot(0, self, self._fit_widths)

    def _fit_widths(self) -> None:
        """Never narrower than the content can be: it wraps, it does not scroll sideways
        (measured again in each language: buttons and labels grow with their words)."""
        for scroll in (self.question_scroll, self.answer_scroll):
            scroll.setMinimumWidth(max(MINIMUM_COLUMN, scroll.widget().minimumSizeHint().width()
                                       + scroll.verticalScrollBar().sizeHint().width() + 2))

    # --- for other views (the call workflow opens an escalation prefilled) -------------------

    @property
    def is_loaded(self) -> bool:
        return self.escalator is not None and self.catalogue is not None

    @property
    def current_answer(self) -> Escalation | None:
        return self._answer

    @property
    def current_lifecycle(self) -> LifecycleAnswer | None:
        return self._lifecycle

    def answer_record(self):
        """The escalation shown now, for Copy summary and the journal (desktop.wording.answer_record)."""
        from desktop.wording.answer_record import AnswerRecord
        from desktop.wording.hours import moment_text

        answer = self.answer_widget.answer
        if answer is None:
            return None
        product = self.form.product_edit.text().strip()
        verdict = _("Severity {severity}, first response due {due}").format(
            severity=answer.severity.id, due=moment_text(answer.due, with_year=True))
        return AnswerRecord("escalation", product or _("Escalation to Microsoft"), verdict, self.answer_widget.summary)

    def set_question(self, country: str, offering: str, customer_id: int | None = None, product: str = "") -> None:
        """Prefill: the customer's country and offering, the customer (from the register),
        the product. The severity is still the agent's to find with the customer."""
        self._filling = True
        try:
            self.form.customer.set_customer(None)
            self.form.set_country(country)
            if offering in OFFERINGS:  # "none" (no offering recorded) keeps the one shown
                self.form.set_offering(offering)
            self.form.set_product(product)
        finally:
            self._filling = False
        if customer_id is not None:
            self.worker.run(lambda store: register.customer_summary(store, customer_id), self._on_prefilled_customer,
                            self.form.customer.show_problem)
        self._on_changed()

    def _on_prefilled_customer(self, summary: CustomerSummary) -> None:
        self.form.customer.set_customer(summary)  # the country and offering as the caller gave them

    # --- loading ----------------------------------------------------------------------------------

    def _on_loaded(self, result: tuple[EscalationRules, Escalator, Catalogue]) -> None:
        self.rules, self.escalator, self.catalogue = result
        self.severity.set_levels(self.rules.severities)
        self.form.set_offerings(self.rules.offerings)
        self._lifecycle_key = None
        self._on_changed()
        self.loaded.emit()

    def _on_failed(self, message: str) -> None:
        self._load_problem = message
        self._escalate()

    def _on_hours_loaded(self) -> None:
        """The desks (re)loaded, e.g. an administrator's new closed day: the same question again."""
        if self.rules is not None and self.hours.policies:
            self.escalator = escalation.escalator_for(self.rules, self.hours.policies)
        self._on_changed()

    def _policies(self) -> dict:
        return self.escalator.policies if self.escalator is not None else self.hours.policies

    def _zone(self, country: str):
        policy = self._policies().get(country)
        return policy.desk.zone if policy is not None else None

    # --- the opening, on the customer's clock -------------------------------------------------------

    def _show_opened_now(self) -> None:
        zone = self._zone(self.form.country())
        now = self.clock()
        self._filling, filling = True, self._filling
        try:
            self.form.set_opened((now.astimezone(zone) if zone else now.astimezone()).replace(tzinfo=None),
                                 follow=True)
        finally:
            self._filling = filling

    def _resolve_opened(self, country: str) -> tuple[dt.datetime | None, str]:
        """The opening as an instant, and the DST note if the wall time needed one."""
        policy = self._policies().get(country)
        if policy is None:
            return None, ""
        from domain.opening_hours import resolve_wall_time

        instant, warnings = resolve_wall_time(self.form.opened_wall(), policy)
        return instant, " ".join(_(warning.message) for warning in warnings)

    def _keep_instant_for(self, country: str) -> None:
        """The country changed: the same instant, shown on the new country's clock."""
        previous, self._country = self._country, country
        if self.form.follows_clock or self._opened is None or previous == country:
            return
        zone = self._zone(country)
        if zone is not None:
            self._filling, filling = True, self._filling
            try:
                self.form.set_opened(self._opened.astimezone(zone).replace(tzinfo=None), follow=False)
            finally:
                self._filling = filling

    def _on_tick(self) -> None:
        if self.form.follows_clock:
            self._on_changed()  # "now" moved on: the answer with it
        else:
            self.answer_widget.tick(self.clock())

    # --- answering ------------------------------------------------------------------------------------

    def _on_customer_picked(self, summary: CustomerSummary | None) -> None:
        if summary is None:
            return  # the agent typed over the pick: the country and offering stay as they are
        self._filling = True
        try:
            self.form.set_country(summary.country)
            if summary.offering != "none":
                self.form.set_offering(summary.offering)
        finally:
            self._filling = False
        self._on_changed()

    def _on_changed(self) -> None:
        if self._filling:
            return
        country = self.form.country()
        self._keep_instant_for(country)
        if self.form.follows_clock:
            self._show_opened_now()
        self._opened, dst_note = self._resolve_opened(country)
        self.form.show_opened_problem(dst_note)
        self.form.show_zone(_("On the customer's clock: {zone}.").format(
            zone=escalation_text.zone_text(self._opened)) if self._opened is not None else
            _("On the customer's clock ({country}).").format(country=country_name(country)))
        self._check_lifecycle()  # the phase is the one on the opening day
        self._escalate()

    def _on_product_changed(self) -> None:
        if not self._filling:
            self._check_lifecycle()

    def _escalate(self) -> None:
        if self._load_problem is not None:
            self.answer_widget.show_hint(_("Not available: the escalation rules could not be loaded: {reason}").format(
                reason=self._load_problem))
            self._set_answer(None)
            return
        if self.escalator is None or self.rules is None:
            self.answer_widget.show_hint(_("Loading the escalation rules…"))
            self._set_answer(None)
            return
        severity = self.severity.severity
        if severity is None:
            self.answer_widget.show_hint(_("Answer the severity questions on the left, or pick a severity, to see "
                                           "the first-response target and when it is due."))
            self._set_answer(None)
            return
        country = self.form.country()
        answer = self.escalator.escalate(severity, self.form.offering(), self._opened, country, self.form.azure(),
                                         self.form.azure_product())
        self.answer_widget.show_answer(answer, country, self.rules, self.clock())
        self._set_answer(answer)
        self._refit()

    def _set_answer(self, answer: Escalation | None) -> None:
        if answer != self._answer:
            self._answer = answer
            self.answerChanged.emit(answer)

    # --- the product's lifecycle -------------------------------------------------------------------------

    def _check_lifecycle(self) -> None:
        text = self.form.product()
        on = self._opened.date() if self._opened is not None else self.clock().date()
        key = (text, on)
        if self.catalogue is None or key == self._lifecycle_key:
            return
        self._lifecycle_key = key
        answer = None
        if not text:
            self.form.show_product_note("")
        else:
            from domain.lifecycle import AmbiguousProduct, UnknownProduct, check

            try:
                answer = check(self.catalogue, text, on)
            except AmbiguousProduct as error:
                fits = len(error.candidates)
                self.form.show_product_note(ngettext("Fits {n} product in the lifecycle list: which one?",
                                                     "Fits {n} products in the lifecycle list: which one?",
                                                     fits).format(n=fits), error.candidates[:lifecycle_text.MAX_NAMES])
            except UnknownProduct as error:
                self.form.show_product_note(_("Not in the lifecycle list. The closest names:"), error.closest)
            except InvalidInput as error:  # e.g. opened before the product was released
                self.form.show_product_note(_("{product}: {reason}").format(product=text, reason=_(error.reason)),
                                            warning=True)
            else:
                self.form.show_product_note(lifecycle_text.summary_text(answer), warning=answer.ended)
        self.answer_widget.show_lifecycle(answer)
        if answer != self._lifecycle:
            self._lifecycle = answer
            self.lifecycleChanged.emit(answer)
        self._refit()

    # --- saving a case ---------------------------------------------------------------------------------

    def save_case(self) -> None:
        answer = self._answer
        if answer is None or self._saving:
            return
        customer = self.form.customer
        try:
            case = escalation.new_case(answer, self.form.country(), self.form.product(), customer.name(), customer.customer_id)
        except InvalidInput as error:
            if error.field == "product":
                self.form.show_product_problem(_("Name the product: a case needs it."))
                self.form.product_edit.setFocus(Qt.FocusReason.OtherFocusReason)
                return
            raise
        self._saving = True
        self.answer_widget.save_button.setEnabled(False)
        self._show_saved(lambda: _("Saving…"))
        self._saving_key = self._case_key()
        # Issue 16: an open case like it first (a second click, a colleague on the same outage).
        self.worker.run(lambda store: escalation.duplicates_of(store, case),
                        lambda found: self._on_checked(case, found), self._on_save_failed)

    def _on_checked(self, case: Case, duplicates: list[Case]) -> None:
        if not duplicates:
            self._write_case(case)
            return
        dialog = DuplicateCaseDialog(duplicates[0], self._zone(case.country), self.clock(), self)
        self.duplicate_dialog = dialog

        def finished(_result: int) -> None:
            self.duplicate_dialog = None
            choice = dialog.choice()
            dialog.deleteLater()
            if choice == SAVE_ANYWAY:
                self._write_case(case)
                return
            self._saving = False
            self.answer_widget.save_button.setEnabled(True)
            if choice == OPEN_EXISTING:
                existing = duplicates[0].id
                self._saved_key = self._saving_key  # the question is on record: as case `existing`
                self._show_saved(lambda: _("Not saved again: case {id} is selected below.").format(id=existing))
                self.cases.reload(select=existing)
            else:
                self._show_saved(lambda: _("Not saved."))

        dialog.finished.connect(finished)
        dialog.open()  # window-modal; the event loop goes on

    def _write_case(self, case: Case) -> None:
        entry = opened_entry(case, self._zone(case.country), self.clock())  # the customer's journal (issue 16)
        self.worker.run(lambda store: escalation.save_case(store, case, entry), self._on_saved, self._on_save_failed)

    def _case_key(self) -> tuple | None:
        """The question as a case would record it (the answer itself moves with the clock)."""
        answer = self._answer
        if answer is None or not self.form.product():
            return None
        return answer.severity.id, self.form.country(), self.form.offering(), self.form.product(), \
            self.form.customer.customer_id

    def unsaved_changes(self) -> list[str]:
        """An escalation set up (a severity, a product) and not saved as a case (asked before quitting)."""
        key = self._case_key()
        if key is None or key == self._saved_key:
            return []
        return [_("Escalation not saved as a case: {product}").format(product=self.form.product())]

    def _on_saved(self, case: Case) -> None:
        self._saved_key = self._saving_key
        self._saving = False
        self.answer_widget.save_button.setEnabled(True)
        if case.id is None:  # in the outbox (issue 15)
            self._show_saved(lambda: _("Waiting to send: the team database cannot be reached. The case is kept on "
                                       "this computer, listed below, and sent by itself when the server answers."))
        else:
            self._show_saved(lambda: _("Saved as case {id}: it is listed below with its countdown.").format(id=case.id))
        self.cases.reload(select=case.id)
        self.caseSaved.emit(case)

    def _on_save_failed(self, message: str) -> None:
        self._saving = False
        self.answer_widget.save_button.setEnabled(True)
        self._show_saved(lambda: _("Not saved: {reason}").format(reason=message))

    def _show_saved(self, text: Callable[[], str]) -> None:
        self._saved_text = text
        self.answer_widget.show_saved(text())

    # --- layout ---------------------------------------------------------------------------------------------

    def _refit(self) -> None:
        """Wrapped texts changed height: let the scroll areas measure again (see CustomersView._refit)."""
        for scroll in (self.question_scroll, self.answer_scroll):
            scroll.widget().layout().invalidate()
            QCoreApplication.postEvent(scroll, QEvent(QEvent.Type.LayoutRequest))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.form.customer.refresh()  # customers added or renamed in the register meanwhile
        if not self._sized:  # the cases' share of the height, once the real height is known
            self._sized = True
            height = max(self.splitter.height(), 400)
            self.splitter.setSizes([int(height * (1 - CASES_SHARE)), int(height * CASES_SHARE)])
