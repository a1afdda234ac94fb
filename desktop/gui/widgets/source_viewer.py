"""The source viewer: the cited clause in its document's original text, highlighted
(issue 16, "Citations and the source viewer").

Opened from the scope verdict (each reason's citation) and from the escalation answer
(the severity's and the target's citation), and from the claims answer. The whole document is shown, read-only, so
the agent reads the clause in its context; the cited lines are highlighted and scrolled
into view. The documents are the copies in resources/sources/ (domain/citations.py).
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPlainTextEdit, QTextEdit, QVBoxLayout, QWidget

from desktop.common.i18n import _
from desktop.gui.platform.theme import is_dark
from desktop.gui.widgets.wrapped_label import wrapped_label
from desktop.wording.citations import citation_text, not_shipped_text
from domain.citations import Citation, citation, cited_text, source_lines

# A marker yellow on the light palette, a deep amber on the dark one: the text stays
# readable (4.5:1 or better) on both.
_LIGHT_HIGHLIGHT = "#fff176"
_DARK_HIGHLIGHT = "#6d5400"


class SourceViewerDialog(QDialog):
    def __init__(self, cited: Citation, parent: QWidget | None = None):
        super().__init__(parent)
        self.citation = cited
        self.setObjectName("sourceViewer")
        self.setWindowTitle(_("Source: {citation}").format(citation=citation_text(cited)))
        self.heading = wrapped_label(self, citation_text(cited), selectable=True)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.note = wrapped_label(self, _("The original text; the cited passage is highlighted."))
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.text.setPlainText("\n".join(source_lines(cited.document.id)))
        self.text.setAccessibleName(_("Source text"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.note)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.resize(720, 520)
        if not cited.document.shipped:
            # Issue 19: Microsoft's SLA is cited by title, its text does not come with the app.
            self.note.setText(not_shipped_text(cited))
            self.text.hide()
            self.resize(520, 160)
            return
        self._highlight()

    def _highlight(self) -> None:
        document = self.text.document()
        first = document.findBlockByNumber(self.citation.first - 1)
        last = document.findBlockByNumber(min(self.citation.last, document.blockCount()) - 1)
        cursor = QTextCursor(first)
        cursor.setPosition(last.position() + max(0, last.length() - 1), QTextCursor.MoveMode.KeepAnchor)
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(_DARK_HIGHLIGHT if is_dark(self.palette()) else _LIGHT_HIGHLIGHT))
        fmt.setProperty(QTextFormat.Property.FullWidthSelection, True)
        selection.format = fmt
        self.text.setExtraSelections([selection])
        # The clause at the top of the view, a few lines of context above it.
        self.text.setTextCursor(QTextCursor(document.findBlockByNumber(max(0, self.citation.first - 4))))
        self.text.centerCursor()
        self.text.setTextCursor(QTextCursor(first))
        self.text.ensureCursorVisible()

    def highlighted_text(self) -> str:
        """The highlighted passage as shown (tests, screen readers)."""
        selections = self.text.extraSelections()
        return selections[0].cursor.selectedText().replace("\u2029", "\n") if selections else ""

    def cited_text(self) -> str:
        return cited_text(self.citation)


def open_source(ref: str, parent: QWidget | None = None) -> SourceViewerDialog | None:
    """Open the viewer at the first clause `ref` cites ("003:64"); None for no ref. Not
    modal: the agent keeps the clause open beside the answer while on the phone."""
    cited = citation(ref)
    if cited is None:
        return None
    dialog = SourceViewerDialog(cited, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


def open_source_link(link: str, refs: list[str], parent: QWidget | None = None) -> SourceViewerDialog | None:
    """A citation link ("source:N", as the verdict and the escalation answer write them)
    activated: the viewer at the N-th of `refs`; None for a link that names none."""
    number = int(link.removeprefix("source:")) if link.startswith("source:") else -1
    return open_source(refs[number], parent) if 0 <= number < len(refs) else None
