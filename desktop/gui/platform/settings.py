"""The agent's own settings, kept in QSettings (the registry on Windows).

Who the agent is (the case journal records the name), the desk country the views start
on, the language, the theme, how far ahead the coming notice deadlines look and how
long the journal keeps its entries. The app sets QSettings' organisation and
application name ("Deskguide"); each `Settings()` reads the current values.

Reading never fails: a value that is missing, of the wrong kind or out of range (a
hand-edited registry, a setting from a later version) reads as its default. Writing
checks the value and refuses a bad one with InvalidInput before anything is stored.

`settings_changed.changed` says which key changed (AGENT_NAME, THEME...), so an open
view can follow a change at once instead of at the next start.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Signal

from desktop.common.machine_config import COUNTRIES, machine_defaults
from desktop.gui.platform import language
from desktop.gui.platform.theme import SYSTEM, THEMES
from domain.errors import InvalidInput
from domain.messages import Message

AGENT_NAME = "agent_name"
DEFAULT_COUNTRY = "default_country"
LANGUAGE = language.SETTINGS_KEY
THEME = "theme"
DEADLINE_DAYS = "deadline_days"
JOURNAL_RETENTION_MONTHS = "journal_retention_months"

MIN_DEADLINE_DAYS, MAX_DEADLINE_DAYS = 1, 365
DEFAULT_RETENTION_MONTHS = 24
FALLBACK_COUNTRY = "SE"  # when neither IT nor Windows names one of the four desks


class SettingsSignals(QObject):
    changed = Signal(str)  # the key, e.g. THEME


settings_changed = SettingsSignals()


def _default_deadline_days() -> int:
    # Asked when needed: the register service it reads brings SQLAlchemy, which start-up must not wait for.
    from desktop.gui.operations.register import default_deadline_days

    return default_deadline_days()


def _retention_bounds() -> tuple[int, int]:
    from domain.journal import MAX_RETENTION_MONTHS, MIN_RETENTION_MONTHS

    return MIN_RETENTION_MONTHS, MAX_RETENTION_MONTHS


def _whole_number(value: object) -> int | None:
    """An int from what QSettings gives back (an int from the registry, a str from an
    INI file), None for anything else ("45.5", "soon", a list)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value.strip())
    return None


def tidy_name(name: str) -> str:
    """The agent's name as the journal keeps it: one line, single spaces."""
    return " ".join(name.split())


def suggested_country() -> str:
    """The desk to offer when the agent has chosen none: IT's machine default, else
    Windows' own country when it is one of the four desks, else Sweden."""
    from PySide6.QtCore import QLocale

    if machine_defaults().country:
        return machine_defaults().country
    system_country = QLocale.territoryToCode(QLocale.system().territory())
    return system_country if system_country in COUNTRIES else FALLBACK_COUNTRY


class Settings:
    def __init__(self, store: QSettings | None = None) -> None:
        # `store`: the tests give values of the kinds Windows' registry hands back (an int
        # for a REG_DWORD, a list for a REG_MULTI_SZ), which an INI file never does.
        self._store = QSettings() if store is None else store

    def _read(self, key: str) -> object:
        return self._store.value(key)

    def _write(self, key: str, value: object, before: object) -> None:
        self._store.setValue(key, value)
        self._store.sync()
        if value != before:
            settings_changed.changed.emit(key)

    # --- who and where ------------------------------------------------------------------

    @property
    def agent_name(self) -> str:
        value = self._read(AGENT_NAME)
        return tidy_name(value) if isinstance(value, str) else ""

    @agent_name.setter
    def agent_name(self, name: str) -> None:
        from domain.journal import MAX_AGENT

        tidied = tidy_name(name) if isinstance(name, str) else ""
        if not tidied:
            raise InvalidInput(AGENT_NAME, name, Message("is required: the case journal records who answered"))
        if len(tidied) > MAX_AGENT:
            raise InvalidInput(AGENT_NAME, name, Message("is too long: {length} characters, at most {limit}",
                                                         length=len(tidied), limit=MAX_AGENT))
        self._write(AGENT_NAME, tidied, self.agent_name)

    def first_run_needed(self) -> bool:
        """True until the agent has told who they are (the first-run dialog asks)."""
        return not self.agent_name

    @property
    def default_country(self) -> str | None:
        """The desk the views start on: the agent's choice, else IT's machine default,
        else None (until the first run asks)."""
        value = self._read(DEFAULT_COUNTRY)
        if isinstance(value, str) and value.strip().upper() in COUNTRIES:
            return value.strip().upper()
        return machine_defaults().country

    @default_country.setter
    def default_country(self, country: str) -> None:
        if country not in COUNTRIES:
            raise InvalidInput(DEFAULT_COUNTRY, country, Message("is not a desk country: use SE, NO, DK or FI"))
        self._write(DEFAULT_COUNTRY, country, self.default_country)

    # --- how the app looks -----------------------------------------------------------------

    @property
    def language(self) -> str:
        """A language code or language.FOLLOW_SYSTEM; the shown language is
        language.startup_language()."""
        return language.saved_choice()

    @language.setter
    def language(self, choice: str) -> None:
        from desktop.common.i18n import LANGUAGES

        if choice != language.FOLLOW_SYSTEM and choice not in LANGUAGES:
            raise InvalidInput(LANGUAGE, choice, Message("is not a language of the app: use system, en, sv, nb, da "
                                                         "or fi"))
        before = self.language
        language.save_choice(choice)
        if choice != before:
            settings_changed.changed.emit(LANGUAGE)

    @property
    def theme(self) -> str:
        value = self._read(THEME)
        return value if value in THEMES else SYSTEM

    @theme.setter
    def theme(self, theme: str) -> None:
        if theme not in THEMES:
            raise InvalidInput(THEME, theme, Message("is not a theme: use system, light or dark"))
        self._write(THEME, theme, self.theme)

    # --- how far ahead and how long ---------------------------------------------------------

    @property
    def deadline_days(self) -> int:
        """How many days ahead the coming notice deadlines look."""
        days = _whole_number(self._read(DEADLINE_DAYS))
        return days if days is not None and MIN_DEADLINE_DAYS <= days <= MAX_DEADLINE_DAYS \
            else _default_deadline_days()

    @deadline_days.setter
    def deadline_days(self, days: int) -> None:
        if isinstance(days, bool) or not isinstance(days, int) or not MIN_DEADLINE_DAYS <= days <= MAX_DEADLINE_DAYS:
            raise InvalidInput(DEADLINE_DAYS, days, Message("must be a whole number of days from {low} to {high}",
                                                            low=MIN_DEADLINE_DAYS, high=MAX_DEADLINE_DAYS))
        self._write(DEADLINE_DAYS, days, self.deadline_days)

    @property
    def journal_retention_months(self) -> int:
        """Journal entries older than this many months may be purged."""
        low, high = _retention_bounds()
        months = _whole_number(self._read(JOURNAL_RETENTION_MONTHS))
        return months if months is not None and low <= months <= high else DEFAULT_RETENTION_MONTHS

    @journal_retention_months.setter
    def journal_retention_months(self, months: int) -> None:
        from domain.journal import check_retention_months

        check_retention_months(months, JOURNAL_RETENTION_MONTHS)
        self._write(JOURNAL_RETENTION_MONTHS, months, self.journal_retention_months)


def default_country() -> str:
    """The desk the views start on (what-if clock, escalation, new customers): the
    agent's choice in Settings, else IT's machine default, else Sweden."""
    return Settings().default_country or FALLBACK_COUNTRY
