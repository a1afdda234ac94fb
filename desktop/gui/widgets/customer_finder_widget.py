"""Find a customer as you type: by name, org number, phone or e-mail.

The register may hold 100,000 customers: every finder searches the window's one
CustomerIndex (read and built on the store worker) in memory on the GUI thread, and the
table shows at most MAX_ROWS rows, so each answer fits in a frame.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.common.i18n import _, ngettext
from desktop.gui.widgets.column_widths import fit_columns
from desktop.gui.widgets.customer_table_model import COUNTRY, MAX_ROWS, NAME, ORG_NUMBER, PHONE, CustomerTableModel
from desktop.gui.widgets.retranslating import Retranslating
from desktop.gui.widgets.wrapped_label import wrapped_label
from desktop.wording.notice import number_text

if TYPE_CHECKING:
    from desktop.gui.operations.register import CustomerSearch
    from desktop.gui.widgets.customer_index import CustomerIndex

_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def register_table(parent: QWidget, accessible: str) -> QTableView:
    """A read-only table of whole rows, one picked at a time, compact and keyboard-friendly."""
    table = QTableView(parent)
    table.setAccessibleName(accessible)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)  # Tab leaves the table: the reading order goes on
    table.verticalHeader().hide()
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)  # the tooltip shows the whole text
    table.horizontalHeader().setHighlightSections(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)  # compact, still a click target
    return table


class CustomerFinderWidget(Retranslating, QWidget):
    loaded = Signal()  # the search index is (re)built: searching finds the latest
    customerPicked = Signal(int)  # the agent picked a customer (click, arrow keys, Enter in the search)
    newRequested = Signal()
    detailsRequested = Signal()  # Enter on a picked customer: on to their details

    def __init__(self, index: CustomerIndex, parent=None):
        super().__init__(parent)
        self.index = index  # the window's, shared with every other finder
        self._reloading = False  # this finder asked for a fresh read: not loaded until it is here
        self._marking = False  # marking a row from code: not a pick
        self._marked: int | None = None  # the customer shown next to the list
        self._note: Callable[[], str] = lambda: _("Loading the customers…")  # said again after a switch
        self._phone_width = 0  # the phone column's width while it is hidden for the name's sake

        self.search_edit = QLineEdit(self)
        self.search_edit.setClearButtonEnabled(True)
        self.search_label = QLabel(self)
        self.search_label.setBuddy(self.search_edit)
        self.new_button = QPushButton(self)
        self.model = CustomerTableModel(self)
        self.table = register_table(self, "")  # named in retranslate()
        self.table.setModel(self.model)
        self.note = wrapped_label(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.search_label)
        row.addWidget(self.search_edit, 1)
        row.addWidget(self.new_button)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        self.setTabOrder(self.search_edit, self.new_button)
        self.setTabOrder(self.new_button, self.table)

        self.search_edit.textChanged.connect(self._on_search)
        self.search_edit.installEventFilter(self)
        self.table.installEventFilter(self)
        self.table.viewport().installEventFilter(self)
        self.table.selectionModel().currentRowChanged.connect(self._on_row)
        self.new_button.clicked.connect(self.newRequested)
        index.loaded.connect(self._on_loaded)
        index.failed.connect(self._on_load_failed)
        self.retranslate()

    def retranslate(self) -> None:
        """Texts and column headers in the current language; the search typed and the
        customer marked stay."""
        self.search_edit.setAccessibleName(_("Find a customer"))
        self.search_edit.setPlaceholderText(_("Name, org number, phone or e-mail"))
        self.search_label.setText(_("&Search:"))
        self.new_button.setText(_("Ne&w customer"))
        self.new_button.setAccessibleName(_("New customer"))
        self.table.setAccessibleName(_("Customers found"))
        self.model.retranslate()
        # Widths from the font: ResizeToContents would read every cell on every keystroke.
        # Again after a switch: a header may have grown ("Org number", "Y-tunnus").
        fit_columns(self.table, {
            COUNTRY: ["SE", "NO", "DK", "FI"], ORG_NUMBER: ["556677-8899", "923 609 016"],
            PHONE: ["+358 40 123 4567", "+46 8 123 456 78"]}, stretch=(NAME,))
        self._fit_name_column()
        self.note.setAccessibleName(_("About the customers found"))
        self.note.setText(self._note())
        if self.search is not None and not self.search_edit.text().strip():
            self._on_search("")  # the list by name follows the new language's alphabet

    def _fit_name_column(self) -> None:
        """Issue 16: on a 1024-pixel screen the fixed columns left the name a few pixels
        ("Ä..."). The name is what the agent looks for: when it would get less than
        NAME_MIN_CHARS, the phone column goes (the card shows the phone), and comes back
        when there is room again."""
        header = self.table.horizontalHeader()
        room = self.table.viewport().width() - header.sectionSize(COUNTRY) - header.sectionSize(ORG_NUMBER)
        phone = header.sectionSize(PHONE) if not header.isSectionHidden(PHONE) else self._phone_width
        self._phone_width = phone
        wanted = self.table.fontMetrics().averageCharWidth() * NAME_MIN_CHARS
        self.table.setColumnHidden(PHONE, room - phone < wanted)

    def _show_note(self, note: Callable[[], str]) -> None:
        self._note = note
        self.note.setText(note())

    @property
    def search(self) -> CustomerSearch | None:
        return self.index.search

    @property
    def is_loaded(self) -> bool:
        return self.index.is_loaded and not self._reloading

    # --- loading -------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the register again (a view opening, or a change made outside this window,
        e.g. a CSV import); every other finder follows. Changes made through the
        operations need no call: the index reloads on them by itself."""
        self._reloading = True
        self.index.reload()

    def _on_loaded(self) -> None:
        self._reloading = False
        self._on_search(self.search_edit.text())
        self.loaded.emit()

    def _on_load_failed(self, message: str) -> None:
        self._reloading = False
        self._show_note(lambda: _("The customers could not be loaded: {reason}").format(reason=_(message)))

    # --- searching -----------------------------------------------------------------------

    def _on_search(self, text: str) -> None:
        search = self.search
        if search is None:
            return
        rows = search.search(text, limit=MAX_ROWS)
        self.model.show(rows, by_name=not text.strip())  # the best matches first; else by the alphabet
        shown, total = len(rows), len(search)
        self._show_note(lambda: self.empty_text() if total == 0 else self._note_text(text, shown, total))
        self.mark(self._marked)  # keep the shown customer marked when it is listed

    def empty_text(self) -> str:
        """The note of an empty register; a view without the New customer button (the
        call view) says its own (issue 16: it named a button that view does not have)."""
        return _("No customers yet: add one with New customer, or import a register file with the deskguide "
                 "import command.")

    @staticmethod
    def _note_text(text: str, shown: int, total: int) -> str:
        if not text.strip():
            if total > shown:
                return _("The first {shown} of {total} customers by name: type to find one.").format(
                    shown=number_text(shown), total=number_text(total))
            return ngettext("{n} customer.", "{n} customers.", total).format(n=number_text(total))
        if not shown:
            return _("No customer matches “{text}”. Try part of the name, the org number, the phone or the "
                     "e-mail.").format(text=echoed(text))
        if shown >= MAX_ROWS:
            return _("The best {n} matches: type more to narrow them.").format(n=number_text(shown))
        return ngettext("{n} match.", "{n} matches.", shown).format(n=number_text(shown))

    # --- picking -------------------------------------------------------------------------

    def mark(self, customer_id: int | None) -> None:
        """Mark the customer shown next to the list (not a pick: it does not open it again)."""
        self._marked = customer_id
        row = self.model.row_of(customer_id) if customer_id is not None else -1
        selection = self.table.selectionModel()
        self._marking = True
        try:
            if row < 0:
                selection.clear()
            else:
                index = self.model.index(row, NAME)
                selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                          | QItemSelectionModel.SelectionFlag.Rows)
                self.table.scrollTo(index)
        finally:
            self._marking = False

    def open_row(self, row: int) -> None:
        """Pick the customer on `row`, as a click does."""
        if 0 <= row < self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(row, NAME))

    def _on_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and not self._marking:
            self.customerPicked.emit(self.model.summary(current.row()).id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_name_column()  # the viewport's own size: the table's comes before it
        if event.type() != QEvent.Type.KeyPress:
            return super().eventFilter(watched, event)
        key = event.key()
        if watched is self.search_edit and self.model.rowCount():
            if key == Qt.Key.Key_Down:
                self.table.setFocus(Qt.FocusReason.OtherFocusReason)
                self.open_row(0)
                return True
            if key in _ENTER_KEYS:
                self.open_row(0)  # type, Enter: the best match
                return True
        elif watched is self.table:
            if key == Qt.Key.Key_Up and self.table.currentIndex().row() <= 0:
                self.search_edit.setFocus(Qt.FocusReason.OtherFocusReason)  # back up to keep typing
                return True
            if key in _ENTER_KEYS:
                self.detailsRequested.emit()
                return True
        return super().eventFilter(watched, event)


NAME_MIN_CHARS = 20  # the name column's least width, in average characters, before the phone gives way
ECHO_CHARS = 60  # what the agent typed, said back in a note: enough to recognise it


def echoed(text: str) -> str:
    """Issue 16: a 10,000-character paste filled the note with itself, wrapped over many
    lines. One line of it, cut with an ellipsis, is enough to recognise what was typed."""
    line = " ".join(text.split())
    return line if len(line) <= ECHO_CHARS else line[:ECHO_CHARS - 1].rstrip() + "…"
