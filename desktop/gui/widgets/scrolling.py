"""Views scroll as a whole on small screens and large fonts instead of squeezing text."""
from __future__ import annotations

from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget


def scroll_whole_view(view: QWidget, content: QWidget) -> QScrollArea:
    """Put `content` (the view's whole layout) in a frameless scroll area filling `view`."""
    scroll = QScrollArea(view)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(content)
    outer = QVBoxLayout(view)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(scroll)
    return scroll
