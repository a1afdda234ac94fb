"""One customer's details, checked as the agent types, each problem under its field.

The checks are the domain's (domain.customers.customer_problems): the form shows what
the store would refuse, before Save, and Save stays disabled while anything is wrong or
nothing has changed. A new, untouched form shows no errors; the first edit shows them
all, so the agent never faces a wall of red before typing anything.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from desktop.common.i18n import _
from desktop.gui.widgets.admin_only import show_admin_only
from desktop.gui.widgets.changed_elsewhere_note import ChangedElsewhereNote
from desktop.gui.widgets.country_combo import CountryCombo
from desktop.gui.widgets.field_error_label import FieldErrorLabel
from desktop.gui.widgets.retranslating import Retranslating
from desktop.gui.widgets.wrapped_label import wrapping_policy
from desktop.wording.notice import offering_text
from domain.customers import Customer, FieldError, Offering, customer_problems

# Placeholders that follow the customer's country (issue 16): an org number and a phone
# number each country's agents recognise, both passing the domain's checks (its own
# examples in domain.customers.ORG_NUMBER_RULES; tests/desktop/gui/customers/
# test_customer_form_placeholders.py holds them to that), the phone as the card shows it.
EXAMPLES = {
    "SE": ("556677-8899", "+46 8 123 456 78"),
    "NO": ("923 609 016", "+47 22 12 34 56"),
    "DK": ("25 31 37 63", "+45 33 12 34 56"),
    "FI": ("0112038-9", "+358 9 1234567"),
}


class CustomerFormWidget(Retranslating, QGroupBox):
    saveRequested = Signal(object)  # the Customer as typed (tidied by the service)
    deleteRequested = Signal()
    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._original: Customer | None = None  # None: a new customer
        self._touched = False
        self._status: Callable[[], str] = lambda: ""  # "Saved", or why saving failed, in the current language

        self._build()
        self._lay_out()
        self._connect()
        self.set_customer(None)
        self.retranslate()

    def _build(self) -> None:
        self.name_edit = QLineEdit(self)
        self.org_number_edit = QLineEdit(self)
        self.country_combo = CountryCombo(self, preselect_default=False)  # the customer's own, once shown
        self.contact_edit = QLineEdit(self)
        self.phone_edit = QLineEdit(self)
        self.email_edit = QLineEdit(self)
        self.offering_combo = QComboBox(self)
        for offering in Offering:
            self.offering_combo.addItem("", offering.value)
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 2 + 12)
        self.errors = {
            "name": FieldErrorLabel(self.name_edit, self),
            "org_number": FieldErrorLabel(self.org_number_edit, self),
            "country": FieldErrorLabel(self.country_combo, self),
            "phone": FieldErrorLabel(self.phone_edit, self),
            "email": FieldErrorLabel(self.email_edit, self),
        }
        self.save_button = QPushButton(self)
        self.delete_button = QPushButton(self)
        self._admin = True  # an agent's team login may not delete customers (set_admin)
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self.status_label.setSizePolicy(wrapping_policy())
        # "Changed by Anna at 10:42. Reload" (issue 15, "Live"); CustomersView fills it in.
        self.elsewhere_note = ChangedElsewhereNote(self)

    def _lay_out(self) -> None:
        # One column: the form sits under the customer list. The name gets the whole width
        # (its label above it): Nordic company names are long ("Pohjois-Pohjanmaan
        # Sairaanhoitopiirin Kuntayhtymä", "Østergaard & Søn Rådgivende Ingeniørfirma ApS").
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(1, 1)
        self.name_label = QLabel(self)
        self.name_label.setBuddy(self.name_edit)
        grid.addWidget(self.name_label, 0, 0, 1, 2)
        grid.addWidget(self.name_edit, 1, 0, 1, 2)
        grid.addWidget(self.errors["name"], 2, 0, 1, 2)
        # The field labels, in the order of the rows (texts in retranslate()).
        self.field_labels = [self._row(grid, row, field, error) for row, field, error in (
            (3, self.org_number_edit, "org_number"), (5, self.country_combo, "country"),
            (7, self.contact_edit, None), (9, self.phone_edit, "phone"), (11, self.email_edit, "email"),
            (13, self.offering_combo, None), (15, self.notes_edit, None))]
        buttons = QHBoxLayout()
        buttons.addWidget(self.status_label, 1)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.save_button)
        grid.addLayout(buttons, 17, 0, 1, 2)
        grid.addWidget(self.elsewhere_note, 18, 0, 1, 2)
        self.setLayout(grid)

        controls = self.controls()
        for before, after in zip(controls, controls[1:]):
            self.setTabOrder(before, after)

    def _connect(self) -> None:
        for edit in (self.name_edit, self.org_number_edit, self.contact_edit, self.phone_edit, self.email_edit):
            edit.textEdited.connect(self._on_edited)
        self.notes_edit.textChanged.connect(self._on_edited)
        self.country_combo.currentIndexChanged.connect(self._on_edited)
        self.country_combo.currentIndexChanged.connect(self._show_examples)
        self.offering_combo.currentIndexChanged.connect(self._on_edited)
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self.deleteRequested)
        for edit in (self.name_edit, self.org_number_edit, self.contact_edit, self.phone_edit, self.email_edit):
            edit.returnPressed.connect(self.save)

    def retranslate(self) -> None:
        """Labels, hints and choices in the current language; what is typed and chosen stays."""
        self._show_title()
        self.setAccessibleName(_("Customer details"))
        self.name_label.setText(_("&Name:"))
        for label, text in zip(self.field_labels, (
                _("&Org number:"), _("Co&untry:"), _("Contact &person:"), _("Phone:"), _("&E-mail:"),
                _("Microsoft offer&ing:"), _("No&tes:"))):
            label.setText(text)
        for edit, accessible, placeholder in (
                (self.name_edit, _("Customer name"), _("e.g. Østergaard & Søn ApS")),
                (self.contact_edit, _("Contact person"), ""),
                (self.email_edit, _("E-mail"), _("e.g. it@example.se"))):
            edit.setAccessibleName(accessible)
            edit.setPlaceholderText(placeholder)
        self.org_number_edit.setAccessibleName(_("Organisation number"))
        self.phone_edit.setAccessibleName(_("Phone"))
        self._show_examples()
        # setItemText: the choice (and so the unsaved edits) stays as it is.
        self.country_combo.retranslate()
        self.country_combo.setAccessibleName(_("Country"))
        self.country_combo.setToolTip(_("The customer's country: its desk, its calendar and its "
                                        "organisation-number format"))
        for index in range(self.offering_combo.count()):
            self.offering_combo.setItemText(index, offering_text(Offering(self.offering_combo.itemData(index))))
        self.offering_combo.setAccessibleName(_("Microsoft support offering"))
        self.notes_edit.setAccessibleName(_("Notes"))
        self.save_button.setText(_("Sa&ve customer"))
        self.save_button.setAccessibleName(_("Save the customer"))
        self.delete_button.setText(_("&Delete customer…"))
        self.delete_button.setAccessibleName(_("Delete the customer"))
        self._show_delete_button()
        self.status_label.setAccessibleName(_("Customer save status"))
        self.status_label.setText(self._status())
        self._check()  # the problems and the Save tooltip, said again

    def _row(self, grid: QGridLayout, row: int, field: QWidget, error: str | None) -> QLabel:
        label = QLabel(self)
        label.setWordWrap(True)  # Finnish labels run long: they wrap rather than widen the form
        label.setBuddy(field)
        alignment = Qt.AlignmentFlag.AlignLeft | (Qt.AlignmentFlag.AlignTop if field is self.notes_edit
                                                  else Qt.AlignmentFlag.AlignVCenter)
        grid.addWidget(label, row, 0, alignment)
        grid.addWidget(field, row, 1)
        if error is not None:  # right under its field
            grid.addWidget(self.errors[error], row + 1, 1)
        return label

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        # Issue 16: a label that wraps ("Microsoft-\nerbjudande:") needs more height than
        # the form's size hint says (a grid's minimum ignores height-for-width), so on a
        # 1366x768 screen the notes box slid over Save and Delete. The form claims the
        # height its width needs; the customer list above gives way.
        needed = self.layout().totalHeightForWidth(self.width())
        if needed > 0 and needed != self.minimumHeight():
            self.setMinimumHeight(needed)

    def controls(self) -> list[QWidget]:
        """Every input, then the buttons, in reading (and tab) order."""
        return [self.name_edit, self.org_number_edit, self.country_combo, self.contact_edit, self.phone_edit,
                self.email_edit, self.offering_combo, self.notes_edit, self.delete_button, self.save_button]

    # --- the customer in and out ----------------------------------------------------

    @property
    def original(self) -> Customer | None:
        return self._original

    @property
    def is_new(self) -> bool:
        return self._original is None or self._original.id is None

    def set_customer(self, customer: Customer | None, country: str = "SE") -> None:
        """Show `customer`; None starts a new one (in `country`)."""
        self._original = customer
        blockers = [QSignalBlocker(widget) for widget in self.controls()]
        shown = customer or Customer(name="", country=country)
        self.name_edit.setText(shown.name)
        self.org_number_edit.setText(shown.org_number)
        self.country_combo.setCurrentIndex(max(0, self.country_combo.findData(shown.country)))
        self.contact_edit.setText(shown.contact)
        self.phone_edit.setText(shown.phone)
        self.email_edit.setText(shown.email)
        self.offering_combo.setCurrentIndex(max(0, self.offering_combo.findData(Offering(shown.offering).value)))
        self.notes_edit.setPlainText(shown.notes)
        del blockers
        self._show_examples()  # the country changed with the signals blocked
        # A stored customer with a bad field (e.g. imported) shows it at once; a new form waits for typing.
        self._touched = customer is not None
        self._show_title()
        self._show_delete_button()
        self.show_status(lambda: "")
        self.elsewhere_note.clear()  # what is shown now is the latest
        self._check()

    def set_admin(self, allowed: bool) -> None:
        """Whether the login may delete customers (issue 15: an administrator's action)."""
        self._admin = allowed
        self._show_delete_button()

    def _show_delete_button(self) -> None:
        original = getattr(self, "_original", None)  # retranslate() runs before the first customer
        stored = original is not None and original.id is not None
        self.delete_button.setEnabled(self._admin and stored)
        show_admin_only(self.delete_button, self._admin)

    def _show_title(self) -> None:
        self.setTitle(_("New customer") if self._original is None else _("Customer"))

    def customer(self) -> Customer:
        """The customer as the form shows it now (not yet tidied or checked)."""
        original = self._original
        return Customer(
            name=self.name_edit.text(), country=self.country_combo.currentData(),
            org_number=self.org_number_edit.text(), contact=self.contact_edit.text(),
            phone=self.phone_edit.text(), email=self.email_edit.text(),
            offering=Offering(self.offering_combo.currentData()), notes=self.notes_edit.toPlainText(),
            id=original.id if original else None, external_id=original.external_id if original else None,
            # The version it was opened at: a colleague's save since is found, not overwritten.
            version=original.version if original else None,
        )

    def problems(self) -> list[FieldError]:
        return customer_problems(_stripped(self.customer()))

    def is_dirty(self) -> bool:
        if self._original is None:
            return self._touched
        return _stripped(self.customer()) != _stripped(self._original)

    def show_status(self, text: Callable[[], str]) -> None:
        """"Saved", or why saving failed: `text()` in the current language (again after a switch)."""
        self._status = text
        self.status_label.setText(text())

    def show_errors(self, errors: list[FieldError]) -> None:
        """Each problem under its field (e.g. the store refused what the form let through)."""
        by_field: dict[str, list[str]] = {}
        for error in errors:
            by_field.setdefault(error.field, []).append(_(error.message))
        for name, label in self.errors.items():
            label.show_problem("; ".join(_field_message(name, m) for m in by_field.get(name, [])))

    def error_text(self, field: str) -> str:
        label = self.errors[field]
        return label.problem if label.isVisibleTo(self) else ""

    # --- reacting to the agent ----------------------------------------------------------

    def _show_examples(self) -> None:
        """The org-number and phone placeholders of the country chosen now."""
        org_number, phone = EXAMPLES.get(self.country_combo.currentData(), EXAMPLES["SE"])
        # Translators: a placeholder in an empty field; {example} is an org or phone number.
        self.org_number_edit.setPlaceholderText(_("e.g. {example}").format(example=org_number))
        self.phone_edit.setPlaceholderText(_("e.g. {example}").format(example=phone))

    def _on_edited(self, *_args) -> None:
        self._touched = True
        self.show_status(lambda: "")
        self._check()
        self.changed.emit()

    def _check(self) -> None:
        problems = self.problems()
        self.show_errors(problems if self._touched else [])
        dirty = self.is_dirty()
        self.save_button.setEnabled(dirty and not problems)
        if problems:
            self.save_button.setToolTip(_("Correct the fields marked in red first"))
        elif not dirty:
            self.save_button.setToolTip(_("Nothing has changed"))
        else:
            self.save_button.setToolTip(_("Save the customer (Enter)"))

    def save(self) -> None:
        """Ask to save, if the form is fine; refused (with every problem shown) if not."""
        self._touched = True
        self._check()
        if self.problems() or not self.is_dirty():
            return
        self.saveRequested.emit(self.customer())


def _stripped(customer: Customer) -> Customer:
    """The customer as the store keeps it: spaces trimmed (check_customer's tidying)."""
    return Customer(
        name=customer.name.strip(), country=customer.country.strip().upper(),
        org_number=customer.org_number.strip(), contact=customer.contact.strip(), phone=customer.phone.strip(),
        email=customer.email.strip(), offering=customer.offering, notes=customer.notes.strip(), id=customer.id,
        external_id=(customer.external_id or "").strip() or None,
    )


def _field_message(field: str, message: str) -> str:
    """"Name is required", "Org number '12' is not an organisation number ...": the
    domain's message (already in the current language) names the value, the form adds
    what the field is; translators may word the pair "{field}: {message}"."""
    label = {
        "name": _("Name"), "org_number": _("Org number"), "country": _("Country"), "phone": _("Phone"),
        "email": _("E-mail"),
    }.get(field, field)
    return _("{field} {message}").format(field=label, message=message)
