"""The whole window changes language while it runs, with nothing left in English.

Every view is built, the language is switched with the Language menu (as an agent
does), and every text a user can see or a screen reader can say is compared with the
catalogue: a text that is still an English msgid whose translation differs was not
re-read on the switch.
"""
from __future__ import annotations

import re
import sys
from functools import cache

import pytest
from babel.messages.pofile import read_po
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QTabWidget,
    QTreeView,
    QWidget,
)

from desktop.common import i18n
from desktop.gui.main_window import VIEWS
from desktop.gui.platform import language
from resources import catalogues

pytestmark = pytest.mark.gui
_TAGS = re.compile(r"<[^>]+>")


@cache
def english_only(lang: str) -> frozenset[str]:
    """The English texts that must not remain in `lang` (accelerators removed): msgids
    that read differently there, less any that is also some string's translation ("Start"
    is Swedish for the header "Start" while "&Start" is "&Starta")."""
    with catalogues.po_file(lang).open("rb") as po:
        catalogue = read_po(po, locale=lang)
    # Languages are named in themselves in the menus ("English" stays English on purpose).
    own_names = set(i18n.LANGUAGE_NAMES.values())
    entries = [entry for entry in catalogue if isinstance(entry.id, str) and entry.id and entry.string]
    translated = {entry.string.replace("&", "") for entry in entries}
    return frozenset(entry.id.replace("&", "") for entry in entries
                     if entry.string != entry.id and entry.id not in own_names) - translated


def shown_texts(window: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every text on the window: labels, buttons, placeholders,
    group titles, combo items, tabs, column headers, menus, accessible names, tooltips."""
    found: list[tuple[str, str]] = [("window title", window.windowTitle())]
    for widget in window.findChildren(QWidget):
        where = f"{type(widget).__name__} {widget.objectName() or ''}".strip()
        texts = [widget.accessibleName(), widget.toolTip()]
        if isinstance(widget, QLabel):
            texts.append(_TAGS.sub("", widget.text()))
        elif isinstance(widget, QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        elif isinstance(widget, QTabWidget):
            texts += [widget.tabText(i) for i in range(widget.count())]
        elif isinstance(widget, QMenu):
            texts += [widget.title()] + [action.text() for action in widget.actions()]
        header = widget.horizontalHeader() if isinstance(widget, QTableView) else \
            widget.header() if isinstance(widget, QTreeView) else None
        if header is not None and widget.model() is not None:
            texts += [str(widget.model().headerData(c, Qt.Orientation.Horizontal) or "") for c in range(header.count())]
        found += [(where, text.replace("&", "")) for text in texts if text]
    return found


def build_every_view(window, qtbot) -> None:
    for row, spec in enumerate(VIEWS):
        window.navigation.setCurrentRow(row)
        window.view(spec.key)
    # Every view's first reads (catalogue, register, cases...) answered: all its texts are shown.
    qtbot.waitUntil(lambda: not window.worker.pending, timeout=15_000)


@pytest.mark.parametrize("lang", catalogues.TRANSLATED_LANGUAGES)
def test_switching_language_leaves_no_english_behind(main_window, qtbot, lang):
    build_every_view(main_window, qtbot)
    english = {text for _where, text in shown_texts(main_window)}
    stale_msgids = english_only(lang)
    assert english & stale_msgids, "the English window should show catalogue strings"

    main_window.choose_language(lang)

    stale = sorted({f"{where}: {text!r}" for where, text in shown_texts(main_window) if text in stale_msgids})
    assert not stale, f"still English after switching to {lang}:\n" + "\n".join(stale)


def test_the_menu_choice_is_kept_and_the_current_view_stays(main_window, qtbot):
    build_every_view(main_window, qtbot)
    main_window.navigation.setCurrentRow(2)
    current = main_window.current_view()

    main_window.choose_language("fi")

    assert QSettings().value(language.SETTINGS_KEY) == "fi"
    assert i18n.current_locale() == "fi"
    assert main_window.current_view() is current
    assert main_window.navigation.currentRow() == 2
    with i18n.in_language("fi"):
        assert main_window.navigation.item(1).text() == i18n._("Opening hours") != "Opening hours"
    assert main_window.language_actions["fi"].isChecked()


def test_the_menu_names_windows_only_on_windows(main_window):
    # Issue 16: Linux said "Same as Windows".
    assert main_window.language_actions[language.FOLLOW_SYSTEM].text() == (
        "Same as &Windows" if sys.platform == "win32" else "Same as the &system")


def test_following_windows_again(main_window, monkeypatch):
    main_window.choose_language("da")
    monkeypatch.setattr(language, "system_languages", lambda: ["sv-SE", "en-US"])

    main_window.choose_language(language.FOLLOW_SYSTEM)

    assert QSettings().value(language.SETTINGS_KEY) == language.FOLLOW_SYSTEM
    assert i18n.current_locale() == "sv"


@pytest.mark.parametrize(("saved", "machine", "system", "expected"), [
    ("fi", "sv", ["da-DK"], "fi"),  # the agent's own choice first
    ("system", "sv", ["da-DK"], "sv"),  # then IT's default for the machine
    ("system", None, ["de-DE", "nb-NO", "en-US"], "nb"),  # then Windows' first language we have
    (None, None, ["no"], "nb"),  # "no" is written Bokmål
    (None, None, ["de-DE", "fr-FR"], "en"),  # none of ours: English
])
def test_which_language_starts(saved, machine, system, expected):
    assert language.choose_language(saved, machine, system) == expected


def test_the_next_start_uses_the_saved_choice(main_window, monkeypatch):
    monkeypatch.setattr(language, "system_languages", lambda: ["en-US"])
    main_window.choose_language("nb")

    assert language.startup_language() == "nb"


@pytest.mark.parametrize("lang", ["en", *catalogues.TRANSLATED_LANGUAGES])
def test_the_window_fits_a_1024_pixel_wide_screen_in_every_language(main_window, qtbot, lang):
    # A helpdesk PC's smallest screen is 1024x768: no view may make the window wider (in
    # Finnish the navigation's labels are the longest, and the customers view the widest).
    build_every_view(main_window, qtbot)
    if lang != "en":
        main_window.choose_language(lang)
    for row, _spec in enumerate(VIEWS):
        main_window.navigation.setCurrentRow(row)
        assert main_window.minimumSizeHint().width() <= 1024, (lang, _spec.key)
