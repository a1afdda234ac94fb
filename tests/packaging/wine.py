"""A real Windows Installer engine for the MSI tests: Wine's msiexec in a throwaway prefix.

    prefix = WinePrefix.create(tmp_path / "wine")      # wineboot, some 5 s
    code = prefix.msiexec("/i", prefix.path_for_wine(msi), "/qn", "DEFAULT_COUNTRY=NO")
    prefix.registry_values(r"HKLM\\SOFTWARE\\Deskguide")   # {"DefaultCountry": "NO", ...}
    prefix.kill()

`reg_file_values(path)` reads what `reg export` (Wine's or Windows' own) wrote: the
values of one key as {name: value}, REG_SZ as str and REG_DWORD as int (parse_reg says
the rest), so a test can hand them to the app's registry reader as the installer left them.

Wine is a separate engine, not Windows: tests/packaging/test_msi_wine.py says where it
differs, and .github/workflows/windows.yml installs the same definition on real Windows.
"""
from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

INSTALL_HINT = "Wine missing: python3 dev.py test installs it (apt-get install wine wine64)"
# A process's exit status on Linux keeps only the low 8 bits of the Windows exit code.
EXIT_STATUS_BITS = 0xFF
RegValue = str | int | list[str] | bytes


def wine_environment(prefix: Path) -> dict[str, str]:
    return {
        **os.environ,
        "WINEPREFIX": str(prefix),
        "WINEDEBUG": "-all",
        # No Mono/Gecko download prompts; no menu entries in the desktop running the tests.
        "WINEDLLOVERRIDES": "mscoree,mshtml=;winemenubuilder.exe=d",
        # Wine turns its Unix arguments into Windows (UTF-16) ones with the locale's
        # charset: UTF-8, or D:\Kundtjänst would not reach msiexec as written.
        "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
        # /qn shows nothing; no window may open on the desktop of whoever runs the tests.
        "DISPLAY": "",
    }


@dataclass(frozen=True)
class WinePrefix:
    path: Path

    @classmethod
    def create(cls, path: Path) -> WinePrefix:
        prefix = cls(path)
        booted = prefix.run("wineboot", "-i")
        assert booted.returncode == 0 and (prefix.path / "drive_c").is_dir(), booted.stderr
        return prefix

    @property
    def drive_c(self) -> Path:
        return self.path / "drive_c"

    def run(self, *args: str | Path, timeout: float = 300) -> subprocess.CompletedProcess:
        """`wine ARGS...`, waited for (msiexec returns when the installation has ended).
        Output goes to files, not pipes: the wineserver and Wine's service processes that
        the command starts inherit them and live on for seconds, and reading a pipe to
        its end would wait for them too (2 s a command)."""
        wine = shutil.which("wine")
        assert wine, INSTALL_HINT
        with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
            code = subprocess.run([wine, *map(str, args)], env=wine_environment(self.path), stdout=out,
                                  stderr=err, stdin=subprocess.DEVNULL, timeout=timeout, check=False).returncode
            out.seek(0)
            err.seek(0)
            return subprocess.CompletedProcess(args, code, out.read().decode("utf-8", "replace"),
                                               err.read().decode("utf-8", "replace"))

    def msiexec(self, *args: str | Path) -> int:
        """msiexec's exit status (the low 8 bits of its Windows exit code)."""
        return self.run("msiexec", *args).returncode

    def registry_values(self, key: str, view: int = 64) -> dict[str, RegValue] | None:
        """The values of `key` in that registry view, or None when there is no such key."""
        exported = self.path / "export.reg"
        result = self.run("reg", "export", key, exported, f"/reg:{view}", "/y")
        if result.returncode != 0:
            return None
        try:
            return reg_file_values(exported)
        finally:
            exported.unlink()

    def registry_tree(self, key: str, view: int = 64) -> dict[str, dict[str, RegValue]]:
        """Every key under `key` (itself included) with its values."""
        exported = self.path / "export.reg"
        result = self.run("reg", "export", key, exported, f"/reg:{view}", "/y")
        assert result.returncode == 0, result.stdout + result.stderr
        try:
            return parse_reg(read_reg_file(exported))
        finally:
            exported.unlink()

    def windows_path(self, path: str) -> Path:
        r"""The Linux path of C:\... in this prefix (case as Wine created it)."""
        drive, _, rest = path.partition(":\\")
        assert drive.upper() == "C", path
        return self.drive_c.joinpath(*filter(None, rest.split("\\")))

    @staticmethod
    def path_for_wine(path: Path) -> str:
        """A Linux path as Windows programs in the prefix see it (drive Z: is /)."""
        return "Z:" + str(Path(path).resolve()).replace("/", "\\")

    def kill(self) -> None:
        server = shutil.which("wineserver")
        if server:
            subprocess.run([server, "-k"], env=wine_environment(self.path), capture_output=True, timeout=60, check=False)


