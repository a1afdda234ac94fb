"""Column widths from the font, not from the rows.

ResizeToContents asks the model for every role of up to a thousand rows on each reset;
for the customer search that is thousands of Python calls per keystroke, more than the
16 ms frame. A column of org numbers or dates is as wide as its widest possible value,
which the font measures once.
"""
from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QHeaderView, QStyle, QStyleOptionHeader, QTableView

PADDING = 14  # the cell's margins and the grid line


def fit_columns(table: QTableView, samples: dict[int, list[str]], stretch: tuple[int, ...] = ()) -> None:
    """Columns in `samples` as wide as their header or their widest sample; `stretch` share the rest."""
    header = table.horizontalHeader()
    model = table.model()
    text_width = table.fontMetrics().horizontalAdvance
    for column, texts in samples.items():
        title = str(model.headerData(column, header.orientation()) or "")
        width = max([header_width(header, column, title), *(text_width(text) + PADDING for text in texts)])
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(column, width)
    for column in stretch:
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)


def header_width(header: QHeaderView, column: int, title: str) -> int:
    """The width a header section needs to show `title` whole, as the style draws it: its
    margins (and a sort arrow's room) included. Issue 16: the font's width plus a fixed
    padding clipped "Sista dag" under styles with roomier headers."""
    option = QStyleOptionHeader()
    option.initFrom(header)
    option.section = column
    option.text = title
    option.fontMetrics = header.fontMetrics()
    needed = header.style().sizeFromContents(QStyle.ContentsType.CT_HeaderSection, option, QSize(), header).width()
    return max(needed, header.fontMetrics().horizontalAdvance(title) + PADDING)
