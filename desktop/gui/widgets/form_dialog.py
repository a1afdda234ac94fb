"""The shape the settings, first-run and subscription dialogs share: what to read on top,
a form of labelled fields, room, then the buttons; wide enough for a line of Nordic
words, and Tab going through the fields in reading order."""
from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QVBoxLayout, QWidget


def form_layout() -> QFormLayout:
    form = QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    # Long labels (Finnish) go above their field rather than squeeze it.
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    return form


def lay_out_form_dialog(dialog: QDialog, form: QFormLayout, buttons: QDialogButtonBox, *,
                        above: Sequence[QWidget] = (), width_chars: int = 72,
                        tab_order: Sequence[QWidget] = ()) -> None:
    layout = QVBoxLayout(dialog)
    for widget in above:
        layout.addWidget(widget)
    layout.addLayout(form)
    layout.addStretch(1)
    layout.addWidget(buttons)
    dialog.setMinimumWidth(dialog.fontMetrics().averageCharWidth() * width_chars)
    for before, after in zip(tab_order, tab_order[1:]):
        dialog.setTabOrder(before, after)
