"""The desks' answers at start-up (issue 17): the installed reference hours first, said
to be provisional on the status bar and the cards, then the database's own answers
(an administrator's override may close a desk today); with a team database that is
slow or out of reach, neither the window nor the reference answers wait for it, and
the team's data fills in when the server answers."""
from __future__ import annotations

import datetime as dt
import socket
import sqlite3
from contextlib import closing
from functools import partial

import pytest

from desktop.common.database_target import resolve_target
from desktop.gui.main_window import MainWindow
from domain.desks import OverrideKind
from domain.services.hours import add_override, new_override
from domain.store import Store, init_team_database

pytestmark = pytest.mark.gui


def close_se_today(store, now):
    add_override(store, new_override(OverrideKind.CLOSED_DATE, "SE", now=now, by="Anna",
                                     on_date=now.date(), note="Office move"))


def open_recording(qtbot, where, clock):
    """The window with its hours view built at once, and what the status bar and the SE
    card said when the provisional answers came."""
    window = MainWindow(db_path=where, clock=clock)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    view = window.view("hours")
    seen = []
    window.hours.provisional_loaded.connect(lambda: seen.append({
        "store's answers": window.hours.answerer, "store open": window.worker.target is not None,
        "status": window.desks_label.text(), "why": window.desks_label.toolTip(), "SE": view.cards["SE"].text()}))
    window.show()
    return window, view, seen


def test_an_up_to_date_database_answers_first_with_its_own_overrides_never_provisionally(qtbot, store, isolated_data,
                                                                                       clock, now):
    """The usual start: the file is current, so its own answers (read without opening the
    store, domain/store/quick_read.py) are the first ones, the override included."""
    close_se_today(store, now)
    window, view, seen = open_recording(qtbot, isolated_data, clock)
    qtbot.waitUntil(lambda: window.hours.answerer is not None, timeout=15_000)
    assert seen == []  # no provisional step
    assert window.desks_label.text().startswith("Now: SE closed")
    se = view.cards["SE"].text()
    assert "CLOSED" in se and "Office move" in se and "Provisional" not in se


def test_a_database_that_needs_work_first_gets_reference_answers_said_to_be_provisional_then_its_own(
        qtbot, store, isolated_data, clock, now):
    """When the full store must do something first (here: the closed-day snapshot is gone,
    as when the year has turned), the reference hours answer meanwhile, said to be provisional."""
    close_se_today(store, now)
    with closing(sqlite3.connect(isolated_data)) as connection, connection:
        connection.execute("DELETE FROM closed_day_snapshot")
    window, view, seen = open_recording(qtbot, isolated_data, clock)
    qtbot.waitUntil(lambda: window.hours.answerer is not None, timeout=15_000)

    [first] = seen
    assert first["store's answers"] is None and not first["store open"]
    # The reference hours know nothing of the override: open, and said to be provisional.
    assert first["status"].startswith("Now (provisional): SE open until 17:00 · NO open until 16:00")
    assert first["why"] == ("Provisional: the administrators' changes to the hours are being read from the "
                            "database.")
    assert "OPEN" in first["SE"] and "Provisional: the administrators' changes" in first["SE"]
    # Then the database's: the override closes the desk, and nothing says provisional any more.
    assert window.desks_label.text().startswith("Now: SE closed")
    assert window.desks_label.toolTip() == ""
    se = view.cards["SE"].text()
    assert "CLOSED" in se and "Office move" in se and "Provisional" not in se
    assert window.hours.provisional is None


def test_a_database_that_cannot_be_opened_replaces_the_provisional_answers_with_the_reason(qtbot, isolated_data,
                                                                                          clock):
    isolated_data.parent.mkdir(parents=True, exist_ok=True)
    isolated_data.write_text("not a database")
    window, view, seen = open_recording(qtbot, isolated_data, clock)
    qtbot.waitUntil(lambda: window.hours.error is not None, timeout=15_000)

    assert seen and seen[0]["status"].startswith("Now (provisional): SE open")
    assert window.desks_label.text() == "The desks could not be loaded."
    assert view.cards["SE"].text().endswith("Not available: the desks could not be loaded.")
    assert window.hours.provisional is None and window.hours.answerer is None


@pytest.fixture
def silent_port():
    """A port that takes the connection and never says a word, like a server behind a
    dead VPN: the client waits for its connect_timeout."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as listening:
        listening.bind(("127.0.0.1", 0))
        listening.listen(16)
        yield listening.getsockname()[1]


@pytest.mark.postgres
def test_a_silent_team_server_holds_back_neither_the_window_nor_the_reference_answers(qtbot, silent_port, clock,
                                                                                      team_reference_cache):
    url = f"postgresql://127.0.0.1:{silent_port}/deskguide?connect_timeout=3"
    window, view, seen = open_recording(qtbot, partial(resolve_target, None, url), clock)
    qtbot.waitUntil(lambda: bool(seen), timeout=15_000)

    [first] = seen
    assert not first["store open"]  # the worker is still waiting for the server
    assert first["status"].startswith("Now (provisional): SE open until 17:00")
    assert first["why"].startswith("Provisional: waiting for the team database;")
    assert "Provisional: waiting for the team database" in first["SE"]
    # Then the connect timeout: the team store opens offline, on the reference hours, and says why.
    qtbot.waitUntil(lambda: window.hours.answerer is not None, timeout=15_000)
    qtbot.waitUntil(lambda: window.connection_banner is not None and window.connection_banner.isVisible(),
                    timeout=15_000)
    assert "cannot be reached" in window.connection_banner.label.text()
    assert "The administrators' changes to the hours are not included" in view.cards["SE"].text()


@pytest.mark.postgres
def test_the_team_answers_fill_in_when_the_stopped_server_starts(qtbot, own_server, clock, now,
                                                                team_reference_cache):
    name = own_server.create_database()
    init_team_database(own_server.url(name), now=now)
    team = Store.for_url(own_server.url(name))
    close_se_today(team, now)
    team.close()
    own_server.stop_server()

    window, view, seen = open_recording(qtbot, partial(resolve_target, None, own_server.socket_url(name)), clock)
    window.worker._retry.setInterval(200)  # the app tries every 5 s; the test need not wait that long
    qtbot.waitUntil(lambda: window.hours.answerer is not None, timeout=15_000)
    assert seen and seen[0]["status"].startswith("Now (provisional): SE open until 17:00")
    # Out of reach: the reference hours, said to lack the administrators' changes.
    assert window.desks_label.text().startswith("Now: SE open until 17:00")
    assert "The administrators' changes to the hours are not included" in view.cards["SE"].text()

    own_server.start_server()
    qtbot.waitUntil(lambda: window.desks_label.text().startswith("Now: SE closed"), timeout=20_000)
    se = view.cards["SE"].text()
    assert "Office move" in se and "not included" not in se
    assert dt.date(2026, 11, 23) in view.calendars.pages["SE"].calendar.closed_dates
