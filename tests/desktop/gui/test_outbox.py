"""Nothing lost in an outage, in the window (issue 15): with the team's server stopped, a
journal note saved from the call view, or a case saved from the escalation view, is kept
on this computer and listed as "waiting to send"; when the server is back the window
sends it by itself, once. A real
PostgreSQL server of the test's own, stopped and started under the real window."""
from __future__ import annotations

from functools import partial

import pytest
from PySide6.QtCore import Qt

from desktop.common.database_target import resolve_target
from desktop.gui.call.journal_model import WHEN
from desktop.gui.platform.settings import Settings
from domain.services.journal import journal
from domain.store import Store, init_team_database
from tests.desktop.gui.keyboard_input import type_text
from tests.desktop.gui.test_database_gone import open_on_call
from tests.desktop.gui.test_quit_workflow import add_customer

pytestmark = [pytest.mark.gui, pytest.mark.postgres]


@pytest.fixture
def own_server():
    from tests.postgres_server import PostgresServer

    server = PostgresServer(durable=True).start()
    yield server
    server.stop()


def test_a_note_saved_during_an_outage_waits_to_send_and_goes_by_itself_when_the_server_is_back(
        qtbot, open_window, own_server, team_reference_cache, now):
    name = own_server.create_database()
    init_team_database(own_server.url(name), now=now)
    team = Store.for_url(own_server.url(name))
    customer = add_customer(team)
    Settings().agent_name = "Anna Söderström"
    window = open_window(db_path=partial(resolve_target, None, own_server.socket_url(name)))
    window.worker._retry.setInterval(200)  # the app tries every 5 s; the test need not wait that long
    call = open_on_call(qtbot, window, customer.id)
    panel = call.journal_panel

    own_server.stop_server()
    panel.note_button.click()
    dialog = panel.note_dialog
    type_text(dialog.note_edit, "Ring tillbaka om licenserna")
    with qtbot.waitSignal(panel.entryAdded, timeout=15_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.note_dialog is None, timeout=10_000)  # kept: nothing left to lose
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1 and "waiting to send" in panel.model.text(0, WHEN),
                    timeout=15_000)
    assert panel.status.text().startswith("Waiting to send: the team database cannot be reached.")
    assert window.connection_banner is not None and window.connection_banner.isVisible()

    with qtbot.waitSignal(window.worker.outbox_sent, timeout=20_000) as sent:
        own_server.start_server()
    assert (sent.args[0].sent, sent.args[0].waiting) == (1, 0)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1 and "waiting" not in panel.model.text(0, WHEN),
                    timeout=15_000)
    team.engine.dispose()  # the test's own connection died with the server
    assert [(e.note, e.agent) for e in journal(team, customer.id)] == [
        ("Ring tillbaka om licenserna", "Anna Söderström")]
    team.close()


def test_a_case_saved_during_an_outage_is_listed_as_waiting_and_sent_when_the_server_is_back(
        qtbot, open_window, own_server, team_reference_cache, now):
    from desktop.gui.widgets.case_table_model import STATUS
    from domain.services.escalation import list_cases
    from tests.desktop.gui.test_quit_workflow import set_up_escalation

    name = own_server.create_database()
    init_team_database(own_server.url(name), now=now)
    window = open_window(db_path=partial(resolve_target, None, own_server.socket_url(name)))
    window.worker._retry.setInterval(200)
    window.show_view("escalation")
    view = set_up_escalation(qtbot, window)
    qtbot.waitUntil(lambda: view.cases.is_loaded, timeout=15_000)

    own_server.stop_server()
    with qtbot.waitSignal(view.caseSaved, timeout=15_000):
        qtbot.mouseClick(view.answer_widget.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.cases.model.rowCount() == 1
                    and "(waiting to send)" in view.cases.model.index(0, STATUS).data(), timeout=15_000)
    assert view.answer_widget.save_status.text().startswith("Waiting to send: the team database cannot be reached.")
    assert not view.cases.mark_button.isEnabled()  # marked once it is on the server

    with qtbot.waitSignal(window.worker.outbox_sent, timeout=20_000):
        own_server.start_server()
    qtbot.waitUntil(lambda: view.cases.model.rowCount() == 1 and view.cases.model.case(0).id is not None,
                    timeout=15_000)
    team = Store.for_url(own_server.url(name))
    try:
        assert [case.product for case in list_cases(team)] == ["Exchange Online"]
    finally:
        team.close()
