"""The language the command line speaks: `--lang`, else the machine's, else the OS's.

Like the GUI (desktop/gui/platform/language.py `choose_language`), minus the agent's saved choice,
which lives in Qt's settings: `--lang`, then the machine's DefaultLanguage (IT's policy, the
installer's key, deskguide.ini: desktop/common/machine_config.py), then the
operating system's language, then English. The OS's language is read without Qt: on
Windows the user's display language; elsewhere GNU gettext's variables (LANGUAGE, then the
first of LC_ALL, LC_MESSAGES, LANG), else Python's locale.

`--lang` is read before the parser is built, so the help, every answer and every error
are in that language; an unknown one is bad input, said in the default language.
"""
from __future__ import annotations

import argparse
import locale
import os
import sys
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from desktop.common import i18n
from desktop.common.i18n import _
from domain.errors import InvalidInput
from domain.messages import Message

if TYPE_CHECKING:
    from desktop.common.windows_facts import WindowsFacts

ALIASES = {"no": "nb"}  # Norwegian as people write it; the catalogue is bokmål
METAVAR = "|".join(i18n.LANGUAGES)
MESSAGES_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")  # the first one set wins


def parse_language(text: str) -> str:
    """"fi", "FI", "no" -> one of i18n.LANGUAGES; InvalidInput naming the choices."""
    key = text.strip().lower()
    language = ALIASES.get(key, key)
    if language not in i18n.LANGUAGES:
        raise InvalidInput("--lang", text, Message("is not a language of Deskguide: use en, sv, nb (or no), da "
                                                   "or fi"))
    return language


def add_option(parser: argparse.ArgumentParser, suppress: bool) -> None:
    # InvalidInput is no ValueError: argparse lets it through, to be reported like other bad input.
    parser.add_argument("--lang", type=parse_language, metavar=METAVAR,
                        default=argparse.SUPPRESS if suppress else None,
                        help=_("the language of the output (default: the language IT set for this computer, else the "
                               "operating system's language, else English); --json keeps its field names "
                               "and codes and adds a \"message\" in this language"))


class _Unreadable(Exception):
    pass


class _LanguageParser(argparse.ArgumentParser):
    def error(self, message: str):  # the real parser reports it, in the right language
        raise _Unreadable(message)


def requested_language(argv: Sequence[str]) -> str | None:
    """The --lang in `argv` (before or after the command name), None when none is given
    or the command line cannot be read; InvalidInput for a language the app lacks."""
    parser = _LanguageParser(add_help=False)
    add_option(parser, suppress=False)
    try:
        return parser.parse_known_args(list(argv))[0].lang
    except _Unreadable:
        return None


def default_language() -> str:
    """Without --lang: the machine's default, else the OS's language, else English."""
    from desktop.common.language_choice import choose_language
    from desktop.common.machine_config import machine_defaults

    return choose_language(None, machine_defaults().language, os_languages())


def os_languages(facts: WindowsFacts | None = None) -> list[str]:
    """The operating system's languages for this user, most preferred first. `facts`:
    Windows' (the tests give them on any OS); the running Windows' when on Windows."""
    if facts is None and sys.platform == "win32":
        from desktop.common.windows_facts import system_windows

        facts = system_windows()
    if facts is not None:
        return windows_languages(facts)
    if not any(os.environ.get(name) for name in ("LANGUAGE", *MESSAGES_VARIABLES)):
        return [locale.getlocale()[0] or ""]  # none set: the locale Python started in
    return environment_languages(os.environ)


def environment_languages(environ: Mapping[str, str]) -> list[str]:
    """GNU gettext's order: LANGUAGE's list ("fi:sv:en"), then the one locale that sets the
    messages (LC_ALL beats LC_MESSAGES beats LANG). The C locale means untranslated, and
    then gettext ignores LANGUAGE too."""
    messages = next((environ[name] for name in MESSAGES_VARIABLES if environ.get(name)), "")
    if messages.split(".")[0] in ("C", "POSIX"):
        return []
    preferred = [name for name in environ.get("LANGUAGE", "").split(":") if name]
    return preferred + ([messages] if messages else [])


def windows_languages(facts: WindowsFacts) -> list[str]:
    # The display language (what Qt's uiLanguages() starts with), not the regional format.
    language_id = facts.ui_language_id()
    if language_id is None:
        return [locale.getlocale()[0] or ""]
    return [locale.windows_locale.get(language_id, "")]
