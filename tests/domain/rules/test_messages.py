"""The domain's sentences are Messages a translator can reach (issue 7, localisation).

Each sentence a person reads is a `Message`: its English text unchanged (the CLI prints
it, the JSON carries it), plus the template pybabel extracts and the values the GUI fills
in the agent's language. The first half checks a sample of errors and warnings carry
the right template and values; the second checks pybabel's own extractor finds every
domain template, and that no template hides its wording in an f-string or a format spec.
"""
from __future__ import annotations

import ast
import datetime as dt
import string
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from babel.messages.extract import extract_from_file

from domain.closed_days import ClosedDayCalendar
from domain.customer_csv import CsvProblems, parse_register_csv
from domain.customers import Customer, FieldError, InvalidRecord, check_customer
from domain.desks import Override, OverrideKind
from domain.errors import InvalidInput, ReferenceDataError, StoreError
from domain.escalation_data import load_escalation
from domain.lifecycle import AmbiguousProduct, check, find_product
from domain.lifecycle_data import load_lifecycle
from domain.messages import Message
from domain.notice import Term, notice_answer, notice_as_dict
from domain.opening_hours import desk_status, resolve_wall_time
from domain.reference_data import parse_desks
from domain.scope import CustomerFacts, evaluate
from domain.scope_data import load_scope
from domain.services.escalation import Escalator
from domain.services.register import RecordRejected
from domain.services.register_csv import read_register_file
from domain.store import open_store
from tests.domain.raw_sql import sql

D = dt.date
SE = ZoneInfo("Europe/Stockholm")
DOMAIN = Path(__file__).resolve().parents[3] / "domain"
KEYWORDS = {"Message": None, "plural_message": (1, 2)}  # as dev.py passes them to pybabel
VALUE_TYPES = (str, int, dt.date, dt.datetime, dt.time)


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def assert_sayable(message: object) -> None:
    """A Message the GUI can say in any language: its template's fields are exactly its
    values, and every value is one the GUI knows how to write (nested Messages too)."""
    assert isinstance(message, Message), f"{message!r} is a plain string, not a Message"
    assert placeholders(message.template) == set(message.params)
    if message.plural is not None:
        assert placeholders(message.plural) == set(message.params)
    for value in message.params.values():
        assert isinstance(value, VALUE_TYPES), f"{value!r} in {message.template!r}"
        if isinstance(value, Message):
            assert_sayable(value)


def nested(message: Message) -> list[Message]:
    """Every Message inside `message`, itself included."""
    found = [message]
    for value in message.params.values():
        if isinstance(value, Message):
            found += nested(value)
    return found


# --- notice -----------------------------------------------------------------------------------

def test_the_closed_day_warning_carries_the_safe_day_as_a_date():
    # Started 24 Jan 2026 for 12 months: the first notice deadline is 24 Dec 2026.
    closed = {D(2026, 12, 24): "Christmas Eve"}
    answer = notice_answer(D(2026, 1, 24), Term.MONTHS_12, D(2026, 6, 1), closed.get)
    message = answer.deadline_warning.message()
    assert_sayable(message)
    assert message.template == ("The deadline falls on a day the desk is closed ({reason}); the date stands, but "
                                "send the notice by {day} to be safe.")
    assert message.params == {"reason": "Christmas Eve", "day": D(2026, 12, 23)}
    assert type(message.params["day"]) is dt.date  # written by the GUI's language, not as ISO text
    english = ("The deadline falls on a day the desk is closed (Christmas Eve); the date stands, but send the notice "
               "by 2026-12-23 to be safe.")
    assert message == english and notice_as_dict(answer)["deadline_warning"]["message"] == english


def test_a_day_before_the_subscription_starts_names_its_start_as_a_date():
    with pytest.raises(InvalidInput) as raised:
        notice_answer(D(2026, 3, 1), Term.MONTHS_12, D(2026, 2, 1))
    reason = raised.value.reason
    assert_sayable(reason)
    assert (reason.template, reason.params) == ("is after the day notice is sent ({day})", {"day": D(2026, 2, 1)})
    assert str(raised.value) == "start: '2026-03-01' is after the day notice is sent (2026-02-01)"


# --- customers --------------------------------------------------------------------------------

def test_an_org_number_error_names_the_country_and_the_countrys_format():
    with pytest.raises(InvalidRecord) as raised:
        check_customer(Customer(name="Kahvila Oy", country="FI", org_number="12345"))
    [error] = raised.value.errors
    assert error.field == "org_number"
    assert_sayable(error.message)
    assert (error.message.template, error.message.params["value"]) == ("{value} {reason}", "'12345'")
    reason = error.message.params["reason"]
    assert reason.template == "is not an organisation number for {country}: {example}"
    assert reason.params["country"] == "FI"
    assert reason.params["example"].template == "7 digits and a check digit, e.g. 0112038-9"
    assert str(raised.value) == ("org_number: '12345' is not an organisation number for FI: 7 digits and a check "
                                 "digit, e.g. 0112038-9")


