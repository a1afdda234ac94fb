"""resources/reference/escalation.toml: it parses, every reference points into the Swedish
support description (000), the cited lines say what the file claims, and a malformed
replacement file is refused with a message naming the problem."""
from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest

from domain.errors import ReferenceDataError
from domain.escalation_data import load_escalation, parse_escalation
from domain.reference_data import load_toml, reference_dir

# The copy the app ships for its source viewer (issue 16), so a clone checks it too.
DESCRIPTION = Path(__file__).resolve().parents[3] / "resources" / "sources" / "microsoft-unified-support-description.sv.txt"
DESCRIPTION_LINES = 3216  # fact sheet §0: file 000 has 3216 lines
REF = re.compile(r"\b(\d{3}):(\d+)(?:-(\d+))?")


@pytest.fixture
def raw() -> dict:
    """The bundled file as TOML values, to break one thing at a time."""
    return copy.deepcopy(load_toml(reference_dir() / "escalation.toml"))


def strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def cited_ranges(raw: dict) -> list[tuple[str, int, int]]:
    found = []
    for text in strings(raw):
        for file_id, first, last in REF.findall(text):
            found.append((file_id, int(first), int(last or first)))
    return found


def lines_of(ref: str) -> tuple[int, int]:
    """"000:2551-2555" -> (2551, 2555); "000:2916" -> (2916, 2916)."""
    _, first, last = REF.search(ref).groups()
    return int(first), int(last or first)


def description_text(first: int, last: int, margin: int = 0) -> str:
    """Lines first..last of 000 (1-based), whitespace collapsed as the fact sheet quotes them."""
    lines = DESCRIPTION.read_text(encoding="utf-8").split("\n")
    return " ".join(" ".join(lines[max(first - 1 - margin, 0):last + margin]).split())


# --- the bundled file ------------------------------------------------------------------------

def test_the_bundled_file_parses():
    dataset, rules = load_escalation()
    assert dataset.name == "escalation" and dataset.version >= 1
    assert rules.edition == "000"
    assert sorted(rules.severities) == ["1", "A", "B", "C"]
    assert sorted(rules.offerings) == ["enhanced-response", "event-management", "rapid-response", "unified"]
    assert (rules.business_hours.opens.isoformat(), rules.business_hours.closes.isoformat()) == ("09:00:00",
                                                                                                  "17:30:00")
    assert rules.chain, "who does what is part of the answer"


def test_every_target_and_severity_carries_a_ref_into_000():
    _, rules = load_escalation()
    refs = [t.ref for t in rules.targets] + [s.ref for s in rules.severities.values()]
    refs += [o.languages_ref for o in rules.offerings.values()] + [o.azure_exclusions_ref for o in rules.offerings.values()]
    for ref in refs:
        assert re.fullmatch(r"000:\d{4}(-\d{4})?", ref), ref


def test_every_ref_points_into_000_within_its_lines(raw):
    cited = cited_ranges(raw)
    assert len(cited) >= 40
    for file_id, first, last in cited:
        assert file_id == "000", (file_id, first)
        assert 1 <= first <= last <= DESCRIPTION_LINES, (first, last)
        assert last - first <= 20, "a citation names a few lines, not a chapter"


SWEDISH_MINUTES = {15: "15 minuter", 30: "30 minuter", 60: "en timme", 120: "två timmar", 240: "fyra timmar"}


def test_the_cited_lines_say_what_the_file_claims():
    # Checked against the document itself where it is present (the shared seeds); the
    # line-number checks above hold either way.
    _, rules = load_escalation()
    if not DESCRIPTION.exists():
        assert DESCRIPTION_LINES == 3216
        return
    assert DESCRIPTION.read_text(encoding="utf-8").count("\n") == DESCRIPTION_LINES  # as `wc -l` counts

    # The fact sheet's anchors.
    assert "15 minuter" in description_text(2551, 2555)
    assert "inom en timme" in description_text(2557, 2561)
    assert "09.00 till 17.30" in description_text(2707, 2709)

    # Every target: its minutes, in Swedish, on the lines it cites.
    for target in rules.targets:
        assert SWEDISH_MINUTES[target.minutes] in description_text(*lines_of(target.ref)), target
    extra = next(t for t in rules.targets if t.extra)
    assert "Resurs för kritisk situation utses inom 30 minuter" in description_text(*lines_of(extra.extra_ref))

    # The exclusion lists, product by product, as written or in the Swedish words (AEM says
    # "Azure clouds for government", 000:1473-1477).
    swedish = {"Test Base for M365": "Testbas för M365", "US Gov Clouds": "molnmiljöer för myndigheter"}
    for offering in rules.offerings.values():
        text = description_text(*lines_of(offering.azure_exclusions_ref))
        for product in offering.azure_exclusions:
            assert product in text or swedish.get(product, product) in text, (offering.id, product)

    # Languages, the AEM channel and the business-hours quotation.
    assert "engelska, kinesiska och japanska" in description_text(1267, 1271)
    assert "engelska och japanska" in description_text(2916, 2916)
    assert "endast tillgängliga på engelska" in description_text(3012, 3012)
    assert "AEM i fallbeskrivningen" in description_text(2921, 2923)
    assert "ändringskontrollinstansen inom fyra timmar (kontorstid)" in description_text(2655, 2659)
    assert "Svar inom 24 timmar" in description_text(2692, 2692)
    raw = load_toml(reference_dir() / "escalation.toml")
    assert raw["business_hours"]["quote"] in description_text(2707, 2709)
    for severity in rules.severities.values():
        swedish = re.search(r'\("([^"]+)"\)', severity.situation).group(1)
        assert swedish in description_text(*lines_of(severity.ref)), severity.id


