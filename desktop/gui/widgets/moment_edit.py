"""A date (or date and time) field that takes the whole value typed at once (issue 16).

Stock QDateTimeEdit edits one section at a time: Ctrl+A, "2025-05-16 10:00" kept the old
year. This field is a line edit read by desktop.common.typed_moment (ISO and the Nordic
forms), with a calendar popup (the button, Alt+Down or F4), a small line under it saying
what it understood in the agent's language ("Fri, 16 May 2025, 10:00"), and a field error
for what is not a date. The value changes when the agent presses Enter or leaves the
field (never half-typed); Escape puts the last value back.

The value is a naive wall time (or a day): whose clock it is on is the caller's business,
never this computer's zone.
"""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QCalendarWidget, QHBoxLayout, QLabel, QLineEdit, QToolButton, QVBoxLayout, QWidget

from desktop.common.i18n import _, format_moment, format_skeleton
from desktop.common.typed_moment import UnreadableMoment, iso_text, parse_typed_moment
from desktop.gui.widgets.field_error_label import FieldErrorLabel
from desktop.gui.widgets.retranslating import Retranslating


class MondayCalendarWidget(QCalendarWidget):
    """A month calendar whose weeks start on Monday, as Nordic weeks do, in every
    language (English's would start on Sunday); month and day names follow the locale."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setFirstDayOfWeek(Qt.DayOfWeek.Monday)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LocaleChange:
            # Qt has just restarted the week on the new locale's first day.
            self.setFirstDayOfWeek(Qt.DayOfWeek.Monday)


class MomentEdit(Retranslating, QWidget):
    momentChanged = Signal(object)  # dt.datetime (with a time) or dt.date (a day field)
    problemChanged = Signal(str)  # what is typed is not a date ("" again once it is)

    def __init__(self, parent: QWidget | None = None, *, with_time: bool = True):
        super().__init__(parent)
        self._with_time = with_time
        now = dt.datetime.now().replace(second=0, microsecond=0)
        self._value: dt.datetime | dt.date = now if with_time else now.date()
        self._minimum: dt.date | None = None
        self._own_tooltip = False  # the caller's tool tip wins over the default one

        self.line_edit = QLineEdit(self)
        self.line_edit.setClearButtonEnabled(False)
        self.calendar_button = QToolButton(self)
        self.calendar_button.setArrowType(Qt.ArrowType.DownArrow)
        self.calendar_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Alt+Down from the field
        self.calendar = MondayCalendarWidget(self)
        self.calendar.setWindowFlags(Qt.WindowType.Popup)
        self.calendar.setGridVisible(False)
        self.understood_label = QLabel(self)
        small = QFont(self.font())
        small.setPointSizeF(self.font().pointSizeF() * 0.9)
        self.understood_label.setFont(small)
        # Quieter than the value, from the palette so it reads on a dark theme too.
        self.understood_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.error_label = FieldErrorLabel(self.line_edit, self)

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        row.addWidget(self.line_edit, 1)
        row.addWidget(self.calendar_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        column.addLayout(row)
        column.addWidget(self.understood_label)
        column.addWidget(self.error_label)
        self.setFocusProxy(self.line_edit)
        # Wide enough for "2025-05-16 10:00" (or "16.5.2025 kl. 10.00" typed over it).
        sample = "16.05.2025 kl. 10.00 " if with_time else "16.05.2025  "
        self.line_edit.setMinimumWidth(self.line_edit.fontMetrics().horizontalAdvance(sample) + 12)

        self.line_edit.editingFinished.connect(self._commit)
        self.line_edit.textEdited.connect(self._preview)
        self.line_edit.installEventFilter(self)
        self.calendar_button.clicked.connect(self.show_calendar)
        self.calendar.clicked.connect(self._on_calendar_day)
        self.calendar.activated.connect(self._on_calendar_day)
        self._show_value()
        self.retranslate()

    # --- the value ---------------------------------------------------------------------------------

    def moment(self) -> dt.datetime | dt.date:
        return self._value

    def day(self) -> dt.date:
        return self._value.date() if isinstance(self._value, dt.datetime) else self._value

    def set_moment(self, value: dt.datetime | dt.date) -> None:
        """Show `value` (a day field takes the day of a datetime); emits momentChanged if it changed."""
        if self._with_time:
            if not isinstance(value, dt.datetime):
                value = dt.datetime.combine(value, dt.time())
            value = value.replace(second=0, microsecond=0, tzinfo=None)
        elif isinstance(value, dt.datetime):
            value = value.date()
        changed = value != self._value
        self._value = value
        self._set_problem("")
        self._show_value()
        if changed:
            self.momentChanged.emit(value)

    def set_minimum(self, day: dt.date | None) -> None:
        self._minimum = day
        self.calendar.setMinimumDate(QDate(day.year, day.month, day.day) if day else QDate(100, 1, 1))

    def problem(self) -> str:
        """The field's error in words ("" while what is typed is a date)."""
        return self.error_label.problem

    # The field is the line edit: what callers say about "the field" goes to it, for screen readers.
    def setAccessibleName(self, name: str) -> None:
        super().setAccessibleName(name)
        self.line_edit.setAccessibleName(name)

    def setToolTip(self, text: str) -> None:
        self._own_tooltip = True
        self.line_edit.setToolTip(text)

    # --- typing ------------------------------------------------------------------------------------

    def _read(self, text: str) -> dt.datetime | dt.date:
        """What `text` means, or UnreadableMoment; the error's words come from _problem."""
        typed = parse_typed_moment(text)
        if typed.time is not None and not self._with_time:
            raise UnreadableMoment("time", text)
        if self._minimum is not None and typed.day < self._minimum:
            raise UnreadableMoment("minimum", text)
        if not self._with_time:
            return typed.day
        # A day alone keeps the time already there: "17.5.2025" moves the call to the next day.
        time = typed.time if typed.time is not None else self._value.time()
        return dt.datetime.combine(typed.day, time)

    def _problem(self, error: UnreadableMoment) -> str:
        if error.kind == "calendar":
            return (_("“{text}” is not a day and time in the calendar") if self._with_time
                    else _("“{text}” is not a day in the calendar")).format(text=error.text.strip())
        if error.kind == "time":
            return _("This field takes a date only, without a time")
        if error.kind == "minimum":
            return _("Pick a day on or after {day}").format(day=iso_text(self._minimum))
        if self._with_time:
            return _("Type a date and time such as 2025-05-16 10:00 or 16.5.2025 10.00")
        return _("Type a date such as 2025-05-16 or 16.5.2025")

    def _set_problem(self, problem: str) -> None:
        if problem != self.error_label.problem:
            self.error_label.show_problem(problem)
            self.problemChanged.emit(problem)

    def _preview(self, text: str) -> None:
        try:
            self._say_understood(self._read(text))
        except UnreadableMoment:
            self.understood_label.setText("")

    def _commit(self) -> None:
        try:
            value = self._read(self.line_edit.text())
        except UnreadableMoment as error:
            self._set_problem(self._problem(error))
            self.understood_label.setText("")
            return
        self.set_moment(value)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.line_edit and event.type() == QEvent.Type.KeyPress:
            key, modifiers = event.key(), event.modifiers()
            if key == Qt.Key.Key_F4 or (key == Qt.Key.Key_Down and modifiers & Qt.KeyboardModifier.AltModifier):
                self.show_calendar()
                return True
            if key == Qt.Key.Key_Escape and self.line_edit.text() != iso_text(self._value):
                self._set_problem("")
                self._show_value()
                return True
        return super().eventFilter(watched, event)

    # --- the calendar ------------------------------------------------------------------------------

    def show_calendar(self) -> None:
        day = self.day()
        self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))
        self.calendar.adjustSize()
        self.calendar.move(self.line_edit.mapToGlobal(self.line_edit.rect().bottomLeft()))
        self.calendar.show()
        self.calendar.setFocus()

    def _on_calendar_day(self, picked: QDate) -> None:
        self.calendar.hide()
        day = picked.toPython()
        value = dt.datetime.combine(day, self._value.time()) if self._with_time else day
        self.set_moment(value)
        self.line_edit.setFocus()

    # --- showing -----------------------------------------------------------------------------------

    def _show_value(self) -> None:
        self.line_edit.setText(iso_text(self._value))
        self._say_understood(self._value)

    def _say_understood(self, value: dt.datetime | dt.date) -> None:
        if isinstance(value, dt.datetime):
            self.understood_label.setText(format_moment(value))
        else:
            self.understood_label.setText(format_skeleton("yMMMEd", value))

    def retranslate(self) -> None:
        self.calendar_button.setToolTip(_("Pick the day in a calendar (Alt+Down)"))
        self.calendar_button.setAccessibleName(_("Open the calendar"))
        self.line_edit.setPlaceholderText("2025-05-16 10:00" if self._with_time else "2025-05-16")
        if not self._own_tooltip:
            self.line_edit.setToolTip(_("Type a date and time such as 2025-05-16 10:00 or 16.5.2025 kl. 10.00")
                                      if self._with_time else _("Type a date such as 2025-05-16 or 16.5.2025"))
        if self.error_label.problem:
            self._commit()  # the error again, in the new language
        else:
            self._say_understood(self._value)