def test_each_bad_field_is_its_own_message_and_the_error_says_them_all():
    with pytest.raises(InvalidRecord) as raised:
        check_customer(Customer(name=" ", country="XX", phone="call me", email="nope"))
    error = raised.value
    assert [e.field for e in error.errors] == ["name", "country", "phone", "email"]
    for field_error in error.errors:
        assert_sayable(field_error.message)
    assert_sayable(error.message)
    assert error.message == str(error) == (
        "name: is required; country: 'XX' is not a desk country: use SE, NO, DK or FI; phone: 'call me' is not a "
        "phone number, e.g. +46 8 123 456 78; email: 'nope' is not an e-mail address")
    # The GUI translates the whole error by its parts: each field's Message is inside it.
    inside = [id(m) for m in nested(error.message)]
    assert all(id(field_error.message) in inside for field_error in error.errors)


def test_a_rejected_import_record_is_named_in_words_a_translator_can_reorder():
    reason = Message("is not an e-mail address")
    by_id = RecordRejected("customer", 2, "CSP-7", [FieldError("email", reason)])
    by_position = RecordRejected("subscription", 2, None, [FieldError("email", reason)])
    for error in (by_id, by_position):
        assert_sayable(error.errors[0].message)
        assert error.errors[0].message.template == "{message} ({record})"
    assert by_id.errors[0].message.params["record"].template == "customer {external_id}"
    assert by_position.errors[0].message.params["record"].params == {"number": 3}
    assert str(by_id) == "email: is not an e-mail address (customer 'CSP-7')"
    assert str(by_position) == "email: is not an e-mail address (subscription #3)"


# --- the register file ------------------------------------------------------------------------

HEADER = "customer_id;customer_name;country;email;subscription_id;product;term;start_date\n"


def test_a_csv_problem_is_one_message_with_its_line_column_value_and_reason():
    data = (HEADER + "C1;Åkesson AB;SE;nope;S1;Microsoft 365;12;31.02.2026\n").encode()
    with pytest.raises(CsvProblems) as raised:
        parse_register_csv(data)
    email, start = raised.value.problems
    for problem in (email, start):
        assert_sayable(problem.message)
        assert problem.message.template == "line {line}, {column}: {value} {reason}"
    assert start.message.params == {"line": 2, "column": "start_date", "value": "'31.02.2026'",
                                    "reason": Message("is not a day of the calendar")}
    # The cell is shown as written: the check's own copy of the value is not repeated.
    assert (email.value, email.reason.template) == ("nope", "is not an e-mail address")
    assert str(start) == "line 2, start_date: '31.02.2026' is not a day of the calendar"
    assert raised.value.message == str(raised.value) == f"{email}\n{start}"
    assert_sayable(raised.value.message)


def test_a_row_of_the_wrong_width_counts_its_cells_in_a_plural_message():
    data = (HEADER + "C1;Åkesson AB;SE\n").encode()
    with pytest.raises(CsvProblems) as raised:
        parse_register_csv(data)
    [problem] = raised.value.problems
    assert_sayable(problem.reason)
    assert (problem.reason.count, problem.reason.params["width"]) == (3, 8)
    assert problem.reason.plural == "has {count} cells, the header has {width}"
    assert str(problem) == "line 2: has 3 cells, the header has 8"


def test_a_file_that_cannot_be_read_says_why_in_a_message(tmp_path):
    missing = tmp_path / "register.csv"
    with pytest.raises(InvalidInput) as raised:
        read_register_file(missing)
    reason = raised.value.reason
    assert_sayable(reason)
    assert reason.template == "cannot be read: {why}"
    assert reason.params["why"].template == "no such file or folder"
    assert str(raised.value) == f"file: {str(missing)!r} cannot be read: no such file or folder"


# --- opening hours ----------------------------------------------------------------------------

def test_a_year_nobody_reviewed_warns_with_the_years_and_the_desk(bundled_policies):
    policy = bundled_policies["SE"]
    year = policy.reviewed_to + 3
    status = desk_status(policy, ClosedDayCalendar(policy), dt.datetime(year, 6, 10, 12, 0, tzinfo=SE))
    [warning] = [w for w in status.warnings if w.code == "year_not_reviewed"]
    assert_sayable(warning.message)
    assert warning.message.params["years"] == str(year)
    assert (warning.message.params["first"], warning.message.params["last"]) == (policy.reviewed_from,
                                                                                  policy.reviewed_to)
    assert warning.message.params["desk"].template == "Sweden"  # the data's name, translated like the data
    assert warning.message.startswith(f"The closed days for {year} have not been reviewed")


