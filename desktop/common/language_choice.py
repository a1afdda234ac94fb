"""Which language the agent reads: the order of the choices, without Qt (the CLI uses it).

The choice, strongest first: the agent's own (Language menu, kept in QSettings under
"language"), the machine's default set by IT (deskguide.ini [defaults] language), the
operating system's UI language, English. "system" in the settings means: no choice of
my own, follow the machine and the OS.
"""
from __future__ import annotations

from desktop.common import i18n

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
