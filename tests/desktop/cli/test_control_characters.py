"""Control characters and ANSI escapes (CWE-150): refused on import outside the notes, and
never printed raw, whatever the database holds."""
from __future__ import annotations

import datetime as dt
import sqlite3

from desktop.cli.context import CliContext
from domain.customer_csv import COLUMNS
from tests.desktop.cli.cli_run import run

CONTEXT = CliContext.pinned(dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.timezone.utc))
RAW = ("\x1b", "\x07", "\x9b", "\r")


def test_import_refuses_a_control_character_outside_the_notes(capsys, filled_db, tmp_path):
    path = tmp_path / "evil.csv"
    path.write_text(";".join(COLUMNS) + "\nC-9;Evil\x1b[8m AB\x07;;SE;;;;;\"two\nlines\x1b[31m\";;;;;;;\n",
                    encoding="utf-8")
    before = filled_db.read_bytes()
    code, _, out, err = run(capsys, "import", str(path), context=CONTEXT)
    assert code == 2 and out == ""
    assert err.splitlines() == [
        f"deskguide: import: 1 problem in {path}, nothing imported",
        "line 2, customer_name: 'Evil\\x1b[8m AB\\x07' contains the control character U+001B",
    ]  # the notes' line break and escape are not a problem; nothing raw on the terminal either
    assert not any(char in err for char in RAW)
    assert filled_db.read_bytes() == before


def test_printed_output_shows_control_characters_escaped(capsys, filled_db):
    name, note = "Evil\x1b]0;owned\x07 AB\x9b", "line one\nline\x1b[2J two\r"
    with sqlite3.connect(filled_db) as connection:  # as an older version or another tool may have stored them
        connection.execute("UPDATE customer SET name = ? WHERE id = 1", (name,))
        connection.execute("UPDATE journal_entry SET note = ? WHERE customer_id = 1", (note,))
    connection.close()
    code, _, out, err = run(capsys, "journal", "--customer", "1", context=CONTEXT)
    assert code == 0, err
    assert not any(char in out for char in RAW)
    assert "Evil\\x1b]0;owned\\x07 AB\\x9b" in out
    assert "line one\n" in out and "line\\x1b[2J two" in out  # a note keeps its lines

    code, payload, out, err = run(capsys, "journal", "--customer", "1", "--json", context=CONTEXT)
    assert code == 0, err
    assert not any(char in out for char in RAW) and "\\u009b" in out
    assert payload["entries"][0]["note"] == note  # JSON carries the value exactly


def test_an_error_is_one_line_whatever_it_quotes(capsys, filled_db):
    code, _, out, err = run(capsys, "lifecycle", "--product", "Windows\n\x1b[31m11", context=CONTEXT)
    assert code == 2 and len(err.splitlines()) == 1
    assert not any(char in err for char in RAW)
