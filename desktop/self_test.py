"""`--self-test`: does this installation (a frozen build above all) work end to end?

Both entry points run it (`Deskguide --self-test`, `deskguide-cli --self-test`): a
throwaway data folder, a database created and migrated, one question of each kind
answered through the same services the views and the CLI use, the translations
loaded, and for the GUI the QApplication and the main window (which opens its own
store on its worker thread). A missing data file or hidden import in a bundle shows up
here as a named failure instead of as a crash on an agent's desk.

Prints a short report and returns 0, or 1 naming what failed. A windowed exe on
Windows has no stdout (sys.stdout is None under PyInstaller), so the report also goes
to a file: `--self-test-report PATH`, else %TEMP%\\deskguide-self-test.txt
(REPORT_NAME in tempfile.gettempdir()) when there is no stdout.

The CLI path imports no Qt: the GUI checks import it only when asked for.
"""
from __future__ import annotations

import datetime as dt
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPORT_NAME = "deskguide-self-test.txt"
GUI_WINDOW_TIMEOUT_S = 30.0


@dataclass
class Context:
    folder: Path
    now: dt.datetime
    store: object = None
    qt_app: object = None
    details: dict = field(default_factory=dict)

    @property
    def today(self) -> dt.date:
        return self.now.date()


# --- the checks: each returns a one-line summary or raises ------------------------------

def check_database(ctx: Context) -> str:
    from domain.store import open_store
    from domain.store.database import head_revision, table_names

    ctx.store = open_store(ctx.folder / "self-test.sqlite3", now=ctx.now)
    revision, head = ctx.store.schema_revision(), head_revision()  # head: Alembic reads the files
    if revision != head:
        raise AssertionError(f"schema at {revision}, migrations' head is {head}")
    return f"created and migrated to {revision} ({len(table_names(ctx.store))} tables)"


def check_hours(ctx: Context) -> str:
    from domain.services.hours import hours_answers

    statuses = hours_answers(ctx.store, None, None, ctx.now)
    if {s.country for s in statuses} != {"SE", "NO", "DK", "FI"}:
        raise AssertionError(f"expected four desks, got {[s.country for s in statuses]}")
    # Issue 16: phonenumbers' metadata and holiday_names.toml are inside the build.
    from desktop.wording.phones import phone_text
    from domain.closed_days import catalogue_name

    phones = [phone_text(s.phone) for s in statuses]
    if any(" " not in phone for phone in phones) or catalogue_name("SE", "Christmas Eve", "fi") != "Jouluaatto":
        raise AssertionError(f"phone numbers or holiday names missing: {phones}")
    return ", ".join(f"{s.country} {'open' if s.open else 'closed'} {phone}" for s, phone in zip(statuses, phones))


def check_scope(ctx: Context) -> str:
    from domain.scope import CustomerFacts, evaluate
    from domain.services import scope

    matches = scope.search(ctx.store, "printer")
    if not matches:
        raise AssertionError("searching 'printer' found no topic")
    answer = evaluate(scope.load_catalogue(ctx.store), matches[0].topic, CustomerFacts())
    return f"'printer' -> {answer.topic.id}: {answer.verdict.value}"


def check_notice(ctx: Context) -> str:
    from domain.notice import Term
    from domain.services.notice import notice_for

    answer = notice_for(ctx.store, dt.date(2025, 3, 1), Term.MONTHS_12, dt.date(2026, 1, 15), "SE")
    return f"12 months from 2025-03-01: notice by {answer.notice_deadline.isoformat()}"


def check_escalation(ctx: Context) -> str:
    from domain.services.escalation import escalator

    answer = escalator(ctx.store).escalate("B", "unified", ctx.now, "SE")
    return f"severity B, Unified, SE: due {answer.due.isoformat(timespec='minutes')} ({answer.clock})"


def check_lifecycle(ctx: Context) -> str:
    from domain.services.lifecycle import check

    answer = check(ctx.store, "Windows 10 22H2", ctx.today)
    return f"{answer.product.name}: {answer.phase.value}"


