"""The call view in the real window with 100,000 customers and 300,000 subscriptions:
each keystroke in the customer search to the list repainted, and a customer picked to
its card shown (the worker's read, the card filled and repainted), against the 16 ms
frame. Run by run_benchmarks.py's `call-view` section; not a test.
"""
from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.customers_view_typing import FRAME_MS, NOW, TYPED, percentile, wait_until  # noqa: E402


def report(name: str, samples: list[float]) -> None:
    p99 = percentile(samples, 99)
    print(f"{name}: p50 {percentile(samples, 50):.1f} ms, p99 {p99:.1f} ms, max {max(samples):.1f} ms, "
          f"n={len(samples)} ({'within' if p99 <= FRAME_MS else 'OVER'} the {FRAME_MS:.0f} ms frame)")


def main() -> int:
    from PySide6.QtWidgets import QApplication

    from benchmarks.register_generator import generate
    from desktop.gui.main_window import MainWindow
    from domain.store import open_store

    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "deskguide.sqlite3"
        store = open_store(db, now=NOW)
        generate(store, customers=100_000, subscriptions=300_000, seed=1, today=NOW.date())
        store.close()
        window = MainWindow(db_path=db, clock=lambda: NOW)
        window.resize(1280, 800)
        window.show()
        view = window.view("call")
        wait_until(app, lambda: view.finder.is_loaded and window.hours.answerer is not None)

        typing = []
        for _ in range(5):
            for text in TYPED:
                started = time.perf_counter()
                view.search_edit.setText(text)
                app.processEvents()
                view.finder.table.viewport().repaint()
                typing.append((time.perf_counter() - started) * 1000)
        report("keystroke to repainted list", typing)

        from PySide6.QtCore import QEventLoop

        ids = random.Random(1).sample(range(1, 100_001), 300)
        opening, filling = [], []
        loop = QEventLoop()
        shown: list[float] = []

        def on_opened(_card) -> None:  # runs when the card has been filled on the GUI thread
            view.card_widget.repaint()
            shown.append(time.perf_counter())
            loop.quit()

        view.customerOpened.connect(on_opened)
        for customer_id in ids:
            started = time.perf_counter()
            view.open_customer(customer_id)
            loop.exec()  # no polling: returns as the card is shown
            opening.append((shown[-1] - started) * 1000)
            started = time.perf_counter()
            view.card_widget.show_card(view.current_card)
            view.card_widget.repaint()
            filling.append((time.perf_counter() - started) * 1000)
        report("customer picked to card shown (worker read, fill, repaint)", opening)
        report("card filled and repainted on the GUI thread (what can stall a frame)", filling)
        window.shutdown()  # the worker stops and the store closes now: no quit questions in a script
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
