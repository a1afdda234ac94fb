"""Opening hours: is each desk open, until when, when does it open next, and why.

Four cards show the same instant: now (following the clock), or a "what if" moment
picked as a wall time in one country. Below them, each desk's closed-day calendar and
a note on where every rule comes from. All answers are computed from the policies the
HoursModel loaded once; nothing here touches the store.

After a language switch the view asks the model again (its answers then name the
closed days in the new language) and re-renders from its own state: the what-if moment
and country, the month each calendar shows and the tab chosen are kept.
"""
from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QTextBrowser, QVBoxLayout, QWidget

from desktop.common.i18n import _
from desktop.gui.hours.closed_days_calendar import ClosedDaysView
from desktop.gui.hours.what_if_widget import WhatIfWidget
from desktop.gui.widgets.desk_card import DeskCardWidget
from desktop.gui.widgets.hours_model import HoursModel
from desktop.gui.widgets.retranslating import Retranslating
from desktop.gui.widgets.scrolling import scroll_whole_view
from desktop.wording import hours as hours_text
from desktop.wording.hours_note import about_hours_html
from domain.desks import COUNTRIES


class HoursView(Retranslating, QWidget):
    def __init__(self, model: HoursModel, parent=None):
        super().__init__(parent)
        self.model = model
        self._what_if: tuple[dt.datetime, str] | None = None  # wall time, whose clock
        self._shown_at: dt.datetime | None = None

        self.what_if = WhatIfWidget(COUNTRIES, self)
        self.what_if.setEnabled(False)
        self.cards = {country: DeskCardWidget(country, self) for country in COUNTRIES}
        self.calendars = ClosedDaysView(COUNTRIES, self)
        self.note = QTextBrowser(self)
        self.note.setOpenLinks(False)
        self.note.setMinimumHeight(160)

        cards = QHBoxLayout()
        cards.setSpacing(10)
        for card in self.cards.values():
            card.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
            cards.addWidget(card, 1)
        lower = QHBoxLayout()
        lower.addWidget(self.calendars, 3)
        lower.addWidget(self.note, 2)
        content = QWidget(self)
        column = QVBoxLayout(content)
        column.setContentsMargins(12, 12, 12, 12)
        column.setSpacing(10)
        column.addWidget(self.what_if)
        column.addLayout(cards)
        column.addLayout(lower, 1)
        scroll_whole_view(self, content)

        # Reading order: the question first, then the answers, then the background.
        self.setTabOrder(self.what_if.now_button, self.calendars)
        self.setTabOrder(self.calendars, self.note)

        self.what_if.momentChosen.connect(self._on_moment_chosen)
        self.what_if.liveRequested.connect(self.show_live)
        self.what_if.countryChanged.connect(lambda _country: self.refresh())
        self.calendars.dateClicked.connect(self._on_date_clicked)
        model.loaded.connect(self._on_loaded)
        model.provisional_loaded.connect(self._show_answers)
        model.failed.connect(self._on_failed)
        model.ticked.connect(self._on_tick)
        self.retranslate()
        if model.answerer is not None:
            self._on_loaded()
        else:
            self._show_answers()

    def retranslate(self) -> None:
        self.note.setAccessibleName(_("About these hours"))
        self.note.setPlaceholderText(_("Loading…"))

    def changeEvent(self, event) -> None:
        super().changeEvent(event)  # LanguageChange: retranslate()
        if event.type() == QEvent.Type.LanguageChange:
            self._show_answers()  # before the children retranslate: they show these answers

    # --- what the view shows -----------------------------------------------------

    @property
    def is_live(self) -> bool:
        return self._what_if is None

    @property
    def shown_at(self) -> dt.datetime | None:
        """The instant every card shows (None until the desks are loaded)."""
        return self._shown_at

    def show_live(self) -> None:
        self._what_if = None
        self.refresh()
        if self._shown_at is not None and self.model.answerer is not None:
            self.calendars.show_moment(self._shown_at, self.model.answerer)

    def show_what_if(self, wall: dt.datetime, country: str) -> None:
        """Every desk at the instant `wall` is on `country`'s clock."""
        self.what_if.set_wall_time(wall, country)

    def refresh(self) -> None:
        answerer = self.model.answerer
        if answerer is None:
            return
        from domain.opening_hours import resolve_wall_time  # imported by the worker already

        warnings: tuple = ()
        if self._what_if is None:
            instant = self.model.now()
        else:
            wall, country = self._what_if
            instant, warnings = resolve_wall_time(wall, answerer.policies[country])
        self._shown_at = instant
        for status in answerer.statuses(instant):
            if self._what_if is not None and status.country == self._what_if[1] and warnings:
                status = dataclasses.replace(status, warnings=warnings + status.warnings)
            self.cards[status.country].show_status(status, what_if=self._what_if is not None)
        if self._what_if is None:
            zone = answerer.policies[self.what_if.country()].desk.zone
            self.what_if.show_live(instant.astimezone(zone).replace(tzinfo=None))
        else:
            country = self._what_if[1]
            local = instant.astimezone(answerer.policies[country].desk.zone)
            self.what_if.show_what_if(
                _("Showing {moment}, {country} time: every desk below is at this same instant. "
                  "Press Now to go back to live.").format(
                    moment=hours_text.moment_text(local, with_year=True), country=hours_text.country_name(country)),
                [w.message for w in warnings])

    # --- signals -----------------------------------------------------------------

    def _show_answers(self) -> None:
        """Everything the answers say, in the current language: the desks' answers once
        loaded, else why there are none (yet)."""
        answerer = self.model.answerer
        if answerer is not None:
            self.what_if.setEnabled(True)
            self.calendars.set_answerer(answerer)
            self.note.setHtml(about_hours_html(answerer.policies))
            self.refresh()
        elif self.model.error:
            self._on_failed(self.model.error)
        elif self.model.provisional is not None:
            # Issue 17: the reference hours until the store's come, each card warning that
            # they are provisional; no what-if and no calendars on them.
            for status in self.model.provisional_statuses(self.model.now()):
                self.cards[status.country].show_status(status, what_if=False)
        else:
            for card in self.cards.values():
                card.show_message(_("Loading…"))

    def _on_loaded(self) -> None:
        first_load = self._shown_at is None
        self._show_answers()
        if first_load:
            self.calendars.show_moment(self._shown_at, self.model.answerer)

    def _on_failed(self, message: str) -> None:
        if self.model.answerer is not None:
            return  # a failed reload: keep showing what was loaded; the window shows the error
        for card in self.cards.values():
            card.show_message(_("Not available: the desks could not be loaded."))
        self.note.setPlainText(message)

    def _on_tick(self) -> None:
        if self.model.answerer is None:
            self._show_answers()  # provisional answers follow the clock too
        elif self.is_live:  # a what-if moment stays put until the agent presses Now
            self.refresh()

    def _on_moment_chosen(self, wall: dt.datetime, country: str) -> None:
        self._what_if = (wall, country)
        self.refresh()
        if self.model.answerer is not None:
            self.calendars.show_moment(self._shown_at, self.model.answerer)

    def _on_date_clicked(self, country: str, day: dt.date) -> None:
        self.what_if.set_wall_time(dt.datetime.combine(day, self.what_if.wall_time().time()), country)
