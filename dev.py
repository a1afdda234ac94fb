#!/usr/bin/env python3
"""Set up a fresh machine and run Deskguide or its tests: the README's Quick start.

    python dev.py run      # set everything up, open the app
    python dev.py test     # set everything up, run the whole test suite
    python dev.py build    # also install PyInstaller, build dist/Deskguide/, self-test it
    python dev.py catalogues  # after changing visible strings: re-extract, update the .po files

Plain standard-library Python so it works before anything is installed, on Windows
and Linux alike. It creates `.venv/`, installs the project with its test extras
(again only when pyproject.toml changed), and on a bare Linux machine installs the
few system libraries Qt needs to draw offscreen
(and, for `test`, msitools to build and read the MSI, and PostgreSQL's server
programs: the store tests start a throwaway PostgreSQL of their own,
tests/postgres_server.py).
"""
from __future__ import annotations

import glob
import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

from resources import catalogues  # standard library only, like this script

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".deskguide-installed"
# Debian package names of the shared libraries PySide6's wheels link against but do
# not ship; a desktop has them, a minimal CI image may not.
QT_SYSTEM_PACKAGES = [
    "libegl1", "libgl1", "libxkbcommon0", "libfontconfig1", "libdbus-1-3", "libglib2.0-0",
]
# The tests build the Windows installer from its WiX source with msitools' wixl and read
# it back with msiinfo (tests/packaging/test_msi.py); Windows itself uses WiX v3.
MSI_TOOL_PACKAGES = {"wixl": "wixl", "wixl-heat": "wixl", "msiinfo": "msitools", "msibuild": "msitools"}


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
        # The build extra too: the suite builds the bundle (tests/packaging).
        run(python, "-m", "pip", "install", "--quiet", "-e", f"{ROOT}[test,build]")
        STAMP.write_text(fingerprint)
    ensure_qt_system_libraries(python)
    compile_catalogues(python)
    return python


def compile_catalogues(python: Path) -> None:
    """The .mo files the app reads, from the .po sources (only when a .po changed)."""
    for language in catalogues.TRANSLATED_LANGUAGES:
        po = catalogues.po_file(language)
        mo = po.with_suffix(".mo")
        if po.exists() and (not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime):
            run(python, "-m", "babel.messages.frontend", "compile", "--statistics",
                "-D", catalogues.DOMAIN, "-d", catalogues.TRANSLATIONS, "-l", language, "-i", po)


def update_catalogues(python: Path) -> int:
    """pybabel extract (code and reference data, babel.cfg) then update every .po."""
    pot = catalogues.TEMPLATE
    run(python, "-m", "babel.messages.frontend", "extract", "-F", catalogues.MAPPING,
        *catalogues.keyword_options(), "--add-comments=Translators:", "--no-wrap",
        "--project=Deskguide", "--copyright-holder=Deskguide team", "-o", pot, ".", cwd=ROOT)
    for language in catalogues.TRANSLATED_LANGUAGES:
        action = "update" if catalogues.po_file(language).exists() else "init"
        extra = ["--ignore-obsolete", "--no-wrap"] if action == "update" else ["--no-wrap"]
        run(python, "-m", "babel.messages.frontend", action, "-D", catalogues.DOMAIN, "-i", pot,
            "-d", catalogues.TRANSLATIONS, "-l", language, *extra, cwd=ROOT)
    compile_catalogues(python)
    return 0


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


def ensure_msi_tools() -> None:
    missing = sorted({package for tool, package in MSI_TOOL_PACKAGES.items() if shutil.which(tool) is None})
    if not missing or sys.platform != "linux":
        return
    if shutil.which("apt-get") is None:
        sys.exit(f"the MSI tests need {', '.join(missing)} (msitools); install them.")
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    run(*sudo, "apt-get", "update", "-qq")
    run(*sudo, "apt-get", "install", "-y", "-qq", *missing,
        env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})


def postgres_installed() -> bool:
    """initdb on PATH, or where Debian keeps it (/usr/lib/postgresql/<version>/bin, not on
    PATH); the same search as tests/postgres_server.py."""
    return shutil.which("initdb") is not None or bool(glob.glob("/usr/lib/postgresql/*/bin/initdb"))


def ensure_postgres_server() -> None:
    """Debian's postgresql package for the tests' throwaway server. Only the programs are
    needed: the tests make, start and remove their own cluster (as `nobody` when run as
    root) on a Unix socket in a temporary folder, so a system cluster the package may
    start on port 5432 is never in their way."""
    if postgres_installed() or sys.platform != "linux":
        return
    if shutil.which("apt-get") is None:
        sys.exit("the store tests need PostgreSQL's server programs (initdb, postgres); install PostgreSQL.")
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    run(*sudo, "apt-get", "update", "-qq")
    run(*sudo, "apt-get", "install", "-y", "-qq", "--no-install-recommends", "postgresql",
        env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
    if not postgres_installed():
        sys.exit("apt-get installed postgresql but no initdb was found under /usr/lib/postgresql/*/bin.")


SPEC = ROOT / "packaging" / "deskguide.spec"
DIST = ROOT / "dist"
BUNDLE = DIST / "Deskguide"


def bundle_executables(bundle: Path = BUNDLE) -> dict[str, Path]:
    """The bundle's two programs: the windowed GUI and the console CLI."""
    suffix = ".exe" if os.name == "nt" else ""
    return {"gui": bundle / f"Deskguide{suffix}", "cli": bundle / f"deskguide-cli{suffix}"}


def build_bundle(python: Path, dist: Path = DIST, work: Path = ROOT / "build") -> int:
    """PyInstaller on packaging/deskguide.spec, then both executables' --self-test."""
    code = run(python, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
               "--distpath", dist, "--workpath", work, SPEC, check=False, cwd=ROOT)
    if code != 0:
        print("the PyInstaller build failed", file=sys.stderr)
        return code or 1
    failed = []
    for kind, exe in bundle_executables(dist / "Deskguide").items():
        report = work / f"self-test-{kind}.txt"
        # A windowed exe has no console on Windows: the report file is what we read.
        env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
        code = run(exe, "--self-test", "--self-test-report", report, check=False, env=env)
        if os.name == "nt" and report.exists():
            print(report.read_text(encoding="utf-8"))
        if code != 0:
            failed.append(exe.name)
    if failed:
        print(f"self-test FAILED: {', '.join(failed)}", file=sys.stderr)
        return 1
    print(f"built and self-tested: {dist / 'Deskguide'}")
    return 0


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"run", "test", "setup", "build", "catalogues"}:
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    python = ensure_venv()
    if command == "setup":
        return 0
    if command == "run":
        return run(python, "-m", "desktop", *rest, check=False)
    if command == "build":
        return build_bundle(python)
    if command == "catalogues":
        return update_catalogues(python)
    ensure_msi_tools()
    ensure_postgres_server()
    code = run(python, "-m", "pytest", *rest, check=False, cwd=ROOT)
    if code == 5:
        print("pytest collected no tests: that is a failure, not a pass.", file=sys.stderr)
        return 1
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
