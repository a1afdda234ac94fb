"""What every view is handed when the main window builds it (and nothing else: a view
never reaches for the window or a global)."""
from __future__ import annotations

from typing import NamedTuple

from desktop.gui.platform.store_worker import Clock, StoreWorker
from desktop.gui.widgets.customer_index import CustomerIndex
from desktop.gui.widgets.hours_model import HoursModel


# NamedTuple, not dataclass: dataclasses imports inspect, ~5 ms before the first frame.
class ViewContext(NamedTuple):
    """What a view may use: the store (through the worker), shared models, the clock."""

    worker: StoreWorker
    hours: HoursModel
    customer_index: CustomerIndex  # the one search over the register, for every finder
    clock: Clock