def test_no_sentence_carries_a_ref_inside_it():
    # Issue 16: a ref has a field of its own; a sentence someone reads never cites our files' lines.
    _, rules = load_escalation()
    sentences = [*rules.chain, *(t.extra for t in rules.targets)]
    for severity in rules.severities.values():
        sentences += [severity.situation, severity.question, *severity.obligations]
        assert len(severity.obligation_refs) == len(severity.obligations) and all(severity.obligation_refs)
    for offering in rules.offerings.values():
        sentences += [offering.submit_via, offering.downgrade]
        assert offering.submit_via_ref and offering.downgrade_ref
    for sentence in sentences:
        assert not REF.search(sentence), sentence


def test_an_obligation_is_a_text_or_a_text_with_its_ref(raw):
    raw["severities"]["C"]["obligations"] = ["Respond within 24 hours.", {"text": "Be there.", "ref": "000:2692"}]
    _, rules = parse_escalation(raw)
    assert rules.severities["C"].obligations == ("Respond within 24 hours.", "Be there.")
    assert rules.severities["C"].obligation_refs == ("", "000:2692")
    raw["severities"]["C"]["obligations"] = [{"ref": "000:2692"}]
    assert "obligations" in refused(raw)


# --- malformed replacement files ---------------------------------------------------------------

def refused(data: dict) -> str:
    with pytest.raises(ReferenceDataError) as error:
        parse_escalation(data, "escalation.toml")
    message = str(error.value)
    assert message.startswith("escalation.toml"), message
    return message


def test_a_missing_severity_is_named(raw):
    del raw["severities"]["C"]
    message = refused(raw)
    assert "severities" in message and "C" in message


def test_an_unknown_clock_is_named(raw):
    raw["severities"]["B"]["clock"] = "weekdays"
    message = refused(raw)
    assert "severities.B" in message and "clock" in message and "24x7" in message


def test_a_target_for_an_unknown_offering_is_named(raw):
    raw["target"].append({"offering": "premier", "severity": "1", "minutes": 15, "ref": "000:2551"})
    message = refused(raw)
    assert "premier" in message


def test_a_target_for_an_unknown_severity_or_without_minutes_is_named(raw):
    broken = copy.deepcopy(raw)
    broken["target"].append({"offering": "unified", "severity": "D", "minutes": 15, "ref": "000:2551"})
    assert "unified D" in refused(broken)
    raw["target"].append({"offering": "unified", "severity": "B", "minutes": 0, "ref": "000:2645"})
    assert "unified B" in refused(raw)


def test_a_severity_without_a_unified_target_is_named(raw):
    raw["target"] = [t for t in raw["target"] if not (t["offering"] == "unified" and t["severity"] == "B")]
    message = refused(raw)
    assert "no unified target for severity B" in message


def test_severity_1_without_a_unified_azure_target_is_named(raw):
    raw["target"] = [t for t in raw["target"]
                     if not (t["offering"] == "unified" and t["severity"] == "1" and t.get("azure") is True)]
    message = refused(raw)
    assert "no unified target for severity 1" in message and "azure=True" in message


def test_business_hours_closing_before_opening_are_refused(raw):
    raw["business_hours"]["closes"] = "08:00"
    assert "open before they close" in refused(raw)


def test_an_impossible_opening_time_is_named(raw):
    raw["business_hours"]["opens"] = "25:00"
    message = refused(raw)
    assert "business_hours.opens" in message or "25:00" in message


def test_a_missing_offering_field_is_named(raw):
    del raw["offerings"]["rapid-response"]["languages"]
    assert "languages" in refused(raw)


def test_a_missing_offering_is_named(raw):
    del raw["offerings"]["event-management"]
    assert "event-management" in refused(raw)


def test_a_file_that_is_not_toml_is_refused(tmp_path):
    broken = tmp_path / "escalation.toml"
    broken.write_text("[dataset\nname = escalation\n", encoding="utf-8")
    with pytest.raises(ReferenceDataError) as error:
        load_escalation(broken)
    assert "escalation.toml" in str(error.value)
