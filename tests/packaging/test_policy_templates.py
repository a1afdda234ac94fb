"""The Group Policy template (packaging/windows/policy/): what the Group Policy editor and
Intune's "Import ADMX" read. Well-formed, in Microsoft's PolicyDefinitions namespace, every
text it names present in English and in Swedish, and the key, value names and choices the
very ones the app reads (desktop/common/machine_config.py): one source of truth."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from desktop.common import machine_config

ROOT = Path(__file__).resolve().parents[2]
POLICY = ROOT / "packaging" / "windows" / "policy"
NS = "http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions"
LANGUAGES = ("en-US", "sv-SE")
Q = f"{{{NS}}}"


def parse(path: Path) -> ET.Element:
    return ET.parse(path).getroot()


@pytest.fixture(scope="module")
def admx() -> ET.Element:
    return parse(POLICY / "deskguide.admx")


@pytest.fixture(scope="module")
def admls() -> dict[str, ET.Element]:
    return {language: parse(POLICY / language / "deskguide.adml") for language in LANGUAGES}


def strings(adml: ET.Element) -> dict[str, str]:
    return {string.get("id"): string.text or "" for string in adml.iter(f"{Q}string")}


def presentations(adml: ET.Element) -> dict[str, ET.Element]:
    return {presentation.get("id"): presentation for presentation in adml.iter(f"{Q}presentation")}


def policies(admx: ET.Element) -> dict[str, ET.Element]:
    return {policy.get("name"): policy for policy in admx.iter(f"{Q}policy")}


def test_the_files_are_policy_definitions_in_microsoft_s_namespace(admx, admls):
    assert admx.tag == f"{Q}policyDefinitions"
    assert all(adml.tag == f"{Q}policyDefinitionResources" for adml in admls.values())
    assert [child.tag for child in admx] == [f"{Q}{name}" for name in (
        "policyNamespaces", "resources", "supportedOn", "categories", "policies")]  # the schema's order
    [target] = admx.iter(f"{Q}target")
    assert target.get("prefix") == "deskguide" and target.get("namespace")
    # No <using>: the template needs no other ADMX (Intune would want it imported first).
    assert list(admx.iter(f"{Q}using")) == []
    [resources] = admx.findall(f"{Q}resources")
    assert all(adml.get("revision") == resources.get("minRequiredRevision") for adml in admls.values())


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_text_the_template_names_is_there_in_each_language(admx, admls, language):
    source = (POLICY / "deskguide.admx").read_text(encoding="utf-8")
    named_strings = set(re.findall(r"\$\(string\.([^)]+)\)", source))
    named_presentations = set(re.findall(r"\$\(presentation\.([^)]+)\)", source))
    assert named_strings and named_presentations
    assert named_strings <= set(strings(admls[language]))
    assert named_presentations <= set(presentations(admls[language]))
    assert all(text.strip() for text in strings(admls[language]).values())


def test_both_languages_define_the_same_texts_and_controls(admls):
    english, swedish = admls["en-US"], admls["sv-SE"]
    assert set(strings(english)) == set(strings(swedish))

    def controls(adml):
        return {(presentation_id, child.tag, child.get("refId"))
                for presentation_id, presentation in presentations(adml).items() for child in presentation}

    assert controls(english) == controls(swedish)
    # Swedish is Swedish: every explanation is its own text, not the English one copied.
    explained = [name for name in strings(english) if name.endswith("_Explain")]
    assert len(explained) == 4
    assert all(strings(english)[name] != strings(swedish)[name] for name in explained)


def test_each_control_belongs_to_an_element_of_its_policy(admx, admls):
    for name, policy in policies(admx).items():
        presentation_id = re.fullmatch(r"\$\(presentation\.(.+)\)", policy.get("presentation")).group(1)
        element_ids = {element.get("id") for element in policy.find(f"{Q}elements")}
        for adml in admls.values():
            assert {child.get("refId") for child in presentations(adml)[presentation_id]} == element_ids, name


def test_the_policies_write_exactly_what_the_app_reads(admx):
    found = policies(admx)
    assert set(found) == set(machine_config.VALUE_NAMES)
    for name, policy in found.items():
        assert policy.get("class") == "Machine"  # HKLM: a setting for the computer, as the app reads it
        assert policy.get("key") == machine_config.POLICY_KEY
        [element] = policy.find(f"{Q}elements")
        assert element.get("valueName") == name and element.get("key") in (None, machine_config.POLICY_KEY)
        assert element.get("required") == "true"  # enabled with nothing in it would say nothing

    def choices(name):
        return tuple(value.text for value in found[name].iter(f"{Q}string"))

    assert choices(machine_config.COUNTRY) == machine_config.COUNTRIES
    assert choices(machine_config.LANGUAGE) == machine_config.LANGUAGES
    kinds = {name: found[name].find(f"{Q}elements")[0] for name in (machine_config.DATABASE, machine_config.DATABASE_URL)}
    assert [element.tag for element in kinds.values()] == [f"{Q}text", f"{Q}text"]
    assert kinds[machine_config.DATABASE].get("expandable") == "true"  # REG_EXPAND_SZ: %USERNAME% per user
    assert kinds[machine_config.DATABASE_URL].get("expandable") is None


def test_every_policy_sits_in_deskguide_s_category_and_names_its_own_support_definition(admx):
    categories = {category.get("name") for category in admx.iter(f"{Q}category")}
    definitions = {definition.get("name") for definition in admx.iter(f"{Q}definition")}
    for policy in policies(admx).values():
        assert policy.find(f"{Q}parentCategory").get("ref") in categories == {"Deskguide"}
        assert policy.find(f"{Q}supportedOn").get("ref") in definitions


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_explanation_names_the_registry_value_it_sets(admx, admls, language):
    texts = strings(admls[language])
    for name, policy in policies(admx).items():
        explain = texts[re.fullmatch(r"\$\(string\.(.+)\)", policy.get("explainText")).group(1)]
        assert f"HKLM\\{machine_config.POLICY_KEY}, {name} (" in explain
        assert "HKLM\\" + machine_config.INSTALLER_KEY in explain and machine_config.FILE_NAME in explain
