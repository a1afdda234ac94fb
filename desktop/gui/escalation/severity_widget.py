"""Severity: a short guided question flow proposes 1, A, B or C; the agent may pick another.

The questions are the severity definitions' own (escalation.toml, in the order of
the definitions: critical system down? degraded? can work continue degraded?); the
first "yes" decides, three "no" mean minor impact (domain.escalation.propose_severity).
The pick is four radio buttons: the proposed one says "proposed", and a pick that
differs from the proposal is marked "Overridden" in words and colour. The definitions'
titles, questions and situations are reference-data prose, said through `_()`.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QButtonGroup, QGroupBox, QHBoxLayout, QLabel, QPushButton, QRadioButton, QVBoxLayout

from desktop.common.i18n import _
from desktop.gui.platform.theme import warning_palette
from desktop.gui.widgets.retranslating import Retranslating
from desktop.gui.widgets.wrapped_label import wrapped_label

if TYPE_CHECKING:
    from domain.escalation import SeverityLevel

SEVERITIES = ("1", "A", "B", "C")  # domain.escalation.SEVERITIES, without importing the rules
QUESTIONS = 3  # the fourth definition is the answer when all three are "no"


class SeverityWidget(Retranslating, QGroupBox):
    severityChanged = Signal(object)  # "1", "A", "B", "C" or None

    def __init__(self, parent=None):
        super().__init__(parent)
        self._levels: dict[str, SeverityLevel] = {}
        self._answers: list[bool] = []
        self._proposed: str | None = None
        self._setting = False

        self.history_label = wrapped_label(self)
        self.question_label = wrapped_label(self)
        bold = QFont(self.font())
        bold.setBold(True)
        self.question_label.setFont(bold)
        self.yes_button = QPushButton(self)
        self.no_button = QPushButton(self)
        self.restart_button = QPushButton(self)
        self.pick_label = QLabel(self)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.radios: dict[str, QRadioButton] = {}
        for severity in SEVERITIES:
            radio = QRadioButton(severity, self)
            self.group.addButton(radio)
            self.radios[severity] = radio
        self.override_label = wrapped_label(self)  # "Overridden: …", words and colour
        self.override_label.setFont(bold)
        self.situation_label = wrapped_label(self, selectable=True)

        buttons = QHBoxLayout()
        buttons.addWidget(self.yes_button)
        buttons.addWidget(self.no_button)
        buttons.addStretch(1)
        buttons.addWidget(self.restart_button)
        # The four severities side by side under their label (beside it, Swedish and Finnish
        # made the column wider than a 1024-pixel screen leaves it: issue 16); the meaning
        # of the one used is spelled out under them.
        radios = QHBoxLayout()
        radios.setSpacing(12)
        for radio in self.radios.values():
            radios.addWidget(radio)
        radios.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setSpacing(6)
        layout.addWidget(self.history_label)
        layout.addWidget(self.question_label)
        layout.addLayout(buttons)
        layout.addSpacing(4)
        layout.addWidget(self.pick_label)
        layout.addLayout(radios)
        layout.addWidget(self.override_label)
        layout.addWidget(self.situation_label)

        self.yes_button.clicked.connect(lambda: self.answer(True))
        self.no_button.clicked.connect(lambda: self.answer(False))
        self.restart_button.clicked.connect(self.restart)
        self.group.buttonToggled.connect(self._on_toggled)
        self.recolour()
        self.retranslate()

    def retranslate(self) -> None:
        """The static texts in the current language; the questions and the pick said again."""
        self.setTitle(_("Severity"))
        self.setAccessibleName(_("Severity"))
        self.history_label.setAccessibleName(_("Questions answered"))
        self.question_label.setAccessibleName(_("Question"))
        self.yes_button.setText(_("&Yes"))
        self.no_button.setText(_("&No"))
        self.restart_button.setText(_("Ask a&gain"))
        self.restart_button.setAccessibleName(_("Ask the severity questions again"))
        self.pick_label.setText(_("Severity used:"))
        self.pick_label.setToolTip(_("Proposed by the questions; pick another to override it."))
        self.override_label.setAccessibleName(_("Severity overridden"))
        self.situation_label.setAccessibleName(_("What the severity means"))
        self._name_radios()
        self._show()

    def controls(self) -> list:
        """In reading order, for the view's tab order."""
        return [self.yes_button, self.no_button, self.restart_button, *self.radios.values()]

    # --- state ----------------------------------------------------------------------------

    @property
    def proposed(self) -> str | None:
        return self._proposed

    @property
    def severity(self) -> str | None:
        checked = self.group.checkedButton()
        return next((key for key, radio in self.radios.items() if radio is checked), None)

    @property
    def overridden(self) -> bool:
        return self._proposed is not None and self.severity not in (None, self._proposed)

    def set_levels(self, levels: dict[str, SeverityLevel]) -> None:
        """The severity definitions (titles and questions), once the rules are loaded."""
        self._levels = dict(levels)
        self._name_radios()
        self._show()

    def _name_radios(self) -> None:
        for key, radio in self.radios.items():
            level = self._levels.get(key)
            title = _(level.title) if level else ""
            radio.setAccessibleName(_("Severity {id}: {title}").format(id=key, title=title) if level else key)
            radio.setToolTip(title)

    # --- the questions ----------------------------------------------------------------------

    def answer(self, yes: bool) -> None:
        """Answer the question shown: yes proposes its severity, no asks the next one."""
        if self._proposed is not None or not self._levels:
            return
        self._answers.append(yes)
        if yes or len(self._answers) == QUESTIONS:
            from domain.escalation import propose_severity

            flags = self._answers + [False] * (QUESTIONS - len(self._answers))
            self._proposed = propose_severity(*flags)
            self.choose(self._proposed)  # the newest information wins over an earlier pick
        self._show()

    def restart(self) -> None:
        self._answers, self._proposed = [], None
        self._setting = True
        self.group.setExclusive(False)
        for radio in self.radios.values():
            radio.setChecked(False)
        self.group.setExclusive(True)
        self._setting = False
        self._show()
        self.severityChanged.emit(None)
        self.yes_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def choose(self, severity: str) -> None:
        """Use `severity` (as clicking its radio button does)."""
        self.radios[severity].setChecked(True)

    def _on_toggled(self, button, checked: bool) -> None:
        if checked and not self._setting:
            self._show()
            self.severityChanged.emit(self.severity)

    # --- showing ---------------------------------------------------------------------------

    def _show(self) -> None:
        levels = self._levels
        asking = bool(levels) and self._proposed is None
        # While asking, the questions so far; once proposed, the answers in one line.
        history = [_("{question} {answer}").format(question=_(levels[SEVERITIES[index]].question),
                                                   answer=_("Yes.") if yes else _("No."))
                   for index, yes in enumerate(self._answers)] if asking else []
        self.history_label.setText("\n".join(history))
        self.history_label.setVisible(bool(history))
        if not levels:
            self.question_label.setText(_("Loading the severity definitions…"))
        elif self._proposed is not None:
            level = levels[self._proposed]
            answers = ", ".join(_("yes") if yes else _("no") for yes in self._answers)
            text = _("Proposed: severity {id} · {title} (answers: {answers}).").format(
                id=level.id, title=_(level.title), answers=answers)
            if len(self._answers) == QUESTIONS and not any(self._answers):  # the fourth definition decided
                text = _("{definition} {proposal}").format(definition=_(level.question), proposal=text)
            self.question_label.setText(text)
        else:
            self.question_label.setText(_(levels[SEVERITIES[len(self._answers)]].question))
        self.yes_button.setVisible(asking)
        self.no_button.setVisible(asking)
        self.restart_button.setVisible(bool(self._answers) or self.severity is not None)
        for key, radio in self.radios.items():
            radio.setText(_("{id} (proposed)").format(id=key) if key == self._proposed else key)
            radio.setEnabled(bool(levels))
        if self.overridden:
            self.override_label.setText(_("Overridden: the questions proposed {proposed}, severity {used} is "
                                          "used.").format(proposed=self._proposed, used=self.severity))
        else:
            self.override_label.clear()
        self.override_label.setVisible(self.overridden)
        level = levels.get(self.severity or "")
        self.situation_label.setText(_("{id} · {title}: {situation}").format(
            id=level.id, title=_(level.title), situation=_(level.situation)) if level else "")
        self.situation_label.setVisible(level is not None)

    def recolour(self) -> None:
        palette = warning_palette(self.palette())
        self.override_label.setPalette(palette)
