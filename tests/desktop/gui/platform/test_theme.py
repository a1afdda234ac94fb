"""Light, dark and the system's theme, switched while the app runs, both ways."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette

from desktop.gui.platform.theme import DARK, LIGHT, SYSTEM, apply_theme, dark_palette, is_dark
from desktop.gui.widgets.field_error_label import ERROR_ON_DARK, ERROR_ON_LIGHT, FieldErrorLabel

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, store, isolated_data, clock, qapp):
    """The real main window (its opening-hours view); the platform's look again afterwards."""
    from desktop.gui.main_window import VIEWS, MainWindow

    window = MainWindow(db_path=isolated_data, clock=clock, views=tuple(v for v in VIEWS if v.key == "hours"))
    qtbot.addWidget(window)
    window.show()
    yield window
    apply_theme(qapp, SYSTEM)


def window_lightness(widget) -> int:
    return widget.palette().color(QPalette.ColorRole.Window).lightness()


def test_switching_the_theme_at_run_time_changes_the_window_both_ways(qtbot, qapp, window):
    started = window_lightness(window)
    assert started >= 128
    apply_theme(qapp, DARK)
    qtbot.waitUntil(lambda: window_lightness(window) < 128)
    assert qapp.style().name().lower() == "fusion"
    assert window.palette().color(QPalette.ColorRole.Window) == dark_palette().color(QPalette.ColorRole.Window)
    apply_theme(qapp, LIGHT)
    qtbot.waitUntil(lambda: window_lightness(window) >= 128)
    apply_theme(qapp, DARK)
    qtbot.waitUntil(lambda: window_lightness(window) < 128)
    apply_theme(qapp, SYSTEM)  # the offscreen platform has no dark mode: its own light palette again
    qtbot.waitUntil(lambda: window_lightness(window) == started)


def test_warnings_pick_their_red_for_the_palette_shown(qtbot, qapp, window):
    """The red of a field's error must stay readable: a darker red on light, a lighter red on dark."""
    error = FieldErrorLabel(window.navigation, window)
    error.show_problem("is required")
    red = lambda: error.palette().color(QPalette.ColorRole.WindowText).name()  # noqa: E731
    assert red() == ERROR_ON_LIGHT
    apply_theme(qapp, DARK)
    qtbot.waitUntil(lambda: red() == ERROR_ON_DARK)
    apply_theme(qapp, LIGHT)
    qtbot.waitUntil(lambda: red() == ERROR_ON_LIGHT)


def test_following_the_system_follows_it_while_the_app_runs(qtbot, qapp, window):
    apply_theme(qapp, SYSTEM)
    # What Qt says when the agent switches Windows to dark mode and back (the offscreen
    # platform has no colour scheme of its own to switch).
    qapp.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    qtbot.waitUntil(lambda: is_dark(window.palette()))
    qapp.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Light)
    qtbot.waitUntil(lambda: not is_dark(window.palette()))


def test_a_chosen_theme_ignores_the_system(qtbot, qapp, window):
    apply_theme(qapp, LIGHT)
    qapp.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    # The scheme signal reaches the theme directly and a palette change is delivered by
    # events: once the posted ones are processed, a change would have arrived. No timer.
    qapp.processEvents()
    assert not is_dark(window.palette())
    apply_theme(qapp, DARK)
    qapp.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Light)
    qtbot.waitUntil(lambda: is_dark(window.palette()))
    qapp.processEvents()  # as above: a later change to light would have arrived by now
    assert is_dark(window.palette())


def test_the_dark_palette_is_readable():
    """WCAG AA (4.5:1) for text on the window, in fields, on buttons, and for placeholders."""
    palette = dark_palette()

    def contrast(fore, back) -> float:
        def luminance(colour) -> float:
            channels = [c / 255 for c in (colour.red(), colour.green(), colour.blue())]
            linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
            return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

        high, low = sorted((luminance(fore), luminance(back)), reverse=True)
        return (high + 0.05) / (low + 0.05)

    role = QPalette.ColorRole
    for text, background in ((role.WindowText, role.Window), (role.Text, role.Base), (role.ButtonText, role.Button),
                             (role.PlaceholderText, role.Base), (role.Link, role.Base)):
        assert contrast(palette.color(text), palette.color(background)) >= 4.5, (text, background)
    assert is_dark(palette)


def test_an_unknown_theme_is_refused(qapp):
    with pytest.raises(ValueError, match="purple"):
        apply_theme(qapp, "purple")


def test_a_chosen_dark_theme_is_there_before_the_window_shows(qapp):
    from desktop.gui.app import apply_chosen_theme
    from desktop.gui.platform.settings import Settings

    apply_chosen_theme(qapp)  # following the system: nothing to do before the window
    assert not is_dark(qapp.palette())
    Settings().theme = DARK
    try:
        apply_chosen_theme(qapp)
        assert is_dark(qapp.palette())
    finally:
        apply_theme(qapp, SYSTEM)


def test_dark_reaches_the_sidebar_the_desk_cards_and_the_what_if_bar_at_once(qtbot, qapp, window):
    """Issue 16: widgets with a style sheet kept the light palette they were polished with."""
    apply_theme(qapp, LIGHT)
    hours = window.view("hours")
    card = hours.cards["SE"]
    bar = hours.what_if
    dark = dark_palette()
    colour = lambda widget, role: widget.palette().color(QPalette.ColorGroup.Active, role).name()  # noqa: E731
    apply_theme(qapp, DARK)
    qtbot.waitUntil(lambda: window_lightness(window) < 128)
    base, text = dark.color(QPalette.ColorRole.Base).name(), dark.color(QPalette.ColorRole.WindowText).name()
    assert colour(window.navigation.viewport(), QPalette.ColorRole.Base) == base
    assert colour(card, QPalette.ColorRole.Base) == base
    for label in (card.title, card.when, card.phone, bar.what_if_label, bar.zone_label, bar.mode_label):
        assert colour(label, QPalette.ColorRole.WindowText) == text, label
    # What the agent sees: the card painted dark, its text light (not black on dark grey).
    card_image = card.grab().toImage()
    assert card_image.pixelColor(card.width() // 2, card.height() - 4).lightness() < 80
    assert colour(bar, QPalette.ColorRole.Window) == dark.color(QPalette.ColorRole.Window).name()
    apply_theme(qapp, LIGHT)
    qtbot.waitUntil(lambda: window_lightness(window) >= 128)
    assert QColor(colour(card, QPalette.ColorRole.Base)).lightness() >= 128
    assert QColor(colour(bar.what_if_label, QPalette.ColorRole.WindowText)).lightness() < 128
