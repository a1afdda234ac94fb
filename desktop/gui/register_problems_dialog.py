"""Why an import was refused: every problem of the file at once, a row each (line, column,
value, reason), as `deskguide import` lists them (docs/register-csv.md, "All or nothing")."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QTableView, QVBoxLayout

from desktop.common.i18n import _, ngettext
from desktop.gui.widgets.row_table_model import RowTableModel
from desktop.gui.widgets.wrapped_label import wrapped_label

LINE, COLUMN, VALUE, REASON = range(4)


class ImportProblemsModel(RowTableModel):
    def __init__(self, problems, parent=None):
        super().__init__(lambda: (_("Line"), _("Column"), _("Value"), _("Reason")), parent)
        self._rows = list(problems)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        problem = self._row_at(index)
        if problem is None or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        column = index.column()
        if column == LINE:
            return problem.line
        if column == COLUMN:
            return problem.column
        if column == VALUE:
            return repr(problem.value) if problem.value else ""
        return _(problem.reason)


class ImportProblemsDialog(QDialog):
    def __init__(self, file_name: str, problems, parent=None):
        super().__init__(parent)
        self.setWindowTitle(_("Import refused"))
        count = len(problems)
        self.summary = wrapped_label(self)
        self.summary.setText(ngettext(
            "{count} problem in {file}: nothing was imported. Correct the file and import it again.",
            "{count} problems in {file}: nothing was imported. Correct the file and import it again.",
            count).format(count=count, file=file_name))
        self.model = ImportProblemsModel(problems, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(_("Problems in the file"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column in (LINE, COLUMN, VALUE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(REASON, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        # Room for a reason and a line's worth of value, within a 1024x768 screen.
        self.resize(min(900, self.screen().availableGeometry().width() - 40), 420)
