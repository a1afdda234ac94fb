"""Render the main window offscreen and save screenshots for the docs and for review.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_screenshots.py [LANG ...]

With languages (sv nb da fi), the light shots again in each, into docs/screenshots/<lang>/:
for checking that long Finnish words and Danish compounds fit.

Light and dark (Fusion with a dark palette, the way a Windows dark-mode user sees it),
1280x800, each at a fixed what-if moment so the pictures only change when the GUI
does. A throwaway database with one administrator override shows how overrides look.
"""
from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtGui import QIcon  # noqa: E402
from PySide6.QtWidgets import QApplication, QStyleFactory  # noqa: E402

from desktop.gui.platform.theme import dark_palette  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
_out = OUT  # docs/screenshots/<lang>/ while shooting another language
SIZE = (1280, 800)
# "Now" for the status bar: Monday 23 November 2026, 14:40 UTC.
NOW = dt.datetime(2026, 11, 23, 14, 40, tzinfo=dt.timezone.utc)
SHOTS = {
    # Sweden 15:40: SE open, NO closing soon, DK closed early by an override, FI closed.
    "hours-light.png": ("light", dt.datetime(2026, 11, 23, 15, 40), "SE"),
    # The example: Finland, 24 December, 10:00 - every desk closed.
    "hours-dark.png": ("dark", dt.datetime(2026, 12, 24, 10, 0), "FI"),
}
# Support scope: (theme, the customer's words, the topic picked, facts that differ from the usual case).
SCOPE_SHOTS = {
    # The example: a Swedish customer whose printer will not print.
    "scope-light.png": ("light", "skrivaren skriver inte ut", "print-problem", {}),
    # An old Windows and no backup: out of scope, the version rule first, then §8.
    "scope-dark.png": ("dark", "windows startar inte", "os-problem", {"version": "Windows XP", "backup": False}),
}
# Customers & notice: (theme, what the agent types, the customer opened, the product picked, the message language).
CUSTOMER_SHOTS = {
    # A Danish customer with a long name: a 12-month subscription started on 29 February.
    "customers-light.png": ("light", "østergaard", "Østergaard & Søn Rådgivende Ingeniørfirma ApS",
                            "Microsoft 365 Business Standard", "en"),
    # A Swedish customer whose deadline falls on a Saturday: the warning and the Swedish message.
    "customers-dark.png": ("dark", "lindqvist", "Lindqvist Bygg & Fastighetsförvaltning i Norrland AB",
                           "Microsoft 365 E3", "sv"),
}

# The call: (theme, what the agent types, the customer opened).
CALL_SHOTS = {
    # A long Danish name, four subscriptions (the soonest deadline highlighted), an open case.
    "call-light.png": ("light", "østerg", "Østergaard & Søn Rådgivende Ingeniørfirma ApS"),
    # A customer with no subscriptions and no open escalations: the empty states.
    "call-dark.png": ("dark", "åkess", "Åkesson & Söner AB"),
    # Twelve subscriptions and a long Swedish name.
    "call-many-light.png": ("light", "folktand", "Västra Götalandsregionens Tandvårdsförvaltning Folktandvården"),
}

# Escalation: (theme, customer typed, customer picked, product, the answers to the severity questions,
# severity picked if it differs, offering, opened on the customer's clock, Azure, explanation shown).
ESCALATION_SHOTS = {
    # The example: a Swedish customer, severity B, opened the day before Christmas Eve.
    "escalation-light.png": ("light", "lindqvist", "Lindqvist Bygg & Fastighetsförvaltning i Norrland AB",
                             "Exchange SE", (False, False, True), None, None,
                             dt.datetime(2026, 12, 23, 16, 45), False, True),
    # A Finnish customer on Rapid Response, severity 1 for an Azure component; an old product; a breached case.
    "escalation-dark.png": ("dark", "pohjois", "Pohjois-Pohjanmaan Sairaanhoitopiirin Kuntayhtymä",
                            "Windows Server 2012 R2", (True,), None, None, None, True, False),
}


def prepare_database(path: Path) -> None:
    from domain.desks import OverrideKind
    from domain.services.hours import add_override, new_override
    from domain.store import open_store

    store = open_store(path, now=NOW)
    try:
        add_override(store, new_override(
            OverrideKind.SHORTENED_DAY, "DK", now=NOW, by="Mette (team lead)", on_date=dt.date(2026, 11, 23),
            closes=dt.time(15, 0), note="Staff meeting in the afternoon"))
        add_customers(store)
        add_cases(store)
        add_journal(store)
    finally:
        store.close()


