"""Reference bundles for the store tests: the bundled files with one of them replaced,
and the version the store holds of a dataset."""
from __future__ import annotations

import copy
import dataclasses

from domain.reference_bundle import ReferenceBundle, ReferenceFile


def bundled_data(name: str) -> dict:
    """A deep copy of the bundled file `name` ("scope", "lifecycle", ...) as read, to change."""
    return copy.deepcopy(getattr(ReferenceBundle.bundled(), name).data)


def bundle_with(**files: ReferenceFile) -> ReferenceBundle:
    """The bundled reference data with some files replaced: bundle_with(scope=file)."""
    return dataclasses.replace(ReferenceBundle.bundled(), **files)


def stored_version(store, name: str) -> int | None:
    with store.unit_of_work() as uow:
        return uow.reference.stored_version(name)
