"""`deskguide-gui --startup-probe`: when the window and the desks' answers were there.

Prints, each on a line of its own and in this order (benchmarks/run_benchmarks.py reads them):

    STARTUP <ms since main()> <epoch seconds>   the first event-loop turn after the window shows
    PROVISIONAL <ms since main()>               reference answers shown (only when they came first)
    ANSWERS <ms since main()> <epoch seconds>   the store's answers on the status bar's four desks
                                                (and on the hours view's cards, when it is built)

then quits with 0. When no answers can come (the database is refused) it prints
`ANSWERS none <reason>` and exits 1; after ANSWERS_TIMEOUT_MS without either, `ANSWERS none
timeout` and exits 1 at once, without waiting for a worker stuck on a connection.
"""
from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QTimer

ANSWERS_TIMEOUT_MS = 120_000


def _say(line: str) -> None:
    if sys.stdout is not None:  # a windowed build on Windows has none
        print(line, flush=True)


def answers_shown(window) -> bool:
    """The store's answers (not a placeholder, not the provisional ones) on the status
    bar's four desks, and on the hours view's cards if it is built."""
    hours = window.hours
    if hours.answerer is None:
        return False
    statuses = hours.statuses(hours.now())
    if not statuses or not all(s.country in window.desks_label.text() for s in statuses):
        return False
    view = window.views.get("hours")
    return view is None or view.shown_at is not None


class StartupProbe:
    def __init__(self, app, window, started: float):
        self.app, self.window, self.started = app, window, started
        self._startup_said = False
        self._waiting: list[str] = []  # lines due before STARTUP was said (never in practice)
        self._done = False
        hours = window.hours
        hours.provisional_loaded.connect(lambda: self._say_once("PROVISIONAL", f"PROVISIONAL {self._ms()}"))
        hours.loaded.connect(self._on_loaded)
        hours.failed.connect(self._on_failed)
        QTimer.singleShot(0, self._startup)
        QTimer.singleShot(ANSWERS_TIMEOUT_MS, self._timeout)

    def _ms(self) -> str:
        return f"{(time.perf_counter() - self.started) * 1000:.1f}"

    def _startup(self) -> None:
        _say(f"STARTUP {self._ms()} {time.time()!r}")
        self._startup_said = True
        for line in self._waiting:
            _say(line)
        self._waiting.clear()
        if self._done:
            self.app.exit(self._code)

    def _say_once(self, key: str, line: str) -> None:
        if self._done or getattr(self, f"_said_{key}", False):
            return
        setattr(self, f"_said_{key}", True)
        if self._startup_said:
            _say(line)
        else:
            self._waiting.append(line)

    def _finish(self, line: str, code: int) -> None:
        self._say_once("ANSWERS", line)
        self._done, self._code = True, code
        if self._startup_said:
            self.app.exit(code)

    def _on_loaded(self) -> None:
        if not self._done and answers_shown(self.window):
            self._finish(f"ANSWERS {self._ms()} {time.time()!r}", 0)

    def _on_failed(self, reason: str) -> None:
        if not self._done and self.window.hours.answerer is None:
            self._finish("ANSWERS none " + " ".join(str(reason).split()), 1)

    def _timeout(self) -> None:
        if not self._done:
            _say("ANSWERS none timeout")
            os._exit(1)  # the worker may be stuck on a connection: do not wait for it