def add_customers(store) -> None:
    """A small register: long Nordic names, several subscriptions, a deadline on a Saturday."""
    from domain.customers import Customer, Offering, Subscription
    from domain.notice import Term
    from domain.services.register import save_customer, save_subscription

    today = NOW.date()
    customers = [
        (Customer("Østergaard & Søn Rådgivende Ingeniørfirma ApS", "DK", "25 31 37 63", "Søren Østergaard",
                  "+45 33 12 34 56", "soren@ostergaard-son.dk", Offering.UNIFIED, "Calls in the morning."), [
            Subscription("Microsoft 365 Business Standard", Term.MONTHS_12, dt.date(2024, 2, 29), 25),
            Subscription("Microsoft 365 E3", Term.MONTHS_36, dt.date(2024, 1, 15), 120, from_reseller=False),
            Subscription("Exchange Online (Plan 1)", Term.PAYG, dt.date(2025, 6, 1), 3, end_user_support=False),
            Subscription("Microsoft Teams Rooms Pro", Term.MONTHS_24, dt.date(2025, 12, 18), 2),
        ]),
        (Customer("Lindqvist Bygg & Fastighetsförvaltning i Norrland AB", "SE", "556036-0793", "Åsa Lindqvist",
                  "+46 90 12 34 56", "asa@lindqvistbygg.se"), [
            Subscription("Microsoft 365 E3", Term.MONTHS_12, dt.date(2025, 1, 26), 40),
            Subscription("Microsoft 365 Business Basic", Term.PAYG, dt.date(2025, 9, 1), 12),
        ]),
        (Customer("Pohjois-Pohjanmaan Sairaanhoitopiirin Kuntayhtymä", "FI", "0112038-9", "Eeva Kärkkäinen",
                  "+358 8 315 2011", "it@pohjois-pohjanmaa.fi", Offering.RAPID_RESPONSE), [
            Subscription("Microsoft 365 E5", Term.MONTHS_36, dt.date(2024, 1, 1), 800),
        ]),
        (Customer("Fjellstue Sæter AS", "NO", "923 609 016", "Øystein Bø", "+47 22 33 44 55", "oystein@saeter.no"),
         [Subscription("Microsoft 365 Business Premium", Term.MONTHS_12, dt.date(2023, 12, 20), 15)]),
        (Customer("Åkesson & Söner AB", "SE", "556677-8899", "Åsa Öberg", "+46 8 123 456 78",
                  "asa.oberg@akesson.se"), []),
        # Twelve subscriptions: the card's table scrolls, the soonest stays on top.
        (Customer("Västra Götalandsregionens Tandvårdsförvaltning Folktandvården", "SE", "232100-0131",
                  "Kerstin Håkansson", "+46 10 441 00 00", "it@folktandvarden-vg.se", Offering.ENHANCED_RESPONSE), [
            Subscription(product, term, dt.date(2024 + i % 3, 1 + i, 1 + 2 * i), 10 * (i + 1))
            for i, (product, term) in enumerate([
                ("Microsoft 365 E3", Term.MONTHS_12), ("Microsoft 365 E5", Term.MONTHS_36),
                ("Microsoft 365 Business Premium", Term.MONTHS_12), ("Exchange Online (Plan 2)", Term.PAYG),
                ("Microsoft Teams Premium", Term.MONTHS_12), ("Power BI Pro", Term.MONTHS_24),
                ("Visio Plan 2", Term.MONTHS_12), ("Project Plan 3", Term.MONTHS_12),
                ("Microsoft Defender for Office 365 (Plan 2)", Term.MONTHS_36), ("Intune Suite", Term.MONTHS_12),
                ("Microsoft 365 Copilot", Term.MONTHS_12), ("Windows 365 Enterprise", Term.MONTHS_24)])]),
    ]
    for customer, subscriptions in customers:
        saved = save_customer(store, customer)
        for subscription in subscriptions:
            save_subscription(store, Subscription(**{**subscription.__dict__, "customer_id": saved.id}), today)


