"""A field's label, tied to its field."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget


def buddy_label(buddy: QWidget, parent: QWidget) -> QLabel:
    """A field's label: its shortcut (the "&" in its text) puts the focus in `buddy`,
    and a screen reader names the field by it."""
    label = QLabel(parent)
    label.setBuddy(buddy)
    return label
