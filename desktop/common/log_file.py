"""Where the app writes what went wrong, for IT: a small rotating log in the user's own
log folder (%LOCALAPPDATA%\\Deskguide\\Logs on Windows), since a windowed program has no
console to print to. The agent sees one sentence; the details (a driver's message, a
traceback) go here. DESKGUIDE_LOG_DIR puts it elsewhere (tests, a locked-down profile).
"""
from __future__ import annotations

import logging
import os
import sys
from collections.abc import Mapping
from logging.handlers import RotatingFileHandler
from pathlib import Path

from desktop.common.windows_facts import windows_folder

APP_NAME = "Deskguide"
LOG_NAME = "deskguide.log"
ENV_DIR = "DESKGUIDE_LOG_DIR"
MAX_BYTES = 1_000_000  # a few months of warnings; five files at most
BACKUPS = 4


def log_folder(environ: Mapping[str, str] | None = None, platform: str = sys.platform) -> Path:
    """DESKGUIDE_LOG_DIR, else the user's log folder. `environ` and `platform` are the
    machine's facts (this process's when not given; the tests give Windows' on Linux)."""
    environ = os.environ if environ is None else environ
    configured = environ.get(ENV_DIR)
    if configured:
        return Path(os.path.expanduser(configured))
    if platform == "win32" and (folder := windows_folder(environ, "LOCALAPPDATA", APP_NAME, "Logs")):
        return Path(folder)  # what platformdirs' user_log_dir answers, without its shell32 call
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
