"""The Retranslating mixin: a widget says its texts again on a real language switch,
once per switch (not twice: the translator's own posted LanguageChange is dropped), and
takes its palette colours again on a light/dark switch."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QDialog, QLabel, QWidget

from desktop.common import i18n
from desktop.common.i18n import _
from desktop.gui.platform.language import apply_language
from desktop.gui.widgets.retranslating import Retranslating

pytestmark = pytest.mark.gui


class SettingsLabelWidget(Retranslating, QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.label = QLabel(self)
        self.said: list[str] = []
        self.recoloured = 0
        self.retranslate()

    def retranslate(self) -> None:
        self.label.setText(_("Settings"))
        self.said.append(self.label.text())

    def recolour(self) -> None:
        self.recoloured += 1


def settle() -> None:
    """Deliver anything posted: a second LanguageChange would arrive here."""
    QCoreApplication.processEvents()
    QCoreApplication.sendPostedEvents()


def test_the_mixin_is_the_widgets_change_event(qtbot):
    widget = SettingsLabelWidget()
    qtbot.addWidget(widget)

    assert SettingsLabelWidget.__mro__.index(Retranslating) < SettingsLabelWidget.__mro__.index(QWidget)
    assert type(widget).changeEvent is Retranslating.changeEvent


def test_a_switch_says_the_text_again_once(qtbot):
    widget = SettingsLabelWidget()
    child = SettingsLabelWidget(widget)  # told by its parent: Qt hands the event on
    qtbot.addWidget(widget)
    widget.show()
    with i18n.in_language("sv"):
        swedish = _("Settings")
    assert swedish != "Settings"

    apply_language("sv")
    settle()

    assert widget.label.text() == child.label.text() == swedish
    assert widget.said == child.said == ["Settings", swedish]

    apply_language("en")
    settle()

    assert widget.label.text() == "Settings"
    assert widget.said == child.said == ["Settings", swedish, "Settings"]


def test_a_palette_change_recolours(qtbot):
    widget = SettingsLabelWidget()
    qtbot.addWidget(widget)

    widget.setPalette(QPalette(Qt.GlobalColor.darkGray))

    assert widget.recoloured >= 1
    assert widget.said == ["Settings"]  # the texts stay as they are


class SettingsLabelDialog(Retranslating, QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.said: list[str] = []
        self.retranslate()

    def retranslate(self) -> None:
        self.said.append(_("Settings"))


def test_a_dialog_open_over_a_window_says_its_texts_once(qtbot):
    """A dialog is a window of its own and also its parent's child: one switch, one re-say."""
    window = SettingsLabelWidget()
    qtbot.addWidget(window)
    window.show()
    dialog = SettingsLabelDialog(window)
    dialog.show()
    with i18n.in_language("sv"):
        swedish = _("Settings")

    apply_language("sv")
    settle()

    assert dialog.said == ["Settings", swedish]
    assert window.said == ["Settings", swedish]
