"""An administrator's actions (deleting a customer, purging the journal) shown disabled
for an agent's login, with the reason in the tooltip (issue 15, "Roles"). The database
refuses them anyway; this spares the agent a button that can only fail."""
from __future__ import annotations

from collections.abc import Callable

from desktop.common.i18n import _
from desktop.gui.operations import session
from desktop.gui.platform.store_worker import StoreWorker


def needs_admin_tip() -> str:
    return _("Needs a Deskguide administrator: your team database login is an agent's (deskguide_agent). Ask IT.")


def watch_role(worker: StoreWorker, on_role: Callable[[bool], None]) -> None:
    """Ask the login's role when the store opens and again whenever a team database
    answers after an outage (IT may have changed the grants meanwhile); `on_role(True)`
    for an administrator. Unknown (offline) leaves the views as they are."""

    def ask() -> None:
        worker.run(session.is_admin, lambda admin: admin is not None and on_role(admin))

    ask()
    worker.reachability_changed.connect(lambda reachable, _name: reachable and ask())


def show_admin_only(button, allowed: bool, tip: str = "") -> None:
    """`button` as an administrator's action: `allowed` or disabled with the reason as
    its tooltip (`tip` otherwise)."""
    if not allowed:
        button.setEnabled(False)
    button.setToolTip(tip if allowed else needs_admin_tip())
