"""One customer's journal as a table, newest first (domain.services.journal orders it):
when, who, what kind of answer, its topic and verdict, and the agent's note.

Topic, verdict and note are shown as they were saved (in the language the agent read
then: the journal is a record, not a translation); the time and the kind are worded in
the current language. The time is on this computer's clock, where the agent sits. An
entry still in the outbox (the team database out of reach, issue 15) has no id yet and
says "waiting to send" beside its time.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from desktop.common.i18n import _
from desktop.gui.widgets.row_table_model import RowTableModel
from desktop.wording.journal import kind_text, when_text

if TYPE_CHECKING:
    from domain.journal import JournalEntry

WHEN, AGENT, KIND, TOPIC, VERDICT, NOTE = range(6)
ENTRY_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def _headers() -> tuple[str, ...]:
    return _("When"), _("Agent"), _("Kind"), _("Topic"), _("Verdict"), _("Note")


class JournalModel(RowTableModel):
    def __init__(self, parent=None):
        super().__init__(_headers, parent)

    def show(self, entries: list[JournalEntry]) -> None:
        self.beginResetModel()
        self._rows = list(entries)
        self.endResetModel()

    def text(self, row: int, column: int) -> str:
        entry = self._rows[row]
        if column == WHEN:
            if entry.id is None:  # still in the outbox (issue 15)
                return _("{when} (waiting to send)").format(when=when_text(entry.created))
            return when_text(entry.created)
        if column == AGENT:
            return entry.agent
        if column == KIND:
            return kind_text(entry.kind)
        if column == TOPIC:
            return entry.topic
        if column == VERDICT:
            return entry.verdict
        return " ".join(entry.note.split())  # one line in the table; the tooltip keeps the lines

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        entry = self._row_at(index)
        if entry is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(index.row(), column)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.text(index.row(), column) or _("none")
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == NOTE:
                return entry.note or None
            if column in (TOPIC, VERDICT) and entry.summary:
                return entry.summary  # the answer as it was given, as it was pasted
            return self.text(index.row(), column) or None
        if role == ENTRY_ID_ROLE:
            return entry.id
        return None
