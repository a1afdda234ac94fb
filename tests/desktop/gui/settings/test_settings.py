"""The agent's settings: kept between runs, never crashing on a hand-edited value; the
settings dialog applies everything at once on OK and nothing on Cancel; the first-run
dialog asks for a name and a country."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel

from desktop.common import i18n, machine_config
from desktop.gui.platform import language
from desktop.gui.platform.settings import Settings, settings_changed, suggested_country
from desktop.gui.platform.theme import SYSTEM, apply_theme, is_dark
from desktop.gui.settings.first_run_dialog import FirstRunDialog, ask_first_run
from desktop.gui.settings.settings_dialog import SettingsDialog
from domain.errors import InvalidInput
from domain.services.register import DEFAULT_WITHIN_DAYS
from tests.desktop.gui.keyboard_input import type_text

pytestmark = pytest.mark.gui


@pytest.fixture
def machine_ini(monkeypatch, tmp_path):
    """IT's deskguide.ini for this machine (tests/conftest.py points Deskguide at a file
    in the test's folder)."""
    def write(text: str) -> None:
        path = tmp_path / "it" / "deskguide.ini"
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        monkeypatch.setenv("DESKGUIDE_MACHINE_CONFIG", str(path))
        machine_config._cached.cache_clear()

    yield write
    machine_config._cached.cache_clear()


@pytest.fixture
def platform_theme_after(qapp):
    """A test that changes the theme leaves the platform's look behind it."""
    yield
    apply_theme(qapp, SYSTEM)


@pytest.fixture
def hours_window(qtbot, store, isolated_data, clock):
    """The real main window (its opening-hours view only): what a language switch must reach."""
    from desktop.gui.main_window import VIEWS, MainWindow

    window = MainWindow(db_path=isolated_data, clock=clock, views=tuple(v for v in VIEWS if v.key == "hours"))
    qtbot.addWidget(window)
    window.show()
    return window


def test_a_fresh_install_has_the_defaults(qapp):
    settings = Settings()
    assert settings.agent_name == ""
    assert settings.first_run_needed()
    assert settings.default_country is None  # no machine default: the first run asks
    assert settings.language == language.FOLLOW_SYSTEM
    assert settings.theme == SYSTEM
    assert settings.deadline_days == DEFAULT_WITHIN_DAYS == 45
    assert settings.journal_retention_months == 24


def test_the_machine_default_country_applies_until_the_agent_chooses(qapp, machine_ini):
    machine_ini("[defaults]\ncountry = NO\n")
    assert Settings().default_country == "NO"
    assert suggested_country() == "NO"
    Settings().default_country = "FI"
    assert Settings().default_country == "FI"


def test_every_setting_is_kept_for_the_next_run(qapp):
    settings = Settings()
    settings.agent_name = "  Anna   Lindqvist "
    settings.default_country = "DK"
    settings.language = "fi"
    settings.theme = "dark"
    settings.deadline_days = 90
    settings.journal_retention_months = 6
    # A new QSettings reads the file again, as the next start of the app does.
    stored = QSettings(QSettings().fileName(), QSettings.Format.IniFormat)
    assert stored.value("agent_name") == "Anna Lindqvist"
    again = Settings()
    assert (again.agent_name, again.default_country, again.language, again.theme, again.deadline_days,
            again.journal_retention_months) == ("Anna Lindqvist", "DK", "fi", "dark", 90, 6)
    assert not again.first_run_needed()
    assert language.startup_language() == "fi"


@pytest.mark.parametrize("key, stored, setting, default", [
    ("theme", "purple", "theme", SYSTEM),
    ("deadline_days", "soon", "deadline_days", 45),
    ("deadline_days", "0", "deadline_days", 45),
    ("deadline_days", "366", "deadline_days", 45),
    ("deadline_days", "45.5", "deadline_days", 45),
    ("journal_retention_months", "-3", "journal_retention_months", 24),
    ("journal_retention_months", "121", "journal_retention_months", 24),
    ("default_country", "Sverige", "default_country", None),
    ("language", "klingon", "language", language.FOLLOW_SYSTEM),
])
def test_a_bad_stored_value_reads_as_the_default(qapp, key, stored, setting, default):
    QSettings().setValue(key, stored)
    assert getattr(Settings(), setting) == default


def test_a_hand_edited_settings_file_does_not_stop_the_app(qapp):
    """An INI edited by hand: lists where text belongs, numbers with units, a lower-case country."""
    path = Path(QSettings().fileName())
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("[General]\nagent_name=Lindqvist, Anna\ntheme=1\ndeadline_days=30 days\n"
                  "journal_retention_months=@Invalid()\ndefault_country=no\n", encoding="utf-8")
    settings = Settings()
    assert settings.agent_name == ""  # a list, not a name: asked again at the next first run
    assert settings.theme == SYSTEM
    assert settings.deadline_days == 45
    assert settings.journal_retention_months == 24
    assert settings.default_country == "NO"


