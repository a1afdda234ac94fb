"""The frozen build, made once per test session (PyInstaller on packaging/deskguide.spec).

`bundle_dir` is dist/Deskguide/ of a fresh build in a temporary folder: the bundle tests
here and the MSI tests (packaging/windows) both use it. Building takes some 20-60 s.
`msi` and `upgrade_msi` are the MSI built from it with wixl (this version and 99.0.0),
once for test_msi.py (its tables) and test_msi_wine.py (Wine's msiexec installs them).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.packaging.installer import MSI_TOOLS, build_msi, package_version

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


def build_wixl_msi(bundle: Path, folder: Path, version: str) -> Path:
    for tool in MSI_TOOLS:
        assert shutil.which(tool), f"{tool} missing: python3 dev.py test installs wixl and msitools"
    return build_msi.build(bundle, folder / "Deskguide.msi", version, "wixl")


@pytest.fixture(scope="session")
def msi(bundle_dir: Path, tmp_path_factory) -> Path:
    """The MSI of this version (pyproject.toml), built from the session's bundle."""
    return build_wixl_msi(bundle_dir, tmp_path_factory.mktemp("msi"), package_version())


@pytest.fixture(scope="session")
def upgrade_msi(bundle_dir: Path, tmp_path_factory) -> Path:
    """The same bundle as version 99.0.0: a later release, for the major upgrade."""
    return build_wixl_msi(bundle_dir, tmp_path_factory.mktemp("msi-upgrade"), "99.0.0")
