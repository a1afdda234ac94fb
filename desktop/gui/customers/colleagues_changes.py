"""Customers & notice, when a colleague commits (issue 15, "Live").

- The open customer changed (or was deleted): the form keeps what is shown and typed,
  and says "Changed by Anna at 10:42. Reload" (never a silent replace; a save still meets
  the conflict dialog, docs/concurrent-editing.md). Reload asks first if there are edits.
- Only their subscriptions changed: the list follows by itself when nothing is typed in
  the form (the customer's details are the same); with edits in the form, the note.
- The subscription open in its dialog changed: the note in the dialog; Reload puts the
  colleague's version in the fields.
- The coming deadlines follow by themselves (ComingDeadlinesWidget), the search too
  (CustomerIndex).

Whether the open customer really changed is asked of the store (its version), so a
local file's broad "something changed" (no payload) shows no note for nothing.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from desktop.gui.operations import ChangedElsewhere, register
from desktop.gui.platform.store_worker import call_if_alive

if TYPE_CHECKING:
    from desktop.gui.customers.customers_view import CustomersView
    from domain.customers import CustomerRecord


class ColleaguesChanges(QObject):
    def __init__(self, view: CustomersView):
        super().__init__(view)
        self.view = view
        view.worker.changed_elsewhere.connect(self._on_elsewhere)
        view.form.elsewhere_note.reloadRequested.connect(self._reload_customer)

    def _on_elsewhere(self, news: ChangedElsewhere) -> None:
        record = self.view.record
        if record is None:
            return
        customer_id = record.customer.id
        if not (news.touches("customer", record_id=customer_id)
                or news.touches("subscription", customer_id=customer_id)):
            return
        notice = news.notice("customer", record_id=customer_id) or news.notice("subscription",
                                                                               customer_id=customer_id)
        self.view.worker.run(lambda store: register.get_customer(store, customer_id),
                             lambda fresh: self._compare(record, fresh, notice),
                             lambda _message: self._gone(customer_id, notice))

    def _say(self, note, notice) -> None:
        note.show_change(getattr(notice, "who", ""), getattr(notice, "at", None))

    def _compare(self, shown: CustomerRecord, fresh: CustomerRecord, notice) -> None:
        view = self.view
        if view.record is None or view.record.customer.id != fresh.customer.id:
            return  # the agent moved on meanwhile
        self._check_dialog(fresh, notice)
        if fresh.customer.version != shown.customer.version:
            self._say(view.form.elsewhere_note, notice)
        elif fresh.subscriptions != shown.subscriptions:
            if view.form.is_dirty():
                self._say(view.form.elsewhere_note, notice)
            else:
                view.show_latest(fresh)

    def _gone(self, customer_id: int, notice) -> None:
        record = self.view.record
        if record is not None and record.customer.id == customer_id:
            self._say(self.view.form.elsewhere_note, notice)

    def _check_dialog(self, fresh: CustomerRecord, notice) -> None:
        dialog = self.view.subscription_dialog
        if dialog is None or dialog.original is None:
            return
        theirs = next((s for s in fresh.subscriptions if s.id == dialog.original.id), None)
        if theirs is None or theirs.version != dialog.original.version:
            self._say(dialog.elsewhere_note, notice)
            if not getattr(dialog, "_live_connected", False):
                dialog._live_connected = True
                dialog.reloadRequested.connect(lambda: self._reload_subscription(dialog))

    def _reload_customer(self) -> None:
        record = self.view.record
        if record is not None:
            self.view.open_customer(record.customer.id)  # asks first when there are edits

    def _reload_subscription(self, dialog) -> None:
        subscription_id, customer_id = dialog.original.id, dialog.customer_id

        def read(fresh: CustomerRecord) -> None:
            theirs = next((s for s in fresh.subscriptions if s.id == subscription_id), None)
            if theirs is not None:
                call_if_alive(dialog.show_theirs, theirs)

        self.view.worker.run(lambda store: register.get_customer(store, customer_id), read)
