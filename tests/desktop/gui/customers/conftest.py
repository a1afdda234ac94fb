"""The customers view's fixtures, shared by its tests (the view, and editing together)."""
from __future__ import annotations

import pytest


@pytest.fixture
def open_customers(qtbot, main_window):
    """Switch the window to the customers view and wait for the register."""
    from desktop.gui.customers.customers_view import CustomersView
    from desktop.gui.main_window import VIEWS

    def _open() -> CustomersView:
        main_window.navigation.setCurrentRow([spec.key for spec in VIEWS].index("customers"))
        view = main_window.view("customers")
        assert main_window.current_view() is view
        if not view.is_loaded:
            with qtbot.waitSignal(view.registerLoaded, timeout=15_000):
                pass
        return view

    return _open
