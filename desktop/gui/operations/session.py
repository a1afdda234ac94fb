"""Who works on the store (issue 15, "Roles"): the login's role, for the views that grey
out an administrator's actions. The database enforces the roles; this only says so early."""
from __future__ import annotations


def is_admin(store) -> bool | None:
    """True for an administrator (a local file's agent is their own), False for an agent,
    None while the server cannot be asked (offline: the actions fail anyway, and say why)."""
    from domain.errors import StoreError

    try:
        return store.role.is_admin
    except StoreError:
        return None