@pytest.mark.parametrize("setting, value", [
    ("agent_name", "   "), ("agent_name", "x" * 101), ("default_country", "SV"), ("language", "de"),
    ("theme", "blue"), ("deadline_days", 0), ("deadline_days", 366), ("deadline_days", True),
    ("journal_retention_months", 0), ("journal_retention_months", 121), ("journal_retention_months", 6.5),
])
def test_a_bad_value_is_refused_and_nothing_is_stored(qapp, setting, value):
    settings = Settings()
    before = getattr(settings, setting)
    with pytest.raises(InvalidInput) as refused:
        setattr(settings, setting, value)
    assert refused.value.field == setting
    assert getattr(Settings(), setting) == before


def test_a_change_is_announced_by_its_key_and_only_a_change(qapp, qtbot):
    heard: list[str] = []
    settings_changed.changed.connect(heard.append)
    try:
        settings = Settings()
        settings.deadline_days = 30
        settings.deadline_days = 30  # the same again: nothing to follow
        settings.theme = "light"
        settings.language = "sv"
        settings.agent_name = "Mette"
    finally:
        settings_changed.changed.disconnect(heard.append)
    assert heard == ["deadline_days", "theme", "language", "agent_name"]


# --- the settings dialog --------------------------------------------------------------------

def test_the_dialog_shows_the_current_settings(qtbot):
    settings = Settings()
    settings.agent_name = "Mette Sørensen"
    settings.default_country = "DK"
    settings.theme = "dark"
    settings.deadline_days = 1
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    assert dialog.name_edit.text() == "Mette Sørensen"
    assert dialog.country_combo.currentText() == "Denmark"
    # Issue 16: named as the agent knows the system, not "Windows" on Linux.
    assert dialog.language_combo.currentText() == ("Same as Windows" if sys.platform == "win32"
                                                   else "Same as the system")
    assert dialog.theme_combo.currentText() == "Dark"
    assert dialog.days_spin.text() == "1 day"  # the suffix follows the count
    dialog.days_spin.setValue(30)
    assert dialog.days_spin.text() == "30 days"
    assert dialog.months_spin.text() == "24 months"


def test_ok_applies_the_language_and_the_theme_at_once(qtbot, hours_window, platform_theme_after):
    assert not is_dark(hours_window.palette())
    dialog = SettingsDialog(hours_window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name_edit.setText("Aino Virtanen")
    dialog.country_combo.set_country("FI")
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findText("Suomi"))
    dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData("dark"))
    dialog.days_spin.setValue(60)
    dialog.months_spin.setValue(12)
    dialog.ok_button.click()

    assert not dialog.isVisible()
    assert i18n.current_locale() == "fi"
    assert hours_window.file_menu.title() == i18n._("&File") != "&File"  # the open window speaks Finnish now
    qtbot.waitUntil(lambda: is_dark(hours_window.palette()))
    settings = Settings()
    assert (settings.agent_name, settings.default_country, settings.language, settings.theme,
            settings.deadline_days, settings.journal_retention_months) == (
        "Aino Virtanen", "FI", "fi", "dark", 60, 12)

    # And back: light, and the language of the system again.
    dialog = SettingsDialog(hours_window)
    qtbot.addWidget(dialog)
    assert dialog.language_combo.currentText() == "Suomi"
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData(language.FOLLOW_SYSTEM))
    dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData("light"))
    dialog.ok_button.click()
    assert i18n.current_locale() == language.choose_language(None, None, language.system_languages())
    qtbot.waitUntil(lambda: not is_dark(hours_window.palette()))


def test_cancel_changes_nothing(qtbot, hours_window, platform_theme_after):
    Settings().agent_name = "Mette"
    dialog = SettingsDialog(hours_window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name_edit.setText("Someone Else")
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("da"))
    dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData("dark"))
    dialog.days_spin.setValue(200)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    # A palette change is delivered by events: once the posted ones are processed, one
    # would have arrived (test_theme: the same).
    QApplication.processEvents()
    assert not dialog.isVisible()
    settings = Settings()
    assert (settings.agent_name, settings.language, settings.theme, settings.deadline_days) == (
        "Mette", language.FOLLOW_SYSTEM, SYSTEM, 45)
    assert i18n.current_locale() == "en"
    assert not is_dark(hours_window.palette())


def test_the_dialog_refuses_a_blank_name(qtbot):
    Settings().agent_name = "Mette"
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name_edit.setText("   ")
    assert not dialog.ok_button.isEnabled()
    assert dialog.name_error.isVisible() and "your name" in dialog.name_error.text()
    dialog.accept()  # Enter in the form: refused as well
    assert dialog.isVisible()
    assert Settings().agent_name == "Mette"


