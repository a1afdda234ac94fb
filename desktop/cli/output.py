"""How the command line answers: exit codes, one answer (text or one JSON object), and
one line on stderr for bad input or a failure."""
from __future__ import annotations

import argparse
import json
import sys

from desktop.common.i18n import _

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2


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


def emit(args, payload: dict, text: str) -> None:
    """`text` (in --lang) for a person; with --json the payload as ever, plus that text."""
    if args.json:
        print(json.dumps({**payload, "message": text}, ensure_ascii=False, indent=2))
    else:
        print(text)


def fail(wants_json: bool, message: str, code: int, extra: dict | None = None) -> int:
    """Bad input or a failure: one line on stderr in --lang. `message` is the English (a
    Message where it can be said in another language): with --json it stays the "error",
    as scripts have always read it, beside the localised "message"."""
    said = _(message)
    print(f"deskguide: {said}", file=sys.stderr)
    if wants_json:
        print(json.dumps({"error": message, "message": said, **(extra or {})}, ensure_ascii=False))
    return code
