"""The main window: a list of views on the left, the chosen view, the desks at a glance
in the status bar, and one place where errors are shown.

Views are registered in VIEWS as (key, title, factory); each later issue (support
scope, customers & notice, escalation) adds its own line. No placeholders for views
that do not exist yet.
"""
from __future__ import annotations

import sys
from collections.abc import Callable
from typing import NamedTuple

# No `Qt` namespace here: its first use builds ~140 enums (~11 ms), which the first
# frame need not wait for; the views and the error banner use it after the paint.
from PySide6.QtCore import QEvent, QSize, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.common import i18n
from desktop.common.i18n import _
from desktop.gui.platform import language
from desktop.gui.platform.store_worker import Clock, StoreWorker, Where, utc_now
from desktop.gui.view_context import ViewContext
from desktop.gui.widgets.customer_index import CustomerIndex
from desktop.gui.widgets.elided_label import ElidedLabel
from desktop.gui.widgets.hours_model import HoursModel
from desktop.gui.widgets.retranslating import Retranslating
from desktop.wording import hours as hours_text
from domain.messages import Message


class ViewSpec(NamedTuple):
    key: str
    title: Callable[[], str]  # called when shown, so the current language is used
    factory: Callable[[ViewContext], QWidget]


def _call_view(context: ViewContext) -> QWidget:
    from desktop.gui.call.call_view import CallView

    return CallView(context)


def _hours_view(context: ViewContext) -> QWidget:
    from desktop.gui.hours.hours_view import HoursView

    return HoursView(context.hours)


def _scope_view(context: ViewContext) -> QWidget:
    from desktop.gui.scope.scope_view import ScopeView

    return ScopeView(context)


def _customers_view(context: ViewContext) -> QWidget:
    from desktop.gui.customers.customers_view import CustomersView

    return CustomersView(context)


def _escalation_view(context: ViewContext) -> QWidget:
    from desktop.gui.escalation.escalation_view import EscalationView

    return EscalationView(context)


def _claims_view(context: ViewContext) -> QWidget:
    from desktop.gui.claims.claims_view import ClaimsView

    return ClaimsView(context)


VIEWS: tuple[ViewSpec, ...] = (
    # The call first: an agent on the phone starts from the customer (issue "call workflow").
    ViewSpec("call", lambda: _("Customer call"), _call_view),
    ViewSpec("hours", lambda: _("Opening hours"), _hours_view),
    ViewSpec("scope", lambda: _("Support scope"), _scope_view),
    ViewSpec("customers", lambda: _("Customers & notice"), _customers_view),
    ViewSpec("escalation", lambda: _("Escalation"), _escalation_view),
    # Issue 19: what a customer can get after an outage, from whom, and how to claim it.
    ViewSpec("claims", lambda: _("Claims"), _claims_view),
)

# If no paint arrives (a window started minimised), start anyway after this long.
FIRST_PAINT_FALLBACK_MS = 300
# Issue 17: the first view waits for the first answers at most this long after the paint.
FIRST_VIEW_WAIT_MS = 500

_NAVIGATION_STYLE = """
#navigation { border: none; border-right: 1px solid palette(mid); }
"""


