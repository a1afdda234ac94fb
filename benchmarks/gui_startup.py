"""Launch to the desks' answers (issue 17), whole process, against a bare PySide6 window.

    .venv/bin/python benchmarks/run_benchmarks.py answers

Each round starts a bare window, then Deskguide with `--startup-probe` (python -m desktop
from this checkout), each in a fresh process, alternating so the machine's drift cancels;
launch is the moment the process is spawned. Peak memory is the child's ru_maxrss
(os.wait4). Twice: on an empty database and on one of 100,000 customers and 300,000
subscriptions (benchmarks/register_generator.py). Then, once per database, the window
left running for a few seconds (`--quit-after`), so what the first view loads (the
customer finder's index) counts in its peak.
"""
from __future__ import annotations

import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.run_benchmarks import BARE_WINDOW  # noqa: E402 - the same bare window as `startup`

BUDGET = 2.0
SETTLE_SECONDS = 4.0

# Started by a small launcher of its own: Linux gives a process spawned by a big one
# (this script, after generating 100,000 customers) that one's peak as its own ru_maxrss.
# The launcher says when it spawns (the launch) and the child's peak, on stderr.
LAUNCHER = """
import os, sys, time
sys.stderr.write(f"SPAWN {time.time()!r}\\n"); sys.stderr.flush()
pid = os.fork()
if pid == 0:
    os.execv(sys.argv[1], sys.argv[1:])
_, status, usage = os.wait4(pid, 0)
sys.stderr.write(f"PEAK {usage.ru_maxrss}\\n")
sys.exit(os.waitstatus_to_exitcode(status))
"""


def _run(command: list[str], env: dict) -> tuple[float, str, int, float]:
    """(the moment of spawning, stdout, exit code, peak memory in MB)."""
    if not hasattr(os, "fork"):  # Windows: no rusage; the timings still count
        start = time.time()
        result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
        return start, result.stdout, result.returncode, float("nan")
    result = subprocess.run([sys.executable, "-S", "-c", LAUNCHER, *command], cwd=ROOT, env=env,
                            capture_output=True, text=True)
    said = dict(line.split(" ", 1) for line in result.stderr.splitlines() if line.startswith(("SPAWN ", "PEAK ")))
    return float(said["SPAWN"]), result.stdout, result.returncode, int(said["PEAK"]) / 1024  # kB on Linux


def _field(out: str, key: str) -> list[str]:
    lines = [line.split() for line in out.splitlines() if line.startswith(key + " ")]
    return lines[0][1:] if lines else []


def bare(env: dict) -> tuple[float, float]:
    start, out, code, peak = _run([sys.executable, "-c", BARE_WINDOW], env)
    ready = _field(out, "READY")
    if code != 0 or not ready:
        raise SystemExit(f"the bare window failed:\n{out}")
    return (float(ready[1]) - start) * 1000, peak


def deskguide(env: dict, *extra: str) -> dict[str, float]:
    """Launch to STARTUP, PROVISIONAL and ANSWERS in ms, and the peak memory in MB."""
    start, out, code, peak = _run([sys.executable, "-m", "desktop", *extra], env)
    if "--startup-probe" not in extra:
        return {"peak": peak}
    startup, answers, provisional = _field(out, "STARTUP"), _field(out, "ANSWERS"), _field(out, "PROVISIONAL")
    if code != 0 or not startup or not answers or answers[0] == "none":
        raise SystemExit(f"the probe gave no answers (exit {code}):\n{out}")
    window = (float(startup[1]) - start) * 1000
    figures = {"window": window, "answers": (float(answers[1]) - start) * 1000, "peak": peak}
    if provisional:  # ms since main(), like STARTUP's first field
        figures["provisional"] = window + float(provisional[0]) - float(startup[0])
    return figures


