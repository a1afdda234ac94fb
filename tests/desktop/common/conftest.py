"""The machine's deskguide.ini, written as the MSI writes it."""
from __future__ import annotations

from pathlib import Path

import pytest

from desktop.common import machine_config


@pytest.fixture
def ini(tmp_path, monkeypatch):
    """Write the machine's deskguide.ini (as the MSI does) and point Deskguide at it."""
    path = tmp_path / "ProgramData" / "Deskguide" / "deskguide.ini"
    path.parent.mkdir(parents=True)
    monkeypatch.setenv("DESKGUIDE_MACHINE_CONFIG", str(path))

    def write(text: str) -> Path:
        path.write_text(text, encoding="utf-8")
        machine_config._cached.cache_clear()
        return path

    yield write
    machine_config._cached.cache_clear()
