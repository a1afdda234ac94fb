#!/usr/bin/env python3
"""Build Deskguide's MSI from the PyInstaller bundle (dist/Deskguide).

    python packaging/build_msi.py                     # WiX v3 on Windows, wixl elsewhere
    python packaging/build_msi.py --toolset wixl --bundle dist/Deskguide --output dist/Deskguide.msi

The installer definition is packaging/windows/deskguide.wxs (WiX v3 source); the bundle's
many files are harvested into the component group BundleFiles at build time, never listed
by hand.

- **wix3** (Windows, the MSI that ships): `heat dir` harvests, `candle -arch x64` and `light`
  build. WiX v3 understands every element of the .wxs.
- **wixl** (msitools, Linux; CI builds it on every run from the Linux bundle to keep the
  definition valid): `wixl-heat` harvests, `wixl` builds. wixl (0.101) writes the
  machine configuration's `RegistryValue` rows itself, but does not know
  `Component/Condition`, `Property/@Secure` or `MajorUpgrade/@AllowSameVersionUpgrades`,
  so this script takes those out of the source it hands to wixl and writes the very rows
  WiX v3 would make from them into the MSI afterwards with `msibuild` (Component.Condition,
  SecureCustomProperties, the inclusive maximum version of the upgrade row). The .wxs stays
  the one definition; Windows Installer itself writes the registry values in both cases
  (tests/packaging/test_msi_wine.py installs this MSI with Wine's msiexec to prove it).

Standard library only, so it runs before or outside the venv.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WXS = ROOT / "packaging" / "windows" / "deskguide.wxs"
DEFAULT_BUNDLE = ROOT / "dist" / "Deskguide"
WIX_NS = "http://schemas.microsoft.com/wix/2006/wi"
COMPONENT_GROUP = "BundleFiles"
INSTALL_DIR_ID = "INSTALLDIR"


class BuildError(Exception):
    """Something a person can fix: a missing tool, bundle or bad version."""


def wix(tag: str) -> str:
    return f"{{{WIX_NS}}}{tag}"


def package_version() -> str:
    """The version in pyproject.toml: the same one importlib.metadata reports once installed."""
    with open(ROOT / "pyproject.toml", "rb") as f:
        return tomllib.load(f)["project"]["version"]


def msi_version(version: str) -> str:
    """The x.y.z an MSI can carry: Windows Installer compares only these three numbers."""
    match = re.match(r"^(\d+)\.(\d+)(?:\.(\d+))?", version)
    if not match:
        raise BuildError(f"version {version!r} does not start with numbers like 1.2.3")
    major, minor, build = (int(part or 0) for part in match.groups())
    if major > 255 or minor > 255 or build > 65535:
        raise BuildError(f"version {version!r} is too large for an MSI (255.255.65535 at most)")
    return f"{major}.{minor}.{build}"


def require(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        hint = ("install msitools (apt-get install wixl msitools)" if tool.startswith(("wixl", "msi"))
                else "install WiX Toolset v3 (choco install wixtoolset) and put its bin on PATH")
        raise BuildError(f"{tool} not found: {hint}")
    return path


def run(cmd: list[str], **kwargs) -> subprocess.CompletedProcess:
    print("+", " ".join(cmd), flush=True)
    result = subprocess.run(cmd, capture_output=True, text=True, **kwargs)
    if result.returncode != 0:
        raise BuildError(f"{Path(cmd[0]).name} failed ({result.returncode}):\n{result.stdout}{result.stderr}")
    return result


# ---- wixl (Linux) ---------------------------------------------------------------------


@dataclass(frozen=True)
class WixlSplit:
    """The .wxs as wixl can read it, and the rows to add to the MSI afterwards."""
    source: str
    component_conditions: dict[str, str]
    secure_properties: list[str]
    same_version_upgrades: bool


def split_for_wixl(wxs_text: str) -> WixlSplit:
    ET.register_namespace("", WIX_NS)
    root = ET.fromstring(wxs_text)
    conditions: dict[str, str] = {}
    for component in root.iter(wix("Component")):
        for element in list(component):
            if element.tag == wix("Condition"):
                condition = (element.text or "").strip()
                if "'" in condition:  # msibuild's SQL cannot quote it
                    raise BuildError(f"component {component.get('Id')}: use double quotes in its condition")
                conditions[component.get("Id")] = condition
                component.remove(element)
    secure = []
    for prop in root.iter(wix("Property")):
        if prop.attrib.pop("Secure", "no") == "yes":
            secure.append(prop.get("Id"))
    same_version = False
    for upgrade in root.iter(wix("MajorUpgrade")):
        same_version = upgrade.attrib.pop("AllowSameVersionUpgrades", "no") == "yes"
    return WixlSplit(ET.tostring(root, encoding="unicode"), conditions, secure, same_version)


def harvest_wixl(bundle: Path, work: Path) -> Path:
    files = sorted(path for path in bundle.rglob("*") if path.is_file())
    if not files:
        raise BuildError(f"{bundle} holds no files: build the bundle first (python dev.py build)")
    listing = "".join(f"{path}\n" for path in files)
    result = run([require("wixl-heat"), "--prefix", f"{bundle}{os.sep}", "--directory-ref", INSTALL_DIR_ID,
                  "--component-group", COMPONENT_GROUP, "--var", "var.BundleDir", "--win64"],
                 input=listing)
    # wixl-heat writes names unescaped; "&" is the one character XML minds that a
    # Windows file name may hold.
    text = re.sub(r"&(?!(?:amp|lt|gt|quot|apos);)", "&amp;", result.stdout)
    try:
        ET.fromstring(text)
    except ET.ParseError as error:
        raise BuildError(f"wixl-heat wrote invalid XML for {bundle}: {error}") from error
    harvest = work / "harvest.wxs"
    harvest.write_text(text, encoding="utf-8")
    return harvest


def build_wixl(bundle: Path, output: Path, version: str) -> None:
    with tempfile.TemporaryDirectory(prefix="deskguide-msi-") as tmp:
        work = Path(tmp)
        split = split_for_wixl(WXS.read_text(encoding="utf-8"))
        product = work / "deskguide.wxs"
        product.write_text(split.source, encoding="utf-8")
        harvest = harvest_wixl(bundle, work)
        output.parent.mkdir(parents=True, exist_ok=True)
        # wixl refuses absolute File/@Source paths: run it in the bundle, sources relative.
        run([require("wixl"), "--arch", "x64", "-D", f"Version={version}", "-D", "BundleDir=.",
             "-D", "Win64=yes", "-o", str(output), str(product), str(harvest)], cwd=bundle)
        add_wixl_missing_rows(output, split)


def add_wixl_missing_rows(msi: Path, split: WixlSplit) -> None:
    msibuild = require("msibuild")
    queries = []
    if split.same_version_upgrades:
        # Attributes 1 + 512 (VersionMaxInclusive): a rebuilt MSI of the same version
        # replaces the installed one instead of installing beside it, as in WiX v3.
        # Attributes is part of the table's key: delete the row and insert it anew.
        for code, low, high, language, attributes, remove, prop in table_rows(msi, "Upgrade"):
            if prop == "WIX_UPGRADE_DETECTED" and not low:
                queries += [
                    f"DELETE FROM `Upgrade` WHERE `ActionProperty` = '{prop}'",
                    "INSERT INTO `Upgrade` (`UpgradeCode`, `VersionMax`, `Attributes`, `ActionProperty`) "
                    f"VALUES ('{code}', '{high}', {int(attributes) | 512}, '{prop}')",
                ]
    for component, condition in split.component_conditions.items():
        queries.append(f"UPDATE `Component` SET `Condition` = '{condition}' WHERE `Component` = '{component}'")
    if split.secure_properties:
        current = msi_property(msi, "SecureCustomProperties")
        names = [*filter(None, (current or "").split(";")), *split.secure_properties]
        value = ";".join(dict.fromkeys(names))
        if current is None:
            queries.append("INSERT INTO `Property` (`Property`, `Value`) VALUES "
                           f"('SecureCustomProperties', '{value}')")
        else:
            queries.append(f"UPDATE `Property` SET `Value` = '{value}' WHERE `Property` = 'SecureCustomProperties'")
    for query in queries:
        run([msibuild, str(msi), "-q", query])


def table_rows(msi: Path, table: str) -> list[list[str]]:
    """A table's rows, read back with msiinfo (after the three header lines)."""
    text = run([require("msiinfo"), "export", str(msi), table]).stdout
    return [line.split("\t") for line in text.split("\r\n" if "\r\n" in text else "\n")[3:] if line]


