"""What the escalation asks besides the severity: the customer (country, offering), the
product (with its lifecycle note right under it), an Azure component, and when the case
was opened, on the customer's country's clock.

The opened moment is kept as a wall time in the customer's country. Until the agent
edits it, it follows the clock (a case opened "now" stays "now" while the agent
talks); changing the country keeps the same instant and shows it on the new clock.
"""
from __future__ import annotations

import datetime as dt
import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.common.i18n import _
from desktop.gui.escalation.escalation_customer_widget import EscalationCustomerWidget
from desktop.gui.platform.theme import warning_palette
from desktop.gui.widgets.buddy_label import buddy_label
from desktop.gui.widgets.country_combo import CountryCombo
from desktop.gui.widgets.field_error_label import FieldErrorLabel
from desktop.gui.widgets.moment_edit import MomentEdit
from desktop.gui.widgets.retranslating import Retranslating
from desktop.gui.widgets.wrapped_label import wrapped_label
from desktop.wording.citations import ref_text

if TYPE_CHECKING:
    from desktop.gui.widgets.customer_index import CustomerIndex
    from domain.escalation import Offering

OFFERINGS = ("unified", "enhanced-response", "rapid-response", "event-management")


def offering_name(offering: str) -> str:
    from desktop.wording.notice import offering_text
    from domain.customers import Offering as CustomerOffering

    return offering_text(CustomerOffering(offering))


