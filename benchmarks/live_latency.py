"""Notify latency (issue 15, "Live"): a colleague's commit, in another process, to the
real window showing it, on a throwaway PostgreSQL server over its local socket.

A colleague's process writes CHANGES journal entries for the customer whose card is
open, one every INTERVAL seconds, and prints the monotonic clock just after each commit
(CLOCK_MONOTONIC is one clock for every process on the machine). The window records
when each notice reached the GUI thread (StoreWorker.changed_elsewhere) and when its
journal panel showed the entry (read again from the server and repainted). Run by
run_benchmarks.py's `live` section; not a test.
"""
from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CHANGES = 100
INTERVAL = 0.1  # seconds between a colleague's commits: a busy desk, not a flood

COLLEAGUE = """
import datetime as dt, sys, time
from pathlib import Path
from domain.journal import JournalEntry, JournalKind
from domain.services.journal import add_entry
from domain.store.team import open_team_store
url, cache, customer_id, changes, interval = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5])
now = dt.datetime.now(dt.timezone.utc)
store = open_team_store(url, now=now, cache_path=Path(cache))
for number in range(changes):
    add_entry(store, JournalEntry(customer_id=customer_id, created=now, agent="Anna", kind=JournalKind.NOTE,
                                  topic="", verdict="", note=f"note {number}"))
    print(number, time.monotonic(), flush=True)
    time.sleep(interval)
store.close()
"""


def percentile(samples: list[float], pct: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(pct / 100 * (len(ordered) - 1))))]


def report(name: str, samples: list[float]) -> None:
    print(f"{name:<52} n={len(samples):<4} p50={percentile(samples, 50):7.1f} ms  "
          f"p99={percentile(samples, 99):7.1f} ms  max={max(samples):7.1f} ms", flush=True)


def wait_until(app, condition, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not get there")
        app.processEvents()
        time.sleep(0.001)


def main() -> int:
    from PySide6.QtWidgets import QApplication

    from desktop.common.database_target import resolve_target
    from desktop.gui.main_window import MainWindow
    from domain.customers import Customer
    from domain.services.register import save_customer
    from domain.store import Store, init_team_database
    from domain.store.opening import open_store
    from tests.postgres_server import PostgresServer

    app = QApplication.instance() or QApplication(sys.argv[:1])
    now = dt.datetime.now(dt.timezone.utc)
    server = PostgresServer().start()
    folder = tempfile.TemporaryDirectory()
    os.environ["DESKGUIDE_DB"] = str(Path(folder.name) / "deskguide.sqlite3")
    try:
        name = server.create_database(prefix="live")
        url = server.url(name)
        init_team_database(url, now=now)
        cache = Path(folder.name) / "team-reference.sqlite3"
        open_store(cache, now=now).close()
        team = Store.for_url(url)
        customer = save_customer(team, Customer(name="Fjellstue AS", country="NO"))
        team.close()

        window = MainWindow(db_path=lambda: resolve_target(None, server.socket_url(name)))
        window.show()
        wait_until(app, lambda: window.call is not None and window.view("call").finder.is_loaded)
        call = window.view("call")
        call.open_customer(customer.id)
        wait_until(app, lambda: call.current_card is not None and call.journal_panel.is_loaded)

        heard: list[float] = []  # the GUI thread's clock when each notice arrived
        shown: dict[int, float] = {}  # rows in the journal -> when they were first on screen
        window.worker.changed_elsewhere.connect(
            lambda news: heard.extend(time.monotonic() for n in news.notices if n.kind == "journal"))
        panel = call.journal_panel
        panel.loaded.connect(lambda: shown.setdefault(panel.model.rowCount(), time.monotonic()))

        colleague = subprocess.Popen(
            [sys.executable, "-c", COLLEAGUE, url.render_as_string(hide_password=False), str(cache),
             str(customer.id), str(CHANGES), str(INTERVAL)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
        wait_until(app, lambda: colleague.poll() is not None and len(heard) >= CHANGES
                   and max(shown, default=0) >= CHANGES, timeout=CHANGES * INTERVAL + 60)
        committed = [float(line.split()[1]) for line in colleague.stdout.read().splitlines()]
        to_notice = [(h - c) * 1000 for h, c in zip(heard, committed)]
        # The entry `i` is on screen once the journal shows at least i + 1 rows.
        to_screen = [(min(t for rows, t in shown.items() if rows >= i + 1) - c) * 1000
                     for i, c in enumerate(committed)]
        print(f"== Live: a colleague's commit (another process) to the window, PostgreSQL over a local socket, "
              f"{CHANGES} journal entries {INTERVAL * 1000:.0f} ms apart ==")
        report("commit -> notice on the GUI thread", to_notice)
        report("commit -> the open journal shows the entry", to_screen)
        window.shutdown()
        window.close()
    finally:
        server.stop()
        folder.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
