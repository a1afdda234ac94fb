"""All store work on one worker thread; results come back to the GUI thread by signal.

Anki's taskman idea (qt/aqt/taskman.py), without its global: a view hands over
`fn(store)`, the function runs on the one worker thread that owns the store, and
`on_done(result)` or `on_error(message)` is called back on the GUI thread. One thread,
not a pool: jobs run in the order they were queued, so "open the store" always runs
first, and SQLite serialises writes anyway.

Nothing here imports SQLAlchemy, Alembic or `holidays`: the first job imports them on
the worker thread, so the window is on screen before they load.

Which database: a DatabaseTarget (desktop/common/database_target.py), or how to find one
(app.py hands `resolve_target` with the command line's options), resolved on the worker
thread so that a refused setting is reported like any other failure to open. A team
database that wants a password: the worker thread asks the window (`password_wanted`)
and waits for `answer_password` before anything else runs, so every job queued meanwhile
finds the store open (or the reason it is not).
"""
from __future__ import annotations

import datetime as dt
import logging
import queue
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

import shiboken6
from PySide6.QtCore import QMetaMethod, QObject, QThread, Signal, Slot

from desktop.common.database_target import DatabaseTarget, PasswordAnswer, PasswordRequest
from desktop.common.i18n import _
from desktop.gui.operations import Changed, ChangedElsewhere
from domain.errors import DeskguideError, StoreError
from domain.messages import Message

log = logging.getLogger(__name__)

Clock = Callable[[], dt.datetime]
# The database, or how to find it (resolved on the worker thread); a path is a SQLite file.
Where = DatabaseTarget | Callable[[], DatabaseTarget] | Path | str | None


def utc_now() -> dt.datetime:
    """The desktop layer reads the clock; the domain is always handed "now"."""
    return dt.datetime.now(dt.timezone.utc)


class _Job(NamedTuple):  # not a dataclass: see ViewContext in main_window
    fn: Callable[[Any], Any]
    on_done: Callable[[Any], None] | None = None
    on_error: Callable[[str], None] | None = None


class _First(NamedTuple):
    """What the agent waits for at start-up (issue 17): `early(target)` runs before the
    store opens (no store: reference answers, nothing on the network), `job` right after
    it opened, before the live watch, the outbox and every job queued meanwhile."""
    early: Callable[[DatabaseTarget], Any]
    on_early: Callable[[Any], None]
    job: _Job


# Not one of ours (a bug, a driver error nobody translated): its text may quote SQL and
# a customer's data, so the screen gets this sentence and the log the details.
UNEXPECTED = Message("Something unexpected went wrong, and it was not done. Try again; if it keeps happening, "
                     "tell IT what you did.")


def _message(error: BaseException, path: Path | None = None) -> Message | str:
    """The error as a Message; said in the agent's language on the GUI thread (`_` is
    not for the worker thread: the GUI may be speaking the customer's language).

    A store that cannot be read or written (deleted, read-only, full, damaged) gets what
    to do after what happened; busy and unreachable already say "try again"."""
    if isinstance(error, StoreError) and not error.temporary and path is not None:
        return Message("{reason}. Check that the database file {path} is still there and can be written to, "
                       "then try again.", reason=error.message, path=str(path))
    if isinstance(error, DeskguideError):
        return error.message
    return UNEXPECTED


def _target(where: Where) -> DatabaseTarget:
    if isinstance(where, DatabaseTarget):
        return where
    if callable(where):
        return where()
    return DatabaseTarget.file(where)


