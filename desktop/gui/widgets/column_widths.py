"""Column widths from the font, not from the rows.

ResizeToContents asks the model for every role of up to a thousand rows on each reset;
for the customer search that is thousands of Python calls per keystroke, more than the
16 ms frame. A column of org numbers or dates is as wide as its widest possible value,
which the font measures once.
"""
from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QTableView

PADDING = 14  # the cell's margins and the grid line


def fit_columns(table: QTableView, samples: dict[int, list[str]], stretch: tuple[int, ...] = ()) -> None:
    """Columns in `samples` as wide as their header or their widest sample; `stretch` share the rest."""
    header = table.horizontalHeader()
    model = table.model()
    text_width = table.fontMetrics().horizontalAdvance
    header_width = header.fontMetrics().horizontalAdvance
    for column, texts in samples.items():
        title = str(model.headerData(column, header.orientation()) or "")
        width = max([header_width(title), *(text_width(text) for text in texts)]) + PADDING
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(column, width)
    for column in stretch:
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
