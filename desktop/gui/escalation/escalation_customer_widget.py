"""The escalation's customer: found by name as you type, or typed freely, or left empty.

Picking a customer from the register sets the country and the offering (the view does
that); a name that is not in the register is kept as typed, for the case. It searches
the window's one CustomerIndex, and asks for it only when the agent reaches for the
field (an escalation without a customer never pays for a 100,000-row index).
"""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop.common.i18n import _, country_name
from desktop.gui.widgets.column_widths import fit_columns
from desktop.gui.widgets.customer_finder_widget import register_table
from desktop.gui.widgets.customer_table_model import COUNTRY, NAME, ORG_NUMBER, PHONE, CustomerTableModel
from desktop.gui.widgets.retranslating import Retranslating
from desktop.gui.widgets.wrapped_label import wrapped_label

if TYPE_CHECKING:
    from desktop.gui.operations.register import CustomerSearch, CustomerSummary
    from desktop.gui.widgets.customer_index import CustomerIndex

MATCHES = 6  # rows listed while typing: enough to choose, small enough to keep the form in view
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class EscalationCustomerWidget(Retranslating, QWidget):
    loaded = Signal()  # the register's search is ready
    customerPicked = Signal(object)  # the CustomerSummary picked from the register, or None when dropped

    def __init__(self, index: CustomerIndex | None, parent=None):
        super().__init__(parent)
        self.index = index  # the window's, shared with every other finder
        self._listening = False  # to the index: from the first time the agent reaches for it
        self._fresh = False  # the index has been read since then
        self._picked: CustomerSummary | None = None
        self._setting = False
        self._problem: Callable[[], str] | None = None  # what went wrong, said instead of the note

        self.search_edit = QLineEdit(self)
        self.search_edit.setClearButtonEnabled(True)
        self.label = QLabel(self)
        self.label.setBuddy(self.search_edit)
        self.model = CustomerTableModel(self)
        self.table = register_table(self, "")
        self.table.setModel(self.model)
        fit_columns(self.table, {COUNTRY: ["SE", "NO", "DK", "FI"], ORG_NUMBER: ["556677-8899", "923 609 016"]},
                    stretch=(NAME,))
        self.table.setColumnHidden(PHONE, True)
        rows = self.table.verticalHeader().defaultSectionSize()
        self.table.setFixedHeight(rows * MATCHES + self.table.horizontalHeader().sizeHint().height() + 4)
        self.table.hide()
        self.note = wrapped_label(self, selectable=True)  # who is picked, or that the name is not in the register

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.table)
        layout.addWidget(self.note)

        self.search_edit.textEdited.connect(self._on_edited)
        self.search_edit.textChanged.connect(self._on_changed)
        self.search_edit.installEventFilter(self)
        self.table.installEventFilter(self)
        self.table.clicked.connect(self._pick_index)
        self.table.activated.connect(self._pick_index)
        self.retranslate()

    def retranslate(self) -> None:
        """The static texts and the note in the current language."""
        self.search_edit.setAccessibleName(_("Customer (optional)"))
        self.search_edit.setPlaceholderText(_("Name, org number or phone; or leave empty"))
        self.label.setText(_("C&ustomer:"))
        self.table.setAccessibleName(_("Customers found"))
        self.model.retranslate()
        self.note.setAccessibleName(_("About the customer"))
        self._show_note()

    def controls(self) -> list:
        return [self.search_edit, self.table]

    # --- state -------------------------------------------------------------------------------

    @property
    def picked(self) -> CustomerSummary | None:
        return self._picked

    @property
    def customer_id(self) -> int | None:
        return self._picked.id if self._picked is not None else None

    def name(self) -> str:
        """The customer's name for the case: the picked one's, or the text as typed."""
        return self._picked.name if self._picked is not None else self.search_edit.text().strip()

    def set_customer(self, summary: CustomerSummary | None) -> None:
        """Show `summary` as picked (None: no customer), without asking the register."""
        self._picked, self._problem = summary, None
        self._setting = True
        try:
            self.search_edit.setText(summary.name if summary is not None else "")
            self.search_edit.setCursorPosition(0)  # a long name shows its beginning
        finally:
            self._setting = False
        self.table.hide()
        self._show_note()

    @property
    def search(self) -> CustomerSearch | None:
        return self.index.search if self._fresh else None

    def load(self) -> None:
        """Reach for the register (the shared index): the first time, read it afresh, as a
        finder does when its view opens (customers may have come in since, e.g. from a CSV
        import); from then on it follows every change by itself (CustomerIndex)."""
        if not self._listening:
            self._listening = True
            self.index.loaded.connect(self._on_loaded)
            self.index.failed.connect(self._on_failed)
            self.index.reload()
        elif not self._fresh and not self.index.is_loading:  # the read failed: try again
            self.index.reload()

    def refresh(self) -> None:
        """Read the register again if this field has used it (customers may have changed
        outside this window); the old search answers until the new one is here."""
        if self._listening:
            self.index.refresh()

    def show_problem(self, message: str) -> None:
        self._problem = lambda: _("The customer could not be opened: {reason}").format(reason=message)
        self._show_note()

    # --- loading and searching ------------------------------------------------------------------

    def _on_loaded(self) -> None:
        self._fresh = True
        if self._picked is None:
            self._on_edited(self.search_edit.text())
        self.loaded.emit()

    def _on_failed(self, message: str) -> None:
        self._problem = lambda: _("The customers could not be loaded: {reason}").format(reason=message)
        self._show_note()

    def _on_edited(self, text: str) -> None:
        """The agent typed: drop the pick, list the matches."""
        self._problem = None
        if self._picked is not None:
            self._picked = None
            self.customerPicked.emit(None)
        if self.search is None:
            self.load()
            self._show_note()
            return
        rows = self.search.search(text, limit=MATCHES) if text.strip() else []
        self.model.show(rows)
        self.table.setVisible(bool(rows))
        self._show_note()

    def _on_changed(self, text: str) -> None:
        if not text and not self._setting:  # the clear button
            self._on_edited("")

    def _show_note(self) -> None:
        text = self.search_edit.text().strip()
        picked = self._picked
        if self._problem is not None:
            self.note.setText(self._problem())
        elif picked is not None:
            from desktop.wording.notice import offering_text
            from domain.customers import Offering

            offering = offering_text(Offering(picked.offering)) if picked.offering != "none" \
                else _("no Microsoft support offering recorded")
            # The whole name, however long: the field shows only as much as fits.
            self.note.setText(_("From the register: {name} · {country} · {offering}").format(
                name=picked.name, country=country_name(picked.country), offering=offering))
        elif not text:
            self.note.setText(_("No customer: pick the country and the offering below."))
        elif self.search is None:
            self.note.setText(_("Loading the customers…"))
        elif self.model.rowCount():
            self.note.setText(_("Pick the customer from the list, or keep the name as typed."))
        else:
            self.note.setText(_("Not in the register: the case is saved with the name as typed."))

    # --- picking ---------------------------------------------------------------------------------

    def pick_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self._pick_index(self.model.index(row, NAME))

    def _pick_index(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        summary = self.model.summary(index.row())
        self.set_customer(summary)
        self.search_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.customerPicked.emit(summary)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn and watched is self.search_edit:
            self.load()
        if event.type() != QEvent.Type.KeyPress:
            return super().eventFilter(watched, event)
        key = event.key()
        if watched is self.search_edit and self.table.isVisible() and self.model.rowCount():
            if key == Qt.Key.Key_Down:
                self.table.setFocus(Qt.FocusReason.OtherFocusReason)
                self.table.setCurrentIndex(self.model.index(0, NAME))
                return True
            if key in _ENTER_KEYS:
                self.pick_row(0)
                return True
        elif watched is self.table and key in _ENTER_KEYS:
            self._pick_index(self.table.currentIndex())
            return True
        return super().eventFilter(watched, event)
