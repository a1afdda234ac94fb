#!/usr/bin/env python3
"""Set up a fresh machine and run Deskguide or its tests: the README's Quick start.

    python dev.py run      # set everything up, open the app
    python dev.py cli ...  # the command line from this checkout: python dev.py cli hours --country SE
    python dev.py test     # set everything up, run the whole test suite
    python dev.py build    # also install PyInstaller, build dist/Deskguide/, self-test it
    python dev.py catalogues  # after changing visible strings: re-extract, update the .po files

Plain standard-library Python so it works before anything is installed, on Windows
and Linux alike. It creates `.venv/`, installs the project with its test extras
(again only when pyproject.toml changed), and on a bare Linux machine installs the
few system libraries Qt needs to draw offscreen, and for `run` the ones Qt's xcb
platform plugin needs to open a window on an X display (issue 16)
(and, for `test`, msitools to build and read the MSI, Wine, whose msiexec installs,
upgrades and uninstalls it (tests/packaging/test_msi_wine.py), and PostgreSQL's server
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
# Issue 16: on a desktop with a real X display `dev.py run` aborted ("could not load the Qt
# platform plugin xcb"): libqxcb.so and libQt6XcbQpa link against these, which a desktop
# may lack though offscreen works. Each shared library ldd can report missing, and the
# Debian (and Ubuntu) package that ships it.
XCB_LIBRARY_PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0", "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1", "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0", "libxcb-util.so.1": "libxcb-util1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0", "libxkbcommon.so.0": "libxkbcommon0",
    "libxcb-randr.so.0": "libxcb-randr0", "libxcb-shape.so.0": "libxcb-shape0", "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1", "libxcb-xfixes.so.0": "libxcb-xfixes0", "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-render.so.0": "libxcb-render0", "libxcb-xinput.so.0": "libxcb-xinput0", "libxcb-glx.so.0": "libxcb-glx0",
    "libxcb.so.1": "libxcb1", "libX11-xcb.so.1": "libx11-xcb1", "libX11.so.6": "libx11-6", "libSM.so.6": "libsm6",
    "libICE.so.6": "libice6", "libfontconfig.so.1": "libfontconfig1", "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3", "libEGL.so.1": "libegl1", "libGL.so.1": "libgl1", "libOpenGL.so.0": "libopengl0",
    "libGLX.so.0": "libglx0",
}


def venv_python() -> Path:
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


# Where the set-up's own output goes: stdout, but stderr for `dev.py cli`, whose stdout is
# the command's answer only (a script pipes `dev.py cli ... --json` into its parser).
SETUP_OUTPUT = None


def run(*cmd: str | Path, check: bool = True, **kwargs) -> int:
    print("+", " ".join(str(c) for c in cmd), flush=True, file=SETUP_OUTPUT or sys.stdout)
    if SETUP_OUTPUT is not None and "capture_output" not in kwargs:
        kwargs.setdefault("stdout", SETUP_OUTPUT)
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


def missing_libraries(ldd_output: str) -> list[str]:
    """The shared libraries ldd's output says are "not found", each once, in its order."""
    missing = []
    for line in ldd_output.splitlines():
        name, arrow, where = line.strip().partition("=>")
        if arrow and where.strip() == "not found" and name.strip() not in missing:
            missing.append(name.strip())
    return missing


def packages_for(libraries: list[str]) -> tuple[list[str], list[str]]:
    """(the Debian packages that ship `libraries`, sorted; the libraries no known package ships)."""
    packages = sorted({XCB_LIBRARY_PACKAGES[name] for name in libraries if name in XCB_LIBRARY_PACKAGES})
    return packages, [name for name in libraries if name not in XCB_LIBRARY_PACKAGES]


def xcb_plugin(python: Path) -> Path | None:
    """The venv's Qt xcb platform plugin (libqxcb.so), or None where there is none."""
    where = subprocess.run([str(python), "-c", "import os, PySide6; print(os.path.dirname(PySide6.__file__))"],
                           capture_output=True, text=True)
    plugin = Path(where.stdout.strip()) / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    return plugin if where.returncode == 0 and plugin.exists() else None


