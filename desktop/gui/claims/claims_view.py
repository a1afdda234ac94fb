"""Claims after an outage or a loss (issue 19): what the customer can get, from whom, and
how to claim it.

Left: the question (the service, the customer's country, the outage as start and end on
the customer's clock or as minutes in a month, data lost, claimed through a portal).
Right: the answer, computed again on every change: the month's uptime against the SLA,
the credit band, and each sentence with the clause it rests on; under it the message for
the customer in their language, Copy message and Save to journal (Ctrl+J).

The rules are cited reference data read once (domain.claims, cached, no store): every
answer is computed here on the GUI thread from plain values, well within a frame.
Opened from a customer's card, the view starts fresh for that customer: their country's
clock, their language, a new outage (docs/call-workflow.md, "Starting fresh").
"""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QScrollArea, QVBoxLayout, QWidget

from desktop.common.i18n import _
from desktop.gui.claims.claims_answer_widget import ClaimsAnswerWidget
from desktop.gui.claims.claims_form_widget import DEFAULT_HOURS, ClaimsFormWidget
from desktop.gui.operations import claims
from desktop.gui.widgets.retranslating import Retranslating
from desktop.wording import escalation as escalation_text
from domain.errors import DeskguideError, InvalidInput

if TYPE_CHECKING:
    from desktop.gui.view_context import ViewContext
    from desktop.wording.answer_record import AnswerRecord
    from domain.claims import ClaimAnswer, ClaimRules

MINIMUM_COLUMN = 320  # px: the question's and the answer's columns are never narrower
# The desks' zones come from the hours data; these serve until it is loaded (or if it fails).
FALLBACK_ZONES = {"SE": "Europe/Stockholm", "NO": "Europe/Oslo", "DK": "Europe/Copenhagen", "FI": "Europe/Helsinki"}


def _field_name(field: str) -> str:
    """The field a domain error names, as the start of a sentence (\"The end is not after...\")."""
    return {"service": _("The service"), "start": _("The start"), "end": _("The end"),
            "month": _("The month"), "outage_minutes": _("The minutes down")}.get(field, field)


