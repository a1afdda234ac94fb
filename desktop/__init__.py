"""Deskguide's front ends: the Qt GUI (desktop.gui.app) and the command line (desktop.cli).

Importing this package imports no Qt, so the CLI stays light.
"""
