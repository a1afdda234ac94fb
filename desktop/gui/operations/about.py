"""Help > About: which reference data the store holds, and where the store is."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from domain.reference_data import Dataset


def reference_facts(store) -> tuple[list[Dataset], Path | None]:
    """The store's datasets (by name) and its file."""
    # A bridge: no service lists the datasets yet, and the GUI may not touch domain.store.
    # The unit-of-work branch (domain-uow) adds domain.services.reference.datasets(store);
    # when it lands, this becomes `return datasets(store), store.path`.
    from sqlalchemy import Date, column, select, table

    from domain.reference_data import Dataset

    datasets = table("reference_dataset", column("name"), column("version"), column("title"), column("source"),
                     column("checked", Date), column("reviewed_from"), column("reviewed_to"))
    with store.session() as session:
        rows = session.execute(select(datasets).order_by(datasets.c.name))
        return [Dataset(*row) for row in rows], store.path
