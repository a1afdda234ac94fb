"""The claim's answer (issue 19): the month's uptime against the SLA, the credit band in
words and colour (never colour alone), and every sentence of the answer with the clause
it rests on: who to claim from, the remedy, the cap, what is excluded, the next step.
Each citation is a link to the clause's original text in the source viewer, as the scope
verdict's are.

Under it the message for the customer in the customer's language (a language of its own,
not the agent's), Copy message, and Save to journal (the call workflow's Ctrl+J).
"""
from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.common.i18n import _
from desktop.gui.widgets.customer_message_box import CustomerMessageBox
from desktop.gui.widgets.fonts import bold_font
from desktop.gui.widgets.retranslating import Retranslating
from desktop.gui.widgets.wrapped_label import wrapped_label

# Mid-tone colours with white text, as the scope verdict's: readable on light and dark.
CREDIT_COLOUR = "#1565c0"  # a Service Credit is due
NO_CREDIT_COLOUR = "#2e7d32"  # the SLA was met

_FRAME_STYLE = """
#claimAnswer { border: 1px solid palette(mid); border-radius: 6px; background: palette(base); }
#claimAnswer QLabel { background: transparent; }
#claimCustomerMessage { border: 1px solid palette(mid); border-radius: 4px; padding: 6px; }
"""


def _selectable(label: QLabel) -> QLabel:
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                  | Qt.TextInteractionFlag.TextSelectableByKeyboard)
    label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return label


def _paragraph(number: int, text: str, citation: str, ref: str) -> str:
    """A sentence and its citation, a link to the source viewer when it has a ref; a line
    without a citation (the next step) in bold."""
    if not citation:
        return f"<p style='margin-bottom:6px'><b>{escape(text)}</b></p>"
    cited = f"<a href='source:{number}'>{escape(citation)}</a>" if ref else f"({escape(citation)})"
    return f"<p style='margin-bottom:6px'>{escape(text)} {cited}</p>"


class ClaimsAnswerWidget(Retranslating, QFrame):
    journalRequested = Signal()  # Save to journal: the call workflow's Ctrl+J
    languageChanged = Signal(str)  # the customer's language picked: the view words the message again

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("claimAnswer")
        self.setStyleSheet(_FRAME_STYLE)
        self._colour = ""
        self._refs: list[str] = []  # each shown line's ref, by its link's number
        self._plain = ""
        self.source_viewer = None  # the source viewer last opened from a citation (tests, focus)

        self.title_label = wrapped_label(self)
        self.title_label.setFont(bold_font(self.font(), 1.2))
        self.credit_label = wrapped_label(self)
        self.credit_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.credit_label.setFont(bold_font(self.font(), 1.6))
        self.uptime_label = _selectable(wrapped_label(self))
        self.uptime_label.setFont(bold_font(self.font(), 1.0))
        self.lines_label = _selectable(wrapped_label(self, rich=True))
        self.lines_label.setTextInteractionFlags(self.lines_label.textInteractionFlags()
                                                 | Qt.TextInteractionFlag.LinksAccessibleByMouse
                                                 | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.hint_label = wrapped_label(self)

        self.journal_button = QPushButton(self)
        # Shown while an answer stands; Save to journal… beside Copy message.
        self.message_box = CustomerMessageBox(self, object_name="claimCustomerMessage",
                                              extra_buttons=(self.journal_button,))
        box = self.message_box
        self.customer_language, self.message_label, self.copy_button = (box.customer_language, box.message_label,
                                                                        box.copy_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 14)
        layout.setSpacing(6)
        layout.addWidget(self.title_label)
        layout.addWidget(self.credit_label)
        layout.addWidget(self.uptime_label)
        layout.addWidget(self.lines_label)
        layout.addSpacing(6)
        layout.addWidget(self.message_box)
        layout.addWidget(self.hint_label)
        layout.addStretch(1)

        self.customer_language.languageChanged.connect(self.languageChanged)
        self.lines_label.linkActivated.connect(self._open_source)
        self.journal_button.clicked.connect(self.journalRequested)
        self.retranslate()
        self.show_hint("")

    def controls(self) -> list[QWidget]:
        return [self.uptime_label, self.lines_label, self.customer_language, self.message_label, self.copy_button,
                self.journal_button]

    def retranslate(self) -> None:
        self.setAccessibleName(_("The claim's answer"))
        self.title_label.setAccessibleName(_("Service and month"))
        self.credit_label.setAccessibleName(_("Service Credit"))
        self.uptime_label.setAccessibleName(_("Uptime"))
        self.lines_label.setAccessibleName(_("What the terms say, each with its clause"))
        self.lines_label.setToolTip(_("Click a citation to read the clause in the original text."))
        self.message_box.retranslate()
        self.journal_button.setText(_("Save to &journal…"))
        self.journal_button.setToolTip(_("Save the answer to the customer's journal (Ctrl+J)"))

    # --- states ------------------------------------------------------------------------------

    def show_hint(self, text: str) -> None:
        """No answer stands (loading, or a field to fix): say what to do."""
        self.title_label.setText("")
        self.credit_label.setText("")
        self.uptime_label.setText("")
        self._refs, self._plain = [], ""
        self.lines_label.setText("")
        self.hint_label.setText(text)
        self.show_message("")
        self._show_visible()

    def show_answer(self, title: str, credit: str, uptime: str, lines: list[tuple[str, str, str]],
                    credit_due: bool) -> None:
        """`lines`: (the sentence, its citation as the agent reads it, the clause's ref)."""
        self.title_label.setText(title)
        self.credit_label.setText(credit)
        colour = CREDIT_COLOUR if credit_due else NO_CREDIT_COLOUR
        if colour != self._colour:  # re-polish only when the colour changes
            self._colour = colour
            self.credit_label.setStyleSheet(
                f"background: {colour}; color: white; border-radius: 4px; padding: 6px 12px;")
        self.uptime_label.setText(uptime)
        self._refs = [ref for _text, _citation, ref in lines]
        self._plain = "\n".join(f"{text} ({citation})" if citation else text for text, citation, _ref in lines)
        self.lines_label.setText("".join(_paragraph(n, text, citation, ref)
                                         for n, (text, citation, ref) in enumerate(lines)))
        self.hint_label.setText("")
        self._show_visible()

    def _show_visible(self) -> None:
        for label in (self.title_label, self.credit_label, self.uptime_label, self.lines_label, self.hint_label):
            label.setVisible(bool(label.text()))
        self.setAccessibleDescription(self.text())

    # --- the message for the customer ---------------------------------------------------------

    def show_message(self, text: str) -> None:
        self.message_box.show_message(text)

    def message(self) -> str:
        return self.message_box.message()

    def copy_message(self) -> None:
        self.message_box.copy_message()

    def _open_source(self, link: str) -> None:
        from desktop.gui.widgets.source_viewer import open_source_link

        self.source_viewer = open_source_link(link, self._refs, self.window()) or self.source_viewer

    # --- reading it back ------------------------------------------------------------------------

    def credit(self) -> str:
        return self.credit_label.text()

    def uptime(self) -> str:
        return self.uptime_label.text()

    def lines(self) -> str:
        """The sentences with their citations, plain, one a line."""
        return self._plain

    def hint(self) -> str:
        return self.hint_label.text()

    def text(self) -> str:
        """Everything the answer says, in reading order (screen readers, tests)."""
        parts = [self.title_label.text(), self.credit_label.text(), self.uptime_label.text(), self._plain,
                 self.hint_label.text()]
        return "\n".join(part for part in parts if part)
