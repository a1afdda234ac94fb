"""The window on an agent's team login (issue 15, "Roles"): an administrator's actions
(deleting a customer, purging the journal) are shown disabled with the reason in the
tooltip; an administrator's login has them as a local file's agent does."""
from __future__ import annotations

from functools import partial
from urllib.parse import urlencode

import pytest

from desktop.common.database_target import resolve_target
from domain.customers import Customer
from domain.services import register
from domain.store import open_team_store

pytestmark = [pytest.mark.gui, pytest.mark.postgres]


@pytest.fixture
def team_logins(postgres_server, postgres_template, now, reference_bundle):
    """A team database with one customer, and `url(login)` for the logins kai (an agent)
    and maja (an administrator), over the socket (trust)."""
    name = postgres_server.create_database(template=postgres_template)
    postgres_server.execute("CREATE ROLE kai LOGIN IN ROLE deskguide_agent",
                            "CREATE ROLE maja LOGIN IN ROLE deskguide_admin")
    owner = open_team_store(postgres_server.url(name), now=now, reference=reference_bundle)
    customer = register.save_customer(owner, Customer("Östergren Bygg AB", "SE"))
    owner.close()
    query = urlencode({"host": str(postgres_server.folder), "port": postgres_server.port})
    yield customer, lambda login: partial(resolve_target, None, f"postgresql://{login}@/{name}?{query}")
    postgres_server.drop_database(name)
    postgres_server.execute("DROP ROLE kai", "DROP ROLE maja")


def _buttons(qtbot, window, customer_id):
    customers = window.show_view("customers")
    with qtbot.waitSignal(customers.customerShown, timeout=15_000):
        customers.open_customer(customer_id)
    call = window.show_view("call")
    return customers.form.delete_button, call.journal_panel.purge_button


@pytest.mark.parametrize(("login", "admin"), [("kai", False), ("maja", True)])
def test_an_agents_login_sees_the_administrators_actions_disabled_and_why(qtbot, open_window, team_logins,
                                                                          login, admin):
    customer, url = team_logins
    window = open_window(db_path=url(login))
    delete, purge = _buttons(qtbot, window, customer.id)
    if admin:
        qtbot.waitUntil(lambda: delete.isEnabled() and purge.isEnabled(), timeout=10_000)
        assert "administrator" not in delete.toolTip() + purge.toolTip()
    else:
        qtbot.waitUntil(lambda: "Deskguide administrator" in delete.toolTip() + purge.toolTip(), timeout=10_000)
        assert not delete.isEnabled() and not purge.isEnabled()
        assert purge.toolTip() == ("Needs a Deskguide administrator: your team database login is an agent's "
                                   "(deskguide_agent). Ask IT.")
        assert delete.toolTip() == purge.toolTip()
    window.shutdown()
