"""Save the answer on screen to the customer's journal, with a note of the agent's own."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QPlainTextEdit, QVBoxLayout

from desktop.common.i18n import _
from desktop.gui.widgets.retranslating import Retranslating
from desktop.gui.widgets.wrapped_label import wrapped_label
from desktop.wording.answer_record import AnswerRecord


class JournalEntryDialog(Retranslating, QDialog):
    def __init__(self, customer_name: str, record: AnswerRecord, parent=None):
        super().__init__(parent)
        self.customer_name = customer_name
        self.record = record
        self.topic_label = wrapped_label(self)
        self.verdict_label = wrapped_label(self)
        self.note_edit = QPlainTextEdit(self)
        self.note_edit.setTabChangesFocus(True)  # Tab reaches the buttons: keyboard first
        self.note_label = QLabel(self)
        self.note_label.setBuddy(self.note_edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.topic_heading, self.verdict_heading = QLabel(self), QLabel(self)
        form = QFormLayout()
        form.addRow(self.topic_heading, self.topic_label)
        form.addRow(self.verdict_heading, self.verdict_label)
        form.addRow(self.note_label, self.note_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)
        self.retranslate()
        self.note_edit.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(_("Save to {name}'s journal").format(name=self.customer_name))
        self.topic_heading.setText(_("Topic:"))
        self.verdict_heading.setText(_("Answer:"))
        self.topic_label.setText(self.record.topic)
        self.verdict_label.setText(self.record.verdict)
        self.note_label.setText(_("&Note:"))
        self.note_edit.setAccessibleName(_("Note for the journal"))
        self.note_edit.setPlaceholderText(_("Optional: what was agreed, what happens next"))

    def note(self) -> str:
        return self.note_edit.toPlainText().strip()
