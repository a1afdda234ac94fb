"""desktop/gui: see README, "Where things live"."""