def msi_property(msi: Path, name: str) -> str | None:
    for row in table_rows(msi, "Property"):
        if row[0] == name:
            return row[1]
    return None


# ---- WiX v3 (Windows) -----------------------------------------------------------------


def build_wix3(bundle: Path, output: Path, version: str) -> None:
    with tempfile.TemporaryDirectory(prefix="deskguide-msi-") as tmp:
        work = Path(tmp)
        harvest = work / "harvest.wxs"
        # -srd: the bundle's files go straight into INSTALLDIR; -ag: component GUIDs made
        # from the install path at compile time, so they stay the same across versions.
        run([require("heat"), "dir", str(bundle), "-nologo", "-cg", COMPONENT_GROUP, "-dr", INSTALL_DIR_ID,
             "-srd", "-sreg", "-scom", "-ag", "-var", "var.BundleDir", "-out", str(harvest)])
        run([require("candle"), "-nologo", "-arch", "x64", f"-dVersion={version}", f"-dBundleDir={bundle}",
             "-dWin64=yes", "-out", f"{work}{os.sep}", str(WXS), str(harvest)])
        output.parent.mkdir(parents=True, exist_ok=True)
        # ICE38/ICE43/ICE57 take ProgramMenuFolder for the user's profile and want an HKCU
        # key path for the shortcut; with ALLUSERS=1 it is the all-users Start menu, and an
        # HKLM key path is the one that survives an install run as SYSTEM (Intune).
        run([require("light"), "-nologo", "-sice:ICE38", "-sice:ICE43", "-sice:ICE57", "-out", str(output),
             str(work / "deskguide.wixobj"), str(work / "harvest.wixobj")])


def build(bundle: Path, output: Path, version: str, toolset: str) -> Path:
    bundle = bundle.resolve()
    if not bundle.is_dir():
        raise BuildError(f"no bundle at {bundle}: build it first (python dev.py build)")
    builder = build_wix3 if toolset == "wix3" else build_wixl
    builder(bundle, output.resolve(), msi_version(version))
    return output


def main(argv: list[str] | None = None) -> int:
    version = package_version()
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bundle", type=Path, default=DEFAULT_BUNDLE, help="the PyInstaller one-folder bundle")
    parser.add_argument("--output", type=Path, help="the MSI to write (default dist/Deskguide-VERSION.msi)")
    parser.add_argument("--version", default=version, help="package version (default: pyproject.toml)")
    parser.add_argument("--toolset", choices=["wix3", "wixl"], default="wix3" if os.name == "nt" else "wixl")
    args = parser.parse_args(argv)
    output = args.output or ROOT / "dist" / f"Deskguide-{args.version}.msi"
    try:
        build(args.bundle, output, args.version, args.toolset)
    except BuildError as error:
        print(f"build_msi: {error}", file=sys.stderr)
        return 2
    print(f"wrote {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
