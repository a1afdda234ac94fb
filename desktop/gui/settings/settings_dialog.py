"""The agent's settings in one dialog: name, default country, language, theme, how far
ahead the coming deadlines look and how long the case journal keeps its entries.

Nothing changes until OK; then everything is saved and shown at once (the language and
the theme without a restart). Cancel leaves every setting as it was.
"""
from __future__ import annotations

import sys

from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from desktop.common import i18n
from desktop.common.i18n import _, ngettext
from desktop.common.machine_config import COUNTRIES
from desktop.gui.platform import language
from desktop.gui.platform.settings import MAX_DEADLINE_DAYS, MIN_DEADLINE_DAYS, Settings, suggested_country, tidy_name
from desktop.gui.platform.theme import DARK, LIGHT, SYSTEM, apply_theme
from desktop.gui.widgets.buddy_label import buddy_label
from desktop.gui.widgets.field_error_label import FieldErrorLabel
from desktop.gui.widgets.form_dialog import form_layout, lay_out_form_dialog
from desktop.gui.widgets.retranslating import Retranslating
from domain.journal import MAX_AGENT, MAX_RETENTION_MONTHS, MIN_RETENTION_MONTHS


class CountryComboBox(QComboBox):
    """The four desk countries by name, in the agent's language; the data is the code."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        for country in COUNTRIES:
            self.addItem("", country)
        self.retranslate()

    def retranslate(self) -> None:
        for index in range(self.count()):  # setItemText: the country chosen stays
            self.setItemText(index, i18n.country_name(self.itemData(index)))

    def country(self) -> str:
        return self.currentData()

    def set_country(self, country: str) -> None:
        self.setCurrentIndex(max(0, self.findData(country)))


def agent_name_edit(parent: QWidget) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setMaxLength(MAX_AGENT)  # what the journal can keep
    return edit


class SettingsDialog(Retranslating, QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        settings = Settings()
        self._build()
        self._lay_out()
        self._show_settings(settings)
        self._connect()
        self.retranslate()

    def _build(self) -> None:
        self.name_edit = agent_name_edit(self)
        self.name_error = FieldErrorLabel(self.name_edit, self)
        self.country_combo = CountryComboBox(self)
        self.language_combo = QComboBox(self)
        for choice in (language.FOLLOW_SYSTEM, *i18n.LANGUAGES):
            # Each language named in itself: whoever needs the box can read it.
            self.language_combo.addItem(i18n.LANGUAGE_NAMES.get(choice, ""), choice)
        self.theme_combo = QComboBox(self)
        for theme in (SYSTEM, LIGHT, DARK):
            self.theme_combo.addItem("", theme)
        self.days_spin = QSpinBox(self)
        self.days_spin.setRange(MIN_DEADLINE_DAYS, MAX_DEADLINE_DAYS)
        self.months_spin = QSpinBox(self)
        self.months_spin.setRange(MIN_RETENTION_MONTHS, MAX_RETENTION_MONTHS)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)

        self.name_label = buddy_label(self.name_edit, self)
        self.country_label = buddy_label(self.country_combo, self)
        self.language_label = buddy_label(self.language_combo, self)
        self.theme_label = buddy_label(self.theme_combo, self)
        self.days_label = buddy_label(self.days_spin, self)
        self.months_label = buddy_label(self.months_spin, self)

    def _lay_out(self) -> None:
        form = form_layout()
        form.addRow(self.name_label, self.name_edit)
        form.addRow(self.name_error)
        form.addRow(self.country_label, self.country_combo)
        form.addRow(self.language_label, self.language_combo)
        form.addRow(self.theme_label, self.theme_combo)
        form.addRow(self.days_label, self.days_spin)
        form.addRow(self.months_label, self.months_spin)
        lay_out_form_dialog(self, form, self.buttons, tab_order=[
            self.name_edit, self.country_combo, self.language_combo, self.theme_combo, self.days_spin,
            self.months_spin, self.ok_button, self.cancel_button])

    def _show_settings(self, settings: Settings) -> None:
        """The saved settings, shown before any signal is connected."""
        self.name_edit.setText(settings.agent_name)
        self.country_combo.set_country(settings.default_country or suggested_country())
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(settings.language)))
        self.theme_combo.setCurrentIndex(max(0, self.theme_combo.findData(settings.theme)))
        self.days_spin.setValue(settings.deadline_days)
        self.months_spin.setValue(settings.journal_retention_months)

    def _connect(self) -> None:
        self.name_edit.textChanged.connect(self._check_name)
        self.days_spin.valueChanged.connect(self._show_suffixes)
        self.months_spin.valueChanged.connect(self._show_suffixes)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def retranslate(self) -> None:
        """Every text in the current language; what the agent has changed stays."""
        self.setWindowTitle(_("Settings"))
        self.setAccessibleName(self.windowTitle())
        self.name_label.setText(_("&Your name:"))
        self.name_edit.setAccessibleName(_("Your name"))
        self.name_edit.setToolTip(_("Saved with every entry you add to a customer's case journal"))
        self.country_label.setText(_("Default &country:"))
        self.country_combo.setAccessibleName(_("Default country"))
        self.country_combo.setToolTip(_("The desk the views start on"))
        self.country_combo.retranslate()
        self.language_label.setText(_("&Language:"))
        self.language_combo.setAccessibleName(_("Language"))
        self.language_combo.setItemText(0, system_language_text())
        self.theme_label.setText(_("&Theme:"))
        self.theme_combo.setAccessibleName(_("Theme"))
        theme_names = {SYSTEM: _("Follow the system"), LIGHT: _("Light"), DARK: _("Dark")}
        for index in range(self.theme_combo.count()):
            self.theme_combo.setItemText(index, theme_names[self.theme_combo.itemData(index)])
        self.days_label.setText(_("Coming &deadlines within:"))
        self.days_spin.setAccessibleName(_("Coming deadlines, days ahead"))
        self.months_label.setText(_("Keep the case &journal for:"))
        self.months_spin.setAccessibleName(_("Keep the case journal, in months"))
        self.months_spin.setToolTip(_("Older journal entries can be purged"))
        self._show_suffixes()
        self._check_name()

    def _show_suffixes(self, *_args) -> None:
        # Translators: after the number in the look-ahead box ("45 days"); keep the leading space.
        self.days_spin.setSuffix(ngettext(" day", " days", self.days_spin.value()))
        # Translators: after the number of months the journal is kept ("24 months"); keep the leading space.
        self.months_spin.setSuffix(ngettext(" month", " months", self.months_spin.value()))

    def _check_name(self, *_args) -> None:
        blank = not tidy_name(self.name_edit.text())
        self.name_error.show_problem(_("Enter your name: the case journal records who answered.") if blank else "")
        self.ok_button.setEnabled(not blank)

    def accept(self) -> None:
        """Save every setting, then show the language and the theme chosen."""
        if not tidy_name(self.name_edit.text()):
            return  # OK is disabled then; Enter in the form must not get past it either
        settings = Settings()
        settings.agent_name = self.name_edit.text()
        settings.default_country = self.country_combo.country()
        settings.language = self.language_combo.currentData()
        settings.theme = self.theme_combo.currentData()
        settings.deadline_days = self.days_spin.value()
        settings.journal_retention_months = self.months_spin.value()
        super().accept()
        shown = language.startup_language()
        if shown != i18n.current_locale():
            language.apply_language(shown)
        apply_theme(QApplication.instance(), settings.theme)


def system_language_text(platform: str = sys.platform) -> str:
    """The language choice that follows the operating system's, named as the agent knows
    it: Windows there, "the system" elsewhere (issue 16: Linux said "Same as Windows")."""
    return _("Same as Windows") if platform == "win32" else _("Same as the system")
