"""The bundled scope.toml, and what a reviewer hears when a replacement file is broken."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from domain.errors import ReferenceDataError
from domain.reference_data import reference_dir
from domain.scope import Accept, Verdict
from domain.scope_data import LANGUAGES, load_scope

BUNDLED = reference_dir() / "scope.toml"
TERMS = Path("/work/shared/seeds/dustin-office365-support-terms-2017-3.sv.txt")
TERMS_LINES = 170

CONTRACT_IDS = {
    "general-question", "print-problem", "network-connection", "o365-performance", "o365-service-status",
    "o365-client-access", "o365-client-install", "password-reset", "permission-change", "user-admin",
    "os-problem", "mobile-o365", "mobile-other", "email-client", "office-apps", "o365-licensed-software",
    "server-problem", "terminal-server", "own-server-password", "hybrid-identity-admin", "other-software",
    "non-original-software-damage", "external-event-damage", "non-preinstalled-software", "third-party-app",
    "own-developed-solution", "onsite-visit", "migration",
}
# The first line of each numbered section of the terms (003), as read from the document:
# "2. Om abonnemanget" is line 11, "4. Omfattning av Office 365 slutanvändarsupport" line 31...
SECTION_STARTS = {1: 5, 2: 11, 3: 21, 4: 31, 5: 58, 6: 84, 7: 108, 8: 114, 9: 124, 10: 133, 11: 147, 12: 153,
                  13: 159, 14: 163}
# The scope rules rest on these sections only.
SCOPE_SECTIONS = {"§2", "§4", "§5", "§7", "§8"}


def section_of(line: int) -> str:
    return f"§{max(n for n, start in SECTION_STARTS.items() if start <= line)}"


def every_outcome(catalogue):
    """(where, outcome) for each topic, alternative and fact."""
    for topic in catalogue.topics.values():
        yield topic.id, topic.outcome
        for key, alternative in topic.alternatives.items():
            yield f"{topic.id} ({key})", alternative
    for name, outcome in catalogue.facts.items():
        yield f"facts.{name}", outcome


# --- the bundled file ---------------------------------------------------------------------

def test_the_bundled_catalogue_has_the_28_contract_topics():
    dataset, catalogue = load_scope()
    assert set(catalogue.topics) == CONTRACT_IDS and len(catalogue.topics) == 28
    assert dataset.name == "scope" and dataset.version >= 1
    assert "2017:3" in dataset.source


def test_the_topics_come_in_the_order_agents_see_them_included_first():
    order = list(load_scope()[1].topics)
    assert order[0] == "general-question"
    # What is included (§4, then §5) comes before the exclusions.
    assert order.index("password-reset") < order.index("own-server-password")
    assert order.index("user-admin") < order.index("hybrid-identity-admin")
    assert order.index("o365-client-install") < order.index("non-preinstalled-software")


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_topic_has_a_title_and_search_words_in_each_language(language):
    assert LANGUAGES == ("en", "sv", "nb", "da", "fi")
    for topic in load_scope()[1].topics.values():
        assert topic.titles[language].strip(), (topic.id, language)
        assert topic.title(language) == topic.titles[language]
        assert topic.words[language], (topic.id, language)
        assert all(isinstance(w, str) and w.strip() for w in topic.words[language]), (topic.id, language)


def test_every_clause_is_one_of_the_scope_sections():
    _, catalogue = load_scope()
    clauses = [(where, o.clause) for where, o in every_outcome(catalogue)]
    clauses += [(f"versions.{r.id}", r.clause) for r in catalogue.version_rules.values()]
    for where, clause in clauses:
        assert re.fullmatch(r"§\d+(, §\d+)*", clause), (where, clause)
        assert set(clause.split(", ")) <= SCOPE_SECTIONS, (where, clause)


def test_every_ref_is_a_line_of_the_terms_inside_the_section_it_cites():
    _, catalogue = load_scope()
    cited = [(where, o.clause, o.ref) for where, o in every_outcome(catalogue)]
    cited += [(f"versions.{r.id}", r.clause, r.ref) for r in catalogue.version_rules.values()]
    for where, clause, ref in cited:
        assert re.fullmatch(r"003:\d+(, 003:\d+)*", ref), (where, ref)
        lines = [int(n) for n in re.findall(r"003:(\d+)", ref)]
        assert all(1 <= n <= TERMS_LINES for n in lines), (where, ref)
        # "§4, §5" with "003:48, 003:67": each line lies in a section the clause names.
        assert {section_of(n) for n in lines} == set(clause.split(", ")), (where, clause, ref)


def test_quoted_swedish_wording_is_on_the_cited_lines_of_the_terms():
    # The section table above and every quotation are checked against the document
    # itself where it is present (the shared seeds); the line-number checks above hold
    # either way.
    if not TERMS.exists():
        assert SECTION_STARTS[4] == 31 and SECTION_STARTS[5] == 58  # as recorded from the document
        return
    lines = TERMS.read_text(encoding="utf-8").split("\n")
    assert len(lines) >= TERMS_LINES
    headings = {int(m.group(1)): number for number, line in enumerate(lines, start=1)
                if (m := re.match(r"(\d+)\. \S", line))}
    assert headings == SECTION_STARTS
    _, catalogue = load_scope()
    quoted = 0
    for where, outcome in every_outcome(catalogue):
        text = " ".join(lines[int(n) - 1] for n in re.findall(r"003:(\d+)", outcome.ref))
        for quote in re.findall(r'"([^"]+)"', outcome.text):
            assert quote in text, (where, outcome.ref, quote)
            quoted += 1
    for rule in catalogue.version_rules.values():
        swedish = rule.quote.split(": ")[0]  # "Operativsystem (Win 7 och senare ... version)"
        assert swedish in lines[int(rule.ref.removeprefix("003:")) - 1], rule.id
    assert quoted >= 20


def test_the_customer_fact_rules_have_the_contract_verdicts():
    facts = load_scope()[1].facts
    assert {name: outcome.verdict for name, outcome in facts.items()} == {
        "software_only": Verdict.SUPERUSER_ONLY, "not_from_reseller": Verdict.OUT_OF_SCOPE,
        "migrating": Verdict.OUT_OF_SCOPE, "no_antivirus": Verdict.CONDITIONAL,
        "no_firewall": Verdict.CONDITIONAL, "no_backup": Verdict.CONDITIONAL,
    }
    assert all(outcome.next_step for outcome in facts.values())


def test_the_version_rules_say_what_section_5_says():
    _, catalogue = load_scope()
    rules = catalogue.version_rules
    assert set(rules) == {"os", "email", "office"}
    assert rules["os"].accepts == (Accept("windows", (7,)), Accept("macos", None, latest_only=True))
    assert rules["email"].accepts == (Accept("outlook", (2013,)), Accept("windows-live-mail"))
    assert rules["office"].accepts == (Accept("office", (2013,)),)
    assert {t.id: t.version_rule for t in catalogue.topics.values() if t.version_rule} == {
        "os-problem": "os", "email-client": "email", "office-apps": "office"}
    # "Mac OS senaste version": which one is the latest is data, with the date it was checked.
    assert catalogue.latest == {"macos": (27,)} and catalogue.latest_checked == "2026-11-22"


def test_conditions_and_their_alternatives():
    topics = load_scope()[1].topics
    assert {t.id: t.condition for t in topics.values() if t.condition} == {
        "permission-change": "manager_approval", "third-party-app": "app_approval"}
    assert topics["permission-change"].alternatives["approved"].verdict is Verdict.IN_SCOPE
    assert topics["third-party-app"].alternatives["approved"].verdict is Verdict.THIRD_PARTY
    assert topics["third-party-app"].alternatives["not_approved"].verdict is Verdict.OUT_OF_SCOPE


# --- broken replacement files ------------------------------------------------------------

def bundled_text() -> str:
    return BUNDLED.read_text(encoding="utf-8")


def write(tmp_path: Path, text: str, name: str = "scope.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def changed(old: str, new: str) -> str:
    text = bundled_text()
    assert text.count(old) == 1, f"the bundled file should contain {old!r} once"
    return text.replace(old, new)


def without_block(header: str) -> str:
    """The bundled text without the table starting at `header` (up to the next table or blank line)."""
    text = bundled_text()
    start = text.index(header)
    end = min(text.index("\n\n", start), text.index("\n[", start))
    return text[:start] + text[end + 1:]


def load_error(path: Path) -> str:
    with pytest.raises(ReferenceDataError) as raised:
        load_scope(path)
    return str(raised.value)


def test_a_copy_of_the_bundled_file_loads_from_anywhere(tmp_path):
    assert load_scope(write(tmp_path, bundled_text(), "copy.toml")) == load_scope()


def test_an_unknown_verdict_is_named_with_the_topic_and_the_valid_ones(tmp_path):
    message = load_error(write(tmp_path, changed('id = "terminal-server"\nverdict = "out_of_scope"',
                                                 'id = "terminal-server"\nverdict = "excluded"')))
    assert "scope.toml" in message and "topic terminal-server" in message
    assert "unknown verdict 'excluded'" in message
    assert all(v in message for v in ("in_scope", "conditional", "superuser_only", "third_party", "out_of_scope"))


def test_an_unknown_verdict_of_a_fact_rule_is_named(tmp_path):
    text = changed('[facts.migrating]\nverdict = "out_of_scope"', '[facts.migrating]\nverdict = "paused"')
    message = load_error(write(tmp_path, text))
    assert "facts.migrating" in message and "'paused'" in message


def test_a_missing_fact_rule_is_named(tmp_path):
    message = load_error(write(tmp_path, without_block("[facts.no_backup]")))
    assert "[facts] lacks no_backup" in message


def test_a_topic_without_finnish_words_is_named(tmp_path):
    text = changed('fi = ["tulostin", "tulostaa", "tulostus", "ei tulosta", "tulostin ei toimi", "tulostusjono"]\n',
                   "")
    message = load_error(write(tmp_path, text))
    assert "topic print-problem" in message and "no search words in 'fi'" in message


def test_a_topic_without_a_danish_title_is_named(tmp_path):
    message = load_error(write(tmp_path, changed('da = "Udskrivningsproblem", ', "")))
    assert "topic print-problem" in message and "no title in 'da'" in message


def test_an_unknown_version_rule_is_named(tmp_path):
    message = load_error(write(tmp_path, changed('version_rule = "os"', 'version_rule = "operating-system"')))
    assert "topic os-problem" in message and "unknown version rule 'operating-system'" in message


def test_a_duplicate_topic_id_is_named(tmp_path):
    message = load_error(write(tmp_path, changed('id = "terminal-server"', 'id = "server-problem"')))
    assert "topic server-problem appears twice" in message


def test_a_condition_without_its_alternative_is_named(tmp_path):
    message = load_error(write(tmp_path, without_block("[topic.alternatives.not_approved]")))
    assert "topic third-party-app" in message
    assert "condition app_approval needs an alternative 'not_approved'" in message


def test_an_unknown_condition_is_named(tmp_path):
    message = load_error(write(tmp_path, changed('condition = "manager_approval"', 'condition = "boss_says_so"')))
    assert "topic permission-change" in message and "unknown condition 'boss_says_so'" in message


def test_a_latest_only_rule_without_its_latest_version_is_named(tmp_path):
    message = load_error(write(tmp_path, changed('macos = "27"\n', "")))
    assert "versions.os needs [latest] macos" in message


def test_a_minimum_that_is_not_a_version_number_is_named(tmp_path):
    message = load_error(write(tmp_path, changed('{ product = "windows", minimum = "7" }',
                                                 '{ product = "windows", minimum = "seven" }')))
    assert "versions.os" in message and "'seven' is not a version number" in message


def test_a_version_rule_missing_a_key_is_named(tmp_path):
    message = load_error(write(tmp_path, changed('examples = ["Office 2019", "Microsoft 365 Apps"]\n', "")))
    assert "versions.office" in message and "missing the key 'examples'" in message


def test_a_topic_missing_its_text_is_named(tmp_path):
    text = changed('text = "Problems caused by a server are excluded '
                   '(\\"som beror på problem på en server\\")."\n', "")
    message = load_error(write(tmp_path, text))
    assert "topic server-problem" in message and "missing the key 'text'" in message


def test_a_file_without_topics_is_refused(tmp_path):
    text = bundled_text()
    message = load_error(write(tmp_path, text[:text.index("[[topic]]")]))
    assert "no topics" in message


def test_bad_toml_is_named_with_its_line(tmp_path):
    message = load_error(write(tmp_path, changed('name = "scope"\n', 'name = = "scope"\n')))
    assert "scope.toml" in message and "cannot be read" in message and re.search(r"line \d+", message)
