"""The notice answer for one subscription: the current period, the deadline and the days
left, what happens if notice arrives on the day asked (today unless the agent picks
another), the closed-day warning, how to cancel, and a message ready to paste.

The answer is computed here, on the GUI thread, from plain values: the subscription,
the customer's country desk policy (HoursModel has it in memory) and the day. The rules
are domain.notice's, with the desk calendar of the notice service (operations.notice), the same
functions `deskguide notice` uses; one answer costs well under a frame, so the what-if
picker recomputes on every change.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.common.i18n import _
from desktop.gui.operations import notice
from desktop.gui.platform.theme import warning_palette
from desktop.gui.widgets.badge import badge_row, badge_style
from desktop.gui.widgets.customer_language_combo import language_picker, language_row
from desktop.gui.widgets.fonts import bold_font
from desktop.gui.widgets.moment_edit import MomentEdit
from desktop.gui.widgets.retranslating import Retranslating
from desktop.gui.widgets.wrapped_label import wrapped_label
from desktop.wording import notice as notice_text
from desktop.wording.answer_record import AnswerRecord
from desktop.wording.letters.notice import customer_message
from domain.errors import InvalidInput
from domain.notice import Term

if TYPE_CHECKING:
    from domain.customers import Customer, Subscription
    from domain.desks import DeskPolicy
    from domain.notice import NoticeAnswer

IN_TIME_COLOUR = "#2e7d32"
TOO_LATE_COLOUR = "#a15c00"

# Narrower than this many average characters (or than the two columns' minimum widths),
# the message goes under the answer: each column would be too narrow to read.
SIDE_BY_SIDE_CHARS = 90


class NoticePanelWidget(Retranslating, QGroupBox):
    answerChanged = Signal(object)  # the NoticeAnswer shown, or None
    copied = Signal(str)  # the message put on the clipboard

    def __init__(self, parent=None):
        super().__init__(parent)
        self._customer: Customer | None = None
        self._subscription: Subscription | None = None
        self._policy: DeskPolicy | None = None
        self._closed_reason = None  # the policy's closed-day function, built once per policy
        self._closed_reason_of: DeskPolicy | None = None
        self._today = dt.date.today()
        self._answer: NoticeAnswer | None = None
        self._ends_at: dt.datetime | None = None
        self._hint: Callable[[], str] = lambda: ""  # what to do instead, said in the current language
        self._copied = False  # the message shown is on the clipboard

        self._build()
        self._lay_out()
        self._connect()
        self.retranslate()
        self.clear(lambda: _("Pick a subscription to see its notice deadline and how to cancel."))

    def _build(self) -> None:
        self.subject_label = wrapped_label(self, selectable=True)
        self.subject_label.setFont(bold_font(self.font()))
        self.on_edit = MomentEdit(self, with_time=False)  # a whole typed day (issue 16), shown in ISO
        self.on_label = QLabel(self)
        self.on_label.setBuddy(self.on_edit)
        self.today_button = QPushButton(self)

        self.period_value = wrapped_label(self, selectable=True)
        self.deadline_value = wrapped_label(self, selectable=True)
        self.deadline_value.setFont(bold_font(self.font(), 1.1))
        self.outcome_badge = QLabel(self)  # "In time" / "Too late": words and colour, never colour alone
        self.outcome_badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.outcome_badge.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.outcome_label = wrapped_label(self, selectable=True)
        self.renewal_label = wrapped_label(self, selectable=True)
        self.price_label = wrapped_label(self, selectable=True)
        self.warning_label = wrapped_label(self, selectable=True)
        self.how_heading = QLabel(self)
        self.how_heading.setFont(bold_font(self.font()))
        self.how_label = wrapped_label(self, rich=True, selectable=True)
        self.how_label.setOpenExternalLinks(False)
        self.hint_label = wrapped_label(self)

        self.message_heading = wrapped_label(self)
        self.message_heading.setFont(bold_font(self.font()))
        # The customer's language, not the agent's: a UI language switch leaves it alone.
        self.language_combo, self.language_label = language_picker(self)
        self.copy_button = QPushButton(self)
        self.copy_status = wrapped_label(self)
        self.message_edit = QPlainTextEdit(self)
        self.message_edit.setReadOnly(True)
        self.message_edit.setTabChangesFocus(True)
        self.message_edit.setMinimumHeight(self.fontMetrics().lineSpacing() * 8)

    def _lay_out(self) -> None:
        # Left: the answer, then how to cancel. Right: the message. The picker on top asks the question.
        ask = QHBoxLayout()
        ask.addWidget(self.on_label, 0, Qt.AlignmentFlag.AlignTop)
        ask.addWidget(self.on_edit)
        ask.addWidget(self.today_button, 0, Qt.AlignmentFlag.AlignTop)
        ask.addStretch(1)
        self.answer_frame = QFrame(self)
        facts = QGridLayout()
        facts.setHorizontalSpacing(8)
        facts.setColumnStretch(1, 1)
        self.period_heading = self._fact(facts, 0, self.period_value)
        self.deadline_heading = self._fact(facts, 1, self.deadline_value)
        answer = QVBoxLayout(self.answer_frame)
        answer.setContentsMargins(0, 0, 0, 0)
        answer.setSpacing(6)
        answer.addLayout(facts)
        answer.addLayout(badge_row(self.outcome_badge, self.outcome_label))
        answer.addWidget(self.renewal_label)
        answer.addWidget(self.warning_label)
        answer.addWidget(self.price_label)
        answer.addSpacing(4)
        answer.addWidget(self.how_heading)
        answer.addWidget(self.how_label)
        answer.addStretch(1)
        self._answer_column = left = QVBoxLayout()
        left.setSpacing(8)
        left.addWidget(self.subject_label)
        left.addLayout(ask)
        left.addWidget(self.answer_frame, 1)
        left.addWidget(self.hint_label)
        self.message_box = QWidget(self)
        right = QVBoxLayout(self.message_box)
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.message_heading)
        # Copy sits above the text: on a small screen the text scrolls, the button stays in sight.
        copy_bar = language_row(self.language_label, self.language_combo)
        copy_bar.addWidget(self.copy_button)
        right.addLayout(copy_bar)
        right.addWidget(self.copy_status)
        right.addWidget(self.message_edit, 1)
        # Side by side when there is room; on a narrow window the message goes under the answer.
        self.columns = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.columns.setSpacing(16)
        self.columns.addLayout(left, 1)
        self.columns.addWidget(self.message_box, 1)

        order = [self.on_edit, self.today_button, self.period_value, self.deadline_value, self.outcome_label,
                 self.how_label, self.language_combo, self.message_edit, self.copy_button]
        for before, after in zip(order, order[1:]):
            self.setTabOrder(before, after)

    def _connect(self) -> None:
        self.on_edit.momentChanged.connect(self._recompute)
        self.today_button.clicked.connect(self.ask_today)
        self.language_combo.languageChanged.connect(self._update_message)
        self.copy_button.clicked.connect(self.copy_message)

    def retranslate(self) -> None:
        """Every text in the agent's language again; the message stays in the customer's."""
        self.setTitle(_("Cancellation notice"))
        self.setAccessibleName(_("Cancellation notice"))
        self.subject_label.setAccessibleName(_("Subscription"))
        self.on_edit.setAccessibleName(_("Day the notice arrives"))
        self.on_edit.setToolTip(_("What if the notice arrives on another day? Pick it here."))
        self.on_label.setText(_("If notice a&rrives on:"))
        self.today_button.setText(_("Toda&y"))
        self.today_button.setAccessibleName(_("Notice arrives today"))
        self.period_heading.setText(_("Current period:"))
        self.period_value.setAccessibleName(_("Current period"))
        self.deadline_heading.setText(_("Notice deadline:"))
        self.deadline_value.setAccessibleName(_("Notice deadline"))
        self.outcome_label.setAccessibleName(_("If notice arrives on the day asked"))
        self.renewal_label.setAccessibleName(_("If not cancelled"))
        self.price_label.setAccessibleName(_("Price and terms"))
        self.warning_label.setAccessibleName(_("Deadline warning"))
        self.how_heading.setText(_("How to cancel"))
        self.how_label.setAccessibleName(_("How to cancel"))
        self.hint_label.setAccessibleName(_("About the notice answer"))
        self.message_heading.setText(_("Message to the customer"))
        self.language_label.setText(_("Lan&guage:"))
        self.copy_button.setText(_("Copy &message"))
        self.copy_button.setAccessibleName(_("Copy the message to the clipboard"))
        self.copy_status.setAccessibleName(_("Copy status"))
        self.message_edit.setAccessibleName(_("Message to the customer"))
        # The answer, from what the panel shows now: same subscription, same day asked.
        if self._subscription is not None:
            self._show_subject()
            self._recompute()
        else:
            self.hint_label.setText(self._hint())
        self._show_copy_status()

    def fit_width(self, width: int) -> bool:
        """Lay the answer and the message side by side if `width` (what the panel can
        have, not what it has: side by side it is wider) leaves room, else one above the
        other. True if that changed the layout."""
        margins = self.contentsMargins().left() + self.contentsMargins().right() \
            + self.columns.contentsMargins().left() + self.columns.contentsMargins().right()
        side_by_side = (self._answer_column.minimumSize().width() + self.columns.spacing()
                        + self.message_box.minimumSizeHint().width() + margins)
        wide = width >= max(side_by_side, self.fontMetrics().averageCharWidth() * SIDE_BY_SIDE_CHARS)
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self.columns.direction() == direction:
            return False
        self.columns.setDirection(direction)
        return True

    def _fact(self, grid: QGridLayout, row: int, value: QLabel) -> QLabel:
        label = QLabel(self)
        grid.addWidget(label, row, 0, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        grid.addWidget(value, row, 1)
        return label

    # --- what the panel answers --------------------------------------------------------

    @property
    def answer(self) -> NoticeAnswer | None:
        return self._answer

    @property
    def subscription(self) -> Subscription | None:
        return self._subscription

    def answer_record(self) -> AnswerRecord | None:
        """The notice answer for Copy summary and the journal; None while none is shown."""
        answer, subscription = self._answer, self._subscription
        if answer is None or subscription is None or not self.message():
            return None
        topic = _("{product}, {term}").format(product=subscription.product,
                                              term=notice_text.term_text(subscription.term))
        if answer.in_time:
            verdict = _("In time: ends {day}").format(day=notice_text.short_date_text(answer.ends_on))
        else:
            verdict = _("Too late: renews to {day}").format(day=notice_text.short_date_text(answer.ends_on))
        return AnswerRecord("notice", topic, verdict, self.message())

    def language(self) -> str:
        """The language of the message to the customer."""
        return self.language_combo.language()

    def set_language(self, language: str) -> None:
        self.language_combo.set_language(language)

    def notice_day(self) -> dt.date:
        return self.on_edit.day()

    def clear(self, hint: Callable[[], str]) -> None:
        """No subscription to answer for: say what to do instead (`hint()`: said again
        in the new language when the agent switches)."""
        self._customer = self._subscription = None
        self._hint = hint
        self._set_answer(None)
        self.subject_label.clear()
        self.subject_label.hide()
        self.hint_label.setText(hint())
        self.hint_label.show()
        self.answer_frame.hide()
        self.message_box.hide()  # nothing to ask or to send: no empty controls either
        self._set_message("")
        for widget in (self.on_label, self.on_edit, self.today_button):
            widget.hide()

    def show_subscription(self, customer: Customer, subscription: Subscription, policy: DeskPolicy | None,
                          today: dt.date, keep_day: bool = False) -> None:
        """Answer for `subscription`; notice arriving `today` unless `keep_day` keeps the day asked."""
        new_customer = self._customer is None or self._customer.id != customer.id
        self._customer, self._subscription, self._policy, self._today = customer, subscription, policy, today
        if new_customer:  # the customer's language; the agent may change it for this customer
            with QSignalBlocker(self.language_combo):
                self.language_combo.set_for_country(customer.country)
        self._show_subject()
        for widget in (self.on_label, self.on_edit, self.today_button, self.message_box):
            widget.show()
        day = self.notice_day() if keep_day else today
        with QSignalBlocker(self.on_edit):
            self.on_edit.set_moment(day)
        self._recompute()

    def _show_subject(self) -> None:
        subscription = self._subscription
        self.subject_label.setText(_("{product} · {term}, from {start}").format(
            product=subscription.product, term=notice_text.term_text(subscription.term),
            start=notice_text.day_text(subscription.start_date)))
        self.subject_label.show()

    def ask(self, day: dt.date) -> None:
        """What if the notice arrives on `day`? (as picking it does)"""
        self.on_edit.set_moment(day)

    def ask_today(self) -> None:
        self.ask(self._today)

    # --- computing ------------------------------------------------------------------------

    def _closed_reason_for(self, policy: DeskPolicy | None):
        if policy is None:
            return None
        if self._closed_reason_of is not policy:
            self._closed_reason, self._closed_reason_of = notice.closed_reason_for(policy), policy
        return self._closed_reason

    def _recompute(self, *_args) -> None:
        subscription = self._subscription
        if subscription is None:
            return
        from domain.notice import notice_answer

        on = self.notice_day()
        try:
            answer = notice_answer(subscription.start_date, subscription.term, on,
                                   self._closed_reason_for(self._policy))
        except InvalidInput:
            self._set_answer(None)
            self.answer_frame.hide()
            self.hint_label.setText(_("The subscription starts on {start}: notice can be given from that day. "
                                      "Pick a later day.").format(start=notice_text.long_day_text(
                                          subscription.start_date)))
            self.hint_label.show()
            self.message_box.hide()
            self._set_message("")
            return
        self._ends_at = None
        if answer.term is Term.PAYG and self._policy is not None:
            self._ends_at = notice.self_service_ends_at(self._policy, on)
        self._show(answer)

    def _show(self, answer: NoticeAnswer) -> None:
        self.period_value.setText(notice_text.period_text(answer))
        self.deadline_value.setText(notice_text.deadline_text(answer, self._today))
        self.outcome_label.setText(notice_text.outcome_text(answer, self._ends_at))
        colour = IN_TIME_COLOUR if answer.in_time else TOO_LATE_COLOUR
        self.outcome_badge.setText(_("In time") if answer.in_time else _("Too late"))
        self.outcome_badge.setVisible(answer.term is not Term.PAYG)  # no deadline to be in time for
        self.outcome_badge.setStyleSheet(badge_style(colour))
        self.renewal_label.setText(notice_text.renewal_text(answer))
        self.renewal_label.setVisible(bool(self.renewal_label.text()))
        self.price_label.setText(notice_text.price_text(answer, self._subscription.start_date))
        warning = notice_text.warning_text(answer)
        self.warning_label.setText(_("⚠ {warning}").format(warning=warning) if warning else "")
        self.warning_label.setVisible(bool(warning))
        self.recolour()
        self.how_label.setText(notice_text.how_to_cancel_html(answer.term))
        self.answer_frame.show()
        self.hint_label.hide()
        self.message_box.show()
        self._set_answer(answer)
        self._update_message()

    def _set_answer(self, answer: NoticeAnswer | None) -> None:
        if answer != self._answer:
            self._answer = answer
            self.answerChanged.emit(answer)

    # --- the message ------------------------------------------------------------------------

    def message(self) -> str:
        return self.message_edit.toPlainText()

    def _update_message(self, *_args) -> None:
        if self._answer is None or self._subscription is None or self._customer is None:
            self._set_message("")
            return
        from desktop.gui.platform.settings import Settings
        from desktop.wording.letters.signature import Signature, desk_phone

        # Signed by the agent with the customer's desk's phone (issue 16).
        signature = Signature(Settings().agent_name, desk_phone(self._customer.country, self.language()))
        self._set_message(customer_message(
            self._answer, self.language(), self._customer.name, self._subscription.product, self._ends_at,
            signature))

    def _set_message(self, text: str) -> None:
        """Show `text`; the same text again (the agent switched the UI language) keeps its
        scroll position and "copied" note."""
        if text == self.message():
            return
        self.message_edit.setPlainText(text)
        self._copied = False
        self._show_copy_status()

    def copy_message(self) -> None:
        text = self.message()
        if not text:
            return
        QGuiApplication.clipboard().setText(text)
        self._copied = True
        self._show_copy_status()
        self.copied.emit(text)

    def _show_copy_status(self) -> None:
        self.copy_status.setText(_("Copied: paste it into your e-mail to the customer.") if self._copied else "")

    # --- reading it back ----------------------------------------------------------------------

    def text(self) -> str:
        """Everything the answer says, in reading order (screen readers, tests)."""
        if not self.answer_frame.isVisibleTo(self):
            return "\n".join(t for t in (self.subject_label.text(), self.hint_label.text()) if t)
        parts = [self.subject_label.text(),
                 _("Current period: {period}").format(period=self.period_value.text()),
                 _("Notice deadline: {deadline}").format(deadline=self.deadline_value.text()),
                 self.outcome_badge.text() if self.outcome_badge.isVisibleTo(self) else "",
                 self.outcome_label.text(), self.renewal_label.text(), self.warning_label.text()]
        return "\n".join(part for part in parts if part)

    def recolour(self) -> None:
        self.warning_label.setPalette(warning_palette(self.palette()))
