"""Escalated cases as a table, most urgent first (domain.services.escalation.list_cases),
with a live countdown: the view calls set_now() on every minute tick, and only the
status column is redrawn.

Times are shown on the customer's country's clock (the store hands them back in UTC).
A breached target stands out twice: the word "Breached" and a red cell. Every text is
worded when asked for, in the current language: on a language switch the view calls
retranslate(), which tells the table that the headers and the cells changed.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from desktop.common.i18n import _
from desktop.gui.widgets.row_table_model import RowTableModel
from desktop.wording import escalation as escalation_text
from desktop.wording.hours import moment_text

if TYPE_CHECKING:
    from desktop.gui.operations.escalation import Case

STATUS, DUE, SEVERITY, CUSTOMER, PRODUCT, COUNTRY, PEOPLE = range(7)
CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
BREACHED_BACKGROUND = "#b71c1c"  # white on it: 6.6:1, in the light and the dark palette
BREACHED_TEXT = "#ffffff"


def on_customer_clock(case: Case, zones: dict) -> Case:
    """The case with its moments in its country desk's zone (as given, if the zone is unknown)."""
    zone = zones.get(case.country)
    if zone is None:
        return case
    return replace(case, opened=case.opened.astimezone(zone), due=case.due.astimezone(zone),
                   responded=case.responded.astimezone(zone) if case.responded else None)


def _headers() -> tuple[str, ...]:
    return (_("Status"), _("Due (customer's time)"), _("Sev."), _("Customer"), _("Product"), _("Country"),
            _("Opened and answered by"))


class CaseTableModel(RowTableModel):
    def __init__(self, parent=None):
        super().__init__(_headers, parent)
        self._now = dt.datetime.now(dt.timezone.utc)
        self._bold = QFont()
        self._bold.setBold(True)

    def show(self, cases: list[Case], zones: dict, now: dt.datetime) -> None:
        """`cases` in list_cases order; `zones` maps a country to its desk's zone."""
        self.beginResetModel()
        self._rows = [on_customer_clock(case, zones) for case in cases]
        self._now = now
        self.endResetModel()

    def set_now(self, now: dt.datetime) -> None:
        """The minute turned: redraw the countdowns (and what has become breached)."""
        self._now = now
        if self._rows:
            self.dataChanged.emit(self.index(0, STATUS), self.index(len(self._rows) - 1, STATUS))

    def case(self, row: int) -> Case:
        return self._rows[row]

    def row_of(self, case_id: int) -> int:
        return next((row for row, case in enumerate(self._rows) if case.id == case_id), -1)

    def status_text(self, row: int) -> str:
        case = self._rows[row]
        return self._text(case, STATUS) if not case.is_open else escalation_text.case_status_text(case, self._now)

    def breached(self, row: int) -> bool:
        case = self._rows[row]
        return case.waiting and case.breached(self._now)

    def open_count(self) -> int:
        """The cases whose clock runs (closed and cancelled ones have none: issue 16)."""
        return sum(1 for case in self._rows if case.waiting)

    def breached_count(self) -> int:
        return sum(1 for row in range(len(self._rows)) if self.breached(row))

    # --- the model ------------------------------------------------------------------------------

    def _text(self, case: Case, column: int) -> str:
        if column == STATUS:
            if not case.is_open:  # issue 16: ended, and why
                if case.status == "closed":
                    return _("Closed: {reason}").format(reason=case.reason)
                return _("Cancelled: {reason}").format(reason=case.reason)
            if case.id is None:  # still in the outbox (issue 15)
                return _("{status} (waiting to send)").format(status=escalation_text.case_status_text(case, self._now))
            return escalation_text.case_status_text(case, self._now)
        if column == DUE:
            return moment_text(case.due, self._now.astimezone(case.due.tzinfo))
        if column == SEVERITY:
            return case.severity
        if column == CUSTOMER:
            return case.customer_name or _("(no customer)")
        if column == PRODUCT:
            return case.product
        if column == PEOPLE:  # issue 15: who opened it, who marked the first response
            return escalation_text.case_people_text(case)
        return case.country

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        case, column = self._rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(case, column)
        if role == CASE_ID_ROLE:
            return case.id
        if column == STATUS and self.breached(index.row()):
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(QColor(BREACHED_BACKGROUND))
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor(BREACHED_TEXT))
        if role == Qt.ItemDataRole.FontRole and column == STATUS and case.waiting:
            return self._bold
        return None