class EscalationFormWidget(Retranslating, QWidget):
    changed = Signal()  # an input of the escalation changed: answer again
    productChanged = Signal()  # the product changed: only its lifecycle needs checking again

    def __init__(self, customer_index: CustomerIndex | None, parent=None):
        super().__init__(parent)
        self._follows_clock = True
        self._offerings: dict[str, Offering] = {}

        self._build(customer_index)
        self._lay_out()
        self._connect()
        self.recolour()
        self.retranslate()

    def _build(self, customer_index: CustomerIndex | None) -> None:
        # --- the customer ---------------------------------------------------------------------
        self.customer_box = QGroupBox(self)
        self.customer = EscalationCustomerWidget(customer_index, self.customer_box)
        # The machine's default country (deskguide.ini), chosen before any signal is connected.
        self.country_combo = CountryCombo(self.customer_box)
        self.offering_combo = QComboBox(self.customer_box)
        for offering in OFFERINGS:
            self.offering_combo.addItem(offering, offering)  # named in retranslate()
        for combo in (self.country_combo, self.offering_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)  # a longer language's names fit
        self.offering_label = buddy_label(self.offering_combo, self)
        self.country_label = buddy_label(self.country_combo, self)

        # --- the product ------------------------------------------------------------------------
        self.product_box = QGroupBox(self)
        self.product_edit = QLineEdit(self.product_box)
        self.product_edit.setClearButtonEnabled(True)
        self.product_error = FieldErrorLabel(self.product_edit, self.product_box)  # required to save a case
        # Under the field: the lifecycle phase, or the closest names (links: click one to use it).
        self.product_note = wrapped_label(self.product_box, rich=True)
        self.product_note.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                                  | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
                                                  | Qt.TextInteractionFlag.TextSelectableByMouse)
        self.product_note.hide()
        self.azure_check = QCheckBox(self.product_box)
        self.azure_combo = QComboBox(self.product_box)
        self.azure_combo.setEditable(True)
        self.azure_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.azure_combo.setEnabled(False)
        self.azure_note = wrapped_label(self.product_box)
        self.azure_note.hide()
        # Made in the box (not moved there by the layout), so the box holds them before the
        # opening's controls: the order a screen reader reads the box in.
        self.product_label = buddy_label(self.product_edit, self.product_box)
        self.azure_label = buddy_label(self.azure_combo, self.product_box)

        # --- when it was opened --------------------------------------------------------------------
        # A plain wall time, typed whole (issue 16): the customer's zone is applied by the
        # domain, never this computer's.
        self.opened_edit = MomentEdit(self.product_box)
        self.now_button = QPushButton(self.product_box)
        self.opened_zone = wrapped_label(self.product_box)
        self.opened_error = FieldErrorLabel(self.opened_edit, self.product_box)
        self.opened_label = buddy_label(self.opened_edit, self.product_box)

    def _lay_out(self) -> None:
        customer_form = QFormLayout(self.customer_box)
        customer_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        customer_form.addRow(self.customer.label, self.customer)
        # Country and offering on rows of their own: side by side they made the question
        # column wider than a 1024-pixel screen leaves it in Danish and Swedish (issue 16).
        customer_form.addRow(self.country_label, self.country_combo)
        customer_form.addRow(self.offering_label, self.offering_combo)

        product_form = QFormLayout(self.product_box)
        product_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        product_column = QVBoxLayout()
        product_column.setSpacing(2)
        product_column.addWidget(self.product_edit)
        product_column.addWidget(self.product_error)
        product_column.addWidget(self.product_note)
        product_form.addRow(self.product_label, product_column)
        product_form.addRow("", self.azure_check)
        azure_column = QVBoxLayout()
        azure_column.setSpacing(2)
        azure_column.addWidget(self.azure_combo)
        azure_column.addWidget(self.azure_note)
        product_form.addRow(self.azure_label, azure_column)

        opened_row = QHBoxLayout()
        opened_row.addWidget(self.opened_edit, 1)
        opened_row.addWidget(self.now_button, 0, Qt.AlignmentFlag.AlignTop)
        opened_column = QVBoxLayout()
        opened_column.setSpacing(2)
        opened_column.addLayout(opened_row)
        opened_column.addWidget(self.opened_zone)
        opened_column.addWidget(self.opened_error)
        product_form.addRow(self.opened_label, opened_column)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.customer_box)
        layout.addWidget(self.product_box)
        layout.addStretch(1)
        self._layout = layout  # the view adds the severity after the case

    def _connect(self) -> None:
        self.product_note.linkActivated.connect(self.set_product)
        self.country_combo.currentIndexChanged.connect(self._on_country)
        self.offering_combo.currentIndexChanged.connect(self._on_offering)
        self.product_edit.textChanged.connect(self._on_product)
        self.azure_check.toggled.connect(self._on_azure)
        self.azure_combo.currentTextChanged.connect(self._on_azure_product)
        self.opened_edit.momentChanged.connect(self._on_opened_edited)
        self.now_button.clicked.connect(self.follow_clock)

    def retranslate(self) -> None:
        """The labels and the combo boxes' items in the current language (the choices kept);
        the Azure note said again. The lifecycle note and the clock are the view's to say."""
        self.customer_box.setTitle(_("Customer"))
        self.country_combo.retranslate()
        self.country_combo.setAccessibleName(_("Customer's country"))
        for index, offering in enumerate(OFFERINGS):
            self.offering_combo.setItemText(index, offering_name(offering))
        self.offering_combo.setAccessibleName(_("Customer's Microsoft support offering"))
        self.offering_label.setText(_("O&ffering:"))
        self.country_label.setText(_("Cou&ntry:"))
        self.product_box.setTitle(_("The case"))
        self.product_edit.setAccessibleName(_("Product"))
        self.product_edit.setPlaceholderText(_("e.g. Exchange Server 2019, Windows 11 24H2 Pro"))
        self.product_note.setAccessibleName(_("Product lifecycle"))
        self.product_label.setText(_("&Product:"))
        self.azure_check.setText(_("An &Azure component"))
        self.azure_check.setAccessibleName(_("The case is about an Azure component"))
        self.azure_combo.setAccessibleName(_("Azure product (optional)"))
        self.azure_combo.lineEdit().setPlaceholderText(_("Azure product, optional"))
        self.azure_note.setAccessibleName(_("About the Azure product"))
        self.azure_label.setText(_("A&zure product:"))
        self.opened_edit.setAccessibleName(_("Opened, on the customer's clock"))
        self.now_button.setText(_("No&w"))
        self.now_button.setAccessibleName(_("Opened now"))
        self.opened_zone.setAccessibleName(_("Clock the opening is shown on"))
        self.opened_label.setText(_("Op&ened:"))
        self._show_azure_note()

    def add_section(self, widget: QWidget) -> None:
        """Put `widget` (the severity) after the case."""
        self._layout.insertWidget(self._layout.count() - 1, widget)  # before the closing stretch

    def controls(self) -> list:
        return [*self.customer.controls(), self.country_combo, self.offering_combo, self.product_edit,
                self.product_note, self.azure_check, self.azure_combo, self.opened_edit, self.now_button]

    # --- values ----------------------------------------------------------------------------------

    def country(self) -> str:
        return self.country_combo.currentData()

    def offering(self) -> str:
        return self.offering_combo.currentData()

    def product(self) -> str:
        return self.product_edit.text().strip()

    def azure(self) -> bool:
        return self.azure_check.isChecked()

    def azure_product(self) -> str | None:
        text = self.azure_combo.currentText().strip()
        return text if self.azure() and text else None

    def opened_wall(self) -> dt.datetime:
        """The opening as a wall time in the customer's country (naive, whole minutes)."""
        return self.opened_edit.moment()

    @property
    def follows_clock(self) -> bool:
        return self._follows_clock

    # --- setting -----------------------------------------------------------------------------------

    def set_country(self, country: str) -> None:
        index = self.country_combo.findData(country)
        if index >= 0:
            self.country_combo.setCurrentIndex(index)

    def set_offering(self, offering: str) -> None:
        index = self.offering_combo.findData(offering)
        if index >= 0:
            self.offering_combo.setCurrentIndex(index)

    def set_product(self, text: str) -> None:
        self.product_edit.setText(text)

    def set_offerings(self, offerings: dict[str, Offering]) -> None:
        """The offerings' data (their Azure exclusion lists), once the rules are loaded."""
        self._offerings = dict(offerings)
        self._fill_azure_products()

    def set_opened(self, wall: dt.datetime, follow: bool = False) -> None:
        """Show `wall` (naive, the customer's clock); an agent's own time stops following the clock."""
        with QSignalBlocker(self.opened_edit):
            self.opened_edit.set_moment(wall)
        self._follows_clock = follow
        self.changed.emit()

    def follow_clock(self) -> None:
        """The Now button: opened now, and following the clock again."""
        self._follows_clock = True
        self.changed.emit()  # the view sets the time, on the customer's clock

    def show_zone(self, text: str) -> None:
        self.opened_zone.setText(text)

    def show_opened_problem(self, problem: str) -> None:
        self.opened_error.show_problem(problem)

    def show_product_problem(self, problem: str) -> None:
        self.product_error.show_problem(problem)

    def show_product_note(self, text: str, names: list[str] = (), warning: bool = False) -> None:
        """The lifecycle under the product field; `names` become links that fill it in."""
        if not text:
            self.product_note.clear()
            self.product_note.hide()
            return
        body = html.escape(text)
        if names:
            links = "; ".join(f'<a href="{html.escape(name, quote=True)}">{html.escape(name)}</a>' for name in names)
            body += "<br>" + links
        self.product_note.setText(body)
        self.product_note.setProperty("warning", warning)
        self.recolour()
        self.product_note.show()

    # --- reacting ---------------------------------------------------------------------------------

    def _on_country(self, _index: int) -> None:
        self.changed.emit()

    def _on_offering(self, _index: int) -> None:
        self._fill_azure_products()
        self.changed.emit()

    def _on_product(self, text: str) -> None:
        self.product_error.show_problem("")
        self.productChanged.emit()

    def _on_azure(self, checked: bool) -> None:
        self.azure_combo.setEnabled(checked)
        self._show_azure_note()
        self.changed.emit()

    def _on_azure_product(self, _text: str) -> None:
        self._show_azure_note()
        self.changed.emit()

    def _on_opened_edited(self, _value) -> None:
        self._follows_clock = False
        self.changed.emit()

    def _fill_azure_products(self) -> None:
        offering = self._offerings.get(self.offering())
        text = self.azure_combo.currentText()
        with QSignalBlocker(self.azure_combo):
            self.azure_combo.clear()
            self.azure_combo.addItem("")
            for name in offering.azure_exclusions if offering else ():
                self.azure_combo.addItem(name)
            self.azure_combo.setEditText(text)
        self._show_azure_note()

    def excluded(self) -> bool:
        offering = self._offerings.get(self.offering())
        product = self.azure_product()
        return bool(offering and product and product.casefold() in {e.casefold() for e in offering.azure_exclusions})

    def _show_azure_note(self) -> None:
        offering = self._offerings.get(self.offering())
        if self.excluded() and offering is not None:
            self.azure_note.setText(_("⚠ {product} is on the exclusion list of {offering} ({ref}): the target for "
                                      "all other products applies.").format(
                product=self.azure_product(), offering=offering_name(offering.id),
                ref=ref_text(offering.azure_exclusions_ref)))
            self.azure_note.show()
        elif self.azure() and offering is not None and offering.azure_exclusions:
            self.azure_note.setText(_("The Azure target does not cover the products in this list ({ref}).").format(
                ref=ref_text(offering.azure_exclusions_ref)))
            self.azure_note.show()
        else:
            self.azure_note.clear()
            self.azure_note.hide()
        self.recolour()

    def recolour(self) -> None:
        for label, warn in ((self.product_note, bool(self.product_note.property("warning"))),
                            (self.azure_note, self.excluded())):
            label.setPalette(warning_palette(self.palette()) if warn else QPalette())
