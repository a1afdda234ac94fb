"""Ctrl+K: jump to any view, customer or scope topic by typing a few letters.

The main window gives a provider: called with what has been typed, it returns the
items to offer (the views, plus the customers and topics its own searches found for the
text: 100,000 customers are never listed here). The palette ranks them and shows at
most MAX_SHOWN; Up and Down move in the list while the typing goes on in the field,
Enter runs the item chosen and closes, Esc closes. The mouse works too, but nothing
needs it.

Ranking, best first (provider order within a tier):
  0. the label starts with the text ("esc" -> "Escalation");
  1. every typed word starts a word of the label, the keywords or the detail;
  2. the provider found the item itself (`matched`: a customer by phone number, a topic
     by the customer's own words), though its label does not show why;
  3. a close fuzzy match of the label or the keywords ("escaltion"), best score first.
Letters are compared without case or accents, as the customer search does: "ostergaard"
finds "Østergaard".
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QAbstractListModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFrame,
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)
from rapidfuzz import fuzz

from desktop.common.i18n import _
from desktop.gui.widgets.retranslating import Retranslating
from domain.customer_search import name_key

MAX_SHOWN = 50
VISIBLE_ROWS = 12  # the popup's height in rows; more scroll
FUZZY_MIN_LENGTH = 3  # two letters fuzzily match almost anything
FUZZY_CUTOFF = 80.0  # rapidfuzz partial_ratio: "escaltion" -> "escalation" (94), "xyz" -> nothing


@dataclass(frozen=True)
class PaletteItem:
    kind: str  # a short word before the label, in the agent's language: "View", "Customer", "Topic"
    label: str
    detail: str
    action: Callable[[], None]
    # The provider found this item for the typed text itself (CustomerSearch by phone or
    # org number, ScopeSearch by the customer's words): kept even when the label does not match.
    matched: bool = False
    keywords: str = ""  # more words to be found by (other names of a view), not shown


def rank(text: str, items: Sequence[PaletteItem], limit: int = MAX_SHOWN) -> list[PaletteItem]:
    """The items to show for `text`, best first (see the module's docstring)."""
    query = name_key(text)
    if not query:
        return list(items[:limit])
    typed = [" " + word for word in query.split()]
    fuzzy = len(query) >= FUZZY_MIN_LENGTH
    found: list[tuple[int, float, int, PaletteItem]] = []
    for position, item in enumerate(items):
        label = name_key(item.label)
        keywords = name_key(item.keywords) if item.keywords else ""
        if label.startswith(query):
            found.append((0, 0.0, position, item))
            continue
        words = f" {label} {keywords} {name_key(item.detail)}"
        if all(word in words for word in typed):
            found.append((1, 0.0, position, item))
        elif item.matched:
            found.append((2, 0.0, position, item))
        elif fuzzy:
            score = max(fuzz.partial_ratio(query, label, score_cutoff=FUZZY_CUTOFF),
                        fuzz.partial_ratio(query, keywords, score_cutoff=FUZZY_CUTOFF) if keywords else 0.0)
            if score:
                found.append((3, -score, position, item))
    found.sort(key=lambda entry: entry[:3])
    return [entry[3] for entry in found[:limit]]


class PaletteModel(QAbstractListModel):
    KindRole = Qt.ItemDataRole.UserRole + 1
    DetailRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.items: list[PaletteItem] = []
        self.kinds: frozenset[str] = frozenset()

    def set_items(self, items: list[PaletteItem]) -> None:
        self.beginResetModel()
        self.items = items
        self.kinds = frozenset(item.kind for item in items)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.items)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item = self.items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return item.label
        if role == self.KindRole:
            return item.kind
        if role == self.DetailRole:
            return item.detail
        if role == Qt.ItemDataRole.ToolTipRole:
            return item.detail or None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return spoken(item)
        return None


def spoken(item: PaletteItem) -> str:
    """The item as a screen reader says it."""
    if item.detail:
        return _("{kind}: {label}, {detail}").format(kind=item.kind, label=item.label, detail=item.detail)
    return _("{kind}: {label}").format(kind=item.kind, label=item.label)


def _muted(palette: QPalette, group: QPalette.ColorGroup) -> QColor:
    """Text colour two thirds of the way from the background: quieter than the label,
    still above 4.5:1 on the light and the dark palette."""
    text, base = palette.color(group, QPalette.ColorRole.Text), palette.color(group, QPalette.ColorRole.Base)
    return QColor.fromRgbF(*(t * 0.7 + b * 0.3 for t, b in zip(text.getRgbF()[:3], base.getRgbF()[:3])))


