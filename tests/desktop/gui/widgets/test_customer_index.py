"""One customer index for the whole window: every finder searches it, and a write that
changes customers, wherever it is made, reloads it once."""
from __future__ import annotations

import pytest

from desktop.gui.operations import register
from domain.customers import Customer

pytestmark = pytest.mark.gui


def test_every_finder_searches_the_one_index_and_a_save_anywhere_reloads_it(qtbot, main_window):
    index = main_window.customer_index
    call = main_window.show_view("call")
    qtbot.waitUntil(lambda: call.finder.is_loaded, timeout=15_000)
    customers = main_window.show_view("customers")
    qtbot.waitUntil(lambda: customers.is_loaded, timeout=15_000)
    escalation = main_window.show_view("escalation")
    escalation.form.customer.load()
    qtbot.waitUntil(lambda: escalation.form.customer.search is not None, timeout=15_000)
    assert call.finder.search is customers.search is escalation.form.customer.search is index.search

    call.search_edit.setText("fjellstue")
    assert call.finder.model.rowCount() == 0
    worker = main_window.worker
    # A write made through the operations, by no view at all: nobody reloads by hand.
    with qtbot.waitSignal(index.loaded, timeout=15_000):
        worker.run(lambda store: register.save_customer(store, Customer("Fjellstue AS", "NO")))
    assert call.finder.model.names() == ["Fjellstue AS"]  # the call's list follows as it is
    assert [summary.name for summary in customers.search.search("fjellstue", 5)] == ["Fjellstue AS"]
    assert escalation.form.customer.search is index.search


def test_a_change_that_is_not_to_customers_reads_nothing_again(qtbot, main_window):
    from desktop.gui.operations import Changed, Changes

    call = main_window.show_view("call")
    qtbot.waitUntil(lambda: call.finder.is_loaded, timeout=15_000)
    before = main_window.customer_index.search
    main_window.worker.run(lambda store: Changed(None, Changes.JOURNAL | Changes.CASES))
    qtbot.waitUntil(lambda: not main_window.worker.pending, timeout=10_000)
    assert main_window.customer_index.search is before and not main_window.customer_index.is_loading
