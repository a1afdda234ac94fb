"""The Windows installer definition, checked on every CI run.

packaging/build_msi.py builds the MSI with msitools' wixl from the bundle this machine
built (so on Linux it carries Linux files) and these tests read its tables back with
msiinfo: what IT relies on (the UpgradeCode they detect it by, upgrades replacing the old
version, per-machine install, the command-line properties, the Start-menu shortcut, the
machine configuration registry values the app reads, user data left alone).
test_msi_wine.py installs the same MSI with a real Windows Installer engine (Wine's), and
the Windows workflow (.github/workflows/windows.yml) builds the real MSI with WiX v3 and
installs it.
"""
from __future__ import annotations

import functools
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from desktop.common import machine_config
from tests.packaging.installer import build_msi, package_version

ROOT = Path(__file__).resolve().parents[2]
WXS = ROOT / "packaging" / "windows" / "deskguide.wxs"
# Deskguide's identity for Windows Installer across every version: IT detects and
# removes the product by it, and a changed one installs beside the old version.
UPGRADE_CODE = "{B0694A5C-D6EC-464F-9C9D-5D94FF1CD11B}"
NS = {"wix": "http://schemas.microsoft.com/wix/2006/wi"}
GUID = re.compile(r"^\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}$")

pytestmark = [
    pytest.mark.packaging,
    # Windows has no wixl: there the workflow builds with WiX v3 and installs for real.
    pytest.mark.skipif(sys.platform == "win32", reason="wixl/msiinfo are Linux tools; "
                       "windows.yml installs the WiX v3 MSI instead"),
]


@functools.cache  # an MSI does not change once built; directory_path asks for every file
def rows(msi: Path, table: str) -> list[dict[str, str]]:
    text = build_msi.run(["msiinfo", "export", str(msi), table]).stdout
    lines = [line for line in text.replace("\r\n", "\n").split("\n") if line]
    names = lines[0].split("\t")
    return [dict(zip(names, line.split("\t"))) for line in lines[3:]]


def properties(msi: Path) -> dict[str, str]:
    return {row["Property"]: row["Value"] for row in rows(msi, "Property")}


def wxs() -> ET.Element:
    return ET.parse(WXS).getroot()


def directory_path(msi: Path, directory: str) -> list[str]:
    """Directory ids from TARGETDIR down to `directory`."""
    parents = {row["Directory"]: row["Directory_Parent"] for row in rows(msi, "Directory")}
    chain = [directory]
    while parents.get(chain[-1]):
        chain.append(parents[chain[-1]])
    return chain[::-1]


def test_upgrade_code_is_pinned_and_is_the_one_in_the_wxs(msi):
    product = wxs().find("wix:Product", NS)
    assert "{" + product.get("UpgradeCode") + "}" == UPGRADE_CODE
    assert properties(msi)["UpgradeCode"] == UPGRADE_CODE


def test_product_carries_the_package_version_and_a_fresh_product_code(msi):
    props = properties(msi)
    assert props["ProductVersion"] == package_version()
    assert props["ProductName"] == "Deskguide"
    assert props["Manufacturer"] == "Deskguide"
    assert GUID.match(props["ProductCode"]) and props["ProductCode"] != UPGRADE_CODE


def test_a_newer_or_rebuilt_version_replaces_the_old_and_an_older_one_is_refused(msi):
    upgrades = {row["ActionProperty"]: row for row in rows(msi, "Upgrade")}
    assert {row["UpgradeCode"] for row in upgrades.values()} == {UPGRADE_CODE}
    older = upgrades["WIX_UPGRADE_DETECTED"]
    assert older["VersionMin"] == "" and older["VersionMax"] == package_version()
    attributes = int(older["Attributes"])
    assert not attributes & 2, "the old version must be removed, not only detected"
    assert attributes & 512, "the same version rebuilt must replace the installed one"
    newer = upgrades["WIX_DOWNGRADE_DETECTED"]
    assert newer["VersionMin"] == package_version() and int(newer["Attributes"]) & 2
    sequence = {row["Action"]: int(row["Sequence"]) for row in rows(msi, "InstallExecuteSequence")}
    assert sequence["FindRelatedProducts"] < sequence["RemoveExistingProducts"] < sequence["InstallFinalize"]
    conditions = {row["Condition"]: row["Description"] for row in rows(msi, "LaunchCondition")}
    assert "newer version of Deskguide" in conditions["NOT WIX_DOWNGRADE_DETECTED"]


