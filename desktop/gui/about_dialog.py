"""Help > About: the version, the reference data behind the answers, and which database
(a team's, or this computer's file). An agent reads this out when IT asks "which data are
you on?"."""
from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFrame, QLabel, QScrollArea, QSizePolicy, QVBoxLayout

from desktop.common.i18n import _, format_skeleton
from desktop.common.version import app_version
from desktop.gui.operations import about
from desktop.gui.platform.store_worker import StoreWorker
from desktop.gui.widgets.retranslating import Retranslating


class AboutDialog(Retranslating, QDialog):
    def __init__(self, worker: StoreWorker, parent=None):
        super().__init__(parent)
        self.worker = worker
        self.setMinimumWidth(520)
        self.header = QLabel(self)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setWordWrap(True)
        self.details = QLabel(self)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self._facts: tuple[list, Path | None] | None = None
        # Issue 16: on a 768-pixel-high screen the Database section fell off the bottom. The
        # details scroll inside a dialog no taller than the screen's free area.
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(self.details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(_("About Deskguide"))
        title = _("Deskguide {version}").format(version=app_version())
        blurb = _("Offline answers for the Nordic Office 365 helpdesk.")
        self.header.setText(f"<h2>{escape(title)}</h2><p>{escape(blurb)}</p>")
        self.details.setAccessibleName(_("Reference data and database"))
        if self._facts is not None:
            self._show_facts(self._facts)

    def refresh(self) -> None:
        """Ask the store again each time the box opens: the data may have been replaced."""
        self.details.setText(escape(_("Loading…")))
        self.worker.run(about.reference_facts, self._show_facts, self._show_error)

    def text(self) -> str:
        return self.header.text() + "\n" + self.details.text()

    def _show_facts(self, facts: tuple[list, Path | None]) -> None:
        self._facts = facts
        datasets, path = facts
        parts = ["<h3>" + escape(_("Reference data")) + "</h3>"]
        for data in datasets:
            reviewed = ""
            if data.reviewed_from and data.reviewed_to:
                reviewed = "<br>" + escape(_("Closed days reviewed for {first}–{last}").format(
                    first=data.reviewed_from, last=data.reviewed_to))
            which = _("dataset “{name}”, version {version}").format(name=data.name, version=data.version)
            source = _("Source: {source}").format(source=data.source)
            checked = _("Checked {date}").format(date=format_skeleton("yMMMd", data.checked))
            parts.append(f"<p><b>{escape(_(data.title))}</b> ({escape(which)})<br>{escape(source)}<br>"
                         f"{escape(checked)}{reviewed}</p>")
        if not datasets:
            parts.append("<p>" + escape(_("No reference data is loaded.")) + "</p>")
        target = self.worker.target
        where = _(target.describe()) if target is not None else str(path) if path else _("unknown")
        parts.append("<h3>" + escape(_("Database")) + "</h3><p>" + escape(where) + "</p>")
        for warning in target.warnings if target is not None else ():
            parts.append("<p>" + escape(_(warning)) + "</p>")
        self.details.setText("".join(parts))
        self._fit_screen()

    def _fit_screen(self) -> None:
        """As tall as the text wants, within the screen's free area (the rest scrolls)."""
        screen = (self.parentWidget() or self).screen()
        room = screen.availableGeometry().height() - 80 if screen is not None else 600  # title bar, margin
        wanted = (self.header.sizeHint().height() + self.details.heightForWidth(self.scroll.viewport().width())
                  + 120)
        self.resize(self.width(), max(240, min(room, wanted)))

    def _show_error(self, message: str) -> None:
        self.details.setText(escape(message))