class MainWindow(Retranslating, QMainWindow):
    def _sign_as_agent(self, key: str | None = None) -> None:
        # Issue 15, "Who changed what": what this agent saves carries the name the journal
        # records (Settings); the store adds the team database's login.
        from desktop.gui.platform.settings import AGENT_NAME, Settings

        if key in (None, AGENT_NAME):
            self.worker.agent_name = Settings().agent_name

    def __init__(self, db_path: Where = None, clock: Clock = utc_now,
                 views: tuple[ViewSpec, ...] = VIEWS, parent=None):
        """`db_path`: a SQLite file, a DatabaseTarget, or how to find one (app.py)."""
        super().__init__(parent)
        self.clock = clock
        self.worker = StoreWorker(db_path, clock, self)
        self._sign_as_agent()
        from desktop.gui.platform.settings import settings_changed

        settings_changed.changed.connect(self._sign_as_agent)
        self.hours = HoursModel(self.worker, clock, self)
        self.customer_index = CustomerIndex(self.worker, self)  # read when a finder first needs it
        self.about_dialog = None
        self.password_dialog = None  # a PasswordDialog while the team database asks for one
        self._context = ViewContext(self.worker, self.hours, self.customer_index, clock)
        self._specs = {spec.key: spec for spec in views}
        self._started = False
        self._first_view_built = False
        self._shut_down = False

        self.error_banner = None  # an ErrorBannerWidget, built by show_error() when needed
        self.connection_banner = None  # a ConnectionBannerWidget, built when a team database is first lost
        self._database = None  # the database in use as a person names it (a Message), once opened
        self.call = None  # the CallWorkflow (shortcuts, toolbar), built after the first paint
        self.transfer = None  # the RegisterTransfer (File > Import, Export, Refresh), likewise
        self.quitting = None  # the QuitWorkflow, built when quit is first asked
        self.navigation = QListWidget(self)
        self.navigation.setObjectName("navigation")
        self.navigation.setStyleSheet(_NAVIGATION_STYLE)
        self.stack = QStackedWidget(self)
        self.views: dict[str, QWidget] = {}  # built on first use, see view()
        for _spec in views:
            item = QListWidgetItem(self.navigation)
            # Roomier rows than a plain list: this is the app's main navigation.
            item.setSizeHint(QSize(0, self.fontMetrics().height() * 2 + 4))
        self.navigation.currentRowChanged.connect(self._on_navigation)

        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.navigation)
        body.addWidget(self.stack, 1)
        central = QWidget(self)
        self._column = column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addLayout(body, 1)
        self.setCentralWidget(central)

        self.desks_label = QLabel(self)
        self.desks_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.statusBar().addWidget(self.desks_label, 1)
        # Which database the answers come from (issue 14): a team's, or this computer's file.
        # Shortened in the middle when the window is narrow: the desks come first.
        self.database_label = ElidedLabel(self)
        self.statusBar().addPermanentWidget(self.database_label)
        self._desks_failed = False
        self._build_menus()
        self.retranslate()

        self.worker.failed.connect(self.show_error)
        self.worker.reachability_changed.connect(self._on_reachability)
        self.worker.opened.connect(self._show_database)
        self.worker.password_wanted.connect(self._ask_password)
        self.hours.loaded.connect(self._update_status)
        self.hours.provisional_loaded.connect(self._update_status)
        self.hours.ticked.connect(self._update_status)
        self.hours.failed.connect(self._on_desks_failed)

    def _build_menus(self) -> None:
        self.file_menu = self.menuBar().addMenu("")
        self.quit_action = QAction(self)  # its shortcut is set in _start(), see there
        self.quit_action.triggered.connect(self.close)
        self.file_menu.addAction(self.quit_action)
        self.language_menu = self.menuBar().addMenu("")
        self.language_group = QActionGroup(self)  # exclusive: one language at a time
        self.language_actions: dict[str, QAction] = {}
        chosen = language.saved_choice()
        for choice in (language.FOLLOW_SYSTEM, *i18n.LANGUAGES):
            action = QAction(i18n.LANGUAGE_NAMES.get(choice, ""), self)
            action.setCheckable(True)
            action.setChecked(choice == chosen)
            action.triggered.connect(lambda _checked=False, choice=choice: self.choose_language(choice))
            self.language_group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[choice] = action
        self.help_menu = self.menuBar().addMenu("")
        self.about_action = QAction(self)
        self.about_action.triggered.connect(self.show_about)
        self.help_menu.addAction(self.about_action)

    def retranslate(self) -> None:
        """Every text of the window itself (the views re-read theirs on the same event)."""
        self.setWindowTitle(_("Deskguide"))
        self.navigation.setAccessibleName(_("Views"))
        for row, spec in enumerate(self._specs.values()):
            self.navigation.item(row).setText(spec.title())
        # As wide as the longest title (translations are longer than English), no wider.
        widest = max(self.navigation.fontMetrics().horizontalAdvance(spec.title()) for spec in self._specs.values())
        self.navigation.setFixedWidth(max(150, widest + 40))
        self.desks_label.setAccessibleName(_("Desks now"))
        self.database_label.setAccessibleName(_("Database"))
        if self.worker.target is not None:
            self._show_database(self.worker.target)
        if self._desks_failed:
            self._show_desks(_("The desks could not be loaded."))
        elif self.hours.answerer is None and self.hours.provisional is None:
            self._show_desks(_("Loading the desks…"))
        else:
            self._update_status()
        self.file_menu.setTitle(_("&File"))
        self.quit_action.setText(_("&Quit"))
        self.language_menu.setTitle(_("&Language"))
        # The languages are named in themselves (whoever needs the menu can read them);
        # only "follow the system" is said in the current language.
        # Issue 16: "Windows" only on Windows.
        self.language_actions[language.FOLLOW_SYSTEM].setText(
            _("Same as &Windows") if sys.platform == "win32" else _("Same as the &system"))
        self.language_actions[language.saved_choice()].setChecked(True)  # also after the Settings dialog
        self.help_menu.setTitle(_("&Help"))
        self.about_action.setText(_("&About Deskguide"))

    def choose_language(self, choice: str) -> None:
        """The agent picked a language (or "same as Windows") in the menu: keep it for
        next time and show it now, no restart."""
        language.save_choice(choice)
        self.language_actions[choice].setChecked(True)
        language.apply_language(language.startup_language())

    def _on_desks_failed(self, _message: str) -> None:
        self._desks_failed = True
        self._show_desks(_("The desks could not be loaded."))

    def view(self, key: str) -> QWidget:
        """The view for `key`, built the first time it is needed.

        Views are built lazily: the window paints first, and a view nobody opens (a
        customer register of 100,000 rows, later) costs nothing at start-up.
        """
        if key not in self.views:
            view = self._specs[key].factory(self._context)
            self.views[key] = view
            self.stack.addWidget(view)
        return self.views[key]

    def built_views(self) -> list[QWidget]:
        """The views built so far, in the navigation's order."""
        return [self.views[key] for key in self._specs if key in self.views]

    def current_view(self) -> QWidget | None:
        return self.stack.currentWidget()

    def show_view(self, key: str) -> QWidget:
        """Bring the view for `key` to the front (as the navigation does) and return it."""
        self.navigation.setCurrentRow(tuple(self._specs).index(key))
        return self.view(key)

    # --- start-up: paint first, then open the store and build the first view ------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # A window that is shown but never painted (minimised at start) still starts.
        QTimer.singleShot(FIRST_PAINT_FALLBACK_MS, self, self._start)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._started:
            QTimer.singleShot(0, self, self._start)
        return super().event(event)

    def _start(self) -> None:
        """Open the store on the worker thread and build the first view, once the
        window is on screen: the start-up budget counts until the first paint, and
        the worker's imports (SQLAlchemy, Alembic, holidays) would compete with it."""
        if self._started:
            return
        self._started = True  # also after a shutdown: a late timer must not restart anything
        if self._shut_down:
            return
        # The desks' answers first (issue 17): this starts the worker, whose first steps are
        # the reference answers and, once the store is open, the store's. The first view
        # is built when the first answers are on screen (or after FIRST_VIEW_WAIT_MS):
        # built meanwhile, its ~300 ms of imports and widgets share the interpreter with
        # the worker and delay the answers by as much (docs/startup.md).
        for signal in (self.hours.provisional_loaded, self.hours.loaded, self.hours.failed):
            signal.connect(self._build_first_view)
        QTimer.singleShot(FIRST_VIEW_WAIT_MS, self, self._build_first_view)
        self.hours.load()
        self.worker.start()  # a window whose model did not start it (hours loaded already) still opens the store

    def _build_first_view(self, *_args) -> None:
        """The shortcuts, the call workflow, the register's File actions and the first
        view: once, as soon as the first answers show."""
        if self._first_view_built or self._shut_down:
            return
        self._first_view_built = True
        for signal in (self.hours.provisional_loaded, self.hours.loaded, self.hours.failed):
            signal.disconnect(self._build_first_view)
        # The first standard shortcut reads the platform's key bindings (~11 ms): after
        # the first paint, not before it.
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        if "call" in self._specs:  # a window built with other views (tests) has no call
            from desktop.gui.call_workflow import CallWorkflow

            self.call = CallWorkflow(self)
        from desktop.gui.register_transfer import RegisterTransfer

        self.transfer = RegisterTransfer(self)  # File > Import, Export, Refresh (F5): issue 16
        if self.navigation.currentRow() < 0 and self.navigation.count():
            self.navigation.setCurrentRow(0)
        else:  # the list made its first row current when it took the focus at show
            self._on_navigation(self.navigation.currentRow())

    def _on_navigation(self, row: int) -> None:
        if row >= 0 and self._first_view_built:  # before, _build_first_view() does this
            key = tuple(self._specs)[row]  # rows are listed in VIEWS order
            self.stack.setCurrentWidget(self.view(key))

    def show_error(self, message: str) -> None:
        if self.error_banner is None:
            from desktop.gui.error_banner import ErrorBannerWidget

            self.error_banner = ErrorBannerWidget(self)
            self._column.insertWidget(0, self.error_banner)
        self.error_banner.show_error(message)

    def _on_reachability(self, reachable: bool, name: str) -> None:
        if reachable:
            if self.connection_banner is not None:
                self.connection_banner.hide()
            if self.error_banner is not None:
                self.error_banner.hide()  # "cannot be reached" is no longer true
            self.statusBar().showMessage(_("The team database answers again."), 10_000)
            return
        if self.connection_banner is None:
            from desktop.gui.error_banner import ConnectionBannerWidget

            self.connection_banner = ConnectionBannerWidget(self)
            self._column.insertWidget(0, self.connection_banner)
        since = self.clock().astimezone().strftime("%H:%M")
        # The database as the status bar names it ("Team database deskguide on db.example:5432").
        database = self._database or name
        self.connection_banner.show_error(Message(
            "{database} cannot be reached since {time}. Reference answers keep working; customers, cases and the "
            "journal cannot be read or saved until it is back. Deskguide keeps trying.", database=database,
            time=since))

    def show_about(self) -> None:
        if self.about_dialog is None:
            from desktop.gui.about_dialog import AboutDialog

            self.about_dialog = AboutDialog(self.worker, self)
        self.about_dialog.refresh()
        self.about_dialog.open()

    def _show_desks(self, text: str) -> None:
        self.desks_label.setText(text)
        self._fit_status_bar()

    def _fit_status_bar(self) -> None:
        """The four desks' answers whole, the database in what is left (shortened in the
        middle, whole in its tooltip): on a 1024-pixel screen the path pushed the desks
        off the bar (issue 16)."""
        needed = self.desks_label.fontMetrics().horizontalAdvance(self.desks_label.text()) + 32
        left = self.statusBar().width() - needed
        self.database_label.setMaximumWidth(max(self.database_label.minimumSizeHint().width(), left))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_status_bar()

    def _show_database(self, target) -> None:
        self._database = target.describe()
        self.database_label.set_full_text(_(self._database))
        self._fit_status_bar()

    def _ask_password(self, request) -> None:
        """The team database wants a password: ask in a dialog of the window's (the
        worker waits for the answer, the window stays responsive)."""
        from desktop.gui.widgets.password_dialog import PasswordDialog

        self.password_dialog = dialog = PasswordDialog(request, self)
        dialog.finished.connect(lambda _result: self._password_given(dialog))
        dialog.open()

    def _password_given(self, dialog) -> None:
        if self.password_dialog is dialog:
            self.password_dialog = None
        self.worker.answer_password(dialog.answer())
        dialog.deleteLater()

    def _update_status(self) -> None:
        """The desks now, whatever moment the hours view is showing; before the store's
        answers came, the reference hours, said to be provisional (issue 17)."""
        statuses = self.hours.statuses(self.hours.now())
        if statuses:
            self.desks_label.setToolTip("")
            text = " · ".join(hours_text.summary_text(status) for status in statuses)
            self._show_desks(_("Now: {desks}").format(desks=text))
            return
        statuses = self.hours.provisional_statuses(self.hours.now())
        if not statuses:
            return
        text = " · ".join(hours_text.summary_text(status) for status in statuses)
        why = [warning.message for warning in statuses[0].warnings if warning.code == "overrides_missing"]
        self.desks_label.setToolTip(_(why[0]) if why else "")
        self._show_desks(_("Now (provisional): {desks}").format(desks=text))

    def shutdown(self) -> None:
        """Stop the tick and let the worker finish its jobs and close the store, now
        (a session end, which cannot wait for answers; Quit goes through closeEvent)."""
        self._shut_down = True
        self.hours.stop()
        if self.password_dialog is not None:  # nobody will type it now
            self.password_dialog.reject()
        self.worker.shutdown()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Quit: the writes on their way are stored, the unsaved edits asked about first
        (desktop/gui/quit_workflow.py); until then the window stays."""
        if not self._shut_down:
            if self.quitting is None:
                from desktop.gui.quit_workflow import QuitWorkflow

                self.quitting = QuitWorkflow(self)
            if not self.quitting.may_close():
                event.ignore()
                return
        self.shutdown()
        super().closeEvent(event)
