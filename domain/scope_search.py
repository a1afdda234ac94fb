"""Find scope topics from the customer's own words, as the agent types.

Five languages, typos, inflections and half-typed words: "glömt lösenordet", "glemt
passord", "skrivaren skriver inte ut", "Azure AD Connect", "Outlook won't start",
"pasword". Each query word is compared with the words of every topic's search phrases
and title (rapidfuzz for the edit distance, in C); a phrase scores by how well all its
matched query words fit, a topic by its best phrase. Built once per catalogue, so a
keystroke costs well under a millisecond.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from domain.scope import Catalogue

MAX_MATCHES = 10
MIN_SCORE = 60.0  # below this a topic is noise, not a match
MIN_WORD_SCORE = 70.0  # a query word weaker than this against a phrase word counts as unmatched

# Words that carry no topic in any of the five languages (negations included: "won't
# print" and "skriver inte ut" are about printing either way).
STOPWORDS = frozenset("""
a an the my our your is are it its to of on in at for with and or not no don't doesn't won't can't cannot
i we me you he she they this that do does how what why when where
jag min mitt mina vi vår det den en ett är på i och att har kan inte ingen hur vad varför med för till av
jeg mitt mine vi vår det den er på og har kan ikke ingen hvordan hva hvorfor med for til av
mit mine vores er og hvad gør ikke
en ei ja on se minun meidän miten mikä miksi kanssa
""".split())


def fold(text: str) -> str:
    """Lower case without accents: "Lösenordet" and "losenordet" are the same word to
    an agent typing fast; ø and æ have no decomposition, so they are mapped by hand."""
    text = text.casefold().replace("ø", "o").replace("æ", "ae").replace("œ", "oe")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words(text: str) -> list[str]:
    return [w for w in re.findall(r"[a-z0-9]+(?:'[a-z]+)?", fold(text)) if w not in STOPWORDS]


def word_similarity(query: str, known: str) -> float:
    """0-100: how well a typed word fits a known word."""
    if query == known:
        return 100.0
    if len(query) >= 3 and known.startswith(query):
        return 92.0 + 8.0 * len(query) / len(known)  # half-typed: "skriv" -> "skrivare"
    if len(known) >= 4 and query.startswith(known):
        return 94.0  # inflected: "losenordet" -> "losenord", "skrivaren" -> "skrivare"
    if len(known) >= 5 and known in query:
        return 88.0  # compound: "losenordsbyte" holds "losenord"
    if len(query) < 4 or len(known) < 4:
        return 0.0  # short words: exact or prefix only, else "ad" matches everything
    return fuzz.ratio(query, known)


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
                found = tuple(words(text.replace("-", " ")))
                if found:
                    phrases.append(_Phrase(topic.id, found))
        self._phrases = phrases
        self._vocabulary = sorted({w for p in phrases for w in p.words})

    def _word_scores(self, query_word: str) -> dict[str, float]:
        scores: dict[str, float] = {}
        # The C scorer narrows the vocabulary; prefixes and compounds are checked by hand.
        for known, _score, _index in process.extract(
                query_word, self._vocabulary, scorer=fuzz.ratio, score_cutoff=MIN_WORD_SCORE - 15, limit=None):
            scores[known] = word_similarity(query_word, known)
        for known in self._vocabulary:
            if known not in scores and (known.startswith(query_word) or query_word.startswith(known)
                                        or known in query_word):
                scores[known] = word_similarity(query_word, known)
        return {k: v for k, v in scores.items() if v >= MIN_WORD_SCORE}

    def search(self, text: str, limit: int = MAX_MATCHES) -> list[Match]:
        # Version numbers ("Outlook 2010 startar inte") say nothing about the topic.
        query = [w for w in dict.fromkeys(words(text)) if not w.isdigit()]
        if not query:
            return []
        per_word = [self._word_scores(w) for w in query]
        best: dict[str, float] = {}
        # Per topic, each query word's best fit over all its phrases: "migrera mejl" has
        # "migrera" in one phrase of the migration topic and "mejl" in another.
        bag: dict[str, list[float]] = {}
        for phrase in self._phrases:
            matched = [max((scores.get(w, 0.0) for w in phrase.words), default=0.0) for scores in per_word]
            hits = [s for s in matched if s > 0]
            if not hits:
                continue
            topic_words = bag.setdefault(phrase.topic, [0.0] * len(query))
            bag[phrase.topic] = [max(a, b) for a, b in zip(topic_words, matched)]
            # All of the query should be explained by the phrase, most of the phrase by the query.
            query_cover = sum(matched) / len(matched)
            phrase_cover = min(1.0, len(hits) / len(phrase.words))
            score = query_cover * (0.8 + 0.2 * phrase_cover)
            if score > best.get(phrase.topic, 0.0):
                best[phrase.topic] = score
        for topic, matched in bag.items():
            # Slightly below a single phrase that says it all.
            best[topic] = max(best[topic], 0.9 * sum(matched) / len(matched))
        # Equal scores keep the catalogue's order: what is included comes before what is
        # excluded ("pasword" is password-reset before own-server-password).
        order = {topic: position for position, topic in enumerate(self.catalogue.topics)}
        ranked = sorted(((s, t) for t, s in best.items() if s >= MIN_SCORE), key=lambda st: (-st[0], order[st[1]]))
        return [Match(t, self.catalogue.topics[t].title(self.title_language), round(s, 1))
                for s, t in ranked[:limit]]
