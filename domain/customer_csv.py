"""The customer register as CSV: what a reseller's portal or Excel writes, read back all or nothing.

One row per subscription, its customer's columns repeated on each of its rows; a customer
without subscriptions is one row with the subscription columns empty. The header names are
the contract (docs/register-csv.md). Reading collects every problem of every row, each with
its physical line, column and reason, so a person can fix the whole file in one go; nothing
here touches the store.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from domain.customers import (
    MAX_SEATS,
    Customer,
    CustomerRecord,
    Offering,
    Subscription,
    customer_problems,
    parse_offering,
    reason_of,
    subscription_problems,
)
from domain.dates import parse_day
from domain.errors import InvalidInput, ReasonOnly, joined, line_by_line, whole_number_from
from domain.messages import Message, plural_message
from domain.notice import Term, parse_term

CUSTOMER_COLUMNS = ("customer_id", "customer_name", "org_number", "country", "contact", "phone", "email",
                    "offering", "notes")
SUBSCRIPTION_COLUMNS = ("subscription_id", "product", "term", "start_date", "seats", "end_user_support",
                        "from_reseller")
COLUMNS = CUSTOMER_COLUMNS + SUBSCRIPTION_COLUMNS
# A file without any subscription column is a list of customers; one with any of them needs these.
REQUIRED_CUSTOMER_COLUMNS = ("customer_id", "customer_name", "country")
REQUIRED_SUBSCRIPTION_COLUMNS = ("subscription_id", "product", "term", "start_date")
SEPARATORS = (";", ",")  # Excel in Nordic locales writes ';', elsewhere ','

# English, Swedish and Danish, Norwegian, Finnish.
TRUE_WORDS = {"yes", "true", "1", "ja", "kyllä"}
FALSE_WORDS = {"no", "false", "0", "nej", "nei", "ei"}

# A cell that begins with one of these is run as a formula by Excel and its kin (CWE-1236):
# an export writes it with a leading ' (OWASP, "CSV Injection"), which the spreadsheet shows
# as text, and an import removes exactly that one quote. A value that itself begins with '
# and then one of these (or more quotes and then one) gets one more quote, so every value
# comes back exactly as it went out.
_NEEDS_QUOTE = re.compile(r"'*[=+\-@\t\r]")
_QUOTED = re.compile(r"'+[=+\-@\t\r]")


def escape_cell(text: str) -> str:
    """`text` as an export writes it: with a leading ' if a spreadsheet would run it."""
    return "'" + text if _NEEDS_QUOTE.match(text) else text


def unescape_cell(text: str) -> str:
    """A cell as read from a file: the one leading ' that escape_cell adds, removed."""
    return text[1:] if _QUOTED.match(text) else text


# The domain checks name their fields after the dataclasses; the file names them after its columns.
_CUSTOMER_FIELD_COLUMNS = {"name": "customer_name", "external_id": "customer_id"}
_SUBSCRIPTION_FIELD_COLUMNS = {"external_id": "subscription_id"}


@dataclass(frozen=True, order=True)
class RowProblem:
    line: int  # the physical line in the file where the row starts; the header is line 1
    column: str  # "" when the problem is the row as a whole
    value: str
    reason: str  # a Message

    @property
    def message(self) -> Message:
        """"line 7, start_date: '31.02.2026' is not a day of the calendar"."""
        if self.column and self.value:
            return Message("line {line}, {column}: {value} {reason}", line=self.line, column=self.column,
                           value=repr(self.value), reason=self.reason)
        if self.column:
            return Message("line {line}, {column}: {reason}", line=self.line, column=self.column, reason=self.reason)
        if self.value:
            return Message("line {line}: {value} {reason}", line=self.line, value=repr(self.value),
                           reason=self.reason)
        return Message("line {line}: {reason}", line=self.line, reason=self.reason)

    def __str__(self) -> str:
        return self.message

    def as_dict(self) -> dict:
        return {"line": self.line, "column": self.column, "value": self.value, "reason": self.reason}


class CsvProblems(ReasonOnly):
    """A register file with one or more problems: nothing of it may be imported. Each
    problem's `message` is one line; the error's message is all of them, line by line."""

    def __init__(self, problems: Iterable[RowProblem]):
        self.problems = sorted(problems, key=lambda p: (p.line, _column_order(p.column)))
        super().__init__("file", None, joined([p.message for p in self.problems], line_by_line))


