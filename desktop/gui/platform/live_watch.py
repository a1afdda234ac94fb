"""Colleagues' changes, heard on the store worker's thread (issue 15, "Live").

Lives on the worker thread beside the store (store_worker._Runner builds it once the
store is open), so nothing here ever blocks the GUI:

- a team database: the store's listening connection (domain/store/live.py, `listen()`);
  a QSocketNotifier wakes this thread the moment the server sends a notice, so a
  colleague's commit reaches the views in milliseconds, with what changed and its id;
- a local SQLite file: `PRAGMA data_version` every POLL_MS (one cheap statement on a
  connection of its own); a changed value means another process committed (the CLI
  importing, a second window), and the views reload broadly (there is no payload).

The app's own writes are not announced twice: a team's notices carry the store's
origin and are skipped; for a file, the worker calls `after_job()` after each of its own
jobs (and `before_job()` first, so a colleague's commit just before ours still counts).
"""
from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal

from domain.errors import DeskguideError

log = logging.getLogger(__name__)

POLL_MS = 500  # a file's data_version: within the 2 s with room to spare


class LiveWatch(QObject):
    arrived = Signal(object)  # a list of ChangeNotice, or None: anything may have changed
    lost = Signal()  # the listening connection was lost: the server went away

    def __init__(self, store, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self._listener = None
        self._notifier: QSocketNotifier | None = None
        self._watch = None
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)

    @property
    def listening(self) -> bool:
        return self._listener is not None

    def start(self) -> None:
        if hasattr(self.store, "listen"):
            if not getattr(self.store, "offline", False):
                self._listen()
            return
        self._watch = self.store.watch_data_version()
        if self._watch is not None:
            self._timer.start()

    def _listen(self) -> bool:
        try:
            self._listener = self.store.listen()
        except DeskguideError as error:  # out of reach: the worker's reconnecting brings us back
            log.info("not listening for colleagues' changes: %s", error)
            return False
        self._notifier = QSocketNotifier(self._listener.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._take)
        return True

    def listen_again(self) -> None:
        """The server answers again: a fresh listening connection, and a broad refresh for
        whatever was committed while nobody heard it."""
        self._drop()
        if self._listen():
            self.arrived.emit(None)

    def _take(self, *_args) -> None:
        if self._listener is None:
            return
        try:
            notices = self._listener.take()
        except Exception as error:  # noqa: BLE001 - the connection died (a restart, the network)
            log.info("the listening connection was lost: %s", error)
            self._drop()
            self.lost.emit()
            return
        if notices:
            self.arrived.emit(notices)

    def _poll(self) -> None:
        if self._watch is not None and self._watch.changed():
            self.arrived.emit(None)

    def before_job(self) -> None:
        self._poll()

    def after_job(self) -> None:
        if self._watch is not None:
            self._watch.seen()

    def _drop(self) -> None:
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        if self._listener is not None:
            self._listener.close()
            self._listener = None

    def close(self) -> None:
        self._timer.stop()
        self._drop()
        if self._watch is not None:
            self._watch.close()
            self._watch = None
