"""Services: what the GUI and the CLI call. Plain values in, plain values out; the store
is passed in, and "now" is passed in, never read here."""
