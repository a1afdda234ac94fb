"""File > Import register..., Export register... and Refresh (F5) (issue 16): the CLI's
import and export from the window, with a progress dialog, the same all-or-nothing
problem report, and the register findable (Ctrl+F) as soon as it is in."""
from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from desktop import cli
from tests.desktop.gui.keyboard_input import retype

pytestmark = pytest.mark.gui
DATA = Path(__file__).parents[2] / "data"
GOOD = DATA / "register-semicolon.csv"  # 4 customers, 4 subscriptions


@pytest.fixture
def window(qtbot, store, open_window):
    window = open_window()
    qtbot.waitUntil(lambda: window.transfer is not None and window.view("call").finder.is_loaded, timeout=15_000)
    return window


def customer_names(store) -> list[str]:
    from domain.services.register import customer_summaries

    return sorted(summary.name for summary in customer_summaries(store))


def pick_in_file_dialog(qtbot, window, action, path: Path, name_filter: str | None = None) -> None:
    """What the agent does: File > the action, choose the file, Open/Save."""
    action.trigger()
    dialog = window.transfer.file_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=5_000)
    if name_filter is not None:
        dialog.selectNameFilter(name_filter)
    dialog.setDirectory(str(path.parent))
    dialog.selectFile(str(path))
    dialog.accept()


def import_through_menu(qtbot, window, path: Path):
    with qtbot.waitSignal(window.transfer.imported, timeout=30_000) as answered:
        pick_in_file_dialog(qtbot, window, window.transfer.import_action, path)
    qtbot.waitUntil(lambda: window.worker.pending == 0, timeout=10_000)
    return answered.args[0]


def find(qtbot, window, text: str) -> list[str]:
    window.call.find_action.trigger()  # Ctrl+F
    call = window.view("call")
    retype(call.search_edit, text)
    return call.finder.model.names()


def test_file_menu_lists_import_export_and_refresh_on_f5(window):
    texts = [action.text() for action in window.file_menu.actions() if not action.isSeparator()]
    assert texts[:3] == ["&Import register…", "&Export register…", "&Refresh"]
    assert window.transfer.refresh_action.shortcut().toString() == "F5"


def test_importing_a_good_file_makes_its_customers_findable_at_once(qtbot, window, store):
    assert find(qtbot, window, "Kylänpää") == []
    outcome = import_through_menu(qtbot, window, GOOD)
    assert (outcome.result.customers_added, outcome.result.subscriptions_added) == (4, 4)
    assert window.transfer.progress is None  # the progress dialog is gone
    assert window.transfer.result_box.isVisible() and "Imported register-semicolon.csv." in \
        window.transfer.result_box.text()
    assert "4 added, 0 updated, 0 unchanged" in window.transfer.result_box.informativeText()
    qtbot.waitUntil(lambda: find(qtbot, window, "Kylänpää") == ["Kylänpää Oy"], timeout=10_000)
    assert "Fjellstue Sæter AS" in customer_names(store)


def test_a_bad_file_shows_every_problem_and_changes_nothing(qtbot, window, store, tmp_path):
    import_through_menu(qtbot, window, GOOD)
    before = customer_names(store)
    bad = tmp_path / "kunder.csv"
    lines = GOOD.read_text(encoding="utf-8-sig").splitlines()
    lines[1] = lines[1].replace("22.11.2025", "31.02.2026")  # not a day: line 2
    lines.append("C-2001;Ny Kund AB;;XX;;;;;;;;;;;;")  # a new customer in no Nordic country: line 8
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")

    outcome = import_through_menu(qtbot, window, bad)
    assert outcome.result is None and len(outcome.problems) == 2
    dialog = window.transfer.problems_dialog
    assert dialog is not None and dialog.isVisible()
    assert "2 problems in kunder.csv: nothing was imported" in dialog.summary.text()
    model = dialog.model
    rows = [[model.data(model.index(row, column)) for column in range(4)] for row in range(model.rowCount())]
    assert [row[:3] for row in rows] == [[2, "start_date", "'31.02.2026'"], [8, "country", "'XX'"]]
    assert all(row[3] for row in rows)  # each with its reason
    assert customer_names(store) == before  # all or nothing: not even the good rows


