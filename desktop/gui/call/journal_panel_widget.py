"""The open customer's case journal under their card: every answer saved on a call and
every note, newest first, searchable; a free note added in two keystrokes; and the
entries older than the retention period (the settings' months) deleted, after a
question that says exactly how many.

Every read and write goes through the worker. Searching asks the store on each
keystroke; only the answer to the latest question is shown (a generation count), so
typing fast never shows an older search's entries.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from desktop.common.i18n import _, ngettext
from desktop.gui.call.journal_entry_dialog import JournalEntryDialog
from desktop.gui.call.journal_model import AGENT, KIND, NOTE, TOPIC, VERDICT, WHEN, JournalModel, kind_text, when_text
from desktop.gui.operations import journal
from desktop.gui.platform.store_worker import call_if_alive
from desktop.gui.widgets.admin_only import show_admin_only, watch_role
from desktop.gui.widgets.column_widths import fit_columns
from desktop.gui.widgets.customer_finder_widget import register_table
from desktop.gui.widgets.retranslating import Retranslating
from desktop.gui.widgets.wrapped_label import wrapped_label
from desktop.wording.notice import number_text

if TYPE_CHECKING:
    from desktop.gui.platform.store_worker import Clock, StoreWorker
    from domain.customers import Customer
    from domain.journal import JournalEntry

# The widest times a language writes: a long month name ("Sept"), or two-digit days and
# months ("28.12.2026 12.58"); both far from any zone's date line.
WIDEST_MOMENTS = (dt.datetime(2026, 9, 30, 12, 59, tzinfo=dt.timezone.utc),
                  dt.datetime(2026, 12, 28, 12, 58, tzinfo=dt.timezone.utc))


def retention_months() -> int:
    from desktop.gui.platform.settings import Settings

    return Settings().journal_retention_months


class JournalPanelWidget(Retranslating, QGroupBox):
    loaded = Signal()  # the entries shown are (re)read for the customer and the search
    entryAdded = Signal(object)  # the JournalEntry as stored
    purged = Signal(int)  # how many entries (of every customer) were deleted

    def __init__(self, worker: StoreWorker, clock: Clock, parent=None):
        super().__init__(parent)
        self.worker, self.clock = worker, clock
        self.customer: Customer | None = None
        self._generation = 0  # the latest read asked for: only its answer is shown
        self._loaded = False
        # Worded when shown, so a language switch says them again.
        self._status: Callable[[], str] | None = None  # what the last action did
        self._problem: Callable[[], str] | None = None  # why the journal could not be read
        self.confirm_box: QMessageBox | None = None  # the purge question, while it is open
        self.note_dialog: JournalEntryDialog | None = None  # "Add a note", while it is open

        self.search_label = QLabel(self)
        self.search_edit = QLineEdit(self)
        self.search_edit.setClearButtonEnabled(True)
        self.search_label.setBuddy(self.search_edit)
        self.note_button = QPushButton(self)
        self.purge_button = QPushButton(self)
        self._admin = True  # an agent's team login may not purge (issue 15, set by watch_role)
        self.model = JournalModel(self)
        self.table = register_table(self, "")
        self.table.setModel(self.model)
        self.note = wrapped_label(self)  # about the list: how many, or why none
        self.status = wrapped_label(self)  # what the last action did

        search = QHBoxLayout()
        search.addWidget(self.search_label)
        search.addWidget(self.search_edit, 1)
        # The buttons on a row of their own under the list: the search and what the list
        # says keep the whole width, however long the buttons' words are in a language.
        buttons = QHBoxLayout()
        buttons.addWidget(self.note_button)
        buttons.addWidget(self.purge_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setSpacing(6)
        layout.addLayout(search)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        for before, after in zip(self.controls(), self.controls()[1:]):
            self.setTabOrder(before, after)

        self.search_edit.textChanged.connect(lambda _text: self.refresh())
        self.note_button.clicked.connect(self.ask_note)
        self.purge_button.clicked.connect(self.ask_purge)
        from desktop.gui.platform.settings import settings_changed

        settings_changed.changed.connect(self._on_settings_changed)
        # Entries "waiting to send" became the server's (issue 15): list them as such.
        worker.outbox_sent.connect(self._on_outbox_sent)
        self.retranslate()
        self.set_customer(None)
        watch_role(worker, self.set_admin)

    def controls(self) -> list:
        return [self.search_edit, self.table, self.note_button, self.purge_button]

    def retranslate(self) -> None:
        """Every text in the current language; the customer, the search and the entries stay."""
        self.setTitle(_("Journal"))
        self.setAccessibleName(_("Journal"))
        self.search_label.setText(_("Search the &journal:"))
        self.search_edit.setAccessibleName(_("Search the journal"))
        self.search_edit.setPlaceholderText(_("Topic, verdict, note or agent"))
        self.note_button.setText(_("Add a no&te…"))
        self.note_button.setAccessibleName(_("Add a note to the journal"))
        self.table.setAccessibleName(_("Journal entries, newest first"))
        self.note.setAccessibleName(_("About the journal entries"))
        self.status.setAccessibleName(_("Journal status"))
        self.model.retranslate()
        fit_columns(self.table, {
            WHEN: [when_text(moment) for moment in WIDEST_MOMENTS], AGENT: ["Anna Söderström"],
            KIND: [kind_text(kind) for kind in ("scope", "notice", "escalation", "claim", "note")],
            VERDICT: ["Out of scope"]}, stretch=(TOPIC, NOTE))
        self._show_purge_button()
        show_admin_only(self.purge_button, self._admin)
        self._update_notes()

    def set_admin(self, allowed: bool) -> None:
        """Whether the login may purge the journal (issue 15: an administrator's action)."""
        self._admin = allowed
        self.purge_button.setEnabled(allowed)
        show_admin_only(self.purge_button, allowed)

    def _on_settings_changed(self, key: str) -> None:
        from desktop.gui.platform.settings import JOURNAL_RETENTION_MONTHS

        if key == JOURNAL_RETENTION_MONTHS:
            self._show_purge_button()

    def _show_purge_button(self) -> None:
        months = retention_months()
        self.purge_button.setText(ngettext("&Delete entries older than {n} month…",
                                           "&Delete entries older than {n} months…", months).format(n=months))
        self.purge_button.setAccessibleName(self.purge_button.text().replace("&", "").rstrip("…"))

    # --- the customer and the list ----------------------------------------------------------------

    @property
    def is_loaded(self) -> bool:
        """The open customer's entries are read (for the search typed)."""
        return self._loaded

    def set_customer(self, customer: Customer | None) -> None:
        """Show `customer`'s journal (None: nobody open). Another customer starts with an
        empty search; the same one again keeps it."""
        same = customer is not None and self.customer is not None and customer.id == self.customer.id
        self.customer = customer
        if not same:
            self._status = None
            self.search_edit.blockSignals(True)
            self.search_edit.clear()
            self.search_edit.blockSignals(False)
            self.model.show([])
        for widget in (self.search_edit, self.note_button, self.table):
            widget.setEnabled(customer is not None)
        self.refresh()

    def refresh(self) -> None:
        """Read the open customer's entries again (the main window calls this after it
        saved an entry elsewhere)."""
        self._generation += 1
        self._problem = None
        if self.customer is None:
            self._loaded = False
            self.model.show([])
            self._update_notes()
            return
        generation, customer_id, search = self._generation, self.customer.id, self.search_edit.text()
        self._loaded = False
        # Bound methods as callbacks (the worker skips those of a widget already gone);
        # the job hands back which read it was.
        self.worker.run(lambda store: (generation, journal.entries(store, customer_id, search)), self._on_loaded,
                        self._on_load_failed)

    def _on_outbox_sent(self, _report) -> None:
        if self.customer is not None:
            self.refresh()

    def _on_loaded(self, result: tuple[int, list[JournalEntry]]) -> None:
        generation, entries = result
        if generation != self._generation:
            return  # a newer search or another customer was asked for meanwhile
        self.model.show(entries)
        self._loaded, self._problem = True, None
        self._update_notes()
        self.loaded.emit()

    def _on_load_failed(self, message: str) -> None:
        # The worker answers in order: a read asked for later, if any, answers after this.
        self._problem = lambda: _("The journal could not be read: {reason}").format(reason=message)
        self._update_notes()

    def _update_notes(self) -> None:
        self.note.setText(self._note_text())
        status = self._status() if self._status is not None else ""
        self.status.setText(status)
        self.status.setVisible(bool(status))

    def _note_text(self) -> str:
        if self._problem is not None:
            return self._problem()
        if self.customer is None:
            return _("Open a customer to see their journal.")
        if not self._loaded:
            return _("Reading the journal…")
        shown, search = self.model.rowCount(), self.search_edit.text().strip()
        if search and not shown:
            return _("No entry matches “{text}”.").format(text=search)
        if not shown:
            return _("No journal entries yet: save an answer to the journal (Ctrl+J) or add a note.")
        return ngettext("{n} entry, newest first.", "{n} entries, newest first.", shown).format(n=number_text(shown))

    def _say(self, status: Callable[[], str]) -> None:
        self._status = status
        self._update_notes()

    # --- adding ---------------------------------------------------------------------------------

    def add_entry(self, kind, topic: str, verdict: str, summary: str = "", note: str = "",
                  on_saved: Callable[[JournalEntry], None] | None = None,
                  on_failed: Callable[[str], None] | None = None) -> None:
        """Save an entry for the open customer, by the agent in the settings, now; then
        list it (newest first). `kind`: a JournalKind or its value. `on_saved` and
        `on_failed` (a dialog's, say) hear the outcome too, after this panel."""
        from desktop.gui.platform.settings import Settings
        from domain.journal import JournalEntry

        customer = self.customer
        if customer is None:
            self._say(lambda: _("Open a customer first: the journal is kept per customer."))
            call_if_alive(on_failed, _("Open a customer first: the journal is kept per customer."))
            return
        entry = JournalEntry(customer_id=customer.id, created=self.clock(), agent=Settings().agent_name,
                             kind=kind, topic=topic, verdict=verdict, note=note, summary=summary)

        def added(stored: JournalEntry) -> None:
            call_if_alive(self._on_added, stored)
            call_if_alive(on_saved, stored)

        def failed(message: str) -> None:
            call_if_alive(self._on_add_failed, message)
            call_if_alive(on_failed, message)

        self.worker.run(lambda store: journal.add_entry(store, entry, entry.created), added, failed)

    def _on_added(self, entry: JournalEntry) -> None:
        if self.customer is not None and entry.customer_id == self.customer.id:
            if entry.id is None:  # in the outbox (issue 15): sent by itself when the server answers
                self._say(lambda: _("Waiting to send: the team database cannot be reached. The entry is kept on "
                                    "this computer and sent by itself when the server answers."))
            else:
                self._say(lambda: _("Saved to the journal."))
            self.refresh()
        self.entryAdded.emit(entry)

    def _on_add_failed(self, message: str) -> None:
        self._say(lambda: _("The entry could not be saved: {reason}").format(reason=message))

    def unsaved_changes(self) -> list[str]:
        """A note typed in "Add a note" and not saved yet (asked before quitting)."""
        dialog = self.note_dialog
        if dialog is None or not dialog.is_dirty():
            return []
        return [_("Journal entry: {name}").format(name=dialog.customer_name)]

    def ask_note(self) -> None:
        """Ask for a free note (kind "note") for the open customer; the dialog stays
        open until the note is saved, so a failed save keeps what was typed."""
        if self.customer is None or self.note_dialog is not None:
            return
        from domain.journal import JournalKind

        dialog = JournalEntryDialog(self.customer.name, None, self)

        def save(note: str) -> None:
            self.add_entry(JournalKind.NOTE, "", "", "", note, dialog.saved, dialog.show_failure)

        dialog.open_for(self, "note_dialog", save)

    # --- purging ---------------------------------------------------------------------------------

    def ask_purge(self) -> None:
        """Count the entries older than the retention period, then ask before deleting them."""
        months, now = retention_months(), self.clock()
        self.purge_button.setEnabled(False)  # one question at a time
        self.worker.run(lambda store: (months, now, journal.count_older_than(store, months, now)), self._on_counted,
                        self._on_purge_failed)

    def _on_counted(self, result: tuple[int, dt.datetime, int]) -> None:
        months, now, count = result
        if not count:
            self.purge_button.setEnabled(self._admin)
            self._say(lambda: ngettext("No journal entries are older than {n} month.",
                                       "No journal entries are older than {n} months.", months).format(n=months))
            return
        box = QMessageBox(QMessageBox.Icon.Warning, _("Delete old journal entries"), _purge_question(count, months),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self)
        box.button(QMessageBox.StandardButton.Yes).setText(_("Delete"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)  # the safe answer
        box.setAccessibleName(_("Delete old journal entries"))

        def finished(_result: int) -> None:
            self.confirm_box = None
            if box.clickedButton() is box.button(QMessageBox.StandardButton.Yes):
                # The same "now" as the count: exactly the entries the question counted.
                self.worker.run(lambda store: journal.purge_older_than(store, months, now), self._on_purged, self._on_purge_failed)
            else:
                self.purge_button.setEnabled(self._admin)
                self._say(lambda: _("Nothing was deleted."))
            box.deleteLater()

        box.finished.connect(finished)
        self.confirm_box = box
        box.open()  # window-modal; the event loop goes on

    def _on_purged(self, deleted: int) -> None:
        self.purge_button.setEnabled(self._admin)
        self._say(lambda: ngettext("Deleted {n} entry.", "Deleted {n} entries.", deleted).format(
            n=number_text(deleted)))
        self.refresh()
        self.purged.emit(deleted)

    def _on_purge_failed(self, message: str) -> None:
        self.purge_button.setEnabled(self._admin)
        self._say(lambda: _("The old entries could not be deleted: {reason}").format(reason=message))


def _purge_question(count: int, months: int) -> str:
    """The question names the exact count; "a month" and "N months" are two sentences, not
    one glued from pieces (each of the app's languages has a form for one and for more)."""
    if months == 1:
        text = ngettext("Delete {count} journal entry older than one month, of every customer? This cannot be "
                        "undone.",
                        "Delete {count} journal entries older than one month, of every customer? This cannot be "
                        "undone.", count)
    else:
        text = ngettext("Delete {count} journal entry older than {months} months, of every customer? This cannot "
                        "be undone.",
                        "Delete {count} journal entries older than {months} months, of every customer? This "
                        "cannot be undone.", count)
    return text.format(count=number_text(count), months=months)

