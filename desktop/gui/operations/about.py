"""Help > About: which reference data the store holds, and where the store is."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from domain.reference_data import Dataset


def reference_facts(store) -> tuple[list[Dataset], Path | None]:
    """The store's datasets (by name) and its file."""
    from domain.services.reference import datasets

    return datasets(store), store.path