class _Runner(QObject):
    """Lives on the worker thread and owns the store; the store never leaves it."""

    done = Signal(object, object)  # job, result
    failed = Signal(object, object)  # job, Message
    opened = Signal(object)  # the DatabaseTarget opened
    password_wanted = Signal(object)  # a PasswordRequest, answered through `answers`
    early_done = Signal(object, object)  # _First, result
    reachable = Signal(bool, str)  # a team database answers again / went out of reach; its name
    outbox_sent = Signal(object)  # a Changed: what the outbox sent (issue 15)
    elsewhere = Signal(object)  # colleagues' notices (a list), or None: anything may have changed

    def __init__(self) -> None:
        super().__init__()
        self.store = None
        self.live = None  # the LiveWatch, once the store is open (live_watch.py)
        self._open_error: Message | None = None
        self._offline = False
        self.asks_passwords = False  # someone on the GUI thread answers password_wanted
        self.agent_name = ""  # signs what this agent saves (StoreWorker.agent_name)
        self.answers: queue.SimpleQueue[PasswordAnswer | None] = queue.SimpleQueue()

    def _ask_password(self, request: PasswordRequest) -> PasswordAnswer | None:
        # Blocks this thread (and the jobs queued behind the opening) until the window
        # answers; shutdown() answers None so that the thread can finish.
        self.password_wanted.emit(request)
        return self.answers.get()

    def _report_reachability(self) -> None:
        # Only a team store (domain/store/team.py) has a server to lose.
        offline = bool(getattr(self.store, "offline", False))
        if offline != self._offline:
            self._offline = offline
            self.reachable.emit(not offline, getattr(self.store, "name", ""))

    def _send_outbox(self) -> None:
        # Issue 15: what was written while the team database could not be reached goes
        # as soon as it answers (at the start too: written before a restart of the PC).
        if self.store is None or not hasattr(self.store, "local_store") or self.store.offline:
            return
        from desktop.gui.operations.outbox import send_waiting

        try:
            sent = send_waiting(self.store)
        except DeskguideError as error:  # out of reach again, or refused: it waits, nothing lost
            log.warning("the outbox could not be sent: %s", error)
            sent = None
        self._report_reachability()
        if sent is not None:
            self.outbox_sent.emit(sent)

    @Slot()
    def reconnect(self) -> None:
        if self.store is not None and hasattr(self.store, "reconnect"):
            if self.store.reconnect() and self.live is not None:
                self.live.listen_again()  # what colleagues did meanwhile was not heard
        self._report_reachability()
        self._send_outbox()

    def _start_live(self) -> None:
        from desktop.gui.platform.live_watch import LiveWatch

        self.live = LiveWatch(self.store, self)
        self.live.arrived.connect(self.elsewhere)
        self.live.lost.connect(self._listening_lost)
        self.live.start()

    def _listening_lost(self) -> None:
        # The server went away under the listening connection: offline like a failed
        # query, so the banner shows and the worker tries again (and listens again).
        self.store.offline = True
        self._report_reachability()
        self._send_outbox()

    def _early(self, first: _First, target: DatabaseTarget) -> None:
        try:
            result = first.early(target)
        except Exception:  # noqa: BLE001 - only a head start: the store's answers follow
            log.exception("the answers before the store opened failed")
        else:
            self.early_done.emit(first, result)

    @Slot(object, object, object)
    def open(self, where: Where, now: dt.datetime, first: _First | None = None) -> None:
        try:
            target = _target(where)
            for warning in target.warnings:
                log.warning("%s", warning)
                self.failed.emit(None, warning)
            if first is not None:
                self._early(first, target)
            # Imports SQLAlchemy and Alembic (and for a team keyring and psycopg), here.
            # offline_ok: a team server out of reach still opens (reference answers, a banner,
            # reconnecting by itself); see domain/store/team.py.
            self.store = target.open(now, password_source=self._ask_password if self.asks_passwords else None,
                                     offline_ok=True)
        except Exception as error:  # noqa: BLE001 - reported to the user below
            if not isinstance(error, DeskguideError):
                log.exception("opening the store failed")
            self._open_error = Message("The database could not be opened: {reason}", reason=_message(error))
            self.failed.emit(None, self._open_error)
            if first is not None:
                self.execute(first.job)  # answered with the reason, like every job after it
        else:
            self.opened.emit(target.located(self.store))
            if first is not None:  # the answers first; listening and sending can wait for them
                self.execute(first.job)
            self._start_live()
            self._report_reachability()
            self._send_outbox()

    @Slot(object)
    def execute(self, job: _Job) -> None:
        if self.store is None:
            self.failed.emit(job, self._open_error or Message("The database is not open."))
            return
        self.store.agent_name = self.agent_name  # a plain str, set from the GUI thread: atomic
        if self.live is not None:
            self.live.before_job()  # another process's commit is heard before ours hides it
        try:
            result = job.fn(self.store)
        except Exception as error:  # noqa: BLE001 - reported to the user
            if not isinstance(error, DeskguideError):
                log.exception("a store job failed")
            elif isinstance(error, StoreError):  # the database's own words, for IT
                log.warning("a store job failed: %s", getattr(error, "why", "") or error)
            self._report_reachability()  # before the failure: the banner explains it
            self.failed.emit(job, _message(error, self.store.path))
        else:
            if self.live is not None:
                self.live.after_job()  # this job's own writes are not a colleague's
            self._report_reachability()
            self.done.emit(job, result)

    @Slot()
    def close(self) -> None:
        if self.live is not None:
            self.live.close()
            self.live = None
        if self.store is not None:
            self.store.close()
            self.store = None
        # Quit from inside the thread: every job queued before this one has run.
        QThread.currentThread().quit()


