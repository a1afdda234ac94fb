"""Who changed what in the window (issue 15): the customer card says who saved the
customer last and when, the case list who opened each case and who marked the first
response, and what the agent saves is signed with the name in their settings."""
from __future__ import annotations

import datetime as dt

import pytest

from desktop.common.i18n import format_clock
from desktop.gui.platform.settings import Settings
from desktop.gui.widgets.case_table_model import PEOPLE
from domain.cases import new_case
from domain.customers import Customer
from domain.services import escalation, register
from tests.domain.raw_sql import sql

pytestmark = pytest.mark.gui

UTC = dt.timezone.utc


def test_the_card_says_who_changed_the_customer_last_and_when(qtbot, open_window, store, clock):
    store.agent_name = "Anna Berg"
    customer = register.save_customer(store, Customer("Östergren Bygg AB", "SE"))
    changed = clock.moment.replace(hour=10, minute=42)  # the pinned day: "at 10:42" on the agent's clock
    sql(store, "UPDATE customer SET changed_at = ? WHERE id = ?", changed.strftime("%Y-%m-%d %H:%M:%S"), customer.id)
    window = open_window()
    call = window.show_view("call")
    with qtbot.waitSignal(call.customerOpened, timeout=10_000):
        call.open_customer(customer.id)
    label = call.card_widget.changed_label
    assert label.isVisibleTo(call) and label.text() == f"Changed by Anna Berg at {format_clock(changed.astimezone())}"


def test_the_case_list_says_who_opened_a_case_and_who_marked_the_first_response(qtbot, open_window, store, clock):
    store.agent_name = "Anna Berg"
    answer = escalation.escalator(store).escalate("B", "unified", clock.moment, "SE")
    case = escalation.save_case(store, new_case(answer, "SE", "Exchange Online", "Östergren Bygg AB"))
    escalation.save_case(store, new_case(answer, "SE", "Teams", "Kylänpää Oy"))
    escalation.mark_responded(store, case.id, clock.moment + dt.timedelta(minutes=5), by="Mikko Virtanen")
    window = open_window()
    view = window.show_view("escalation")
    qtbot.waitUntil(lambda: view.cases.is_loaded and view.cases.model.rowCount() == 2, timeout=15_000)
    model = view.cases.model
    said = {model.case(row).product: model.data(model.index(row, PEOPLE)) for row in range(2)}
    assert said == {"Exchange Online": "Opened by Anna Berg; first response marked by Mikko Virtanen",
                    "Teams": "Opened by Anna Berg"}


def test_what_the_agent_saves_is_signed_with_the_name_in_their_settings(qtbot, open_window, store):
    from PySide6.QtCore import Qt

    Settings().agent_name = "Karin Lund"
    customer = register.save_customer(store, Customer("Åkesson & Söner AB", "SE"))
    window = open_window()
    view = window.show_view("customers")
    with qtbot.waitSignal(view.customerShown, timeout=10_000):
        view.open_customer(customer.id)
    qtbot.keyClicks(view.form.phone_edit, "+46 8 123 456 78")
    with qtbot.waitSignal(view.customerSaved, timeout=10_000):
        qtbot.mouseClick(view.form.save_button, Qt.MouseButton.LeftButton)
    assert register.get_customer(store, customer.id).customer.changed.by == "Karin Lund"
