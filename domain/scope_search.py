"""Find scope topics from the customer's own words, as the agent types.

Five languages, typos, inflections and half-typed words: "glömt lösenordet", "glemt
passord", "skrivaren skriver inte ut", "Azure AD Connect", "Outlook won't start",
"pasword". Each query word is compared with the words of every topic's search phrases
and title (rapidfuzz for the edit distance, in C); a phrase scores by how much of the
query it explains and how much of it the query says, a topic by its best phrase. Built
once per catalogue, so a keystroke costs well under a millisecond.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from domain.scope import Catalogue

MAX_MATCHES = 10
MIN_SCORE = 60.0  # below this a topic is noise, not a match
MIN_WORD_SCORE = 75.0  # a query word weaker than this against a phrase word counts as unmatched
FUZZY_MIN_LENGTH = 5  # shorter words match exactly, by prefix or by stem only: "hela" is not "dela"
STEM_MIN_LENGTH = 5  # "crashing" and "crashes" share the stem "crash"
# A query word no topic knows ("funkar", "nya", "golvet") is filler: it lowers every
# score a little instead of counting as unexplained.
UNKNOWN_WORD_FACTOR = 0.95
# A phrase's score: half how much of the query it explains, half how well the query says it.
QUERY_WEIGHT = 0.5

# Words that carry no topic in any of the five languages: negations ("won't print" and
# "skriver inte ut" are about printing either way), "works"/"funkar"/"virker"/"toimi",
# pronouns and fillers callers add ("hela tiden", "igen", "please").
STOPWORDS_TEXT = """
a an the my our your is are it its to of on in at for with and or not no don't doesn't won't can't cannot isn't
i we me you he she they this that do does how what why when where can could would will
work works working worked keeps keep still again please all any some get got
jag min mitt mina vi vår det den en ett är på i och att har kan inte ingen hur vad varför med för till av
ni de dom oss sin sitt sina han hon funkar fungerar fungera fungerade längre hela tiden alltid igen nya nytt
behöver vill måste ska skulle får fick snälla
jeg mitt mine vi vår det den er på og har kan ikke ingen hvordan hva hvorfor med for til av
dere virker fungerer funker trenger må skal vil får fikk lenger hele tiden alltid igjen nye
mit mine vores er og hvad gør ikke jer hele tiden altid igen nye skal vil får
en ei ja on se minun meidän miten mikä miksi kanssa toimi toimii toimu pysty voi voitteko koko ajan aina taas
"""


def fold(text: str) -> str:
    """Lower case without accents: "Lösenordet" and "losenordet" are the same word to
    an agent typing fast; ø and æ have no decomposition, so they are mapped by hand."""
    text = text.casefold().replace("ø", "o").replace("æ", "ae").replace("œ", "oe")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


# Folded like the words they are compared with: "på" is typed "pa" as often.
STOPWORDS = frozenset(fold(word) for word in STOPWORDS_TEXT.split())


def words(text: str) -> list[str]:
    return [w for w in re.findall(r"[a-z0-9]+(?:'[a-z]+)?", fold(text)) if w not in STOPWORDS]


def _content(found: list[str]) -> list[str]:
    # Version numbers ("Outlook 2010 startar inte", "Office 365") say nothing about the topic.
    return [w for w in found if not w.isdigit()]


def word_similarity(query: str, known: str, typing: bool = True) -> float:
    """0-100: how well a typed word fits a known word. `typing`: the word may be
    unfinished (the last word of the query), so a prefix is a match."""
    if query == known:
        return 100.0
    if typing and len(query) >= 3 and known.startswith(query):
        return 92.0 + 8.0 * len(query) / len(known)  # half-typed: "skriv" -> "skrivare"
    if len(known) >= 4 and query.startswith(known):
        return 94.0  # inflected: "losenordet" -> "losenord", "skrivaren" -> "skrivare"
    if len(known) >= 5 and known in query:
        return 88.0  # compound: "losenordsbyte" holds "losenord"
    stem = len(_common_prefix(query, known))
    if stem >= STEM_MIN_LENGTH and stem >= 0.7 * min(len(query), len(known)):
        return 80.0 + 10.0 * stem / max(len(query), len(known))  # "crashing" -> "crashes"
    if len(query) < FUZZY_MIN_LENGTH or len(known) < FUZZY_MIN_LENGTH:
        return 0.0  # short words: exact, prefix or stem only, else "ad" matches everything
    return fuzz.ratio(query, known)


def _common_prefix(a: str, b: str) -> str:
    end = 0
    for x, y in zip(a, b):
        if x != y:
            break
        end += 1
    return a[:end]


@dataclass(frozen=True)
class Match:
    topic: str
    title: str
    score: float


@dataclass(frozen=True)
class _Phrase:
    topic: str
    words: tuple[str, ...]


class ScopeSearch:
    def __init__(self, catalogue: Catalogue, title_language: str = "en"):
        self.catalogue = catalogue
        self.title_language = title_language
        phrases = []
        for topic in catalogue.topics.values():
            texts = [*topic.titles.values()] + [w for ws in topic.words.values() for w in ws] + [topic.id]
            for text in texts:
                found = tuple(dict.fromkeys(_content(words(text.replace("-", " ")))))
                if found:
                    phrases.append(_Phrase(topic.id, found))
        self._phrases = phrases
        self._vocabulary = sorted({w for p in phrases for w in p.words})
        # Equal scores keep the catalogue's order: what is included comes before what is
        # excluded ("pasword" is password-reset before own-server-password).
        self._order = {topic: position for position, topic in enumerate(catalogue.topics)}

    def _word_scores(self, query_word: str, typing: bool) -> dict[str, float]:
        scores: dict[str, float] = {}
        # The C scorer narrows the vocabulary; prefixes, stems and compounds are checked by hand.
        if len(query_word) >= FUZZY_MIN_LENGTH:
            for known, _score, _index in process.extract(
                    query_word, self._vocabulary, scorer=fuzz.ratio, score_cutoff=MIN_WORD_SCORE, limit=None):
                scores[known] = word_similarity(query_word, known, typing)
        stem = query_word[:STEM_MIN_LENGTH]
        for known in self._vocabulary:
            if known not in scores and (known.startswith(query_word) or query_word.startswith(known)
                                        or known in query_word
                                        or (len(query_word) >= STEM_MIN_LENGTH and known.startswith(stem))):
                scores[known] = word_similarity(query_word, known, typing)
        return {k: v for k, v in scores.items() if v >= MIN_WORD_SCORE}

    def search(self, text: str, limit: int = MAX_MATCHES) -> list[Match]:
        typed = _content(words(text))
        # The word under the cursor may be unfinished ("skri"), unless a space or
        # punctuation follows it: only that word matches by prefix.
        last = re.search(r"([a-z0-9]+)$", fold(text))
        unfinished = last.group(1) if last else None
        query = list(dict.fromkeys(typed))
        if not query:
            return []
        per_word = {w: self._word_scores(w, typing=(w == unfinished)) for w in query}
        known = [w for w in query if per_word[w]]
        if not known:
            return []
        factor = UNKNOWN_WORD_FACTOR ** (len(query) - len(known))
        best: dict[str, float] = {}
        # Per topic, each query word's best fit over all its phrases: "migrera mejl" has
        # "migrera" in one phrase of the migration topic and "mejl" in another.
        bag: dict[str, list[float]] = {}
        for phrase in self._phrases:
            matched = [max((per_word[w].get(p, 0.0) for p in phrase.words), default=0.0) for w in known]
            if not any(matched):
                continue
            topic_words = bag.setdefault(phrase.topic, [0.0] * len(known))
            bag[phrase.topic] = [max(a, b) for a, b in zip(topic_words, matched)]
            # The query should be explained by the phrase, and the phrase said by the query.
            query_cover = sum(matched) / len(matched)
            phrase_fit = sum(max((per_word[w].get(p, 0.0) for w in known), default=0.0)
                             for p in phrase.words) / len(phrase.words)
            score = QUERY_WEIGHT * query_cover + (1 - QUERY_WEIGHT) * phrase_fit
            if score > best.get(phrase.topic, 0.0):
                best[phrase.topic] = score
        for topic, matched in bag.items():
            # Slightly below a single phrase that says it all.
            best[topic] = max(best[topic], 0.9 * sum(matched) / len(matched))
        ranked = sorted(((s * factor, t) for t, s in best.items() if s * factor >= MIN_SCORE),
                        key=lambda st: (-round(st[0], 1), self._order[st[1]]))
        return [Match(t, self.catalogue.topics[t].title(self.title_language), round(s, 1))
                for s, t in ranked[:limit]]
