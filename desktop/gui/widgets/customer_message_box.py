"""The message for the customer under an answer (scope verdict, claim): a heading, the
customer's language, the message, Copy message (plus any buttons of the answer's own),
and a line that says it was copied. One place, so the answers look and read alike."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from desktop.common.i18n import _
from desktop.gui.widgets.customer_language_combo import language_picker, language_row
from desktop.gui.widgets.fonts import bold_font


def _wrapping(parent: QWidget, *, selectable: bool = False) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    if selectable:  # agents copy parts of it into their own e-mail
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                      | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return label


class CustomerMessageBox(QWidget):
    """Shown while an answer stands (`show_message("")` hides it). `extra_buttons` sit
    beside Copy message (the claim's Save to journal…)."""

    def __init__(self, parent: QWidget, *, object_name: str, extra_buttons: tuple[QPushButton, ...] = ()):
        super().__init__(parent)
        self._copied = False
        self.heading = _wrapping(self)
        self.heading.setFont(bold_font(self.font(), 1.0))
        self.customer_language, self.language_label = language_picker(self)
        self.message_label = _wrapping(self, selectable=True)
        self.message_label.setObjectName(object_name)
        self.copy_button = QPushButton(self)
        self.copy_status = _wrapping(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.heading)
        layout.addLayout(language_row(self.language_label, self.customer_language))
        layout.addWidget(self.message_label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        for button in extra_buttons:
            button.setParent(self)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(self.copy_status)
        self.copy_button.clicked.connect(self.copy_message)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(_("Message for the customer"))
        self.language_label.setText(_("Lan&guage:"))
        self.message_label.setAccessibleName(_("Message for the customer"))
        self.copy_button.setText(_("&Copy message"))
        self.copy_button.setAccessibleName(_("Copy the message to the clipboard"))
        self.copy_status.setAccessibleName(_("Copy status"))
        self._show_copy_status()

    def show_message(self, text: str) -> None:
        """A new message (not copied yet); the box hides while there is none."""
        self.message_label.setText(text)
        self.setVisible(bool(text))
        self._copied = False
        self._show_copy_status()

    def message(self) -> str:
        return self.message_label.text()

    def copy_message(self) -> None:
        QApplication.clipboard().setText(self.message())
        self._copied = True
        self._show_copy_status()

    def _show_copy_status(self) -> None:
        self.copy_status.setText(_("Copied: paste it into your e-mail to the customer.") if self._copied else "")
        self.copy_status.setVisible(self._copied)
