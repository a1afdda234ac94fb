"""Any argument vector to any command: exit 0, 2 or 3, at most one line on stderr (an
import's documented problem list aside), never a traceback, and a database whose bytes
are as they were whenever the command refuses (issue 13, "Proof").

The argument vectors come from the real parser (desktop.cli.build_parser): every command
and sub-action with its own options, each given a value from what the option expects
and from what breaks parsers (limit dates, huge numbers, other scripts' digits, control
characters, empty strings, files that are not files), in any order, with stray tokens.
They run in-process against a copy of a filled database, in a folder of their own, so
an export or an import never reaches past it.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import shutil
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop import cli
from desktop.cli.context import CliContext
from domain.customer_csv import COLUMNS

CONTEXT = CliContext.pinned(dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.timezone.utc))
EXAMPLE = Path(__file__).resolve().parents[2] / "data" / "register-semicolon.csv"

# Options the fuzzing leaves alone: --db would open (and create) databases anywhere.
LEFT_ALONE = {"--db", "-h", "--help", "--version"}


def command_paths(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()):
    """(the command words, its parser) for every command and sub-action, and their parents
    (`journal` runs without an action, `overrides` is refused without one)."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield (*path, name), sub
                yield from command_paths(sub, (*path, name))


def arguments(parser: argparse.ArgumentParser) -> list[argparse.Action]:
    return [a for a in parser._actions if not isinstance(a, (argparse._SubParsersAction, argparse._HelpAction))
            and not set(a.option_strings) & LEFT_ALONE]


# --- values --------------------------------------------------------------------------------

DATES = ["2026-12-24", "22.11.2026", "2026-12-24T10:00", "2026-12-24T09:00Z", "2026-12-24T10:00+02:00",
         "9999-12-31T23:59", "0001-01-01T00:00", "9999-12-31", "31.12.9999", "0001-01-01", "1999-12-31",
         "2000-01-01", "2099-12-31T23:59", "2099-12-31T23:59-12:00", "2000-01-01T00:00+14:00", "2100-01-01",
         "2026-02-30", "29.02.2100", "2026-12-24T25:00", "2026-W52-4", "20261224T1000", "11/12/2026"]
NUMBERS = ["1", "2", "3", "0", "-1", "45", "120", "121", "9223372036854775807", "9223372036854775808",
           "99999999999999999999", "-9223372036854775809", "1e3", "0x10", "1_000", "+5", " 7 "]
OTHER_DIGITS = ["٢٠٢٦-٠١-٠١", "٠١.٠١.٢٠٢٦", "١٢", "٣", "１２", "२०२६-११-२२", "𝟙𝟚"]
CONTROLS = ["\x1b[31m", "a\nb", "\r", "\t", "\x9b", "\x7f", "SE\x1b", "\x1b]0;title\x07", "\n"]
EMPTY = ["", " ", " \t "]
WORDS = ["SE", "fi", "XX", "12", "payg", "36", "6", "A", "1", "b", "unified", "rapid-response", "none", "mon",
         "Monday", "monkey", "08:00", "8:05", "15:00+05:00", "15:00:30", "08:00-16:00", "16:00-08:00",
         "Windows 10", "Exchange 2016", "Windows 11", "password-reset", "os-problem", "nope", "glemt passord",
         "yes", "no", ";", ",", "en", "sv", "no", "de", "x" * 300, "Anna"]
# Text of any script, but nothing a command line cannot hold (NUL, lone surrogates) nor a
# path separator: a stray value taken for a file name stays in the fuzzing's own folder.
TEXT = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00/\\"), max_size=12)
NASTY = st.one_of(st.sampled_from(DATES + NUMBERS + OTHER_DIGITS + CONTROLS + EMPTY + WORDS), TEXT)


def write_files(folder: Path) -> list[str]:
    """The files an import or an export may be pointed at, all inside `folder`."""
    good = folder / "register.csv"
    shutil.copyfile(EXAMPLE, good)
    bad = folder / "bad.csv"
    bad.write_text(";".join(COLUMNS) + "\nC-1;Evil\x1b[2J;;SE;;;;;;S-1;E3;12;31.02.2026;99999999999999999999;;\n"
                   f"C-2;{'x' * 300};;SE;;+٤٦ 8;;;;S-2;E3;12;٢٠٢٦-٠١-٠١;١٢;;\n", encoding="utf-8")
    (folder / "empty.csv").write_bytes(b"")
    (folder / "latin1.csv").write_bytes(";".join(COLUMNS).encode() + "\nC-1;Åke;;SE\n".encode("latin-1"))
    paths = [good, bad, folder / "empty.csv", folder / "latin1.csv", folder / "new.csv", folder,
             folder / "missing" / "x.csv"]
    if sys.platform != "win32":
        os.mkfifo(folder / "fifo")
        paths.append(folder / "fifo")
    return [str(path) for path in paths] + ["new.csv", "register.csv"]


