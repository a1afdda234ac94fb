"""Where a Microsoft product is in its support lifecycle on a given day, and what that allows.

The dates are data (resources/reference/lifecycle.toml: one entry per product, each with
its Microsoft lifecycle page and the day it was checked); what each phase allows is data
too, citing the lifecycle policy (seed 004, "Retningslinjer for kundestøtte"). This module
is the mechanism: find the product the agent named, put the day in a phase, and list
what the phase allows (issue "Escalation to Microsoft ...", lifecycle part).

Phases. An end date is the last day of its phase: on `mainstream_end` a product is still
in mainstream support, the next day it is in extended support (or ended, if it has no
extended phase). Products under Microsoft's Modern Lifecycle Policy have one end date
(or none announced yet): they are modelled as mainstream until that date and have no
extended phase.

Names. Agents type products the way customers say them: "win 10", "Windows10", "Server
2019", "Exchange 2016", "O2016", "windos 11 24h2 pro". Text is read leniently (case,
spacing, common abbreviations, small typos in words, never in numbers) and strictly in
meaning: text that fits one product names it; text that fits several ("Windows 11")
lists them for the agent to choose; text that fits none lists the closest names.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

from domain.errors import InvalidInput
from domain.messages import Message, data_text, plural_message


class Phase(str, Enum):
    MAINSTREAM = "mainstream"
    EXTENDED = "extended"
    ENDED = "ended"


class Policy(str, Enum):
    FIXED = "fixed"  # Fixed Lifecycle Policy: mainstream, then (usually) extended support
    MODERN = "modern"  # Modern Lifecycle Policy: supported while kept current, one end date


CONFIDENCE = ("confirmed", "secondary source", "from memory, not confirmed")


@dataclass(frozen=True)
class Product:
    id: str  # "windows-server-2019"
    name: str  # "Windows Server 2019", as Deskguide shows it
    family: str  # "windows-server", "office", ...
    policy: Policy
    start: dt.date | None  # None: not recorded (the check needs no start)
    mainstream_end: dt.date | None  # last day of mainstream; None: no end announced (modern only)
    extended_end: dt.date | None  # last day of extended support; None: no extended phase
    source: str  # Microsoft's lifecycle page for the product
    checked: dt.date  # when the dates were last checked against a source
    confidence: str  # one of CONFIDENCE
    aliases: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    confirmed_in: tuple[str, ...] = ()  # where the dates were seen when checked

    @property
    def support_ends(self) -> dt.date | None:
        """The last day of any support: the end of extended support, else of mainstream."""
        return self.extended_end or self.mainstream_end


@dataclass(frozen=True)
class Allowance:
    """One thing a phase allows (or not), with the line of the lifecycle policy it rests on."""

    text: str
    ref: str  # "004:28" or "004:97-101" (file:line in the seeds)

    def cited(self) -> Message:
        """"Security updates (004:28)": the sentence is translated, the citation is not."""
        return Message("{text} ({ref})", text=data_text(self.text), ref=self.ref)


@dataclass(frozen=True)
class PhaseRules:
    phase: Phase
    title: str  # "Mainstream support"
    ref: str  # where the seed describes the phase
    allows: tuple[Allowance, ...]
    not_allowed: tuple[Allowance, ...] = ()


@dataclass(frozen=True)
class Catalogue:
    products: dict[str, Product]  # id -> product, in the order of the file
    phases: dict[Phase, PhaseRules]
    modern_note: Allowance  # shown with every product under the Modern Lifecycle Policy

    def names(self) -> list[str]:
        return [product.name for product in self.products.values()]


@dataclass(frozen=True)
class LifecycleAnswer:
    product: Product
    on: dt.date
    phase: Phase
    phase_ends: dt.date | None  # the last day of the current phase; None: no end announced
    allows: tuple[str, ...]  # Messages: each allowance with its citation
    not_allowed: tuple[str, ...]
    notes: tuple[str, ...]  # the product's notes (reference data), then the policy's cited note
    matched_from: str  # what the agent typed
    warning: str | None  # a Message, set when support has ended: shown before escalating to Microsoft

    @property
    def ended(self) -> bool:
        return self.phase is Phase.ENDED


class UnknownProduct(InvalidInput):
    """The text names no product in the lifecycle list; `closest` are the nearest names."""

    def __init__(self, field: str, value: str, closest: list[str]):
        self.closest = closest
        super().__init__(field, value, Message("is not a product in the lifecycle list; closest: {products}",
                                               products="; ".join(closest)))


class AmbiguousProduct(InvalidInput):
    """The text fits several products; `candidates` are their names, for the agent to choose."""

    MAX_LISTED = 20

    def __init__(self, field: str, value: str, candidates: list[str]):
        self.candidates = candidates
        listed = "; ".join(candidates[:self.MAX_LISTED])
        more = len(candidates) - self.MAX_LISTED
        if more > 0:
            # Translators: the first product names, then how many more there are.
            listed = plural_message("{products}; and {count} more", "{products}; and {count} more", more,
                                    products=listed)
        super().__init__(field, value, plural_message(
            "fits {count} product, say which one (version, edition): {products}",
            "fits {count} products, say which one (version, edition): {products}", len(candidates),
            products=listed))


# --- phases ---------------------------------------------------------------------------------

def phase_on(product: Product, day: dt.date) -> Phase:
    """The product's phase on `day`. Each end date is the last day of its phase."""
    if product.mainstream_end is None or day <= product.mainstream_end:
        return Phase.MAINSTREAM
    if product.extended_end is not None and day <= product.extended_end:
        return Phase.EXTENDED
    return Phase.ENDED


