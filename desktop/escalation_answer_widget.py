"""The escalation answer: the first-response target, the due moment on the customer's
clock and how the clock runs; warnings (support ended) and notes (fallbacks,
exclusions); "Explain this due time" day by day, with Copy; what the customer must
commit to, how to submit, the languages, the downgrade warning, the escalation chain,
and the product's lifecycle.

Plain values in (an Escalation, a LifecycleAnswer); every text is worded by
desktop.escalation_text and desktop.lifecycle_text.
"""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop import escalation_text, lifecycle_text
from desktop.i18n import _
from desktop.notice_panel_widget import WARNING_ON_DARK, WARNING_ON_LIGHT
from desktop.wrapped_label import wrapped_label

if TYPE_CHECKING:
    from domain.escalation import Escalation, EscalationRules
    from domain.lifecycle import LifecycleAnswer

ENDED_BADGE = "#b71c1c"  # white on this: 6.6:1, on the light and the dark palette alike


def _font(font: QFont, factor: float = 1.0, bold: bool = True) -> QFont:
    changed = QFont(font)
    changed.setPointSizeF(font.pointSizeF() * factor)
    changed.setBold(bold)
    return changed


def bullets(lines) -> str:
    return "\n".join(_("• {line}").format(line=line) for line in lines)


class EscalationAnswerWidget(QWidget):
    saveRequested = Signal()
    copied = Signal(str)  # the explanation put on the clipboard

    def __init__(self, parent=None):
        super().__init__(parent)
        self._answer: Escalation | None = None
        self._country = "SE"
        self._explanation = ""

        self.hint_label = wrapped_label(self)
        self.hint_label.setAccessibleName(_("About the escalation answer"))
        self.target_label = wrapped_label(self, selectable=True)
        self.target_label.setFont(_font(self.font(), 1.25))
        self.target_label.setAccessibleName(_("First-response target"))
        self.due_label = wrapped_label(self, selectable=True)
        self.due_label.setFont(_font(self.font(), 1.25))
        self.due_label.setAccessibleName(_("Due"))
        self.zone_label = wrapped_label(self, selectable=True)
        self.zone_label.setAccessibleName(_("Due, clock and countdown"))
        self.clock_label = wrapped_label(self, selectable=True)
        self.clock_label.setAccessibleName(_("How the clock runs"))
        self.ended_badge = QLabel(_("Support ended"), self)  # words and colour, never colour alone
        self.ended_badge.setStyleSheet(f"background: {ENDED_BADGE}; color: white; border-radius: 3px; "
                                       "padding: 2px 8px; font-weight: bold;")
        self.ended_badge.setAccessibleName(_("Product support has ended"))
        self.warning_label = wrapped_label(self, selectable=True)
        self.warning_label.setAccessibleName(_("Warning before escalating"))
        self.notes_label = wrapped_label(self, selectable=True)
        self.notes_label.setAccessibleName(_("Notes on the target"))

        self.explain_button = QPushButton(_("E&xplain this due time"), self)
        self.explain_button.setCheckable(True)
        self.explain_button.setAccessibleName(_("Explain this due time, day by day"))
        self.save_button = QPushButton(_("&Save as case"), self)
        self.save_button.setAccessibleName(_("Save as case"))
        self.save_status = wrapped_label(self)
        self.save_status.setAccessibleName(_("Case saved"))
        self.save_status.hide()
        self.explanation_frame = QFrame(self)
        self.explanation_frame.setFrameShape(QFrame.Shape.StyledPanel)
        self.timeline_label = wrapped_label(self.explanation_frame, rich=True, selectable=True)
        self.timeline_label.setAccessibleName(_("Counted minutes, day by day"))
        self.copy_button = QPushButton(_("&Copy the explanation"), self.explanation_frame)
        self.copy_button.setAccessibleName(_("Copy the explanation to the clipboard"))
        self.copy_status = wrapped_label(self.explanation_frame)
        self.copy_status.setAccessibleName(_("Copy status"))
        frame = QVBoxLayout(self.explanation_frame)
        frame.setSpacing(4)
        frame.addWidget(self.timeline_label)
        copy_row = QHBoxLayout()
        copy_row.addWidget(self.copy_button)
        copy_row.addWidget(self.copy_status, 1)
        frame.addLayout(copy_row)
        self.explanation_frame.hide()

        self.obligations_heading = self._heading(_("The customer must"))
        self.obligations_label = wrapped_label(self, selectable=True)
        self.obligations_label.setAccessibleName(_("The customer must"))
        self.submit_heading = self._heading(_("How to submit"))
        self.submit_label = wrapped_label(self, selectable=True)
        self.submit_label.setAccessibleName(_("How to submit"))
        self.languages_label = wrapped_label(self, selectable=True)
        self.languages_label.setAccessibleName(_("Languages"))
        self.downgrade_label = wrapped_label(self, selectable=True)
        self.downgrade_label.setAccessibleName(_("Downgrade warning"))
        self.chain_heading = self._heading(_("Who does what"))
        self.chain_label = wrapped_label(self, selectable=True)
        self.chain_label.setAccessibleName(_("Escalation chain"))
        self.lifecycle_heading = self._heading(_("Product lifecycle"))
        self.lifecycle_label = wrapped_label(self, selectable=True)
        self.lifecycle_label.setAccessibleName(_("Product lifecycle"))

        buttons = QHBoxLayout()
        buttons.addWidget(self.explain_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.target_label)
        layout.addWidget(self.due_label)
        layout.addWidget(self.zone_label)
        layout.addWidget(self.clock_label)
        warning_row = QHBoxLayout()
        warning_row.setSpacing(8)
        warning_row.addWidget(self.ended_badge, 0, Qt.AlignmentFlag.AlignTop)
        warning_row.addWidget(self.warning_label, 1)
        layout.addLayout(warning_row)
        layout.addWidget(self.notes_label)
        layout.addLayout(buttons)
        layout.addWidget(self.save_status)
        layout.addWidget(self.explanation_frame)
        self.details = [self.target_label, self.due_label, self.zone_label, self.clock_label, self.notes_label,
                        self.explain_button, self.save_button, self.obligations_heading, self.obligations_label,
                        self.submit_heading, self.submit_label, self.languages_label, self.downgrade_label,
                        self.chain_heading, self.chain_label]
        for widget in (self.obligations_heading, self.obligations_label, self.submit_heading, self.submit_label,
                       self.languages_label, self.downgrade_label, self.chain_heading, self.chain_label,
                       self.lifecycle_heading, self.lifecycle_label):
            layout.addWidget(widget)
        layout.addStretch(1)

        self.explain_button.toggled.connect(self._on_explain)
        self.copy_button.clicked.connect(self.copy_explanation)
        self.save_button.clicked.connect(self.saveRequested)
        self._colour()
        self.show_hint(_("Loading the escalation rules…"))
        self.show_lifecycle(None)

    def _heading(self, text: str) -> QLabel:
        label = wrapped_label(self, text)
        label.setFont(_font(self.font()))
        return label

    def controls(self) -> list:
        """In reading order, for the view's tab order."""
        return [self.explain_button, self.save_button, self.timeline_label, self.copy_button]

    # --- what is shown ---------------------------------------------------------------------------

    @property
    def answer(self) -> Escalation | None:
        return self._answer

    @property
    def explanation(self) -> str:
        return self._explanation

    def show_hint(self, text: str) -> None:
        """No answer: say what is missing."""
        self._answer = None
        self._explanation = ""
        self.hint_label.setText(text)
        self.hint_label.show()
        for widget in self.details:
            widget.hide()
        self.explanation_frame.hide()
        self.save_status.hide()

    def show_answer(self, answer: Escalation, country: str, rules: EscalationRules, now: dt.datetime) -> None:
        self._answer, self._country = answer, country
        self.hint_label.hide()
        for widget in self.details:
            widget.show()
        self.target_label.setText(escalation_text.target_text(answer.target.minutes, answer.clock))
        self.due_label.setText(_("Due {moment}").format(moment=escalation_text.due_text(answer.due, answer.opened)))
        self.clock_label.setText(escalation_text.clock_text(answer.clock, country, rules.business_hours))
        notes = [*answer.notes, *([answer.target.extra] if answer.target.extra else [])]
        self.notes_label.setText(bullets(notes))
        self.notes_label.setVisible(bool(notes))
        self.obligations_label.setText(bullets(answer.severity.obligations))
        offering = answer.offering
        self.submit_label.setText(offering.submit_via)
        self.languages_label.setText(_("Languages: {languages} ({ref}).").format(
            languages=", ".join(offering.languages), ref=offering.languages_ref))
        self.downgrade_label.setText(_("⚠ {warning}").format(warning=offering.downgrade))
        self.chain_label.setText("\n".join(_("{n}. {step}").format(n=n, step=step)
                                           for n, step in enumerate(rules.chain, 1)))
        self._explanation = escalation_text.explanation_text(answer, country)
        self.timeline_label.setText(escalation_text.timeline_html(answer))
        self.copy_status.clear()
        self.explanation_frame.setVisible(self.explain_button.isChecked())
        self.tick(now)

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
        self.warning_label.setText(_("⚠ {warning}").format(warning=answer.warning) if ended and answer.warning
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
            lines.append(bullets(answer.allows))
        if answer.not_allowed:
            lines.append(_("Not allowed:"))
            lines.append(bullets(answer.not_allowed))
        lines += [bullets(answer.notes)] if answer.notes else []
        lines.append(_("Source: {source} (checked {day})").format(
            source=answer.product.source, day=lifecycle_text.day_text(answer.product.checked)))
        self.lifecycle_label.setText("\n".join(lines))

    def show_saved(self, text: str) -> None:
        self.save_status.setText(text)
        self.save_status.setVisible(bool(text))

    # --- explaining and copying ---------------------------------------------------------------------

    def explain(self, shown: bool = True) -> None:
        self.explain_button.setChecked(shown)

    def _on_explain(self, shown: bool) -> None:
        self.explanation_frame.setVisible(shown and self._answer is not None)
        self.copy_status.clear()

    def copy_explanation(self) -> None:
        if not self._explanation:
            return
        QGuiApplication.clipboard().setText(self._explanation)
        self.copy_status.setText(_("Copied: paste it into your e-mail to the customer."))
        self.copied.emit(self._explanation)

    # --- reading it back -------------------------------------------------------------------------------

    def text(self) -> str:
        """Everything shown, in reading order (screen readers, tests)."""
        labels = [self.hint_label, self.target_label, self.due_label, self.zone_label, self.clock_label,
                  self.ended_badge, self.warning_label, self.notes_label, self.obligations_label,
                  self.submit_label, self.languages_label, self.downgrade_label, self.chain_label,
                  self.lifecycle_label]
        return "\n".join(label.text() for label in labels if label.isVisibleTo(self) and label.text())

    def _colour(self) -> None:
        palette = QPalette()
        dark = self.palette().color(QPalette.ColorRole.Window).lightness() < 128
        palette.setColor(QPalette.ColorRole.WindowText, QColor(WARNING_ON_DARK if dark else WARNING_ON_LIGHT))
        self.warning_label.setPalette(palette)
        self.downgrade_label.setPalette(palette)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._colour()
