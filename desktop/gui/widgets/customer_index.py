"""One search index over the whole customer register, shared by every finder in the
window (the call, Customers & notice, the escalation's customer, Ctrl+K).

The register may hold 100,000 customers: their summaries are read and indexed once on
the store worker (operations.register.customer_search); after that every keystroke
searches in memory on the GUI thread, within a frame. A write that changes customers,
whoever makes it, says so (operations.Changes.CUSTOMERS on StoreWorker.changed) and the
index is read again: nobody wires "saved here, reload there" by hand. Until the new
index is here the old one answers.
"""
from __future__ import annotations

import gc
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from desktop.gui.operations import Changes, register

if TYPE_CHECKING:
    from desktop.gui.operations.register import CustomerSearch
    from desktop.gui.platform.store_worker import StoreWorker


class CustomerIndex(QObject):
    loaded = Signal()  # (re)built: searching finds the latest
    failed = Signal(str)  # why the register could not be read

    def __init__(self, worker: StoreWorker, parent: QObject | None = None):
        super().__init__(parent)
        self.worker = worker
        self.search: CustomerSearch | None = None
        self.error: str | None = None
        self._loading = False
        self._reload_pending = False
        worker.changed.connect(self._on_changes)

    @property
    def is_loaded(self) -> bool:
        return self.search is not None

    @property
    def is_loading(self) -> bool:
        return self._loading

    def reload(self) -> None:
        """Read every customer's summary again and rebuild the index, on the worker."""
        if self._loading:
            self._reload_pending = True  # a change came in while this read ran: read once more
            return
        self._loading = True
        self.worker.run(register.customer_search, self._on_loaded, self._on_failed)

    def refresh(self) -> None:
        """Read again unless a read is already on its way (or nothing was read yet)."""
        if self.search is not None and not self._loading:
            self.reload()

    def _on_changes(self, changes: Changes) -> None:
        if Changes.CUSTOMERS in changes and (self.search is not None or self._loading):
            self.reload()  # an index nobody asked for yet is not built for a change either

    def _on_loaded(self, search: CustomerSearch) -> None:
        self._loading = False
        if self._reload_pending:
            self._reload_pending = False
            self.reload()
            return
        self.search, self.error = search, None
        # A register of 100,000 customers is a few million long-lived objects; left to the
        # cyclic GC, each full collection walks them all and a keystroke now and then takes
        # 25 ms instead of 8. Frozen, the collector skips them; the index holds no cycles, so
        # the one it replaces is still freed (by reference counting) after a reload.
        gc.freeze()
        self.loaded.emit()

    def _on_failed(self, message: str) -> None:
        self._loading = False
        self._reload_pending = False
        self.error = message
        self.failed.emit(message)
