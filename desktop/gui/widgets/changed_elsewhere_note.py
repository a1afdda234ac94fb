"""The quiet note an open form shows when a colleague changed its record underneath
(issue 15, "Live"): "Changed by Anna at 10:42. Reload". Never a silent replace: what
the agent typed stays until they click Reload; saving still meets the conflict dialog
(docs/concurrent-editing.md) if they do not.
"""
from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel

from desktop.common.i18n import _
from desktop.gui.widgets.retranslating import Retranslating
from desktop.gui.widgets.wrapped_label import wrapping_policy


class ChangedElsewhereNote(Retranslating, QLabel):
    reloadRequested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setSizePolicy(wrapping_policy())
        self.setTextFormat(Qt.TextFormat.RichText)
        self.linkActivated.connect(lambda _link: self.reloadRequested.emit())
        self._who: str | None = None
        self._at: dt.datetime | None = None
        self.hide()

    def show_change(self, who: str = "", at: dt.datetime | None = None) -> None:
        """Say who changed the record and when (both unknown: a local file changed by
        another program)."""
        self._who, self._at = who, at
        self.retranslate()
        self.show()

    def clear(self) -> None:
        self._who = self._at = None
        self.hide()

    def plain_text(self) -> str:
        """The note without its link, as a screen reader says it."""
        return self.accessibleName()

    def retranslate(self) -> None:
        if self._who is None:
            return
        time = self._at.astimezone().strftime("%H:%M") if self._at is not None else ""
        if self._who and time:
            said = _("Changed by {who} at {time}.").format(who=self._who, time=time)
        elif self._who:
            said = _("Changed by {who} meanwhile.").format(who=self._who)
        else:
            said = _("Changed in another window or program meanwhile.")
        self.setAccessibleName(said)
        link = _("Reload")
        self.setText(f'{html.escape(said)} <a href="reload">{html.escape(link)}</a>')
