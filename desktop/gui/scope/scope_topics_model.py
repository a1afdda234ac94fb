"""The topics the scope view lists: every topic in catalogue order while the search is
empty, else the search's matches, best first.

One list model (not item widgets filled by hand): the search re-fills it on every
keystroke, so it is reset as a whole; 28 rows cost nothing. A language switch only
re-titles the rows (models get no LanguageChange: the view calls `retitle`).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

if TYPE_CHECKING:
    from domain.scope import Catalogue
    from domain.scope_search import ScopeSearch

TOPIC_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class TopicRow(NamedTuple):
    topic_id: str
    title: str


class ScopeTopicsModel(QAbstractListModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[TopicRow] = []
        self._query = ""

    @property
    def query(self) -> str:
        """The search text the rows answer ("" lists every topic)."""
        return self._query

    def show_matches(self, catalogue: Catalogue, search: ScopeSearch, text: str) -> None:
        """List what `text` finds; with no words, every topic in catalogue order (browse)."""
        self._query = text
        if text.strip():
            rows = [TopicRow(match.topic, match.title) for match in search.search(text)]
        else:
            language = search.title_language
            rows = [TopicRow(topic.id, topic.title(language)) for topic in catalogue.topics.values()]
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def retitle(self, catalogue: Catalogue, language: str) -> None:
        """The same rows, titled in `language`: the search ranks by the phrases of every
        language, so a switch changes no row, and the selection and scroll stay."""
        self.layoutAboutToBeChanged.emit()
        self._rows = [TopicRow(row.topic_id, catalogue.topics[row.topic_id].title(language)) for row in self._rows]
        # A layout change, not only dataChanged: the list re-measures the rows, and a
        # Finnish title wraps onto more lines than the English one.
        self.layoutChanged.emit()

    def clear(self) -> None:
        self.beginResetModel()
        self._rows = []
        self.endResetModel()

    def topic_id(self, row: int) -> str:
        return self._rows[row].topic_id

    def row_of(self, topic_id: str) -> int:
        """The row listing `topic_id`, or -1 when the current search does not list it."""
        return next((row for row, entry in enumerate(self._rows) if entry.topic_id == topic_id), -1)

    def titles(self) -> list[str]:
        return [row.title for row in self._rows]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            return row.title
        if role == TOPIC_ID_ROLE:
            return row.topic_id
        return None
