"""Colleagues' changes appear by themselves (issue 15, "Live"): a real window on a real
PostgreSQL database, a colleague's Deskguide in another process saving; and a local
file changed by the command line. Within 2 s of the commit, no click: the search
(Ctrl+F, Ctrl+K), the open card, the case list, the journal; an open form says who
changed it instead of replacing what it shows."""
from __future__ import annotations

import subprocess
import sys
from functools import partial
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop.common.database_target import resolve_target
from domain.customer_csv import COLUMNS
from domain.customers import Customer
from domain.services.register import save_customer
from domain.store import Store
from tests.desktop.gui import colleague
from tests.desktop.gui.keyboard_input import type_text
from tests.desktop.gui.test_quit_workflow import open_in_customers

ROOT = Path(__file__).resolve().parents[3]
LIVE_MS = 2000  # the promise


def texts(model) -> list[str]:
    """Every cell a view shows, as text."""
    return [str(model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole) or "")
            for row in range(model.rowCount()) for column in range(model.columnCount())]


def found_by_palette(window, text: str) -> list[str]:
    """What Ctrl+K lists as customers for `text`."""
    return [item.label for item in window.call.palette_items(text) if item.kind == "Customer"]


def run_colleague(url: str, cache: Path, customer_id: int) -> None:
    done = subprocess.run([sys.executable, "-m", "tests.desktop.gui.colleague", url, str(cache), str(customer_id)],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr


@pytest.fixture
def team_database(postgres_server, postgres_template):
    name = postgres_server.create_database(template=postgres_template)
    yield name
    postgres_server.drop_database(name)


@pytest.mark.gui
@pytest.mark.postgres
def test_a_colleague_s_commit_shows_in_search_card_cases_journal_and_form(
        qtbot, open_window, postgres_server, team_database, team_reference_cache):
    team = Store.for_url(postgres_server.url(team_database))
    customer = save_customer(team, Customer(name="Fjellstue AS", country="NO", org_number="923 609 016"))
    team.close()
    window = open_window(db_path=partial(resolve_target, None, postgres_server.socket_url(team_database)))
    qtbot.waitUntil(lambda: window.call is not None, timeout=15_000)
    escalation = window.view("escalation")
    qtbot.waitUntil(lambda: escalation.cases.is_loaded, timeout=15_000)
    customers = open_in_customers(qtbot, window, customer.id)  # the form open on the customer
    call = window.show_view("call")
    qtbot.waitUntil(lambda: call.finder.is_loaded, timeout=15_000)
    with qtbot.waitSignal(call.customerOpened, timeout=10_000):
        call.open_customer(customer.id)
    qtbot.waitUntil(lambda: call.journal_panel.is_loaded, timeout=10_000)
    type_text(call.search_edit, "solberg")
    assert call.finder.model.names() == [] and found_by_palette(window, "solberg") == []
    assert escalation.cases.model.rowCount() == 0

    run_colleague(str(postgres_server.url(team_database).render_as_string(hide_password=False)),
                  team_reference_cache, customer.id)

    def everything_shown() -> bool:
        return (call.finder.model.names() == [colleague.NEW_CUSTOMER]  # Ctrl+F, as typed before the commit
                and found_by_palette(window, "solberg") == [colleague.NEW_CUSTOMER]  # Ctrl+K
                and call.current_card.customer.name == colleague.RENAMED  # the open card
                and colleague.NOTE in texts(call.journal_panel.model)  # the journal
                and escalation.cases.model.rowCount() == 1  # the case list
                and customers.form.elsewhere_note.isVisibleTo(customers))  # the open form's note
    qtbot.waitUntil(everything_shown, timeout=LIVE_MS)

    assert escalation.cases.model.case(0).customer_name == colleague.RENAMED
    # The form keeps what it showed (never a silent replace) and says who changed it.
    assert customers.form.name_edit.text() == "Fjellstue AS"
    assert customers.form.elsewhere_note.plain_text().startswith("Changed by ")
    with qtbot.waitSignal(customers.customerShown, timeout=5_000):
        customers.form.elsewhere_note.linkActivated.emit("reload")
    assert customers.form.name_edit.text() == colleague.RENAMED
    assert not customers.form.elsewhere_note.isVisibleTo(customers)


@pytest.mark.gui
@pytest.mark.postgres
def test_the_window_hears_colleagues_again_after_a_server_restart(qtbot, open_window, own_server,
                                                                   team_reference_cache, now):
    from domain.store import init_team_database

    name = own_server.create_database()
    init_team_database(own_server.url(name), now=now)
    window = open_window(db_path=partial(resolve_target, None, own_server.socket_url(name)))
    window.worker._retry.setInterval(200)  # the app tries every 5 s; the test need not wait that long
    qtbot.waitUntil(lambda: window.call is not None and window.view("call").finder.is_loaded, timeout=15_000)
    qtbot.waitUntil(lambda: window.worker._runner.live.listening, timeout=5_000)

    own_server.stop_server()  # the listening connection dies with it: the window says so
    qtbot.waitUntil(lambda: window.worker.offline, timeout=10_000)
    own_server.start_server()
    qtbot.waitUntil(lambda: not window.worker.offline, timeout=15_000)
    qtbot.waitUntil(lambda: window.worker._runner.live.listening, timeout=5_000)

    team = Store.for_url(own_server.url(name))
    save_customer(team, Customer(name="Solberg Bygg AS", country="NO"))
    team.close()
    qtbot.waitUntil(lambda: found_by_palette(window, "solberg") == ["Solberg Bygg AS"], timeout=LIVE_MS)


@pytest.mark.gui
def test_a_register_imported_from_the_command_line_is_found_with_ctrl_k(qtbot, open_window, isolated_data, tmp_path):
    window = open_window(db_path=isolated_data)
    qtbot.waitUntil(lambda: window.call is not None and window.view("call").finder.is_loaded, timeout=15_000)
    assert found_by_palette(window, "Lindqvist") == []
    register = tmp_path / "register.csv"
    register.write_text(";".join(COLUMNS) + "\nC-1;Lindqvist Konsult AB;556677-8899;SE;;;;;;S-1;Microsoft 365 E3;12;"
                        "22.11.2025;25;ja;ja\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "desktop.cli", "import", str(register), "--db", str(isolated_data)],
                            cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    qtbot.waitUntil(lambda: found_by_palette(window, "Lindqvist") == ["Lindqvist Konsult AB"], timeout=LIVE_MS)


@pytest.mark.gui
def test_an_open_subscription_dialog_says_a_program_changed_it_and_reloads_theirs(qtbot, open_window, store, now):
    import dataclasses

    from domain.customers import Subscription
    from domain.notice import Term
    from domain.services.register import save_subscription

    customer = save_customer(store, Customer(name="Fjellstue AS", country="NO", org_number="923 609 016"))
    subscription = save_subscription(store, Subscription(product="Microsoft 365 E3", term=Term.MONTHS_12,
                                                         start_date=now.date(), seats=10, customer_id=customer.id),
                                     now.date())
    window = open_window()
    view = open_in_customers(qtbot, window, customer.id)
    view.change_subscription()
    dialog = view.subscription_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=5_000)
    assert dialog.seats_spin.value() == 10 and not dialog.elsewhere_note.isVisibleTo(dialog)

    save_subscription(store, dataclasses.replace(subscription, seats=25), now.date())  # another connection: the CLI
    qtbot.waitUntil(lambda: dialog.elsewhere_note.isVisibleTo(dialog), timeout=LIVE_MS)
    assert dialog.elsewhere_note.plain_text() == "Changed in another window or program meanwhile."
    assert dialog.seats_spin.value() == 10  # nothing replaced under the agent
    dialog.elsewhere_note.linkActivated.emit("reload")
    qtbot.waitUntil(lambda: dialog.seats_spin.value() == 25, timeout=5_000)
    assert not dialog.elsewhere_note.isVisibleTo(dialog) and not dialog.is_dirty()
