"""The desks' answers for every view, and the minute tick that keeps them current.

The policies are read once through the store worker; after that every answer is
computed on the GUI thread from plain values (pure, no database), so neither the tick
nor the what-if picker costs any I/O and each answer fits in a frame. The tick is a
single-shot timer re-armed for the next minute boundary: "open until 17:00" turns to
"closed" at 17:00:00, not up to a minute late, and there is no polling loop.

The answers name closed days in the current language (desktop.common.i18n): after a language
switch the first question gets an answerer in the new language, sharing the loaded
policies and the closed-day caches (HoursAnswerer.in_language).
Naming a few years of holidays takes milliseconds, so this needs no worker job, and
it does not matter which view asks first after the switch.
"""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.common.i18n import current_locale
from desktop.gui.operations import hours
from desktop.gui.platform.store_worker import Clock, StoreWorker, utc_now

if TYPE_CHECKING:
    from desktop.gui.operations.hours import HoursAnswerer
    from domain.desks import DeskPolicy
    from domain.opening_hours import DeskStatus

# Fire a little after the minute turns, so a coarse timer never lands just before it.
TICK_MARGIN_MS = 150


class HoursModel(QObject):
    loaded = Signal()  # policies (re)loaded: the answers may all have changed
    # Issue 17: reference answers before the store is open (`provisional`), for the status
    # bar and the hours view's cards only; `answerer` stays None until the store's own.
    provisional_loaded = Signal()
    failed = Signal(str)
    ticked = Signal()  # the minute turned: live answers may have changed

    def __init__(self, worker: StoreWorker, clock: Clock = utc_now, parent: QObject | None = None):
        super().__init__(parent)
        self.worker = worker
        self.clock = clock
        self._answerer: HoursAnswerer | None = None
        self._error: str | None = None
        self._provisional: HoursAnswerer | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.tick)
        worker.changed_elsewhere.connect(self._on_elsewhere)

    @property
    def answerer(self) -> HoursAnswerer | None:
        """The answers, with closed days named in the current language."""
        language = current_locale()
        if self._answerer is not None and self._answerer.language != language:
            self._answerer = self._answerer.in_language(language)
        return self._answerer

    @property
    def provisional(self) -> HoursAnswerer | None:
        """Until the store's answers arrive: the installed reference hours without the
        database's overrides, each answer warning that it is provisional (docs/startup.md);
        None once the real answers (or the reason there are none) came."""
        if self._answerer is not None or self._error is not None:
            return None
        language = current_locale()
        if self._provisional is not None and self._provisional.language != language:
            self._provisional = self._provisional.in_language(language)
        return self._provisional

    @property
    def error(self) -> str | None:
        return self._error

    @property
    def policies(self) -> dict[str, DeskPolicy]:
        return self._answerer.policies if self._answerer else {}

    def load(self) -> None:
        """(Re)read the policies, e.g. after an administrator changed an override."""
        now, language = self.clock(), current_locale()  # read here: i18n is the GUI thread's
        if not self.worker.started:
            # The start (issue 17): reference answers at once, the store's before anything else.
            self.worker.run_first(lambda target: hours.early_answers(target, now, language), self._on_early,
                                  lambda store: hours.first_answers(store, now, language), self._on_loaded,
                                  self._on_failed)
            return
        self.worker.run(lambda store: hours.load_answerer(store, now, language), self._on_loaded, self._on_failed)

    def _on_elsewhere(self, news) -> None:
        # An administrator elsewhere changed a desk override (issue 15, "Live").
        if self._answerer is not None and news.touches("override"):
            self.load()

    def now(self) -> dt.datetime:
        return self.clock()

    def statuses(self, moment: dt.datetime) -> list[DeskStatus]:
        """Every desk at one aware instant (empty until the policies are loaded)."""
        answerer = self.answerer
        return answerer.statuses(moment) if answerer else []

    def provisional_statuses(self, moment: dt.datetime) -> list[DeskStatus]:
        """Every desk from the reference hours while the store's answers are on their way
        (each with the provisional warning); empty once they came."""
        answerer = self.provisional
        return answerer.statuses(moment) if answerer else []

    def stop(self) -> None:
        self.timer.stop()

    def _on_early(self, early: hours.EarlyAnswers) -> None:
        if early.final:
            self._on_loaded(early.answerer)
        elif self._answerer is None and self._error is None:  # the store's answers did not overtake
            self._provisional = early.answerer
            self.provisional_loaded.emit()
            self._arm()

    def _on_loaded(self, answerer: HoursAnswerer) -> None:
        self._answerer, self._error, self._provisional = answerer, None, None
        self.loaded.emit()
        self._arm()

    def _on_failed(self, message: str) -> None:
        self._error, self._provisional = message, None
        self.failed.emit(message)

    def _arm(self) -> None:
        now = self.clock()
        into_minute_ms = now.second * 1000 + now.microsecond // 1000
        self.timer.start(60_000 - into_minute_ms + TICK_MARGIN_MS)

    def tick(self) -> None:
        """The minute turned (the timer calls this; so may a resume from sleep)."""
        self.ticked.emit()
        self._arm()