# What each option expects, its limit values included, so that many vectors get past the
# first check and reach the store (by the option's dest; the rest get WORDS).
EXPECTED = {
    "country": ["SE", "no", "DK", "FI", "XX"], "lang": ["en", "sv", "nb", "no", "da", "fi"],
    "at": DATES, "opened": DATES, "start": DATES, "on": DATES, "date": DATES,
    "term": ["payg", "12", "24", "36", "١٢"], "severity": ["1", "A", "B", "C"], "offering": ["unified", "x"],
    "customer": NUMBERS, "subscription": NUMBERS, "id": NUMBERS, "older_than_months": NUMBERS, "within": NUMBERS,
    "weekday": ["mon", "fri", "Sunday", "monkey"], "hours": ["08:00-15:00", "9:00-17:30", "08:00Z-15:00"],
    "closes": ["13:00", "9:30", "15:00+05:00", "١٥:٠٠"], "product": ["Windows 10", "Exchange 2016", "Server 2019"],
    "topic": ["password-reset", "os-problem"], "search": ["renewal", "glemt passord", "Åkesson"],
    "version": ["Windows 11", "Office 2010"], "note": ["Office move", "", "\x1b[31m"], "by": ["Anna", "", "B" * 81],
    # Refused before any connection, or a server that is not there (exit 3 at once): never the network.
    "database_url": ["postgresql://agent:pw@db.example/desk", "postgres://db.example/desk?password=x", "mysql://h/d",
                     "postgresql://db.example", "postgresql://a,b/desk", "postgresql://127.0.0.1:1/desk", ""],
}


def value_for(action: argparse.Action, files: list[str]):
    if action.dest == "file":
        expected = st.sampled_from(files)
    elif action.choices:
        expected = st.sampled_from(sorted(action.choices))
    else:
        expected = st.sampled_from(EXPECTED.get(action.dest, WORDS))
    return st.one_of(expected, expected, NASTY)  # two in three as expected


@st.composite
def argument_vectors(draw, parser: argparse.ArgumentParser, files: list[str]) -> list[str]:
    words, command = draw(st.sampled_from(list(command_paths(parser))))
    pieces = []
    for action in arguments(command):
        wanted = 0.95 if action.required or not action.option_strings else 0.4
        if draw(st.floats(0, 1)) >= wanted:
            continue
        if not action.option_strings:  # a positional: FILE, an override's ID
            pieces.append([draw(value_for(action, files))])
        elif action.nargs == 0:  # a flag
            pieces.append([draw(st.sampled_from(action.option_strings))])
        else:
            pieces.append([draw(st.sampled_from(action.option_strings)), draw(value_for(action, files))])
    pieces = draw(st.permutations(pieces))
    stray = draw(st.lists(st.sampled_from(["--json", "--frob", "-x", "--", "--lang", "sv", "-"]) | NASTY,
                          max_size=1))
    front = draw(st.sampled_from([[], ["--json"], ["--lang", "fi"], ["--lang", "xx"]]))
    return [*front, *words, *(token for piece in pieces for token in piece), *stray]


# --- the property --------------------------------------------------------------------------

# "import: {count} problems in {file}, nothing imported" in any of the five languages:
# each translation keeps "import: {count}" and a word for problems first.
IMPORT_SUMMARY = re.compile(r"deskguide: import: (\d+) \w+ .*")


def check_stderr(err: str) -> None:
    """One line; or an import's summary line and then exactly one line per problem."""
    lines = err.splitlines()
    if len(lines) <= 1:
        return
    summary = IMPORT_SUMMARY.fullmatch(lines[0])
    assert summary, err
    assert len(lines) == 1 + int(summary.group(1)), err
    # "line 3, seats: ..." or "line 1: ..." ("rivi 3, ..." in Finnish): each problem names its line.
    assert all(re.match(r"\w+ \d+\b", line) for line in lines[1:]), err


def run_cli(argv: list[str]) -> int:
    try:
        return cli.main(argv, CONTEXT)
    except SystemExit as exit:  # argparse's own --help, as the console script would exit
        return exit.code


@pytest.fixture
def fuzz_folder(tmp_path, monkeypatch):
    """A folder of its own to work in (relative names land here), with the files."""
    folder = tmp_path / "work"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


def test_any_argument_vector_exits_0_2_or_3_with_one_line_and_refusals_write_nothing(
        capsys, filled_template, isolated_data, fuzz_folder):
    parser = cli.build_parser()
    files = write_files(fuzz_folder)
    template = filled_template.read_bytes()
    isolated_data.parent.mkdir(parents=True, exist_ok=True)

    # Three times the profile's examples: one runs in ~20 ms, and the commands are many.
    @settings(max_examples=3 * settings.default.max_examples,
              suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
    @given(argument_vectors(parser, files))
    def any_command(argv):
        for leftover in isolated_data.parent.iterdir():  # the last example's database and its WAL
            leftover.unlink()
        isolated_data.write_bytes(template)
        code = run_cli(argv)
        out, err = capsys.readouterr()
        assert code in (0, 2, 3), (argv, code, err)
        assert "Traceback" not in out + err, argv
        check_stderr(err)
        if code != 0:
            assert isolated_data.read_bytes() == template, (argv, err)

    any_command()
