"""Start the GUI: `python -m desktop` or the installed `deskguide-gui`.

Start-up stays fast because only Qt and the first view's widgets load here; the store
(SQLAlchemy, Alembic) and the holiday calendars are imported by the worker thread
while the window is already on screen.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

APP_NAME = "Deskguide"


def icon_path() -> Path:
    import resources

    return resources.ICONS / "deskguide.svg"


def _parse(argv: Sequence[str]) -> tuple[argparse.Namespace, list[str]]:
    parser = argparse.ArgumentParser(prog="deskguide-gui", description="Deskguide: the desktop app.")
    parser.add_argument("--db", metavar="PATH",
                        help="the database file (default: DESKGUIDE_DB, else the machine's settings: IT's policy, the "
                             "installer, deskguide.ini; else the user's data folder)")
    parser.add_argument("--database-url", metavar="URL",
                        help="the team's PostgreSQL database, postgresql://HOST[:PORT]/DATABASE, without a password "
                             "(default: DESKGUIDE_DATABASE_URL, else the machine's settings: IT's policy, the installer, "
                             "deskguide.ini)")
    parser.add_argument("--quit-after", metavar="SECONDS", type=float,
                        help="close again after this many seconds (smoke tests)")
    parser.add_argument("--startup-probe", action="store_true",
                        help="print 'STARTUP <ms since main()> <epoch seconds>' at the first event-loop turn "
                             "after the window shows, then 'ANSWERS <ms since main()> <epoch seconds>' once the "
                             "desks' answers show, and quit; 'ANSWERS none <reason>' and exit 1 when they cannot "
                             "come (benchmarks/run_benchmarks.py)")
    parser.add_argument("--self-test", action="store_true",
                        help="check this installation end to end with a throwaway database and exit 0 or 1")
    parser.add_argument("--self-test-report", metavar="PATH",
                        help="with --self-test: also write the report here")
    # Whatever we do not know is left for Qt (-style, -platform, ...).
    return parser.parse_known_args(list(argv))


def create_application(qt_args: Sequence[str] = ()):
    """The QApplication with Deskguide's name, version and icon."""
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else APP_NAME, *qt_args])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setWindowIcon(QIcon(str(icon_path())))
    return app


def create_main_window(db_path: str | None = None, database_url: str | None = None):
    """The main window, placed on the screen it opens on; the store opens once it has painted.

    Which database is decided on the store's worker thread (desktop/common/database_target.py:
    the options, the environment, the machine's deskguide.ini, the user's folder), where
    a refused setting is reported in the window like any database that cannot be opened."""
    from functools import partial

    from PySide6.QtWidgets import QApplication

    from desktop.common.database_target import resolve_target
    from desktop.gui.main_window import MainWindow
    from desktop.gui.platform.window_placement import place_window, remember_placement

    window = MainWindow(db_path=partial(resolve_target, db_path, database_url))
    # Within the screen, where the agent left it on this screen (issue 16), never a fixed size.
    place_window(window)
    QApplication.instance().aboutToQuit.connect(lambda: remember_placement(window))
    # Quit (from the menu, the session ending or --quit-after) closes the store cleanly.
    QApplication.instance().aboutToQuit.connect(window.shutdown)
    return window


def apply_startup_language() -> None:
    """The agent's language (their choice, IT's default, Windows'), for our strings and Qt's."""
    from desktop.gui.platform.language import apply_language, startup_language

    apply_language(startup_language())


def apply_chosen_theme(app) -> None:
    """A light or dark theme the agent chose, before the window shows (no flash of the
    other one); following the system needs nothing until the first paint. The raw value
    is peeked at first: desktop.gui.platform.settings (~3 ms to import) is needed only for a choice."""
    from PySide6.QtCore import QSettings

    if QSettings().value("theme", "system") == "system":  # desktop.gui.platform.settings.THEME, its default
        return
    from desktop.gui.platform.settings import Settings
    from desktop.gui.platform.theme import apply_theme

    apply_theme(app, Settings().theme)


def settle_in(app, window) -> None:
    """After the first paint: follow the system's light or dark mode from now on, and
    on the very first start ask who the agent is and where they work (the journal needs
    a name)."""
    from desktop.gui.platform.settings import Settings
    from desktop.gui.platform.theme import apply_theme
    from desktop.gui.settings.first_run_dialog import ask_first_run

    settings = Settings()
    if settings.theme == "system":
        apply_theme(app, "system")
    if settings.first_run_needed():
        ask_first_run(window)


def _start_log_file() -> None:
    # Imported here, not at start-up: logging.handlers alone is ~9 ms before the first frame.
    from desktop.common.log_file import start_log_file

    start_log_file()


def main(argv: Sequence[str] | None = None) -> int:
    started = time.perf_counter()
    args, qt_args = _parse(sys.argv[1:] if argv is None else argv)
    if args.self_test:
        from desktop import self_test

        # Offscreen-capable: with no display (a build server, CI) Qt still starts.
        if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        return self_test.run(gui=True, report_path=args.self_test_report)
    from PySide6.QtCore import QTimer

    app = create_application(qt_args)
    apply_startup_language()
    apply_chosen_theme(app)
    window = create_main_window(args.db, args.database_url)
    window.show()
    if not args.startup_probe:
        QTimer.singleShot(0, _start_log_file)  # after the first paint: logging's file handler is not free
    if not args.startup_probe and args.quit_after is None:
        QTimer.singleShot(0, lambda: settle_in(app, window))
    if args.startup_probe:
        from desktop.gui.startup_probe import StartupProbe

        window.startup_probe = StartupProbe(app, window, started)  # kept alive with the window
    if args.quit_after is not None:
        QTimer.singleShot(max(0, int(args.quit_after * 1000)), app.quit)
    return app.exec()
