"""Start the GUI: `python -m desktop` or the installed `deskguide-gui`.

Start-up stays fast because only Qt and the first view's widgets load here; the store
(SQLAlchemy, Alembic) and the holiday calendars are imported by the worker thread
while the window is already on screen.
"""
from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

APP_NAME = "Deskguide"


def icon_path() -> Path:
    import resources

    return resources.ICONS / "deskguide.svg"


def _parse(argv: Sequence[str]) -> tuple[argparse.Namespace, list[str]]:
    parser = argparse.ArgumentParser(prog="deskguide-gui", description="Deskguide: the desktop app.")
    parser.add_argument("--db", metavar="PATH",
                        help="the database file (default: DESKGUIDE_DB, else the user's data folder)")
    parser.add_argument("--quit-after", metavar="SECONDS", type=float,
                        help="close again after this many seconds (smoke tests)")
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


def create_main_window(db_path: str | None = None):
    """The main window, sized for a desk screen; the store opens once it has painted."""
    from PySide6.QtWidgets import QApplication

    from desktop.main_window import MainWindow

    window = MainWindow(db_path=db_path or os.environ.get("DESKGUIDE_DB") or None)  # None: the default
    window.resize(1280, 800)
    # Quit (from the menu, the session ending or --quit-after) closes the store cleanly.
    QApplication.instance().aboutToQuit.connect(window.shutdown)
    return window


def main(argv: Sequence[str] | None = None) -> int:
    args, qt_args = _parse(sys.argv[1:] if argv is None else argv)
    from PySide6.QtCore import QTimer

    app = create_application(qt_args)
    window = create_main_window(args.db)
    window.show()
    if args.quit_after is not None:
        QTimer.singleShot(max(0, int(args.quit_after * 1000)), app.quit)
    return app.exec()
