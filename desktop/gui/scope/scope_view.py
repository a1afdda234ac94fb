"""Support scope: is the customer's problem covered by their Office 365 support, and why.

The agent types the problem in the customer's words (any of five languages, typos and
all) and the matching topics follow as they type; picks one; corrects the customer
facts that differ from the usual case; and reads the verdict, its reasons with their
clauses, and the next step, updated on every change.

The catalogue is read once through the store worker, and the search index is built
there too; after that search and evaluate are pure and fast (well under a frame), so
they run here on the GUI thread, on every keystroke.

The topic titles come in five languages from the catalogue itself: on a language switch
the list shows the new language's titles and a search index for that language is built
(a few milliseconds); what the agent typed, picked and set stays, and the verdict is
said again in the new language.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.common import i18n
from desktop.common.i18n import _, current_locale
from desktop.gui.operations import scope
from desktop.gui.scope.scope_facts_widget import ScopeFactsWidget
from desktop.gui.scope.scope_topics_model import ScopeTopicsModel
from desktop.gui.scope.scope_verdict_widget import ScopeVerdictWidget
from desktop.gui.widgets.retranslating import Retranslating
from desktop.gui.widgets.scrolling import scroll_whole_view
from desktop.wording.answer_record import AnswerRecord
from desktop.wording.scope import verdict_text
from domain.errors import InvalidInput
from domain.scope import CustomerFacts, ScopeAnswer, evaluate, find_topic

if TYPE_CHECKING:
    from desktop.gui.view_context import ViewContext
    from domain.messages import Message
    from domain.scope import Catalogue, Topic
    from domain.scope_search import ScopeSearch

_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
# ScopeSearch matches a half-typed word from its third letter on: before that, finding
# nothing means "still typing", not "another problem", and the verdict stays.
_STILL_TYPING = 3


def title_language(locale: str) -> str:
    """The catalogue language for a UI locale: "sv_FI" -> "sv", "no" -> "nb", else English
    (scope.toml titles every topic in the app's five languages)."""
    return i18n.normalise_language(locale) or "en"


class ScopeView(Retranslating, QWidget):
    loaded = Signal()  # the catalogue is here: search and verdicts work from now on
    answerChanged = Signal(object)  # the current ScopeAnswer, or None when no verdict stands

    def __init__(self, context: ViewContext, parent=None):
        super().__init__(parent)
        self.language = title_language(current_locale())
        self.catalogue: Catalogue | None = None
        self.search: ScopeSearch | None = None
        self._topic: Topic | None = None
        self._answer: ScopeAnswer | None = None
        self._pending: tuple[str, CustomerFacts] | None = None  # set_question() before the catalogue came
        self._filling = False  # set_question() fills several controls; evaluate once, at the end
        # Kept so a language switch can say them again: why the catalogue could not be
        # loaded, and why the topic set_question() asked for cannot be checked.
        self._failure: Message | str | None = None
        self._topic_error: InvalidInput | None = None

        self._build()
        self._lay_out()
        self._connect()
        self.retranslate()
        self._show_list_note()
        self._evaluate()
        language = self.language
        context.worker.run(lambda store: scope.load_search(store, language), self._on_loaded, self._on_failed)

    def _build(self) -> None:
        self.search_edit = QLineEdit(self)
        self.search_edit.setClearButtonEnabled(True)
        self.search_label = QLabel(self)
        self.search_label.setWordWrap(True)
        self.search_label.setBuddy(self.search_edit)
        self.topics = ScopeTopicsModel(self)
        self.topic_list = QListView(self)
        self.topic_list.setModel(self.topics)
        self.topic_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.topic_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Long titles (Finnish above all) wrap instead of being cut off.
        self.topic_list.setWordWrap(True)
        self.topic_list.setUniformItemSizes(False)
        self.topic_list.setResizeMode(QListView.ResizeMode.Adjust)
        self.topic_list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.topic_list.setSpacing(2)
        self.list_note = QLabel(self)  # loading, or nothing matches
        self.list_note.setWordWrap(True)
        self.list_note.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.facts_widget = ScopeFactsWidget(self)
        self.verdict_widget = ScopeVerdictWidget(self)

    def _lay_out(self) -> None:
        left = QVBoxLayout()
        left.setSpacing(6)
        left.addWidget(self.search_label)
        left.addWidget(self.search_edit)
        left.addWidget(self.topic_list, 1)
        left.addWidget(self.list_note)
        middle = QVBoxLayout()
        middle.addWidget(self.facts_widget)
        middle.addStretch(1)
        content = QWidget(self)
        columns = QHBoxLayout(content)
        columns.setContentsMargins(12, 12, 12, 12)
        columns.setSpacing(12)
        columns.addLayout(left, 4)
        columns.addLayout(middle, 4)
        # Many reasons (a bad licence, a migration and an old version at once) scroll in
        # their own column: the search and the facts stay where the agent left them.
        verdict_scroll = QScrollArea(self)
        verdict_scroll.setWidgetResizable(True)
        verdict_scroll.setFrameShape(QFrame.Shape.NoFrame)
        verdict_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        verdict_scroll.setWidget(self.verdict_widget)
        verdict_scroll.setMinimumWidth(250)
        columns.addWidget(verdict_scroll, 5)
        # The facts column is as wide as its longest line needs (no minimum set here, so
        # no check box is cut); the list and the verdict wrap their text instead.
        # Issue 16: with Finnish facts the three columns needed 900 pixels and the verdict
        # scrolled sideways on a 1024-pixel screen; the list and the verdict wrap narrower.
        self.topic_list.setMinimumWidth(190)
        scroll_whole_view(self, content)

        # Reading order: the question, the topics, the facts, then the answer (and the
        # message for the customer, in the verdict widget's own order).
        order = [self.search_edit, self.topic_list, *self.facts_widget.controls(), *self.verdict_widget.controls()]
        for before, after in zip(order, order[1:]):
            self.setTabOrder(before, after)

    def _connect(self) -> None:
        self.search_edit.textChanged.connect(self._on_search)
        self.search_edit.installEventFilter(self)
        self.topic_list.installEventFilter(self)
        self.topic_list.clicked.connect(self._pick_index)
        self.topic_list.activated.connect(self._pick_index)
        self.facts_widget.factsChanged.connect(self._evaluate)

    def retranslate(self) -> None:
        self.search_label.setText(_("Customer's &problem:"))
        self.search_edit.setAccessibleName(_("Customer's problem, in their own words"))
        self.search_edit.setPlaceholderText(_("e.g. glömt lösenordet, Outlook won't start"))
        self.topic_list.setAccessibleName(_("Matching topics"))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)  # LanguageChange: retranslate()
        if event.type() == QEvent.Type.LanguageChange:
            self._follow_language()
            self._show_list_note()
            self._evaluate()  # the same topic and facts, said in the new language

    def _follow_language(self) -> None:
        """Titles and search in the agent's language; the rows, the pick and the scroll stay."""
        self.language = title_language(current_locale())
        if self.catalogue is not None and self.search is not None and self.search.title_language != self.language:
            from domain.scope_search import ScopeSearch

            self.search = ScopeSearch(self.catalogue, title_language=self.language)
            self.topics.retitle(self.catalogue, self.language)

    # --- for other views (the call workflow opens a check prefilled) -------------------

    @property
    def current_answer(self) -> ScopeAnswer | None:
        """The verdict shown now; None when no topic is picked or no verdict stands."""
        return self._answer

    @property
    def current_topic(self) -> Topic | None:
        return self._topic

    def answer_record(self) -> AnswerRecord | None:
        """The verdict for Copy summary and the journal; None while none stands."""
        if self._answer is None or self._topic is None:
            return None
        return AnswerRecord("scope", self._topic.title(self.language), verdict_text(self._answer.verdict),
                            self.verdict_widget.message())

    @property
    def is_loaded(self) -> bool:
        return self.search is not None

    def facts(self) -> CustomerFacts:
        return self.facts_widget.facts()

    def set_customer_language(self, language: str) -> None:
        """The language the message for the customer is written in (the call workflow
        knows the customer; CustomerFacts does not say where they are). English until set."""
        self.verdict_widget.customer_language.set_language(language)

    def prefill_customer(self, facts: CustomerFacts, language: str) -> None:
        """From the customer card: this customer's facts and language; the agent then
        types the problem (the facts stay when a topic is picked)."""
        self.facts_widget.set_facts(facts)
        self.set_customer_language(language)

    def start_fresh(self, facts: CustomerFacts = CustomerFacts(), language: str = "en") -> None:
        """A new check, as for a new call (issue 16, "State that follows the customer"):
        no problem text, no topic, no verdict; this customer's facts and language. Opened
        from a customer's card, nothing of the previous call may stay: typing would add to
        the old problem, and Ctrl+J would save the old topic to the new customer's journal."""
        self._filling = True
        try:
            self._pending = None  # a question asked before the catalogue came is the old call's too
            self._topic = None
            self._topic_error = None
            self.search_edit.clear()  # every topic listed again, none picked
            self.topic_list.setCurrentIndex(QModelIndex())
            self.topic_list.scrollToTop()
            self.facts_widget.start_fresh(facts)
            self.set_customer_language(language)
        finally:
            self._filling = False
        self._evaluate()

    def set_question(self, topic_id: str, facts: CustomerFacts = CustomerFacts()) -> None:
        """Show the check for `topic_id` with these facts (kept until the catalogue is loaded)."""
        if self.catalogue is None:
            self._pending = (topic_id, facts)
            return
        try:
            topic = find_topic(self.catalogue, topic_id)
        except InvalidInput as error:  # e.g. a saved topic a newer catalogue no longer has
            self._topic = None
            self._topic_error = error
            self.facts_widget.set_topic(None)
            self._evaluate()
            return
        self._filling = True
        try:
            self.search_edit.clear()  # every topic listed, the picked one among them
            self._select_row(self.topics.row_of(topic.id))
            self._topic = topic
            self._topic_error = None
            self.facts_widget.set_topic(topic)
            self.facts_widget.set_facts(facts)
        finally:
            self._filling = False
        self._evaluate()

    # --- loading --------------------------------------------------------------------------

    def _on_loaded(self, result: tuple[Catalogue, ScopeSearch]) -> None:
        self.catalogue, self.search = result
        self._follow_language()  # the agent may have switched language while it loaded
        self._on_search(self.search_edit.text())  # ... or typed
        if self._pending is not None:
            topic_id, facts = self._pending
            self._pending = None
            self.set_question(topic_id, facts)
        self.loaded.emit()

    def _on_failed(self, message: Message | str) -> None:
        self._failure = message
        self._show_list_note()
        self._evaluate()

    # --- searching and picking -------------------------------------------------------

    def _on_search(self, text: str) -> None:
        if self.catalogue is None or self.search is None:
            return
        self.topics.show_matches(self.catalogue, self.search, text)
        searched = max(map(len, text.split()), default=0) >= _STILL_TYPING
        if searched and not self.topics.rowCount() and (self._topic is not None or self._topic_error is not None):
            # Issue 16: the agent is describing another problem, which matches nothing; the
            # verdict on screen answers the old one, so it goes (and Ctrl+J has nothing to save).
            self._topic = None
            self._topic_error = None
            self.facts_widget.set_topic(None)
            self._evaluate()
        elif self._topic is not None:  # keep the picked topic marked when it is listed
            self._select_row(self.topics.row_of(self._topic.id))
        self._show_list_note()

    def _show_list_note(self) -> None:
        """Under the list: loading, could not load, or nothing matches; else nothing."""
        if self._failure is not None:
            note = _("The topics could not be loaded: {reason}").format(reason=_(self._failure))
        elif self.catalogue is None:
            note = _("Loading the topics…")
        elif not self.topics.rowCount():
            note = _("No topic matches “{text}”. Try other words, or clear the search to "
                     "browse every topic.").format(text=self.topics.query.strip())
        else:
            note = ""
        self.list_note.setText(note)
        self.list_note.setVisible(bool(note))

    def _select_row(self, row: int) -> None:
        if row < 0:
            self.topic_list.clearSelection()
            return
        index = self.topics.index(row)
        self.topic_list.setCurrentIndex(index)
        self.topic_list.scrollTo(index)

    def pick_row(self, row: int) -> None:
        """Pick the topic on `row` of the list, as a click or Enter does."""
        if 0 <= row < self.topics.rowCount():
            self._pick_index(self.topics.index(row))

    def _pick_index(self, index) -> None:
        if not index.isValid() or self.catalogue is None:
            return
        self.topic_list.setCurrentIndex(index)
        self._topic = self.catalogue.topics[self.topics.topic_id(index.row())]
        self._topic_error = None
        self.facts_widget.set_topic(self._topic)
        self._evaluate()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress:
            return super().eventFilter(watched, event)
        key = event.key()
        if watched is self.search_edit:
            if key == Qt.Key.Key_Down and self.topics.rowCount():
                self.topic_list.setFocus(Qt.FocusReason.OtherFocusReason)
                self._select_row(0)  # the best match, whatever was picked before
                return True
            if key in _ENTER_KEYS and self.topics.rowCount():
                self.pick_row(0)  # type, Enter: the best match
                return True
        elif watched is self.topic_list:
            if key in _ENTER_KEYS:  # the same on every platform (macOS would not activate)
                self._pick_index(self.topic_list.currentIndex())
                return True
            if key == Qt.Key.Key_Up and self.topic_list.currentIndex().row() <= 0:
                self.search_edit.setFocus(Qt.FocusReason.OtherFocusReason)  # back up to keep typing
                return True
        return super().eventFilter(watched, event)

    # --- the verdict -------------------------------------------------------------------

    def _evaluate(self) -> None:
        """Show the verdict for the current state, in the current language."""
        if self._filling:
            return
        topic = self._topic
        if self._failure is not None:
            self.verdict_widget.show_message(_("Not available: the support scope could not be loaded."))
            return
        if topic is None or self.catalogue is None:
            if self._topic_error is not None:
                self.verdict_widget.show_message(_("This topic cannot be checked: {reason}").format(
                    reason=_(self._topic_error.message)))
            else:
                self.verdict_widget.show_hint()
            self._set_answer(None)
            return
        title = topic.title(self.language)
        try:
            answer = evaluate(self.catalogue, topic.id, self.facts_widget.facts())
        except InvalidInput as error:
            if error.field != "version":
                raise
            self.facts_widget.show_version_note(
                _("“{value}” {reason}").format(value=error.value, reason=_(error.reason)), error=True)
            self.verdict_widget.show_unanswered(
                title, _("The product version cannot be read, so no verdict can be given."),
                _("Correct the product version (or clear it) to see the verdict."))
            self._set_answer(None)
            return
        self.facts_widget.show_version_note(
            _("Read as {version}").format(version=answer.version.label) if answer.version else "", error=False)
        self.verdict_widget.show_answer(answer, title)
        self._set_answer(answer)

    def _set_answer(self, answer: ScopeAnswer | None) -> None:
        if answer != self._answer:
            self._answer = answer
            self.answerChanged.emit(answer)
