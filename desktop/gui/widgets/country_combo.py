"""The customer's country, as every form asks it: the four desks' countries named
"Sverige (SE)" in the UI language, the agent's default country chosen at first."""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from desktop.common.i18n import _, country_name
from desktop.gui.platform.settings import default_country
from domain.desks import COUNTRIES


class CountryCombo(QComboBox):
    """Its data is the country code; `retranslate()` names the items again (the choice kept)."""

    def __init__(self, parent: QWidget | None = None, *, preselect_default: bool = True):
        super().__init__(parent)
        for country in COUNTRIES:
            self.addItem(country, country)
        if preselect_default:
            self.setCurrentIndex(max(0, self.findData(default_country())))
        self.retranslate()

    def retranslate(self) -> None:
        for index in range(self.count()):
            country = self.itemData(index)
            self.setItemText(index, _("{name} ({code})").format(name=country_name(country), code=country))

    def country(self) -> str:
        return self.currentData()

    def set_country(self, country: str) -> None:
        """Choose `country`; an unknown code leaves the choice as it is."""
        index = self.findData(country)
        if index >= 0:
            self.setCurrentIndex(index)
