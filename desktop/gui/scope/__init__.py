"""desktop/gui/scope: see README, "Where things live"."""
