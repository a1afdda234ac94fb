"""File > Import register..., Export register... and Refresh (F5) (issue 16, "State that
follows the customer").

Import and export are the CLI's `deskguide import` and `deskguide export`: the same
service, the same all-or-nothing check, the same file (docs/register-csv.md). The import
runs on the store worker with a progress dialog; Cancel before the commit leaves the
database as it was. Its problems are shown all at once (ImportProblemsDialog); what it
wrote is announced like any other write, so the customer search (Ctrl+F), the cards and
the deadlines follow by themselves.

Refresh reads again everything the window shows from the store, as when another program
changed the database file: the views already know how to follow that.

Built after the first paint, like the call workflow (nothing here is needed to show a window).
"""
from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QStandardPaths, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QPushButton

from desktop.common.i18n import _, ngettext
from desktop.gui.operations import ANYTHING, ChangedElsewhere, register
from desktop.gui.operations.register import ImportStage

if TYPE_CHECKING:
    from desktop.gui.main_window import MainWindow

STATUS_MS = 10_000  # how long "imported", "exported" or "reloaded" stays in the status bar


class RegisterTransfer(QObject):
    imported = Signal(object)  # the ImportOutcome, once the import has answered (or None: it failed)
    exported = Signal(object)  # the rows written, or None when nothing was written
    _stage = Signal(int)  # emitted on the worker thread, delivered here (queued)

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.worker = window.worker
        self.import_action = self._action(self.choose_import_file)
        self.export_action = self._action(self.choose_export_file)
        self.refresh_action = self._action(self.refresh)
        self.refresh_action.setShortcut(QKeySequence("F5"))
        menu = window.file_menu
        first = menu.actions()[0] if menu.actions() else None
        for action in (self.import_action, self.export_action, None, self.refresh_action, None):
            if action is None:
                menu.insertSeparator(first)
            else:
                menu.insertAction(first, action)
        self.file_dialog: QFileDialog | None = None  # while the agent picks a file
        self.progress: QProgressDialog | None = None  # while an import or an export runs
        self.problems_dialog = None  # an ImportProblemsDialog, while it is open
        self.result_box: QMessageBox | None = None  # what the last import or export said
        self._cancel = threading.Event()
        self._stage.connect(self._on_stage)
        window.installEventFilter(self)
        self.retranslate()

    def _action(self, slot) -> QAction:
        action = QAction(self.window)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        return action

    def retranslate(self) -> None:
        self.import_action.setText(_("&Import register…"))
        self.import_action.setToolTip(_("Add and update customers and subscriptions from a CSV file"))
        self.export_action.setText(_("&Export register…"))
        self.export_action.setToolTip(_("Write the customer register to a CSV file"))
        self.refresh_action.setText(_("&Refresh"))
        self.refresh_action.setToolTip(_("Read the customers, cases, journal and desks again (F5)"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    @property
    def busy(self) -> bool:
        """An import or an export is on its way."""
        return self.progress is not None

    def _note(self, text: str) -> None:
        self.window.statusBar().showMessage(text, STATUS_MS)

    def _unreachable(self, what: str) -> bool:
        """A team database out of reach: the register can be neither read nor written now.
        Said before any work (the outbox keeps journal entries, not a whole register)."""
        if not self.worker.offline:
            return False
        self._tell(QMessageBox.Icon.Information, what, _(
            "The team database cannot be reached, so this must wait until it answers again. Deskguide keeps "
            "trying by itself; nothing was changed."))
        return True

    def _tell(self, icon: QMessageBox.Icon, title: str, text: str, details: str = "") -> None:
        if self.result_box is not None:
            self.result_box.close()
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Close, self.window)
        if details:
            box.setInformativeText(details)
        # Not modal: the agent can look the customers up (Ctrl+F) with the summary beside them.
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.destroyed.connect(lambda: setattr(self, "result_box", None) if self.result_box is box else None)
        self.result_box = box
        box.show()

    def _today(self):
        return self.window.clock().astimezone().date()  # the agent's calendar day, as the CLI's

    def _pick_file(self, title: str, save: bool, filters: list[str], on_chosen) -> None:
        dialog = QFileDialog(self.window, title)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave if save else QFileDialog.AcceptMode.AcceptOpen)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile if save else QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilters(filters)
        dialog.setDirectory(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))
        if save:
            dialog.setDefaultSuffix("csv")
            dialog.selectFile(f"deskguide-register-{self._today().isoformat()}.csv")
        dialog.fileSelected.connect(lambda path: on_chosen(path, dialog.selectedNameFilter()))
        dialog.finished.connect(lambda _result: self._file_dialog_closed(dialog))
        self.file_dialog = dialog
        dialog.open()

    def _file_dialog_closed(self, dialog: QFileDialog) -> None:
        if self.file_dialog is dialog:
            self.file_dialog = None
        dialog.deleteLater()

    def _show_progress(self, label: str, maximum: int, cancellable: bool) -> QProgressDialog:
        progress = QProgressDialog(label, _("Cancel"), 0, maximum, self.window)
        progress.setWindowTitle(_("Deskguide"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)  # one transfer at a time
        progress.setMinimumDuration(0)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        if not cancellable:
            progress.setCancelButton(None)
        progress.setValue(0)
        progress.show()
        self.progress = progress
        return progress

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    # --- import ------------------------------------------------------------------------------

    def choose_import_file(self) -> None:
        if self.busy or self._unreachable(_("Import register")):
            return
        self._pick_file(_("Import register"), False, [_("CSV files (*.csv)"), _("All files (*)")],
                        lambda path, _filter: self.import_file(path))

    def import_file(self, path: str) -> None:
        """Import `path` on the store worker; `imported` says how it went."""
        if self.busy or self._unreachable(_("Import register")):
            return
        self._file_name = Path(path).name
        self._cancel.clear()
        progress = self._show_progress(_("Reading and checking {file}…").format(file=self._file_name),
                                       ImportStage.DONE, cancellable=True)
        progress.canceled.connect(self._on_cancel)
        today, cancelled, stage = self._today(), self._cancel.is_set, self._stage.emit
        self.worker.run(lambda store: register.import_register(store, path, today, stage, cancelled),
                        self._on_imported, self._on_import_failed)

    def _on_cancel(self) -> None:
        self._cancel.set()  # read by the worker before it writes, and again before it commits
        if self.progress is not None:
            self.progress.setLabelText(_("Cancelling: nothing will be imported…"))
            self._enable_cancel(False)

    def _enable_cancel(self, enabled: bool) -> None:
        for button in self.progress.findChildren(QPushButton):
            button.setEnabled(enabled)

    def _on_stage(self, stage: int) -> None:
        progress = self.progress
        if progress is None or self._cancel.is_set():
            return
        if stage == ImportStage.WRITING:
            progress.setLabelText(_("Adding and updating customers and subscriptions…"))
        elif stage >= ImportStage.COMMITTING:
            progress.setLabelText(_("Saving the import…"))
            self._enable_cancel(False)  # past the point where Cancel could undo it
        # Last: a window-modal progress dialog handles events in setValue(), and the
        # import's answer may be among them (it closes the dialog).
        progress.setValue(stage)

    def _on_imported(self, outcome: register.ImportOutcome) -> None:
        self._close_progress()
        title, file_name = _("Import register"), self._file_name
        if outcome.cancelled:
            self._note(_("Import cancelled: nothing was imported."))
        elif outcome.problems:
            from desktop.gui.register_problems_dialog import ImportProblemsDialog

            dialog = ImportProblemsDialog(file_name, outcome.problems, self.window)
            dialog.finished.connect(lambda _result: self._problems_closed(dialog))
            self.problems_dialog = dialog
            dialog.open()
        elif outcome.refused is not None:
            self._tell(QMessageBox.Icon.Warning, title, _("Nothing was imported: {reason}").format(
                reason=_(outcome.refused)))
        else:
            result = outcome.result
            customers = _("{added} added, {updated} updated, {unchanged} unchanged").format(
                added=result.customers_added, updated=result.customers_updated,
                unchanged=result.customers_unchanged)
            subscriptions = _("{added} added, {updated} updated, {unchanged} unchanged").format(
                added=result.subscriptions_added, updated=result.subscriptions_updated,
                unchanged=result.subscriptions_unchanged)
            lines = [_("customers:") + " " + customers, _("subscriptions:") + " " + subscriptions]
            if outcome.ignored_columns:
                lines.append(_("ignored columns (not part of the register): {columns}").format(
                    columns=", ".join(outcome.ignored_columns)))
            self._tell(QMessageBox.Icon.Information, title, _("Imported {file}.").format(file=file_name),
                       "\n".join(lines))
            self._note(_("Imported {file}.").format(file=file_name))
        self.imported.emit(outcome)

    def _problems_closed(self, dialog) -> None:
        if self.problems_dialog is dialog:
            self.problems_dialog = None
        dialog.deleteLater()

    def _on_import_failed(self, message: str) -> None:
        # The error banner says why (the database, not the file); here only what it means.
        self._close_progress()
        self._note(_("Nothing was imported."))
        self.imported.emit(None)

    # --- export ------------------------------------------------------------------------------

    def choose_export_file(self) -> None:
        if self.busy or self._unreachable(_("Export register")):
            return
        semicolons = _("CSV with semicolons, as Excel in the Nordic countries reads it (*.csv)")
        commas = _("CSV with commas (*.csv)")
        self._pick_file(_("Export register"), True, [semicolons, commas],
                        lambda path, chosen: self.export_file(path, "," if chosen == commas else ";"))

    def export_file(self, path: str, separator: str = ";") -> None:
        """Write the whole register to `path` on the store worker; `exported` says how it went."""
        if self.busy or self._unreachable(_("Export register")):
            return
        file_name = Path(path).name
        self._show_progress(_("Writing the register to {file}…").format(file=file_name), 0, cancellable=False)

        def done(answer: tuple) -> None:
            self._close_progress()
            rows, why = answer
            if rows is None:
                self._tell(QMessageBox.Icon.Warning, _("Export register"),
                           _("The register was not exported: {reason}").format(reason=_(why)))
            else:
                self._note(ngettext("Exported {count} row to {file}.", "Exported {count} rows to {file}.",
                                    rows).format(count=rows, file=path))
            self.exported.emit(rows)

        def failed(_message: str) -> None:
            self._close_progress()
            self.exported.emit(None)

        self.worker.run(lambda store: register.export_register(store, path, separator), done, failed)

    # --- refresh -----------------------------------------------------------------------------

    def refresh(self) -> None:
        """F5: everything shown from the store read again (the register's search, the card,
        the journal, the cases, the deadlines, the desks), as when another program changed
        the database: each part of the window already follows that (ChangedElsewhere)."""
        if self.worker.offline:
            self._note(_("The team database cannot be reached: Deskguide reloads by itself when it answers."))
            return
        everything = ChangedElsewhere(ANYTHING)
        self.worker.changed.emit(everything.changes)
        self.worker.changed_elsewhere.emit(everything)
        self._note(_("Reloaded."))
