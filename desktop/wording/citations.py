"""Citations of the source documents, worded for the agent and for the customer (issue 16).

domain/citations.py turns a reference-data `ref` ("003:64") into the document, edition
and section it cites. The agent reads the document as it names itself, with its edition
and section: Dustin “Villkor Office 365 Support” 2017:3 §5. The customer reads the
terms by their name and section in their own language: "villkoren för Office 365-support,
punkt 5". Every text is in the current language (`i18n.in_language` borrows another).
No Qt here.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from desktop.common.i18n import _, current_locale, ngettext

if TYPE_CHECKING:
    from domain.citations import Citation

TERMS = "003"  # the reseller's "Villkor Office 365 Support"
UNIFIED = "000"  # Microsoft's Unified Enterprise Support Services description
LIFECYCLE = "004"  # Microsoft's support lifecycle policy
SLA = "005"  # Microsoft's Service Level Agreement for Microsoft Online Services (issue 19)


def _section(cited: Citation) -> str:
    section = cited.section
    if section is None:
        return ""
    if section.appendix:
        # Translators: an appendix of a document, e.g. "Appendix A".
        return _("Appendix {letter}").format(letter=section.appendix)
    # Translators: a numbered section of a document, e.g. "§5" or "§2.7".
    return _("§{number}").format(number=section.number)


def _document_text(cited: Citation) -> str:
    document = cited.document
    name = _("{publisher} “{title}”").format(publisher=document.publisher, title=document.title)
    if document.edition:
        name = _("{document} {edition}").format(document=name, edition=document.edition)
    return name


def _with_sections(name: str, sections: list[str], appendix: bool) -> str:
    if not sections:
        return name
    if appendix:
        return _("{document}, {section}").format(document=name, section=", ".join(sections))
    return _("{document} {section}").format(document=name, section=", ".join(sections))


def citation_text(cited: Citation) -> str:
    """For the agent: Dustin “Villkor Office 365 Support” 2017:3 §5; Microsoft “Unified
    Enterprise Support Services description”, Appendix A."""
    section = _section(cited)
    return _with_sections(_document_text(cited), [section] if section else [],
                          cited.section is not None and bool(cited.section.appendix))


def ref_text(ref: str) -> str:
    """Every document and section a `ref` cites, each once, for the agent: "Dustin “Villkor
    Office 365 Support” 2017:3 §4, §5" for "003:48, 003:67" ("" for no ref)."""
    from domain.citations import citations

    by_document: dict[str, list[Citation]] = {}
    for one in citations(ref):
        by_document.setdefault(one.document.id, []).append(one)
    texts = []
    for cited in by_document.values():
        sections = list(dict.fromkeys(text for text in map(_section, cited) if text))
        appendix = any(c.section is not None and c.section.appendix for c in cited)
        texts.append(_with_sections(_document_text(cited[0]), sections, appendix))
    return "; ".join(texts)


def not_shipped_text(cited: Citation) -> str:
    """What the source viewer says for a document cited by title only (Microsoft's SLA,
    issue 19): its text does not come with the app."""
    return _("The text of {document} is not shipped with Deskguide; check the current edition at its "
             "publisher.").format(document=_document_text(cited))


# "terms §6 (003:88-91)": a clause with our file's lines, as older reference-data fields
# (desks.toml's `clause`, kept in the store as one text) still write it.
_INLINE = re.compile(r"(?:terms )?§\d+(?:\.\d+)? \((\d{3}:\d+(?:-\d+)?)\)")


def inline_citations(text: str) -> str:
    """`text` with each "§6 (003:88-91)" cited by document, edition and section instead."""
    return _INLINE.sub(lambda match: ref_text(match.group(1)), text)


def _list(items: list[str]) -> str:
    from babel.lists import format_list

    return format_list(items, locale=current_locale())


def customer_citation_text(ref: str) -> str:
    """For the customer, in the current language: "our Office 365 support terms, section 5",
    "our Office 365 support terms, sections 4 and 5", "Microsoft's Unified Enterprise
    Support Services description, Appendix A" ("" for no ref)."""
    from domain.citations import citations

    cited = citations(ref)
    by_document: dict[str, list[Citation]] = {}
    for one in cited:
        by_document.setdefault(one.document.id, []).append(one)
    return "; ".join(_customer_document(document, found) for document, found in by_document.items())


def _customer_document(document: str, cited: list[Citation]) -> str:
    numbers = list(dict.fromkeys(c.section.number for c in cited if c.section and c.section.number))
    appendices = list(dict.fromkeys(c.section.appendix for c in cited if c.section and c.section.appendix))
    if document == TERMS:
        if not numbers:
            # Translators: the reseller's terms named to a customer ("villkoren för Office 365-support").
            return _("our Office 365 support terms")
        # Translators: the reseller's terms and their section(s), named to a customer
        # ("villkoren för Office 365-support, punkt 5").
        return ngettext("our Office 365 support terms, section {numbers}",
                        "our Office 365 support terms, sections {numbers}", len(numbers)).format(
            numbers=_list(numbers))
    if document == UNIFIED:
        if appendices:
            # Translators: Microsoft's document named to a customer, with its appendix.
            return ngettext("Microsoft's Unified Enterprise Support Services description, Appendix {letters}",
                            "Microsoft's Unified Enterprise Support Services description, Appendices {letters}",
                            len(appendices)).format(letters=_list(appendices))
        if numbers:
            return ngettext("Microsoft's Unified Enterprise Support Services description, section {numbers}",
                            "Microsoft's Unified Enterprise Support Services description, sections {numbers}",
                            len(numbers)).format(numbers=_list(numbers))
        return _("Microsoft's Unified Enterprise Support Services description")
    if document == LIFECYCLE:
        return _("Microsoft's support lifecycle policy")
    if document == SLA:
        # Translators: Microsoft's SLA named to a customer (issue 19, claims after an outage).
        return _("Microsoft's service level agreement for its online services")
    return "; ".join(dict.fromkeys(citation_text(c) for c in cited))