@dataclass(frozen=True)
class ParsedRegister:
    customers: list[Customer]  # checked and tidied, in the order of their first row
    subscriptions: list[tuple[str, Subscription]]  # (the customer's customer_id, the subscription)
    ignored_columns: tuple[str, ...] = ()  # header cells that name no column, as written in the file


def _column_order(column: str) -> int:
    return COLUMNS.index(column) + 1 if column in COLUMNS else 0


def normalise_header(name: str) -> str | None:
    """The column a header cell names, or None: case, spaces, hyphens and underscores do not
    matter, so 'Customer ID', 'customer-id' and 'CUSTOMER_ID' all name customer_id, and
    'E-mail' names email."""
    return _COLUMN_KEYS.get(re.sub(r"[\s\-_]+", "", name.lower()))


_COLUMN_KEYS = {column.replace("_", ""): column for column in COLUMNS}


# --- decoding and splitting -----------------------------------------------------------------

def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        offset = error.start + (3 if data.startswith(b"\xef\xbb\xbf") else 0)  # the codec counts after the BOM
        line = data[:offset].count(b"\n") + 1
        byte = data[offset:offset + 1].hex()
        raise CsvProblems([RowProblem(line, "", "", Message(
            "the byte 0x{byte} at offset {offset} is not UTF-8: the file was saved in another encoding. In Excel use "
            "File > Save As > 'CSV UTF-8 (Comma delimited)', then import that file", byte=byte, offset=offset))]) \
            from None


def _split_header(line: str, separator: str) -> list[str]:
    try:
        return next(csv.reader([line], delimiter=separator), [])
    except csv.Error:
        return line.split(separator)


def _known_columns(line: str, separator: str) -> int:
    return len({normalise_header(name) for name in _split_header(line, separator)} - {None})


def _detect_separator(text: str, header_line: str) -> str:
    """csv.Sniffer restricted to ';' and ','; the header line has the last word, because its
    names are known: the separator that splits it into more known columns wins."""
    try:
        sniffed = csv.Sniffer().sniff(text[:65536], delimiters="".join(SEPARATORS)).delimiter
    except csv.Error:
        sniffed = None
    counts = {separator: _known_columns(header_line, separator) for separator in SEPARATORS}
    if sniffed in counts and counts[sniffed] >= max(counts.values()):
        return sniffed
    if counts[";"] != counts[","]:
        return max(counts, key=counts.get)
    return ";" if header_line.count(";") > header_line.count(",") else ","


@dataclass(frozen=True)
class _Row:
    line: int
    cells: dict[str, str]  # column -> raw cell text (columns absent from the file are missing)


def _records(lines: list[str], first: int, separator: str, problems: list[RowProblem]):
    """(start line, fields, raw text) of every record from lines[first:], blank rows skipped.
    A record the csv module cannot read is a problem, and reading goes on with the next line."""
    reader = csv.reader(lines[first:], delimiter=separator, strict=True)
    while True:
        start = first + reader.line_num + 1
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            message = str(error)
            if "unexpected end of data" in message:
                reason = Message('a quote (") opened on this row is never closed')
            elif "expected after" in message:
                reason = Message('a quoted cell must end with its quote followed by {separator} '
                                 '(write a quote inside a quoted cell as "")', separator=repr(separator))
            else:
                reason = Message("cannot be read as CSV: {error}", error=message)
            problems.append(RowProblem(start, "", "", reason))
            continue
        end = first + reader.line_num
        if not any(field.strip() for field in fields):
            continue  # a blank line, or a row of empty cells as Excel writes below a table
        yield start, fields, "".join(lines[start - 1:end])


