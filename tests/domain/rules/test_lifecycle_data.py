"""The bundled lifecycle.toml, its citations of the policy, and what a reviewer hears when a
replacement file is broken: the product (or phase) and the key, by name."""
from __future__ import annotations

import copy
import datetime as dt
import tomllib
from pathlib import Path

import pytest

from domain.errors import ReferenceDataError
from domain.lifecycle import Phase, Policy
from domain.lifecycle_data import SEED_LINES, load_lifecycle, parse_lifecycle
from domain.reference_data import reference_dir

BUNDLED = reference_dir() / "lifecycle.toml"
SEED = Path("/work/shared/seeds/microsoft-support-lifecycle-policy.nb.txt")
with BUNDLED.open("rb") as _handle:
    DATA = tomllib.load(_handle)


def broken(change) -> dict:
    data = copy.deepcopy(DATA)
    change(data)
    return data


def entry(data: dict, product_id: str) -> dict:
    return next(item for item in data["product"] if item["id"] == product_id)


def refused(change, *fragments: str) -> str:
    with pytest.raises(ReferenceDataError) as raised:
        parse_lifecycle(broken(change))
    message = str(raised.value)
    for fragment in fragments:
        assert fragment in message, message
    return message


# --- the bundled file ----------------------------------------------------------------------

def test_the_bundled_file_loads_with_its_dataset_facts():
    dataset, catalogue = load_lifecycle()
    assert (dataset.name, dataset.version, dataset.checked) == ("lifecycle", 2, dt.date(2026, 11, 22))
    assert "seed 004" in dataset.source
    assert set(catalogue.phases) == set(Phase)
    assert len(catalogue.products) >= 40


def test_parsing_is_the_same_from_the_path_and_from_the_data():
    assert parse_lifecycle(copy.deepcopy(DATA)) == load_lifecycle(BUNDLED)


def test_the_seed_is_where_the_policy_lines_say():
    assert len(SEED.read_text("utf-8").splitlines()) == SEED_LINES


# The cited lines of seed 004 say what the phase text says (fact sheet §5.2).
SEED_WORDS = {
    "004:27": "endre produktdesign", "004:28": "Sikkerhetsoppdateringer", "004:29": "Hurtigreparasjoner",
    "004:30": "Gratis støtte", "004:52": "garantikrav", "004:68": "Betalt støtte",
    "004:69": "Gratis støtte for sikkerhetsoppdateringer", "004:70": "utvidet kundestøtteavtale om hurtigreparasjoner",
    "004:72": "nye funksjoner", "004:78": "minst tolv måneder", "004:87": "oppdateringspakken som støttes",
    "004:92": "ikke tilbyr flere sikkerhetsoppdateringer", "004:97": "begrenset feilsøking",
    "004:100": "produktutviklingsteam", "004:183": "så lenge kundens avtale", "004:194": "minst 12 måneder",
}


def test_every_phase_cites_the_policy_lines_that_say_it():
    lines = SEED.read_text("utf-8").splitlines()
    _, catalogue = load_lifecycle()
    cited = [a.ref for rules in catalogue.phases.values() for a in (*rules.allows, *rules.not_allowed)]
    cited.append(catalogue.modern_note.ref)
    for ref in cited:
        first = ref.split(":")[1].split("-")[0]
        assert f"004:{first}" in SEED_WORDS, f"{ref} is cited but not checked here"
    for ref, words in SEED_WORDS.items():
        assert words in lines[int(ref.split(":")[1]) - 1], ref


def test_the_phases_say_what_the_fact_sheet_says():
    _, catalogue = load_lifecycle()
    refs = {phase: {a.ref for a in rules.allows} for phase, rules in catalogue.phases.items()}
    not_refs = {phase: {a.ref for a in rules.not_allowed} for phase, rules in catalogue.phases.items()}
    assert {"004:28", "004:29", "004:27", "004:30"} <= refs[Phase.MAINSTREAM]  # security, hotfixes, design, free
    assert {"004:69", "004:68", "004:70"} <= refs[Phase.EXTENDED]  # security, paid, hotfixes only with EHS
    assert {"004:30", "004:72"} <= not_refs[Phase.EXTENDED]  # no free support, no design changes
    assert refs[Phase.ENDED] == {"004:78", "004:97-99"}  # self-help >= 12 months, limited troubleshooting


# --- broken files, named ---------------------------------------------------------------------

def test_a_misspelt_key_is_refused_not_read_as_no_date():
    refused(lambda d: entry(d, "windows-server-2019").update(extended_ned=dt.date(2029, 1, 9)),
            "product windows-server-2019", "unknown key extended_ned")


def test_a_missing_key_is_named():
    refused(lambda d: entry(d, "office-2016").pop("source"), "product office-2016", "missing the key source")


def test_a_quoted_date_is_refused():
    refused(lambda d: entry(d, "office-2019").update(mainstream_end="2023-10-10"),
            "product office-2019: mainstream_end must be a TOML date")


