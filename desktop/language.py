"""Which language the agent reads, and switching it while the app runs.

The choice, strongest first: the agent's own (Language menu, kept in QSettings under
"language"), the machine's default set by IT (deskguide.ini [defaults] language), the
operating system's UI language, English. "system" in the settings means: no choice of
my own, follow the machine and the OS.

Switching needs no restart: gettext (`desktop.i18n`) and Qt's own catalogue (qtbase_xx)
are swapped, Qt's default locale follows (calendars, date edits), and every window gets
a LanguageChange event, on which each view re-reads its texts (`changeEvent`).
"""
from __future__ import annotations

from desktop import i18n

SETTINGS_KEY = "language"
FOLLOW_SYSTEM = "system"
# Qt's locale for each language (calendars, date edits, Qt's own number formats). English
# is British: the desks are Nordic, weeks start on Monday and clocks run to 24.
QT_LOCALES = {"en": "en_GB", "sv": "sv_SE", "nb": "nb_NO", "da": "da_DK", "fi": "fi_FI"}


def choose_language(saved: str | None, machine_default: str | None, system_languages: list[str]) -> str:
    """The language to show: the agent's choice, else IT's, else the OS's first
    language the app has, else English."""
    for candidate in (saved if saved != FOLLOW_SYSTEM else None, machine_default, *system_languages):
        language = i18n.normalise_language(candidate)
        if language is not None:
            return language
    return "en"


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
    from desktop.machine_config import machine_defaults

    return choose_language(saved_choice(), machine_defaults().language, system_languages())


def apply_language(language: str) -> None:
    """Show the whole app in `language` from now on, open windows included."""
    from PySide6.QtCore import QCoreApplication, QEvent, QLocale
    from PySide6.QtWidgets import QApplication

    from desktop.qt_translations import install_qt_translations

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
    for window in app.topLevelWidgets():
        window.setLocale(locale)
        QCoreApplication.sendEvent(window, QEvent(QEvent.Type.LanguageChange))
