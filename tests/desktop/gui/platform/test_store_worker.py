"""The store worker on its own: a real thread over a real store, waited on by signal."""
from __future__ import annotations

import logging

import pytest
from PySide6.QtCore import QObject, QThread
from PySide6.QtWidgets import QApplication

from desktop.gui.operations import Changed, Changes
from desktop.gui.platform.store_worker import StoreWorker
from domain.errors import InvalidInput

pytestmark = pytest.mark.gui


@pytest.fixture
def worker(qapp, store, isolated_data, now):
    """A worker on the test's store (created and migrated by `store` first)."""
    started = StoreWorker(isolated_data, lambda: now)
    started.start()
    yield started
    started.shutdown()


def gui_thread() -> QThread:
    return QApplication.instance().thread()


def wait_idle(qtbot, worker: StoreWorker) -> None:
    qtbot.waitUntil(lambda: not worker.pending, timeout=10_000)


def test_jobs_run_in_order_on_one_thread_off_the_gui_thread(qtbot, worker):
    ran: list[tuple[int, QThread]] = []
    answered: list[tuple[int, QThread]] = []

    def job(number: int):
        def fn(store):
            ran.append((number, QThread.currentThread()))
            return number
        return fn

    with qtbot.waitSignal(worker.idle, timeout=10_000):
        for number in range(5):
            worker.run(job(number), lambda result: answered.append((result, QThread.currentThread())))
    assert [number for number, _thread in ran] == [0, 1, 2, 3, 4]
    assert len({thread for _number, thread in ran}) == 1  # one thread, not a pool
    assert ran[0][1] is not gui_thread()
    assert answered == [(number, gui_thread()) for number in range(5)]  # back on the GUI thread, in order


def test_the_job_gets_the_open_store(qtbot, worker, isolated_data):
    with qtbot.waitCallback() as done:
        worker.run(lambda store: store.path, done)
    done.assert_called_with(isolated_data)
    assert worker.db_path == isolated_data  # announced when it opened


def test_a_failing_job_gives_a_message_on_the_gui_thread_and_the_next_job_runs(qtbot, worker):
    errors: list[tuple[str, QThread]] = []

    def bad_date(store):
        raise InvalidInput("date", "2026-13-01", "is not a date")

    with qtbot.waitSignal(worker.failed, timeout=10_000) as failed, qtbot.waitCallback() as after:
        worker.run(bad_date, on_error=lambda message: errors.append((message, QThread.currentThread())))
        worker.run(lambda store: "still working", after)
    assert errors == [("date: '2026-13-01' is not a date", gui_thread())]
    assert failed.args == ["date: '2026-13-01' is not a date"]  # for the window's banner
    after.assert_called_with("still working")


def test_an_unexpected_error_is_one_sentence_and_its_details_go_to_the_log(qtbot, worker, caplog):
    """Not one of ours (a bug, a driver error nobody translated): its text may quote SQL
    and a customer's data, so the agent reads a sentence and the log gets the rest."""
    from sqlalchemy.exc import StatementError

    def broken(store):
        raise StatementError("bind failed", "INSERT INTO journal_entries (note) VALUES (?)", ["Ring Åsa"], None)

    with qtbot.waitCallback() as on_error, caplog.at_level(logging.ERROR):
        worker.run(broken, on_error=on_error)
    (message,) = on_error.args
    assert message == ("Something unexpected went wrong, and it was not done. Try again; if it keeps happening, "
                       "tell IT what you did.")
    assert "a store job failed" in caplog.text and "INSERT INTO journal_entries" in caplog.text  # for IT