def _environment(folder: Path, db: Path) -> dict:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "DESKGUIDE_DB": str(db), "DESKGUIDE_MACHINE_CONFIG": str(folder / "none.ini"),
           "DESKGUIDE_LOG_DIR": str(folder / "logs"), "XDG_CONFIG_HOME": str(folder / "config"),
           "DESKGUIDE_DATABASE_URL": "",
           # As installed: our modules' bytecode is cached (the warm run writes it, outside
           # the checkout). With PYTHONDONTWRITEBYTECODE every launch compiled ~70 of them.
           "PYTHONPYCACHEPREFIX": str(folder / "pycache")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _register(db: Path, customers: int, subscriptions: int) -> None:
    from benchmarks.register_generator import DEFAULT_TODAY, generate
    from domain.store import open_store

    store = open_store(db, now=dt.datetime.combine(DEFAULT_TODAY, dt.time(12), dt.timezone.utc))
    generate(store, customers, subscriptions)
    store.close()


def _median(runs: list[dict], key: str) -> float:
    values = [run[key] for run in runs if key in run]
    return statistics.median(values) if values else float("nan")


def measure(label: str, db: Path, folder: Path, runs: int) -> None:
    env = _environment(folder, db)
    deskguide(env, "--startup-probe")  # warm the file cache (and create the empty store)
    bares, apps = [], []
    for _ in range(runs):  # alternating: the machine's drift hits both alike
        bares.append(bare(env))
        apps.append(deskguide(env, "--startup-probe"))
    settled = [deskguide(env, "--quit-after", str(SETTLE_SECONDS))["peak"] for _ in range(3)]
    bare_launch = statistics.median(b[0] for b in bares)
    bare_peak = statistics.median(b[1] for b in bares)
    print(f"-- {label}: median of {runs} alternating runs, launch = the process spawned --")
    print(f"{'bare PySide6 window':44}{bare_launch:9.1f} ms   peak {bare_peak:7.1f} MB")
    for key, what in (("window", "Deskguide window (STARTUP)"), ("provisional", "Deskguide reference answers (PROVISIONAL)"),
                      ("answers", "Deskguide store's answers (ANSWERS)")):
        value = _median(apps, key)
        print(f"{what:44}{value:9.1f} ms   {value / bare_launch:5.2f}x")
    answers = _median(apps, "answers") / bare_launch
    print(f"launch to answers: {answers:.2f}x a bare window (budget {BUDGET:.0f}x): "
          f"{'within budget' if answers <= BUDGET else 'OVER BUDGET'}")
    peak, settled_peak = _median(apps, "peak"), statistics.median(settled)
    # The probe's process lets the jobs queued before its quit finish (the customer
    # finder's index among them), so its peak includes the register the first view shows.
    print(f"peak memory of the probe {peak:.1f} MB ({peak / bare_peak:.2f}x bare)")
    print(f"peak memory, window left {SETTLE_SECONDS:.0f} s (first view and its data loaded): {settled_peak:.1f} MB "
          f"({settled_peak / bare_peak:.2f}x bare)")
    return bare_peak, settled_peak


def bench_answers(runs: int = 11, customers: int = 100_000, subscriptions: int = 300_000) -> None:
    print("== Launch to the desks' answers (issue 17), offscreen ==", flush=True)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        bare_peak, empty = measure("empty database", folder / "empty.sqlite3", folder, runs)
        big = folder / "register.sqlite3"
        _register(big, customers, subscriptions)
        _, full = measure(f"{customers:,} customers, {subscriptions:,} subscriptions "
                          f"({big.stat().st_size / 2**20:.0f} MB file)", big, folder, runs)
    # "Within 2x a bare window plus the data shown": the app itself is the empty
    # database's peak; the data shown, what the register adds to it.
    data = full - empty
    print(f"the app without data: {empty:.1f} MB, {empty / bare_peak:.2f}x bare (budget {BUDGET:.0f}x): "
          f"{'within budget' if empty <= BUDGET * bare_peak else 'OVER BUDGET'}; the data shown at "
          f"{customers:,} customers: {data:.1f} MB ({data * 2**20 / customers:.0f} bytes a customer)")


if __name__ == "__main__":
    bench_answers(int(sys.argv[1]) if len(sys.argv) > 1 else 11)