def _rows(text: str) -> tuple[list[_Row], tuple[str, ...], list[RowProblem]]:
    lines = list(io.StringIO(text, newline=""))  # keeps each line's own ending, as csv needs
    first = 0
    while first < len(lines) and not lines[first].strip():
        first += 1
    if first == len(lines):
        raise CsvProblems([RowProblem(1, "", "", Message(
            "the file is empty: the first line must name the columns ({columns})", columns=", ".join(COLUMNS)))])
    separator = None
    hint = re.fullmatch(r'"?sep=([;,])"?[;,]*\s*', lines[first], flags=re.IGNORECASE)
    if hint:  # Excel's own separator hint line, "sep=;"
        separator = hint.group(1)
        first += 1
        while first < len(lines) and not lines[first].strip():
            first += 1
        if first == len(lines):
            raise CsvProblems([RowProblem(first, "", "", Message("the file has no header line naming the columns"))])
    if separator is None:
        separator = _detect_separator("".join(lines[first:first + 1000]), lines[first])
    other = ";" if separator == "," else ","

    problems: list[RowProblem] = []
    records = _records(lines, first, separator, problems)
    header_start, header, _ = next(records, (first + 1, [], ""))
    columns, ignored, header_problems = _read_header(header, header_start)
    if header_problems:
        raise CsvProblems(header_problems)

    rows = []
    width = len(header)
    for start, fields, raw in records:
        if len(fields) > width and not any(f.strip() for f in fields[width:]):
            fields = fields[:width]  # empty cells after the last column, as spreadsheets leave them
        if len(fields) != width:
            problems.append(RowProblem(start, "", "", _width_reason(fields, width, raw, separator, other)))
            continue
        rows.append(_Row(start, {column: unescape_cell(fields[i]) for i, column in columns.items()}))
    return rows, tuple(ignored), problems


def _width_reason(fields: list[str], width: int, raw: str, separator: str, other: str) -> Message:
    if other in raw:
        try:
            as_other = next(csv.reader(io.StringIO(raw, newline=""), delimiter=other))
        except (csv.Error, StopIteration):
            as_other = []
        if len(as_other) >= width and len(fields) < width:
            return Message("uses {other} between cells but the header uses {separator}: "
                           "a file must use one separator throughout", other=repr(other), separator=repr(separator))
    # English says "cells" even of one (a row of one cell is rare); other languages may not.
    if len(fields) > width:
        return plural_message("has {count} cells, the header has {width} (a cell that contains {separator} must be "
                              "in quotes)",
                              "has {count} cells, the header has {width} (a cell that contains {separator} must be "
                              "in quotes)", len(fields), width=width, separator=repr(separator))
    if raw.count("\n") > 1:
        return plural_message("has {count} cells, the header has {width} (a quoted cell that spans lines may be "
                              "missing its closing quote)",
                              "has {count} cells, the header has {width} (a quoted cell that spans lines may be "
                              "missing its closing quote)", len(fields), width=width)
    return plural_message("has {count} cells, the header has {width}", "has {count} cells, the header has {width}",
                          len(fields), width=width)


def _read_header(header: list[str], line: int) -> tuple[dict[int, str], list[str], list[RowProblem]]:
    """{position: column} of the known columns, and the names of the others: those are ignored
    (portals add their own), and the import says which, so a misspelt column is noticed."""
    columns: dict[int, str] = {}
    ignored = []
    problems = []
    seen: dict[str, int] = {}
    for position, name in enumerate(header):
        column = normalise_header(name)
        if column is None:
            if name.strip():
                ignored.append(name.strip())
            continue
        if column in seen:
            problems.append(RowProblem(line, column, "", Message(
                "appears twice in the header (columns {first} and {second})", first=seen[column] + 1,
                second=position + 1)))
            continue
        seen[column] = position
        columns[position] = column
    required = list(REQUIRED_CUSTOMER_COLUMNS)
    if set(seen) & set(SUBSCRIPTION_COLUMNS):
        required += REQUIRED_SUBSCRIPTION_COLUMNS
    found = ", ".join(name.strip() for name in header if name.strip())
    missing = (Message("is missing from the header line (found: {found})", found=found) if found
               else Message("is missing from the header line (found: nothing)"))
    for column in required:
        if column not in seen:
            problems.append(RowProblem(line, column, "", missing))
    return columns, ignored, problems


# --- cells ------------------------------------------------------------------------------------

def parse_bool(text: str, column: str) -> bool:
    key = text.strip().lower()
    if key in TRUE_WORDS:
        return True
    if key in FALSE_WORDS:
        return False
    raise InvalidInput(column, text, Message("is not yes or no: use yes/no, true/false, 1/0, ja/nej, kyllä/ei"))