def test_installs_per_machine_for_64_bit_windows(msi):
    assert properties(msi)["ALLUSERS"] == "1"
    suminfo = build_msi.run(["msiinfo", "suminfo", str(msi)]).stdout
    assert re.search(r"^Template: x64;1033$", suminfo, re.MULTILINE)
    assert all(int(row["Attributes"]) & 256 for row in rows(msi, "Component")), "a 32-bit component"


def test_program_goes_under_program_files_deskguide(msi):
    assert directory_path(msi, "INSTALLDIR") == ["TARGETDIR", "ProgramFiles64Folder", "INSTALLDIR"]
    install_dir = next(row for row in rows(msi, "Directory") if row["Directory"] == "INSTALLDIR")
    assert install_dir["DefaultDir"] == "Deskguide"


def test_every_bundle_file_is_installed_under_program_files(msi, bundle_dir):
    bundle = Path(bundle_dir)
    expected = sorted(path.name for path in bundle.rglob("*") if path.is_file())
    files = rows(msi, "File")
    assert sorted(row["FileName"].split("|")[-1] for row in files) == expected
    components = {row["Component"]: row["Directory_"] for row in rows(msi, "Component")}
    for row in files:
        assert "INSTALLDIR" in directory_path(msi, components[row["Component_"]]), row["FileName"]


def test_the_four_properties_have_their_defaults_and_reach_the_elevated_install(msi):
    props = properties(msi)
    assert props["DEFAULT_COUNTRY"] == "SE"
    assert props["DEFAULT_LANGUAGE"] == "en"
    # Unset means each user's own database in %LOCALAPPDATA%\Deskguide: no Property row.
    assert "DATABASE_LOCATION" not in props and "DATABASE_URL" not in props
    secure = props["SecureCustomProperties"].split(";")
    assert {"DEFAULT_COUNTRY", "DEFAULT_LANGUAGE", "DATABASE_LOCATION", "DATABASE_URL"} <= set(secure)
    assert {"WIX_UPGRADE_DETECTED", "WIX_DOWNGRADE_DETECTED"} <= set(secure)


def test_a_mistyped_country_or_language_stops_the_install(msi):
    conditions = [row["Condition"] for row in rows(msi, "LaunchCondition")]
    country = next(c for c in conditions if "DEFAULT_COUNTRY" in c)
    language = next(c for c in conditions if "DEFAULT_LANGUAGE" in c)
    assert country.startswith("Installed OR ") and language.startswith("Installed OR ")
    assert set(re.findall(r'DEFAULT_COUNTRY ~= "(\w+)"', country)) == set(machine_config.COUNTRIES)
    assert set(re.findall(r'DEFAULT_LANGUAGE ~= "(\w+)"', language)) == set(machine_config.LANGUAGES)


def test_a_database_url_with_a_password_parameter_stops_the_install(msi):
    conditions = {row["Condition"]: row["Description"] for row in rows(msi, "LaunchCondition")}
    [(condition, said)] = [(c, d) for c, d in conditions.items() if "DATABASE_URL" in c]
    # Windows Installer's condition syntax: ~>< is "contains, ignoring case".
    assert condition == 'Installed OR NOT DATABASE_URL OR NOT DATABASE_URL ~>< "password="'
    assert "must not contain a password" in said


def test_start_menu_shortcut_opens_the_gui(msi):
    (shortcut,) = rows(msi, "Shortcut")
    assert shortcut["Directory_"] == "ProgramMenuFolder"
    assert shortcut["Name"].split("|")[-1] == "Deskguide"
    assert shortcut["Target"] == "[INSTALLDIR]Deskguide.exe"
    assert shortcut["WkDir"] == "INSTALLDIR"
    # The target is the GUI executable of the bundle, in the install folder itself (the
    # Linux bundle names it without .exe).
    components = {row["Component"]: row["Directory_"] for row in rows(msi, "Component")}
    gui = [row for row in rows(msi, "File") if row["FileName"].split("|")[-1] in {"Deskguide", "Deskguide.exe"}]
    assert len(gui) == 1
    assert directory_path(msi, components[gui[0]["Component_"]])[-2] == "INSTALLDIR"
    assert "deskguide-cli" not in shortcut["Target"]


