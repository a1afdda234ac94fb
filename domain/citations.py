"""Which document, edition and section a reference-data `ref` cites (issue 16, "Citations
and the source viewer").

The reference data cites its sources by file and line ("003:64", "000:2651-2653"): exact
for the people who keep the data, meaningless to an agent or a customer. The documents,
their editions and where each section starts are data too (resources/sources/sources.toml),
next to copies of the documents themselves, so a `ref` becomes a Citation (Dustin "Villkor
Office 365 Support" 2017:3 §5) and the source viewer can open the original at its lines.

Pure Python: the wording (agent's and customer's) is desktop/wording/citations.py.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from domain.errors import ReferenceDataError

_REF = re.compile(r"^\s*(\d{3}):(\d+)(?:-(\d+))?\s*$")


@dataclass(frozen=True)
class Section:
    line: int  # where it starts
    number: str = ""  # "5", "2.7"
    appendix: str = ""  # "A"


@dataclass(frozen=True)
class Document:
    id: str  # "003"
    file: str
    publisher: str  # "Dustin"
    title: str  # "Villkor Office 365 Support"
    edition: str  # "2017:3", or "" when the document states none
    sections: tuple[Section, ...]

    @property
    def shipped(self) -> bool:
        """Whether the text comes with the app: Microsoft's SLA (issue 19) is cited by its
        title only (`file = ""`), and the source viewer says it is not shipped."""
        return bool(self.file)

    def section_at(self, line: int) -> Section | None:
        found = None
        for section in self.sections:
            if section.line > line:
                break
            found = section
        return found


@dataclass(frozen=True)
class Citation:
    document: Document
    section: Section | None
    first: int  # the cited lines in the document's file, 1-based and inclusive
    last: int
    ref: str  # the reference data's own "000:2651-2653", kept for the people who keep it


def sources_dir() -> Path:
    import resources

    return resources.ROOT / "sources"


@cache
def documents() -> dict[str, Document]:
    path = sources_dir() / "sources.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        return {entry["id"]: Document(
            entry["id"], entry["file"], entry["publisher"], entry["title"], entry.get("edition", ""),
            tuple(Section(s["line"], str(s.get("number", "")), s.get("appendix", "")) for s in entry["sections"]))
            for entry in data["document"]}
    except (OSError, tomllib.TOMLDecodeError, KeyError) as error:
        raise ReferenceDataError(f"sources.toml: cannot be read: {error}") from error


def citations(ref: str) -> tuple[Citation, ...]:
    """Every citation in a `ref` ("003:48, 003:67" is two); none for an empty one.
    ReferenceDataError for a ref that names no known document."""
    found = []
    for part in (ref or "").split(","):
        if not part.strip():
            continue
        match = _REF.match(part)
        if match is None:
            raise ReferenceDataError(f"{ref!r}: not a reference such as 003:64 or 000:2651-2653")
        document = documents().get(match.group(1))
        if document is None:
            raise ReferenceDataError(f"{ref!r}: no source document {match.group(1)} in sources.toml")
        first = int(match.group(2))
        last = int(match.group(3) or first)
        found.append(Citation(document, document.section_at(first), first, last, part.strip()))
    return tuple(found)


def citation(ref: str) -> Citation | None:
    """The first citation of a `ref`: the clause a verdict or a duty rests on."""
    found = citations(ref)
    return found[0] if found else None


@cache
def source_lines(document_id: str) -> tuple[str, ...]:
    """The document's text, one entry a line (line n is [n - 1])."""
    document = documents()[document_id]
    if not document.shipped:
        return ()
    try:
        return tuple((sources_dir() / document.file).read_text(encoding="utf-8").splitlines())
    except OSError as error:
        raise ReferenceDataError(f"{document.file}: cannot be read: {error}") from error


def cited_text(cited: Citation) -> str:
    """The cited lines themselves, blank lines dropped (the PDF extraction spaces them out)."""
    lines = source_lines(cited.document.id)[cited.first - 1:cited.last]
    return " ".join(line.strip() for line in lines if line.strip())
