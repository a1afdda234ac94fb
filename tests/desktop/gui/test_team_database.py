"""The window on a team's PostgreSQL database (issue 14): it says which database it uses
(status bar, About), asks for the password the server wants and may remember it, and
reports a refused setting instead of falling back to a local file."""
from __future__ import annotations

from functools import partial

import pytest

from desktop.common import credential_store
from desktop.common.database_target import resolve_target
from desktop.common.team_url import parse_team_url
from tests.conftest import AGENT_PASSWORD

pytestmark = [pytest.mark.gui, pytest.mark.postgres]


def team(url: str):
    """How app.py hands the window its database: resolved on the worker thread."""
    return partial(resolve_target, None, url)


def password_dialog(qtbot, window):
    qtbot.waitUntil(lambda: window.password_dialog is not None and window.password_dialog.isVisible(),
                    timeout=15_000)
    return window.password_dialog


def test_the_window_opens_on_a_team_database_and_says_which(qtbot, open_window, password_database, memory_keyring):
    url, name = password_database
    credential_store.remember(parse_team_url(url, "test").credential_key(), AGENT_PASSWORD)
    window = open_window(db_path=team(url))  # waits until the desks are loaded: from the server
    port = url.split(":")[-1].split("/")[0]
    assert window.database_label.full_text() == f"Team database {name} on 127.0.0.1:{port}"
    assert window.password_dialog is None  # the credential store had it
    window.about_action.trigger()
    qtbot.waitUntil(lambda: "desks" in window.about_dialog.details.text(), timeout=10_000)
    assert f"Team database {name} on 127.0.0.1:{port}" in window.about_dialog.text()


def test_a_database_on_this_computer_s_socket_is_said_so(open_window, postgres_server, postgres_template):
    name = postgres_server.create_database(template=postgres_template)
    try:
        window = open_window(db_path=team(postgres_server.socket_url(name)))
        assert window.database_label.full_text() == (
            f"Team database {name} on this computer (socket {postgres_server.folder})")
        window.shutdown()
    finally:
        postgres_server.drop_database(name)


def test_the_password_is_asked_again_when_refused_and_remembered_when_asked(qtbot, open_window, password_database,
                                                                            memory_keyring):
    url, name = password_database
    window = open_window(db_path=team(url), wait_loaded=False)
    dialog = password_dialog(qtbot, window)
    assert f"Team database {name} on 127.0.0.1:" in dialog.explanation.text() and "agent" in dialog.explanation.text()
    assert dialog.password_edit.echoMode() == dialog.password_edit.EchoMode.Password
    assert not dialog.refused_label.isVisibleTo(dialog) and dialog.remember_box.isEnabled()
    assert not dialog.ok_button.isEnabled()  # nothing typed yet
    qtbot.keyClicks(dialog.password_edit, "wrong")
    dialog.ok_button.click()

    qtbot.waitUntil(lambda: window.password_dialog is not None and window.password_dialog is not dialog,
                    timeout=15_000)
    again = window.password_dialog
    assert again.refused_label.isVisibleTo(again) and "not accepted" in again.refused_label.text()
    qtbot.keyClicks(again.password_edit, AGENT_PASSWORD)
    again.remember_box.setChecked(True)
    again.ok_button.click()

    qtbot.waitUntil(lambda: window.hours.answerer is not None, timeout=15_000)
    assert window.database_label.full_text().startswith(f"Team database {name} on 127.0.0.1:")
    key = parse_team_url(url, "test").credential_key()
    assert memory_keyring.passwords == {("Deskguide team database", key): AGENT_PASSWORD}
    assert window.error_banner is None  # nothing went wrong


def test_cancelling_says_why_the_database_is_closed(qtbot, open_window, password_database):
    url, _ = password_database
    window = open_window(db_path=team(url), wait_loaded=False)
    dialog = password_dialog(qtbot, window)
    assert not dialog.remember_box.isEnabled()  # no credential store on this computer (the tests' default)
    dialog.reject()
    qtbot.waitUntil(lambda: window.error_banner is not None and window.error_banner.isVisible(), timeout=15_000)
    said = window.error_banner.label.text()
    assert said.startswith("The database could not be opened: Team database") and "password of agent" in said
    qtbot.waitUntil(lambda: "could not be loaded" in window.desks_label.text(), timeout=15_000)


def test_deskguide_gui_database_url_with_a_password_is_refused_in_the_window(qtbot):
    from desktop.gui import app

    args, _ = app._parse(["--database-url", "postgresql://agent:hunter2hunter2@db.example/deskguide"])
    window = app.create_main_window(args.db, args.database_url)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.error_banner is not None and window.error_banner.isVisible(), timeout=15_000)
    said = window.error_banner.label.text()
    assert "--database-url: a URL with a password is refused" in said and "hunter2" not in said
    assert window.database_label.full_text() == ""  # no database: not the local file either


def test_deskguide_gui_database_url_opens_the_team_database(qtbot, password_database, memory_keyring):
    from desktop.gui import app

    url, name = password_database
    credential_store.remember(parse_team_url(url, "test").credential_key(), AGENT_PASSWORD)
    args, _ = app._parse(["--database-url", url])
    window = app.create_main_window(args.db, args.database_url)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.hours.answerer is not None, timeout=15_000)
    assert window.database_label.full_text().startswith(f"Team database {name} on 127.0.0.1:")
