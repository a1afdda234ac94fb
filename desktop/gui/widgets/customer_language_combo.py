"""The language a message to the customer is written in, chosen apart from the agent's.

An agent in Stockholm may read the app in Swedish and answer a Finnish customer in
Finnish: messages for the customer (notice answer, scope verdict, escalation summary)
are rendered with `i18n.in_language(combo.language())`.
"""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from desktop.common import i18n
from desktop.common.i18n import _
from desktop.gui.widgets.retranslating import Retranslating


class CustomerLanguageCombo(Retranslating, QComboBox):
    languageChanged = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        for language in i18n.LANGUAGES:
            # Each language named in itself: the choice is about the customer, not the agent.
            self.addItem(i18n.LANGUAGE_NAMES[language], language)
        self.retranslate()
        self.currentIndexChanged.connect(lambda _index: self.languageChanged.emit(self.language()))

    def retranslate(self) -> None:
        """The items stay: each language is named in itself."""
        self.setAccessibleName(_("Language of the message to the customer"))

    def language(self) -> str:
        return self.currentData()

    def set_language(self, language: str) -> None:
        index = self.findData(i18n.normalise_language(language) or "en")
        self.setCurrentIndex(max(index, 0))

    def set_for_country(self, country: str | None) -> None:
        """The language customers in `country` are written to (SE -> Swedish...)."""
        self.set_language(i18n.COUNTRY_LANGUAGES.get(country or "", "en"))


def language_picker(parent: QWidget) -> tuple[CustomerLanguageCombo, QLabel]:
    """The box for the customer's language, and its label ("Lan&guage:", set by the owner)."""
    combo = CustomerLanguageCombo(parent)
    label = QLabel(parent)
    label.setBuddy(combo)
    return combo, label


def language_row(label: QLabel, combo: CustomerLanguageCombo) -> QHBoxLayout:
    """The label and the box at the left of their row (the owner may add more after them)."""
    row = QHBoxLayout()
    row.addWidget(label)
    row.addWidget(combo)
    row.addStretch(1)
    return row
