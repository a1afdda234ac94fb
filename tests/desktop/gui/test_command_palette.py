"""Ctrl+K's palette, driven by the keyboard alone as an agent on a call does."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMainWindow

from desktop.common import i18n
from desktop.common.i18n import _
from desktop.gui.command_palette import MAX_SHOWN, CommandPaletteDialog, PaletteItem, rank
from desktop.gui.platform import language
from domain.customer_search import CustomerSearch
from domain.customers import CustomerSummary
from tests.desktop.gui.keyboard_input import type_text

pytestmark = pytest.mark.gui

VIEWS = (("hours", lambda: _("Opening hours")), ("scope", lambda: _("Support scope")),
         ("customers", lambda: _("Customers & notice")), ("escalation", lambda: _("Escalation")))
CUSTOMERS = [
    CustomerSummary(1, "Østergaard & Søn Rådgivende Ingeniørfirma ApS", "25313763", "DK", "+45 33 12 34 56",
                    "soren@ostergaard-son.dk", "unified"),
    CustomerSummary(2, "Lindqvist Bygg & Fastighetsförvaltning i Norrland AB", "556677-8899", "SE",
                    "+46 8 123 456 78", "anna@lindqvistbygg.se", "standard"),
    CustomerSummary(3, "Escalade Consulting Oy", "1234567-8", "FI", "+358 9 123 4567", "info@escalade.fi", "standard"),
]


class Desk:
    """A provider as the main window's: the views always, the customers its search finds
    for the text; it records what the palette ran and what it was asked."""

    def __init__(self):
        self.search = CustomerSearch(CUSTOMERS)
        self.ran: list[tuple[str, object]] = []
        self.asked: list[str] = []

    def items(self, text: str) -> list[PaletteItem]:
        self.asked.append(text)
        found = [PaletteItem(_("View"), title(), "", lambda key=key: self.ran.append(("view", key)))
                 for key, title in VIEWS]
        if text.strip():
            found += [PaletteItem(_("Customer"), summary.name, summary.phone,
                                  lambda cid=summary.id: self.ran.append(("customer", cid)), matched=True)
                      for summary in self.search.search(text, 8)]
        return found


@pytest.fixture
def desk() -> Desk:
    return Desk()


@pytest.fixture
def window(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    return window


@pytest.fixture
def palette(qtbot, desk, window):
    dialog = CommandPaletteDialog(desk.items, window)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def labels(dialog: CommandPaletteDialog) -> list[str]:
    return [item.label for item in dialog.items()]


def test_typing_down_and_enter_run_the_second_match(qtbot, palette, desk):
    assert palette.focusWidget() is palette.search_edit
    qtbot.keyClicks(palette.search_edit, "esc")
    assert labels(palette) == ["Escalation", "Escalade Consulting Oy"]
    assert palette.current_item().label == "Escalation"
    qtbot.keyClick(palette.search_edit, Qt.Key.Key_Down)
    assert palette.focusWidget() is palette.search_edit  # the typing can go on
    assert palette.current_item().label == "Escalade Consulting Oy"
    assert "Escalade Consulting Oy" in palette.search_edit.accessibleDescription()  # what a screen reader says
    qtbot.keyClick(palette.search_edit, Qt.Key.Key_Return)
    assert desk.ran == [("customer", 3)]
    assert not palette.isVisible()


def test_up_and_down_stop_at_the_ends(qtbot, palette, desk):
    for _press in range(10):
        qtbot.keyClick(palette.search_edit, Qt.Key.Key_Down)
    assert palette.current_item().label == "Escalation"  # the last of the four views
    qtbot.keyClick(palette.search_edit, Qt.Key.Key_PageUp)
    qtbot.keyClick(palette.search_edit, Qt.Key.Key_Enter)
    assert desk.ran == [("view", "hours")]


def test_escape_closes_without_running_anything(qtbot, palette, desk):
    qtbot.keyClicks(palette.search_edit, "esc")
    qtbot.keyClick(palette.search_edit, Qt.Key.Key_Escape)
    assert not palette.isVisible()
    assert desk.ran == []


def test_clicking_the_window_closes_the_palette(qtbot, palette, desk, window):
    window.activateWindow()
    qtbot.waitUntil(lambda: not palette.isVisible())
    assert desk.ran == []


def test_a_click_on_a_match_runs_it(qtbot, palette, desk):
    qtbot.keyClicks(palette.search_edit, "scope")
    index = palette.model.index(0)
    qtbot.mouseClick(palette.list_view.viewport(), Qt.MouseButton.LeftButton,
                     pos=palette.list_view.visualRect(index).center())
    assert desk.ran == [("view", "scope")]


def test_letters_match_without_accents(qtbot, palette, desk):
    qtbot.keyClicks(palette.search_edit, "ostergaard")
    assert labels(palette)[0] == "Østergaard & Søn Rådgivende Ingeniørfirma ApS"
    palette.search_edit.clear()
    type_text(palette.search_edit, "förvaltning")
    assert labels(palette) == ["Lindqvist Bygg & Fastighetsförvaltning i Norrland AB"]


def test_the_provider_gets_the_text_and_its_own_finds_are_kept(qtbot, palette, desk):
    """A customer found by the phone number the caller reads out: the label shows a name,
    but the provider's search matched it, so the palette keeps it."""
    qtbot.keyClicks(palette.search_edit, "08 123")
    assert desk.asked[-1] == "08 123"
    assert labels(palette) == ["Lindqvist Bygg & Fastighetsförvaltning i Norrland AB"]
    qtbot.keyClick(palette.search_edit, Qt.Key.Key_Return)
    assert desk.ran == [("customer", 2)]