# The machine configuration the app reads (issue 18): REG_SZ values under
# HKLM\SOFTWARE\Deskguide, 64-bit view, one per property.
MACHINE_KEY = "SOFTWARE\\Deskguide"
MACHINE_VALUES = {
    "DefaultCountry": "[DEFAULT_COUNTRY]", "DefaultLanguage": "[DEFAULT_LANGUAGE]",
    "DatabaseLocation": "[DATABASE_LOCATION]", "DatabaseUrl": "[DATABASE_URL]",
}


def machine_rows(msi: Path) -> dict[str, dict[str, str]]:
    return {row["Name"]: row for row in rows(msi, "Registry") if row["Name"] in MACHINE_VALUES}


def test_machine_config_is_written_to_the_registry_where_the_app_reads_it(msi):
    entries = machine_rows(msi)
    assert {name: row["Value"] for name, row in entries.items()} == MACHINE_VALUES
    components = {row["Component"]: row for row in rows(msi, "Component")}
    for row in entries.values():
        assert row["Root"] == "2"  # HKLM
        assert row["Key"] == MACHINE_KEY
        # Unicode-safe REG_SZ: a value starting with # would be a number, [~] a multi-string.
        assert not row["Value"].startswith(("#", "[~]"))
        assert int(components[row["Component_"]]["Attributes"]) & 256, "64-bit view (not WOW6432Node)"
    sequence = {row["Action"]: int(row["Sequence"]) for row in rows(msi, "InstallExecuteSequence")}
    assert sequence["InstallInitialize"] < sequence["WriteRegistryValues"] < sequence["InstallFinalize"]
    assert sequence["RemoveRegistryValues"] < sequence["WriteRegistryValues"]


def test_no_ini_file_is_written_any_more(msi):
    """Windows Installer writes IniFile values in the ANSI code page ("?" for the rest,
    wixtoolset issue 7526): the machine configuration moved to the registry."""
    tables = set(build_msi.run(["msiinfo", "tables", str(msi)]).stdout.split())
    for table in {"IniFile", "RemoveIniFile", "RemoveFile"} & tables:
        assert rows(msi, table) == [], table
    assert "CommonAppDataFolder" not in {row["Directory"] for row in rows(msi, "Directory")}


def test_database_values_are_written_only_when_given_and_removed_on_uninstall(msi):
    entries = machine_rows(msi)
    components = {row["Component"]: row for row in rows(msi, "Component")}
    # OR REMOVE: a component whose condition is false at uninstall is left installed,
    # and neither `msiexec /x` nor a major upgrade passes the property again.
    assert components[entries["DatabaseLocation"]["Component_"]]["Condition"] == \
        'DATABASE_LOCATION OR REMOVE ~= "ALL"'
    assert components[entries["DatabaseUrl"]["Component_"]]["Condition"] == 'DATABASE_URL OR REMOVE ~= "ALL"'
    assert components[entries["DefaultCountry"]["Component_"]]["Condition"] == ""
    assert entries["DefaultCountry"]["Component_"] == entries["DefaultLanguage"]["Component_"]


def test_every_registry_value_in_the_wxs_reaches_the_msi(msi):
    """wixl writes the Registry table itself (only the component conditions are added
    afterwards): none of the values declared may go missing or change type."""
    declared = {element.get("Name"): ("#" if element.get("Type") == "integer" else "") + element.get("Value")
                for element in wxs().iter(f"{{{NS['wix']}}}RegistryValue")}
    assert {row["Name"]: row["Value"] for row in rows(msi, "Registry")} == declared


def test_uninstall_never_touches_user_data(msi):
    user_folders = {"LocalAppDataFolder", "AppDataFolder", "PersonalFolder", "ProfilesFolder"}
    assert not user_folders & {row["Directory"] for row in rows(msi, "Directory")}
    registry_roots = {row["Root"] for row in rows(msi, "Registry")}
    assert registry_roots == {"2"}, "only HKLM: nothing per user"


@pytest.mark.parametrize(("version", "expected"), [
    ("0.1.0", "0.1.0"), ("1.2", "1.2.0"), ("2.3.4.dev1", "2.3.4"), ("1.0.0rc2", "1.0.0"),
])
def test_msi_version_is_the_package_version_windows_installer_compares(version, expected):
    assert build_msi.msi_version(version) == expected


@pytest.mark.parametrize("version", ["dev", "256.0.0", "1.2.65536"])
def test_a_version_an_msi_cannot_carry_is_refused(version):
    with pytest.raises(build_msi.BuildError):
        build_msi.msi_version(version)
