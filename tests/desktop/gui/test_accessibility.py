"""Keyboard first, screen reader friendly: every control an agent can tab to says what it
is, in every view and in the window itself."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QScrollArea, QScrollBar, QTabBar, QWidget

from desktop.gui.main_window import VIEWS

pytestmark = pytest.mark.gui


def spoken_name(widget: QWidget, buddies: dict[int, str]) -> str:
    """What a screen reader says for `widget`: its accessible name, a button's or a
    label's text, or the text of the label that is its buddy (Qt uses all of them)."""
    if widget.accessibleName():
        return widget.accessibleName()
    if isinstance(widget, (QAbstractButton, QLabel)) and widget.text().replace("&", "").strip():
        return widget.text()  # a reader says a label's own text
    if widget.objectName().startswith("qt_") and widget.parentWidget() is not None:
        return widget.parentWidget().accessibleName()  # a part Qt builds inside a named widget
    return buddies.get(id(widget), "")


def unnamed_controls(root: QWidget) -> list[str]:
    buddies = {id(label.buddy()): label.text() for label in root.findChildren(QLabel) if label.buddy() is not None}
    missing = []
    for widget in root.findChildren(QWidget):
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus or not widget.isVisibleTo(root):
            continue
        if isinstance(widget, (QScrollBar, QTabBar, QScrollArea)) or widget.focusProxy() is not None:
            continue  # Qt names these from their owner; a proxy hands the focus on
        if type(widget).__name__ in ("QWidget", "QFrame") or widget.parent().inherits("QAbstractSpinBox"):
            continue  # a plain container or a spin box's inner line edit
        if widget.objectName() == "qt_scrollarea_viewport" or widget.inherits("QHeaderView"):
            continue
        if not spoken_name(widget, buddies).strip():
            missing.append(f"{type(widget).__name__} {widget.objectName()!r} under {type(widget.parent()).__name__}")
    return missing


@pytest.mark.parametrize("key", [spec.key for spec in VIEWS])
def test_every_control_of_every_view_says_what_it_is(qtbot, main_window, key):
    view = main_window.show_view(key)
    # Loaded, so it shows every control it will: all it asked the store has answered.
    qtbot.waitUntil(lambda: not main_window.worker.pending, timeout=15_000)
    assert not unnamed_controls(view), f"{key}: controls without a name: {unnamed_controls(view)}"


def test_the_window_and_its_toolbar_say_what_they_are(qtbot, main_window):
    qtbot.waitUntil(lambda: main_window.call is not None, timeout=10_000)
    assert not unnamed_controls(main_window.call.toolbar)
    assert main_window.navigation.accessibleName()
