"""The installed version of Deskguide, for the About box and `deskguide --version`.

Looked up only when shown: importlib.metadata costs ~15 ms, too much for start-up.
"""
from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

DISTRIBUTION = "deskguide"


def app_version() -> str:
    try:
        return version(DISTRIBUTION)
    except PackageNotFoundError:  # a source tree that was never installed
        return "unknown"
