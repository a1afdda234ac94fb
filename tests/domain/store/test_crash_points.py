"""Proof that no crash locks the agent out: a start killed (SIGKILL) at an SQL statement
of a first start, or of an upgrade from each released revision, and then the next start
opens the database at the newest schema with every row kept (crash_driver.py says how).

Every statement of a first start and of the upgrade from 0001 (the longest: every
migration runs) is a kill point; the upgrades from later revisions run the same
migrations' tails, so they are sampled evenly, 25 points each, the same every run.
CRASH_POINTS=all kills at every statement of every scenario (some 600 kills).
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
DRIVER = Path(__file__).with_name("crash_driver.py")
RELEASED = ("0001", "0002", "0003", "0004", "0005", "0006")
SAMPLE = 25

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(os, "fork"), reason="the driver forks (POSIX); the file logic is the same"),
]


def _scenarios() -> list[tuple[str, int | None]]:
    every = os.environ.get("CRASH_POINTS") == "all"
    return [("first-start", None), ("0001", None)] + [(r, None if every else SAMPLE) for r in RELEASED[1:]]


def _drive(tmp_path: Path, scenario: str, sample: int | None) -> dict:
    workdir = tmp_path / scenario
    workdir.mkdir()
    command = [sys.executable, str(DRIVER), str(workdir), scenario, *(["--sample", str(sample)] if sample else [])]
    result = subprocess.run(command, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_a_start_killed_at_any_statement_never_locks_the_agent_out(tmp_path):
    scenarios = _scenarios()
    with ThreadPoolExecutor(max_workers=max(1, min(4, os.cpu_count() or 1))) as pool:
        reports = dict(zip((s for s, _ in scenarios),
                           pool.map(lambda s: _drive(tmp_path, *s), scenarios)))
    for scenario, sample in scenarios:
        report = reports[scenario]
        assert report["failures"] == [], f"{scenario}: {report['failures'][:5]}"
        expected = report["statements"] if sample is None else min(sample, report["statements"])
        assert len(report["killed"]) == expected, scenario
        assert report["statements"] > 50, scenario  # the migrations and the reference data did run
