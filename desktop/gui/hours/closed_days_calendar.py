"""A month calendar per desk that marks the days it is closed, and names them beside it.

The marks come from the same day plans the answers use (domain.opening_hours.day_plan),
so a weekend, a holiday, an eve and an administrator's closure look alike: closed. The
list beside names the closed days of the month shown (weekends are left out: they are
every week). Clicking a day asks "what if" for that day.

Month and weekday names are Qt's, from the widget's locale, which follows the window's
(desktop.gui.platform.language.apply_language); the closed days' names come from the answers, which
the view hands over again after a language switch.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QDate, QEvent, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QPalette, QTextCharFormat
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QSizePolicy,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.common.i18n import _, format_clock, format_date
from desktop.gui.widgets.moment_edit import MondayCalendarWidget
from desktop.gui.widgets.retranslating import Retranslating
from desktop.gui.widgets.wrapped_label import wrapped_label
from desktop.wording import hours as hours_text

if TYPE_CHECKING:
    from desktop.gui.operations.hours import HoursAnswerer
    from domain.desks import DeskPolicy

CLOSED_TINT = QColor("#d32f2f")
SHORTENED_TINT = QColor("#f9a825")
# How much of the tint goes into the background: enough to see on a light and on a
# dark palette, little enough that the day number (palette text colour) stays legible.
TINT_STRENGTH = 0.38


@dataclass(frozen=True)
class MarkedDay:
    """A row of the list: a closed day (domain ClosedDay) or a day that closes early."""

    date: dt.date
    name: str
    origin: str
    closes_early: bool = False


def _blend(base: QColor, tint: QColor, amount: float) -> QColor:
    return QColor.fromRgbF(*(b + (t - b) * amount for b, t in zip(
        (base.redF(), base.greenF(), base.blueF()), (tint.redF(), tint.greenF(), tint.blueF()))))


class ClosedDaysModel(QAbstractTableModel):
    """The named closed (and shortened) days of one month; the origin as a tooltip."""

    DATE, NAME = range(2)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._days: list[MarkedDay] = []

    def set_days(self, days: list[MarkedDay]) -> None:
        self.beginResetModel()
        self._days = list(days)
        self.endResetModel()

    def day(self, row: int) -> MarkedDay:
        return self._days[row]

    def retranslate(self) -> None:
        """Item models get no LanguageChange: the owner calls this (headers, dates)."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        if self._days:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._days) - 1, self.columnCount() - 1))

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._days)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 2

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        day = self._days[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            # No month: the label above names it, and the names need the width.
            return hours_text.date_text(day.date, "Ed") if index.column() == self.DATE else _(day.name)
        if role == Qt.ItemDataRole.ToolTipRole:
            template = _("{name} ({origin})") if day.closes_early else _("{name}: closed ({origin})")
            return template.format(name=_(day.name), origin=_(day.origin))
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            # Short: the label above the table already says what the rows are, and
            # translations of a longer header clip at 1024 px wide.
            return (_("Date"), _("Reason"))[section]
        return None


class ClosedDaysCalendarWidget(MondayCalendarWidget):
    """A month calendar whose closed days are tinted and bold, from the desk's day plans."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setGridVisible(False)
        self.closed_dates: set[dt.date] = set()
        self.shortened_dates: set[dt.date] = set()
        # The stock red Saturday/Sunday would say "closed" whatever the desk does; the
        # marks below say it only where the day plan does.
        plain = QTextCharFormat()
        for day in Qt.DayOfWeek:
            self.setWeekdayTextFormat(day, plain)

    def mark(self, closed: set[dt.date], shortened: set[dt.date]) -> None:
        self.closed_dates, self.shortened_dates = closed, shortened
        self._apply()

    def _apply(self) -> None:
        self.setDateTextFormat(QDate(), QTextCharFormat())  # a null date clears every mark
        base = self.palette().color(QPalette.ColorRole.Base)
        text = self.palette().color(QPalette.ColorRole.Text)
        for dates, tint in ((self.closed_dates, CLOSED_TINT), (self.shortened_dates, SHORTENED_TINT)):
            fmt = QTextCharFormat()
            fmt.setBackground(_blend(base, tint, TINT_STRENGTH))
            fmt.setForeground(text)
            fmt.setFontWeight(700)
            for day in dates:
                self.setDateTextFormat(QDate(day.year, day.month, day.day), fmt)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # dark mode switched: re-tint
            self._apply()


class CountryCalendarWidget(Retranslating, QWidget):
    """One desk's tab: the calendar, and the month's closed days listed by name."""

    dateClicked = Signal(object)  # dt.date

    def __init__(self, country: str, parent=None):
        super().__init__(parent)
        self.country = country
        self._answerer: HoursAnswerer | None = None
        self.calendar = ClosedDaysCalendarWidget(self)
        self.calendar.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.model = ClosedDaysModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        # Rows as tall as their wrapped names: "Andre dag i påske; ..." must not be cut off.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(ClosedDaysModel.DATE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ClosedDaysModel.NAME, QHeaderView.ResizeMode.Stretch)
        self.month_label = wrapped_label(self)
        self.empty_label = wrapped_label(self)
        self.legend = wrapped_label(self)

        side = QVBoxLayout()
        side.addWidget(self.month_label)
        side.addWidget(self.table, 1)
        side.addWidget(self.empty_label)
        side.addStretch(0)
        left = QVBoxLayout()
        left.addWidget(self.calendar)
        left.addWidget(self.legend)
        left.addStretch(1)
        layout = QHBoxLayout(self)
        # Equal shares: the calendar needs little more than its grid, and the names
        # beside it are long in the Nordic languages ("Självständighetsdagen").
        layout.addLayout(left, 1)
        layout.addLayout(side, 1)
        self.calendar.currentPageChanged.connect(self._show_month)
        # A click, or Enter on a day for keyboard users.
        self.calendar.clicked.connect(lambda day: self.dateClicked.emit(day.toPython()))
        self.calendar.activated.connect(lambda day: self.dateClicked.emit(day.toPython()))
        self.retranslate()

    def retranslate(self) -> None:
        name = hours_text.country_name(self.country)
        self.calendar.setAccessibleName(_("Closed days of the {country} desk").format(country=name))
        self.table.setAccessibleName(_("Closed days of the month shown, {country}").format(country=name))
        self.legend.setText(_("Tinted, bold days: the desk is closed (weekend, holiday, eve or an "
                              "administrator's closure). Amber: it closes early."))
        self._show_month_label()
        self.model.retranslate()

    def set_answerer(self, answerer: HoursAnswerer) -> None:
        self._answerer = answerer
        self._show_month(self.calendar.yearShown(), self.calendar.monthShown())

    def show_date(self, day: dt.date) -> None:
        """Select `day` and page to its month (no click, so no "what if" is asked)."""
        self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))

    def closed_days_shown(self) -> list[MarkedDay]:
        return [self.model.day(row) for row in range(self.model.rowCount())]

    def _show_month_label(self) -> None:
        first = dt.date(self.calendar.yearShown(), self.calendar.monthShown(), 1)
        self.month_label.setText(_("Closed days in {month}").format(month=format_date(first, "LLLL y")))

    def _show_month(self, year: int, month: int) -> None:
        first = dt.date(year, month, 1)
        last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        self._show_month_label()
        if self._answerer is None:
            return
        from domain.opening_hours import day_plan  # already imported by the worker

        policy, calendar = self._answerer.policies[self.country], self._answerer.calendar(self.country)
        named = [MarkedDay(d.date, d.name, d.origin) for d in calendar.closed_days_between(first, last)]
        closed_dates = {d.date for d in named}
        early = [MarkedDay(o.on_date, _("Closes at {time}: {note}").format(time=format_clock(o.closes),
                                                                          note=o.note or _("shortened day")),
                           o.origin(), closes_early=True)
                 for o in _shortened_overrides(policy) if first <= o.on_date <= last and o.on_date not in closed_dates]
        days = sorted(named + early, key=lambda d: d.date)
        self.model.set_days(days)
        self.empty_label.setText(_("No holidays or other closed days this month, apart from weekends.")
                                 if not days else "")
        # An empty table says nothing; a sentence says the month has no closed days.
        self.empty_label.setVisible(not days)
        self.table.setVisible(bool(days))
        # The grid shows up to six weeks, so mark the neighbouring months' days too.
        closed, shortened = set(), set()
        shortened_by_override = {o.on_date for o in _shortened_overrides(policy)}
        day = first - dt.timedelta(days=7)
        while day <= last + dt.timedelta(days=14):
            plan = day_plan(policy, calendar, day)
            if not plan.is_open_day:
                closed.add(day)
            elif day in shortened_by_override and hours_text.is_override(plan.origin):
                shortened.add(day)  # the override really shortened it (not a later close)
            day += dt.timedelta(days=1)
        self.calendar.mark(closed, shortened)


def _shortened_overrides(policy: DeskPolicy) -> list:
    from domain.desks import OverrideKind

    return [o for o in policy.overrides_of(OverrideKind.SHORTENED_DAY) if o.on_date and o.closes]


class ClosedDaysView(Retranslating, QTabWidget):
    """A tab per desk; each pages through its months on its own."""

    dateClicked = Signal(str, object)  # country, dt.date

    def __init__(self, countries: tuple[str, ...], parent=None):
        super().__init__(parent)
        self.pages: dict[str, CountryCalendarWidget] = {}
        for country in countries:
            page = CountryCalendarWidget(country, self)
            page.dateClicked.connect(lambda day, c=country: self.dateClicked.emit(c, day))
            self.pages[country] = page
            self.addTab(page, country)  # named in retranslate()
        self.retranslate()

    def retranslate(self) -> None:
        self.setAccessibleName(_("Closed-day calendars"))
        for index, country in enumerate(self.pages):
            self.setTabText(index, hours_text.country_name(country))

    def set_answerer(self, answerer: HoursAnswerer) -> None:
        for page in self.pages.values():
            page.set_answerer(answerer)

    def show_moment(self, moment: dt.datetime, answerer: HoursAnswerer) -> None:
        """Page every calendar to the moment's local date in its own country."""
        for country, page in self.pages.items():
            page.show_date(moment.astimezone(answerer.policies[country].desk.zone).date())
