"""Customers & notice: find the customer as you type, see and correct their details and
subscriptions, and answer "by which day must we cancel, and what if we cancel today?"
with a message ready to paste.

Left: the search (or the coming deadlines), and the customer's details under it. Right:
who the customer is, their subscriptions, and the notice answer for the picked one.

Every read and write of the store goes through the worker; a save refreshes what it
changed (the customer, the coming deadlines; the shared search index follows by itself). Answers computed from
plain values (the search, the notice answer) run here, on the GUI thread.
"""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QFrame, QMessageBox, QScrollArea, QSplitter, QTabWidget, QVBoxLayout, QWidget

from desktop.common import i18n
from desktop.common.i18n import _, ngettext
from desktop.gui.customers.colleagues_changes import ColleaguesChanges
from desktop.gui.customers.coming_deadlines_widget import ComingDeadlinesWidget
from desktop.gui.customers.conflicts import ask_about_conflict
from desktop.gui.customers.customer_form_widget import CustomerFormWidget
from desktop.gui.customers.notice_panel_widget import NoticePanelWidget
from desktop.gui.customers.subscription_dialog import SubscriptionDialog
from desktop.gui.customers.subscriptions_widget import SubscriptionsWidget
from desktop.gui.operations import register
from desktop.gui.platform.settings import default_country
from desktop.gui.platform.store_worker import call_if_alive
from desktop.gui.widgets.admin_only import watch_role
from desktop.gui.widgets.customer_finder_widget import CustomerFinderWidget
from desktop.gui.widgets.retranslating import Retranslating
from desktop.gui.widgets.wrapped_label import name_heading, wrapped_label
from desktop.wording.notice import number_text
from domain.concurrent_edits import EditConflict

if TYPE_CHECKING:
    from desktop.gui.view_context import ViewContext
    from domain.customer_search import CustomerSearch
    from domain.customers import Customer, CustomerRecord, Subscription


