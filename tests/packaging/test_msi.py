"""The Windows installer definition, checked on every CI run.

packaging/build_msi.py builds the MSI with msitools' wixl from the bundle this machine
built (so on Linux it carries Linux files) and these tests read its tables back with
msiinfo: what IT relies on (the UpgradeCode they detect it by, upgrades replacing the old
version, per-machine install, the command-line properties, the Start-menu shortcut, the
machine configuration file the app reads, user data left alone). The Windows workflow
(.github/workflows/windows.yml) builds the real MSI with WiX v3 and installs it.
"""
from __future__ import annotations

import importlib.util
import re
import shutil
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from desktop.common import machine_config

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


def load_build_msi():
    # By path: "packaging" is also the name of a well-known PyPI library.
    spec = importlib.util.spec_from_file_location("build_msi", ROOT / "packaging" / "build_msi.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


build_msi = load_build_msi()


def package_version() -> str:
    with open(ROOT / "pyproject.toml", "rb") as f:
        return tomllib.load(f)["project"]["version"]


@pytest.fixture(scope="module")
def msi(bundle_dir: Path, tmp_path_factory) -> Path:
    for tool in ("wixl", "wixl-heat", "msiinfo", "msibuild"):
        assert shutil.which(tool), f"{tool} missing: python3 dev.py test installs wixl and msitools"
    output = tmp_path_factory.mktemp("msi") / "Deskguide.msi"
    build_msi.build(Path(bundle_dir), output, package_version(), "wixl")
    return output


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


def ini_rows(msi: Path) -> dict[str, dict[str, str]]:
    return {row["Key"]: row for row in rows(msi, "IniFile")}


def test_machine_config_is_written_where_the_app_reads_it(msi):
    entries = ini_rows(msi)
    assert {key: row["Value"] for key, row in entries.items()} == {
        "country": "[DEFAULT_COUNTRY]", "language": "[DEFAULT_LANGUAGE]", "database": "[DATABASE_LOCATION]",
        "database_url": "[DATABASE_URL]",
    }
    for row in entries.values():
        assert row["FileName"].split("|")[-1] == machine_config.FILE_NAME
        assert row["Section"] == machine_config.SECTION
        assert row["Action"] == "0"  # addLine: creates the entry or replaces its value
        assert directory_path(msi, row["DirProperty"]) == ["TARGETDIR", "CommonAppDataFolder", "MACHINECONFIGDIR"]
    config_dir = next(row for row in rows(msi, "Directory") if row["Directory"] == "MACHINECONFIGDIR")
    assert config_dir["DefaultDir"] == machine_config.APP_NAME
    sequence = {row["Action"]: int(row["Sequence"]) for row in rows(msi, "InstallExecuteSequence")}
    assert sequence["InstallInitialize"] < sequence["WriteIniValues"] < sequence["InstallFinalize"]
    assert sequence["RemoveIniValues"] < sequence["RemoveFiles"]


def test_database_is_written_only_when_it_was_given(msi):
    entries = ini_rows(msi)
    components = {row["Component"]: row for row in rows(msi, "Component")}
    assert components[entries["database"]["Component_"]]["Condition"] == "DATABASE_LOCATION"
    assert components[entries["database_url"]["Component_"]]["Condition"] == "DATABASE_URL"
    assert components[entries["country"]["Component_"]]["Condition"] == ""


def write_ini(path: Path, msi: Path, given: dict[str, str]) -> Path:
    """What WritePrivateProfileString writes for the properties `given`: the entries of
    every component installed (one whose condition names a property not given is not)."""
    components = {row["Component"]: row["Condition"] for row in rows(msi, "Component")}
    sections: dict[str, list[str]] = {}
    for row in ini_rows(msi).values():
        if components[row["Component_"]] and components[row["Component_"]] not in given:
            continue
        value = re.sub(r"\[(\w+)\]", lambda m: given[m.group(1)], row["Value"])
        sections.setdefault(row["Section"], []).append(f"{row['Key']}={value}")
    path.write_text("".join(f"[{name}]\r\n" + "".join(f"{line}\r\n" for line in lines)
                            for name, lines in sections.items()), encoding="utf-8")
    return path


def test_the_ini_windows_installer_writes_is_what_the_app_reads(msi, tmp_path):
    """`DEFAULT_COUNTRY=NO DEFAULT_LANGUAGE=nb DATABASE_LOCATION=...`, then with DATABASE_URL
    too, read by desktop/common/machine_config.py."""
    ini = tmp_path / "deskguide.ini"
    given = {"DEFAULT_COUNTRY": "NO", "DEFAULT_LANGUAGE": "nb", "DATABASE_LOCATION": str(tmp_path / "team.sqlite3")}
    defaults = machine_config.read_machine_defaults(write_ini(ini, msi, given))
    assert defaults.warnings == ()
    assert (defaults.country, defaults.language, defaults.database) == ("NO", "nb", tmp_path / "team.sqlite3")
    assert defaults.database_url is None

    given["DATABASE_URL"] = "postgresql://db.example.com/deskguide"
    defaults = machine_config.read_machine_defaults(write_ini(ini, msi, given))
    assert defaults.database_url.describe() == "Team database deskguide on db.example.com:5432"
    # Both given: the team database wins, the file is ignored with a warning.
    assert defaults.database is None
    [warning] = defaults.warnings
    assert "database_url names the team database, which wins" in warning


def test_uninstall_removes_the_machine_config_and_never_touches_user_data(msi):
    (removed,) = rows(msi, "RemoveFile")
    assert removed["FileName"].split("|")[-1] == machine_config.FILE_NAME
    assert removed["DirProperty"] == "MACHINECONFIGDIR"
    assert removed["InstallMode"] == "2"  # on uninstall only
    user_folders = {"LocalAppDataFolder", "AppDataFolder", "PersonalFolder", "ProfilesFolder"}
    assert not user_folders & {row["Directory"] for row in rows(msi, "Directory")}
    registry_roots = {row["Root"] for row in rows(msi, "Registry")}
    assert registry_roots == {"2"}, "only HKLM: nothing per user"


def test_every_ini_entry_in_the_wxs_reaches_the_msi(msi):
    """wixl cannot read IniFile: build_msi.py adds the rows. None may go missing."""
    declared = {element.get("Key"): element.get("Value") for element in wxs().iter(f"{{{NS['wix']}}}IniFile")}
    assert declared == {key: row["Value"] for key, row in ini_rows(msi).items()}


@pytest.mark.parametrize(("version", "expected"), [
    ("0.1.0", "0.1.0"), ("1.2", "1.2.0"), ("2.3.4.dev1", "2.3.4"), ("1.0.0rc2", "1.0.0"),
])
def test_msi_version_is_the_package_version_windows_installer_compares(version, expected):
    assert build_msi.msi_version(version) == expected


@pytest.mark.parametrize("version", ["dev", "256.0.0", "1.2.65536"])
def test_a_version_an_msi_cannot_carry_is_refused(version):
    with pytest.raises(build_msi.BuildError):
        build_msi.msi_version(version)