def test_a_store_that_cannot_be_written_says_what_happened_and_what_to_do(qtbot, worker, isolated_data):
    from domain.errors import StoreBusy, StoreError
    from domain.messages import Message

    def read_only(store):
        raise StoreError(Message("the database cannot be read or written: {why}",
                                 why="attempt to write a readonly database"))

    with qtbot.waitCallback() as on_error:
        worker.run(read_only, on_error=on_error)
    assert on_error.args == [f"the database cannot be read or written: attempt to write a readonly database. Check "
                             f"that the database file {isolated_data} is still there and can be written to, then try "
                             f"again."]

    def busy(store):  # says "try again" itself
        raise StoreBusy(Message("the database is busy: another program is using it; try again in a moment"))

    with qtbot.waitCallback() as on_error:
        worker.run(busy, on_error=on_error)
    assert on_error.args == ["the database is busy: another program is using it; try again in a moment"]


def test_a_write_answers_with_its_value_then_announces_what_it_changed(qtbot, worker):
    heard: list[object] = []
    worker.changed.connect(lambda changes: heard.append(("changed", changes)))

    with qtbot.waitSignal(worker.changed, timeout=10_000):
        worker.run(lambda store: Changed("the record", Changes.CUSTOMERS), lambda value: heard.append(value))
    assert heard == ["the record", ("changed", Changes.CUSTOMERS)]  # the asking view first


def test_a_callback_of_a_widget_already_gone_is_skipped(qtbot, worker):
    class Owner(QObject):
        def __init__(self):
            super().__init__()
            self.answers = []

        def on_done(self, result) -> None:
            self.answers.append(result)

    owner = Owner()
    callback = owner.on_done
    with qtbot.waitSignal(worker.idle, timeout=10_000):
        worker.run(lambda store: 1, callback)
        owner.deleteLater()
        QApplication.sendPostedEvents(owner)  # deleted while the job is on its way
    assert not owner.answers  # no call into a deleted object: nothing raised either


def test_idle_counts_the_jobs_a_callback_queues(qtbot, worker):
    order: list[str] = []

    def first_done(_result) -> None:
        order.append("first")
        worker.run(lambda store: None, lambda _result: order.append("second"))

    worker.run(lambda store: None, first_done)
    assert worker.pending == 1
    with qtbot.waitSignal(worker.idle, timeout=10_000):
        pass
    assert order == ["first", "second"] and worker.pending == 0  # idle only once the second answered


def test_a_store_that_cannot_be_opened_is_reported_and_every_job_says_so(qtbot, qapp, tmp_path, now):
    folder = tmp_path / "not-a-file.sqlite3"
    folder.mkdir()
    broken = StoreWorker(folder, lambda: now)
    try:
        with qtbot.waitSignal(broken.failed, timeout=10_000) as failed:
            broken.start()
        assert str(failed.args[0]).startswith("The database could not be opened:")
        assert "is a folder" in str(failed.args[0])
        with qtbot.waitCallback() as on_error:
            broken.run(lambda store: "never", lambda _result: pytest.fail("ran without a store"), on_error)
        (message,) = on_error.args
        assert message.startswith("The database could not be opened:") and "Traceback" not in message
    finally:
        broken.shutdown()


def test_shutdown_runs_every_queued_job_then_stops_and_drops_later_ones(qtbot, worker, caplog):
    ran: list[int] = []
    for number in range(3):
        worker.run(lambda store, number=number: ran.append(number))
    worker.shutdown()  # returns once the thread has stopped
    assert ran == [0, 1, 2]  # drained, not cut short
    assert not worker.running

    with caplog.at_level(logging.WARNING):
        worker.run(lambda store: ran.append(99), lambda _result: pytest.fail("answered after shutdown"))
    assert "dropped" in caplog.text and ran == [0, 1, 2]
    worker.shutdown()  # twice is safe
    worker.start()  # and it never starts again
    assert not worker.running


@pytest.mark.postgres
def test_a_worker_nobody_answers_for_never_waits_for_a_password(qtbot, qapp, password_database, now):
    from desktop.common.database_target import resolve_target

    url, _ = password_database
    lonely = StoreWorker(resolve_target(None, url), lambda: now)  # no window listens to password_wanted
    try:
        with qtbot.waitSignal(lonely.failed, timeout=15_000) as failed:
            lonely.start()
        assert "asks for the password of agent" in str(failed.args[0])
    finally:
        lonely.shutdown()

