"""For every test of the desktop package (GUI, CLI, self-test): Qt's offscreen noise."""
from __future__ import annotations

from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
# Qt's offscreen platform (the one tests draw on) warns whenever a top-level window's
# size constraints change; a real desktop platform does not. Nothing to fix in our
# code, so only this one message is let through qt_log_level_fail.
OFFSCREEN_ONLY_WARNING = "This plugin does not support propagateSizeHints"


def pytest_collection_modifyitems(config, items):
    for item in items:
        if HERE in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_ONLY_WARNING))