def xcb_missing_libraries(python: Path) -> list[str] | None:
    """What libqxcb.so (and the Qt libraries it loads) cannot find on this machine: ldd
    resolves the whole tree without a display. None when it cannot be asked (no ldd, no plugin)."""
    plugin = xcb_plugin(python)
    if plugin is None or shutil.which("ldd") is None:
        return None
    found = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True)
    return missing_libraries(found.stdout + found.stderr)


def wants_xcb(environment: dict) -> bool:
    """Whether the app will open its window through xcb: Linux, and no other platform
    chosen (QT_QPA_PLATFORM=offscreen, wayland... need none of these libraries)."""
    chosen = environment.get("QT_QPA_PLATFORM", "").split(":")[0].strip()
    return sys.platform == "linux" and chosen in {"", "xcb"}


def xcb_advice(missing: list[str]) -> str:
    """What to tell someone whose xcb plugin lacks `missing`: the exact packages."""
    packages, unknown = packages_for(missing)
    said = f"Qt's xcb platform plugin cannot load: {', '.join(missing)} missing."
    if packages:
        said += f" Install them: sudo apt-get install {' '.join(packages)}."
    if unknown:
        said += f" Find the package of {', '.join(unknown)} with: apt-file search {unknown[0]}."
    return said + " Or run with QT_QPA_PLATFORM=offscreen for no window."


def ensure_xcb_libraries(python: Path) -> None:
    """Before `run`: install what the xcb plugin lacks (apt-get, as for PostgreSQL), or
    stop and name exactly the packages to install."""
    if not wants_xcb(dict(os.environ)):
        return
    missing = xcb_missing_libraries(python)
    if not missing:
        return
    packages, _ = packages_for(missing)
    can_install = shutil.which("apt-get") is not None and (os.geteuid() == 0 or shutil.which("sudo") is not None)
    if not packages or not can_install:
        sys.exit(xcb_advice(missing))
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    run(*sudo, "apt-get", "update", "-qq")
    run(*sudo, "apt-get", "install", "-y", "-qq", *packages, env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
    still = xcb_missing_libraries(python)
    if still:
        sys.exit(xcb_advice(still))


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


def ensure_wine() -> None:
    """Debian's Wine for tests/packaging/test_msi_wine.py (issue 18): its msiexec is a real
    Windows Installer engine, run in a throwaway prefix. wine64 is the 64-bit loader the
    x64 MSI needs; no 32-bit half (wine32, multiarch) and no recommends (fonts, sound,
    GStreamer, Vulkan): a silent msiexec needs none of them."""
    if shutil.which("wine") is not None or sys.platform != "linux":
        return
    if shutil.which("apt-get") is None:
        sys.exit("the installer tests need Wine (its msiexec installs the MSI); install wine and wine64.")
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    run(*sudo, "apt-get", "update", "-qq")
    run(*sudo, "apt-get", "install", "-y", "-qq", "--no-install-recommends", "wine", "wine64",
        env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
    if shutil.which("wine") is None:
        sys.exit("apt-get installed wine but there is no `wine` on PATH.")


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


def cli_command(python: Path, rest: list[str]) -> list[str]:
    """`dev.py cli ...`: the venv's `deskguide` on these arguments, from the checkout."""
    return [str(python), "-m", "desktop.cli", *rest]


def main(argv: list[str]) -> int:
    global SETUP_OUTPUT
    if not argv or argv[0] not in {"run", "cli", "test", "setup", "build", "catalogues"}:
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    if command == "cli":
        SETUP_OUTPUT = sys.stderr
    python = ensure_venv()
    if command == "setup":
        return 0
    if command == "cli":
        sys.stderr.flush()
        # The arguments as given, its output as it is, its exit code (0, 2, 3...) as ours.
        return subprocess.run(cli_command(python, rest)).returncode  # in the caller's folder: its relative paths
    if command == "run":
        ensure_xcb_libraries(python)
        return run(python, "-m", "desktop", *rest, check=False)
    if command == "build":
        return build_bundle(python)
    if command == "catalogues":
        return update_catalogues(python)
    ensure_msi_tools()
    ensure_wine()
    ensure_postgres_server()
    code = run(python, "-m", "pytest", *rest, check=False, cwd=ROOT)
    if code == 5:
        print("pytest collected no tests: that is a failure, not a pass.", file=sys.stderr)
        return 1
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
