"""Is a customer's problem covered by their Office 365 support, and why.

The policy is data (resources/reference/scope.toml: topics, customer-fact rules and
version rules, each citing its clause of "Villkor Office 365 Support"); this module is
the mechanism: it applies every rule that fits, lists every reason, and lets the
strictest verdict win (issue "Support-scope checker").
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import Enum

from domain.errors import InvalidInput, joined
from domain.messages import Message, data_text
from domain.product_versions import ProductVersion, parse_product_version


class Verdict(str, Enum):
    IN_SCOPE = "in_scope"
    CONDITIONAL = "conditional"  # in scope once the listed requirements hold
    THIRD_PARTY = "third_party"
    SUPERUSER_ONLY = "superuser_only"
    OUT_OF_SCOPE = "out_of_scope"

    @property
    def strictness(self) -> int:
        # The strictest wins: out_of_scope > superuser_only > third_party > conditional > in_scope.
        return _STRICTNESS.index(self)


_STRICTNESS = [Verdict.IN_SCOPE, Verdict.CONDITIONAL, Verdict.THIRD_PARTY, Verdict.SUPERUSER_ONLY,
               Verdict.OUT_OF_SCOPE]


class Support(str, Enum):
    END_USER = "end-user"  # licence with end-user support
    SOFTWARE_ONLY = "software-only"  # "Mjukvarulicens": licence without end-user support


class Device(str, Enum):
    COMPUTER = "computer"
    TABLET = "tablet"
    SMARTPHONE = "smartphone"


@dataclass(frozen=True)
class Outcome:
    """One rule's finding: a verdict, the clause it rests on, and what to do."""

    verdict: Verdict
    clause: str  # "§5"
    ref: str  # "003:73" (file:line in the seeds)
    text: str  # from the reference data, or a Message of a version rule (quoting the terms)
    next_step: str = ""
    # What the customer reads instead of `text` (issue 16): a version rule's finding in
    # words the customer's language can say whole, without the terms' Swedish quote or
    # the agent's "ask which version". None: `text` is for the customer too.
    for_customer: Message | None = None


@dataclass(frozen=True)
class Topic:
    id: str
    titles: dict[str, str]  # language -> title
    words: dict[str, tuple[str, ...]]  # language -> search words and phrases
    outcome: Outcome  # the topic's own verdict when nothing else applies
    condition: str | None = None  # "manager_approval" | "app_approval" | None
    version_rule: str | None = None  # id of a VersionRule
    # Alternative outcomes for the topic's condition, by name (e.g. "approved").
    alternatives: dict[str, Outcome] = field(default_factory=dict)

    def title(self, language: str = "en") -> str:
        return self.titles.get(language) or self.titles["en"]


@dataclass(frozen=True)
class Accept:
    """One accepted product in a version rule: a minimum version, or only the latest."""

    product: str
    minimum: tuple[int, ...] | None = None
    latest_only: bool = False


@dataclass(frozen=True)
class VersionRule:
    id: str
    clause: str
    ref: str
    quote: str
    what: str  # "an operating system", shown when a version of another kind is given
    accepts: tuple[Accept, ...]
    examples: tuple[str, ...]
    rejected_next_step: str
    unknown_next_step: str
    covers: str = ""  # the quote's products in plain English, translated for the customer


@dataclass(frozen=True)
class Catalogue:
    topics: dict[str, Topic]
    facts: dict[str, Outcome]  # customer-fact rules by id, e.g. "software_only"
    version_rules: dict[str, VersionRule]
    latest: dict[str, tuple[int, ...]]  # product -> latest version, e.g. {"macos": (27,)}
    latest_checked: str = ""  # when "latest" was checked, shown with the reason


@dataclass(frozen=True)
class CustomerFacts:
    """What the agent knows about the customer; the defaults are the usual case."""

    support: Support = Support.END_USER
    from_reseller: bool = True
    migrating: bool = False
    device: Device = Device.COMPUTER
    antivirus: bool = True
    firewall: bool = True
    backup: bool = True
    version: str | None = None  # free text: "Office 2010", "Windows 11", "macOS 15"
    app_approved: bool | None = None  # third-party app approved by the reseller; None: not known
    manager_approved: bool = False


@dataclass(frozen=True)
class ScopeAnswer:
    topic: Topic
    verdict: Verdict
    reasons: tuple[Outcome, ...]  # every finding, strictest first
    next_step: str  # next_steps in one English text
    version: ProductVersion | None = None
    next_steps: tuple[str, ...] = ()  # each a reference-data sentence, for `_()` one by one


