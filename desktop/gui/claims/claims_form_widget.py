"""The claim's question (issue 19): which service, the customer's country (whose clock
the outage is on), the outage as a start and an end or as minutes in a month, and two
facts that change the answer: data was lost, the customer claimed through Microsoft's
portal.

The start and end are wall times on the customer's clock (the app's MomentEdit, as the
escalation's opening); the view applies the country's zone, never this computer's. The
month is the start's; given as minutes, the month is typed (YYYY-MM).
"""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.common.i18n import _
from desktop.gui.widgets.buddy_label import buddy_label
from desktop.gui.widgets.country_combo import CountryCombo
from desktop.gui.widgets.field_error_label import FieldErrorLabel
from desktop.gui.widgets.moment_edit import MomentEdit
from desktop.gui.widgets.retranslating import Retranslating
from desktop.gui.widgets.wrapped_label import wrapped_label

MOST_MINUTES = 31 * 24 * 60  # the longest month; the domain refuses more than the month has
DEFAULT_HOURS = 4  # a new outage: a morning's worth, the call the issue starts from


class ClaimsFormWidget(Retranslating, QWidget):
    changed = Signal()  # an input of the claim changed: answer again

    def __init__(self, parent=None):
        super().__init__(parent)
        self._build()
        self._lay_out()
        self._connect()
        self.retranslate()
        self._show_mode()

    def _build(self) -> None:
        self.outage_box = QGroupBox(self)
        self.service_combo = QComboBox(self.outage_box)
        self.service_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.service_error = FieldErrorLabel(self.service_combo, self.outage_box)
        self.country_combo = CountryCombo(self.outage_box)
        self.country_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        # How the outage is given: start and end (the usual), or minutes in a month.
        self.times_radio = QRadioButton(self.outage_box)
        self.minutes_radio = QRadioButton(self.outage_box)
        self.mode_group = QButtonGroup(self)
        self.mode_group.addButton(self.times_radio)
        self.mode_group.addButton(self.minutes_radio)
        self.times_radio.setChecked(True)

        self.start_edit = MomentEdit(self.outage_box)
        self.end_edit = MomentEdit(self.outage_box)
        self.end_error = FieldErrorLabel(self.end_edit, self.outage_box)
        self.zone_label = wrapped_label(self.outage_box)

        self.minutes_spin = QSpinBox(self.outage_box)
        self.minutes_spin.setRange(0, MOST_MINUTES)
        self.minutes_spin.setSingleStep(15)
        self.minutes_spin.setValue(DEFAULT_HOURS * 60)
        self.minutes_spin.setGroupSeparatorShown(True)
        self.minutes_error = FieldErrorLabel(self.minutes_spin, self.outage_box)
        self.month_edit = QLineEdit(self.outage_box)
        self.month_edit.setPlaceholderText("2026-11")
        self.month_edit.setMaxLength(7)
        self.month_error = FieldErrorLabel(self.month_edit, self.outage_box)

        self.data_loss_check = QCheckBox(self.outage_box)
        self.portal_check = QCheckBox(self.outage_box)

        self.service_label = buddy_label(self.service_combo, self.outage_box)
        self.country_label = buddy_label(self.country_combo, self.outage_box)
        self.start_label = buddy_label(self.start_edit, self.outage_box)
        self.end_label = buddy_label(self.end_edit, self.outage_box)
        self.minutes_label = buddy_label(self.minutes_spin, self.outage_box)
        self.month_label = buddy_label(self.month_edit, self.outage_box)

    def _lay_out(self) -> None:
        form = QFormLayout(self.outage_box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        service_column = QVBoxLayout()
        service_column.setSpacing(2)
        service_column.addWidget(self.service_combo)
        service_column.addWidget(self.service_error)
        form.addRow(self.service_label, service_column)
        form.addRow(self.country_label, self.country_combo)
        modes = QHBoxLayout()
        modes.addWidget(self.times_radio)
        modes.addWidget(self.minutes_radio)
        modes.addStretch(1)
        form.addRow("", modes)

        self.times_rows = QWidget(self.outage_box)
        times = QFormLayout(self.times_rows)
        times.setContentsMargins(0, 0, 0, 0)
        times.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        times.addRow(self.start_label, self.start_edit)
        end_column = QVBoxLayout()
        end_column.setSpacing(2)
        end_column.addWidget(self.end_edit)
        end_column.addWidget(self.end_error)
        end_column.addWidget(self.zone_label)
        times.addRow(self.end_label, end_column)
        form.addRow(self.times_rows)

        self.minutes_rows = QWidget(self.outage_box)
        minutes = QFormLayout(self.minutes_rows)
        minutes.setContentsMargins(0, 0, 0, 0)
        minutes.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        minutes_column = QVBoxLayout()
        minutes_column.setSpacing(2)
        minutes_column.addWidget(self.minutes_spin)
        minutes_column.addWidget(self.minutes_error)
        minutes.addRow(self.minutes_label, minutes_column)
        month_column = QVBoxLayout()
        month_column.setSpacing(2)
        month_column.addWidget(self.month_edit)
        month_column.addWidget(self.month_error)
        minutes.addRow(self.month_label, month_column)
        form.addRow(self.minutes_rows)

        form.addRow("", self.data_loss_check)
        form.addRow("", self.portal_check)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.outage_box)
        layout.addStretch(1)

    def _connect(self) -> None:
        self.service_combo.currentIndexChanged.connect(lambda _index: self.changed.emit())
        self.country_combo.currentIndexChanged.connect(lambda _index: self.changed.emit())
        self.times_radio.toggled.connect(self._on_mode)
        for edit in (self.start_edit, self.end_edit):
            edit.momentChanged.connect(lambda _value: self.changed.emit())
        self.minutes_spin.valueChanged.connect(lambda _value: self.changed.emit())
        self.month_edit.textChanged.connect(lambda _text: self.changed.emit())
        self.data_loss_check.toggled.connect(lambda _checked: self.changed.emit())
        self.portal_check.toggled.connect(lambda _checked: self.changed.emit())

    def retranslate(self) -> None:
        self.outage_box.setTitle(_("The outage"))
        self.service_label.setText(_("Ser&vice:"))
        self.service_combo.setAccessibleName(_("Service that was down"))
        self.country_label.setText(_("Cou&ntry:"))
        self.country_combo.setAccessibleName(_("Customer's country: the outage is on its clock"))
        self.country_combo.retranslate()
        self.times_radio.setText(_("Start and &end"))
        self.minutes_radio.setText(_("&Minutes"))
        self.start_label.setText(_("&Start:"))
        self.start_edit.setAccessibleName(_("Outage start, on the customer's clock"))
        self.end_label.setText(_("En&d:"))
        self.end_edit.setAccessibleName(_("Outage end, on the customer's clock"))
        self.zone_label.setAccessibleName(_("Clock the outage is shown on"))
        self.minutes_label.setText(_("Minu&tes down:"))
        self.minutes_spin.setAccessibleName(_("Minutes the service was down"))
        self.minutes_spin.setSuffix(_(" min"))
        self.month_label.setText(_("M&onth:"))
        self.month_edit.setAccessibleName(_("Month of the outage, YYYY-MM"))
        self.data_loss_check.setText(_("Dat&a was lost"))
        self.data_loss_check.setAccessibleName(_("The customer lost data in the outage"))
        self.portal_check.setText(_("Claimed through Microsoft's &portal"))
        self.portal_check.setAccessibleName(_("The customer claimed through Microsoft's or another portal"))

    def controls(self) -> list[QWidget]:
        """The question's fields in reading (and tab) order."""
        return [self.service_combo, self.country_combo, self.times_radio, self.minutes_radio, self.start_edit,
                self.end_edit, self.minutes_spin, self.month_edit, self.data_loss_check, self.portal_check]

    # --- values --------------------------------------------------------------------------

    def set_services(self, services: list[tuple[str, str]]) -> None:
        """(code, name) per service, in the data's order; the pick stays if it is there."""
        current = self.service()
        with QSignalBlocker(self.service_combo):
            self.service_combo.clear()
            for code, name in services:
                self.service_combo.addItem(name, code)
            self.set_service(current or (services[0][0] if services else ""))

    def service(self) -> str | None:
        return self.service_combo.currentData()

    def set_service(self, service: str) -> None:
        index = self.service_combo.findData(service)
        if index >= 0:
            self.service_combo.setCurrentIndex(index)

    def country(self) -> str:
        return self.country_combo.currentData()

    def set_country(self, country: str) -> None:
        index = self.country_combo.findData(country)
        if index >= 0:
            self.country_combo.setCurrentIndex(index)

    def by_minutes(self) -> bool:
        return self.minutes_radio.isChecked()

    def set_by_minutes(self, by_minutes: bool) -> None:
        (self.minutes_radio if by_minutes else self.times_radio).setChecked(True)

    def start_wall(self) -> dt.datetime:
        return self.start_edit.moment()

    def end_wall(self) -> dt.datetime:
        return self.end_edit.moment()

    def set_times(self, start: dt.datetime, end: dt.datetime) -> None:
        """The outage as wall times on the customer's clock (naive)."""
        with QSignalBlocker(self.start_edit), QSignalBlocker(self.end_edit):
            self.start_edit.set_moment(start)
            self.end_edit.set_moment(end)
        self.changed.emit()

    def minutes(self) -> int:
        return self.minutes_spin.value()

    def set_minutes(self, minutes: int, month: str) -> None:
        with QSignalBlocker(self.minutes_spin), QSignalBlocker(self.month_edit):
            self.minutes_spin.setValue(minutes)
            self.month_edit.setText(month)
        self.changed.emit()

    def month(self) -> str:
        return self.month_edit.text().strip()

    def data_loss(self) -> bool:
        return self.data_loss_check.isChecked()

    def wrong_portal(self) -> bool:
        return self.portal_check.isChecked()

    # --- what the view says back -----------------------------------------------------------

    def show_zone(self, text: str) -> None:
        self.zone_label.setText(text)

    def show_problems(self, problems: dict[str, str]) -> None:
        """Each field's problem ("" or missing: fine), by the domain's field names."""
        self.service_error.show_problem(problems.get("service", ""))
        self.end_error.show_problem(problems.get("end", "") or problems.get("start", ""))
        self.minutes_error.show_problem(problems.get("outage_minutes", ""))
        self.month_error.show_problem(problems.get("month", ""))

    def _on_mode(self, _checked: bool) -> None:
        self._show_mode()
        self.changed.emit()

    def _show_mode(self) -> None:
        by_minutes = self.by_minutes()
        self.times_rows.setVisible(not by_minutes)
        self.minutes_rows.setVisible(by_minutes)
