"""desktop/wording: see README, "Where things live"."""