def _version_outcome(rule: VersionRule, version: ProductVersion | None, catalogue: Catalogue) -> Outcome:
    # The quote is the terms' own (Swedish) wording: a value, never translated.
    quote, label = rule.quote, version.label if version else ""
    covers = data_text(rule.covers or rule.quote)
    unknown = Message("The terms cover {covers}. Please tell us which version you have.", covers=covers)
    covered_for_customer = Message("{version} is covered: the terms cover {covers}.", version=label, covers=covers)
    not_covered = Message("{version} is not covered: the terms cover {covers}.", version=label, covers=covers)

    def found(verdict: Verdict, text: Message, next_step: str = "") -> Outcome:
        for_customer = {Verdict.IN_SCOPE: covered_for_customer, Verdict.CONDITIONAL: unknown}.get(verdict,
                                                                                                 not_covered)
        return Outcome(verdict, rule.clause, rule.ref, text, next_step, for_customer)

    if version is None:
        return found(Verdict.CONDITIONAL,
                     Message("Covered only for: {quote}. Ask which version the customer has.", quote=quote),
                     rule.unknown_next_step)
    covered = Message("{version} is covered: {quote}.", version=label, quote=quote)
    for accept in rule.accepts:
        if accept.product != version.product:
            continue
        if accept.minimum is None and not accept.latest_only:  # "och senare versioner": any version
            return found(Verdict.IN_SCOPE, covered)
        if version.number is None:
            return found(Verdict.CONDITIONAL,
                         Message("{version}: the version is not known; covered only for: {quote}.",
                                 version=label, quote=quote),
                         rule.unknown_next_step)
        if accept.latest_only:
            latest = catalogue.latest[accept.product]
            if version.number[:len(latest)] >= latest:
                return found(Verdict.IN_SCOPE,
                             Message("{version} is the latest version (checked {checked}): {quote}.",
                                     version=label, checked=catalogue.latest_checked, quote=quote))
            return found(Verdict.OUT_OF_SCOPE,
                         Message("{version} is not the latest version (version {latest}, checked {checked}); "
                                 "only the latest is covered: {quote}.", version=label,
                                 latest=".".join(map(str, latest)), checked=catalogue.latest_checked, quote=quote),
                         rule.rejected_next_step)
        if version.number >= accept.minimum:  # type: ignore[operator]
            return found(Verdict.IN_SCOPE, covered)
        return found(Verdict.OUT_OF_SCOPE,
                     Message("{version} is older than the terms cover: {quote}.", version=label, quote=quote),
                     rule.rejected_next_step)
    return found(Verdict.OUT_OF_SCOPE,
                 Message("{version} is not among the products covered: {quote}.", version=label, quote=quote),
                 rule.rejected_next_step)


def _topic_outcome(topic: Topic, facts: CustomerFacts) -> Outcome:
    if topic.condition == "manager_approval":
        # terms §4 (003:55): "förutsätter digitalt godkännande av behörig chef"
        return topic.alternatives["approved"] if facts.manager_approved else topic.outcome
    if topic.condition == "app_approval":
        # terms §4 (003:43) approved apps go to their vendor; §5 (003:81) unapproved are excluded
        key = {True: "approved", False: "not_approved"}.get(facts.app_approved)  # type: ignore[arg-type]
        return topic.alternatives[key] if key else topic.outcome
    return topic.outcome


def _fact_outcomes(facts: CustomerFacts, catalogue: Catalogue) -> list[Outcome]:
    rules = catalogue.facts
    found = []
    if facts.support is Support.SOFTWARE_ONLY:
        found.append(rules["software_only"])
    if not facts.from_reseller:
        found.append(rules["not_from_reseller"])
    if facts.migrating:
        found.append(rules["migrating"])
    # terms §8 (003:122): antivirus "inte nödvändigt för Surfplatta eller Smartphone";
    # firewall and backup are required on every device, read literally.
    if not facts.antivirus and facts.device is Device.COMPUTER:
        found.append(rules["no_antivirus"])
    if not facts.firewall:
        found.append(rules["no_firewall"])
    if not facts.backup:
        found.append(rules["no_backup"])
    return found


def evaluate(catalogue: Catalogue, topic_id: str, facts: CustomerFacts = CustomerFacts()) -> ScopeAnswer:
    topic = find_topic(catalogue, topic_id)
    version = None
    outcomes = [_topic_outcome(topic, facts)]
    if topic.version_rule is not None:
        rule = catalogue.version_rules[topic.version_rule]
        if facts.version:
            version = parse_product_version(facts.version)
            if not any(a.product == version.product for a in rule.accepts) and version.kind != rule.what:
                raise InvalidInput("version", facts.version, Message(
                    "is {kind}, not {what}; for {topic} give e.g. {examples}", kind=data_text(version.kind),
                    what=data_text(rule.what), topic=topic.id,
                    examples=joined([f"'{e}'" for e in rule.examples], _either)))
        outcome = _version_outcome(rule, version, catalogue)
        if outcome.verdict is Verdict.IN_SCOPE:
            # A covered version: what to do next is the topic's own step ("troubleshoot ...").
            outcome = replace(outcome, next_step=topic.outcome.next_step)
        outcomes = [outcome]
    elif facts.version:
        # No version rule for this topic, so the version does not change the answer; text
        # that names no product is still refused rather than silently ignored.
        parse_product_version(facts.version)
    outcomes += _fact_outcomes(facts, catalogue)
    # Stable sort: among equals the topic's own reason stays first.
    reasons = tuple(sorted(outcomes, key=lambda o: -o.verdict.strictness))
    verdict = reasons[0].verdict
    # The strictest findings decide what to do.
    steps = tuple(dict.fromkeys(o.next_step for o in reasons if o.verdict is verdict and o.next_step))
    return ScopeAnswer(topic, verdict, reasons, " ".join(steps), version, steps)


def _either(earlier: str, later: str) -> Message:
    # Translators: two examples of what to type, either of which will do.
    return Message("{earlier} or {later}", earlier=earlier, later=later)


def find_topic(catalogue: Catalogue, topic_id: str) -> Topic:
    key = (topic_id or "").strip().lower()
    if key in catalogue.topics:
        return catalogue.topics[key]
    raise InvalidInput("topic", topic_id, Message("is not a topic; closest: {topics}",
                                                  topics=", ".join(closest_topic_ids(catalogue, key))))


def closest_topic_ids(catalogue: Catalogue, text: str, limit: int = 3) -> list[str]:
    from rapidfuzz import fuzz, process

    matches = process.extract(text, list(catalogue.topics), scorer=fuzz.WRatio, limit=limit)
    return [match for match, _score, _index in matches]