def phase_ends(product: Product, phase: Phase) -> dt.date | None:
    if phase is Phase.MAINSTREAM:
        return product.mainstream_end
    if phase is Phase.EXTENDED:
        return product.extended_end
    return None


def ended_warning(product: Product, catalogue: Catalogue) -> Message:
    rules = catalogue.phases[Phase.ENDED]
    refs = ", ".join(a.ref for a in rules.allows)
    return Message("Microsoft support for {product} ended on {day}. Tell the customer before escalating: Microsoft "
                   "gives only limited troubleshooting and self-help online ({refs}), and no fixes; upgrading to a "
                   "supported version is the lasting fix.", product=product.name, day=product.support_ends, refs=refs)


def answer(catalogue: Catalogue, product: Product, on: dt.date, matched_from: str,
           field_name: str = "on") -> LifecycleAnswer:
    """The product's phase on `on`, with what the phase allows. A day before the product
    was released is a mistake in the question, not a phase."""
    if product.start is not None and on < product.start:
        raise InvalidInput(field_name, on.isoformat(), Message("is before {product} was released ({day})",
                                                               product=product.name, day=product.start))
    phase = phase_on(product, on)
    rules = catalogue.phases[phase]
    notes = list(product.notes)
    if product.policy is Policy.MODERN:
        notes.append(catalogue.modern_note.cited())
    return LifecycleAnswer(
        product=product, on=on, phase=phase, phase_ends=phase_ends(product, phase),
        allows=tuple(a.cited() for a in rules.allows), not_allowed=tuple(a.cited() for a in rules.not_allowed),
        notes=tuple(notes), matched_from=matched_from,
        warning=ended_warning(product, catalogue) if phase is Phase.ENDED else None,
    )


def check(catalogue: Catalogue, text: str, on: dt.date, *, product_field: str = "product",
          on_field: str = "on") -> LifecycleAnswer:
    return answer(catalogue, find_product(catalogue, text, product_field), on, text, on_field)


# --- reading what the agent typed -----------------------------------------------------------

# Abbreviations agents and customers use, read as the words in the product names.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "win": ("windows",), "w": ("windows",), "wind": ("windows",),
    "ws": ("windows", "server"), "srv": ("server",), "svr": ("server",),
    "o": ("office",), "off": ("office",), "ofc": ("office",),
    "ex": ("exchange",), "exch": ("exchange",), "exc": ("exchange",),
    "sp": ("sharepoint",), "spserver": ("sharepoint", "server"),
    "sfb": ("skype", "business"),
    "se": ("subscription",),
    "professional": ("pro",), "ent": ("enterprise",), "edu": ("education",),
    "ltsb": ("ltsc",),
    # Words that tell nothing apart ("Microsoft Office 2016" is Office 2016).
    "microsoft": (), "ms": (), "m": (), "and": (), "for": (), "the": (), "version": (), "ver": (),
    "edition": (), "editions": (),
}
# Phrases read before the words: an edition group by its best-known member.
_PHRASES = (
    (re.compile(r"\bpro\s+(?:for\s+)?(?:education|edu)\b"), "pro"),
    (re.compile(r"\bpro\s+for\s+workstations?\b"), "pro"),
    (re.compile(r"\biot\s+enterprise\b"), "enterprise"),
    (re.compile(r"\bs4b\b"), "sfb"),
    (re.compile(r"\bservice\s*pack\s*\d\b|\bsp\s?\d\b"), " "),  # "Windows 7 SP1" is Windows 7
    (re.compile(r"\bclick[\s-]*to[\s-]*run\b"), " "),
)
# Feature versions ("24H2"), "R2", numbers with a point ("8.1"), other numbers, words.
_TOKEN = re.compile(r"\d{2}h[12]|r2(?!\d)|\d+(?:\.\d+)?|[a-zåäöæøü']+")
_FUZZY_CUTOFF = 80  # rapidfuzz ratio: "windos" -> "windows", "exchnage" -> "exchange"


