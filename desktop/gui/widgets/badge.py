"""A badge: a state in white bold words on a colour ("In time", "Support ended"), never
in colour alone, beside the sentence that explains it."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel


def badge_style(colour: str) -> str:
    """The badge's style sheet on `colour` (a mid tone: white reads on it at 4.5:1 or better)."""
    return f"background: {colour}; color: white; border-radius: 3px; padding: 2px 8px; font-weight: bold;"


def badge_row(badge: QLabel, text: QLabel) -> QHBoxLayout:
    """The badge at the top left, its explanation taking the rest of the row."""
    row = QHBoxLayout()
    row.setSpacing(8)
    row.addWidget(badge, 0, Qt.AlignmentFlag.AlignTop)
    row.addWidget(text, 1)
    return row
