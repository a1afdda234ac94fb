"""A phone number reads grouped and copies as stored (issue 16: "dialable as stored")."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.gui.widgets.phone_label import PhoneLabel


def test_the_label_reads_grouped_and_ctrl_c_copies_the_stored_number(qtbot):
    label = PhoneLabel()
    qtbot.addWidget(label)
    label.show_phone("+4722123456", "NO", "Phone: {phone}")
    assert label.text() == "Phone: +47 22 12 34 56"

    QApplication.clipboard().clear()
    label.setFocus()
    qtbot.keyClick(label, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().text() == "+4722123456"


def test_a_national_number_reads_the_national_way_and_copies_as_typed(qtbot):
    label = PhoneLabel()
    qtbot.addWidget(label)
    label.show_phone("081234 5678", "SE")
    assert label.text() == "08-123 456 78"
    label.copy_number()
    assert QApplication.clipboard().text() == "081234 5678"


def test_no_number_leaves_the_label_empty(qtbot):
    label = PhoneLabel()
    qtbot.addWidget(label)
    label.show_phone("+4722123456", "NO")
    label.show_phone("  ", "NO", "Phone: {phone}")
    assert label.text() == "" and label.number == ""
