"""A label that wraps to the width it is given, and asks for the height that needs.

Ignored horizontally, so a long text (a Nordic company name, a reason) wraps instead of
widening the column; and height-for-width kept on, which setSizePolicy() would
otherwise drop, so layouts and scroll areas make room for every wrapped line instead of
squeezing the widgets around it.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


def wrapping_policy() -> QSizePolicy:
    policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    policy.setHeightForWidth(True)
    return policy


def wrapped_label(parent: QWidget | None = None, text: str = "", *, rich: bool = False,
                  selectable: bool = False) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setSizePolicy(wrapping_policy())
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    if selectable:  # agents copy names, dates and reasons into the ticket
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                      | Qt.TextInteractionFlag.TextSelectableByKeyboard)
    return label


def name_heading(parent: QWidget | None = None) -> QLabel:
    """A customer's name as a view's heading: large, bold, selectable, and wrapped, so a
    long Nordic company name is shown whole, never cut."""
    label = wrapped_label(parent, selectable=True)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * 1.4)
    font.setBold(True)
    label.setFont(font)
    return label
