"""The answer: the verdict in words and colour, the next step (what to tell the customer,
where the case goes), and every reason with its clause, strictest first as
domain.scope.evaluate orders them. The next step comes before the reasons: on the phone
the agent needs what to do first, and the why when the customer asks.

The verdict is never shown by colour alone, and never left standing when it no longer
answers the question: a version that cannot be read replaces it with "fix the version".

Each reason names the document, edition and section it rests on (desktop/wording/
citations.py); the citation is a link that opens the clause's original text, highlighted,
in the source viewer (issue 16).

Under the answer, the message for the customer (desktop/wording/letters/scope.py) in the
language picked for the customer, which need not be the agent's: a switch of the app's
language leaves it as it is. It is signed with the agent's name (Settings) and the phone
of the desk serving that language's country (the agent's own desk for English).
"""
from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from desktop.common.i18n import _
from desktop.gui.widgets.customer_message_box import CustomerMessageBox
from desktop.gui.widgets.fonts import bold_font
from desktop.gui.widgets.retranslating import Retranslating
from desktop.wording.letters.scope import scope_message
from desktop.wording.letters.signature import Signature, desk_phone
from desktop.wording.scope import clause_text, verdict_text
from domain.scope import Verdict

if TYPE_CHECKING:
    from domain.scope import Outcome, ScopeAnswer

# Mid-tone colours with white text (as the desk cards): 4.5:1 or better for the text,
# and each stands out on a light and on a dark window alike.
VERDICT_COLOURS = {
    Verdict.IN_SCOPE: "#2e7d32",
    Verdict.CONDITIONAL: "#a15c00",
    Verdict.THIRD_PARTY: "#1565c0",
    Verdict.SUPERUSER_ONLY: "#6a1b9a",
    Verdict.OUT_OF_SCOPE: "#c62828",
}
UNANSWERED_COLOUR = "#5f6368"  # no verdict stands: the version must be fixed first

_FRAME_STYLE = """
#scopeVerdict { border: 1px solid palette(mid); border-radius: 6px; background: palette(base); }
#scopeVerdict QLabel { background: transparent; }
#scopeCustomerMessage { border: 1px solid palette(mid); border-radius: 4px; padding: 6px; }
"""


def _label(parent, *, rich: bool = False, selectable: bool = False) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    if selectable:  # agents copy the reasons and the next step into the ticket
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                      | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return label