def parse_seats(text: str, column: str = "seats") -> int:
    value = text.strip().replace("\u00a0", "").replace(" ", "")  # "1 200": a Nordic thousands space
    # ASCII digits only: int() would also read "١٢" (Arabic-Indic) as 12.
    if not re.fullmatch(r"\+?[0-9]+", value) or not 1 <= int(value) <= MAX_SEATS:
        raise InvalidInput(column, text, whole_number_from(1, MAX_SEATS))
    return int(value)


def _customer_key(cells: dict[str, str]) -> dict[str, str]:
    """Each customer column as compared between the rows of one customer."""
    key = {column: cells.get(column, "").strip() for column in CUSTOMER_COLUMNS}
    key["country"] = key["country"].upper()
    key["offering"] = key["offering"].lower() or "none"
    return key


def _customer_of(row: _Row, problems: list[RowProblem]) -> Customer | None:
    cells = row.cells
    external_id = cells["customer_id"].strip()
    offering = None
    try:
        offering = parse_offering(cells.get("offering", ""), "offering")
    except InvalidInput as error:
        problems.append(RowProblem(row.line, "offering", cells["offering"], error.reason))
    customer = Customer(
        name=cells["customer_name"].strip(), country=cells["country"].strip().upper(),
        org_number=cells.get("org_number", "").strip(), contact=cells.get("contact", "").strip(),
        phone=cells.get("phone", "").strip(), email=cells.get("email", "").strip(),
        offering=offering or Offering.NONE, notes=cells.get("notes", "").strip(),
        external_id=external_id or None,
    )
    for error in customer_problems(customer):
        column = _CUSTOMER_FIELD_COLUMNS.get(error.field, error.field)
        # The problem shows the cell as written, so the check's own copy of the value goes.
        problems.append(RowProblem(row.line, column, cells.get(column, ""), reason_of(error.message)))
    if not external_id:
        problems.append(RowProblem(row.line, "customer_id", "", (
            Message("is required: the subscription on this row needs its customer's id") if _has_subscription(cells)
            else Message("is required: the customer's id in the portal, so that a re-import updates this customer"))))
    return customer if offering is not None else None


def _has_subscription(cells: dict[str, str]) -> bool:
    return any(cells.get(column, "").strip() for column in SUBSCRIPTION_COLUMNS)


def _subscription_of(row: _Row, today: dt.date | None, problems: list[RowProblem]) -> Subscription | None:
    cells = row.cells
    before = len(problems)
    failed = set()  # columns whose cell could not be read: the checks below skip them

    def cell(column: str, parse, default):
        text = cells.get(column, "")
        if not text.strip():
            return default
        try:
            return parse(text, column)
        except InvalidInput as error:
            problems.append(RowProblem(row.line, column, text, error.reason))
            failed.add(column)
            return default

    external_id = cells["subscription_id"].strip()
    if not external_id:
        problems.append(RowProblem(row.line, "subscription_id", "", Message(
            "is required: the subscription's id in the portal, so that a re-import updates this subscription")))
    term = cell("term", parse_term, None)
    start = cell("start_date", parse_day, None)
    for column, value in (("term", term), ("start_date", start)):
        if value is None and column not in failed:
            problems.append(RowProblem(row.line, column, "", Message("is required on a subscription row")))
            failed.add(column)
    subscription = Subscription(
        product=cells["product"].strip(), term=term or Term.MONTHS_12, start_date=start or dt.date(2026, 1, 1),
        seats=cell("seats", parse_seats, 1), end_user_support=cell("end_user_support", parse_bool, True),
        from_reseller=cell("from_reseller", parse_bool, True), external_id=external_id or None,
    )  # stand-ins for the cells that failed, so the remaining checks still run
    for error in subscription_problems(subscription, today):
        column = _SUBSCRIPTION_FIELD_COLUMNS.get(error.field, error.field)
        if column in failed:
            continue
        problems.append(RowProblem(row.line, column, cells.get(column, ""), reason_of(error.message)))
    return subscription if len(problems) == before else None


# --- the whole file ---------------------------------------------------------------------------