def check_register(ctx: Context) -> str:
    from domain.customers import Customer, Subscription
    from domain.notice import NOTICE_DAYS, Term
    from domain.services import register

    customer = register.save_customer(ctx.store, Customer(name="Self-test AB", country="SE"))
    # Started so that its first period's notice deadline is some 20 days away.
    start = ctx.today - dt.timedelta(days=365 - NOTICE_DAYS - 20)
    register.save_subscription(
        ctx.store, Subscription(product="Microsoft 365 Business Standard", term=Term.MONTHS_12, start_date=start,
                                customer_id=customer.id), ctx.today)
    deadlines = register.coming_deadlines(ctx.store, ctx.today, 120)
    if not any(d.customer_id == customer.id for d in deadlines):
        raise AssertionError("the new subscription is not among the coming deadlines")
    mine = next(d for d in deadlines if d.customer_id == customer.id)
    return f"customer #{customer.id} added; notice deadline {mine.notice_deadline.isoformat()} in the list"


def check_translations(ctx: Context) -> str:
    from desktop.common import i18n

    folder = i18n.translations_dir()
    if not folder.is_dir():
        raise AssertionError(f"the translations folder {folder} is missing")
    missing = [locale for locale in i18n.LANGUAGES if not i18n.has_catalogue(locale)]
    if missing:
        raise AssertionError(f"no compiled catalogue (.mo) for {', '.join(missing)} in {folder}")
    said = {}
    try:
        for locale in i18n.LANGUAGES[1:]:
            with i18n.in_language(locale):
                said[locale] = i18n._("Opening hours")
                i18n.format_date(ctx.today)  # babel's locale data for this language
    except Exception as error:
        raise AssertionError(f"a catalogue cannot be read: {error}") from error
    untranslated = [locale for locale, text in said.items() if text == "Opening hours"]
    if untranslated:
        raise AssertionError(f"the catalogues for {', '.join(untranslated)} do not translate the app")
    return "gettext catalogues: " + ", ".join(f"{locale} ({text})" for locale, text in said.items())


def check_qt_application(ctx: Context) -> str:
    from desktop.gui.app import create_application

    ctx.qt_app = create_application()
    return f"QApplication on the '{ctx.qt_app.platformName()}' platform"


def check_qt_translations(ctx: Context) -> str:
    from desktop.gui.platform.qt_translations import load_qt_translator

    loaded = []
    for locale in ("sv", "da", "fi", "nb"):
        translator = load_qt_translator(locale)
        if translator is not None:
            loaded.append(locale)
    if "sv" not in loaded:
        from desktop.gui.platform.qt_translations import qt_translations_dir

        raise AssertionError(f"qtbase_sv not found in {qt_translations_dir()}")
    return f"qtbase: {', '.join(loaded)}"


def check_main_window(ctx: Context) -> str:
    from PySide6.QtCore import QDeadlineTimer, QEventLoop

    from desktop.gui.app import create_main_window

    window = create_main_window(str(ctx.folder / "gui.sqlite3"))
    errors: list[str] = []
    window.worker.failed.connect(errors.append)
    try:
        window.show()
        # The window opens the store on its worker thread after it has painted; wait
        # until the hours view has its answers (what the agent waits for).
        deadline = QDeadlineTimer(int(GUI_WINDOW_TIMEOUT_S * 1000))
        while window.hours.answerer is None and not errors and not deadline.hasExpired():
            ctx.qt_app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
            time.sleep(0.005)
        if errors:
            raise AssertionError(f"the window's store failed: {errors[0]}")
        if window.hours.answerer is None:
            raise AssertionError(f"no answers in the window within {GUI_WINDOW_TIMEOUT_S:.0f} s")
        from desktop.gui.main_window import VIEWS

        for spec in VIEWS:  # each view is built on first use: build them all once
            window.view(spec.key)
        ctx.qt_app.processEvents()
        if errors:
            raise AssertionError(f"a view's store work failed: {errors[0]}")
        return (f"'{window.windowTitle()}' shown with the desks' answers; views built: "
                f"{', '.join(window.views)}")
    finally:
        window.shutdown()  # the worker stops and the store closes now: no quit questions in a script
        window.close()
        window.deleteLater()
        ctx.qt_app.processEvents()


