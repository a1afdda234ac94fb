"""The GitHub workflows (.github/workflows/*.yml), linted in every test run (issue 18).

actionlint checks what GitHub would reject or run wrongly (syntax, expressions, runner
labels, action inputs, deprecated runtimes); zizmor checks security (unpinned actions,
credentials left in the checkout, template injection, broad permissions). Both come from
PyPI with the test extras (pyproject.toml says which builds and why). zizmor runs
--offline: the audits that ask GitHub's API (impostor commits, known-vulnerable actions)
need the network, which the test run does not assume.

Each tool is also shown a workflow with a known fault, so a linter that silently checks
nothing (a wrong path, a broken install) fails here instead of passing.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
WORKFLOWS = ROOT / ".github" / "workflows"
BIN = Path(sys.executable).parent  # the venv's scripts: where the test extras put both tools


def tool(name: str) -> str:
    found = next((BIN / f"{name}{suffix}" for suffix in ("", ".exe") if (BIN / f"{name}{suffix}").exists()), None)
    assert found, f"{name} is not installed in {BIN}: python3 dev.py test installs the test extras"
    return str(found)


def actionlint(*paths: Path) -> subprocess.CompletedProcess:
    # -shellcheck= and -pyflakes=: only actionlint's own checks, whatever else is on PATH.
    return subprocess.run([tool("actionlint"), "-no-color", "-shellcheck=", "-pyflakes=", *map(str, paths)],
                          capture_output=True, text=True, cwd=ROOT)


def zizmor(*paths: Path) -> subprocess.CompletedProcess:
    # pedantic: also the code smells (an unnamed job, no concurrency limit), which are cheap to fix.
    return subprocess.run([tool("zizmor"), "--offline", "--no-progress", "--persona=pedantic", *map(str, paths)],
                          capture_output=True, text=True, cwd=ROOT)


def workflow_files() -> list[Path]:
    files = sorted(WORKFLOWS.glob("*.yml")) + sorted(WORKFLOWS.glob("*.yaml"))
    assert files, f"no workflows in {WORKFLOWS}"
    return files


def test_actionlint_finds_nothing_in_the_workflows():
    result = actionlint(*workflow_files())
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_finds_nothing_in_the_workflows():
    result = zizmor(*workflow_files())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings" in result.stdout + result.stderr


# A workflow with the faults both tools exist for: a typo'd expression property, an
# unpinned action, the branch name pasted into a script (template injection).
FAULTY = """\
name: faulty
on: [push]
permissions:
  contents: read
jobs:
  build:
    name: Build
    runs-on: windows-2022
    steps:
      - uses: actions/checkout@v4
        with:
          persist-credentials: false
      - run: echo "${{ github.head_ref }} ${{ github.event.pull_reqest.title }}"
"""


@pytest.fixture
def faulty_workflow(tmp_path: Path) -> Path:
    folder = tmp_path / ".github" / "workflows"
    folder.mkdir(parents=True)
    path = folder / "faulty.yml"
    path.write_text(FAULTY, encoding="utf-8")
    return path


def test_actionlint_reports_a_faulty_workflow(faulty_workflow):
    result = actionlint(faulty_workflow)
    assert result.returncode == 1
    assert "pull_reqest" in result.stdout


def test_zizmor_reports_a_faulty_workflow(faulty_workflow):
    result = zizmor(faulty_workflow)
    assert result.returncode != 0
    found = result.stdout + result.stderr
    assert "unpinned-uses" in found
    assert "template-injection" in found
