"""desktop/wording/letters: see README, "Where things live"."""