class ClaimsView(Retranslating, QWidget):
    answerChanged = Signal(object)  # the ClaimAnswer shown, or None
    journalRequested = Signal()  # Save to journal clicked: the call workflow saves answer_record()

    def __init__(self, context: ViewContext, parent=None):
        super().__init__(parent)
        self.hours, self.clock = context.hours, context.clock
        self.rules: ClaimRules | None = None
        self._load_problem: str | None = None
        self._answer: ClaimAnswer | None = None
        self._filling = False

        self.form = ClaimsFormWidget(self)
        self.answer_widget = ClaimsAnswerWidget(self)
        self.question_scroll = self._scroll(self.form)
        self.answer_scroll = self._scroll(self.answer_widget)
        columns = QHBoxLayout()
        columns.setSpacing(16)
        columns.addWidget(self.question_scroll, 4)
        columns.addWidget(self.answer_scroll, 5)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 12, 12, 12)
        outer.addLayout(columns)
        order = [*self.form.controls(), *self.answer_widget.controls()]
        for before, after in zip(order, order[1:]):
            self.setTabOrder(before, after)

        self._load_rules()
        self.form.changed.connect(self._on_changed)
        self.answer_widget.languageChanged.connect(lambda _language: self._show_message())
        self.answer_widget.journalRequested.connect(self.journalRequested)
        self.hours.loaded.connect(self._on_changed)  # the desks' zones are here
        self.start_fresh(self.form.country(), "en")
        self.retranslate()
        self._fit_widths()

    def _scroll(self, widget: QWidget) -> QScrollArea:
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)  # cut off unseen: never
        scroll.setWidget(widget)
        return scroll

    def _load_rules(self) -> None:
        try:
            self.rules = claims.load_rules()
        except DeskguideError as error:  # a broken claims.toml: said in the answer, the rest works
            self._load_problem = str(error)
            return
        self.form.set_services([(code, self.rules.levels[code].name) for code in claims.services()
                                if code in self.rules.levels])

    def retranslate(self) -> None:
        self.question_scroll.setAccessibleName(_("The claim's question"))
        self.answer_scroll.setAccessibleName(_("The claim's answer"))
        self._on_changed()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)  # LanguageChange: retranslate()
        if event.type() == QEvent.Type.LanguageChange:
            QTimer.singleShot(0, self, self._fit_widths)  # after the parts have re-read their labels

    def _fit_widths(self) -> None:
        """Never narrower than the content can be: it wraps, it does not scroll sideways
        (measured again in each language, as the escalation view does)."""
        for scroll in (self.question_scroll, self.answer_scroll):
            scroll.setMinimumWidth(max(MINIMUM_COLUMN, scroll.widget().minimumSizeHint().width()
                                       + scroll.verticalScrollBar().sizeHint().width() + 2))

    # --- for the call workflow --------------------------------------------------------------

    @property
    def current_answer(self) -> ClaimAnswer | None:
        return self._answer

    def start_fresh(self, country: str, language: str) -> None:
        """A new claim, as for a new call (issue 16, "State that follows the customer"): the
        first service, an outage of DEFAULT_HOURS ending now on `country`'s clock, no data
        lost, no portal; the message in `language`. Nothing of the previous call stays, so
        Ctrl+J can never save the old outage to this customer's journal."""
        self._filling = True
        try:
            self.form.set_country(country)
            if self.form.service_combo.count():
                self.form.service_combo.setCurrentIndex(0)
            now = self.clock().astimezone(self._zone(country)).replace(second=0, microsecond=0, tzinfo=None)
            self.form.set_times(now - dt.timedelta(hours=DEFAULT_HOURS), now)
            self.form.set_minutes(DEFAULT_HOURS * 60, f"{now.year:04d}-{now.month:02d}")
            self.form.set_by_minutes(False)
            self.form.data_loss_check.setChecked(False)
            self.form.portal_check.setChecked(False)
            self.answer_widget.customer_language.set_language(language)
        finally:
            self._filling = False
        self._on_changed()

    def answer_record(self) -> AnswerRecord | None:
        """The claim shown now, for Copy summary and the journal; None while none stands."""
        from desktop.wording.answer_record import AnswerRecord
        from desktop.wording.claims import month_text, percent

        answer = self._answer
        if answer is None:
            return None
        topic = _("Claim: {service}, {month}").format(service=answer.level.name, month=month_text(answer))
        verdict = (_("Service Credit {credit}").format(credit=percent(answer.credit_percent)) if answer.credit_due
                   else _("No Service Credit"))
        return AnswerRecord("claim", topic, verdict, self.answer_widget.message())

    # --- answering ---------------------------------------------------------------------------

    def _zone(self, country: str):
        policy = self.hours.policies.get(country)
        return policy.desk.zone if policy is not None else ZoneInfo(FALLBACK_ZONES.get(country, "UTC"))

    def _outage(self) -> tuple[str, int]:
        """The month and the minutes down, from the form (InvalidInput for a bad field)."""
        if self.form.by_minutes():
            return self.form.month(), self.form.minutes()
        zone = self._zone(self.form.country())
        start = self.form.start_wall().replace(tzinfo=zone)
        end = self.form.end_wall().replace(tzinfo=zone)
        return f"{start.year:04d}-{start.month:02d}", claims.outage_minutes(start, end)

    def _on_changed(self) -> None:
        if self._filling:
            return
        country = self.form.country()
        self.form.show_zone(_("On the customer's clock: {zone}.").format(
            zone=escalation_text.zone_text(self.form.start_wall().replace(tzinfo=self._zone(country))))
            if not self.form.by_minutes() else "")
        if self.rules is None:
            self.form.show_problems({})
            self.answer_widget.show_hint(_("Not available: the claim rules could not be loaded: {reason}").format(
                reason=self._load_problem or ""))
            self._set_answer(None)
            return
        try:
            month, minutes = self._outage()
            answer = claims.assess(self.rules, self.form.service(), month, minutes,
                                   data_loss=self.form.data_loss(), wrong_portal=self.form.wrong_portal())
        except InvalidInput as error:
            self.form.show_problems({error.field: _("{field} {reason}").format(
                field=_field_name(error.field), reason=_(error.reason))})
            self.answer_widget.show_hint(_("Correct the outage on the left to see the claim's answer."))
            self._set_answer(None)
            self._refit()
            return
        self.form.show_problems({})
        self._show_answer(answer)
        self._set_answer(answer)
        self._show_message()
        self._refit()

    def _show_answer(self, answer: ClaimAnswer) -> None:
        from desktop.wording.citations import ref_text
        from desktop.wording.claims import month_text, next_step_text, percent, reason_text

        title = _("{service}, {month}").format(service=answer.level.name, month=month_text(answer))
        credit = (_("Service Credit {credit}").format(credit=percent(answer.credit_percent))
                  if answer.credit_due else _("SLA met: no Service Credit"))
        uptime = _("Uptime {uptime} · SLA {sla}").format(uptime=percent(answer.uptime_percent),
                                                          sla=percent(answer.sla_percent))
        # The next step first: on the phone the agent needs what to do, and the why when asked.
        lines = [(_("Next step: {step}").format(step=next_step_text(answer)), "", "")]
        lines += [(reason_text(answer, reason), ref_text(reason.ref) or reason.clause, reason.ref)
                  for reason in answer.reasons]
        self.answer_widget.show_answer(title, credit, uptime, lines, answer.credit_due)

    def _show_message(self) -> None:
        from desktop.wording.letters.claim import claim_message

        answer = self._answer
        language = self.answer_widget.customer_language.language()
        self.answer_widget.show_message(claim_message(answer, language, self._signature(language)) if answer else "")

    @staticmethod
    def _signature(language: str):
        from desktop.gui.platform.settings import Settings
        from desktop.wording.letters.signature import Signature, desk_phone

        settings = Settings()
        country = settings.default_country if language == "en" else None  # English: the agent's own desk
        return Signature(settings.agent_name, desk_phone(country, language))

    def _set_answer(self, answer: ClaimAnswer | None) -> None:
        if answer != self._answer:
            self._answer = answer
            self.answerChanged.emit(answer)

    def _refit(self) -> None:
        """Wrapped texts changed height: let the scroll areas measure again."""
        for scroll in (self.question_scroll, self.answer_scroll):
            scroll.widget().layout().invalidate()
            QCoreApplication.postEvent(scroll, QEvent(QEvent.Type.LayoutRequest))
