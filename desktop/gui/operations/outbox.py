"""The outbox (issue 15): what was written while the team database could not be reached,
sent by the store worker when the server answers again (desktop/gui/platform/store_worker.py)."""
from __future__ import annotations

from desktop.gui.operations import Changed, Changes


def send_waiting(store) -> Changed | None:
    """Send what waits, oldest first; None when nothing waited (or this is a local
    database). The lists that showed items "waiting to send" refresh on the changes."""
    from domain.services.outbox import sync, waiting_count

    if not waiting_count(store):
        return None
    report = sync(store)
    return Changed(report, Changes.JOURNAL | Changes.CASES)


def waiting_count(store) -> int:
    from domain.services.outbox import waiting_count

    return waiting_count(store)
