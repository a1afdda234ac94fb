"""desktop/gui/claims: see README, "Where things live"."""
