"""Fonts for headings and answers, derived from the widget's own (the agent's system
font and size), so they follow a larger font set in Windows."""
from __future__ import annotations

from PySide6.QtGui import QFont


def bold_font(font: QFont, factor: float = 1.0) -> QFont:
    """`font`, bold, `factor` times its size."""
    bold = QFont(font)
    bold.setPointSizeF(font.pointSizeF() * factor)
    bold.setBold(True)
    return bold