@lru_cache(maxsize=4096)  # pure; a keystroke re-reads every product name and alias
def tokens(text: str) -> tuple[str, ...]:
    """The words of a product name as a set to compare: lower case, abbreviations and
    spacing normalised ("Win10" -> windows 10, "ws2019" -> windows server 2019)."""
    normal = (text or "").lower()
    normal = re.sub(r"(\d),(\d)", r"\1.\2", normal)  # "Windows 8,1": the Nordic decimal comma
    for pattern, replacement in _PHRASES:
        normal = pattern.sub(replacement, normal)
    words: list[str] = []
    for token in _TOKEN.findall(normal):
        words.extend(SYNONYMS.get(token, (token,)))
    return tuple(dict.fromkeys(words))  # the order kept, each word once


@lru_cache(maxsize=4096)
def key(text: str) -> frozenset[str]:
    return frozenset(tokens(text))


def product_keys(product: Product) -> list[frozenset[str]]:
    """The exact ways to name a product: its name and each alias, as word sets."""
    return [key(text) for text in (product.name, *product.aliases)]


def _vocabulary(catalogue: Catalogue) -> set[str]:
    words = set(SYNONYMS)
    for product in catalogue.products.values():
        for words_of in product_keys(product):
            words |= words_of
    return words


def _corrected(words: tuple[str, ...], vocabulary: set[str]) -> tuple[str, ...]:
    """Words not in any product name replaced by the nearest word that is, if near
    enough. Numbers are never corrected: 2016 is not 2019."""
    from rapidfuzz import fuzz, process

    known = [w for w in vocabulary if w.isalpha()]
    corrected = []
    for word in words:
        if word in vocabulary or not word.isalpha() or len(word) < 4:
            corrected.append(word)
            continue
        best = process.extractOne(word, known, scorer=fuzz.ratio, score_cutoff=_FUZZY_CUTOFF)
        corrected.extend(SYNONYMS.get(best[0], (best[0],)) if best else (word,))
    return tuple(dict.fromkeys(corrected))


def closest_names(catalogue: Catalogue, text: str, limit: int = 3) -> list[str]:
    """The names nearest to `text`, word for word ("SQL Server 2019" -> Windows Server 2019...)."""
    from rapidfuzz import fuzz, process

    names = catalogue.names()
    choices = [" ".join(tokens(name)) for name in names]
    wanted = " ".join(_corrected(tokens(text), _vocabulary(catalogue))) or text.lower()
    matches = process.extract(wanted, choices, scorer=fuzz.token_sort_ratio, limit=limit)
    return [names[index] for _match, _score, index in matches]


def find_product(catalogue: Catalogue, text: str, field_name: str = "product") -> Product:
    """The one product `text` names.

    1. Its words are exactly a product's name or one of its aliases: that product
       ("Server 2019" is an alias of Windows Server 2019, so not Exchange Server 2019).
    2. Else every word appears in one product's name and aliases: that product
       ("Exchange 2016"). In several: AmbiguousProduct listing them ("Windows 11").
    3. Else UnknownProduct with the closest names.
    """
    if not (text or "").strip():
        raise InvalidInput(field_name, text, Message("is empty: name a product, e.g. 'Windows 11 24H2 Pro', "
                                                     "'Windows Server 2019' or 'Exchange 2016'"))
    words = _corrected(tokens(text), _vocabulary(catalogue))
    if not words:
        raise UnknownProduct(field_name, text, closest_names(catalogue, text))
    wanted = frozenset(words)
    products = list(catalogue.products.values())
    exact = [p for p in products if wanted in product_keys(p)]
    if exact:
        return exact[0]  # lifecycle_data refuses a name or alias shared by two products
    fitting = [p for p in products if wanted <= frozenset().union(*product_keys(p))]
    if len(fitting) == 1:
        return fitting[0]
    if fitting:
        raise AmbiguousProduct(field_name, text, [p.name for p in fitting])
    raise UnknownProduct(field_name, text, closest_names(catalogue, text))
