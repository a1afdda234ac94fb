"""The "what if" bar: a wall time in one country's time, or back to live with "Now".

The agent thinks in the customer's local time ("Finland, 24 December, 10:00?"), so the
picker holds a wall time plus the country whose clock it is read on; the view turns
that into one instant and shows every desk at it.
"""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
)

from desktop.common.i18n import _
from desktop.gui.platform.settings import default_country
from desktop.gui.widgets.moment_edit import MomentEdit
from desktop.gui.widgets.retranslating import Retranslating
from desktop.wording import hours as hours_text

_ACTIVE_STYLE = "#whatIf { border: 2px solid palette(highlight); border-radius: 6px; }"
_LIVE_STYLE = "#whatIf { border: 1px solid palette(mid); border-radius: 6px; }"


class WhatIfWidget(Retranslating, QFrame):
    momentChosen = Signal(object, str)  # naive wall time, the country whose clock it is
    liveRequested = Signal()
    countryChanged = Signal(str)  # while live: show the picker in that country's time

    def __init__(self, countries: tuple[str, ...], parent=None):
        super().__init__(parent)
        self.setObjectName("whatIf")
        self._active = False

        # A whole typed date and time (issue 16), shown in ISO; the edit holds a naive wall
        # time in the chosen country, not in this PC's zone, so a DST gap reaches the
        # domain, which warns.
        self.datetime_edit = MomentEdit(self)
        self.country_combo = QComboBox(self)
        for country in countries:
            self.country_combo.addItem(country, country)  # labelled in retranslate()
        # The machine's default country (deskguide.ini), set before any signal is connected.
        self.country_combo.setCurrentIndex(max(0, self.country_combo.findData(default_country())))
        self.country_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.now_button = QPushButton(self)

        self.what_if_label = QLabel(self)
        self.what_if_label.setBuddy(self.datetime_edit)
        self.zone_label = QLabel(self)
        self.zone_label.setBuddy(self.country_combo)
        self.mode_label = QLabel(self)
        self.mode_label.setWordWrap(True)
        self.mode_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.warning_label = QLabel(self)
        self.warning_label.setWordWrap(True)
        self.warning_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        row = QHBoxLayout()
        # The field's "understood" line hangs below it; the rest of the row lines up with its box.
        row.addWidget(self.what_if_label, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.datetime_edit, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.zone_label, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.country_combo, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.now_button, 0, Qt.AlignmentFlag.AlignTop)
        row.addStretch(1)
        layout = QGridLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addLayout(row, 0, 0)
        layout.addWidget(self.mode_label, 1, 0)
        layout.addWidget(self.warning_label, 2, 0)

        self.datetime_edit.momentChanged.connect(self._on_edited)
        self.country_combo.currentIndexChanged.connect(self._on_country)
        self.now_button.clicked.connect(self.liveRequested)
        self.setTabOrder(self.datetime_edit, self.country_combo)
        self.setTabOrder(self.country_combo, self.now_button)
        self.show_live(None)
        self.retranslate()

    def retranslate(self) -> None:
        self.datetime_edit.setAccessibleName(_("What-if date and time"))
        self.datetime_edit.setToolTip(_("Pick a date and time to see every desk at that moment"))
        for index in range(self.country_combo.count()):  # setItemText keeps the choice
            self.country_combo.setItemText(index, hours_text.country_name(self.country_combo.itemData(index)))
        self.country_combo.setAccessibleName(_("Country whose time the what-if moment is in"))
        self.now_button.setText(_("&Now"))
        self.now_button.setAccessibleName(_("Back to the live time"))
        self.now_button.setToolTip(_("Show the desks now again, updated every minute"))
        self.what_if_label.setText(_("&What if:"))
        self.zone_label.setText(_("in the &time of:"))
        if not self._active:  # a what-if description is the view's to re-render
            self.mode_label.setText(_live_text())

    @property
    def active(self) -> bool:
        return self._active

    def country(self) -> str:
        return self.country_combo.currentData()

    def wall_time(self) -> dt.datetime:
        return self.datetime_edit.moment()

    def set_country(self, country: str) -> None:
        self.country_combo.setCurrentIndex(self.country_combo.findData(country))

    def set_wall_time(self, wall: dt.datetime, country: str | None = None) -> None:
        """Ask "what if" from code (e.g. a date picked in a calendar), as a user would."""
        if country is not None:
            with QSignalBlocker(self.country_combo):
                self.set_country(country)
        self._set_edit(wall)
        self._on_edited()

    def show_live(self, local_now: dt.datetime | None) -> None:
        """Live mode: the picker follows the clock (unless the agent is typing in it)."""
        self._active = False
        if local_now is not None and not self.datetime_edit.hasFocus():
            self._set_edit(local_now)
        self.mode_label.setText(_live_text())
        self.warning_label.clear()
        self.warning_label.hide()
        self.now_button.setEnabled(False)
        self.setStyleSheet(_LIVE_STYLE)

    def show_what_if(self, description: str, warnings: list[str]) -> None:
        self.mode_label.setText(description)
        self.warning_label.setText("\n".join(_("⚠ Warning: {message}").format(message=_(w)) for w in warnings))
        self.warning_label.setVisible(bool(warnings))
        self.now_button.setEnabled(True)
        self.setStyleSheet(_ACTIVE_STYLE)

    def _set_edit(self, wall: dt.datetime) -> None:
        with QSignalBlocker(self.datetime_edit):
            self.datetime_edit.set_moment(wall)

    def _on_edited(self, *_args) -> None:
        self._active = True
        self.momentChosen.emit(self.wall_time(), self.country())

    def _on_country(self, _index: int) -> None:
        if self._active:  # the same wall time, now read on the other country's clock
            self.momentChosen.emit(self.wall_time(), self.country())
        else:
            self.countryChanged.emit(self.country())


def _live_text() -> str:
    return _("Live: every desk now, updated as the minute turns. Pick a date and time to ask “what if”.")
