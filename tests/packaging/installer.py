"""packaging/build_msi.py for the MSI tests (test_msi.py, test_msi_wine.py), loaded by path:
"packaging" is also the name of a well-known PyPI library."""
from __future__ import annotations

import importlib.util
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MSI_TOOLS = ("wixl", "wixl-heat", "msiinfo", "msibuild")


def load_build_msi():
    if "build_msi" in sys.modules:
        return sys.modules["build_msi"]
    spec = importlib.util.spec_from_file_location("build_msi", ROOT / "packaging" / "build_msi.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


build_msi = load_build_msi()


def package_version() -> str:
    with open(ROOT / "pyproject.toml", "rb") as f:
        return tomllib.load(f)["project"]["version"]
