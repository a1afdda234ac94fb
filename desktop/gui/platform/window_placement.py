"""Where the main window opens: within the screen, where the agent left it (issue 16).

A fixed 1280x800 put the status bar (the four desks) and the journal buttons off a
1366x768 screen, and the title-bar buttons too on 1024x768. The window now opens at
most that size, inside the screen's available area (without the taskbar), centred; and
the size and position the agent leaves it at are remembered per screen, keyed by the
screen's name and size, so a laptop docked to a large monitor and undocked again gets
each screen's own placement back. A remembered placement is used only if it still fits
the screen's available area (a resolution change, a taskbar moved): else the default.

The values sit in QSettings under "window/<screen key>" as "x,y,width,height,maximised".
QSettings is read here directly, not through desktop.gui.platform.settings: this runs
before the first paint, which the start-up budget counts.
"""
from __future__ import annotations

import re

# Not `Qt` here (issue 17): importing it builds its enums (~15 ms) before the first frame;
# only a window that was left maximised needs one.
from PySide6.QtCore import QRect, QSettings, QSize
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

GROUP = "window"
LAST_SCREEN = f"{GROUP}/last_screen"
PREFERRED_SIZE = QSize(1280, 800)
# Room for the title bar and borders the window manager adds around the client area
# (Windows 11: 31 and 8 pixels at 100 %), which Qt knows only once the window is shown.
TITLE_BAR, BORDER = 32, 8


def screen_key(screen: QScreen) -> str:
    """"DISPLAY1 1366x768": the screen's name and size, fit for a QSettings key."""
    size = screen.geometry().size()
    name = re.sub(r"[^A-Za-z0-9._-]+", "_", screen.name()).strip("_") or "screen"
    return f"{name}_{size.width()}x{size.height()}"


def default_geometry(available: QRect) -> QRect:
    """The preferred size, or less to fit `available` with its frame, centred in it."""
    room_width = available.width() - 2 * BORDER
    room_height = available.height() - TITLE_BAR - BORDER
    width, height = min(PREFERRED_SIZE.width(), room_width), min(PREFERRED_SIZE.height(), room_height)
    return QRect(available.left() + BORDER + (room_width - width) // 2,
                 available.top() + TITLE_BAR + (room_height - height) // 2, width, height)


def _saved(key: str) -> tuple[QRect, bool] | None:
    value = QSettings().value(f"{GROUP}/{key}")
    parts = str(value).split(",") if value is not None else []
    if len(parts) != 5 or not all(part.strip().lstrip("-").isdigit() for part in parts):
        return None  # missing or hand-edited into something else: the default
    x, y, width, height, maximised = (int(part) for part in parts)
    return QRect(x, y, width, height), bool(maximised)


def _fits(rect: QRect, available: QRect) -> bool:
    return rect.width() > 0 and rect.height() > 0 and available.contains(rect)


def placement(screens: list[QScreen], primary: QScreen) -> tuple[QScreen, QRect, bool]:
    """Which screen, the window's geometry on it, and whether it was maximised."""
    last = QSettings().value(LAST_SCREEN)
    ordered = sorted(screens, key=lambda screen: screen_key(screen) != last)  # where it was last, first
    for screen in [*ordered, primary]:
        saved = _saved(screen_key(screen))
        if saved is not None and _fits(saved[0], screen.availableGeometry()):
            return screen, saved[0], saved[1]
    return primary, default_geometry(primary.availableGeometry()), False


def place_window(window: QWidget) -> None:
    """Before the first show: size and position the window for the screen it opens on."""
    screen, rect, maximised = placement(QGuiApplication.screens(), QGuiApplication.primaryScreen())
    window.setScreen(screen)
    window.setGeometry(rect)
    # A window whose minimum size is more than the room left by the frame allowance has
    # grown past it: slide it back onto the screen rather than off its edge.
    available, actual = screen.availableGeometry(), window.geometry()
    x = max(available.left(), min(actual.x(), available.right() + 1 - actual.width()))
    y = max(available.top(), min(actual.y(), available.bottom() + 1 - actual.height()))
    if (x, y) != (actual.x(), actual.y()):
        window.setGeometry(QRect(x, y, actual.width(), actual.height()))
    if maximised:
        from PySide6.QtCore import Qt

        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)


def remember_placement(window: QWidget) -> None:
    """The size and position the agent left the window at, for the screen it is on."""
    screen = window.screen()
    if screen is None:
        return
    rect = window.normalGeometry() if window.isMaximized() else window.geometry()
    if rect.width() <= 0 or rect.height() <= 0:
        return
    settings = QSettings()
    key = screen_key(screen)
    settings.setValue(f"{GROUP}/{key}",
                      f"{rect.x()},{rect.y()},{rect.width()},{rect.height()},{int(window.isMaximized())}")
    settings.setValue(LAST_SCREEN, key)
    settings.sync()
