"""The team's server goes away while the agent works, and comes back (issue 14, "Server
unreachable"): a real PostgreSQL server stopped and started under the real window. A
banner says since when; the hours keep answering; a save that fails keeps what was
typed and says why; the window finds the server again by itself and the save goes through."""
from __future__ import annotations

from functools import partial

import pytest
from PySide6.QtCore import Qt

from desktop.common.database_target import resolve_target
from domain.services.register import get_customer
from domain.store import Store, init_team_database
from tests.desktop.gui.keyboard_input import type_text
from tests.desktop.gui.test_quit_workflow import add_customer, open_in_customers

pytestmark = [pytest.mark.gui, pytest.mark.postgres]


def test_an_outage_is_shown_typed_work_is_kept_and_the_window_reconnects(qtbot, open_window, own_server,
                                                                        team_reference_cache, now):
    name = own_server.create_database()
    init_team_database(own_server.url(name), now=now)
    team = Store.for_url(own_server.url(name))
    customer = add_customer(team)
    window = open_window(db_path=partial(resolve_target, None, own_server.socket_url(name)))
    window.worker._retry.setInterval(200)  # the app tries every 5 s; the test need not wait that long
    view = open_in_customers(qtbot, window, customer.id)

    own_server.stop_server()
    view.form.name_edit.end(False)
    type_text(view.form.name_edit, " Sæter")
    with qtbot.waitSignal(window.worker.idle, timeout=15_000):
        qtbot.mouseClick(view.form.save_button, Qt.MouseButton.LeftButton)
    banner = window.connection_banner
    assert banner is not None and banner.isVisible()
    assert banner.label.text().startswith(f"Team database {name} on this computer (socket {own_server.folder}) "
                                          "cannot be reached since 12:00. Reference answers keep working;")
    assert view.form.status_label.text().startswith("Not saved:") and "cannot be reached" in \
        view.form.status_label.text()
    assert view.form.name_edit.text() == "Fjellstue AS Sæter" and view.form.is_dirty()
    hours = window.show_view("hours")
    assert hours.isVisible() and window.hours.answerer is not None  # reference answers carry on

    own_server.start_server()
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=15_000)
    assert window.statusBar().currentMessage() == "The team database answers again."
    window.show_view("customers")
    with qtbot.waitSignal(window.worker.idle, timeout=15_000):
        qtbot.mouseClick(view.form.save_button, Qt.MouseButton.LeftButton)
    team.engine.dispose()  # the test's own connection died with the server; the window's recovered
    assert get_customer(team, customer.id).customer.name == "Fjellstue AS Sæter"
    team.close()
