#!/usr/bin/env python3
"""Set up a fresh machine and run Deskguide or its tests: the README's Quick start.

    python dev.py run      # set everything up, open the app
    python dev.py test     # set everything up, run the whole test suite

Plain standard-library Python so it works before anything is installed, on Windows
and Linux alike. It creates `.venv/`, installs the project with its test extras
(again only when pyproject.toml changed), and on a bare Linux machine installs the
few system libraries Qt needs to draw offscreen.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".deskguide-installed"
# Debian package names of the shared libraries PySide6's wheels link against but do
# not ship; a desktop has them, a minimal CI image may not.
QT_SYSTEM_PACKAGES = [
    "libegl1", "libgl1", "libxkbcommon0", "libfontconfig1", "libdbus-1-3", "libglib2.0-0",
]


def venv_python() -> Path:
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def run(*cmd: str | Path, check: bool = True, **kwargs) -> int:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    return subprocess.run([str(c) for c in cmd], check=check, **kwargs).returncode


def install_fingerprint() -> str:
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes())
    digest.update(sys.version.encode())
    return digest.hexdigest()


def ensure_venv() -> Path:
    python = venv_python()
    if not python.exists():
        run(sys.executable, "-m", "venv", VENV)
    fingerprint = install_fingerprint()
    if not STAMP.exists() or STAMP.read_text() != fingerprint:
        run(python, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
        run(python, "-m", "pip", "install", "--quiet", "-e", f"{ROOT}[test]")
        STAMP.write_text(fingerprint)
    ensure_qt_system_libraries(python)
    return python


def ensure_qt_system_libraries(python: Path) -> None:
    probe = "from PySide6 import QtGui, QtWidgets"
    if run(python, "-c", probe, check=False, capture_output=True) == 0:
        return
    if sys.platform != "linux" or shutil.which("apt-get") is None:
        sys.exit("PySide6 cannot load its Qt libraries; install Qt's system dependencies.")
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    run(*sudo, "apt-get", "update", "-qq")
    run(*sudo, "apt-get", "install", "-y", "-qq", *QT_SYSTEM_PACKAGES,
        env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
    run(python, "-c", probe)


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"run", "test", "setup"}:
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    python = ensure_venv()
    if command == "setup":
        return 0
    if command == "run":
        return run(python, "-m", "desktop", *rest, check=False)
    code = run(python, "-m", "pytest", *rest, check=False, cwd=ROOT)
    if code == 5:
        print("pytest collected no tests: that is a failure, not a pass.", file=sys.stderr)
        return 1
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
