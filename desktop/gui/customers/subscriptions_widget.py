"""One customer's subscriptions: the table with each one's next notice deadline, and
the buttons to add, change and delete them. The view does the store work; this box
says what the agent asked for and which subscription is picked.
"""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QHeaderView, QPushButton, QVBoxLayout

from desktop.common.i18n import _
from desktop.gui.customers.subscriptions_model import DEADLINE, PRODUCT, SubscriptionsModel
from desktop.gui.widgets.customer_finder_widget import register_table
from desktop.gui.widgets.retranslating import Retranslating
from desktop.gui.widgets.wrapped_label import wrapped_label

if TYPE_CHECKING:
    from domain.customers import CustomerRecord, Subscription

_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
MAX_VISIBLE_ROWS = 6  # more, and the table scrolls instead of pushing the answer down


class SubscriptionsWidget(Retranslating, QGroupBox):
    picked = Signal()  # the agent picked another subscription (or none)
    addRequested = Signal()
    changeRequested = Signal()
    deleteRequested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._record: CustomerRecord | None = None
        self._marking = False

        self.model = SubscriptionsModel(self)
        self.table = register_table(self, "")  # named in retranslate()
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        for column in range(self.model.columnCount()):  # a customer has a handful: reading them is cheap
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(PRODUCT, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(48)
        # Issue 16: on a 1024-pixel screen the deadline, the column this table is read for,
        # was scrolled off to the right; it is shown next to the product (the model's
        # columns keep their numbers).
        header.moveSection(header.visualIndex(DEADLINE), 1)
        self.add_button = QPushButton(self)
        self.change_button = QPushButton(self)
        self.delete_button = QPushButton(self)
        self.note = wrapped_label(self)

        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        buttons = QHBoxLayout()
        buttons.addWidget(self.note, 1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.change_button)
        buttons.addWidget(self.delete_button)
        layout.addLayout(buttons)
        for before, after in zip(self.controls(), self.controls()[1:]):
            self.setTabOrder(before, after)

        self.table.selectionModel().currentRowChanged.connect(self._on_row)
        self.table.doubleClicked.connect(lambda _index: self.changeRequested.emit())
        self.table.installEventFilter(self)
        self.add_button.clicked.connect(self.addRequested)
        self.change_button.clicked.connect(self.changeRequested)
        self.delete_button.clicked.connect(self.deleteRequested)
        self.retranslate()
        self.show_record(None, dt.date.today())

    def retranslate(self) -> None:
        """Texts, headers and cells in the current language; the subscription picked stays."""
        self.setTitle(_("Subscriptions"))
        self.setAccessibleName(_("Subscriptions"))
        self.table.setAccessibleName(_("Subscriptions"))
        self.add_button.setText(_("&Add subscription…"))
        self.add_button.setAccessibleName(_("Add a subscription"))
        self.change_button.setText(_("&Change…"))
        self.change_button.setAccessibleName(_("Change the subscription"))
        self.delete_button.setText(_("De&lete…"))
        self.delete_button.setAccessibleName(_("Delete the subscription"))
        self.note.setAccessibleName(_("About the subscriptions"))
        self.model.retranslate()
        self._update()

    def controls(self) -> list:
        return [self.table, self.add_button, self.change_button, self.delete_button]

    def current(self) -> Subscription | None:
        index = self.table.currentIndex()
        if not index.isValid() or self._record is None:
            return None
        return self.model.subscription(index.row())

    def show_record(self, record: CustomerRecord | None, today: dt.date, select: int | None = None) -> None:
        """`record`'s subscriptions, `select` picked (else the first); None: a customer not saved yet."""
        self._record = record
        self.model.show(record.subscriptions if record is not None else (), today)
        row = self.model.row_of(select) if select is not None else -1
        if row < 0 and self.model.rowCount():
            row = 0
        self._mark(row)
        self._update()

    def select(self, subscription_id: int) -> None:
        self._mark(self.model.row_of(subscription_id))
        self._update()

    def _mark(self, row: int) -> None:
        self._marking = True
        try:
            if row < 0:
                self.table.selectionModel().clear()
            else:
                index = self.model.index(row, PRODUCT)
                self.table.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
                self.table.scrollTo(index)
        finally:
            self._marking = False

    def _on_row(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._marking:
            self._update()
            self.picked.emit()

    def _update(self) -> None:
        record = self._record
        picked = self.current() is not None
        self.add_button.setEnabled(record is not None)
        self.change_button.setEnabled(picked)
        self.delete_button.setEnabled(picked)
        self.table.setVisible(record is not None and bool(record.subscriptions))
        if record is None:
            note = _("Save the customer first, then add their subscriptions.")
        elif not record.subscriptions:
            note = _("No subscriptions yet: add one with Add subscription.")
        else:
            note = ""
        self.note.setText(note)
        self.note.setVisible(bool(note))
        self.fit_height()

    # --- height: every row in sight, nothing squeezed ------------------------------------------

    def fit_height(self) -> None:
        """Tall enough for every row up to MAX_VISIBLE_ROWS, so none hides below the fold."""
        table = self.table
        rows = max(1, min(MAX_VISIBLE_ROWS, self.model.rowCount()))
        row_height = table.verticalHeader().defaultSectionSize()
        # The header's size hint undercounts its padding in some styles: a row's height is the floor.
        header = max(table.horizontalHeader().sizeHint().height(), row_height)
        height = header + rows * row_height + 2 * table.frameWidth() + 2
        if self._columns_width() > table.width() - 2 * table.frameWidth():
            height += table.horizontalScrollBar().sizeHint().height()  # a narrow window: the columns scroll
        table.setFixedHeight(height)

    def _columns_width(self) -> int:
        table, header = self.table, self.table.horizontalHeader()
        widths = [max(header.sectionSizeHint(column), table.sizeHintForColumn(column))
                  for column in range(self.model.columnCount())]
        widths[PRODUCT] = header.minimumSectionSize() * 3  # the product column stretches, down to this
        return sum(widths)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() == QEvent.Type.KeyPress and event.key() in _ENTER_KEYS:
            self.changeRequested.emit()
            return True
        return super().eventFilter(watched, event)
