"""domain/citations.py and resources/sources/ (issue 16): every `ref` in the reference data
names a shipped document, its section and lines; the sections start where the documents'
own headings are."""
from __future__ import annotations

import re

import pytest

from domain.citations import citation, citations, cited_text, documents, source_lines
from domain.errors import ReferenceDataError
from domain.reference_data import load_toml, reference_dir

REF = re.compile(r"\b\d{3}:\d+(?:-\d+)?")


def every_ref() -> list[str]:
    found = []

    def walk(value, key=""):
        if isinstance(value, dict):
            for child_key, child in value.items():
                walk(child, child_key)
        elif isinstance(value, list):
            for item in value:
                walk(item, key)
        elif isinstance(value, str) and (key == "ref" or key.endswith("_ref")):
            found.append(value)

    for name in ("scope.toml", "escalation.toml", "lifecycle.toml", "claims.toml"):
        walk(load_toml(reference_dir() / name))
    return found


def test_every_ref_of_the_reference_data_cites_a_shipped_document_within_its_lines():
    refs = every_ref()
    assert len(refs) > 80
    for ref in refs:
        for cited in citations(ref):
            if not cited.document.shipped:  # Microsoft's SLA (issue 19): cited by title only
                assert cited.document.id == "005" and cited.section is None, ref
                continue
            lines = source_lines(cited.document.id)
            assert 1 <= cited.first <= cited.last <= len(lines), ref
            assert cited_text(cited), ref  # the lines say something


def test_the_terms_are_cited_by_title_edition_and_section():
    cited = citation("003:64")
    assert (cited.document.publisher, cited.document.title, cited.document.edition) == (
        "Dustin", "Villkor Office 365 Support", "2017:3")
    assert cited.section.number == "5" and (cited.first, cited.last) == (64, 64)
    assert cited_text(cited).startswith("• E-postklient (Microsoft Outlook 2013")
    assert [c.section.number for c in citations("003:48, 003:67")] == ["4", "5"]


def test_microsofts_description_is_cited_by_appendix():
    cited = citation("000:2651-2653")
    assert cited.document.title == "Unified Enterprise Support Services description"
    assert cited.section.appendix == "A" and (cited.first, cited.last) == (2651, 2653)
    assert citation("000:742-744").section.number == "2.3"


def test_each_section_starts_at_its_heading():
    for document in documents().values():
        lines = source_lines(document.id)
        for section in document.sections:
            heading = lines[section.line - 1].strip()
            if section.appendix:
                assert heading.startswith(f"Bilaga {section.appendix}:"), (document.id, heading)
            else:
                assert re.match(rf"{re.escape(section.number)}\.? ", heading), (document.id, heading)


@pytest.mark.parametrize("ref", ["003", "999:1", "003:x", "lines 3-4"])
def test_a_ref_that_names_no_document_is_refused(ref):
    with pytest.raises(ReferenceDataError):
        citations(ref)


def test_no_ref_cites_nothing():
    assert citations("") == () and citation("") is None


def test_microsofts_sla_is_cited_by_title_though_its_text_is_not_shipped():
    # Issue 19: the SLA is not in the seeds; claims.toml cites it, the viewer has no text to show.
    cited = citation("005:1")
    assert cited.document.title == "Service Level Agreement for Microsoft Online Services"
    assert not cited.document.shipped and cited.section is None
    assert source_lines("005") == () and cited_text(cited) == ""
    assert all(document.shipped for id_, document in documents().items() if id_ != "005")
