"""The flow of a phone call, across the views: find the customer (Ctrl+F), open the
scope check, notice answer or escalation prefilled from the customer card, copy the
answer's summary for the ticket (Ctrl+Shift+C), save it to the customer's journal
(Ctrl+J), and jump anywhere by typing (Ctrl+K).

Kept out of main_window.py: the window lays out views; this knows how they work
together. It is built after the first paint (nothing here is needed to show a window).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QMenu, QToolBar, QToolButton

from desktop.common import i18n
from desktop.common.i18n import _
from desktop.gui.platform.store_worker import call_if_alive

if TYPE_CHECKING:
    from desktop.gui.call.call_view import CallRequest
    from desktop.gui.main_window import MainWindow

STATUS_MS = 5000  # how long a "copied" or "saved" note stays in the status bar
PALETTE_CUSTOMERS = 8  # customers listed in the palette for what is typed
PALETTE_TOPICS = 8
NAME_CHARS = 56  # a customer name in the toolbar, in average characters: the actions stay visible at 1024


class CallWorkflow(QObject):
    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.find_action = self._action(QKeySequence.StandardKey.Find, self.find_customer)
        self.palette_action = self._action(QKeySequence("Ctrl+K"), self.open_palette)
        self.copy_action = self._action(QKeySequence("Ctrl+Shift+C"), self.copy_summary)
        self.journal_action = self._action(QKeySequence("Ctrl+J"), self.save_to_journal)
        self.settings_action = self._action(QKeySequence.StandardKey.Preferences, self.open_settings)
        if self.settings_action.shortcut().isEmpty():  # Windows has no standard one
            self.settings_action.setShortcut(QKeySequence("Ctrl+,"))

        self.call_menu = QMenu(window)
        window.menuBar().insertMenu(window.language_menu.menuAction(), self.call_menu)
        for action in (self.find_action, self.palette_action, None, self.copy_action, self.journal_action, None,
                       self.settings_action):
            self.call_menu.addSeparator() if action is None else self.call_menu.addAction(action)

        self.toolbar = QToolBar(window)
        self.toolbar.setObjectName("callToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setFloatable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.customer_label = QLabel(self.toolbar)
        self.customer_label.setContentsMargins(8, 0, 12, 0)
        self.toolbar.addWidget(self.customer_label)
        for action in (self.find_action, self.copy_action, self.journal_action, self.palette_action):
            self.toolbar.addAction(action)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)
        self.palette = None  # built on first use
        self.journal_dialog = None  # "Save to journal", while it is open

        call_view = self.call_view()
        # The views opened from a card, and for which customer (issue 16: state follows the customer).
        self._opened_for: dict[str, int] = {}
        call_view.customerOpened.connect(self._on_customer_opened)
        call_view.scopeRequested.connect(self.open_scope)
        call_view.noticeRequested.connect(self.open_notice)
        call_view.escalationRequested.connect(self.open_escalation)
        # Issue 19: the card's Claim… (the call view hands on the other three; this one is read
        # from the card directly, the customer it shows being the one on the call).
        call_view.card_widget.claimRequested.connect(self.open_claim)
        self._watching_claims = False
        window.installEventFilter(self)
        self._watching_customers = False
        window.stack.currentChanged.connect(self._watch_customers)
        window.stack.currentChanged.connect(self._watch_claims)
        self._watch_customers()
        self.retranslate()

    def _watch_customers(self, *_args) -> None:
        """A customer changed or deleted in the register view: the open card shows it at
        once (the search follows by itself: CustomerIndex). The views are built lazily:
        connect once it exists."""
        customers = self.window.views.get("customers")
        if customers is None or self._watching_customers:
            return
        self._watching_customers = True
        reload = self.call_view().reload_card
        customers.customerSaved.connect(lambda _customer: reload())
        customers.customerDeleted.connect(lambda _customer_id: reload())

    def _watch_claims(self, *_args) -> None:
        """The claims view's Save to journal button does what Ctrl+J does (once the view exists)."""
        claims = self.window.views.get("claims")
        if claims is None or self._watching_claims:
            return
        self._watching_claims = True
        claims.journalRequested.connect(self.save_to_journal)

    def _action(self, keys, slot) -> QAction:
        action = QAction(self.window)
        action.setShortcut(keys)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        return action

    def retranslate(self) -> None:
        self.call_menu.setTitle(_("&Call"))
        texts = {
            self.find_action: (_("&Find customer"), _("Find a customer by name, organisation number, phone or e-mail")),
            self.palette_action: (_("Go &to…"), _("Jump to a view, a customer or a scope topic by typing")),
            self.copy_action: (_("&Copy summary"), _("Copy the answer on screen for the ticket, in the customer's "
                                                    "language")),
            self.journal_action: (_("Save to &journal…"), _("Save the answer on screen to the customer's journal")),
            self.settings_action: (_("&Settings…"), _("Your name, default country, language, theme")),
        }
        for action, (text, tip) in texts.items():
            action.setText(text)
            shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{tip} ({shortcut})" if shortcut else tip)
        self.toolbar.setWindowTitle(_("Call"))
        self.toolbar.setAccessibleName(_("Call"))
        for button in self.toolbar.findChildren(QToolButton):
            if button.defaultAction() is not None:
                button.setAccessibleName(button.defaultAction().text().replace("&", ""))
        self._show_customer()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    # --- the customer on the call --------------------------------------------------------

    def call_view(self):
        return self.window.view("call")

    def customer(self):
        """The customer on the call (the card open in the call view), or None."""
        card = self.call_view().current_card
        return card.customer if card is not None else None

    def customer_language(self) -> str:
        customer = self.customer()
        return i18n.COUNTRY_LANGUAGES.get(customer.country, "en") if customer is not None else "en"

    def _show_customer(self) -> None:
        customer = self.customer()
        full = (_("On the call: {name}").format(name=customer.name) if customer is not None
                else _("No customer open"))
        shown = full
        if customer is not None:
            # Issue 16: a long name pushed the toolbar's actions into its overflow menu; it
            # is cut to NAME_CHARS average characters, the whole name in the tool tip.
            metrics = self.customer_label.fontMetrics()
            name = metrics.elidedText(customer.name, Qt.TextElideMode.ElideRight,
                                      metrics.averageCharWidth() * NAME_CHARS)
            shown = _("On the call: {name}").format(name=name)
        self.customer_label.setText(shown)
        self.customer_label.setToolTip(full if shown != full else "")
        self.customer_label.setAccessibleName(full)

    def find_customer(self) -> None:
        self.window.show_view("call")
        self.call_view().focus_search()

    # --- from the card to a prefilled view -------------------------------------------------

    def open_scope(self, request: CallRequest) -> None:
        from domain.scope import CustomerFacts, Support

        subscription = request.subscription
        facts = CustomerFacts() if subscription is None else CustomerFacts(
            support=Support.END_USER if subscription.end_user_support else Support.SOFTWARE_ONLY,
            from_reseller=subscription.from_reseller)
        view = self.window.show_view("scope")
        view.start_fresh(facts, self.customer_language())
        self._opened_for["scope"] = request.card.customer.id
        view.search_edit.setFocus()

    def open_notice(self, request: CallRequest) -> None:
        view = self.window.show_view("customers")
        subscription = request.subscription
        # Fresh by itself: a subscription asked for is answered for today (not the day asked before).
        view.open_customer(request.card.customer.id, subscription.id if subscription is not None else None)
        view.notice.set_language(self.customer_language())

    def open_escalation(self, request: CallRequest) -> None:
        customer = request.card.customer
        view = self.window.show_view("escalation")
        self._fresh_escalation(view)
        view.set_question(customer.country, customer.offering.value, customer.id)
        self._opened_for["escalation"] = customer.id

    def open_claim(self) -> None:
        """The claims view, fresh for the customer on the card: their country's clock, their
        language, a new outage (docs/call-workflow.md, "Starting fresh for each customer")."""
        card = self.call_view().current_card
        if card is None:
            return
        customer = card.customer
        view = self.window.show_view("claims")
        view.start_fresh(customer.country, self.customer_language())
        self._opened_for["claims"] = customer.id
        view.form.service_combo.setFocus()

    @staticmethod
    def _fresh_escalation(view) -> None:
        """The previous call's severity, Azure product and typed opening time are not this
        customer's (issue 16): the questions start again, opened now."""
        view.form.azure_check.setChecked(False)
        view.form.follow_clock()
        view.severity.restart()

    def _on_customer_opened(self, card) -> None:
        """Another customer on the call: a check still showing what was opened for the
        previous one starts fresh, so Ctrl+J can never save it to this customer's journal
        (issue 16). A check the agent made with no customer open stays theirs to save."""
        self._show_customer()
        focused = QApplication.focusWidget()  # the agent stays where they are (the severity asks for it)
        for key, customer_id in list(self._opened_for.items()):
            if customer_id == card.customer.id:
                continue
            del self._opened_for[key]
            view = self.window.views.get(key)
            if view is None:
                continue
            if key == "scope":
                view.start_fresh()
            elif key == "escalation":
                self._fresh_escalation(view)
            elif key == "claims":
                view.start_fresh(card.customer.country, self.customer_language())
        if focused is not None and QApplication.focusWidget() is not focused:
            focused.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- the answer on screen: copy it, keep it ---------------------------------------------

    def current_record(self):
        view = self.window.current_view()
        record = getattr(view, "answer_record", None)
        return record() if record is not None else None

    def copy_summary(self) -> None:
        record = self.current_record()
        if record is None or not record.summary:
            # Issue 16: the call view has no answer of its own; its customer card is the text.
            ticket_text = getattr(self.window.current_view(), "ticket_text", None)
            text = ticket_text() if ticket_text is not None else ""
            if text:
                QGuiApplication.clipboard().setText(text)
                self._note(_("Customer card copied: paste it into the ticket."))
                return
            self._note(_("Nothing to copy: this view shows no answer yet."))
            return
        QGuiApplication.clipboard().setText(record.summary)
        self._note(_("Summary copied: paste it into the ticket."))

    def save_to_journal(self) -> None:
        record = self.current_record()
        if record is None:
            self._note(_("Nothing to save: this view shows no answer yet."))
            return
        customer = self.customer()
        if customer is None:
            self._note(_("Open the customer first (Ctrl+F): the journal is kept per customer."))
            return
        from desktop.gui.call.journal_entry_dialog import JournalEntryDialog

        dialog = JournalEntryDialog(customer.name, record, self.window)

        def save(note: str) -> None:
            # The dialog stays open until the journal has it: a failed save is said there,
            # the note still in its field.
            self.call_view().journal_panel.add_entry(record.kind, record.topic, record.verdict, record.summary,
                                                     note, saved, dialog.show_failure)

        def saved(_entry) -> None:
            call_if_alive(dialog.saved, None)
            self._note(_("Saved to {name}'s journal.").format(name=customer.name))

        dialog.open_for(self, "journal_dialog", save)

    def unsaved_changes(self) -> list[str]:
        """An answer on its way to the journal (Ctrl+J), not saved yet (asked before quitting)."""
        dialog = self.journal_dialog
        if dialog is None or not dialog.is_dirty():
            return []
        return [_("Journal entry: {name}").format(name=dialog.customer_name)]

    def _note(self, text: str) -> None:
        self.window.statusBar().showMessage(text, STATUS_MS)

    # --- settings and the palette -------------------------------------------------------------

    def open_settings(self) -> None:
        from desktop.gui.settings.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.window)
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        dialog.open()

    def open_palette(self) -> None:
        from desktop.gui.command_palette import CommandPaletteDialog

        if self.palette is None:
            self.palette = CommandPaletteDialog(self.palette_items, self.window)
        self.window.view("scope")  # its topics load in the background while the agent types
        self.palette.open()

    def palette_items(self, text: str) -> list:
        """What Ctrl+K offers for `text`: the views, then customers, then scope topics."""
        from desktop.gui.command_palette import PaletteItem
        from desktop.gui.main_window import VIEWS

        items = [PaletteItem(_("View"), spec.title(), "", lambda key=spec.key: self.window.show_view(key),
                             keywords=self._view_keywords().get(spec.key, ""))
                 for spec in VIEWS]
        customer = self.customer()
        if customer is not None:  # issue 19: a claim for the customer on the call, fresh
            items.append(PaletteItem(_("Claim"), _("Claim for {name}").format(name=customer.name), "",
                                     self.open_claim, keywords=self._view_keywords()["claims"]))
        search = self.window.customer_index.search
        if search is not None and text.strip():
            for summary in search.search(text, PALETTE_CUSTOMERS):
                # matched: found by phone or org number too, which the label does not show.
                items.append(PaletteItem(_("Customer"), summary.name,
                                         f"{summary.country} · {summary.org_number}".strip(" ·"),
                                         lambda cid=summary.id: self._open_customer(cid), matched=True))
        scope = self.window.view("scope")
        if scope.search is not None and text.strip():
            for match in scope.search.search(text, PALETTE_TOPICS):  # titles in the agent's language
                items.append(PaletteItem(_("Scope topic"), match.title, match.topic,
                                         lambda topic_id=match.topic: self._open_topic(topic_id), matched=True))
        return items

    @staticmethod
    def _view_keywords() -> dict[str, str]:
        """Other words an agent types for a view (found by, not shown)."""
        # Translators: words an agent may type in Ctrl+K to find the claims view, space-separated.
        return {"claims": _("outage compensation service credit SLA uptime downtime")}

    def _open_customer(self, customer_id: int) -> None:
        self.window.show_view("call")
        self.call_view().open_customer(customer_id)

    def _open_topic(self, topic_id: str) -> None:
        view = self.window.show_view("scope")
        view.set_question(topic_id, view.facts())