def test_a_wall_time_in_the_spring_gap_warns_with_times_and_a_date(bundled_policies):
    instant, [warning] = resolve_wall_time(dt.datetime(2026, 3, 29, 2, 30), bundled_policies["SE"])
    assert warning.code == "time_does_not_exist"
    assert_sayable(warning.message)
    params = warning.message.params
    assert (params["time"], params["day"], params["answer"]) == (dt.time(2, 30), D(2026, 3, 29), dt.time(3, 30))
    assert warning.message == ("02:30 does not exist on 2026-03-29 in Sweden (Europe/Stockholm) (clocks go "
                               "forward); answered for 03:30.")


def test_a_repeated_autumn_hour_warns_with_the_zone_it_chose(bundled_policies):
    _, [warning] = resolve_wall_time(dt.datetime(2026, 10, 25, 2, 30), bundled_policies["SE"])
    assert_sayable(warning.message)
    assert warning.message.params["zone"] == "CEST"
    assert warning.message.endswith("answered for the first time, 02:30 CEST.")


def test_an_override_origin_is_a_message_dated_in_the_desks_own_day():
    override = Override(id=3, country="SE", kind=OverrideKind.CLOSED_DATE, note="staff party",
                        created_at=dt.datetime(2026, 11, 21, 23, 30, tzinfo=dt.timezone.utc), created_by="anna",
                        on_date=D(2026, 12, 4))
    origin = override.origin(SE)
    assert_sayable(origin)
    assert (origin.template, origin.params["note"]) == ("{origin}: {note}", "staff party")
    assert origin.params["origin"].params == {"id": 3, "person": "anna", "day": D(2026, 11, 22)}
    assert origin == "administrator override #3 by anna on 2026-11-22: staff party"


# --- lifecycle, scope, escalation -------------------------------------------------------------

LIFECYCLE = load_lifecycle()[1]
SCOPE = load_scope()[1]


def test_an_ambiguous_product_counts_the_candidates_in_a_plural_message():
    with pytest.raises(AmbiguousProduct) as raised:
        find_product(LIFECYCLE, "windows")
    reason = raised.value.reason
    assert_sayable(reason)
    assert reason.count == len(raised.value.candidates) > AmbiguousProduct.MAX_LISTED
    assert reason.plural == "fits {count} products, say which one (version, edition): {products}"
    listed = reason.params["products"]  # the first twenty names, then how many more
    assert listed.count == len(raised.value.candidates) - AmbiguousProduct.MAX_LISTED
    assert reason.endswith(f"; and {listed.count} more")


def test_support_ended_warns_with_the_end_as_a_date_and_cites_each_allowance():
    answer = check(LIFECYCLE, "Windows 7", D(2026, 11, 22))
    assert_sayable(answer.warning)
    assert answer.warning.params["day"] == D(2020, 1, 14)
    assert answer.warning.startswith("Microsoft support for Windows 7 ended on 2020-01-14. Tell the customer")
    for allowance in answer.allows:
        assert_sayable(allowance)
        # The reference-data sentence is translated by its English; the citation is kept.
        assert allowance.params["text"].template in {a.text for rules in LIFECYCLE.phases.values()
                                                     for a in rules.allows}


def test_a_version_outcome_quotes_the_terms_as_a_value():
    answer = evaluate(SCOPE, "os-problem", CustomerFacts(version="Windows XP"))
    text = answer.reasons[0].text
    assert_sayable(text)
    assert text.template == "{version} is older than the terms cover: {quote}."
    assert text.params["quote"] == SCOPE.version_rules["os"].quote  # Swedish terms: quoted, not translated
    assert text == f"Windows XP is older than the terms cover: {SCOPE.version_rules['os'].quote}."


def test_a_version_of_the_wrong_kind_says_both_kinds_in_translatable_words():
    with pytest.raises(InvalidInput) as raised:
        evaluate(SCOPE, "os-problem", CustomerFacts(version="Outlook 2016"))
    reason = raised.value.reason
    assert_sayable(reason)
    assert (reason.params["kind"].template, reason.params["what"].template) == ("an e-mail client",
                                                                                "an operating system")
    assert reason.params["examples"].template == "{earlier} or {later}"
    assert reason == "is an e-mail client, not an operating system; for os-problem give e.g. 'Windows 11' or 'macOS 27'"


def test_the_next_steps_are_each_a_reference_data_sentence():
    answer = evaluate(SCOPE, "office-apps", CustomerFacts(migrating=True, from_reseller=False))
    assert len(answer.next_steps) == 2
    assert answer.next_step == " ".join(answer.next_steps)
    assert set(answer.next_steps) <= {o.next_step for o in SCOPE.facts.values()}