def read_reg_file(path: Path) -> str:
    """A .reg file as text: regedit and reg export write UTF-16 with a BOM (version 5)."""
    data = path.read_bytes()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    return data.decode("utf-8-sig")


VALUE_LINE = re.compile(r'^(?:"(?P<name>(?:[^"\\]|\\.)*)"|@)=(?P<data>.*)$')
ESCAPES = {"\\": "\\", '"': '"', "n": "\n", "0": "\0"}


def unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: ESCAPES.get(m.group(1), m.group(1)), text)


def parse_reg(text: str) -> dict[str, dict[str, RegValue]]:
    """{key: {value name: value}} of a .reg export; the default value's name is "".
    REG_SZ and REG_EXPAND_SZ give a str (unexpanded), REG_DWORD and REG_QWORD an int,
    REG_MULTI_SZ a list of str, anything else (REG_BINARY...) bytes."""
    keys: dict[str, dict[str, RegValue]] = {}
    current: dict[str, RegValue] | None = None
    # hex data goes on over several lines, each but the last ending in a backslash.
    text = re.sub(r",\\\n\s*", ",", text.replace("\r\n", "\n"))
    for line in text.split("\n")[1:]:  # "Windows Registry Editor Version 5.00"
        if not line.strip():
            continue
        if line.startswith("[") and line.endswith("]"):
            current = keys.setdefault(line[1:-1], {})
            continue
        match = VALUE_LINE.match(line)
        if current is None or match is None:
            raise ValueError(f"not a .reg value line: {line!r}")
        current[unescape(match.group("name") or "")] = reg_data(match.group("data"))
    return keys


def reg_data(data: str) -> RegValue:
    if data.startswith('"') and data.endswith('"'):
        return unescape(data[1:-1])
    if data.startswith("dword:"):
        return int(data[len("dword:"):], 16)
    kind, _, hex_bytes = data.partition(":")
    raw = bytes.fromhex(hex_bytes.replace(",", ""))
    if kind == "hex(2)":  # REG_EXPAND_SZ
        return raw.decode("utf-16-le").rstrip("\0")
    if kind == "hex(7)":  # REG_MULTI_SZ
        return [item for item in raw.decode("utf-16-le").split("\0") if item]
    if kind == "hex(b)":  # REG_QWORD
        return int.from_bytes(raw, "little")
    return raw


def reg_file_values(path: Path, key: str | None = None) -> dict[str, RegValue]:
    r"""The values of `key` (default: the first key, the one exported) in the .reg file
    at `path`, as {name: value}: e.g. {"DefaultCountry": "NO", "DatabaseLocation":
    "D:\\Kundtjänst\\deskguide.sqlite3", "StartMenuShortcut": 1}."""
    keys = parse_reg(read_reg_file(path))
    if key is None:
        return next(iter(keys.values()), {})
    return keys[key]


# ---- Shell links (.lnk) ---------------------------------------------------------------

HAS_ID_LIST, HAS_LINK_INFO, HAS_NAME, HAS_RELATIVE_PATH, HAS_WORKING_DIR = 0x1, 0x2, 0x4, 0x8, 0x10
IS_UNICODE = 0x80


def shortcut_target(lnk: Path) -> tuple[str, str]:
    """(target path, working folder) of a shell link, read as Explorer would ([MS-SHLLINK]:
    the header, the ID list skipped, LinkInfo's local base path, then the string data)."""
    data = lnk.read_bytes()
    assert data[:4] == b"L\0\0\0", f"{lnk} is not a shell link"
    (flags,) = struct.unpack_from("<I", data, 0x14)
    offset = 0x4C
    if flags & HAS_ID_LIST:
        (size,) = struct.unpack_from("<H", data, offset)
        offset += 2 + size
    target = ""
    if flags & HAS_LINK_INFO:
        (info_size, _, _, _, base_offset) = struct.unpack_from("<5I", data, offset)
        start = offset + base_offset
        target = data[start:data.index(b"\0", start)].decode("mbcs" if os.name == "nt" else "cp1252")
        offset += info_size
    strings: list[str] = []
    for flag in (HAS_NAME, HAS_RELATIVE_PATH, HAS_WORKING_DIR):
        if flags & flag:
            (count,) = struct.unpack_from("<H", data, offset)
            width = 2 if flags & IS_UNICODE else 1
            raw = data[offset + 2:offset + 2 + count * width]
            # Wine counts the terminating NUL too; [MS-SHLLINK] does not.
            strings.append(raw.decode("utf-16-le" if width == 2 else "cp1252").rstrip("\0"))
            offset += 2 + count * width
        else:
            strings.append("")
    return target, strings[2]
