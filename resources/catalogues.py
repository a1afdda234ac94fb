"""Where the gettext catalogues are and how their strings are found (one place for
dev.py, the bundle's spec and the completeness test). Standard library only: dev.py
imports it before any virtual environment exists.

English is the source language (the msgids); each other language has
translations/<lang>/LC_MESSAGES/deskguide.po, compiled to .mo beside it.
"""
from __future__ import annotations

from pathlib import Path

TRANSLATIONS = Path(__file__).resolve().parent / "translations"
DOMAIN = "deskguide"
TRANSLATED_LANGUAGES = ("sv", "nb", "da", "fi")
TEMPLATE = TRANSLATIONS / f"{DOMAIN}.pot"
MAPPING = Path(__file__).resolve().parent.parent / "babel.cfg"
# Besides babel's defaults (_, gettext, ngettext, N_...): the domain's sentences.
EXTRA_KEYWORDS = {"Message": None, "plural_message": (1, 2)}


def po_file(language: str) -> Path:
    return TRANSLATIONS / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def keyword_options() -> list[str]:
    """EXTRA_KEYWORDS as pybabel's -k options."""
    return [f"-k{name}" + (f":{','.join(map(str, spec))}" if spec else "") for name, spec in EXTRA_KEYWORDS.items()]
