"""The main window opens within the screen and where the agent left it, per screen (issue 16)."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, QSettings
from PySide6.QtGui import QGuiApplication

from desktop.gui.platform.window_placement import (
    GROUP,
    default_geometry,
    place_window,
    remember_placement,
    screen_key,
)

pytestmark = pytest.mark.gui


@pytest.mark.parametrize("available", [QRect(0, 0, 1024, 728), QRect(0, 0, 1366, 728), QRect(0, 0, 1920, 1040),
                                       QRect(1920, 0, 1366, 768)])  # a second screen, right of the first
def test_the_first_start_fits_the_screen_whatever_its_size(available):
    rect = default_geometry(available)
    assert rect.width() <= 1280 and rect.height() <= 800
    # The client area plus a title bar and borders stays on the screen: status bar and buttons visible.
    assert available.contains(rect.adjusted(-8, -32, 8, 8)), rect
    if available.width() >= 1300 and available.height() >= 850:
        assert rect.size().toTuple() == (1280, 800)


def test_the_real_window_opens_within_the_available_screen(main_window):
    place_window(main_window)
    available = QGuiApplication.primaryScreen().availableGeometry()  # offscreen: 800x800, less than 1280x800
    assert available.contains(main_window.geometry())
    assert main_window.width() < 1280


def test_size_and_position_come_back_on_the_same_screen(qtbot, main_window):
    main_window.setGeometry(QRect(4, 20, 795, 700))
    qtbot.waitUntil(lambda: main_window.geometry() == QRect(4, 20, 795, 700))
    remember_placement(main_window)
    main_window.setGeometry(QRect(0, 0, 300, 300))
    place_window(main_window)
    assert main_window.geometry() == QRect(4, 20, 795, 700)
    key = screen_key(QGuiApplication.primaryScreen())
    assert key.endswith("800x800")  # the screen's name and size
    assert QSettings().value(f"{GROUP}/{key}") == "4,20,795,700,0"


@pytest.mark.parametrize("saved", ["0,0,1280,800,0",  # left on a larger screen of the same name
                                   "-3000,10,600,400,0",  # off to the left, where a monitor used to be
                                   "banana"])
def test_a_placement_that_no_longer_fits_gives_the_default(main_window, saved):
    place_window(main_window)
    first_start = main_window.geometry()
    QSettings().setValue(f"{GROUP}/{screen_key(QGuiApplication.primaryScreen())}", saved)
    place_window(main_window)
    assert main_window.geometry() == first_start


def test_each_screen_keeps_its_own_placement(main_window):
    settings = QSettings()
    place_window(main_window)
    first_start = main_window.geometry()
    settings.setValue(f"{GROUP}/DISPLAY2_2560x1440", "100,100,2000,1200,1")  # a monitor not connected now
    settings.setValue(f"{GROUP}/last_screen", "DISPLAY2_2560x1440")
    place_window(main_window)
    assert main_window.geometry() == first_start
    assert not main_window.isMaximized()
