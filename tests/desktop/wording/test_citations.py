"""Citations worded for the agent and the customer (issue 16), and Microsoft's SLA, cited
by title though its text is not shipped (issue 19)."""
from __future__ import annotations

from desktop.common import i18n
from desktop.wording.citations import customer_citation_text, not_shipped_text, ref_text
from domain.citations import citation


def test_the_sla_is_cited_by_its_title_for_the_agent_and_by_name_for_the_customer():
    with i18n.in_language("en"):
        assert ref_text("005:1") == "Microsoft “Service Level Agreement for Microsoft Online Services”"
        assert customer_citation_text("005:1") == "Microsoft's service level agreement for its online services"
    with i18n.in_language("sv"):
        assert customer_citation_text("005:1") == "Microsofts servicenivåavtal för onlinetjänster"


def test_the_source_viewer_can_say_the_sla_is_not_shipped_in_every_language():
    cited = citation("005:1")
    with i18n.in_language("en"):
        assert not_shipped_text(cited) == ("The text of Microsoft “Service Level Agreement for Microsoft Online "
                                           "Services” is not shipped with Deskguide; check the current edition "
                                           "at its publisher.")
    for language in ("sv", "nb", "da", "fi"):
        with i18n.in_language(language):
            assert "Deskguide" in not_shipped_text(cited) and "not shipped" not in not_shipped_text(cited)
