"""An error the user should read, above the views; built when the first error comes.

Kept out of the main window's module: it needs Qt's `Qt` namespace, whose first use
costs ~11 ms of enum set-up that the first frame should not wait for.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy

from desktop.common.i18n import _
from desktop.gui.widgets.retranslating import Retranslating

_BANNER_STYLE = """
#errorBanner { background: #c62828; border-radius: 4px; }
#errorBanner > QLabel { color: white; }
#connectionBanner { background: #f9a825; border-radius: 4px; }
#connectionBanner > QLabel { color: black; }
"""


class ErrorBannerWidget(Retranslating, QFrame):
    """An error the user should read, above the views; it stays until dismissed."""

    def __init__(self, parent=None, name: str = "errorBanner"):
        super().__init__(parent)
        self.setObjectName(name)
        self.setStyleSheet(_BANNER_STYLE)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.dismiss = QPushButton(self)
        self._message = ""
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.dismiss, 0, Qt.AlignmentFlag.AlignTop)
        self.dismiss.clicked.connect(self.hide)
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.label.setAccessibleName(_("Error"))
        self.dismiss.setText(_("Dismiss"))
        self.label.setText(_(self._message))

    def show_error(self, message: str) -> None:
        """`message`: a domain Message or a text; said again if the language changes."""
        self._message = message
        self.label.setText(_(message))
        self.show()


class ConnectionBannerWidget(ErrorBannerWidget):
    """The team database is out of reach: since when, and what still works. It cannot be
    dismissed; it goes when the database answers again (StoreWorker.reachability_changed)."""

    def __init__(self, parent=None):
        super().__init__(parent, "connectionBanner")
        self.dismiss.hide()
