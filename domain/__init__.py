"""Deskguide's rules and store. Imports no Qt and nothing from `desktop`.

The rule modules (opening_hours, closed_days, ...) take plain values and return plain
values; `domain.store` maps them to SQLAlchemy; `domain.services` ties the two together
for the GUI and the CLI.
"""
