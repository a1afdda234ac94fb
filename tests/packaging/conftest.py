"""The frozen build, made once per test session (PyInstaller on packaging/deskguide.spec).

`bundle_dir` is dist/Deskguide/ of a fresh build in a temporary folder: the bundle tests
here and the MSI tests (packaging/windows) both use it. Building takes some 20-60 s.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "deskguide.spec"
SUFFIX = ".exe" if os.name == "nt" else ""
GUI_NAME = f"Deskguide{SUFFIX}"
CLI_NAME = f"deskguide-cli{SUFFIX}"


@pytest.fixture(scope="session")
def bundle_dir(tmp_path_factory) -> Path:
    """dist/Deskguide/ of a fresh one-folder build: Deskguide (GUI) and deskguide-cli."""
    base = tmp_path_factory.mktemp("bundle")
    result = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(base / "dist"), "--workpath", str(base / "build"), str(SPEC)],
        cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, f"PyInstaller failed:\n{result.stdout[-4000:]}\n{result.stderr[-8000:]}"
    bundle = base / "dist" / "Deskguide"
    assert (bundle / GUI_NAME).is_file() and (bundle / CLI_NAME).is_file(), sorted(os.listdir(bundle))
    return bundle
