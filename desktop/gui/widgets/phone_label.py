"""A phone number shown grouped for reading aloud, copied as stored (issue 16: "Phone
numbers shown grouped for reading aloud in the country's format, and dialable as
stored").

The label reads "+46 8 123 456 78" (desktop/wording/phones.py); Ctrl+C and the context
menu's "Copy number" put the stored "+46812345678" on the clipboard, which a softphone
or a ticket takes as it is."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QContextMenuEvent, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMenu, QWidget

from desktop.common.i18n import _
from desktop.gui.widgets.wrapped_label import wrapping_policy
from desktop.wording.phones import phone_text


class PhoneLabel(QLabel):
    """A selectable, wrapped label for one phone number inside a sentence."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        # As wrapped_label(selectable=True): wraps, grows downwards, selectable.
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(wrapping_policy())
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.number = ""

    def show_phone(self, number: str, country: str | None = None, template: str = "{phone}") -> None:
        """`template` (already translated) with the number grouped in it as {phone}."""
        self.number = number.strip()
        self.setText(template.format(phone=phone_text(number, country)) if self.number else "")

    def clear(self) -> None:
        self.number = ""
        super().clear()

    def copy_number(self) -> None:
        QGuiApplication.clipboard().setText(self.number)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Copy) and self.number:
            self.copy_number()
            event.accept()
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if not self.number:
            super().contextMenuEvent(event)
            return
        menu = QMenu(self)
        menu.addAction(_("Copy number"), self.copy_number)
        menu.exec(event.globalPos())