CORE_CHECKS: tuple[tuple[str, Callable[[Context], str]], ...] = (
    ("database", check_database),
    ("hours", check_hours),
    ("scope", check_scope),
    ("notice", check_notice),
    ("escalation", check_escalation),
    ("lifecycle", check_lifecycle),
    ("register", check_register),
    ("translations", check_translations),
)
GUI_CHECKS: tuple[tuple[str, Callable[[Context], str]], ...] = (
    ("qt-application", check_qt_application),
    ("qt-translations", check_qt_translations),
    ("main-window", check_main_window),
)
# What a check cannot run without: when that failed, it is reported as not run.
NEEDS = {"hours": "database", "scope": "database", "notice": "database", "escalation": "database",
         "lifecycle": "database", "register": "database", "qt-translations": "qt-application",
         "main-window": "qt-application"}


def checks_for(gui: bool) -> tuple[tuple[str, Callable[[Context], str]], ...]:
    return CORE_CHECKS + (GUI_CHECKS if gui else ())


def run_checks(gui: bool) -> tuple[list[str], list[str]]:
    """(report lines, names of the failed checks)."""
    from desktop.common.version import app_version

    folder = Path(tempfile.mkdtemp(prefix="deskguide-self-test-"))
    ctx = Context(folder, dt.datetime.now(dt.timezone.utc))
    frozen = "frozen" if getattr(sys, "frozen", False) else "from source"
    lines = [f"Deskguide {app_version()} self-test ({'GUI' if gui else 'CLI'}, {frozen}, "
             f"Python {sys.version.split()[0]}, {sys.platform})", f"data folder: {folder}"]
    failed: list[str] = []
    try:
        for name, check in checks_for(gui):
            if NEEDS.get(name) in failed:
                failed.append(name)
                lines.append(f"FAIL  {name}: not run, {NEEDS[name]} failed")
                continue
            start = time.perf_counter()
            try:
                summary = check(ctx)
            except BaseException as error:  # noqa: BLE001 - a self-test reports everything
                if isinstance(error, KeyboardInterrupt):
                    raise
                failed.append(name)
                where = traceback.extract_tb(error.__traceback__)[-1]
                lines.append(f"FAIL  {name}: {type(error).__name__}: {error} "
                             f"({Path(where.filename).name}:{where.lineno})")
            else:
                lines.append(f"ok    {name}: {summary} [{(time.perf_counter() - start) * 1000:.0f} ms]")
    finally:
        if ctx.store is not None:
            ctx.store.close()
        shutil.rmtree(folder, ignore_errors=True)
    total = len(checks_for(gui))
    if failed:
        lines.append(f"SELF-TEST FAILED: {', '.join(failed)} ({len(failed)} of {total} checks)")
    else:
        lines.append(f"self-test passed: {total} checks")
    return lines, failed


def default_report_path() -> Path:
    return Path(tempfile.gettempdir()) / REPORT_NAME


def run(gui: bool, report_path: str | Path | None = None) -> int:
    """Run the self-test, print the report (and write it to a file when asked, or when
    there is no stdout to print to); 0 when every check passed, else 1."""
    lines, failed = run_checks(gui)
    text = "\n".join(lines) + "\n"
    if report_path is None and sys.stdout is None:
        report_path = default_report_path()
    if report_path is not None:
        Path(report_path).write_text(text, encoding="utf-8")
        lines.append(f"report written to {report_path}")
    if sys.stdout is not None:
        print("\n".join(lines), flush=True)
    return 1 if failed else 0


def wants_self_test(argv: Sequence[str]) -> bool:
    return "--self-test" in argv


def main(argv: Sequence[str], gui: bool) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="deskguide --self-test")
    parser.add_argument("--self-test", action="store_true", required=True)
    parser.add_argument("--self-test-report", metavar="PATH",
                        help=f"also write the report here (default when there is no console: "
                             f"{default_report_path()})")
    args, _unknown = parser.parse_known_args(list(argv))  # the GUI's Qt options may follow
    return run(gui, args.self_test_report)