def add_journal(store) -> None:
    """Two earlier calls of the Danish customer, in the journal."""
    from domain.journal import JournalEntry, JournalKind
    from domain.services.journal import add_entry
    from domain.services.register import customer_summaries

    customer_id = next(c.id for c in customer_summaries(store) if c.name.startswith("Østergaard"))
    for days, kind, topic, verdict, note in (
            (40, JournalKind.SCOPE, "Printing problem", "In scope", "Remote session booked with Søren."),
            (3, JournalKind.NOTICE, "Microsoft 365 Business Standard, 12 months", "In time: ends 28 Feb 2027",
             "Customer will decide by January.")):
        add_entry(store, JournalEntry(customer_id, NOW - dt.timedelta(days=days), "Mette Holm", kind, topic, verdict,
                                      note))


def add_cases(store) -> None:
    """Cases in every state: one breached, one due soon, one later, one answered in time."""
    from domain.cases import new_case
    from domain.services.escalation import escalator, mark_responded, save_case
    from domain.services.register import customer_summaries

    answerer = escalator(store)
    ids = {c.name: c.id for c in customer_summaries(store)}
    cases = [  # (customer, country, product, severity, offering, opened minutes before NOW, responded after)
        ("Fjellstue Sæter AS", "NO", "Exchange Online", "A", "unified", 75, None),
        ("Østergaard & Søn Rådgivende Ingeniørfirma ApS", "DK", "Microsoft Teams (new Teams)", "B", "unified", 50,
         None),
        ("Åkesson & Söner AB", "SE", "SharePoint Server 2019", "C", "enhanced-response", 20, None),
        ("Lindqvist Bygg & Fastighetsförvaltning i Norrland AB", "SE", "Windows Server 2022", "1", "unified", 240, 40),
    ]
    for name, country, product, severity, offering, before, responded in cases:
        opened = NOW - dt.timedelta(minutes=before)
        answer = answerer.escalate(severity, offering, opened, country)
        case = save_case(store, new_case(answer, country, product, name, ids[name]))
        if responded is not None:
            mark_responded(store, case.id, opened + dt.timedelta(minutes=responded), by="Anna Berg")


def wait_until(app: QApplication, condition, timeout_s: float = 20) -> None:
    loop = QEventLoop()
    timer = QTimer()
    timer.timeout.connect(lambda: loop.quit() if condition() else None)
    timer.start(20)
    QTimer.singleShot(int(timeout_s * 1000), loop.quit)
    loop.exec()
    timer.stop()
    if not condition():
        raise TimeoutError("the window did not load in time")


def open_window(app: QApplication, db: Path, theme: str):
    from desktop.gui.app import icon_path
    from desktop.gui.main_window import MainWindow

    app.setStyle(QStyleFactory.create("Fusion"))
    app.setPalette(dark_palette() if theme == "dark" else app.style().standardPalette())  # desktop/gui/platform/theme.py
    app.setWindowIcon(QIcon(str(icon_path())))
    window = MainWindow(db_path=db, clock=lambda: NOW)
    window.resize(*SIZE)
    window.show()
    wait_until(app, lambda: window.hours.answerer is not None)
    return window


def shoot(app: QApplication, db: Path, name: str, theme: str, wall: dt.datetime, country: str) -> Path:
    window = open_window(app, db, theme)
    window.show_view("hours").show_what_if(wall, country)  # the call view opens first (issue 16)
    app.processEvents()
    target = _out / name
    window.grab().save(str(target))
    window.shutdown()  # the worker stops and the store closes now: no quit questions in a script
    window.close()
    return target


def shoot_scope(app: QApplication, db: Path, name: str, theme: str, words: str, topic: str,
                facts: dict) -> Path:
    """The agent's way: type the words, pick the topic from the matches, change the facts."""
    window = open_window(app, db, theme)
    from desktop.gui.main_window import VIEWS

    window.navigation.setCurrentRow([spec.key for spec in VIEWS].index("scope"))
    view = window.view("scope")
    wait_until(app, lambda: view.is_loaded)
    view.search_edit.setText(words)
    view.pick_row(view.topics.row_of(topic))
    form = view.facts_widget
    if "version" in facts:
        form.version_edit.setText(facts["version"])
    for name_, box in (("backup", form.backup), ("antivirus", form.antivirus), ("firewall", form.firewall)):
        if name_ in facts:
            box.setChecked(facts[name_])
    app.processEvents()
    target = _out / name
    window.grab().save(str(target))
    window.shutdown()  # the worker stops and the store closes now: no quit questions in a script
    window.close()
    return target


