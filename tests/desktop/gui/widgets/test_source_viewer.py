"""The source viewer (issue 16, "Citations and the source viewer"): from the scope verdict
and from the escalation answer the agent opens the cited clause in its document's original
text, highlighted and scrolled into view; the verdict cites the document by title, edition
and section, and the message for the customer is signed by the agent with the desk's phone."""
from __future__ import annotations

import pytest

from desktop.gui.main_window import VIEWS
from desktop.gui.platform.settings import Settings
from desktop.gui.widgets.source_viewer import SourceViewerDialog
from domain.scope import CustomerFacts, Verdict

pytestmark = pytest.mark.gui


def open_view(qtbot, main_window, key: str):
    main_window.navigation.setCurrentRow([spec.key for spec in VIEWS].index(key))
    view = main_window.view(key)
    qtbot.waitUntil(lambda: view.is_loaded, timeout=15_000)
    return view


def assert_in_view(dialog: SourceViewerDialog) -> None:
    """The highlighted clause is on screen, not somewhere below the fold."""
    text = dialog.text
    block = text.document().findBlockByNumber(dialog.citation.first - 1)
    top = text.blockBoundingGeometry(block).translated(text.contentOffset()).top()
    assert 0 <= top < text.viewport().height(), top


def test_the_verdict_cites_the_terms_by_title_and_opens_the_clause_highlighted(qtbot, main_window):
    Settings().agent_name = "Åsa Öberg"
    view = open_view(qtbot, main_window, "scope")
    with qtbot.waitSignal(view.answerChanged):
        view.set_question("email-client", CustomerFacts(version="Outlook 2010"))
    assert view.current_answer.verdict is Verdict.OUT_OF_SCOPE
    verdict = view.verdict_widget
    assert "Dustin “Villkor Office 365 Support” 2017:3 §5" in verdict.reasons()
    assert "003:" not in verdict.reasons() and "003:" not in verdict.reasons_label.text()

    verdict.reasons_label.linkActivated.emit("source:0")  # the agent clicks the first reason's citation
    qtbot.waitUntil(lambda: verdict.source_viewer is not None and verdict.source_viewer.isVisible())
    dialog = verdict.source_viewer
    assert dialog.heading.text() == "Dustin “Villkor Office 365 Support” 2017:3 §5"
    assert dialog.highlighted_text() == " • E-postklient (Microsoft Outlook 2013 och senare, Windows Live Mail och " \
                                        "senare versioner)"
    assert "5. Omfattning av support på generella klientproblem" in dialog.text.toPlainText()
    assert dialog.text.isReadOnly()
    qtbot.waitExposed(dialog)
    assert_in_view(dialog)
    dialog.close()

    # The message for the customer: signed by the agent, with the desk's phone.
    message = verdict.message().splitlines()
    assert message[-2:] == ["Åsa Öberg", "Service desk, phone +46770176100"]


def test_the_escalation_answer_opens_appendix_a_at_the_severity(qtbot, main_window):
    view = open_view(qtbot, main_window, "escalation")
    view.form.country_combo.setCurrentIndex(view.form.country_combo.findData("SE"))
    view.severity.choose("B")
    widget = view.answer_widget
    qtbot.waitUntil(lambda: widget.source_label.isVisible())
    assert "Microsoft “Unified Enterprise Support Services description”, Appendix A" in widget.source_label.text()
    assert "000:" not in widget.languages_label.text() and "000:" not in widget.obligations_label.text()

    widget.source_label.linkActivated.emit("source:0")
    qtbot.waitUntil(lambda: widget.source_viewer is not None and widget.source_viewer.isVisible())
    dialog = widget.source_viewer
    assert "Måttlig påverkan på verksamheten" in " ".join(dialog.highlighted_text().split())
    qtbot.waitExposed(dialog)
    assert_in_view(dialog)
    assert "000:" not in widget.summary
    dialog.close()


def test_the_viewer_opens_any_cited_range(qtbot):
    from domain.citations import citation

    dialog = SourceViewerDialog(citation("000:2651-2653"))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert "Microsoft" in dialog.windowTitle() and "Appendix A" in dialog.windowTitle()
    assert " ".join(dialog.highlighted_text().split()) == dialog.cited_text()
    assert "Lämpliga resurser sätts in för att stödja Microsofts åtgärder" in dialog.cited_text()
    assert_in_view(dialog)
