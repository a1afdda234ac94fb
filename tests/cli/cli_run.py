"""Running the command line in-process as a test does (imported by plain name)."""
from __future__ import annotations

import json

from desktop import cli


def run(capsys, *argv: str) -> tuple[int, dict | None, str, str]:
    """(exit code, the JSON object when --json was asked and printed, stdout, stderr)."""
    code = cli.main(list(argv))
    captured = capsys.readouterr()
    payload = json.loads(captured.out) if "--json" in argv and captured.out.strip() else None
    return code, payload, captured.out, captured.err
