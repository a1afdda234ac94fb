"""desktop/gui/escalation: see README, "Where things live"."""
