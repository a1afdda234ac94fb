"""The reference data a store is opened with: each file's data as read and what its
parser made of it, checked whole before anything is written.

`ReferenceBundle.bundled()` reads resources/reference/*.toml, as the app does at every
start; a test (or, later, an administrator's replacement file) hands open_store another
bundle instead, e.g. dataclasses.replace(bundle, scope=ReferenceFile.scope(data)).
"""
from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from domain.reference_data import Dataset, DeskData, load_toml, parse_desks, reference_dir

T = TypeVar("T")


@dataclass(frozen=True)
class ReferenceFile(Generic[T]):
    """One reference file: `data` as read from TOML, its `dataset` header, and `content`,
    the parsed values (DeskData, a scope or lifecycle Catalogue, EscalationRules)."""

    data: dict
    dataset: Dataset
    content: T

    @classmethod
    def parsed(cls, data: dict, parse: Callable[[dict, str], tuple[Dataset, Any]], where: str) -> ReferenceFile:
        dataset, content = parse(data, where)
        return cls(data, dataset, content)

    @classmethod
    def desks(cls, data: dict, where: str = "desks.toml") -> ReferenceFile[DeskData]:
        desks = parse_desks(data, where)
        return cls(data, desks.dataset, desks)

    @classmethod
    def scope(cls, data: dict, where: str = "scope.toml") -> ReferenceFile:
        from domain.scope_data import parse_scope

        return cls.parsed(data, parse_scope, where)

    @classmethod
    def lifecycle(cls, data: dict, where: str = "lifecycle.toml") -> ReferenceFile:
        from domain.lifecycle_data import parse_lifecycle

        return cls.parsed(data, parse_lifecycle, where)

    @classmethod
    def escalation(cls, data: dict, where: str = "escalation.toml") -> ReferenceFile:
        from domain.escalation_data import parse_escalation

        return cls.parsed(data, parse_escalation, where)


@dataclass(frozen=True)
class ReferenceBundle:
    desks: ReferenceFile
    scope: ReferenceFile
    lifecycle: ReferenceFile
    escalation: ReferenceFile

    @classmethod
    def from_folder(cls, folder: Path) -> ReferenceBundle:
        """desks.toml, scope.toml, lifecycle.toml and escalation.toml of `folder`, each
        parsed (a malformed one raises ReferenceDataError before any store is touched)."""
        return cls(**{field.name: getattr(ReferenceFile, field.name)(load_toml(folder / f"{field.name}.toml"))
                      for field in dataclasses.fields(cls)})

    @classmethod
    def bundled(cls) -> ReferenceBundle:
        return cls.from_folder(reference_dir())

    def files(self) -> tuple[ReferenceFile, ...]:
        return tuple(getattr(self, field.name) for field in dataclasses.fields(self))
