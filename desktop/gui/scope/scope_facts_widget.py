"""What the agent knows about the customer, as domain.scope.CustomerFacts.

Prefilled with the usual case (CustomerFacts() defaults). The questions that only some
topics ask (the product version, a third-party app's approval, a manager's approval)
are enabled for those topics only, so the form never asks what cannot matter.
On a language switch the labels, items and hints are said again; every choice stays.
"""
from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QWidget,
)

from desktop.common.i18n import _
from desktop.gui.widgets.buddy_label import buddy_label
from desktop.gui.widgets.retranslating import Retranslating
from domain.scope import CustomerFacts, Device, Support, Topic

# Red that reads on the window colour: darker on a light palette, lighter on a dark one
# (no single red has 4.5:1 contrast against both white and near-black).
ERROR_ON_LIGHT = "#b71c1c"
ERROR_ON_DARK = "#ff8a80"

_APP_APPROVAL = {"unknown": None, "yes": True, "no": False}


def _combo(parent: QWidget, values: list[str]) -> QComboBox:
    combo = QComboBox(parent)
    for value in values:
        combo.addItem("", value)
    return combo


def _name_items(combo: QComboBox, texts: dict[str, str]) -> None:
    """Each item's text by its value, in place: the current choice stays chosen."""
    for value, text in texts.items():
        combo.setItemText(combo.findData(value), text)


def _wrapped_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    return label


class ScopeFactsWidget(Retranslating, QGroupBox):
    factsChanged = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._topic: Topic | None = None
        self._versions: dict[str, str] = {}  # version text per version rule, kept across topics
        self._version_error = ""

        # The combos hold the enums' values: Qt hands a str-based enum back as a plain str.
        # Their item texts are set in retranslate(), by value.
        self.support_combo = _combo(self, [Support.END_USER.value, Support.SOFTWARE_ONLY.value])
        self.from_reseller = QCheckBox(self)
        self.migrating = QCheckBox(self)
        self.device_combo = _combo(self, [Device.COMPUTER.value, Device.TABLET.value, Device.SMARTPHONE.value])
        self.antivirus = QCheckBox(self)
        self.firewall = QCheckBox(self)
        self.backup = QCheckBox(self)
        self.version_edit = QLineEdit(self)
        self.version_edit.setClearButtonEnabled(True)
        self.version_note = _wrapped_label(self)  # "Read as Windows XP", or the error in red
        self.app_combo = _combo(self, list(_APP_APPROVAL))
        self.manager_approved = QCheckBox(self)
        # Labels not word-wrapped: a form label wraps too early; these are short, and the
        # column is as wide as its longest line (a check box) anyway.
        self.support_label = buddy_label(self.support_combo, self)
        self.device_label = buddy_label(self.device_combo, self)
        self.version_label = buddy_label(self.version_edit, self)
        self.app_label = buddy_label(self.app_combo, self)

        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # labels above: room for long texts
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.support_label, self.support_combo)
        form.addRow(self.from_reseller)
        form.addRow(self.migrating)
        form.addRow(self.device_label, self.device_combo)
        form.addRow(self.antivirus)
        form.addRow(self.firewall)
        form.addRow(self.backup)
        form.addRow(self.version_label, self.version_edit)
        form.addRow(self.version_note)
        form.addRow(self.app_label, self.app_combo)
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
        self.retranslate()

    def retranslate(self) -> None:
        # The version note is the view's: it says it again itself.
        self.setTitle(_("Customer facts"))
        self.setAccessibleName(_("Customer facts"))
        _name_items(self.support_combo, {Support.END_USER.value: _("End-user support"),
                                         Support.SOFTWARE_ONLY.value: _("Software only (no end-user support)")})
        self.support_combo.setAccessibleName(_("Support included in the licence"))
        self.support_combo.setToolTip(_("Licences without end-user support get help for the superuser only "
                                        "(terms §4)"))
        self.support_label.setText(_("&Support:"))
        self.from_reseller.setText(_("Licences &bought from us (the reseller)"))
        self.from_reseller.setAccessibleName(_("Licences bought from the reseller"))
        self.from_reseller.setToolTip(_("End-user support requires licences bought from us or our group "
                                        "(terms §4)"))
        self.migrating.setText(_("&Migration to Office 365 in progress"))
        self.migrating.setAccessibleName(_("Migration to Office 365 in progress"))
        self.migrating.setToolTip(_("End-user support is not active during a migration (terms §4)"))
        _name_items(self.device_combo, {Device.COMPUTER.value: _("Computer"), Device.TABLET.value: _("Tablet"),
                                        Device.SMARTPHONE.value: _("Smartphone")})
        self.device_combo.setAccessibleName(_("Device the problem is on"))
        self.device_label.setText(_("&Device:"))
        self.antivirus.setText(_("Anti&virus active"))
        self.antivirus.setAccessibleName(_("Antivirus active"))
        self.firewall.setText(_("F&irewall active"))
        self.firewall.setAccessibleName(_("Firewall active"))
        self.firewall.setToolTip(_("Required on every device (terms §8)"))
        self.backup.setText(_("Current bac&kup of the device"))
        self.backup.setAccessibleName(_("Current backup of the device"))
        self.backup.setToolTip(_("Required on every device (terms §8)"))
        self.version_edit.setAccessibleName(_("Product version"))
        self.version_label.setText(_("Product ve&rsion:"))
        self.version_note.setAccessibleName(_("Product version check"))
        _name_items(self.app_combo, {"unknown": _("Not known"), "yes": _("Yes, approved by us"),
                                     "no": _("No, not approved")})
        self.app_combo.setAccessibleName(_("Third-party app approved by us"))
        self.app_label.setText(_("Third-party &app approved:"))
        self.manager_approved.setText(_("Ma&nager's digital approval given"))
        self.manager_approved.setAccessibleName(_("Manager's digital approval given"))
        self._ask_topic_questions()
        self._update_antivirus()

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

    def start_fresh(self, facts: CustomerFacts) -> None:
        """A new call's facts: no topic, and no version typed for the previous customer
        kept to come back when a topic asks again (issue 16)."""
        self.set_topic(None)
        self._versions.clear()
        self.set_facts(facts)

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
        self._ask_topic_questions()
        self.show_version_note("", error=False)

    def _ask_topic_questions(self) -> None:
        """Enable the questions the topic asks, each with its hint in the current language."""
        topic = self._topic
        self.version_edit.setEnabled(topic is not None and topic.version_rule is not None)
        if topic is None or topic.version_rule is None:
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

    # --- the version's reading -----------------------------------------------------

    def show_version_note(self, text: str, error: bool) -> None:
        """Under the version field: how the version was read, or why it cannot be."""
        self._version_error = text if error else ""
        self.version_note.setText(_("⚠ {message}").format(message=text) if error and text else text)
        self.version_note.setVisible(bool(text))
        self.version_edit.setAccessibleDescription(self._version_error)
        self.recolour()

    @property
    def version_error(self) -> str:
        return self._version_error

    def recolour(self) -> None:
        """The version note's red, readable on the palette (light <-> dark)."""
        # Only the one role is set, so everything else (and a later palette) still comes from
        # the parent; without an error the label goes back to inheriting it all.
        palette = QPalette()
        if self._version_error:
            dark = self.palette().color(QPalette.ColorRole.Window).lightness() < 128
            palette.setColor(QPalette.ColorRole.WindowText, QColor(ERROR_ON_DARK if dark else ERROR_ON_LIGHT))
        self.version_note.setPalette(palette)

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
