"""Quitting without losing anything: first every write already on its way reaches the
store, then the agent is asked about what they typed and did not save.

1. The store worker's queue drains first (a customer saved a moment before Ctrl+Q is
   stored, and its form then shows "Saved." and is no longer unsaved). The window takes
   no input meanwhile; past SAVING_NOTE_MS the status bar says "Saving your changes…".
   If a job fails meanwhile (the database went read-only), Deskguide stays open: the
   failure is shown next to its form, the text still in it, and the agent decides.
2. Then every view (and the call workflow's journal dialog) is asked what it holds
   unsaved: `unsaved_changes() -> list[str]`, one short line each, on any object that
   has it. If anything is, one question lists it all: "Quit without saving" or "Keep
   editing" (the default, as when picking another customer). No "Save all": a form may
   not pass its checks, and a save can fail; the agent saves where they can see the
   outcome, then quits again.
3. Then the window closes and the worker shuts down (its thread runs what is left).

A session end (QApplication.aboutToQuit) cannot wait for answers: MainWindow.shutdown()
drains the queue there and then.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMessageBox, QToolBar, QWidget

from desktop.common.i18n import _

if TYPE_CHECKING:
    from desktop.gui.main_window import MainWindow

SAVING_NOTE_MS = 300  # a wait shorter than this needs no note


class QuitWorkflow(QObject):
    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.question: QMessageBox | None = None  # "quit without saving?", while it is open
        self._confirmed = False  # nothing on its way, and nothing unsaved or the agent said discard
        self._waiting = False  # for the worker's queue to drain
        self._failed = False  # a job failed while we waited
        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(SAVING_NOTE_MS)
        self._note_timer.timeout.connect(self._show_saving_note)
        window.worker.idle.connect(self._on_idle)
        window.worker.failed.connect(self._on_failed)

    @property
    def waiting(self) -> bool:
        """Quit was asked and the worker's queue is still draining."""
        return self._waiting

    def may_close(self) -> bool:
        """Asked by the window's closeEvent: True to close now. False: not yet (the queue
        is draining, or the agent is being asked); the window closes itself later, or stays."""
        if self._confirmed:
            return True
        if self._waiting or self.question is not None:
            return False
        if self.window.worker.pending:
            self._wait()
            return False
        unsaved = self.unsaved_changes()
        if unsaved:
            self._ask(unsaved)
            return False
        return True

    def unsaved_changes(self) -> list[str]:
        """What every part of the window holds unsaved, one line each, in the views' order."""
        found: list[str] = []
        for owner in (*self.window.built_views(), self.window.call):
            ask = getattr(owner, "unsaved_changes", None)
            if ask is not None:
                found += ask()
        return found

    # --- 1. the queue drains ---------------------------------------------------------------

    def _wait(self) -> None:
        self._waiting, self._failed = True, False
        self._set_input_enabled(False)  # nothing typed now would be saved
        self._note_timer.start()

    def _show_saving_note(self) -> None:
        if self._waiting:
            self.window.statusBar().showMessage(_("Saving your changes…"))

    def _on_failed(self, _message) -> None:
        if self._waiting:
            self._failed = True

    def _on_idle(self) -> None:
        if not self._waiting:
            return
        self._waiting = False
        self._note_timer.stop()
        self._set_input_enabled(True)
        if self._failed:
            # The failure is shown next to its form (and in the banner); the agent decides.
            self.window.statusBar().showMessage(_("Deskguide did not quit: a change could not be saved."))
            return
        self.window.statusBar().clearMessage()
        self.window.close()  # again: now nothing is on its way, so the unsaved edits are asked about

    def _set_input_enabled(self, enabled: bool) -> None:
        widgets: list[QWidget] = [self.window.centralWidget(), self.window.menuBar(),
                                  *self.window.findChildren(QToolBar)]
        for widget in widgets:
            widget.setEnabled(enabled)

    # --- 2. the unsaved edits -----------------------------------------------------------------

    def _ask(self, unsaved: list[str]) -> None:
        title = _("Unsaved changes")
        text = _("Not saved yet:\n{items}\n\nQuit and discard them?").format(
            items="\n".join(f"• {line}" for line in unsaved))
        box = QMessageBox(QMessageBox.Icon.Warning, title, text,
                          QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel, self.window)
        box.button(QMessageBox.StandardButton.Discard).setText(_("Quit without saving"))
        box.button(QMessageBox.StandardButton.Cancel).setText(_("Keep editing"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)  # the safe answer
        box.setAccessibleName(title)

        def finished(_result: int) -> None:
            self.question = None
            discard = box.clickedButton() is box.button(QMessageBox.StandardButton.Discard)
            box.deleteLater()
            if discard:
                self._confirmed = True
                self.window.close()
            # Keep editing: the window, the forms and what is typed in them stay as they are.

        box.finished.connect(finished)
        self.question = box
        box.open()  # window-modal; the event loop goes on (tests answer it as the agent does)
