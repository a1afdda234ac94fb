"""Running the command line in-process as a test does."""
from __future__ import annotations

import json

from desktop import cli
from desktop.cli.context import CliContext


def run(capsys, *argv: str, context: CliContext | None = None) -> tuple[int, dict | None, str, str]:
    """(exit code, the JSON object when --json was asked and printed, stdout, stderr);
    `context` pins the clock (default: the machine's)."""
    code = cli.main(list(argv), context)
    captured = capsys.readouterr()
    payload = json.loads(captured.out) if "--json" in argv and captured.out.strip() else None
    return code, payload, captured.out, captured.err
