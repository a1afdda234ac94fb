"""GUI fixtures: the real main window, offscreen, on a real store, with a pinned clock."""
from __future__ import annotations

import datetime as dt

import pytest


class MutableClock:
    """"Now" for the window; a test moves it to see the live answers follow."""

    def __init__(self, moment: dt.datetime):
        self.moment = moment

    def __call__(self) -> dt.datetime:
        return self.moment


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_teardown(item):
    """The test is over: each main window shuts down as at a session end (the worker's
    queue drains, nothing is asked), before pytest-qt closes it. Quit would wait for
    the jobs on their way and ask about unsaved edits, and the window must not outlive
    the test waiting for answers nobody gives."""
    from desktop.gui.main_window import MainWindow

    for reference, _before_close in getattr(item, "qt_widgets", []):
        widget = reference()
        if isinstance(widget, MainWindow):
            widget.shutdown()
    return (yield)


@pytest.fixture
def clock(now) -> MutableClock:
    return MutableClock(now)


@pytest.fixture
def open_window(qtbot, store, isolated_data, clock):
    """Open the main window on the test's database and wait until the desks are loaded.

    `store` comes first so the database exists and a test can add overrides to it
    before the window reads it.
    """
    from desktop.gui.main_window import MainWindow

    def _open(db_path=isolated_data, wait_loaded: bool = True):
        window = MainWindow(db_path=db_path, clock=clock)
        qtbot.addWidget(window)  # closed at the end of the test: the worker shuts down
        window.resize(1280, 800)
        window.show()
        if wait_loaded:
            qtbot.waitUntil(lambda: window.hours.answerer is not None, timeout=15_000)
        return window

    return _open


@pytest.fixture
def main_window(open_window):
    return open_window()


@pytest.fixture
def hours_view(main_window):
    return main_window.show_view("hours")


@pytest.fixture(autouse=True)
def isolated_settings(qapp, tmp_path):
    """The agent's settings (QSettings) live in the test's own folder, never the real
    user's; and a test that switches language leaves English behind it."""
    from PySide6.QtCore import QLocale, QSettings

    from desktop.gui.app import APP_NAME
    from desktop.gui.platform.language import apply_language

    qapp.setOrganizationName(APP_NAME)
    qapp.setApplicationName(APP_NAME)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    default_locale = QLocale()
    yield tmp_path / "settings"
    apply_language("en")
    QLocale.setDefault(default_locale)


@pytest.fixture
def own_server():
    """A PostgreSQL server of this test's own, to stop and start."""
    from tests.postgres_server import PostgresServer

    server = PostgresServer().start()
    yield server
    server.stop()
