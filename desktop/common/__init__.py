"""desktop/common: see README, "Where things live"."""
