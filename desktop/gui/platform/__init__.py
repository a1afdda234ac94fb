"""desktop/gui/platform: see README, "Where things live"."""
