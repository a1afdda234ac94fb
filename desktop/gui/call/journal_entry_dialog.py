"""Save to the customer's journal: the answer on screen with a note of the agent's own
(Ctrl+J), or a free note ("Add a note…" under the journal, `record=None`).

The dialog stays open until the journal has the entry (a SavingDialog): a save that
fails says why here, and the note the agent typed is still in the field.
"""
from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QFormLayout, QLabel, QPlainTextEdit, QVBoxLayout

from desktop.common.i18n import _
from desktop.gui.widgets.retranslating import Retranslating
from desktop.gui.widgets.saving_dialog import SavingDialog
from desktop.gui.widgets.wrapped_label import wrapped_label
from desktop.wording.answer_record import AnswerRecord


class JournalEntryDialog(Retranslating, SavingDialog):
    """saveRequested carries the note."""

    def __init__(self, customer_name: str, record: AnswerRecord | None, parent=None):
        super().__init__(parent)
        self.customer_name = customer_name
        self.record = record  # None: a free note
        self.topic_label = wrapped_label(self)
        self.verdict_label = wrapped_label(self)
        self.note_edit = QPlainTextEdit(self)
        self.note_edit.setTabChangesFocus(True)  # Tab reaches the buttons: keyboard first
        self.note_label = QLabel(self)
        self.note_label.setBuddy(self.note_edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.note_edit.textChanged.connect(self._update_buttons)
        self.topic_heading, self.verdict_heading = QLabel(self), QLabel(self)
        form = QFormLayout()
        if record is not None:
            form.addRow(self.topic_heading, self.topic_label)
            form.addRow(self.verdict_heading, self.verdict_label)
        else:
            for widget in (self.topic_heading, self.topic_label, self.verdict_heading, self.verdict_label):
                widget.hide()
        form.addRow(self.note_label, self.note_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)
        self.retranslate()
        self._update_buttons()
        self.note_edit.setFocus()

    def retranslate(self) -> None:
        if self.record is None:
            self.setWindowTitle(_("Add a note"))
            self.note_label.setText(_("Note for {name}'s journal:").format(name=self.customer_name))
            self.save_button.setText(_("Add note"))
        else:
            self.setWindowTitle(_("Save to {name}'s journal").format(name=self.customer_name))
            self.topic_heading.setText(_("Topic:"))
            self.verdict_heading.setText(_("Answer:"))
            self.topic_label.setText(self.record.topic)
            self.verdict_label.setText(self.record.verdict)
            self.note_label.setText(_("&Note:"))
            self.note_edit.setPlaceholderText(_("Optional: what was agreed, what happens next"))
        self.setAccessibleName(self.windowTitle())
        self.note_edit.setAccessibleName(_("Note for the journal"))
        self.status_label.setAccessibleName(_("Journal save status"))
        self.show_save_status()

    def note(self) -> str:
        return self.note_edit.toPlainText().strip()

    def is_dirty(self) -> bool:
        """Not in the journal yet: an answer to save, or a note typed."""
        return self.record is not None or bool(self.note())

    def accept(self) -> None:
        """Ask to save (the dialog closes once saved). A free note needs words."""
        if self.record is None and not self.note():
            return
        self.request_save(self.note())

    def _update_buttons(self) -> None:
        self.save_button.setEnabled(not self.saving and (self.record is not None or bool(self.note())))
