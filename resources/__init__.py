"""Bundled files: reference data (reference/), icons (icons/), translations (translations/).

A package so that pip and PyInstaller ship it beside the code; `ROOT` is the one place
every module finds it (cheaper at start-up than importlib.resources, and the same in a
source tree, an installed wheel and a frozen build).
"""
from pathlib import Path

ROOT = Path(__file__).resolve().parent
REFERENCE = ROOT / "reference"
ICONS = ROOT / "icons"
TRANSLATIONS = ROOT / "translations"
