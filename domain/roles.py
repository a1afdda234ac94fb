"""Who may do what in a team (issue 15, "Roles"): the database enforces it with the grants
`deskguide team init` gives its two group roles (domain/store/team.py); the app asks the
store for the login's role only to say so early (a button greyed out with the reason, the
CLI's one line before it tries). A local SQLite file's agent is their own administrator."""
from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from domain.errors import NotAllowed
from domain.messages import Message


class Role(enum.Enum):
    ADMIN = "admin"  # deskguide_admin: also desk overrides, deleting customers, purging the journal
    AGENT = "agent"  # deskguide_agent: the register, cases and journal
    NONE = "none"  # neither (a login IT forgot to put in a group): reads what it was granted

    @property
    def is_admin(self) -> bool:
        return self is Role.ADMIN

    @property
    def group(self) -> str:
        """As `deskguide team status` names it: the group role, or "other"."""
        return {Role.ADMIN: "deskguide_admin", Role.AGENT: "deskguide_agent"}.get(self, "other")


AUTHOR_LENGTH = 100  # the store's changed_by, opened_by and responded_by columns


@dataclass(frozen=True)
class LastChange:
    """Who saved a shared record last, and when (the database's clock; issue 15, "Who
    changed what"). `by` is author_of()'s: "Anna Berg (anna.berg)" in a team."""

    by: str
    at: dt.datetime | None


def author_of(name: str, login: str | None) -> str:
    """How a change is signed: the agent's display name and, in a team, the database
    login that the database itself vouches for ("Anna Berg (anna.berg)"); either alone
    when the other is missing or the same."""
    name = " ".join((name or "").split())
    if login and name and name != login:
        signed = f"{name} ({login})"
    else:
        signed = name or login or ""
    return signed[:AUTHOR_LENGTH]


NEEDS_ADMIN = Message("needs a Deskguide administrator (the database role deskguide_admin); ask IT")


def require_admin(store) -> None:
    """NotAllowed unless the store's login is an administrator; before the write is tried,
    so the answer is the same on every engine and names what is missing (the database's
    own refusal stays the backstop)."""
    if not store.role.is_admin:
        raise NotAllowed(NEEDS_ADMIN)