def test_an_escalation_note_names_the_offering_by_its_translatable_title(bundled_policies):
    rules = load_escalation()[1]
    answer = Escalator(rules, bundled_policies).escalate("B", "rapid-response",
                                                         dt.datetime(2026, 11, 24, 10, 0, tzinfo=SE), "SE")
    [note] = answer.notes
    assert_sayable(note)
    assert note.template == "{offering} covers Azure components only: the base package target applies."
    assert note.params["offering"].template == rules.offerings["rapid-response"].title


# --- the store --------------------------------------------------------------------------------

def test_a_database_from_a_newer_deskguide_is_a_message_naming_the_schema(store, isolated_data, now):
    store.close()
    sql(isolated_data, "UPDATE alembic_version SET version_num = '9999_future'")
    with pytest.raises(StoreError) as raised:
        open_store(isolated_data, now=now)
    assert_sayable(raised.value.message)
    assert raised.value.message.params == {"database": str(isolated_data), "schema": "9999_future"}


def test_a_data_folder_that_cannot_be_made_is_a_message(tmp_path, now):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(StoreError) as raised:
        open_store(blocker / "deskguide.sqlite3", now=now)
    assert_sayable(raised.value.message)
    assert raised.value.message.template == "cannot create the data folder {folder}: {why}"
    assert raised.value.message.params["folder"] == str(blocker)


def test_reference_data_errors_stay_plain_english_for_the_people_who_maintain_the_files():
    with pytest.raises(ReferenceDataError) as raised:
        parse_desks({"dataset": {}})
    assert not isinstance(raised.value.message, Message)
    assert "[dataset]" in raised.value.message


# --- what pybabel extracts --------------------------------------------------------------------

def message_calls(tree: ast.AST):
    """Every Message(...) and plural_message(...) call of a module."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = getattr(node.func, "id", getattr(node.func, "attr", None))
            if name in KEYWORDS:
                yield name, node


def literal(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def unextractable(source: str, filename: str = "<snippet>") -> list[str]:
    """Calls whose template pybabel cannot read: an f-string, a concatenation, a variable."""
    problems = []
    for name, call in message_calls(ast.parse(source)):
        templates = call.args[:2] if name == "plural_message" else call.args[:1]
        if not templates or any(literal(arg) is None for arg in templates):
            problems.append(f"{filename}:{call.lineno}: {ast.unparse(call)[:80]}")
    return problems


def domain_modules() -> list[Path]:
    return sorted(DOMAIN.rglob("*.py"))


def extracted(path: Path) -> list[tuple]:
    return list(extract_from_file("python", str(path), keywords=KEYWORDS, comment_tags=("Translators:",)))


def test_the_check_catches_a_template_pybabel_cannot_read():
    snippet = 'Message(f"{day} is closed")\nMessage("is " + why)\nplural_message("{count} day", days, n)\n'
    assert len(unextractable(snippet)) == 3
    assert unextractable('Message("{day} is closed", day=day)\nplural_message("a {count}", "b {count}", n)\n') == []


def test_every_domain_template_is_a_literal_no_f_string():
    problems = []
    for path in domain_modules():
        if path.name == "messages.py" and path.parent == DOMAIN:
            continue  # the mechanism itself: data_text wraps a reference-data text it is handed
        problems += unextractable(path.read_text("utf-8"), str(path.relative_to(DOMAIN.parent)))
    assert problems == []


def test_pybabel_extracts_every_message_of_the_domain():
    missing, count = [], 0
    for path in domain_modules():
        found = {message for _line, message, _comments, _context in extracted(path)}
        for name, call in message_calls(ast.parse(path.read_text("utf-8"))):
            templates = tuple(literal(arg) for arg in call.args[:2 if name == "plural_message" else 1])
            if None in templates:
                continue  # reported by the test above
            count += 1
            wanted = templates if name == "plural_message" else templates[0]
            if wanted not in found:
                missing.append(f"{path.name}:{call.lineno}: {wanted!r}")
    assert missing == []
    assert count > 100  # the domain's sentences, not an empty walk


def test_every_domain_template_has_plain_named_placeholders():
    bad = []
    for path in domain_modules():
        for line, message, _comments, _context in extracted(path):
            forms = message if isinstance(message, tuple) else (message,)
            for form in forms:
                for _text, name, spec, conversion in string.Formatter().parse(form):
                    if name is not None and (not name.isidentifier() or spec or conversion):
                        bad.append(f"{path.name}:{line}: {form!r}")
            if len({frozenset(placeholders(form)) for form in forms}) > 1:
                bad.append(f"{path.name}:{line}: the plural forms differ in their fields: {forms!r}")
    assert bad == []
