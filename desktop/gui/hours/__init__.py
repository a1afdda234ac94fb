"""desktop/gui/hours: see README, "Where things live"."""
