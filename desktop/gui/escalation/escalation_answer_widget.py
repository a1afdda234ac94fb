"""The escalation answer: the first-response target, the due moment on the customer's
clock and how the clock runs; warnings (support ended) and notes (fallbacks,
exclusions); "Explain this due time" day by day, with Copy; a summary for the customer
in the customer's language, with Copy; what the customer must commit to, how to
submit, the languages, the downgrade warning, the escalation chain, and the product's
lifecycle. The targets, the duties and the languages cite Microsoft's description by
title and appendix (desktop/wording/citations.py); "Source:" links open the cited clause,
highlighted, in the source viewer (issue 16).

Plain values in (an Escalation, a LifecycleAnswer); every text is worded by
desktop.wording.escalation, desktop.wording.lifecycle and desktop.wording.letters.escalation, and
reference-data prose and domain sentences are said through `_()`. On a language switch
this widget re-reads its own labels; the view shows the answer again (it words the
hints, and the lifecycle note under the product field, too).
"""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.common.i18n import _
from desktop.gui.platform.theme import warning_palette
from desktop.gui.widgets.badge import badge_row, badge_style
from desktop.gui.widgets.customer_language_combo import language_picker, language_row
from desktop.gui.widgets.fonts import bold_font
from desktop.gui.widgets.retranslating import Retranslating
from desktop.gui.widgets.wrapped_label import wrapped_label
from desktop.wording import escalation as escalation_text
from desktop.wording import lifecycle as lifecycle_text
from desktop.wording.citations import ref_text
from desktop.wording.escalation import bullet_list
from desktop.wording.letters.escalation import escalation_message
from desktop.wording.letters.signature import Signature, desk_phone

if TYPE_CHECKING:
    from domain.escalation import Escalation, EscalationRules
    from domain.lifecycle import LifecycleAnswer

ENDED_BADGE = "#b71c1c"  # white on this: 6.6:1, on the light and the dark palette alike


def _said(texts) -> list[str]:
    """Reference-data prose and domain sentences in the current language."""
    return [_(text) for text in texts]


