"""Where the app writes what went wrong, for IT: a small rotating log in the user's own
log folder (%LOCALAPPDATA%\\Deskguide\\Logs on Windows), since a windowed program has no
console to print to. The agent sees one sentence; the details (a driver's message, a
traceback) go here. DESKGUIDE_LOG_DIR puts it elsewhere (tests, a locked-down profile).
"""
from __future__ import annotations

import logging
import os
from logging.handlers import RotatingFileHandler
from pathlib import Path

APP_NAME = "Deskguide"
LOG_NAME = "deskguide.log"
ENV_DIR = "DESKGUIDE_LOG_DIR"
MAX_BYTES = 1_000_000  # a few months of warnings; five files at most
BACKUPS = 4


def log_folder() -> Path:
    configured = os.environ.get(ENV_DIR)
    if configured:
        return Path(os.path.expanduser(configured))
    from platformdirs import user_log_dir

    return Path(user_log_dir(APP_NAME, appauthor=False))


def start_log_file() -> Path | None:
    """Send warnings and errors of every logger to the log file; the file's path, or None
    when the folder cannot be written (the app runs on without a log, it says nothing)."""
    path = log_folder() / LOG_NAME
    root = logging.getLogger()
    if any(getattr(handler, "baseFilename", None) == str(path) for handler in root.handlers):
        return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True)
    except OSError:
        return None
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    return path
