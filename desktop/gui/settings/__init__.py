"""desktop/gui/settings: see README, "Where things live"."""
