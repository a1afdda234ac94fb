"""How the command line answers: exit codes, one answer (text or one JSON object), and
one line on stderr for bad input or a failure."""
from __future__ import annotations

import argparse
import json
import sys

from desktop.common.i18n import _
from domain.errors import InvalidInput, ReasonOnly
from domain.messages import Message

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2
EXIT_TEMPORARY = 3  # busy, unreachable: trying again later may work (DeskguideError.temporary)


class UsageError(Exception):
    """argparse found a bad option; reported like any other bad input."""

    @property
    def message(self) -> str:
        """The English text, a Message when the CLI wrote it (argparse's own are plain)."""
        return self.args[0]


class Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse would print usage and exit by itself
        command = self.prog.removeprefix("deskguide").strip()
        raise UsageError(f"{command}: {message}" if command else message)


# Control characters (C0, DEL, C1) from the data never reach the terminal raw (CWE-150): an
# ANSI escape in an imported name could recolour, retitle or hide what the agent reads.
# Printed text shows each as its Python escape (\x1b); a line break stays a line break
# where the output has lines (an answer, a journal note), and is escaped too on the one
# line of an error. JSON escapes C0 itself; C1 and DEL get \u escapes here.
_CONTROLS = [*range(0x20), *range(0x7F, 0xA0)]  # Unicode's Cc, fixed since 1.1
_ESCAPED = {code: chr(code).encode("unicode_escape").decode("ascii") for code in _CONTROLS}
_ESCAPED_KEEPING_LINES = {**_ESCAPED, ord("\n"): "\n"}
_JSON_ESCAPED = {code: f"\\u{code:04x}" for code in _CONTROLS if code >= 0x7F}


def printable(text: str, lines: bool = True) -> str:
    """`text` with every control character escaped; line breaks kept when `lines`."""
    return text.translate(_ESCAPED_KEEPING_LINES if lines else _ESCAPED)


def as_json(value, **options) -> str:
    return json.dumps(value, ensure_ascii=False, **options).translate(_JSON_ESCAPED)


def table(header: tuple[str, ...], rows: list[tuple[str, ...]], widest: int = 40,
          right: frozenset[int] = frozenset()) -> list[str]:
    """Lines of a plain-text table: columns as wide as their widest cell, at most `widest`
    (a longer cell is cut, with "…"), two spaces apart; the columns in `right` aligned
    right (numbers)."""
    widths = [min(widest, max(len(row[i]) for row in [header, *rows])) for i in range(len(header))]

    def line(cells) -> str:
        fitted = [cell if len(cell) <= width else cell[:width - 1] + "…" for cell, width in zip(cells, widths)]
        return "  ".join(cell.rjust(width) if i in right else cell.ljust(width)
                         for i, (cell, width) in enumerate(zip(fitted, widths))).rstrip()

    return [line(header), *map(line, rows)]


def emit(args, payload: dict, text: str) -> None:
    """`text` (in --lang) for a person; with --json the payload as ever, plus that text."""
    if args.json:
        print(as_json({**payload, "message": text}, indent=2))
    else:
        print(printable(text))


def fail(wants_json: bool, message: str, code: int, extra: dict | None = None) -> int:
    """Bad input or a failure: one line on stderr in --lang. `message` is the English (a
    Message where it can be said in another language): with --json it stays the "error",
    as scripts have always read it, beside the localised "message"."""
    said = _(message)
    print(f"deskguide: {printable(said, lines=False)}", file=sys.stderr)
    if wants_json:
        print(as_json({"error": message, "message": said, **(extra or {})}))
    return code


def options_used(parser: argparse.ArgumentParser, args: argparse.Namespace) -> set[str]:
    """Every option string of the command (and sub-action) that `args` ran."""
    options = set(parser._option_string_actions)
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            chosen = action.choices.get(getattr(args, action.dest, None) or "")
            if chosen is not None:
                options |= options_used(chosen, args)
    return options


def choices_of(error: InvalidInput) -> dict:
    """For --json: the names a refused product could have meant (domain.lifecycle's
    AmbiguousProduct.candidates, UnknownProduct.closest), whichever command asked."""
    return {key: getattr(error, key) for key in ("candidates", "closest") if hasattr(error, key)}


def as_option(error: InvalidInput, options: set[str]) -> str:
    """The error's message, its field named as the option the user typed: the domain
    names fields ("on", "subscription"), the command line has options ("--on")."""
    option = "--" + error.field.replace("_", "-")
    if isinstance(error, ReasonOnly) or option not in options:
        return error.message
    return Message("{field}: {value} {reason}", field=option, value=repr(error.value), reason=error.reason)