class PaletteItemDelegate(QStyledItemDelegate):
    """One line: the kind small and quiet in a column of its own, the label, the detail quiet."""

    PADDING = 6
    GAP = 12

    @staticmethod
    def kind_font(font: QFont) -> QFont:
        small = QFont(font)
        small.setPointSizeF(font.pointSizeF() * 0.85)
        return small

    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:
        return QSize(option.rect.width(), option.fontMetrics.height() + 2 * self.PADDING)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index) -> None:
        options = QStyleOptionViewItem(option)
        self.initStyleOption(options, index)
        options.text = ""  # the texts are drawn below, in their own fonts and colours
        widget = options.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, options, painter, widget)

        selected = bool(options.state & QStyle.StateFlag.State_Selected)
        group = QPalette.ColorGroup.Normal if options.state & QStyle.StateFlag.State_Enabled \
            else QPalette.ColorGroup.Disabled
        strong = options.palette.color(group, QPalette.ColorRole.HighlightedText if selected
                                       else QPalette.ColorRole.Text)
        quiet = strong if selected else _muted(options.palette, group)
        rect = options.rect.adjusted(self.PADDING, 0, -self.PADDING, 0)
        painter.save()
        small = self.kind_font(options.font)
        small_metrics = QFontMetrics(small)
        # As wide as the widest kind shown, so the labels line up; at most a quarter of the row.
        kind_width = min(max((small_metrics.horizontalAdvance(kind) for kind in index.model().kinds), default=0) + 2,
                         rect.width() // 4)
        painter.setFont(small)
        painter.setPen(quiet)
        kind = small_metrics.elidedText(index.data(PaletteModel.KindRole) or "", Qt.TextElideMode.ElideRight,
                                        kind_width)
        painter.drawText(QRect(rect.left(), rect.top(), kind_width, rect.height()),
                         Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, kind)
        left = rect.left() + kind_width + self.GAP
        metrics = QFontMetrics(options.font)
        painter.setFont(options.font)
        painter.setPen(strong)
        label = metrics.elidedText(index.data() or "", Qt.TextElideMode.ElideRight, rect.right() - left)
        painter.drawText(QRect(left, rect.top(), rect.right() - left, rect.height()),
                         Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, label)
        left += metrics.horizontalAdvance(label) + self.GAP
        detail = index.data(PaletteModel.DetailRole) or ""
        if detail and left < rect.right():
            painter.setPen(quiet)
            detail = metrics.elidedText(detail, Qt.TextElideMode.ElideRight, rect.right() - left)
            painter.drawText(QRect(left, rect.top(), rect.right() - left, rect.height()),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, detail)
        painter.restore()


_NAVIGATION_KEYS = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1}
_PAGE_KEYS = {Qt.Key.Key_PageUp: -1, Qt.Key.Key_PageDown: 1}
_RUN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class CommandPaletteDialog(Retranslating, QDialog):
    def __init__(self, provider: Callable[[str], list[PaletteItem]], parent: QWidget | None = None):
        # No title bar; a click anywhere else closes it, as a menu does (see changeEvent).
        # Not a Qt.Popup: a popup grabs the keyboard and the mouse, which screen readers
        # and Qt's offscreen platform (the tests) handle badly.
        super().__init__(parent, Qt.WindowType.Dialog | Qt.WindowType.FramelessWindowHint)
        self.setObjectName("commandPalette")
        self.provider = provider
        self.frame = QFrame(self)
        self.frame.setFrameShape(QFrame.Shape.StyledPanel)
        self.search_edit = QLineEdit(self.frame)
        self.search_edit.setClearButtonEnabled(True)
        self.model = PaletteModel(self)
        self.delegate = PaletteItemDelegate(self)
        self.list_view = QListView(self.frame)
        self.list_view.setModel(self.model)
        self.list_view.setItemDelegate(self.delegate)
        self.list_view.setUniformItemSizes(True)
        self.list_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the typing never leaves the field
        self.list_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list_view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.empty_label = QLabel(self.frame)
        self.empty_label.setContentsMargins(PaletteItemDelegate.PADDING, 0, 0, 0)
        self.empty_label.hide()

        inner = QVBoxLayout(self.frame)
        inner.setContentsMargins(6, 6, 6, 6)
        inner.addWidget(self.search_edit)
        inner.addWidget(self.empty_label)
        inner.addWidget(self.list_view, 1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.frame)

        self.search_edit.installEventFilter(self)
        self.search_edit.textChanged.connect(self.refresh)
        self.list_view.clicked.connect(self._run_index)
        self.list_view.selectionModel().currentChanged.connect(self._describe_current)
        self.retranslate()

    # --- texts ---------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setAccessibleName(_("Go to"))
        self.search_edit.setAccessibleName(_("Go to"))
        self.search_edit.setPlaceholderText(_("Type a view, a customer or a scope topic…"))
        self.list_view.setAccessibleName(_("Matches"))
        self.empty_label.setText(_("Nothing matches."))
        if self.isVisible():  # else showEvent asks the provider
            self.refresh()  # the kinds and the views' titles, said again by the provider

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)  # LanguageChange: retranslate()
        if event.type() == QEvent.Type.ActivationChange and self.isVisible() and not self.isActiveWindow():
            self.reject()  # the agent clicked or switched elsewhere

    # --- what is shown -------------------------------------------------------------------

    def refresh(self, *_args) -> None:
        """Ask the provider for the typed text and show its items, best first."""
        items = rank(self.search_edit.text(), self.provider(self.search_edit.text()))
        self.model.set_items(items)
        self.empty_label.setVisible(not items)
        if items:
            self.list_view.setCurrentIndex(self.model.index(0))
        else:
            self.search_edit.setAccessibleDescription("")

    def items(self) -> list[PaletteItem]:
        """What is shown now, in order."""
        return list(self.model.items)

    def current_item(self) -> PaletteItem | None:
        row = self.list_view.currentIndex().row()
        return self.model.items[row] if 0 <= row < len(self.model.items) else None

    def _describe_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        # The focus stays in the field, so a screen reader hears the chosen item through it.
        item = self.model.items[current.row()] if current.isValid() else None
        self.search_edit.setAccessibleDescription(spoken(item) if item else "")

    # --- the keyboard -----------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search_edit and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key in _NAVIGATION_KEYS:
                self._move(_NAVIGATION_KEYS[key])
                return True
            if key in _PAGE_KEYS:
                self._move(_PAGE_KEYS[key] * max(1, VISIBLE_ROWS - 1))
                return True
            if key in _RUN_KEYS:
                self.run_current()
                return True
            if key == Qt.Key.Key_Escape:
                self.reject()
                return True
        return super().eventFilter(watched, event)

    def _move(self, step: int) -> None:
        count = self.model.rowCount()
        if count:
            row = min(max(self.list_view.currentIndex().row() + step, 0), count - 1)
            self.list_view.setCurrentIndex(self.model.index(row))

    def run_current(self) -> None:
        """Close, then do what the chosen item does (nothing when nothing matches)."""
        item = self.current_item()
        if item is None:
            return
        self.accept()  # first: the action may move the focus, which must stay where it puts it
        item.action()

    def _run_index(self, index: QModelIndex) -> None:
        self.list_view.setCurrentIndex(index)
        self.run_current()

    # --- showing -----------------------------------------------------------------------------

    def open(self) -> None:
        """Show without blocking the window (as a menu opens): a click on the window
        closes the palette, where a window-modal dialog would refuse the click."""
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.show()
        self.activateWindow()

    def showEvent(self, event) -> None:
        # Each opening starts afresh: empty field, the provider's first items.
        if self.search_edit.text():
            self.search_edit.clear()  # refreshes
        else:
            self.refresh()
        self._place()
        super().showEvent(event)
        self.search_edit.setFocus(Qt.FocusReason.PopupFocusReason)

    def _place(self) -> None:
        """Across the upper part of the window it was opened from, as wide as half of it."""
        row = self.list_view.fontMetrics().height() + 2 * PaletteItemDelegate.PADDING  # as the delegate says
        height = self.search_edit.sizeHint().height() + row * VISIBLE_ROWS + 32
        width = max(self.fontMetrics().averageCharWidth() * 70, 480)
        owner = self.parentWidget().window() if self.parentWidget() is not None else None
        if owner is None:
            self.resize(width, height)
            return
        area = owner.geometry()
        width = min(max(width, area.width() // 2), max(area.width() - 40, 320))
        self.setGeometry(area.left() + (area.width() - width) // 2, area.top() + min(80, area.height() // 10),
                         width, height)
