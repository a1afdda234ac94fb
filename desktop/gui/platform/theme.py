"""Light, dark, or whatever the operating system shows: the app's colours.

"light" and "dark" are Fusion with a fixed palette, the same on every Windows version
(the docs' screenshots are taken with them). "system" keeps the platform's own style and
palette while the OS is light and turns to the dark theme while it is dark
(QStyleHints.colorScheme, Qt 6.5+), and follows the OS when the agent switches it while
the app runs. Windows 10's native style has no dark mode at all; Fusion has.

A switch takes effect at run time: every widget gets a PaletteChange (one with a palette
of its own gets it too, as its unset roles change), and the widgets that pick their
warning colours by the palette's lightness (the notice and escalation warnings, the
closed-days calendar) choose again on it. Palette changes are delivered as posted
events: they show at the next turn of the event loop.
"""
from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

SYSTEM, LIGHT, DARK = "system", "light", "dark"
THEMES = (SYSTEM, LIGHT, DARK)
FUSION = "fusion"
_PLATFORM = "platform"  # the platform's own style and palette, as Qt chose them


def dark_palette() -> QPalette:
    palette = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#202124", QPalette.ColorRole.WindowText: "#e8eaed",
        QPalette.ColorRole.Base: "#2a2b2e", QPalette.ColorRole.AlternateBase: "#313235",
        QPalette.ColorRole.ToolTipBase: "#313235", QPalette.ColorRole.ToolTipText: "#e8eaed",
        QPalette.ColorRole.PlaceholderText: "#9aa0a6", QPalette.ColorRole.Text: "#e8eaed",
        QPalette.ColorRole.Button: "#2f3033", QPalette.ColorRole.ButtonText: "#e8eaed",
        QPalette.ColorRole.BrightText: "#ff6b6b", QPalette.ColorRole.Light: "#4a4b4f",
        QPalette.ColorRole.Midlight: "#3a3b3e", QPalette.ColorRole.Mid: "#55575b",
        QPalette.ColorRole.Dark: "#18191a", QPalette.ColorRole.Shadow: "#000000",
        QPalette.ColorRole.Highlight: "#4c8bf5", QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: "#8ab4f8", QPalette.ColorRole.LinkVisited: "#c58af9",
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7f8388"))
    return palette


class _ThemeKeeper(QObject):
    """Lives on the application: remembers the platform's style (to go back to it) and
    which look is on, and follows the OS while the theme is "system"."""

    def __init__(self, app: QApplication):
        super().__init__(app)
        self.setObjectName("deskguideTheme")
        self.app = app
        self.platform_style = app.style().name()  # before we change it: "windows11", or a -style argument
        self.theme = SYSTEM
        self.shown = _PLATFORM  # nothing changed yet
        app.styleHints().colorSchemeChanged.connect(self._on_scheme_changed)

    def apply(self, theme: str, os_dark: bool) -> None:
        self.theme = theme
        self._show(DARK if theme == DARK or (theme == SYSTEM and os_dark) else LIGHT if theme == LIGHT else _PLATFORM)

    def _on_scheme_changed(self, scheme) -> None:
        if self.theme == SYSTEM:
            from PySide6.QtCore import Qt

            self._show(DARK if scheme == Qt.ColorScheme.Dark else _PLATFORM)

    def _show(self, look: str) -> None:
        if look == self.shown:
            return  # no needless repolish of every widget (and nothing at all at a light start-up)
        app = self.app
        style = FUSION if look in (LIGHT, DARK) else self.platform_style
        if app.style().name().lower() != style.lower():
            app.setStyle(style)
        if look == DARK:
            app.setPalette(dark_palette())
        elif look == LIGHT:
            app.setPalette(app.style().standardPalette())
        else:
            # A palette with no role set: the application drops its own and takes the
            # platform's again (and Qt keeps it in step with the OS from then on).
            app.setPalette(QPalette())
        _restyle(app)
        self.shown = look


def _restyle(app: QApplication) -> None:
    """Issue 16: a widget with a style sheet (the sidebar, the desk cards, the what-if bar,
    the scope verdict, the error banner) keeps the palette it was polished with, and hands
    it to its children: after a switch to dark they stayed light, and the what-if labels
    black on dark grey. Setting each sheet again polishes it with the new palette, so
    the theme applies everywhere at once; their sheets name palette roles, not colours."""
    for widget in app.allWidgets():
        sheet = widget.styleSheet()
        if sheet:
            widget.setStyleSheet("")
            widget.setStyleSheet(sheet)


def apply_theme(app: QApplication, theme: str) -> None:
    """Show the app in `theme` (SYSTEM, LIGHT or DARK) from now on, open windows included."""
    if theme not in THEMES:
        raise ValueError(f"unknown theme {theme!r}: use one of {', '.join(THEMES)}")
    keeper = app.findChild(_ThemeKeeper, "deskguideTheme") or _ThemeKeeper(app)
    os_dark = False
    if theme == SYSTEM:
        from PySide6.QtCore import Qt

        os_dark = app.styleHints().colorScheme() == Qt.ColorScheme.Dark
    keeper.apply(theme, os_dark)


def is_dark(palette: QPalette) -> bool:
    """True when `palette` is a dark one (light text on a dark window)."""
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


# Warnings (a deadline on a closed day, a product out of support, a severity the
# customer cannot commit to) in amber, readable on both themes (WCAG AA on each).
WARNING_ON_LIGHT = "#8a4b00"
WARNING_ON_DARK = "#ffb74d"


def warning_palette(background: QPalette) -> QPalette:
    """A palette whose text is the warning colour for a window painted with `background`."""
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor(WARNING_ON_DARK if is_dark(background) else WARNING_ON_LIGHT))
    return palette
