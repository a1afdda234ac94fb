"""dev.py (issue 16): `run` checks that Qt's xcb platform plugin can load on an X display
and names (or installs) the Debian packages it lacks; `cli` runs the command line from
the checkout. The check's logic is tested here without a display: ldd resolves the
plugin's libraries by itself. `test` installs Wine for the installer tests (issue 18)."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import dev

# ldd on libqxcb.so of a desktop without the xcb utility libraries (Debian 12, PySide6 6.11):
# a library missing below two others is reported twice.
LDD = """\
\tlinux-vdso.so.1 (0x00007ffd2b5f6000)
\tlibQt6XcbQpa.so.6 => /venv/PySide6/Qt/lib/libQt6XcbQpa.so.6 (0x00007f0c4e2a1000)
\tlibxcb-cursor.so.0 => not found
\tlibxcb-icccm.so.4 => not found
\tlibxcb-util.so.1 => /lib/x86_64-linux-gnu/libxcb-util.so.1 (0x00007f0c4e299000)
\tlibxcb-keysyms.so.1 => not found
\tlibxkbcommon-x11.so.0 => not found
\tlibxcb-icccm.so.4 => not found
\t/lib64/ld-linux-x86-64.so.2 (0x00007f0c4e4f2000)
"""


def test_the_missing_libraries_are_read_from_ldd_each_once():
    assert dev.missing_libraries(LDD) == ["libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1",
                                          "libxkbcommon-x11.so.0"]
    assert dev.missing_libraries("\tstatically linked\n") == []


def test_each_missing_library_is_named_by_its_debian_package():
    packages, unknown = dev.packages_for(dev.missing_libraries(LDD))
    assert packages == ["libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxkbcommon-x11-0"]
    assert unknown == []
    assert dev.packages_for(["libxcb-icccm.so.4", "libfoo.so.9"]) == (["libxcb-icccm4"], ["libfoo.so.9"])


def test_the_advice_gives_the_exact_command_and_the_way_around():
    said = dev.xcb_advice(["libxcb-keysyms.so.1", "libxcb-icccm.so.4"])
    assert "libxcb-keysyms.so.1, libxcb-icccm.so.4 missing" in said
    assert "sudo apt-get install libxcb-icccm4 libxcb-keysyms1." in said
    assert "QT_QPA_PLATFORM=offscreen" in said
    assert "apt-file search libfoo.so.9" in dev.xcb_advice(["libfoo.so.9"])


def test_only_a_window_through_xcb_needs_them():
    on_linux = sys.platform == "linux"
    assert dev.wants_xcb({}) is on_linux and dev.wants_xcb({"QT_QPA_PLATFORM": "xcb"}) is on_linux
    assert not dev.wants_xcb({"QT_QPA_PLATFORM": "offscreen"})
    assert not dev.wants_xcb({"QT_QPA_PLATFORM": "wayland:xcb"})


def test_every_library_this_machines_plugin_lacks_has_a_known_package():
    # The real plugin of the venv running the tests, through the real ldd: whatever this
    # machine lacks, dev.py can name the package (or there is nothing missing).
    missing = dev.xcb_missing_libraries(Path(sys.executable))
    if sys.platform == "linux":
        assert missing is not None
        assert dev.packages_for(missing)[1] == []
    else:
        assert missing is None


def test_the_cli_passthrough_runs_the_checkouts_command_line(tmp_path):
    done = subprocess.run(dev.cli_command(Path(sys.executable), ["customers", "--search", "x", "--json",
                                                                 "--db", str(tmp_path / "none.sqlite3")]),
                          capture_output=True, text=True, cwd=dev.ROOT)
    # The command line's own answer and exit code: no such database, exit 2, one line.
    assert done.returncode == 2 and done.stderr.startswith("deskguide: there is no database")
    assert '"error"' in done.stdout


def test_the_set_up_talks_on_stderr_for_the_cli(capfd, monkeypatch):
    monkeypatch.setattr(dev, "SETUP_OUTPUT", sys.stderr)
    dev.run(sys.executable, "-c", "print('installing')")
    out, err = capfd.readouterr()
    assert out == "" and "installing" in err


def test_wine_for_the_installer_tests_is_found_where_it_is_installed_and_not_installed_again(capfd):
    """`dev.py test` runs ensure_wine before every test run (issue 18): on a machine with
    Wine (this one; dev.py installed it) it must return at once, without apt-get."""
    dev.ensure_wine()
    out, err = capfd.readouterr()
    assert "apt-get" not in out + err
    if sys.platform == "linux":
        assert shutil.which("wine"), "dev.py test installs wine for tests/packaging/test_msi_wine.py"
