"""`pip install .` gives a working app (issue 18): the wheel is built from the tracked
files alone (a clean checkout has no compiled .mo: the build compiles them, setup.py),
installed into a fresh virtual environment, and both self-tests run from it.

The fresh environment borrows the dependencies (PySide6, SQLAlchemy, ...) from the
project's venv through a .pth line, so nothing is downloaded; the project's own editable
install is not on that path (.pth files are read only in site directories), so what runs
is the wheel."""
from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from tests.packaging.test_bundle import CORE_CHECKS, GUI_CHECKS, _env

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.packaging


def _clean_checkout(target: Path) -> Path:
    """The working tree's tracked files, as a clean checkout of this commit has them."""
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    for name in filter(None, tracked.decode().split("\0")):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    assert not list(target.glob("resources/translations/*/LC_MESSAGES/*.mo"))  # none in git
    return target


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("wheel")
    source = _clean_checkout(work / "checkout")
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", str(source), "--no-deps", "-w", str(work / "dist"),
                            "-q"], capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, built.stdout + built.stderr
    [wheel] = (work / "dist").glob("deskguide-*.whl")
    venv = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    purelib = Path(subprocess.run([str(venv / "bin" / "python"), "-c",
                                   "import sysconfig; print(sysconfig.get_path('purelib'))"],
                                  capture_output=True, text=True, check=True).stdout.strip())
    (purelib / "borrowed-dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    install = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "--no-deps", "-q", str(wheel)],
                             capture_output=True, text=True, timeout=300)
    assert install.returncode == 0, install.stdout + install.stderr
    return venv


@pytest.mark.parametrize(("script", "checks"), [("deskguide", CORE_CHECKS), ("deskguide-gui", CORE_CHECKS + GUI_CHECKS)])
def test_the_installed_wheel_passes_its_self_test_in_every_language(installed, tmp_path, script, checks):
    report = tmp_path / "report.txt"
    env = _env(tmp_path)
    env.pop("PYTHONPATH", None)
    result = subprocess.run([str(installed / "bin" / script), "--self-test", "--self-test-report", str(report)],
                            cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    text = report.read_text(encoding="utf-8") if report.exists() else ""
    assert result.returncode == 0, result.stdout + result.stderr + text
    for name in checks:
        assert f"ok    {name}:" in text, text
    assert "sv (" in text and "fi (" in text, text
    # What answered is the installed wheel (not this checkout), with the catalogues the build compiled.
    where = subprocess.run([str(installed / "bin" / "python"), "-c", "import resources; print(resources.__file__)"],
                           cwd=tmp_path, env=env, capture_output=True, text=True, check=True).stdout.strip()
    assert Path(where).is_relative_to(installed), where
    assert (Path(where).parent / "translations" / "fi" / "LC_MESSAGES" / "deskguide.mo").is_file()
