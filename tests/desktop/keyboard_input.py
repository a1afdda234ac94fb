"""Typing into the real widgets as a keyboard does, Nordic letters included.

QTest's keyClicks only knows ASCII and aborts on "ö"; an agent types "glömt lösenordet".
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication


def type_text(widget, text: str) -> None:
    """Key presses, one per character."""
    for char in text:
        # Latin-1 keys are their upper-case code points in Qt (Key_Odiaeresis is "Ö").
        code = ord(char.upper()) if ord(char.upper()) < 256 else Qt.Key.Key_unknown.value
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, code, Qt.KeyboardModifier.NoModifier, char))


def retype(widget, text: str) -> None:
    """Replace a line edit's text by typing, as an agent who selects all and types."""
    widget.selectAll()
    widget.del_()
    type_text(widget, text)
    assert widget.text() == text


def press(widget, key: Qt.Key) -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier))
