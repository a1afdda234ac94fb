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


def tab_positions(order: list) -> list[int]:
    """Where each widget of `order` comes when the agent tabs on from the first one (the
    visible, enabled widgets that take Tab), or is left out when Tab never reaches it:
    a test asserts these are all there and in reading order."""
    visited, widget = [], order[0]
    for _step in range(60):
        visited.append(widget)
        widget = widget.nextInFocusChain()
        while not (widget.isVisible() and widget.isEnabled() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus):
            widget = widget.nextInFocusChain()
        if widget is order[-1]:
            visited.append(widget)
            break
    return [visited.index(wanted) for wanted in order if wanted in visited]
