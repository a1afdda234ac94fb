"""One desk at a glance: open or closed, until when or when it opens, why, and how to
reach it. The state is said in words and in colour, never in colour alone.

What the card says is the view's to re-render after a language switch (it asks the
answers again: a closed day's name comes from them); the card re-reads only its own
name for screen readers.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout

from desktop.common.i18n import _
from desktop.gui.widgets.phone_label import PhoneLabel
from desktop.gui.widgets.retranslating import Retranslating
from desktop.wording import hours as hours_text

if TYPE_CHECKING:
    from domain.opening_hours import DeskStatus

# Mid-tone state colours with white text: at least 4.5:1 contrast for the text, and
# they stand out on a light and on a dark window alike.
OPEN_COLOUR = "#2e7d32"
CLOSING_SOON_COLOUR = "#a15c00"
CLOSED_COLOUR = "#c62828"

_CARD_STYLE = """
#deskCard { border: 1px solid palette(mid); border-radius: 6px; background: palette(base); }
#deskCard QLabel { background: transparent; }
"""


def show_desk_state(status: DeskStatus, state: QLabel, when: QLabel, reason: QLabel, shown_colour: str) -> str:
    """The desk's state in words and colour, until when or when it opens, and why: said
    the same on the hours view's cards and on the customer card. Returns the colour now
    shown (the caller keeps it, so an unchanged colour is not polished again)."""
    soon = hours_text.closing_soon(status)
    colour = CLOSED_COLOUR if not status.open else CLOSING_SOON_COLOUR if soon else OPEN_COLOUR
    state.setText(hours_text.state_text(status))
    if colour != shown_colour:  # re-polishing on every keystroke of the picker is wasted work
        state.setStyleSheet(f"background: {colour}; color: white; border-radius: 4px; padding: 2px 10px;")
    if status.open:
        when.setText(hours_text.until_text(status))
        reason.setText(_("Closing soon: {left}").format(left=hours_text.closes_in_text(status)) if soon else "")
    else:
        when.setText(hours_text.opens_text(status))
        reason.setText(hours_text.reason_text(status.closed_reason))
    return colour


def _label(parent, *, selectable: bool = False, wrap: bool = True) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.PlainText)
    # Wrapped labels grow downwards instead of pushing the card wider than the window.
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    if selectable:  # agents copy the number and the address into the phone or the ticket
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class DeskCardWidget(Retranslating, QFrame):
    def __init__(self, country: str, parent=None):
        super().__init__(parent)
        self.country = country
        self._colour = ""
        self.setObjectName("deskCard")
        self.setStyleSheet(_CARD_STYLE)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumWidth(190)

        self.title = _label(self)
        title_font = QFont(self.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.25)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.moment = _label(self)
        self.zone = _label(self)
        self.state = QLabel(self)
        self.state.setAlignment(Qt.AlignmentFlag.AlignCenter)
        state_font = QFont(self.font())
        state_font.setPointSizeF(state_font.pointSizeF() * 1.8)
        state_font.setBold(True)
        self.state.setFont(state_font)
        self.when = _label(self)
        when_font = QFont(self.font())
        when_font.setPointSizeF(when_font.pointSizeF() * 1.15)
        when_font.setBold(True)
        self.when.setFont(when_font)
        self.reason = _label(self)
        self.phone = PhoneLabel(self)  # grouped to read aloud, copied as stored (issue 16)
        self.email = _label(self, selectable=True)
        self.warnings = _label(self)
        self.origin = _label(self)
        small = QFont(self.font())
        small.setPointSizeF(small.pointSizeF() * 0.9)
        self.origin.setFont(small)
        self.zone.setFont(small)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 12)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.moment)
        layout.addWidget(self.zone)
        layout.addSpacing(4)
        layout.addWidget(self.state)
        layout.addWidget(self.when)
        layout.addWidget(self.reason)
        layout.addSpacing(6)
        layout.addWidget(self.phone)
        layout.addWidget(self.email)
        layout.addWidget(self.warnings)
        layout.addWidget(self.origin)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.setAccessibleName(_("{country} desk").format(country=hours_text.country_name(self.country)))

    def show_message(self, text: str) -> None:
        """Before the desks are loaded (or when they cannot be): say so, show no state."""
        self.title.setText(hours_text.country_name(self.country))
        self.moment.setText(text)
        for label in (self.zone, self.state, self.when, self.reason, self.phone, self.email, self.warnings,
                      self.origin):
            label.clear()
            label.hide()

    def show_status(self, status: DeskStatus, what_if: bool) -> None:
        self.title.setText(hours_text.country_name(status.country))
        local = hours_text.moment_text(status.at)
        # What-if answers must never be mistaken for live ones: they say "At ...".
        self.moment.setText(_("At {moment}").format(moment=local) if what_if
                            else _("Local time {moment}").format(moment=local))
        self.zone.setText(_("{zone} time").format(zone=status.timezone))
        italic = self.moment.font()
        italic.setItalic(what_if)
        self.moment.setFont(italic)

        self._colour = show_desk_state(status, self.state, self.when, self.reason, self._colour)
        self.phone.show_phone(status.phone, status.country, _("Phone: {phone}"))
        self.email.setText(_("Fault reports, any time: {email}").format(email=status.email))
        self.warnings.setText("\n".join(_("⚠ Warning: {message}").format(message=_(w.message))
                                        for w in status.warnings))
        self.origin.setText(_("Hours from {origin}").format(origin=_(status.origin))
                            if hours_text.is_override(status.origin) else "")
        for label in (self.zone, self.state, self.when, self.reason, self.phone, self.email, self.warnings,
                      self.origin):
            label.setVisible(bool(label.text()))
        self.setAccessibleDescription(self.text())

    def text(self) -> str:
        """Everything the card says, in reading order (for screen readers and tests)."""
        labels = (self.title, self.moment, self.zone, self.state, self.when, self.reason, self.phone, self.email,
                  self.warnings, self.origin)
        return "\n".join(label.text() for label in labels if label.text())