def parse_register_csv(data: bytes, today: dt.date | None = None) -> ParsedRegister:
    """The customers and subscriptions of a register file, or CsvProblems listing every problem.

    `today` enables the check that a start date is not more than a year ahead."""
    rows, ignored_columns, problems = _rows(_decode(data))
    customers: dict[str, Customer] = {}
    first_rows: dict[str, tuple[int, dict[str, str], set[str]]] = {}  # customer_id -> (line, cells, bad columns)
    subscription_lines: dict[str, int] = {}
    subscriptions: list[tuple[str, Subscription]] = []
    has_subscription_columns = bool(rows) and "subscription_id" in rows[0].cells

    for row in rows:
        row_problems: list[RowProblem] = []
        customer_id = row.cells["customer_id"].strip()
        key = _customer_key(row.cells)
        first = first_rows.get(customer_id) if customer_id else None
        if first is None or key != first[1]:  # a repeat of a customer's first row was checked there
            customer = _customer_of(row, row_problems)
            bad_columns = {p.column for p in row_problems}
            if first is None and customer_id:
                first_rows[customer_id] = (row.line, key, bad_columns)
                if customer is not None:
                    customers[customer_id] = customer
            elif first is not None:
                first_line, first_key, first_bad = first
                for column in CUSTOMER_COLUMNS:
                    if column in bad_columns | first_bad or key[column] == first_key[column]:
                        continue  # a bad cell is reported as such, not again as a difference
                    row_problems.append(RowProblem(row.line, column, row.cells.get(column, "").strip(), Message(
                        "differs from line {line} ({first}) for customer_id {customer_id}: a customer's columns "
                        "must be the same on each of its rows", line=first_line, first=repr(first_key[column]),
                        customer_id=repr(customer_id))))
        if has_subscription_columns and _has_subscription(row.cells):
            subscription = _subscription_of(row, today, row_problems)
            subscription_id = row.cells["subscription_id"].strip()
            if subscription_id in subscription_lines:
                row_problems.append(RowProblem(row.line, "subscription_id", subscription_id, Message(
                    "appears again: it is already on line {line} (each subscription is one row)",
                    line=subscription_lines[subscription_id])))
            elif subscription_id:
                subscription_lines[subscription_id] = row.line
            if subscription is not None and customer_id:
                subscriptions.append((customer_id, subscription))
        problems += row_problems

    if problems:
        raise CsvProblems(problems)
    return ParsedRegister(customers=list(customers.values()), subscriptions=subscriptions,
                          ignored_columns=ignored_columns)


# --- writing ----------------------------------------------------------------------------------

def _yes_no(value: bool) -> str:
    return "yes" if value else "no"


def register_rows(records: Iterable[CustomerRecord]) -> list[list[str]]:
    """The rows of the register file, header first."""
    rows = [list(COLUMNS)]
    for record in records:
        c = record.customer
        customer_cells = [c.external_id or "", c.name, c.org_number, c.country, c.contact, c.phone, c.email,
                          c.offering.value, c.notes]
        if not record.subscriptions:
            rows.append(customer_cells + [""] * len(SUBSCRIPTION_COLUMNS))
        for s in record.subscriptions:
            rows.append(customer_cells + [s.external_id or "", s.product, s.term.value, s.start_date.isoformat(),
                                          str(s.seats), _yes_no(s.end_user_support), _yes_no(s.from_reseller)])
    return rows


def write_register_csv(records: Iterable[CustomerRecord], separator: str = ";") -> bytes:
    """The register as a CSV file: UTF-8 with a BOM (so Excel shows å, ä, ö right), ISO dates,
    CRLF line ends, quoting only where a cell needs it, a cell a spreadsheet would run as a
    formula escaped (escape_cell). Reads back unchanged with parse_register_csv."""
    if separator not in SEPARATORS:
        raise InvalidInput("separator", separator, Message("is not a CSV separator: use ';' or ','"))
    out = io.StringIO(newline="")
    rows = ([escape_cell(cell) for cell in row] for row in register_rows(records))
    csv.writer(out, delimiter=separator, lineterminator="\r\n").writerows(rows)
    return out.getvalue().encode("utf-8-sig")


def without_store_ids(record: CustomerRecord) -> CustomerRecord:
    """A record as a file can carry it: the ids of the store are not part of the CSV."""
    return CustomerRecord(replace(record.customer, id=None),
                          tuple(replace(s, id=None, customer_id=None) for s in record.subscriptions))
