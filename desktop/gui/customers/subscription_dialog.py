"""Add or change one subscription, each field checked as the agent types.

The checks are the domain's (subscription_problems). Changing the seats of an existing
fixed-term subscription says when the added or removed seats end: with the current
period (terms §11, 003:149), which is not what customers expect.

The dialog stays open until the store has the subscription (a SavingDialog): a save
that fails says why here, with everything entered still in place.
"""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QSpinBox,
)

from desktop.common.i18n import _, ngettext
from desktop.gui.widgets.buddy_label import buddy_label
from desktop.gui.widgets.changed_elsewhere_note import ChangedElsewhereNote
from desktop.gui.widgets.field_error_label import FieldErrorLabel
from desktop.gui.widgets.form_dialog import form_layout, lay_out_form_dialog
from desktop.gui.widgets.moment_edit import MomentEdit
from desktop.gui.widgets.retranslating import Retranslating
from desktop.gui.widgets.saving_dialog import SavingDialog
from desktop.gui.widgets.wrapped_label import wrapping_policy
from desktop.wording.notice import long_day_text, number_text, term_text
from domain.customers import FieldError, Subscription, subscription_problems
from domain.notice import Term, seat_change_end

MAX_SEATS = 1_000_000


class SubscriptionDialog(Retranslating, SavingDialog):
    """saveRequested carries the Subscription as entered."""

    def __init__(self, customer_id: int, today: dt.date, subscription: Subscription | None = None,
                 customer_name: str = "", parent=None):
        super().__init__(parent)
        self.customer_id = customer_id
        self.today = today
        self.original = subscription

        self._build(customer_name)
        self._lay_out()
        self._show_subscription(subscription)
        self._connect()
        self.retranslate()

    def _build(self, customer_name: str) -> None:
        self.heading = QLabel(customer_name, self)
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setSizePolicy(wrapping_policy())
        self.heading.setVisible(bool(customer_name))
        bold = self.heading.font()
        bold.setBold(True)
        self.heading.setFont(bold)
        self.product_edit = QLineEdit(self)
        self.term_combo = QComboBox(self)
        for term in Term:
            self.term_combo.addItem("", term.value)  # named in retranslate()
        self.start_edit = MomentEdit(self, with_time=False)  # a whole typed day (issue 16), shown in ISO
        self.start_edit.set_minimum(dt.date(1990, 1, 1))
        self.seats_spin = QSpinBox(self)
        self.seats_spin.setRange(0, MAX_SEATS)  # 0 is refused by the check, with a reason, not by the spin box
        self.end_user_support = QCheckBox(self)
        self.from_reseller = QCheckBox(self)
        self.errors = {
            "product": FieldErrorLabel(self.product_edit, self),
            "start_date": FieldErrorLabel(self.start_edit, self),
            "seats": FieldErrorLabel(self.seats_spin, self),
        }
        self.seat_note = QLabel(self)
        self.seat_note.setWordWrap(True)
        self.seat_note.setSizePolicy(wrapping_policy())
        self.seat_note.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        # Our own accept button, not the standard Ok: on a language switch the box names its
        # standard buttons again (Qt's words) and would say "OK" instead of "Add subscription".
        self.ok_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.product_label = buddy_label(self.product_edit, self)
        self.term_label = buddy_label(self.term_combo, self)
        self.start_label = buddy_label(self.start_edit, self)
        self.seats_label = buddy_label(self.seats_spin, self)

    def _lay_out(self) -> None:
        form = form_layout()
        form.addRow(self.product_label, self.product_edit)
        form.addRow(self.errors["product"])
        form.addRow(self.term_label, self.term_combo)
        form.addRow(self.start_label, self.start_edit)
        form.addRow(self.errors["start_date"])
        form.addRow(self.seats_label, self.seats_spin)
        form.addRow(self.errors["seats"])
        form.addRow(self.seat_note)
        form.addRow(self.end_user_support)
        form.addRow(self.from_reseller)
        form.addRow(self.status_label)
        # "Changed by Anna at 10:42. Reload" (issue 15, "Live"): CustomersView fills it in.
        self.elsewhere_note = ChangedElsewhereNote(self)
        self.reloadRequested = self.elsewhere_note.reloadRequested
        form.addRow(self.elsewhere_note)
        lay_out_form_dialog(self, form, self.buttons, above=[self.heading], tab_order=[
            self.product_edit, self.term_combo, self.start_edit, self.seats_spin, self.end_user_support,
            self.from_reseller, self.ok_button, self.buttons.button(QDialogButtonBox.StandardButton.Cancel)])

    def _show_subscription(self, subscription: Subscription | None) -> None:
        """The fields filled from `subscription` (a new one: empty, from today), before any signal is connected."""
        shown = subscription or Subscription(product="", term=Term.MONTHS_12, start_date=self.today)
        self.product_edit.setText(shown.product)
        self.term_combo.setCurrentIndex(self.term_combo.findData(Term(shown.term).value))
        self.start_edit.set_moment(shown.start_date)
        self.seats_spin.setValue(shown.seats)
        self.end_user_support.setChecked(shown.end_user_support)
        self.from_reseller.setChecked(shown.from_reseller)
        self._touched = subscription is not None

    def show_theirs(self, subscription: Subscription) -> None:
        """Reload: the colleague's version in the fields (what was entered is dropped,
        as the agent asked), and saving goes on from that version."""
        self.original = subscription
        blockers = [QSignalBlocker(widget) for widget in (self.product_edit, self.term_combo, self.start_edit,
                                                           self.seats_spin, self.end_user_support,
                                                           self.from_reseller)]
        self._show_subscription(subscription)
        del blockers
        self._touched = False
        self.elsewhere_note.clear()
        self._check()

    def _connect(self) -> None:
        self.product_edit.textEdited.connect(self._on_edited)
        self.term_combo.currentIndexChanged.connect(self._on_edited)
        self.start_edit.momentChanged.connect(self._on_edited)
        self.start_edit.problemChanged.connect(self._on_edited)
        self.seats_spin.valueChanged.connect(self._on_edited)
        self.end_user_support.toggled.connect(self._on_edited)
        self.from_reseller.toggled.connect(self._on_edited)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def retranslate(self) -> None:
        """Every text in the current language; what the agent has entered stays."""
        adding = self.original is None
        self.setWindowTitle(_("New subscription") if adding else _("Change subscription"))
        self.setAccessibleName(self.windowTitle())
        self.product_label.setText(_("&Product:"))
        self.product_edit.setAccessibleName(_("Product"))
        self.product_edit.setPlaceholderText(_("e.g. Microsoft 365 Business Standard"))
        self.term_label.setText(_("&Term:"))
        for index in range(self.term_combo.count()):  # setItemText: the term chosen stays
            self.term_combo.setItemText(index, term_text(Term(self.term_combo.itemData(index))))
        self.term_combo.setAccessibleName(_("Term"))
        self.term_combo.setToolTip(_("Fixed terms renew for 12 months at a time unless cancelled (terms §10)"))
        self.start_label.setText(_("&Start date:"))
        self.start_edit.setAccessibleName(_("Start date"))
        self.seats_label.setText(_("Se&ats:"))
        self.seats_spin.setAccessibleName(_("Seats"))
        self.end_user_support.setText(_("&End-user support included"))
        self.end_user_support.setAccessibleName(_("End-user support included"))
        self.end_user_support.setToolTip(_("Licences without end-user support get help for the superuser only "
                                           "(terms §4)"))
        self.from_reseller.setText(_("&Bought from us (the reseller)"))
        self.from_reseller.setAccessibleName(_("Bought from the reseller"))
        self.seat_note.setAccessibleName(_("When the changed seats end"))
        self.status_label.setAccessibleName(_("Subscription save status"))
        self.show_save_status()
        self.ok_button.setText(_("Add subscription") if adding else _("Save subscription"))
        self._check()  # the problems and the seat note, said again

    def subscription(self) -> Subscription:
        original = self.original
        return Subscription(
            product=self.product_edit.text().strip(), term=Term(self.term_combo.currentData()),
            start_date=self.start_edit.day(), seats=self.seats_spin.value(),
            end_user_support=self.end_user_support.isChecked(), from_reseller=self.from_reseller.isChecked(),
            customer_id=self.customer_id, id=original.id if original else None,
            external_id=original.external_id if original else None,
            version=original.version if original else None,  # as opened: see CustomerFormWidget.customer
        )

    def problems(self) -> list[FieldError]:
        return subscription_problems(self.subscription(), self.today)

    def error_text(self, field: str) -> str:
        label = self.errors[field]
        return label.problem if label.isVisibleTo(self) else ""

    def _on_edited(self, *_args) -> None:
        self._touched = True
        self._check()

    def _check(self) -> None:
        problems = self.problems() if self._touched else []
        names = {"product": _("Product"), "start_date": _("Start date"), "seats": _("Seats")}
        for field, label in self.errors.items():
            label.show_problem("; ".join(_("{field} {message}").format(field=names[field], message=_(e.message))
                                         for e in problems if e.field == field))
        self._update_buttons()
        self._update_seat_note()

    def _update_seat_note(self) -> None:
        """terms §11 (003:149): seats added or removed mid-period follow the original binding period."""
        text = ""
        original = self.original
        seats = self.seats_spin.value()
        if original is not None and original.term is not Term.PAYG and seats != original.seats and seats > 0:
            try:
                end = seat_change_end(original.start_date, original.term, max(self.today, original.start_date))
            except ValueError:
                end = None
            if end is not None:
                change = seats - original.seats
                if change > 0:
                    text = ngettext("The {n} added seat ends with the current period on {date} (terms §11).",
                                    "The {n} added seats end with the current period on {date} (terms §11).",
                                    change)
                else:
                    text = ngettext("The {n} removed seat ends with the current period on {date} (terms §11).",
                                    "The {n} removed seats end with the current period on {date} (terms §11).",
                                    -change)
                text = text.format(n=number_text(abs(change)), date=long_day_text(end))
        if text == self.seat_note.text():
            return
        self.seat_note.setText(text)
        self.seat_note.setVisible(bool(text))
        if self.isVisible():  # make room for the wrapped note (a dialog does not grow by itself)
            self.layout().activate()
            self.resize(self.width(), max(self.height(), self.heightForWidth(self.width())))

    def is_dirty(self) -> bool:
        """Something entered that the store does not have yet."""
        if self.original is None:
            return self._touched
        return self.subscription() != self.original

    def accept(self) -> None:
        """Ask to save (the dialog closes once saved); refused, with every problem shown, if wrong."""
        self._touched = True
        self._check()
        if self.problems() or self.start_edit.problem():
            return  # refused: every problem is shown under its field
        self.request_save(self.subscription())

    def _update_buttons(self) -> None:
        self.ok_button.setEnabled(self._touched and not self.problems() and not self.start_edit.problem()
                                   and not self.saving)
