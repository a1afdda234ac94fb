"""The notice answer's desk facts. Pure, no store: called on the GUI thread on every
what-if day, so each answer fits in a frame."""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from domain.desks import DeskPolicy
    from domain.notice import ClosedReason


def closed_reason_for(policy: DeskPolicy) -> ClosedReason:
    """For a day: None if the desk opens at all, else why it is closed all day."""
    from domain.services.notice import closed_reason_for

    return closed_reason_for(policy)


def self_service_ends_at(policy: DeskPolicy, on: dt.date) -> dt.datetime | None:
    """When a subscription cancelled in self-service on `on` ends: that day's closing
    time of the desk, or the next working day's (terms §10)."""
    from domain.services.notice import self_service_ends_at

    return self_service_ends_at(policy, on)