def test_the_dialog_works_from_the_keyboard(qtbot):
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    fields = [dialog.name_edit, dialog.country_combo, dialog.language_combo, dialog.theme_combo,
              dialog.days_spin, dialog.months_spin]
    # Tab goes down the form in reading order, then to OK and Cancel.
    expected = [*fields, dialog.ok_button, dialog.cancel_button]
    chain, widget = [], dialog.name_edit
    while len(chain) < len(expected):
        if widget in expected:  # labels take no Tab; a spin box's own line edit is part of the spin box
            chain.append(widget)
        widget = widget.nextInFocusChain()
    assert chain == expected
    accelerators = set()
    for label in dialog.findChildren(QLabel):
        if label.buddy() is not None:
            assert label.buddy().accessibleName(), f"{label.text()} names its field for a screen reader"
            assert "&" in label.text()
            accelerators.add(label.text()[label.text().index("&") + 1].lower())
    assert len(accelerators) == len(fields)  # every field has its own Alt+letter


def test_the_dialog_follows_a_language_switch(qtbot):
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("Aino")
    dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData("dark"))
    language.apply_language("fi")
    QApplication.sendPostedEvents()
    assert dialog.windowTitle() == i18n._("Settings")
    assert dialog.country_combo.currentText() != "Sweden"  # named in Finnish
    assert dialog.country_combo.itemText(dialog.country_combo.findData("SE")) == "Ruotsi"
    assert dialog.name_edit.text() == "Aino"  # what the agent typed stays
    assert dialog.theme_combo.currentData() == "dark"


# --- the first run ----------------------------------------------------------------------------

def test_the_first_run_refuses_a_blank_name(qtbot):
    dialog = FirstRunDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.ok_button.isEnabled()
    type_text(dialog.name_edit, "   ")
    assert not dialog.ok_button.isEnabled()
    dialog.accept()
    assert dialog.isVisible()
    assert Settings().first_run_needed()


def test_the_first_run_saves_the_name_and_the_country(qtbot):
    dialog = FirstRunDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.country_combo.country() == suggested_country()
    type_text(dialog.name_edit, "Søren Østergaard")
    dialog.country_combo.set_country("DK")
    assert dialog.ok_button.isEnabled()
    dialog.ok_button.click()
    settings = Settings()
    assert (settings.agent_name, settings.default_country) == ("Søren Østergaard", "DK")
    assert not settings.first_run_needed()


def test_the_first_run_offers_the_machine_default_country(qtbot, machine_ini):
    machine_ini("[defaults]\ncountry = FI\n")
    dialog = FirstRunDialog()
    qtbot.addWidget(dialog)
    assert dialog.country_combo.currentText() == "Finland"


def test_ask_first_run_waits_for_the_answer(qtbot, hours_window):
    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, FirstRunDialog)
        type_text(dialog.name_edit, "Kari Nordmann")
        dialog.country_combo.set_country("NO")
        dialog.ok_button.click()

    QTimer.singleShot(0, answer)
    assert ask_first_run(hours_window) is True
    assert (Settings().agent_name, Settings().default_country) == ("Kari Nordmann", "NO")

    def close() -> None:
        QApplication.activeModalWidget().reject()

    QTimer.singleShot(0, close)
    assert ask_first_run(hours_window) is False


def test_the_views_start_on_the_agents_country_else_its_machines(machine_ini):
    from desktop.gui.platform.settings import Settings, default_country

    assert default_country() == "SE"  # neither the agent nor IT chose
    machine_ini("[defaults]\ncountry = FI\n")
    assert default_country() == "FI"  # IT's default for the machine
    Settings().default_country = "NO"
    assert default_country() == "NO"  # the agent's own choice wins


def test_the_app_asks_who_the_agent_is_on_the_first_start_only(qtbot, qapp, hours_window):
    from desktop.gui.app import settle_in

    asked = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        asked.append(type(dialog).__name__)
        type_text(dialog.name_edit, "Anna Berg")
        dialog.ok_button.click()

    QTimer.singleShot(0, answer)
    settle_in(qapp, hours_window)  # the first start: no name yet
    assert asked == ["FirstRunDialog"] and Settings().agent_name == "Anna Berg"

    settle_in(qapp, hours_window)  # the next start: nothing asked
    assert asked == ["FirstRunDialog"] and QApplication.activeModalWidget() is None


def test_the_language_that_follows_the_system_names_windows_only_on_windows():
    from desktop.gui.settings.settings_dialog import system_language_text

    assert system_language_text("win32") == "Same as Windows"
    assert system_language_text("linux") == system_language_text("darwin") == "Same as the system"