def test_a_typo_still_finds_the_view(qtbot, palette, desk):
    qtbot.keyClicks(palette.search_edit, "escaltion")
    assert labels(palette)[0] == "Escalation"


def test_nothing_matching_says_so_and_enter_does_nothing(qtbot, palette, desk):
    qtbot.keyClicks(palette.search_edit, "zzzz")
    assert labels(palette) == []
    assert palette.empty_label.isVisible()
    qtbot.keyClick(palette.search_edit, Qt.Key.Key_Return)
    assert palette.isVisible() and desk.ran == []
    qtbot.keyClick(palette.search_edit, Qt.Key.Key_Backspace)
    qtbot.keyClick(palette.search_edit, Qt.Key.Key_Backspace)
    qtbot.keyClick(palette.search_edit, Qt.Key.Key_Backspace)
    qtbot.keyClick(palette.search_edit, Qt.Key.Key_Backspace)
    assert not palette.empty_label.isVisible()
    assert len(labels(palette)) == 4


def test_each_opening_starts_afresh(qtbot, palette, desk, window):
    qtbot.keyClicks(palette.search_edit, "lindqvist")
    qtbot.keyClick(palette.search_edit, Qt.Key.Key_Escape)
    palette.open()
    assert palette.search_edit.text() == ""
    assert labels(palette) == ["Opening hours", "Support scope", "Customers & notice", "Escalation"]
    # It sits in the upper middle of the window it belongs to.
    frame = window.geometry()
    assert frame.contains(palette.geometry().topLeft()) and frame.contains(palette.geometry().topRight())
    assert abs(palette.geometry().center().x() - frame.center().x()) <= 1


def test_the_palette_follows_a_language_switch(qtbot, palette, desk):
    asked = len(desk.asked)
    language.apply_language("fi")
    QApplication.sendPostedEvents()
    assert len(desk.asked) > asked  # asked again, so the views' titles come in Finnish
    assert labels(palette)[0] == i18n._("Opening hours") != "Opening hours"
    assert palette.search_edit.placeholderText() == i18n._("Type a view, a customer or a scope topic…")


# --- the ranking ----------------------------------------------------------------------------------

def item(label: str, **extra) -> PaletteItem:
    return PaletteItem("View", label, extra.pop("detail", ""), lambda: None, **extra)


def test_the_label_start_ranks_first_then_words_then_the_providers_finds_then_typos():
    items = [
        item("Customers & notice"),                    # "notice" starts a word: tier 1
        item("Notice deadlines"),                      # starts with the text: tier 0
        item("Lindqvist Bygg AB", matched=True),       # the provider's own find: tier 2
        item("Notise board"),                          # a typo away: tier 3
        item("Opening hours"),                         # nothing to do with it
        item("Noticeboard settings"),                  # starts with the text: tier 0, after the first in order
    ]
    assert [i.label for i in rank("notice", items)] == [
        "Notice deadlines", "Noticeboard settings", "Customers & notice", "Lindqvist Bygg AB", "Notise board"]


def test_words_in_any_order_and_the_keywords_count():
    items = [item("Opening hours", keywords="desk open closed holidays"), item("Support scope")]
    assert [i.label for i in rank("hours open", items)] == ["Opening hours"]
    assert [i.label for i in rank("holiday", items)] == ["Opening hours"]
    assert [i.label for i in rank("holdays", items)] == ["Opening hours"]  # a typo in a keyword


def test_nothing_typed_shows_the_providers_items_in_its_order():
    items = [item(f"Item {n}") for n in range(80)]
    assert rank("", items) == items[:MAX_SHOWN]
    assert rank("   ", items[:3]) == items[:3]


def test_at_most_fifty_are_shown():
    items = [item(f"Customer {n}") for n in range(500)]
    assert len(rank("customer", items)) == MAX_SHOWN


def test_two_letters_never_match_fuzzily():
    assert rank("xq", [item("Exchange queue")]) == []
    assert [i.label for i in rank("eq", [item("Exchange queue"), item("Equipment")])] == ["Equipment"]
