"""A dialog that stays open until what it asks to save is saved.

Closing on Save and saving afterwards loses what the agent typed when the save fails
(a database deleted, made read-only, full). Here Save asks (`saveRequested`), the
owner saves through the worker and calls `saved()` (the dialog closes, as accepted)
or `show_failure(message)` (the reason is said in the dialog, everything entered
stays, Save can be tried again). The subclass lays out `status_label` and enables its
Save button in `_update_buttons()`, which reads `saving`.
"""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog

from desktop.common.i18n import _
from desktop.gui.widgets.wrapped_label import wrapped_label


class SavingDialog(QDialog):
    saveRequested = Signal(object)  # what to save: save it, then saved() or show_failure()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._saving = False
        self._failure = ""  # why the last save failed, as it was said
        self.status_label = wrapped_label(self)  # "Saving…", or why the save failed
        self.status_label.hide()

    def open_for(self, owner: object, attribute: str, save) -> None:
        """Open (window-modal) with `save(value)` answering Save; `owner.<attribute>` holds
        the dialog while it is open (views and tests find it there) and is cleared when it
        closes, however it closes; the dialog is then deleted."""
        def finished(_result: int) -> None:
            setattr(owner, attribute, None)
            self.deleteLater()

        self.saveRequested.connect(save)
        self.finished.connect(finished)
        setattr(owner, attribute, self)
        self.open()

    @property
    def saving(self) -> bool:
        """A save is on its way: Save waits for its answer."""
        return self._saving

    def request_save(self, value: object) -> None:
        if self._saving:
            return
        self._saving, self._failure = True, ""
        self._after_change()
        self.saveRequested.emit(value)

    def saved(self, _value: object = None) -> None:
        """The store has it: close, as accepted."""
        self._saving = False
        QDialog.accept(self)  # not the subclass's accept(), which asks to save

    def show_failure(self, message: str) -> None:
        """Not saved: say why here; what was entered stays, and Save can be tried again."""
        self._saving, self._failure = False, message
        self._after_change()

    def _after_change(self) -> None:
        self._update_buttons()
        self.show_save_status()

    def _update_buttons(self) -> None:
        raise NotImplementedError

    def show_save_status(self) -> None:
        """The status in the current language (again after a switch)."""
        text = _("Saving…") if self._saving else (_("Not saved: {reason}").format(reason=self._failure)
                                                  if self._failure else "")
        self.status_label.setText(text)
        self.status_label.setVisible(bool(text))
