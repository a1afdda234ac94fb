"""Coming deadlines: every subscription whose notice deadline falls within the next N
days, soonest first, so the agent can call the customers who may want to cancel before
it is too late. Double-click or Enter opens that customer and subscription.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.common.i18n import _, ngettext
from desktop.gui.operations import ChangedElsewhere, register
from desktop.gui.widgets.column_widths import fit_columns
from desktop.gui.widgets.retranslating import Retranslating
from desktop.gui.widgets.row_table_model import RowTableModel
from desktop.gui.widgets.wrapped_label import wrapping_policy
from desktop.wording.notice import day_text, days_left_text, number_text

if TYPE_CHECKING:
    from desktop.gui.operations.register import Deadline
    from desktop.gui.platform.store_worker import StoreWorker

# The list shows the soonest ones and says how many there are in all.
SHOWN_AT_MOST = 500
DEADLINE, DAYS_LEFT, CUSTOMER, PRODUCT = range(4)
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def _headers() -> tuple[str, ...]:
    return _("Deadline"), _("Days left"), _("Customer"), _("Product")


class DeadlinesModel(RowTableModel):
    def __init__(self, parent=None):
        super().__init__(_headers, parent)

    def show(self, rows: list[Deadline]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def deadline(self, row: int) -> Deadline:
        return self._rows[row]

    def deadlines(self) -> list[Deadline]:
        return list(self._rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        entry = self._row_at(index)
        if entry is None:
            return None
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            if column == DEADLINE:
                return day_text(entry.notice_deadline)
            if column == DAYS_LEFT:
                return str(entry.days_left) if role == Qt.ItemDataRole.DisplayRole else days_left_text(entry.days_left)
            if column == CUSTOMER:
                return entry.customer_name
            return entry.product
        if role == Qt.ItemDataRole.TextAlignmentRole and column == DAYS_LEFT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class ComingDeadlinesWidget(Retranslating, QWidget):
    openRequested = Signal(int, int)  # customer id, subscription id
    loaded = Signal()

    def __init__(self, worker: StoreWorker, today: Callable[[], dt.date], parent=None):
        super().__init__(parent)
        self.worker = worker
        self.today = today
        self._pending = False  # a reload asked while one runs: run once more after it
        self._note: Callable[[], str] = lambda: ""  # said again after a language switch

        self.days_spin = QSpinBox(self)
        from desktop.gui.platform.settings import MAX_DEADLINE_DAYS, MIN_DEADLINE_DAYS, Settings, settings_changed

        self.days_spin.setRange(MIN_DEADLINE_DAYS, MAX_DEADLINE_DAYS)
        self.days_spin.setValue(Settings().deadline_days)  # the agent's choice in Settings
        settings_changed.changed.connect(self._on_setting)
        self.days_label = QLabel(self)
        self.days_label.setWordWrap(True)  # Finnish runs long: the label wraps, the spin box keeps its room
        self.days_label.setBuddy(self.days_spin)
        self.model = DeadlinesModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)  # the tooltip has the whole name
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setSizePolicy(wrapping_policy())

        bar = QHBoxLayout()
        bar.addWidget(self.days_label, 1)
        bar.addWidget(self.days_spin)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        self.setTabOrder(self.days_spin, self.table)

        self.days_spin.valueChanged.connect(self._on_days)
        self.table.doubleClicked.connect(self._open_index)
        self.table.installEventFilter(self)
        self._running = False
        self._stale = True  # read when first shown
        worker.changed_elsewhere.connect(self._on_elsewhere)
        self.retranslate()

    def _on_setting(self, key: str) -> None:
        from desktop.gui.platform.settings import DEADLINE_DAYS, Settings

        if key == DEADLINE_DAYS:
            self.days_spin.setValue(Settings().deadline_days)

    def retranslate(self) -> None:
        """Texts, headers and dates in the current language; the look-ahead and the row picked stay."""
        self.days_label.setText(_("Deadlines within the next:"))
        self.days_spin.setAccessibleName(_("Look ahead, in days"))
        self._show_days_suffix()
        self.table.setAccessibleName(_("Coming notice deadlines"))
        self.model.retranslate()
        # A long list (a big register has thousands of deadlines a month): widths from the font,
        # again after a switch (each language writes its dates its own way).
        fit_columns(self.table, {DEADLINE: [day_text(dt.date(2026, 9, 30)), day_text(dt.date(2026, 5, 31))],
                                 DAYS_LEFT: ["400"]}, stretch=(CUSTOMER, PRODUCT))
        self.note.setAccessibleName(_("About the coming deadlines"))
        self.note.setText(self._note())

    def _show_days_suffix(self) -> None:
        # Translators: after the number in the look-ahead box ("45 days"); keep the leading space.
        self.days_spin.setSuffix(ngettext(" day", " days", self.days))

    def _on_days(self, _days: int) -> None:
        self._show_days_suffix()
        self.reload()

    def _show_note(self, note: Callable[[], str]) -> None:
        self._note = note
        self.note.setText(note())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    @property
    def days(self) -> int:
        return self.days_spin.value()

    def reload(self) -> None:
        """Read the deadlines again (after a save, or when N changes); while the list is
        not on screen, only remember to, so the worker stays free while the agent types
        in the search (a big register has thousands of deadlines a month)."""
        self._stale = True
        if not self.isVisible():
            return
        self._stale = False
        if self._running:
            self._pending = True
            return
        self._running = True
        if not self.model.rowCount():
            self._show_note(lambda: _("Loading the deadlines…"))
        today, days = self.today(), self.days
        self.worker.run(lambda store: register.coming_deadlines(store, today, days, SHOWN_AT_MOST),
                        self._on_loaded, self._on_failed)

    def _on_elsewhere(self, news: ChangedElsewhere) -> None:
        # A colleague's subscription or customer (issue 15, "Live"): read again when shown.
        if news.touches("subscription") or news.touches("customer"):
            self.reload()

    def _on_loaded(self, result: tuple[list[Deadline], int]) -> None:
        deadlines, total = result
        self._running = False
        if self._pending:
            self._pending = False
            self.reload()
            return
        self.model.show(deadlines)
        shown, days = len(deadlines), self.days
        self._show_note(lambda: _deadlines_note(shown, total, days))
        self.loaded.emit()

    def _on_failed(self, message: str) -> None:
        self._running = False
        self._pending = False
        self._show_note(lambda: _("The deadlines could not be loaded: {reason}").format(reason=_(message)))

    def open_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            entry = self.model.deadline(row)
            self.openRequested.emit(entry.customer_id, entry.subscription_id)

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_row(index.row())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() == QEvent.Type.KeyPress and event.key() in _ENTER_KEYS:
            self._open_index(self.table.currentIndex())  # the same on every platform
            return True
        return super().eventFilter(watched, event)


def _deadlines_note(shown: int, total: int, days: int) -> str:
    """How many deadlines the list holds (and how many there are), in the current language."""
    if total > shown:
        # More than SHOWN_AT_MOST (hundreds): always the plural.
        return _("The {shown} soonest of {n} notice deadlines in the next {days} days. Double-click or press "
                 "Enter to open the customer.").format(shown=number_text(shown), n=number_text(total), days=days)
    if shown:
        return ngettext("{n} notice deadline in the next {days} days. Double-click or press Enter to open the "
                        "customer.",
                        "{n} notice deadlines in the next {days} days. Double-click or press Enter to open the "
                        "customer.", shown).format(n=number_text(shown), days=days)
    return _("No notice deadline in the next {days} days.").format(days=days)