class StoreWorker(QObject):
    """The GUI's only way to the store. `run(fn, on_done, on_error)`; errors are also
    announced on `failed` so the window can show them in one place."""

    opened = Signal(object)  # the DatabaseTarget opened (a file's path filled in)
    password_wanted = Signal(object)  # a PasswordRequest: show a dialog, then answer_password()
    failed = Signal(object)  # a Message (or plain text): say it with `_()` when shown
    changed = Signal(object)  # operations.Changes a write made, after its own callback ran
    # A colleague's commit (issue 15, "Live"): an operations.ChangedElsewhere, with who
    # and which records where the database says so. Also announced on `changed`.
    changed_elsewhere = Signal(object)
    idle = Signal()  # every job queued so far has answered (and its callback has run)
    # A team database went out of reach (False) or answers again (True), with its name;
    # while it is out of reach the worker tries again every RETRY_SECONDS by itself.
    reachability_changed = Signal(bool, str)
    RETRY_SECONDS = 5
    # The outbox was sent (issue 15): the SyncReport (sent, already there, waiting); the
    # changes follow on `changed`, so the lists that showed "waiting to send" refresh.
    outbox_sent = Signal(object)

    _open_requested = Signal(object, object, object)
    _job_queued = Signal(object)
    _close_requested = Signal()
    _reconnect_requested = Signal()

    def __init__(self, where: Where = None, clock: Clock = utc_now, parent: QObject | None = None):
        super().__init__(parent)
        self._where = where
        self._clock = clock
        self._thread = QThread(self)
        self._thread.setObjectName("deskguide-store")
        self._runner = _Runner()
        self._runner.moveToThread(self._thread)
        # Signals to the runner are queued (it lives on the worker thread) and so are
        # its answers back to us: callbacks always run on the GUI thread.
        self._open_requested.connect(self._runner.open)
        self._job_queued.connect(self._runner.execute)
        self._close_requested.connect(self._runner.close)
        self._runner.done.connect(self._finish)
        self._runner.failed.connect(self._fail)
        self._runner.opened.connect(self._on_opened)
        self._reconnect_requested.connect(self._runner.reconnect)
        self._runner.reachable.connect(self._on_reachability)
        self._runner.outbox_sent.connect(self._on_outbox_sent)
        self._runner.elsewhere.connect(self._on_elsewhere)
        self.offline = False
        from PySide6.QtCore import QTimer

        self._retry = QTimer(self)
        self._retry.setInterval(self.RETRY_SECONDS * 1000)
        self._retry.timeout.connect(self._reconnect_requested.emit)
        self._runner.password_wanted.connect(self.password_wanted)
        self._runner.early_done.connect(self._on_early)
        self._first: _First | None = None
        self._started = False
        self._stopped = False
        self._pending = 0  # jobs queued whose answer has not been delivered yet
        self.db_path: Path | None = None
        self.target: DatabaseTarget | None = None  # once opened

    def start(self) -> None:
        """Start the thread and queue the first job: open (create, migrate) the store."""
        if self._started or self._stopped:  # never restarted once shut down
            return
        self._started = True
        # Asked only when someone will answer: a worker on its own must never wait.
        self._runner.asks_passwords = self.isSignalConnected(QMetaMethod.fromSignal(self.password_wanted))
        self._thread.start()
        self._open_requested.emit(self._where, self._clock(), self._first)

    @property
    def started(self) -> bool:
        return self._started

    @property
    def running(self) -> bool:
        return self._thread.isRunning()

    def run_first(self, early: Callable[[DatabaseTarget], Any], on_early: Callable[[Any], None],
                  fn: Callable[[Any], Any], on_done: Callable[[Any], None] | None = None,
                  on_error: Callable[[str], None] | None = None) -> None:
        """What the agent waits for at start-up (issue 17), ahead of everything else, and
        start: `early(target)` runs on the worker before the store opens (it gets the
        DatabaseTarget, never the store; `on_early(result)` on the GUI thread), then
        `fn(store)` as soon as the store is open, before the live watch, the outbox and
        every job queued meanwhile. Once started this is `run(fn, on_done, on_error)`."""
        if self._started or self._stopped:
            self.run(fn, on_done, on_error)
            return
        self._pending += 1
        self._first = _First(early, on_early, _Job(fn, on_done, on_error))
        self.start()

    @property
    def pending(self) -> int:
        """Jobs queued or running whose answer has not reached the GUI thread yet."""
        return self._pending

    def run(self, fn: Callable[[Any], Any], on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[str], None] | None = None) -> None:
        """Run `fn(store)` on the worker thread; call back on the GUI thread.

        `fn` is an operation (desktop.gui.operations). A write's `Changed(value, changes)`
        gives `on_done` its value, then announces the changes on `changed` (also when
        the view that asked is gone), so every part of the window refreshes what it
        shows of them."""
        if self._stopped:
            log.warning("store job dropped: the worker has shut down")
            return
        self.start()
        self._pending += 1
        self._job_queued.emit(_Job(fn, on_done, on_error))

    @property
    def agent_name(self) -> str:
        return self._runner.agent_name

    @agent_name.setter
    def agent_name(self, name: str) -> None:
        """The agent's display name (Settings), which signs every customer, subscription
        and case they save (issue 15, "Who changed what"); used from the next job on."""
        self._runner.agent_name = name

    def answer_password(self, answer: PasswordAnswer | None) -> None:
        """The answer to `password_wanted`: a password to try (and maybe remember), or
        None (cancelled: the database stays closed, and says why)."""
        self._runner.answers.put(answer)

    def shutdown(self) -> None:
        """Let queued jobs finish, close the store, stop the thread. Safe to call twice."""
        if self._stopped:
            return
        self._stopped = True
        self._retry.stop()
        if self._started:
            self._runner.answers.put(None)  # a password still being asked for: no answer is coming
            self._close_requested.emit()
            self._thread.wait()

    # --- back on the GUI thread ---------------------------------------------------

    @Slot(object)
    def _on_opened(self, target: DatabaseTarget) -> None:
        self.target = target
        self.db_path = target.path
        self.opened.emit(target)

    @Slot(object, object)
    def _on_early(self, first: _First, result: Any) -> None:
        if not self._stopped:
            call_if_alive(first.on_early, result)

    @Slot(bool, str)
    def _on_reachability(self, reachable: bool, name: str) -> None:
        self.offline = not reachable
        if self._stopped:
            return
        if reachable:
            self._retry.stop()
        else:
            self._retry.start()
        self.reachability_changed.emit(reachable, name)

    @Slot(object)
    def _on_outbox_sent(self, sent: Changed) -> None:
        if self._stopped:
            return
        self.outbox_sent.emit(sent.value)
        self.changed.emit(sent.changes)

    @Slot(object)
    def _on_elsewhere(self, notices) -> None:
        if self._stopped:
            return
        news = ChangedElsewhere.of(notices)
        if news.changes:
            self.changed.emit(news.changes)
            self.changed_elsewhere.emit(news)

    @Slot(object, object)
    def _finish(self, job: _Job, result: Any) -> None:
        if isinstance(result, Changed):
            call_if_alive(job.on_done, result.value)
            self.changed.emit(result.changes)
        else:
            call_if_alive(job.on_done, result)
        self._answered()

    @Slot(object, object)
    def _fail(self, job: _Job | None, error: Message | str) -> None:
        if job is not None:
            call_if_alive(job.on_error, _(error))  # here, on the GUI thread, in the agent's language
        self.failed.emit(error)
        if job is not None:
            self._answered()

    def _answered(self) -> None:
        # Counted down after the callback: a job it queues keeps the worker busy, so
        # `idle` means nothing more is on its way (tests wait on it instead of sleeping).
        self._pending -= 1
        if not self._pending:
            self.idle.emit()


def call_if_alive(callback: Callable | None, value: Any) -> None:
    """`callback(value)`, unless it is a method of a widget that is gone.

    For a view that hands on a job's answer to a dialog of its own (which the agent may
    close meanwhile)."""
    if callback is None:
        return
    # A view closed while its job ran: its C++ half is gone, so skip the call.
    owner = getattr(callback, "__self__", None)
    if isinstance(owner, QObject) and not shiboken6.isValid(owner):
        return
    callback(value)