class ScopeVerdictWidget(Retranslating, QFrame):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("scopeVerdict")
        self.setStyleSheet(_FRAME_STYLE)
        self._colour = ""
        self._reasons_plain = ""
        self._answer: ScopeAnswer | None = None  # the verdict the message for the customer tells
        self._refs: list[str] = []  # each shown reason's ref, by its link's number
        self.source_viewer = None  # the source viewer last opened from a reason (tests, focus)

        self._build()
        self._lay_out()
        self._connect()
        self.retranslate()
        self._show_message()
        self.show_hint()

    def _build(self) -> None:
        self.topic_label = _label(self)
        self.topic_label.setFont(bold_font(self.font(), 1.2))
        self.verdict_label = QLabel(self)
        self.verdict_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.verdict_label.setWordWrap(True)
        self.verdict_label.setFont(bold_font(self.font(), 1.8))
        self.verdict_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.reasons_heading = _label(self)
        self.reasons_heading.setFont(bold_font(self.font(), 1.0))
        self.reasons_label = _label(self, rich=True, selectable=True)
        # The citations are links to the source viewer, by mouse and by keyboard (Tab, Enter).
        self.reasons_label.setTextInteractionFlags(self.reasons_label.textInteractionFlags()
                                                   | Qt.TextInteractionFlag.LinksAccessibleByMouse
                                                   | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.next_heading = _label(self)
        self.next_heading.setFont(bold_font(self.font(), 1.0))
        self.next_label = _label(self, selectable=True)
        self.hint_label = _label(self)

        self.message_box = CustomerMessageBox(self, object_name="scopeCustomerMessage")  # while a verdict stands
        box = self.message_box
        self.customer_language, self.message_label, self.copy_button = (box.customer_language, box.message_label,
                                                                        box.copy_button)

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 14)
        layout.setSpacing(6)
        layout.addWidget(self.topic_label)
        layout.addSpacing(4)
        layout.addWidget(self.verdict_label)
        layout.addSpacing(6)
        layout.addWidget(self.next_heading)
        layout.addWidget(self.next_label)
        layout.addSpacing(6)
        layout.addWidget(self.reasons_heading)
        layout.addWidget(self.reasons_label)
        layout.addSpacing(6)
        layout.addWidget(self.message_box)
        layout.addWidget(self.hint_label)
        layout.addStretch(1)
        controls = self.controls()
        for before, after in zip(controls, controls[1:]):
            self.setTabOrder(before, after)

    def _connect(self) -> None:
        self.customer_language.languageChanged.connect(self._show_message)
        self.reasons_label.linkActivated.connect(self._open_source)

    def controls(self) -> list[QWidget]:
        """What the keyboard reaches, in reading (and tab) order."""
        return [self.next_label, self.reasons_label, self.customer_language, self.message_label, self.copy_button]

    def retranslate(self) -> None:
        self.setAccessibleName(_("Verdict"))
        self.topic_label.setAccessibleName(_("Topic"))
        self.verdict_label.setAccessibleName(_("Verdict"))
        self.reasons_heading.setText(_("Why"))
        self.reasons_label.setAccessibleName(_("Reasons, strictest first"))
        self.next_heading.setText(_("Next step"))
        self.next_label.setAccessibleName(_("Next step"))
        self.hint_label.setAccessibleName(_("How to use the support scope check"))
        self.message_box.retranslate()
        # The dynamic texts are the view's to say again; the description reads the headings too.
        self.setAccessibleDescription(self.text())

    # --- states ---------------------------------------------------------------------

    def show_hint(self) -> None:
        """No topic picked yet: say what to do, show no verdict."""
        self._show(topic="", verdict="", colour="", reasons=[], next_step="", hint=_(
            "Pick a topic to see whether it is covered.\n\n"
            "Type the customer's problem in their own words, in Swedish, Norwegian, Danish, Finnish or "
            "English (“glömt lösenordet”, “skrivaren skriver inte ut”, “Outlook won't start”), then press "
            "Down and Enter, or click a topic. With an empty search, browse all topics.\n\n"
            "The customer facts are set to the usual case; change what differs and the verdict follows."))

    def show_message(self, text: str) -> None:
        """Loading, or the catalogue could not be loaded."""
        self._show(topic="", verdict="", colour="", reasons=[], next_step="", hint=text)

    def show_answer(self, answer: ScopeAnswer, title: str) -> None:
        # Each step is a sentence of its own in the catalogue, so each is said on its own.
        next_step = " ".join(_(step) for step in answer.next_steps) or _("Help the customer now.")
        self._show(topic=title, verdict=verdict_text(answer.verdict), colour=VERDICT_COLOURS[answer.verdict],
                   reasons=list(answer.reasons), next_step=next_step, hint="", answer=answer)

    def show_unanswered(self, title: str, problem: str, next_step: str) -> None:
        """No verdict stands (e.g. the version cannot be read): say what must be fixed."""
        self._show(topic=title, verdict=_("No verdict yet"), colour=UNANSWERED_COLOUR, reasons=[],
                   next_step=next_step, hint="", problem=problem)

    def _show(self, *, topic: str, verdict: str, colour: str, reasons: list[Outcome], next_step: str,
              hint: str, problem: str = "", answer: ScopeAnswer | None = None) -> None:
        self.topic_label.setText(topic)
        self.verdict_label.setText(verdict)
        if colour and colour != self._colour:  # re-polish only when the colour changes
            self.verdict_label.setStyleSheet(
                f"background: {colour}; color: white; border-radius: 4px; padding: 6px 12px;")
        self._colour = colour or self._colour
        if reasons:
            self._refs = [r.ref for r in reasons]
            self._reasons_plain = "\n".join(
                f"{clause_text(r)} · {verdict_text(r.verdict)}: {_(r.text)}" for r in reasons)
            self.reasons_label.setText("".join(
                f"<p style='margin-bottom:6px'><b><a href='source:{n}'>{escape(clause_text(r))}</a></b> · "
                f"{escape(verdict_text(r.verdict))}<br>{escape(_(r.text))}</p>" for n, r in enumerate(reasons)))
            self.reasons_label.setToolTip(_("Click a citation to read the clause in the original text."))
        else:
            self._refs = []
            self._reasons_plain = problem
            self.reasons_label.setText(f"<p>{escape(problem)}</p>" if problem else "")
        self.next_label.setText(next_step)
        self.hint_label.setText(hint)
        for label in (self.topic_label, self.verdict_label, self.next_label, self.hint_label):
            label.setVisible(bool(label.text()))
        self.reasons_heading.setVisible(bool(reasons or problem))
        self.reasons_label.setVisible(bool(reasons or problem))
        self.next_heading.setVisible(bool(next_step))
        if answer != self._answer:
            self._answer = answer
            self._show_message()
        self.setAccessibleDescription(self.text())

    # --- the message for the customer ------------------------------------------------

    def _show_message(self, *_args) -> None:
        """The current verdict told to the customer, in the customer's language."""
        answer = self._answer
        language = self.customer_language.language()
        self.message_box.show_message(
            scope_message(answer, answer.topic, language, self.signature(language)) if answer else "")

    @staticmethod
    def signature(language: str) -> Signature:
        from desktop.gui.platform.settings import Settings

        settings = Settings()
        country = settings.default_country if language == "en" else None  # English: the agent's own desk
        return Signature(settings.agent_name, desk_phone(country, language))

    def _open_source(self, link: str) -> None:
        """A reason's citation clicked (or activated from the keyboard): its clause, highlighted."""
        from desktop.gui.widgets.source_viewer import open_source_link

        self.source_viewer = open_source_link(link, self._refs, self.window()) or self.source_viewer

    def message(self) -> str:
        """The message for the customer as shown ("" while no verdict stands)."""
        return self.message_box.message()

    def copy_message(self) -> None:
        self.message_box.copy_message()

    # --- reading it back ---------------------------------------------------------------

    def verdict(self) -> str:
        return self.verdict_label.text()

    def reasons(self) -> str:
        """The reasons as plain text, one per line, strictest first."""
        return self._reasons_plain if self.reasons_label.isVisibleTo(self) else ""

    def next_step(self) -> str:
        return self.next_label.text()

    def text(self) -> str:
        """Everything the verdict area says, in reading order (screen readers, tests)."""
        parts = [self.topic_label.text(), self.verdict_label.text()]
        if self.next_label.text():
            parts += [self.next_heading.text(), self.next_label.text()]
        if self.reasons():
            parts += [self.reasons_heading.text(), self.reasons()]
        parts.append(self.hint_label.text())
        return "\n".join(part for part in parts if part)
