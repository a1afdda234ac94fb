"""Render the main window offscreen and save screenshots for the docs and for review.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_screenshots.py [LANG ...]

With languages (sv nb da fi), the light shots again in each, into docs/screenshots/<lang>/:
for checking that long Finnish words and Danish compounds fit.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_screenshots.py --matrix

Every view in every language at 1024x768 and 1366x768, light and dark, into
docs/screenshots/matrix/, with a contact sheet per size and theme (the review set of
issue 16: look at the sheets after every change to the GUI).

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

from PySide6.QtCore import QEventLoop, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QColor, QFont, QIcon, QImage, QPainter  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop.gui.platform.theme import apply_theme  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
_out = OUT  # docs/screenshots/<lang>/ while shooting another language
SIZE = (1280, 800)
_size = SIZE  # the matrix's screen size while shooting it
# The review matrix (issue 16): every view, in every language, at the two small screens
# agents have, in both themes; one contact sheet per screen size and theme.
MATRIX = OUT / "matrix"
MATRIX_LANGUAGES = ("en", "sv", "nb", "da", "fi")
MATRIX_SIZES = ((1024, 768), (1366, 768))
MATRIX_THEMES = ("light", "dark")
THUMBNAIL_WIDTH = 400
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

# Claims (issue 19): (theme, customer typed, customer opened, service, outage start and end on
# the customer's clock, data lost).
CLAIM_SHOTS = {
    # The example: Exchange Online down a morning in a 30-day month, a 25 % credit.
    "claims-light.png": ("light", "lindqvist", "Lindqvist Bygg & Fastighetsförvaltning i Norrland AB",
                         "exchange-online", dt.datetime(2026, 11, 10, 8, 0), dt.datetime(2026, 11, 10, 12, 0), False),
    # A Finnish customer: Teams down 40 minutes and data lost (no credit; data loss excluded).
    "claims-dark.png": ("dark", "pohjois", "Pohjois-Pohjanmaan Sairaanhoitopiirin Kuntayhtymä", "teams",
                        dt.datetime(2026, 11, 18, 9, 20), dt.datetime(2026, 11, 18, 10, 0), True),
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
            mark_responded(store, case.id, opened + dt.timedelta(minutes=responded), by="Mette Holm")


def capture(app: QApplication, window, target: Path) -> Path:
    """Save what the window shows, then close it (the worker stops and the store closes
    now: no quit questions in a script)."""
    app.processEvents()
    target.parent.mkdir(parents=True, exist_ok=True)
    image = window.grab().toImage()
    if MATRIX in target.parents:
        image = compact(image)
    image.save(str(target))
    window.shutdown()
    window.close()
    return target


def compact(image: QImage) -> QImage:
    """256 colours, no dithering: a window's flat colours and text look the same and the
    file is a quarter of the size (100 pictures in the review matrix: about 6 MB, not 23)."""
    return image.convertToFormat(QImage.Format.Format_Indexed8,
                                 Qt.ImageConversionFlag.ThresholdDither | Qt.ImageConversionFlag.AvoidDither)


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

    apply_theme(app, theme)  # the app's own switch (desktop/gui/platform/theme.py), as Settings > Theme
    app.setWindowIcon(QIcon(str(icon_path())))
    window = MainWindow(db_path=db, clock=lambda: NOW)
    window.resize(*_size)
    window.show()
    wait_until(app, lambda: window.hours.answerer is not None)
    return window


def shoot(app: QApplication, db: Path, name: str, theme: str, wall: dt.datetime, country: str) -> Path:
    window = open_window(app, db, theme)
    window.show_view("hours").show_what_if(wall, country)
    return capture(app, window, _out / name)


def shoot_scope(app: QApplication, db: Path, name: str, theme: str, words: str, topic: str,
                facts: dict) -> Path:
    """The agent's way: type the words, pick the topic from the matches, change the facts."""
    window = open_window(app, db, theme)
    view = window.show_view("scope")
    wait_until(app, lambda: view.is_loaded)
    view.search_edit.setText(words)
    view.pick_row(view.topics.row_of(topic))
    form = view.facts_widget
    if "version" in facts:
        form.version_edit.setText(facts["version"])
    for name_, box in (("backup", form.backup), ("antivirus", form.antivirus), ("firewall", form.firewall)):
        if name_ in facts:
            box.setChecked(facts[name_])
    return capture(app, window, _out / name)


def shoot_customers(app: QApplication, db: Path, name: str, theme: str, words: str, customer: str, product: str,
                    language: str) -> Path:
    """The agent's way: type part of the name, open the customer, pick the subscription."""
    window = open_window(app, db, theme)
    view = window.show_view("customers")
    wait_until(app, lambda: view.is_loaded)
    view.search_edit.setText(words)
    view.open_row(view.customers.names().index(customer))
    wait_until(app, lambda: view.record is not None and view.record.customer.name == customer)
    view.select_subscription(next(s.id for s in view.record.subscriptions if s.product == product))
    view.notice.set_language(language)
    return capture(app, window, _out / name)


def shoot_escalation(app: QApplication, db: Path, name: str, theme: str, words: str, customer: str, product: str,
                     answers: tuple[bool, ...], severity: str | None, offering: str | None,
                     opened: dt.datetime | None, azure: bool, explain: bool) -> Path:
    """The agent's way: find the customer, name the product, answer the questions."""
    window = open_window(app, db, theme)
    view = window.show_view("escalation")
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
    return capture(app, window, _out / name)


