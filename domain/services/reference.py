"""Which reference data the store holds: each dataset's version, title and source (the
About dialog cites them)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from domain.reference_data import Dataset

if TYPE_CHECKING:
    from domain.store import Store


def datasets(store: Store) -> list[Dataset]:
    with store.unit_of_work() as uow:
        return uow.reference.datasets()
