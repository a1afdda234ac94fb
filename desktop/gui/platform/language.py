"""The agent's language in the app: the saved choice, the OS's languages, and switching
while the app runs (the order of the choices: desktop/common/language_choice.py).

Switching needs no restart: gettext (`desktop.common.i18n`) and Qt's own catalogue (qtbase_xx)
are swapped, Qt's default locale follows (calendars, date edits), and every window gets
a LanguageChange event, on which each view re-reads its texts (`changeEvent`).
"""
from __future__ import annotations

from desktop.common import i18n

# FOLLOW_SYSTEM, SETTINGS_KEY and choose_language are used by the GUI through this module too.
from desktop.common.language_choice import FOLLOW_SYSTEM, QT_LOCALES, SETTINGS_KEY, choose_language  # noqa: F401


def system_languages() -> list[str]:
    """The OS's UI languages, most preferred first ("sv-SE", "en-US"...)."""
    from PySide6.QtCore import QLocale

    return list(QLocale.system().uiLanguages())


def saved_choice() -> str:
    """The agent's choice in the settings: a language code or FOLLOW_SYSTEM."""
    from PySide6.QtCore import QSettings

    value = QSettings().value(SETTINGS_KEY, FOLLOW_SYSTEM)
    return value if value == FOLLOW_SYSTEM or i18n.normalise_language(str(value)) else FOLLOW_SYSTEM


def save_choice(choice: str) -> None:
    from PySide6.QtCore import QSettings

    settings = QSettings()
    settings.setValue(SETTINGS_KEY, choice)
    settings.sync()


def startup_language() -> str:
    from desktop.common.machine_config import machine_defaults

    return choose_language(saved_choice(), machine_defaults().language, system_languages())


def apply_language(language: str) -> None:
    """Show the whole app in `language` from now on, open windows included."""
    from PySide6.QtCore import QCoreApplication, QEvent, QLocale
    from PySide6.QtWidgets import QApplication

    from desktop.gui.platform.qt_translations import install_qt_translations

    i18n.set_language(language)
    locale = QLocale(QT_LOCALES.get(language, language))
    QLocale.setDefault(locale)
    app = QApplication.instance()
    if app is None:
        return
    if language != "en" or app.topLevelWidgets():  # at start-up English needs no Qt catalogue
        install_qt_translations(app, language)
    # Installing a translator posts LanguageChange (English installs none): sent here
    # instead, synchronously, so the texts are right when this returns, and once only (the
    # posted one would have every widget say its texts a second time).
    QCoreApplication.removePostedEvents(None, QEvent.Type.LanguageChange)
    # Only to windows of their own: a dialog with a parent gets the event from its parent
    # (Qt hands it on to every child), and would otherwise say its texts twice.
    for window in app.topLevelWidgets():
        if window.parentWidget() is not None:
            continue
        window.setLocale(locale)
        QCoreApplication.sendEvent(window, QEvent(QEvent.Type.LanguageChange))
