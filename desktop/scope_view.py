"""Support scope: is the customer's problem covered by their Office 365 support, and why.

The agent types the problem in the customer's words (any of five languages, typos and
all) and the matching topics follow as they type; picks one; corrects the customer
facts that differ from the usual case; and reads the verdict, its reasons with their
clauses, and the next step, updated on every change.

The catalogue is read once through the store worker, and the search index is built
there too; after that search and evaluate are pure and fast (well under a frame), so
they run here on the GUI thread, on every keystroke.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QFrame, QHBoxLayout, QLabel, QLineEdit, QListView, QScrollArea, QSizePolicy, QVBoxLayout,
    QWidget,
)

from desktop.i18n import _, current_locale
from desktop.scrolling import scroll_whole_view
from desktop.scope_facts_widget import ScopeFactsWidget
from desktop.scope_topics_model import ScopeTopicsModel
from desktop.scope_verdict_widget import ScopeVerdictWidget
from domain.errors import InvalidInput
from domain.scope import CustomerFacts, ScopeAnswer, evaluate, find_topic

if TYPE_CHECKING:
    from desktop.main_window import ViewContext
    from domain.scope import Catalogue, Topic
    from domain.scope_search import ScopeSearch

TITLE_LANGUAGES = ("en", "sv", "nb", "da", "fi")  # the languages scope.toml titles topics in
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def title_language(locale: str) -> str:
    """The catalogue language for a UI locale: "sv_FI" -> "sv", "no" -> "nb", else English."""
    language = locale.replace("-", "_").split("_")[0].lower()
    language = {"no": "nb", "nn": "nb"}.get(language, language)
    return language if language in TITLE_LANGUAGES else "en"


def _load_search(store, language: str) -> tuple[Catalogue, ScopeSearch]:
    """Runs on the worker thread: read the catalogue and build its (pure) search index."""
    from domain.scope_search import ScopeSearch
    from domain.services.scope import load_catalogue

    catalogue = load_catalogue(store)
    return catalogue, ScopeSearch(catalogue, title_language=language)


class ScopeView(QWidget):
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

        self.search_edit = QLineEdit(self)
        self.search_edit.setAccessibleName(_("Customer's problem, in their own words"))
        self.search_edit.setPlaceholderText(_("e.g. glömt lösenordet, Outlook won't start"))
        self.search_edit.setClearButtonEnabled(True)
        search_label = QLabel(_("Customer's &problem:"), self)
        search_label.setBuddy(self.search_edit)
        self.topics = ScopeTopicsModel(self)
        self.topic_list = QListView(self)
        self.topic_list.setModel(self.topics)
        self.topic_list.setAccessibleName(_("Matching topics"))
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

        left = QVBoxLayout()
        left.setSpacing(6)
        left.addWidget(search_label)
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
        verdict_scroll.setMinimumWidth(280)
        columns.addWidget(verdict_scroll, 5)
        # The facts column is as wide as its longest line needs (no minimum set here, so
        # no check box is cut); the list and the verdict wrap their text instead.
        self.topic_list.setMinimumWidth(240)
        scroll_whole_view(self, content)

        # Reading order: the question, the topics, the facts, then the answer.
        order = [self.search_edit, self.topic_list, *self.facts_widget.controls(),
                 self.verdict_widget.next_label, self.verdict_widget.reasons_label]
        for before, after in zip(order, order[1:]):
            self.setTabOrder(before, after)

        self.search_edit.textChanged.connect(self._on_search)
        self.search_edit.installEventFilter(self)
        self.topic_list.installEventFilter(self)
        self.topic_list.clicked.connect(self._pick_index)
        self.topic_list.activated.connect(self._pick_index)
        self.facts_widget.factsChanged.connect(self._evaluate)

        self.list_note.setText(_("Loading the topics…"))
        self.verdict_widget.show_hint()
        language = self.language
        context.worker.run(lambda store: _load_search(store, language), self._on_loaded, self._on_failed)

    # --- for other views (the call workflow opens a check prefilled) -------------------

    @property
    def current_answer(self) -> ScopeAnswer | None:
        """The verdict shown now; None when no topic is picked or no verdict stands."""
        return self._answer

    @property
    def current_topic(self) -> Topic | None:
        return self._topic

    @property
    def is_loaded(self) -> bool:
        return self.search is not None

    def facts(self) -> CustomerFacts:
        return self.facts_widget.facts()

    def set_question(self, topic_id: str, facts: CustomerFacts = CustomerFacts()) -> None:
        """Show the check for `topic_id` with these facts (kept until the catalogue is loaded)."""
        if self.catalogue is None:
            self._pending = (topic_id, facts)
            return
        try:
            topic = find_topic(self.catalogue, topic_id)
        except InvalidInput as error:  # e.g. a saved topic a newer catalogue no longer has
            self._set_answer(None)
            self._topic = None
            self.facts_widget.set_topic(None)
            self.verdict_widget.show_message(_("This topic cannot be checked: {reason}").format(reason=str(error)))
            return
        self._filling = True
        try:
            self.search_edit.clear()  # every topic listed, the picked one among them
            self._select_row(self.topics.row_of(topic.id))
            self._topic = topic
            self.facts_widget.set_topic(topic)
            self.facts_widget.set_facts(facts)
        finally:
            self._filling = False
        self._evaluate()

    # --- loading --------------------------------------------------------------------------

    def _on_loaded(self, result: tuple[Catalogue, ScopeSearch]) -> None:
        self.catalogue, self.search = result
        self._on_search(self.search_edit.text())  # the agent may have typed while it loaded
        if self._pending is not None:
            topic_id, facts = self._pending
            self._pending = None
            self.set_question(topic_id, facts)
        self.loaded.emit()

    def _on_failed(self, message: str) -> None:
        self.list_note.setText(_("The topics could not be loaded: {reason}").format(reason=message))
        self.list_note.show()
        self.verdict_widget.show_message(_("Not available: the support scope could not be loaded."))

    # --- searching and picking -------------------------------------------------------

    def _on_search(self, text: str) -> None:
        if self.catalogue is None or self.search is None:
            return
        self.topics.show_matches(self.catalogue, self.search, text)
        if self._topic is not None:  # keep the picked topic marked when it is listed
            self._select_row(self.topics.row_of(self._topic.id))
        if self.topics.rowCount():
            self.list_note.clear()
            self.list_note.hide()
        else:
            self.list_note.setText(_("No topic matches “{text}”. Try other words, or clear the search to "
                                     "browse every topic.").format(text=text.strip()))
            self.list_note.show()

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
        if self._filling or self.catalogue is None:
            return
        topic = self._topic
        if topic is None:
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
                _("“{value}” {reason}").format(value=error.value, reason=error.reason), error=True)
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
