"""desktop/gui/call: see README, "Where things live"."""
