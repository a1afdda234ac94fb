"""desktop/gui/customers: see README, "Where things live"."""