def test_cancel_before_the_commit_leaves_the_database_untouched(qtbot, window, store):
    before = customer_names(store)
    gate = threading.Event()
    window.worker.run(lambda _store: gate.wait(10))  # the worker busy: the import waits its turn
    with qtbot.waitSignal(window.transfer.imported, timeout=30_000) as answered:
        window.transfer.import_file(str(GOOD))
        progress = window.transfer.progress
        assert progress.isVisible() and progress.maximum() > progress.minimum()  # a real bar
        progress.findChild(QPushButton).click()  # Cancel, as the agent clicks it
        gate.set()
    assert answered.args[0].cancelled
    assert window.statusBar().currentMessage() == "Import cancelled: nothing was imported."
    assert customer_names(store) == before


def test_export_writes_the_clis_file_and_it_imports_back_unchanged(qtbot, window, store, tmp_path, capsys):
    import_through_menu(qtbot, window, GOOD)
    window.transfer.export_action.trigger()
    dialog = window.transfer.file_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=5_000)
    today = window.clock().astimezone().date().isoformat()
    assert Path(dialog.selectedFiles()[0]).name == f"deskguide-register-{today}.csv"  # the default name
    dialog.reject()

    exported = tmp_path / "register.csv"
    with qtbot.waitSignal(window.transfer.exported, timeout=30_000) as answered:
        pick_in_file_dialog(qtbot, window, window.transfer.export_action, exported)
    assert answered.args[0] == 5  # 4 subscriptions, and a customer without any
    assert window.statusBar().currentMessage() == f"Exported 5 rows to {exported}."

    by_cli = tmp_path / "by-cli.csv"
    assert cli.main(["export", str(by_cli)]) == 0
    capsys.readouterr()
    assert exported.read_bytes() == by_cli.read_bytes()

    again = import_through_menu(qtbot, window, exported).result
    assert (again.customers_added, again.customers_updated, again.customers_unchanged) == (0, 0, 4)
    assert (again.subscriptions_added, again.subscriptions_updated, again.subscriptions_unchanged) == (0, 0, 4)


def test_export_with_commas_when_the_agent_picks_them(qtbot, window, tmp_path):
    import_through_menu(qtbot, window, GOOD)
    exported = tmp_path / "commas.csv"
    with qtbot.waitSignal(window.transfer.exported, timeout=30_000):
        pick_in_file_dialog(qtbot, window, window.transfer.export_action, exported,
                            name_filter="CSV with commas (*.csv)")
    assert exported.read_text(encoding="utf-8-sig").splitlines()[0].startswith("customer_id,customer_name,")


def test_f5_reloads_after_the_cli_changed_the_file(qtbot, window, store, capsys):
    assert find(qtbot, window, "Åkesson") == []
    assert cli.main(["import", str(GOOD)]) == 0  # another program writes the database file
    capsys.readouterr()
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_F5)
    assert window.statusBar().currentMessage() == "Reloaded."
    qtbot.waitUntil(lambda: find(qtbot, window, "Åkesson") == ["Åkesson & Söner AB"], timeout=10_000)


@pytest.mark.postgres
def test_with_the_team_database_out_of_reach_the_import_says_it_must_wait(qtbot, open_window, team_reference_cache,
                                                                          now):
    from functools import partial

    from desktop.common.database_target import resolve_target
    from domain.store import Store, init_team_database
    from tests.postgres_server import PostgresServer

    server = PostgresServer().start()
    try:
        name = server.create_database()
        init_team_database(server.url(name), now=now)
        window = open_window(db_path=partial(resolve_target, None, server.socket_url(name)))
        qtbot.waitUntil(lambda: window.transfer is not None, timeout=15_000)
        server.stop_server()
        with qtbot.waitSignal(window.worker.reachability_changed, timeout=15_000):
            window.view("call").finder.reload()  # any read finds the server gone
        window.transfer.import_action.trigger()
        box = window.transfer.result_box
        assert window.transfer.file_dialog is None and box is not None and box.isVisible()
        assert box.text().startswith("The team database cannot be reached, so this must wait")
        window.transfer.refresh_action.trigger()
        assert window.statusBar().currentMessage().startswith("The team database cannot be reached")
        server.start_server()
        team = Store.for_url(server.url(name))
        from domain.services.register import customer_summaries

        assert customer_summaries(team) == []
        team.close()
    finally:
        server.stop()