def test_a_date_time_is_refused():
    refused(lambda d: entry(d, "office-2019").update(checked=dt.datetime(2026, 11, 22, 9, 0)),
            "product office-2019: checked must be a TOML date")


def test_extended_support_must_end_after_mainstream():
    refused(lambda d: entry(d, "exchange-server-2016").update(extended_end=dt.date(2020, 10, 13)),
            "product exchange-server-2016", "extended_end 2020-10-13 is not after mainstream_end 2020-10-13")


def test_the_start_must_come_before_the_mainstream_end():
    refused(lambda d: entry(d, "windows-7").update(start=dt.date(2016, 1, 1)),
            "product windows-7", "start 2016-01-01 is not before mainstream_end 2015-01-13")


def test_a_modern_product_has_no_extended_phase():
    refused(lambda d: entry(d, "windows-10-22h2").update(extended_end=dt.date(2028, 10, 10)),
            "product windows-10-22h2", "modern-policy product has one end date")


def test_a_fixed_product_needs_its_start_and_mainstream_end():
    refused(lambda d: entry(d, "windows-server-2022").pop("mainstream_end"),
            "product windows-server-2022", "needs start and mainstream_end")


@pytest.mark.parametrize(("key", "value", "words"), [
    ("family", "windows", "unknown family 'windows'"),
    ("policy", "extended", "unknown policy 'extended'"),
    ("confidence", "pretty sure", "unknown confidence 'pretty sure'"),
    ("source", "http://learn.microsoft.com/lifecycle/products/windows-7", "source must be the https://"),
    ("id", "Windows 7", "the id must be lower-case words"),
    ("aliases", "win 7", "aliases must be a list of texts"),
    ("notes", ["ok", ""], "notes must be a list of texts"),
    ("checked", dt.date(2026, 11, 23), "checked 2026-11-23 is after the file's [dataset] checked 2026-11-22"),
])
def test_a_bad_value_names_the_product_and_the_key(key, value, words):
    refused(lambda d: entry(d, "windows-7").update({key: value}), "windows-7" if key != "id" else "Windows 7", words)


def test_a_product_listed_twice_is_refused():
    refused(lambda d: d["product"].append(copy.deepcopy(entry(d, "office-2013"))), "product office-2013 appears twice")


def test_a_name_shared_by_two_products_is_refused():
    refused(lambda d: entry(d, "exchange-server-2019").setdefault("aliases", []).append("Server 2019"),
            "product", "'Server 2019' also names product")


def test_an_alias_with_no_words_is_refused():
    refused(lambda d: entry(d, "office-2013")["aliases"].append("?!"), "product office-2013", "'?!' has no words")


def test_a_product_entry_that_is_not_a_table_is_refused():
    refused(lambda d: d["product"].append("windows 12"), "a [[product]] entry is not a table")


def test_a_file_without_products_is_refused():
    refused(lambda d: d.pop("product"), "no products")


@pytest.mark.parametrize(("ref", "words"), [
    ("003:28", "is not a line of the lifecycle policy"),
    ("004:28a", "is not a line of the lifecycle policy"),
    ("004:250", "outside the policy's lines"),
    ("004:101-97", "outside the policy's lines"),
])
def test_a_citation_outside_the_policy_is_refused(ref, words):
    refused(lambda d: d["phases"]["extended"]["allows"][0].update(ref=ref), "phases.extended.allows #1", words)


def test_a_missing_phase_is_named():
    refused(lambda d: d["phases"].pop("ended"), "phases.ended is missing")


def test_an_unknown_phase_is_named():
    refused(lambda d: d["phases"].update(retired=d["phases"]["ended"]), "unknown phase retired")


def test_a_phase_that_allows_nothing_is_refused():
    refused(lambda d: d["phases"]["mainstream"].update(allows=[]), "phases.mainstream.allows is empty")


def test_a_phase_item_needs_a_text_and_a_ref():
    refused(lambda d: d["phases"]["mainstream"]["allows"][0].pop("ref"),
            "phases.mainstream.allows #1 needs exactly a text and a ref")


def test_a_phase_without_its_title_is_named():
    refused(lambda d: d["phases"]["extended"].pop("title"), "phases.extended: missing the key 'title'")


def test_the_modern_policy_note_is_required():
    refused(lambda d: d.pop("policies"), "no [policies.modern] note")


def test_the_dataset_section_is_required():
    refused(lambda d: d.pop("dataset"), "[dataset] is missing the key 'dataset'")


def test_an_unreadable_file_is_named(tmp_path):
    path = tmp_path / "lifecycle.toml"
    path.write_text("[dataset\nname = 1", "utf-8")
    with pytest.raises(ReferenceDataError, match="lifecycle.toml: cannot be read"):
        load_lifecycle(path)


def test_leaving_out_a_date_means_it_does_not_exist():
    data = broken(lambda d: entry(d, "windows-server-2019").pop("extended_end"))
    product = parse_lifecycle(data)[1].products["windows-server-2019"]
    assert product.extended_end is None and product.policy is Policy.FIXED