def shoot_claims(app: QApplication, db: Path, name: str, theme: str, words: str, customer: str, service: str,
                 start: dt.datetime, end: dt.datetime, data_loss: bool) -> Path:
    """The agent's way: open the customer's card, Claim…, pick the service, enter the outage."""
    window = open_window(app, db, theme)
    wait_until(app, lambda: window.call is not None and window.view("call").finder.is_loaded)
    call = window.view("call")
    call.open_customer(next(s.id for s in call.finder.search.search(words) if s.name == customer))
    wait_until(app, lambda: call.current_card is not None and call.current_card.customer.name == customer)
    call.card_widget.claim_button.click()
    view = window.view("claims")
    view.form.set_service(service)
    view.form.set_times(start, end)
    view.form.data_loss_check.setChecked(data_loss)
    return capture(app, window, _out / name)


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
    for name, shot in CLAIM_SHOTS.items():
        if shot[0] in themes:
            print(shoot_claims(app, db, name, *shot))


def shoot_call(app: QApplication, db: Path, name: str, theme: str, words: str, customer: str) -> Path:
    """The agent's way: Ctrl+F, type part of the name, Enter."""
    window = open_window(app, db, theme)
    wait_until(app, lambda: window.call is not None and window.view("call").finder.is_loaded)
    window.call.find_customer()
    view = window.view("call")
    view.search_edit.setText(words)
    view.open_customer(next(s.id for s in view.finder.search.search(words) if s.name == customer))
    wait_until(app, lambda: view.current_card is not None and view.journal_panel.is_loaded)
    return capture(app, window, _out / name)


def shoot_view(app: QApplication, db: Path, view: str, theme: str) -> Path:
    """One view in its first scene (the first light shot of each kind above), named
    `<view>-<theme>.png` in the current output folder."""
    name = f"{view}-{theme}.png"
    if view == "call":
        return shoot_call(app, db, name, theme, *CALL_SHOTS["call-light.png"][1:])
    if view == "hours":
        return shoot(app, db, name, theme, *SHOTS["hours-light.png"][1:])
    if view == "scope":
        return shoot_scope(app, db, name, theme, *SCOPE_SHOTS["scope-light.png"][1:])
    if view == "customers":
        return shoot_customers(app, db, name, theme, *CUSTOMER_SHOTS["customers-light.png"][1:])
    if view == "claims":
        return shoot_claims(app, db, name, theme, *CLAIM_SHOTS["claims-light.png"][1:])
    return shoot_escalation(app, db, name, theme, *ESCALATION_SHOTS["escalation-light.png"][1:])


MATRIX_VIEWS = ("call", "hours", "scope", "customers", "escalation", "claims")


def shoot_matrix(app: QApplication, db: Path) -> None:
    """docs/screenshots/matrix/<W>x<H>/<lang>/<view>-<theme>.png and a contact sheet per
    size and theme (docs/screenshots/matrix/contact-<W>x<H>-<theme>.png): languages
    down, views across, each cell the whole window scaled down."""
    global _out, _size
    from desktop.gui.platform.language import apply_language

    shots: dict[tuple, Path] = {}
    for language in MATRIX_LANGUAGES:
        apply_language(language)
        for size in MATRIX_SIZES:
            _size = size
            _out = MATRIX / f"{size[0]}x{size[1]}" / language
            for theme in MATRIX_THEMES:
                for view in MATRIX_VIEWS:
                    shots[size, theme, language, view] = shoot_view(app, db, view, theme)
                    print(shots[size, theme, language, view])
    for size in MATRIX_SIZES:
        for theme in MATRIX_THEMES:
            sheet = contact_sheet({(language, view): shots[size, theme, language, view]
                                   for language in MATRIX_LANGUAGES for view in MATRIX_VIEWS}, size, theme)
            print(sheet)


def contact_sheet(cells: dict[tuple[str, str], Path], size: tuple[int, int], theme: str) -> Path:
    """One picture of a size and theme: a row per language, a column per view."""
    scale = THUMBNAIL_WIDTH / size[0]
    cell_w, cell_h = THUMBNAIL_WIDTH, round(size[1] * scale)
    margin, label_w, header_h = 8, 40, 48
    sheet = QImage(label_w + len(MATRIX_VIEWS) * (cell_w + margin) + margin,
                   header_h + len(MATRIX_LANGUAGES) * (cell_h + margin) + margin, QImage.Format.Format_RGB32)
    sheet.fill(QColor("#ffffff"))
    painter = QPainter(sheet)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    font = QFont()
    font.setPixelSize(14)
    painter.setFont(font)
    painter.drawText(margin, 0, sheet.width(), 24, Qt.AlignmentFlag.AlignVCenter,
                     f"Deskguide {size[0]}x{size[1]}, {theme} theme")
    for column, view in enumerate(MATRIX_VIEWS):
        x = label_w + margin + column * (cell_w + margin)
        painter.drawText(x, 24, cell_w, header_h - 24, Qt.AlignmentFlag.AlignCenter, view)
        for row, language in enumerate(MATRIX_LANGUAGES):
            y = header_h + row * (cell_h + margin)
            if column == 0:
                painter.drawText(0, y, label_w, cell_h, Qt.AlignmentFlag.AlignCenter, language)
            image = QImage(str(cells[language, view])).scaled(
                cell_w, cell_h, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
            painter.drawImage(x, y, image)
    painter.end()
    target = MATRIX / f"contact-{size[0]}x{size[1]}-{theme}.png"
    compact(sheet).save(str(target))
    return target


def main(languages: list[str]) -> int:
    global _out
    from desktop.gui.platform.language import apply_language

    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "deskguide.sqlite3"
        prepare_database(db)
        if languages == ["--matrix"]:
            shoot_matrix(app, db)
            return 0
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