class EscalationAnswerWidget(Retranslating, QWidget):
    saveRequested = Signal()
    copied = Signal(str)  # the explanation put on the clipboard
    summaryCopied = Signal(str)  # the customer's summary put on the clipboard

    def __init__(self, parent=None):
        super().__init__(parent)
        self._answer: Escalation | None = None
        self._rules: EscalationRules | None = None
        self._country: str | None = None  # the customer's country the summary's language was chosen for
        self._explanation = ""
        self._summary = ""

        self._build()
        self._lay_out()
        self._connect()
        self.recolour()
        self.retranslate()
        self.show_hint(_("Loading the escalation rules…"))
        self.show_lifecycle(None)

    def _build(self) -> None:
        self.hint_label = wrapped_label(self)
        self.target_label = wrapped_label(self, selectable=True)
        self.target_label.setFont(bold_font(self.font(), 1.25))
        self.due_label = wrapped_label(self, selectable=True)
        self.due_label.setFont(bold_font(self.font(), 1.25))
        self.zone_label = wrapped_label(self, selectable=True)
        self.clock_label = wrapped_label(self, selectable=True)
        self.ended_badge = QLabel(self)  # words and colour, never colour alone
        self.ended_badge.setStyleSheet(badge_style(ENDED_BADGE))
        self.warning_label = wrapped_label(self, selectable=True)
        self.notes_label = wrapped_label(self, selectable=True)

        self.explain_button = QPushButton(self)
        self.explain_button.setCheckable(True)
        self.summary_button = QPushButton(self)
        self.summary_button.setCheckable(True)
        self.save_button = QPushButton(self)
        self.save_status = wrapped_label(self)
        self.save_status.hide()

        self.explanation_frame = QFrame(self)
        self.explanation_frame.setFrameShape(QFrame.Shape.StyledPanel)
        self.timeline_label = wrapped_label(self.explanation_frame, rich=True, selectable=True)
        self.copy_button = QPushButton(self.explanation_frame)
        self.copy_status = wrapped_label(self.explanation_frame)
        self.explanation_frame.hide()

        # The summary is written in the customer's language, whatever the agent reads.
        self.summary_frame = QFrame(self)
        self.summary_frame.setFrameShape(QFrame.Shape.StyledPanel)
        self.summary_language, self.summary_language_label = language_picker(self.summary_frame)
        self.summary_label = wrapped_label(self.summary_frame, selectable=True)
        self.summary_copy_button = QPushButton(self.summary_frame)
        self.summary_copy_status = wrapped_label(self.summary_frame)
        self.summary_frame.hide()

        self.obligations_heading = self._heading()
        self.obligations_label = wrapped_label(self, selectable=True)
        # "Source: Microsoft “…”, Appendix A": each link opens its clause in the source viewer.
        self.source_label = wrapped_label(self, rich=True)
        self.source_label.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                                  | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.source_label.linkActivated.connect(self._open_source)
        self.source_viewer = None  # the source viewer last opened here (tests, focus)
        self._source_refs: list[str] = []
        self.submit_heading = self._heading()
        self.submit_label = wrapped_label(self, selectable=True)
        self.languages_label = wrapped_label(self, selectable=True)
        self.downgrade_label = wrapped_label(self, selectable=True)
        self.chain_heading = self._heading()
        self.chain_label = wrapped_label(self, selectable=True)
        self.lifecycle_heading = self._heading()
        self.lifecycle_label = wrapped_label(self, selectable=True)
        # Shown with an answer, hidden with a hint.
        self.details = [self.target_label, self.due_label, self.zone_label, self.clock_label, self.notes_label,
                        self.explain_button, self.save_button, self.summary_button, self.obligations_heading,
                        self.obligations_label, self.source_label, self.submit_heading, self.submit_label,
                        self.languages_label, self.downgrade_label, self.chain_heading, self.chain_label]

    def _lay_out(self) -> None:
        frame = QVBoxLayout(self.explanation_frame)
        frame.setSpacing(4)
        frame.addWidget(self.timeline_label)
        frame.addLayout(self._copy_row(self.copy_button, self.copy_status))

        summary = QVBoxLayout(self.summary_frame)
        summary.setSpacing(4)
        summary.addLayout(language_row(self.summary_language_label, self.summary_language))
        summary.addWidget(self.summary_label)
        summary.addLayout(self._copy_row(self.summary_copy_button, self.summary_copy_status))

        buttons = QHBoxLayout()
        buttons.addWidget(self.explain_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        # On a row of its own, over what it opens: three buttons in a row do not fit a
        # narrow column in Finnish.
        summary_row = QHBoxLayout()
        summary_row.addWidget(self.summary_button)
        summary_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.target_label)
        layout.addWidget(self.due_label)
        layout.addWidget(self.zone_label)
        layout.addWidget(self.clock_label)
        layout.addLayout(badge_row(self.ended_badge, self.warning_label))
        layout.addWidget(self.notes_label)
        layout.addLayout(buttons)
        layout.addWidget(self.save_status)
        layout.addWidget(self.explanation_frame)
        layout.addLayout(summary_row)
        layout.addWidget(self.summary_frame)
        for widget in (self.obligations_heading, self.obligations_label, self.source_label, self.submit_heading,
                       self.submit_label, self.languages_label, self.downgrade_label, self.chain_heading, self.chain_label,
                       self.lifecycle_heading, self.lifecycle_label):
            layout.addWidget(widget)
        layout.addStretch(1)

    def _connect(self) -> None:
        self.explain_button.toggled.connect(self._on_explain)
        self.summary_button.toggled.connect(self._on_summary)
        self.copy_button.clicked.connect(self.copy_explanation)
        self.summary_copy_button.clicked.connect(self.copy_summary)
        self.summary_language.languageChanged.connect(lambda _language: self._show_summary())
        self.save_button.clicked.connect(self.saveRequested)

    def _heading(self) -> QLabel:
        label = wrapped_label(self)
        label.setFont(bold_font(self.font()))
        return label

    @staticmethod
    def _copy_row(button: QPushButton, status: QLabel) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(button)
        row.addWidget(status, 1)
        return row

    def retranslate(self) -> None:
        """The labels, buttons and accessible names in the current language. The answer
        itself is shown again by the view (show_answer, show_lifecycle, show_hint)."""
        self.hint_label.setAccessibleName(_("About the escalation answer"))
        self.target_label.setAccessibleName(_("First-response target"))
        self.due_label.setAccessibleName(_("Due"))
        self.zone_label.setAccessibleName(_("Due, clock and countdown"))
        self.clock_label.setAccessibleName(_("How the clock runs"))
        self.ended_badge.setText(_("Support ended"))
        self.ended_badge.setAccessibleName(_("Product support has ended"))
        self.warning_label.setAccessibleName(_("Warning before escalating"))
        self.notes_label.setAccessibleName(_("Notes on the target"))
        self.explain_button.setText(_("E&xplain this due time"))
        self.explain_button.setAccessibleName(_("Explain this due time, day by day"))
        self.summary_button.setText(_("Summary for the cus&tomer"))
        self.summary_button.setAccessibleName(_("Summary for the customer, in the customer's language"))
        self.save_button.setText(_("&Save as case"))
        self.save_button.setAccessibleName(_("Save as case"))
        self.save_status.setAccessibleName(_("Case saved"))
        self.timeline_label.setAccessibleName(_("Counted minutes, day by day"))
        self.copy_button.setText(_("&Copy the explanation"))
        self.copy_button.setAccessibleName(_("Copy the explanation to the clipboard"))
        self.copy_status.setAccessibleName(_("Copy status"))
        self.summary_language_label.setText(_("Language:"))
        self.summary_label.setAccessibleName(_("Summary for the customer"))
        self.summary_copy_button.setText(_("C&opy the summary"))
        self.summary_copy_button.setAccessibleName(_("Copy the summary for the customer to the clipboard"))
        self.summary_copy_status.setAccessibleName(_("Copy status"))
        self.obligations_heading.setText(_("The customer must"))
        self.obligations_label.setAccessibleName(_("The customer must"))
        self.source_label.setAccessibleName(_("Sources: open the cited clause"))
        self.submit_heading.setText(_("How to submit"))
        self.submit_label.setAccessibleName(_("How to submit"))
        self.languages_label.setAccessibleName(_("Languages"))
        self.downgrade_label.setAccessibleName(_("Downgrade warning"))
        self.chain_heading.setText(_("Who does what"))
        self.chain_label.setAccessibleName(_("Escalation chain"))
        self.lifecycle_heading.setText(_("Product lifecycle"))
        self.lifecycle_label.setAccessibleName(_("Product lifecycle"))

    def controls(self) -> list:
        """In reading order, for the view's tab order."""
        return [self.explain_button, self.save_button, self.timeline_label, self.copy_button, self.summary_button,
                self.summary_language, self.summary_label, self.summary_copy_button, self.source_label]

    # --- what is shown ---------------------------------------------------------------------------

    @property
    def answer(self) -> Escalation | None:
        return self._answer

    @property
    def explanation(self) -> str:
        return self._explanation

    @property
    def summary(self) -> str:
        """The summary for the customer, in the language chosen for them."""
        return self._summary

    def show_hint(self, text: str) -> None:
        """No answer: say what is missing."""
        self._answer = None
        self._explanation = self._summary = ""
        self.hint_label.setText(text)
        self.hint_label.show()
        for widget in self.details:
            widget.hide()
        self.explanation_frame.hide()
        self.summary_frame.hide()
        self.save_status.hide()

    def show_answer(self, answer: Escalation, country: str, rules: EscalationRules, now: dt.datetime) -> None:
        self._answer, self._rules = answer, rules
        if country != self._country:  # another customer's country: write to them in its language
            self._country = country
            with QSignalBlocker(self.summary_language):
                self.summary_language.set_for_country(country)
        self.hint_label.clear()  # not read out (nor left in another language) while hidden
        self.hint_label.hide()
        for widget in self.details:
            widget.show()
        self.target_label.setText(escalation_text.target_text(answer.target.minutes, answer.clock))
        self.due_label.setText(_("Due {moment}").format(moment=escalation_text.due_text(answer.due, answer.opened)))
        self.clock_label.setText(escalation_text.clock_text(answer.clock, country, rules.business_hours))
        notes = _said([*answer.notes, *([answer.target.extra] if answer.target.extra else [])])
        self.notes_label.setText(bullet_list(notes))
        self.notes_label.setVisible(bool(notes))
        self.obligations_label.setText(bullet_list(_said(answer.severity.obligations)))
        offering = answer.offering
        self.submit_label.setText(_(offering.submit_via))
        self.languages_label.setText(_("Languages: {languages} ({ref}).").format(
            languages=", ".join(_said(offering.languages)), ref=ref_text(offering.languages_ref)))
        self._show_sources(answer)
        self.downgrade_label.setText(_("⚠ {warning}").format(warning=_(offering.downgrade)))
        self.chain_label.setText("\n".join(_("{n}. {step}").format(n=n, step=step)
                                           for n, step in enumerate(_said(rules.chain), 1)))
        self._explanation = escalation_text.explanation_text(answer, country)
        self.timeline_label.setText(escalation_text.timeline_html(answer))
        self.copy_status.clear()
        self.explanation_frame.setVisible(self.explain_button.isChecked())
        self._show_summary()
        self.summary_frame.setVisible(self.summary_button.isChecked())
        self.tick(now)

    def _show_summary(self) -> None:
        if self._answer is None or self._rules is None:
            return
        language = self.summary_language.language()
        self._summary = escalation_message(self._answer, self._rules.business_hours, language,
                                           self._signature(language))
        self.summary_label.setText(self._summary)
        self.summary_copy_status.clear()

    def _signature(self, language: str) -> Signature:
        """The agent's name (Settings) and the phone of the customer's country's desk."""
        from desktop.gui.platform.settings import Settings

        return Signature(Settings().agent_name, desk_phone(self._country, language))

    def _show_sources(self, answer: Escalation) -> None:
        """The severity's definition and the target's row, as links to the source viewer."""
        from html import escape

        self._source_refs = [ref for ref in dict.fromkeys((answer.severity.ref, answer.target.ref)) if ref]
        links = [f"<a href='source:{n}'>{escape(ref_text(ref))}</a>" for n, ref in enumerate(self._source_refs)]
        self.source_label.setText(escape(_("Source:")) + " " + "; ".join(links) if links else "")
        self.source_label.setToolTip(_("Click a citation to read the clause in the original text."))

    def _open_source(self, link: str) -> None:
        from desktop.gui.widgets.source_viewer import open_source_link

        self.source_viewer = open_source_link(link, self._source_refs, self.window()) or self.source_viewer

    def tick(self, now: dt.datetime) -> None:
        """The countdown to the due moment, from `now`."""
        answer = self._answer
        if answer is None:
            return
        left = (answer.due.astimezone(dt.timezone.utc) - now.astimezone(dt.timezone.utc)).total_seconds() / 60
        self.zone_label.setText(_("{zone} · {countdown}").format(
            zone=escalation_text.zone_text(answer.due), countdown=escalation_text.countdown_text(left)))

    def show_lifecycle(self, answer: LifecycleAnswer | None) -> None:
        """The product's phase on the opening day (None: no product, or not found)."""
        ended = answer is not None and answer.ended
        self.ended_badge.setVisible(ended)
        self.warning_label.setText(_("⚠ {warning}").format(warning=_(answer.warning)) if ended and answer.warning
                                   else "")
        self.warning_label.setVisible(ended)
        self.lifecycle_heading.setVisible(answer is not None)
        self.lifecycle_label.setVisible(answer is not None)
        if answer is None:
            self.lifecycle_label.clear()
            return
        lines = [lifecycle_text.on_text(answer), lifecycle_text.dates_text(answer)]
        if answer.allows:
            lines.append(_("Allowed:"))
            lines.append(bullet_list(_said(answer.allows)))
        if answer.not_allowed:
            lines.append(_("Not allowed:"))
            lines.append(bullet_list(_said(answer.not_allowed)))
        lines += [bullet_list(_said(answer.notes))] if answer.notes else []
        lines.append(_("Source: {source} (checked {day})").format(
            source=answer.product.source, day=lifecycle_text.day_text(answer.product.checked)))
        self.lifecycle_label.setText("\n".join(lines))

    def show_saved(self, text: str) -> None:
        self.save_status.setText(text)
        self.save_status.setVisible(bool(text))

    # --- explaining, summarising and copying ------------------------------------------------------------

    def explain(self, shown: bool = True) -> None:
        self.explain_button.setChecked(shown)

    def _on_explain(self, shown: bool) -> None:
        self.explanation_frame.setVisible(shown and self._answer is not None)
        self.copy_status.clear()

    def _on_summary(self, shown: bool) -> None:
        self.summary_frame.setVisible(shown and self._answer is not None)
        self.summary_copy_status.clear()

    def copy_explanation(self) -> None:
        if not self._explanation:
            return
        QGuiApplication.clipboard().setText(self._explanation)
        self.copy_status.setText(_("Copied: paste it into your e-mail to the customer."))
        self.copied.emit(self._explanation)

    def copy_summary(self) -> None:
        if not self._summary:
            return
        QGuiApplication.clipboard().setText(self._summary)
        self.summary_copy_status.setText(_("Copied: paste it into your e-mail to the customer."))
        self.summaryCopied.emit(self._summary)

    # --- reading it back -------------------------------------------------------------------------------

    def text(self) -> str:
        """Everything shown, in reading order (screen readers, tests)."""
        labels = [self.hint_label, self.target_label, self.due_label, self.zone_label, self.clock_label,
                  self.ended_badge, self.warning_label, self.notes_label, self.obligations_label,
                  self.submit_label, self.languages_label, self.downgrade_label, self.chain_label,
                  self.lifecycle_label]
        return "\n".join(label.text() for label in labels if label.isVisibleTo(self) and label.text())

    def recolour(self) -> None:
        palette = warning_palette(self.palette())
        self.warning_label.setPalette(palette)
        self.downgrade_label.setPalette(palette)
