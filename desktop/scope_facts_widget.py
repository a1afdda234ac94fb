"""What the agent knows about the customer, as domain.scope.CustomerFacts.

Prefilled with the usual case (CustomerFacts() defaults). The questions that only some
topics ask (the product version, a third-party app's approval, a manager's approval)
are enabled for those topics only, so the form never asks what cannot matter.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QSizePolicy, QWidget,
)

from desktop.i18n import _
from domain.scope import CustomerFacts, Device, Support, Topic

# Red that reads on the window colour: darker on a light palette, lighter on a dark one
# (no single red has 4.5:1 contrast against both white and near-black).
ERROR_ON_LIGHT = "#b71c1c"
ERROR_ON_DARK = "#ff8a80"

_APP_APPROVAL = {"unknown": None, "yes": True, "no": False}


def _wrapped_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    return label


class ScopeFactsWidget(QGroupBox):
    factsChanged = Signal()

    def __init__(self, parent=None):
        super().__init__(_("Customer facts"), parent)
        self.setAccessibleName(_("Customer facts"))
        self._topic: Topic | None = None
        self._versions: dict[str, str] = {}  # version text per version rule, kept across topics
        self._version_error = ""

        # The combos hold the enums' values: Qt hands a str-based enum back as a plain str.
        self.support_combo = QComboBox(self)
        self.support_combo.addItem(_("End-user support"), Support.END_USER.value)
        self.support_combo.addItem(_("Software only (no end-user support)"), Support.SOFTWARE_ONLY.value)
        self.support_combo.setAccessibleName(_("Support included in the licence"))
        self.support_combo.setToolTip(_("Licences without end-user support get help for the superuser only "
                                        "(terms §4)"))
        self.from_reseller = QCheckBox(_("Licences &bought from us (the reseller)"), self)
        self.from_reseller.setAccessibleName(_("Licences bought from the reseller"))
        self.from_reseller.setToolTip(_("End-user support requires licences bought from us or our group "
                                        "(terms §4)"))
        self.migrating = QCheckBox(_("&Migration to Office 365 in progress"), self)
        self.migrating.setAccessibleName(_("Migration to Office 365 in progress"))
        self.migrating.setToolTip(_("End-user support is not active during a migration (terms §4)"))
        self.device_combo = QComboBox(self)
        self.device_combo.addItem(_("Computer"), Device.COMPUTER.value)
        self.device_combo.addItem(_("Tablet"), Device.TABLET.value)
        self.device_combo.addItem(_("Smartphone"), Device.SMARTPHONE.value)
        self.device_combo.setAccessibleName(_("Device the problem is on"))
        self.antivirus = QCheckBox(_("Anti&virus active"), self)
        self.antivirus.setAccessibleName(_("Antivirus active"))
        self.firewall = QCheckBox(_("F&irewall active"), self)
        self.firewall.setAccessibleName(_("Firewall active"))
        self.firewall.setToolTip(_("Required on every device (terms §8)"))
        self.backup = QCheckBox(_("Current bac&kup of the device"), self)
        self.backup.setAccessibleName(_("Current backup of the device"))
        self.backup.setToolTip(_("Required on every device (terms §8)"))
        self.version_edit = QLineEdit(self)
        self.version_edit.setAccessibleName(_("Product version"))
        self.version_edit.setClearButtonEnabled(True)
        self.version_note = _wrapped_label(self)  # "Read as Windows XP", or the error in red
        self.version_note.setAccessibleName(_("Product version check"))
        self.app_combo = QComboBox(self)
        self.app_combo.addItem(_("Not known"), "unknown")
        self.app_combo.addItem(_("Yes, approved by us"), "yes")
        self.app_combo.addItem(_("No, not approved"), "no")
        self.app_combo.setAccessibleName(_("Third-party app approved by us"))
        self.manager_approved = QCheckBox(_("Ma&nager's digital approval given"), self)
        self.manager_approved.setAccessibleName(_("Manager's digital approval given"))

        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # labels above: room for long texts
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self._buddy(_("&Support:"), self.support_combo), self.support_combo)
        form.addRow(self.from_reseller)
        form.addRow(self.migrating)
        form.addRow(self._buddy(_("&Device:"), self.device_combo), self.device_combo)
        form.addRow(self.antivirus)
        form.addRow(self.firewall)
        form.addRow(self.backup)
        form.addRow(self._buddy(_("Product ve&rsion:"), self.version_edit), self.version_edit)
        form.addRow(self.version_note)
        form.addRow(self._buddy(_("Third-party &app approved:"), self.app_combo), self.app_combo)
        form.addRow(self.manager_approved)

        # Reading order, top to bottom.
        controls = self.controls()
        for before, after in zip(controls, controls[1:]):
            self.setTabOrder(before, after)

        for combo in (self.support_combo, self.device_combo, self.app_combo):
            combo.currentIndexChanged.connect(self._changed)
        for box in (self.from_reseller, self.migrating, self.antivirus, self.firewall, self.backup,
                    self.manager_approved):
            box.toggled.connect(self._changed)
        self.device_combo.currentIndexChanged.connect(self._update_antivirus)
        self.version_edit.textChanged.connect(self._changed)
        self.set_facts(CustomerFacts())
        self.set_topic(None)

    def _buddy(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(buddy)
        return label

    def controls(self) -> list[QWidget]:
        """Every input, in reading (and tab) order."""
        return [self.support_combo, self.from_reseller, self.migrating, self.device_combo, self.antivirus,
                self.firewall, self.backup, self.version_edit, self.app_combo, self.manager_approved]

    # --- facts in and out --------------------------------------------------------

    def facts(self) -> CustomerFacts:
        asks_version = self._topic is not None and self._topic.version_rule is not None
        version = self.version_edit.text().strip() if asks_version else ""
        return CustomerFacts(
            support=Support(self.support_combo.currentData()), from_reseller=self.from_reseller.isChecked(),
            migrating=self.migrating.isChecked(), device=Device(self.device_combo.currentData()),
            antivirus=self.antivirus.isChecked(), firewall=self.firewall.isChecked(),
            backup=self.backup.isChecked(), version=version or None,
            app_approved=_APP_APPROVAL[self.app_combo.currentData()],
            manager_approved=self.manager_approved.isChecked(),
        )

    def set_facts(self, facts: CustomerFacts) -> None:
        """Fill the form (one factsChanged at the end, not one per control)."""
        blockers = [QSignalBlocker(widget) for widget in self.controls()]
        self.support_combo.setCurrentIndex(self.support_combo.findData(Support(facts.support).value))
        self.from_reseller.setChecked(facts.from_reseller)
        self.migrating.setChecked(facts.migrating)
        self.device_combo.setCurrentIndex(self.device_combo.findData(Device(facts.device).value))
        self.antivirus.setChecked(facts.antivirus)
        self.firewall.setChecked(facts.firewall)
        self.backup.setChecked(facts.backup)
        self.version_edit.setText(facts.version or "")
        key = next(key for key, value in _APP_APPROVAL.items() if value is facts.app_approved)
        self.app_combo.setCurrentIndex(self.app_combo.findData(key))
        self.manager_approved.setChecked(facts.manager_approved)
        del blockers
        self._update_antivirus()
        self._changed()

    def set_topic(self, topic: Topic | None) -> None:
        """Enable the questions `topic` asks; keep each version rule's text apart, so an
        operating system typed for one topic is not read as an Office version for another."""
        old_rule = self._topic.version_rule if self._topic else None
        new_rule = topic.version_rule if topic else None
        self._topic = topic
        with QSignalBlocker(self.version_edit):
            if old_rule is not None:
                self._versions[old_rule] = self.version_edit.text()
            if new_rule != old_rule:
                self.version_edit.setText(self._versions.get(new_rule, "") if new_rule else "")
        self.version_edit.setEnabled(new_rule is not None)
        if new_rule is None:
            self.version_edit.setPlaceholderText(_("Not needed for this topic"))
            self.version_edit.setToolTip(_("Only topics about an operating system, an e-mail program or Office "
                                           "depend on the version (terms §5)"))
        else:
            self.version_edit.setPlaceholderText(_("e.g. Windows 11, Office 2016, macOS 27"))
            self.version_edit.setToolTip(_("The version the customer has, as they say it (terms §5)"))
        condition = topic.condition if topic else None
        self.app_combo.setEnabled(condition == "app_approval")
        self.app_combo.setToolTip(_("Approved apps go to their vendor; unapproved apps are not covered "
                                    "(terms §4, §5)") if condition == "app_approval"
                                  else _("Only asked for third-party apps"))
        self.manager_approved.setEnabled(condition == "manager_approval")
        self.manager_approved.setToolTip(_("Permission changes need an authorised manager's digital approval "
                                           "(terms §4)") if condition == "manager_approval"
                                         else _("Only asked for permission changes"))
        self.show_version_note("", error=False)

    # --- the version's reading -----------------------------------------------------

    def show_version_note(self, text: str, error: bool) -> None:
        """Under the version field: how the version was read, or why it cannot be."""
        self._version_error = text if error else ""
        self.version_note.setText(_("⚠ {message}").format(message=text) if error and text else text)
        self.version_note.setVisible(bool(text))
        self.version_edit.setAccessibleDescription(self._version_error)
        self._colour_version_note()

    @property
    def version_error(self) -> str:
        return self._version_error

    def _colour_version_note(self) -> None:
        # Only the one role is set, so everything else (and a later palette) still comes from
        # the parent; without an error the label goes back to inheriting it all.
        palette = QPalette()
        if self._version_error:
            dark = self.palette().color(QPalette.ColorRole.Window).lightness() < 128
            palette.setColor(QPalette.ColorRole.WindowText, QColor(ERROR_ON_DARK if dark else ERROR_ON_LIGHT))
        self.version_note.setPalette(palette)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):  # light <-> dark: pick the readable red
            self._colour_version_note()

    # --- reacting to the agent ------------------------------------------------------

    def _update_antivirus(self, *_args) -> None:
        # terms §8 (003:122): antivirus "inte nödvändigt för Surfplatta eller Smartphone".
        computer = self.device_combo.currentData() == Device.COMPUTER.value
        self.antivirus.setEnabled(computer)
        self.antivirus.setToolTip(_("Required on every computer (terms §8)") if computer else
                                  _("Not required on tablets and smartphones: the terms do not ask for "
                                    "antivirus there (terms §8)"))

    def _changed(self, *_args) -> None:
        self.factsChanged.emit()