class CustomersView(Retranslating, QWidget):
    registerLoaded = Signal()  # the search index is (re)built: searching finds the latest
    customerShown = Signal(object)  # the CustomerRecord now shown, or None
    customerSaved = Signal(object)  # the Customer as stored
    customerDeleted = Signal(int)
    subscriptionsChanged = Signal(object)  # the CustomerRecord after a subscription was saved or deleted

    def __init__(self, context: ViewContext, parent=None):
        super().__init__(parent)
        self.worker = context.worker
        self.hours = context.hours
        self.clock = context.clock
        self.record: CustomerRecord | None = None
        self._requested: int | None = None  # the customer last asked for: only its answer is shown
        self._shown_today: dt.date | None = None  # the day the table and the answer count from
        self._new_country: str | None = None  # a new customer's form is shown (in this country)
        self.confirm_box: QMessageBox | None = None  # the question a delete asks, while it is open
        self.subscription_dialog: SubscriptionDialog | None = None
        self.conflict_dialog = None  # a colleague's version beside the agent's, while asked (conflicts.py)

        self._build(context.customer_index)
        self._lay_out()
        self._connect()
        self.colleagues = ColleaguesChanges(self)  # their commits, as they happen (issue 15, "Live")
        self.retranslate()
        self._show_record(None)
        self.finder.reload()  # the deadlines load when their tab is first shown

    def _build(self, customer_index) -> None:
        # --- left: find a customer (or the coming deadlines), and their details -------------
        self.finder = CustomerFinderWidget(customer_index, self)
        self.deadlines = ComingDeadlinesWidget(self.worker, self.today, self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.finder, "")
        self.tabs.addTab(self.deadlines, "")
        self.tabs.setMinimumWidth(320)
        self.form = CustomerFormWidget(self)

        # --- right: who it is, their subscriptions, the notice answer ----------------------
        self.hint_label = wrapped_label(self)
        self.name_label = name_heading(self)
        self.facts_label = wrapped_label(self, selectable=True)
        self.subscriptions_box = SubscriptionsWidget(self)
        self.notice = NoticePanelWidget(self)

        # The parts tests and other views reach for by name.
        self.search_edit, self.new_button = self.finder.search_edit, self.finder.new_button
        self.customers, self.customer_table, self.list_note = self.finder.model, self.finder.table, self.finder.note
        self.subscriptions, self.subscription_table = self.subscriptions_box.model, self.subscriptions_box.table
        self.add_button, self.change_button = self.subscriptions_box.add_button, self.subscriptions_box.change_button
        self.delete_subscription_button = self.subscriptions_box.delete_button
        self.subscriptions_note = self.subscriptions_box.note

    def _lay_out(self) -> None:
        left = QWidget(self)
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 4, 0)
        left_column.setSpacing(10)
        left_column.addWidget(self.tabs, 1)
        left_column.addWidget(self.form)
        details = QWidget(self)
        column = QVBoxLayout(details)
        column.setContentsMargins(4, 0, 4, 0)
        column.setSpacing(10)
        for widget in (self.hint_label, self.name_label, self.facts_label, self.subscriptions_box, self.notice):
            column.addWidget(widget)
        column.addStretch(1)
        self.details_scroll = QScrollArea(self)  # on a small screen the details scroll, the search stays
        self.details_scroll.setWidgetResizable(True)
        self.details_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.details_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.details_scroll.setWidget(details)
        # 440: with the navigation in Finnish (its longest labels) the window still fits a
        # 1024-pixel-wide screen (tests/desktop/gui/test_main_window.py).
        self.details_scroll.setMinimumWidth(440)
        # The agent may give the list more room (long names) or the answer more room.
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.details_scroll)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([450, 670])
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 12, 12, 12)
        outer.addWidget(self.splitter)

        # Reading order: find, pick, the customer's details, the subscriptions, the answer.
        order = [self.tabs, self.search_edit, self.new_button, self.customer_table, *self.form.controls(),
                 *self.subscriptions_box.controls(), self.notice.on_edit, self.notice.today_button,
                 self.notice.language_combo, self.notice.message_edit, self.notice.copy_button]
        for before, after in zip(order, order[1:]):
            self.setTabOrder(before, after)

    def _connect(self) -> None:
        self.finder.loaded.connect(self._on_register_loaded)
        self.finder.customerPicked.connect(self.open_customer)
        self.finder.newRequested.connect(self.new_customer)
        self.finder.detailsRequested.connect(lambda: self.form.name_edit.setFocus(Qt.FocusReason.OtherFocusReason))
        self.deadlines.openRequested.connect(self.open_customer)
        self.form.saveRequested.connect(self._save_customer)
        self.form.deleteRequested.connect(self.ask_delete_customer)
        watch_role(self.worker, self.form.set_admin)  # issue 15: deleting a customer is an administrator's
        self.subscriptions_box.picked.connect(self._show_notice)
        self.subscriptions_box.addRequested.connect(self.add_subscription)
        self.subscriptions_box.changeRequested.connect(self.change_subscription)
        self.subscriptions_box.deleteRequested.connect(self.ask_delete_subscription)
        self.notice.answerChanged.connect(lambda _answer: self._refit())
        self.details_scroll.viewport().installEventFilter(self)
        self.hours.loaded.connect(self._on_hours_loaded)
        self.hours.ticked.connect(self._on_tick)

    def retranslate(self) -> None:
        """The view's own texts in the current language (its parts re-read theirs on the
        same event); the customer, the subscription and the day asked stay as they are."""
        self.tabs.setAccessibleName(_("Find customers or coming deadlines"))
        self.tabs.setTabText(self.tabs.indexOf(self.finder), _("Customers"))
        self.tabs.setTabText(self.tabs.indexOf(self.deadlines), _("Coming deadlines"))
        self.hint_label.setAccessibleName(_("How to use the customer register"))
        self.hint_label.setText(_("Find the customer on the left by name, org number, phone or e-mail, or add a "
                                  "new one with New customer. The coming deadlines tab lists the subscriptions "
                                  "whose notice deadline is near."))
        self.name_label.setAccessibleName(_("Customer"))
        self.facts_label.setAccessibleName(_("Customer at a glance"))
        self._show_heading()
        self._refit()

    # --- for other views (the call workflow opens a customer) -------------------------------

    @property
    def is_loaded(self) -> bool:
        return self.finder.is_loaded

    @property
    def search(self) -> CustomerSearch | None:
        return self.finder.search

    def today(self, country: str | None = None) -> dt.date:
        """Today in the country desk's zone (the customer's), else on this computer's clock."""
        policy = self.hours.policies.get(country) if country else None
        now = self.clock()
        return (now.astimezone(policy.desk.zone) if policy is not None else now.astimezone()).date()

    def open_customer(self, customer_id: int, subscription_id: int | None = None) -> None:
        """Show the customer (and pick the subscription, with its notice answer)."""
        def proceed() -> None:
            self._requested = customer_id
            self.worker.run(lambda store: (register.get_customer(store, customer_id), subscription_id), self._on_record)

        self._unless_unsaved_edits(proceed)

    def _unless_unsaved_edits(self, proceed) -> None:
        """Edits in the form are never thrown away silently: with unsaved changes, ask first;
        "Keep editing" (the default) leaves the form and the list as they were."""
        if not (self.form.isVisible() and self.form.is_dirty()):
            proceed()
            return
        name = self.form.customer().name.strip() or _("the new customer")

        def keep_editing() -> None:
            self.finder.mark(self.record.customer.id if self.record is not None else None)

        self._confirm(_("Unsaved changes"), _("The changes to {name} are not saved. Discard them?").format(name=name),
                      proceed, yes_text=_("Discard changes"), no_text=_("Keep editing"), on_no=keep_editing)

    def unsaved_changes(self) -> list[str]:
        """What the agent has entered here and not saved yet, one line each (asked before quitting)."""
        found = []
        if self.form.isVisibleTo(self) and self.form.is_dirty():
            found.append(_("Customer details: {name}").format(name=self.form.customer().name.strip()
                                                               or _("New customer")))
        dialog = self.subscription_dialog
        if dialog is not None and dialog.is_dirty():
            found.append(_("Subscription: {product}").format(product=dialog.subscription().product
                                                             or _("New subscription")))
        return found

    def open_row(self, row: int) -> None:
        """Open the customer on `row` of the search list, as a click does."""
        self.finder.open_row(row)

    def answer_record(self):
        """The notice answer shown now (desktop.wording.answer_record), or None."""
        return self.notice.answer_record()

    def current_subscription(self) -> Subscription | None:
        return self.subscriptions_box.current() if self.record is not None else None

    def select_subscription(self, subscription_id: int) -> None:
        self.subscriptions_box.select(subscription_id)
        self._show_notice()

    def _on_register_loaded(self) -> None:
        self.registerLoaded.emit()

    # --- the customer ----------------------------------------------------------------------

    def _on_record(self, result: tuple[CustomerRecord, int | None]) -> None:
        record, subscription_id = result
        if record.customer.id != self._requested:
            return  # the agent moved on (arrowing down the list): only the last one asked is shown
        self._show_record(record, subscription_id)

    def _show_record(self, record: CustomerRecord | None, subscription_id: int | None = None,
                     new_country: str | None = None) -> None:
        """Show `record`; None with `new_country` is a new customer's empty form, None alone is nothing."""
        previous, self.record = self.record, record
        self._new_country = new_country if record is None else None
        editing_new = self._new_country is not None
        shown = record is not None or editing_new
        self.hint_label.setVisible(not shown)
        for widget in (self.form, self.subscriptions_box, self.name_label, self.facts_label):
            widget.setVisible(shown)
        # Without a subscription there is nothing to answer: the subscriptions box says so.
        self.notice.setVisible(record is not None and bool(record.subscriptions))
        self._show_heading()
        if record is not None:
            customer = record.customer
            self.form.set_customer(customer)
            self.finder.mark(customer.id)
            same = previous is not None and previous.customer.id == customer.id
            current = self.subscriptions_box.current() if same else None
            wanted = subscription_id if subscription_id is not None else (current.id if current else None)
            self.subscriptions_box.show_record(record, self.today(customer.country), wanted)
            # The same subscription of the same customer again (after a save): keep the day asked.
            self._show_notice(keep_day=same and current is not None and subscription_id is None)
        else:
            if editing_new:
                self.form.set_customer(None, country=new_country)
            self.finder.mark(None)
            self.subscriptions_box.show_record(None, self.today())
            self._show_notice()
        self._refit()
        self.customerShown.emit(record)

    def show_latest(self, record: CustomerRecord) -> None:
        """The customer as stored now, when nothing typed is in the way (colleagues_changes.py)."""
        if self._requested == record.customer.id:
            self._show_record(record)

    def _show_heading(self) -> None:
        """Who is shown: the customer's name and facts, or a new customer's first steps."""
        if self.record is not None:
            self.name_label.setText(self.record.customer.name)
            self.facts_label.setText(_facts_text(self.record.customer))
        elif self._new_country is not None:
            self.name_label.setText(_("New customer"))
            self.facts_label.setText(_("Fill in the details on the left and save; then add the subscriptions."))
        else:
            self.name_label.setText("")
            self.facts_label.setText("")

    def new_customer(self) -> None:
        """An empty form for a new customer (in the country of the one shown, if any)."""
        def proceed() -> None:
            country = self.record.customer.country if self.record is not None else default_country()
            self._requested = None  # a customer still on its way from the store is not shown over the form
            self._show_record(None, new_country=country)
            self.form.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)

        self._unless_unsaved_edits(proceed)

    def _save_customer(self, customer: Customer) -> None:
        self._write_customer(customer, self.form.original)

    def _write_customer(self, customer: Customer, base: Customer | None) -> None:
        """Save `customer`, built on `base`: the customer as opened, or as a colleague saved it
        when the agent chose to merge or overwrite (a third agent's save is asked about again)."""
        self._requested = customer.id
        self.form.show_status(lambda: _("Saving…"))

        def written(result: CustomerRecord | EditConflict) -> None:
            if not isinstance(result, EditConflict):
                self._on_customer_saved(result)
                return
            # Said until the agent answers, and after Cancel: the form keeps what was typed.
            self.form.show_status(lambda: _("Not saved: {reason}").format(reason=_(result.message)))
            ask_about_conflict(self, result, base, write=lambda record: self._write_customer(record, result.theirs),
                               take_theirs=lambda: self._show_theirs(result.record_id))

        self.worker.run(lambda store: register.save_customer(store, customer), written,
                        self._on_customer_save_failed)

    def _show_theirs(self, customer_id: int) -> None:
        """The agent took a colleague's version: show the customer as stored now."""
        def shown(record: CustomerRecord) -> None:
            if self._requested == record.customer.id:
                self._show_record(record)
                self.form.show_status(lambda: _("Their version is shown; what you typed was not saved."))

        self._requested = customer_id
        self.worker.run(lambda store: register.get_customer(store, customer_id), shown)

    def _on_customer_saved(self, record: CustomerRecord) -> None:
        if self._requested in (None, record.customer.id):  # unless the agent has moved on meanwhile
            self._requested = record.customer.id
            self._show_record(record)
            self.form.show_status(lambda: _("Saved."))
        # The search follows by itself: the save said it changed customers (CustomerIndex).
        self.deadlines.reload()  # the name shows in the deadlines
        self.customerSaved.emit(record.customer)

    def _on_customer_save_failed(self, message: str) -> None:
        self.form.show_status(lambda: _("Not saved: {reason}").format(reason=_(message)))

    def ask_delete_customer(self) -> None:
        record = self.record
        if record is None:
            return
        count = len(record.subscriptions)
        if count:
            text = ngettext("Delete “{name}” and its {n} subscription? This cannot be undone.",
                            "Delete “{name}” and its {n} subscriptions? This cannot be undone.",
                            count).format(name=record.customer.name, n=count)
        else:
            text = _("Delete “{name}”? It has no subscriptions. This cannot be undone.").format(
                name=record.customer.name)
        self._confirm(_("Delete customer"), text, lambda: self._delete_customer(record.customer))

    def _delete_customer(self, customer: Customer) -> None:
        """Delete the customer as the agent saw it; changed by a colleague since, ask again."""
        def deleted(result: int | EditConflict) -> None:
            if isinstance(result, EditConflict):
                ask_about_conflict(self, result, customer, write=self._delete_customer,
                                   take_theirs=lambda: self._show_theirs(result.record_id))
            else:
                self._on_customer_deleted(result)

        self.worker.run(lambda store: register.delete_customer(store, customer.id, customer.version), deleted)

    def _on_customer_deleted(self, customer_id: int) -> None:
        if self.record is not None and self.record.customer.id == customer_id:
            self._show_record(None)
        self.deadlines.reload()
        self.customerDeleted.emit(customer_id)

    def _confirm(self, title: str, text: str, on_yes, yes_text: str | None = None, no_text: str | None = None,
                 on_no=None) -> None:
        """Ask before something that cannot be undone; the safe answer is the default."""
        box = QMessageBox(QMessageBox.Icon.Warning, title, text,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self)
        box.button(QMessageBox.StandardButton.Yes).setText(yes_text or _("Delete"))
        if no_text:
            box.button(QMessageBox.StandardButton.Cancel).setText(no_text)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAccessibleName(title)

        def finished(_result: int) -> None:
            self.confirm_box = None
            if box.clickedButton() is box.button(QMessageBox.StandardButton.Yes):
                on_yes()
            elif on_no is not None:
                on_no()
            box.deleteLater()

        box.finished.connect(finished)
        self.confirm_box = box
        box.open()  # window-modal, and the event loop goes on (tests answer it as a user does)

    # --- the notice answer -------------------------------------------------------------------

    def _show_notice(self, keep_day: bool = False) -> None:
        record = self.record
        if record is None:
            self.notice.clear(lambda: _("Pick a customer to see their notice deadlines."))
            return
        subscription = self.current_subscription()
        if subscription is None:
            self.notice.clear(lambda: _("Pick a subscription to see its notice deadline and how to cancel."))
            return
        country = record.customer.country
        self._shown_today = self.today(country)
        policy = self.hours.policies.get(country)
        if policy is None and self.hours.answerer is None:
            self.notice.clear(lambda: _("Loading the desks…"))  # the closed-day warning needs the desk calendar
            return
        self.notice.show_subscription(record.customer, subscription, policy, self._shown_today, keep_day=keep_day)

    def _on_hours_loaded(self) -> None:
        """The desks (re)loaded, e.g. an administrator's new closed day: answer again, same day asked."""
        self._show_notice(keep_day=True)

    def _on_tick(self) -> None:
        """At midnight "today" moves on: the next deadlines, the days left and the default day with it."""
        record = self.record
        if record is None or self._shown_today is None:
            return
        today = self.today(record.customer.country)
        if today == self._shown_today:
            return
        asked_today = self.notice.notice_day() == self._shown_today
        current = self.current_subscription()
        self.subscriptions_box.show_record(record, today, current.id if current else None)
        self._show_notice(keep_day=not asked_today)

    def _refit(self) -> None:
        """Wrapped texts changed height: let the scroll area measure the details again.

        QScrollArea sizes its widget from the widget's height-for-width, but only when it
        is asked to lay out again; new text in a wrapped label does not ask it, and the
        boxes would be squeezed instead of scrolled. A posted request runs after every
        label of this change has its text."""
        self.details_scroll.widget().layout().invalidate()
        QCoreApplication.postEvent(self.details_scroll, QEvent(QEvent.Type.LayoutRequest))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.details_scroll.viewport() and event.type() == QEvent.Type.Resize:
            if self.notice.fit_width(event.size().width()):
                self._refit()
            self.subscriptions_box.fit_height()
        return super().eventFilter(watched, event)

    # --- subscriptions ----------------------------------------------------------------------

    def add_subscription(self) -> None:
        if self.record is not None:
            self._open_subscription_dialog(None)

    def change_subscription(self) -> None:
        subscription = self.current_subscription()
        if subscription is not None:
            self._open_subscription_dialog(subscription)

    def _open_subscription_dialog(self, subscription: Subscription | None) -> None:
        record = self.record
        assert record is not None
        today = self.today(record.customer.country)
        dialog = SubscriptionDialog(record.customer.id, today, subscription, record.customer.name, self)

        def save(edited: Subscription, base: Subscription | None = subscription) -> None:
            # The dialog stays open until the store has it: a failed save is said there,
            # everything entered still in place; so is a colleague's change, asked about over it.
            def saved(result: tuple[Subscription | None, CustomerRecord] | EditConflict) -> None:
                if isinstance(result, EditConflict):
                    call_if_alive(self._ask_about_subscription, (dialog, result, base, save))
                    return
                call_if_alive(self._on_subscriptions_changed, result)
                call_if_alive(dialog.saved, None)

            self.worker.run(lambda store: register.save_subscription(store, edited, today), saved,
                            dialog.show_failure)

        dialog.open_for(self, "subscription_dialog", lambda edited: save(edited))

    def _ask_about_subscription(self, question: tuple) -> None:
        """A colleague saved the subscription after the dialog opened: theirs beside it.
        Cancel leaves the dialog as typed, saying why it is not saved; taking theirs closes it."""
        dialog, conflict, base, save = question
        if not shiboken6.isValid(dialog):
            return

        def take_theirs() -> None:
            dialog.reject()
            self._reload_subscriptions(conflict.theirs.customer_id)

        ask_about_conflict(self, conflict, base, parent=dialog, write=lambda record: save(record, conflict.theirs),
                           take_theirs=take_theirs, cancel=lambda: dialog.show_failure(_(conflict.message)))

    def _reload_subscriptions(self, customer_id: int) -> None:
        self.worker.run(lambda store: (None, register.get_customer(store, customer_id)), self._on_subscriptions_changed)

    def _on_subscriptions_changed(self, result: tuple[Subscription | None, CustomerRecord]) -> None:
        saved, record = result
        if self._requested == record.customer.id:  # unless the agent has moved on meanwhile
            self._show_record(record, saved.id if saved is not None else None)
        self.deadlines.reload()
        self.subscriptionsChanged.emit(record)

    def ask_delete_subscription(self) -> None:
        subscription, record = self.current_subscription(), self.record
        if subscription is None or record is None:
            return
        text = ngettext("Delete the subscription “{product}” ({n} seat) of “{name}”? This cannot be undone.",
                        "Delete the subscription “{product}” ({n} seats) of “{name}”? This cannot be undone.",
                        subscription.seats).format(product=subscription.product,
                                                   n=number_text(subscription.seats), name=record.customer.name)
        self._confirm(_("Delete subscription"), text, lambda: self._delete_subscription(subscription))

    def _delete_subscription(self, subscription: Subscription) -> None:
        """Delete the subscription as the agent saw it; changed by a colleague since, ask again."""
        def deleted(result: tuple[None, CustomerRecord] | EditConflict) -> None:
            if isinstance(result, EditConflict):
                ask_about_conflict(self, result, subscription, write=self._delete_subscription,
                                   take_theirs=lambda: self._reload_subscriptions(subscription.customer_id))
            else:
                self._on_subscriptions_changed(result)

        self.worker.run(lambda store: register.delete_subscription(store, subscription.id, subscription.customer_id,
                                                                   subscription.version), deleted)


def _facts_text(customer: Customer) -> str:
    """"Denmark · 25 31 37 63 · Søren Østergaard · +45 33 12 34 56 · soren@… · Unified Support"."""
    from desktop.wording.notice import offering_text
    from desktop.wording.phones import phone_text
    from domain.customers import Offering

    parts = [i18n.country_name(customer.country), customer.org_number, customer.contact,
             phone_text(customer.phone, customer.country), customer.email]
    if customer.offering != Offering.NONE:
        parts.append(offering_text(Offering(customer.offering)))
    return " · ".join(part for part in parts if part)

