"""The first start: who the agent is and which desk they work for.

The case journal records the agent's name with every entry, so it is asked once, right
after the main window shows; the country is offered from IT's machine default, else
Windows' own country, else Sweden. Both can be changed later in the settings. An agent
who closes the dialog is asked again at the next start.
"""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from desktop.common.i18n import _
from desktop.gui.platform.settings import Settings, suggested_country, tidy_name
from desktop.gui.settings.settings_dialog import CountryComboBox, agent_name_edit
from desktop.gui.widgets.buddy_label import buddy_label
from desktop.gui.widgets.form_dialog import form_layout, lay_out_form_dialog
from desktop.gui.widgets.retranslating import Retranslating
from desktop.gui.widgets.wrapped_label import wrapped_label


class FirstRunDialog(Retranslating, QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.welcome = wrapped_label(self)
        bold = self.welcome.font()
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.2)
        self.welcome.setFont(bold)
        self.explanation = wrapped_label(self)
        self.name_edit = agent_name_edit(self)
        self.country_combo = CountryComboBox(self)
        self.country_combo.set_country(Settings().default_country or suggested_country())
        self.name_label = buddy_label(self.name_edit, self)
        self.country_label = buddy_label(self.country_combo, self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        # Our own accept button: on a language switch the box names its standard buttons
        # again (Qt's words) and would say "OK" instead of "Start".
        self.ok_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setDefault(True)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)

        form = form_layout()
        form.addRow(self.name_label, self.name_edit)
        form.addRow(self.country_label, self.country_combo)
        lay_out_form_dialog(self, form, self.buttons, above=[self.welcome, self.explanation], width_chars=60,
                            tab_order=[self.name_edit, self.country_combo, self.ok_button, self.cancel_button])
        self.name_edit.textChanged.connect(self._check_name)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(_("Welcome to Deskguide"))
        self.setAccessibleName(self.windowTitle())
        self.welcome.setText(_("Welcome to Deskguide"))
        self.explanation.setText(_("Your name is saved with every entry you add to a customer's case journal, and "
                                   "the views start on your country's desk. You can change both later in the "
                                   "settings."))
        self.explanation.setAccessibleName(_("About these settings"))
        self.name_label.setText(_("&Your name:"))
        self.name_edit.setAccessibleName(_("Your name"))
        self.name_edit.setPlaceholderText(_("e.g. Anna Lindqvist"))
        self.country_label.setText(_("Your &country:"))
        self.country_combo.setAccessibleName(_("Your country"))
        self.country_combo.retranslate()
        self.ok_button.setText(_("&Start"))
        self._check_name()

    def _check_name(self, *_args) -> None:
        named = bool(tidy_name(self.name_edit.text()))
        self.ok_button.setEnabled(named)
        self.ok_button.setToolTip("" if named else _("Enter your name first"))

    def accept(self) -> None:
        if not tidy_name(self.name_edit.text()):
            return  # a blank name is refused: the journal needs one
        settings = Settings()
        settings.agent_name = self.name_edit.text()
        settings.default_country = self.country_combo.country()
        super().accept()


def ask_first_run(parent: QWidget | None = None) -> bool:
    """Ask who the agent is (modal); True when they answered and it was saved."""
    dialog = FirstRunDialog(parent)
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()
