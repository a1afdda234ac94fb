"""desktop/gui/widgets: see README, "Where things live"."""
