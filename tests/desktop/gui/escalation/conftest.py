"""The escalation view's fixtures, shared by its test modules."""
from __future__ import annotations

import pytest

from desktop.gui.escalation.escalation_view import EscalationView
from desktop.gui.main_window import VIEWS


@pytest.fixture
def open_escalation(qtbot, main_window):
    """Switch the window to the escalation view; wait for the rules and the cases."""

    def _open() -> EscalationView:
        main_window.navigation.setCurrentRow([spec.key for spec in VIEWS].index("escalation"))
        view = main_window.view("escalation")
        assert main_window.current_view() is view
        qtbot.waitUntil(lambda: view.is_loaded and view.cases.is_loaded, timeout=15_000)
        return view

    return _open
