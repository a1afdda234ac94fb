"""Issue 17: `deskguide hours`, `scope`, `notice`, `escalate`, `lifecycle` within 8x an empty
Python, whole process, against an up-to-date SQLite database.

    .venv/bin/python benchmarks/cli_startup.py [--runs N] [--checkout PATH]

Each command runs as the venv's console script (`deskguide`, as an agent or a script
starts it) against a database prepared once (made and loaded by the full store, so it is
up to date and keeps the closed-day snapshot); each of its runs alternates with a run of
`python -c pass` from the same venv, so the machine's drift (other work, the CPU's
clock) falls on both alike. Prints each command's median, the reference's median over
the same runs, the ratio and a verdict against 8x. The checkout this script lives in is
measured (PYTHONPATH), whichever one the venv was installed from; `--checkout PATH`
measures another (say a worktree of the commit before issue 17). Run by hand: timings
belong to the machine, never to the test suite.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUDGET_RATIO = 8.0

COMMANDS = {
    "hours": ["hours", "--country", "SE", "--json"],
    "scope": ["scope", "--topic", "general-question", "--json"],
    "notice": ["notice", "--start", "2025-03-01", "--term", "12", "--on", "2026-11-23", "--json"],
    "escalate": ["escalate", "--severity", "A", "--country", "SE", "--opened", "2026-11-23T10:00", "--json"],
    "lifecycle": ["lifecycle", "--product", "Windows Server 2019", "--on", "2026-11-22", "--json"],
}


def _console_script() -> Path:
    name = "deskguide.exe" if sys.platform == "win32" else "deskguide"
    return Path(sys.executable).with_name(name)


def _wall_ms(argv: list[str], env: dict) -> float:
    started = time.perf_counter()
    result = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=120)
    elapsed = (time.perf_counter() - started) * 1000
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed ({result.returncode}): {result.stderr.strip()}")
    return elapsed


def prepare(folder: Path, checkout: Path) -> dict:
    """An up-to-date database (the checkout's full store made it) and the environment naming it."""
    sys.path.insert(0, str(checkout))
    from domain.store import open_store

    path = folder / "deskguide.sqlite3"
    open_store(path, now=dt.datetime.now(dt.timezone.utc)).close()
    env = {**os.environ, "DESKGUIDE_DB": str(path), "PYTHONPATH": str(checkout),
           "DESKGUIDE_MACHINE_CONFIG": str(folder / "deskguide.ini")}
    env.pop("DESKGUIDE_DATABASE_URL", None)
    return env


def main(argv: list[str] | None = None) -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--runs", type=int, default=15, help="runs of each command (default 15)")
    options.add_argument("--checkout", type=Path, default=ROOT, help="the source tree to measure (default: this one)")
    args = options.parse_args(argv)
    script = _console_script()
    reference = [sys.executable, "-c", "pass"]
    verdicts = []
    with tempfile.TemporaryDirectory() as folder:
        env = prepare(Path(folder), args.checkout.resolve())
        print(f"{'command':<11} {'median':>9} {'python -c pass':>15} {'ratio':>7}  verdict (budget {BUDGET_RATIO:g}x)")
        for name, command in COMMANDS.items():
            argv_ = [str(script), *command]
            _wall_ms(argv_, env)  # warm: bytecode written, files in the page cache
            samples, bare = [], []
            for _ in range(args.runs):
                bare.append(_wall_ms(reference, env))
                samples.append(_wall_ms(argv_, env))
            median, base = statistics.median(samples), statistics.median(bare)
            ratio = median / base
            within = ratio <= BUDGET_RATIO
            verdicts.append(within)
            print(f"{name:<11} {median:7.1f} ms {base:12.1f} ms {ratio:6.1f}x  "
                  f"{'within budget' if within else 'OVER BUDGET'}")
    print("all within budget" if all(verdicts) else "SOME OVER BUDGET")
    return 0 if all(verdicts) else 1


if __name__ == "__main__":
    sys.exit(main())