def shoot_customers(app: QApplication, db: Path, name: str, theme: str, words: str, customer: str, product: str,
                    language: str) -> Path:
    """The agent's way: type part of the name, open the customer, pick the subscription."""
    window = open_window(app, db, theme)
    from desktop.gui.main_window import VIEWS

    window.navigation.setCurrentRow([spec.key for spec in VIEWS].index("customers"))
    view = window.view("customers")
    wait_until(app, lambda: view.is_loaded)
    view.search_edit.setText(words)
    view.open_row(view.customers.names().index(customer))
    wait_until(app, lambda: view.record is not None and view.record.customer.name == customer)
    view.select_subscription(next(s.id for s in view.record.subscriptions if s.product == product))
    view.notice.set_language(language)
    app.processEvents()
    target = _out / name
    window.grab().save(str(target))
    window.shutdown()  # the worker stops and the store closes now: no quit questions in a script
    window.close()
    return target


def shoot_escalation(app: QApplication, db: Path, name: str, theme: str, words: str, customer: str, product: str,
                     answers: tuple[bool, ...], severity: str | None, offering: str | None,
                     opened: dt.datetime | None, azure: bool, explain: bool) -> Path:
    """The agent's way: find the customer, name the product, answer the questions."""
    window = open_window(app, db, theme)
    from desktop.gui.main_window import VIEWS

    window.navigation.setCurrentRow([spec.key for spec in VIEWS].index("escalation"))
    view = window.view("escalation")
    wait_until(app, lambda: view.is_loaded)
    picker = view.form.customer
    picker.search_edit.setFocus()
    wait_until(app, lambda: picker.search is not None)
    picker.search_edit.setText(words)
    picker._on_edited(words)
    picker.pick_row(picker.model.names().index(customer))
    if offering:
        view.form.set_offering(offering)
    view.form.set_product(product)
    view.form.azure_check.setChecked(azure)
    if opened is not None:
        view.form.set_opened(opened)
    for yes in answers:
        view.severity.answer(yes)
    if severity:
        view.severity.choose(severity)
    view.answer_widget.explain(explain)
    wait_until(app, lambda: view.cases.model.rowCount() > 0)
    if not explain:  # the breached case picked: ready to mark its first response
        view.cases.select_case(view.cases.model.case(0).id)
    app.processEvents()
    target = _out / name
    window.grab().save(str(target))
    window.shutdown()  # the worker stops and the store closes now: no quit questions in a script
    window.close()
    return target


def shoot_all(app: QApplication, db: Path, themes: set[str]) -> None:
    for name, (theme, words, customer) in CALL_SHOTS.items():
        if theme in themes:
            print(shoot_call(app, db, name, theme, words, customer))
    for name, (theme, wall, country) in SHOTS.items():
        if theme in themes:
            print(shoot(app, db, name, theme, wall, country))
    for name, (theme, words, topic, facts) in SCOPE_SHOTS.items():
        if theme in themes:
            print(shoot_scope(app, db, name, theme, words, topic, facts))
    for name, (theme, words, customer, product, language) in CUSTOMER_SHOTS.items():
        if theme in themes:
            print(shoot_customers(app, db, name, theme, words, customer, product, language))
    for name, shot in ESCALATION_SHOTS.items():
        if shot[0] in themes:
            print(shoot_escalation(app, db, name, *shot))


def shoot_call(app: QApplication, db: Path, name: str, theme: str, words: str, customer: str) -> Path:
    """The agent's way: Ctrl+F, type part of the name, Enter."""
    window = open_window(app, db, theme)
    wait_until(app, lambda: window.call is not None and window.view("call").finder.is_loaded)
    window.call.find_customer()
    view = window.view("call")
    view.search_edit.setText(words)
    view.open_customer(next(s.id for s in view.finder.search.search(words) if s.name == customer))
    wait_until(app, lambda: view.current_card is not None and view.journal_panel.is_loaded)
    app.processEvents()
    target = _out / name
    window.grab().save(str(target))
    window.shutdown()  # the worker stops and the store closes now: no quit questions in a script
    window.close()
    return target


def main(languages: list[str]) -> int:
    global _out
    from desktop.gui.platform.language import apply_language

    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "deskguide.sqlite3"
        prepare_database(db)
        if not languages:
            OUT.mkdir(parents=True, exist_ok=True)
            shoot_all(app, db, {"light", "dark"})
        for language in languages:
            apply_language(language)
            _out = OUT / language
            _out.mkdir(parents=True, exist_ok=True)
            shoot_all(app, db, {"light"})
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
