"""How long the whole window takes to change language at run time, every view built
(its own process: it needs Qt). Run by run_benchmarks.py's `language` section.

Not a per-keystroke lookup (the agent switches language rarely), but it must not
freeze the window: a switch re-says every label and re-renders every answer.
"""
from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from run_benchmarks import report  # noqa: E402

NOW = dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.timezone.utc)


def main() -> None:
    from desktop.gui.main_window import VIEWS, MainWindow
    from desktop.gui.platform.language import apply_language

    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as folder:
        window = MainWindow(db_path=Path(folder) / "bench.sqlite3", clock=lambda: NOW)
        window.resize(1280, 800)
        window.show()
        loop = QEventLoop()
        deadline = time.monotonic() + 30
        while window.hours.answerer is None and time.monotonic() < deadline:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        for row, spec in enumerate(VIEWS):
            window.navigation.setCurrentRow(row)
            window.view(spec.key)
        QTimer.singleShot(500, loop.quit)
        loop.exec()  # the views' own loading jobs finish
        samples = []
        for language in ("sv", "fi", "nb", "da", "en") * 6:
            started = time.perf_counter()
            apply_language(language)
            app.processEvents()  # the repaint the agent waits for
            samples.append((time.perf_counter() - started) * 1000)
        report(f"switch the whole window's language ({len(VIEWS)} views built)", samples)
        window.shutdown()  # the worker stops and the store closes now: no quit questions in a script
        window.close()


if __name__ == "__main__":
    main()
