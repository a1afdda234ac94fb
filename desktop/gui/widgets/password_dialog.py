"""The team database's password, asked when the server wants one (issue 14).

Which database and which role, a password field that does not show what is typed, and
"Remember on this computer" (the system's credential store, Windows Credential Manager;
greyed out where there is none). After a refused password it says so and asks again;
Cancel leaves the database closed. The answer goes back to the store worker, which tries
it and keeps it only once the server accepted it.
"""
from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLineEdit, QWidget

from desktop.common.database_target import PasswordAnswer, PasswordRequest
from desktop.common.i18n import _
from desktop.gui.widgets.buddy_label import buddy_label
from desktop.gui.widgets.form_dialog import form_layout, lay_out_form_dialog
from desktop.gui.widgets.retranslating import Retranslating
from desktop.gui.widgets.wrapped_label import wrapped_label


class PasswordDialog(Retranslating, QDialog):
    def __init__(self, request: PasswordRequest, parent: QWidget | None = None):
        super().__init__(parent)
        self.request = request
        self.can_remember = request.can_remember
        self.explanation = wrapped_label(self, selectable=True)
        self.refused_label = wrapped_label(self)
        self.refused_label.setVisible(request.refused)
        self.password_edit = QLineEdit(self)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_label = buddy_label(self.password_edit, self)
        self.remember_box = QCheckBox(self)
        self.remember_box.setEnabled(self.can_remember)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        # Our own accept button: a language switch names the standard buttons in Qt's words.
        self.ok_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setDefault(True)
        self.ok_button.setEnabled(False)
        form = form_layout()
        form.addRow(self.password_label, self.password_edit)
        form.addRow("", self.remember_box)
        lay_out_form_dialog(self, form, self.buttons, above=[self.explanation, self.refused_label], width_chars=60,
                            tab_order=[self.password_edit, self.remember_box, self.ok_button])
        self.password_edit.textChanged.connect(lambda text: self.ok_button.setEnabled(bool(text)))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(_("Team database password"))
        self.setAccessibleName(self.windowTitle())
        self.explanation.setText(_("{database} asks for the password of {user}.").format(
            database=_(self.request.database), user=self.request.user))
        self.refused_label.setText(_("The password was not accepted. Try again."))
        self.password_label.setText(_("&Password:"))
        self.remember_box.setText(_("&Remember on this computer"))
        self.remember_box.setToolTip(
            _("Kept in Windows Credential Manager (the system's credential store), for you only.")
            if self.can_remember else _("This computer has no credential store to keep it in."))
        self.ok_button.setText(_("&Connect"))

    def answer(self) -> PasswordAnswer | None:
        """What the agent gave, once the dialog is finished (None when cancelled)."""
        if self.result() != QDialog.DialogCode.Accepted or not self.password_edit.text():
            return None
        return PasswordAnswer(self.password_edit.text(), self.can_remember and self.remember_box.isChecked())
