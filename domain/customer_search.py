"""Find a customer as the agent types: by name, organisation number, phone or e-mail.

Built once from the register's summaries (domain.services.register.customer_summaries);
each keystroke then costs a few bisections and, at most, a scan in C over one long
string, so 100,000 customers answer well inside a 16 ms frame in pure Python.

What matches, best first (ties by name):
  0. the name starts with the text ("ost" -> "Östergren Bygg AB");
  1. every word of the text starts a word of the name or the e-mail, in any order
     ("bygg oster", "lindqvist"), or the digits start the organisation number or the
     phone ("5566778899" and "556677-8899"; "+46 8 123", "468123" and "08 123"), or
     the text starts the e-mail address;
  2. the text appears anywhere in the name, the e-mail, the organisation number or the
     phone ("gren", "@bygg.se", "4567").
Text that reads as a number (digits, spaces, + - ( ) . /) is looked for inside numbers
only, and inside names too when it is digits alone ("Kontor 24"); never inside e-mails.
Names and e-mails are compared without case or accents: "ostergren" finds "Östergren".
"""
from __future__ import annotations

import heapq
import re
import sys
import unicodedata
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from itertools import accumulate, chain
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from domain.customers import CustomerSummary

DEFAULT_LIMIT = 50
# Calling code of each desk country and the trunk prefix of its national numbers:
# "+46 8 123 456 78" is dialled "08-123 456 78" in Sweden; Norway and Denmark have no
# trunk prefix ("+47 22 12 34 56" is "22 12 34 56").
CALLING_CODES = {"SE": ("46", "0"), "NO": ("47", ""), "DK": ("45", ""), "FI": ("358", "0")}
_LETTERS_BY_HAND = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ð": "d", "þ": "th", "ł": "l", "đ": "d"})
# The combining marks that decomposed Latin letters leave (å -> a + ring), deleted by
# str.translate: the diacritical-marks blocks of Unicode.
_COMBINING = dict.fromkeys(cp for low, high in ((0x300, 0x370), (0x1AB0, 0x1B00), (0x1DC0, 0x1E00),
                                                (0x20D0, 0x2100), (0xFE20, 0xFE30))
                           for cp in range(low, high) if unicodedata.combining(chr(cp)))
_NOT_WORD = re.compile(r"[\W_]+")
_EMAIL_PARTS = re.compile(r"[.@_+\-]+")
_DIGITS_ONLY = re.compile(r"^[\d\s()+./-]+$")
_NOT_DIGIT = re.compile(r"\D+")
_PUNCTUATION = str.maketrans(dict.fromkeys(" -+()./", None))
_SEPARATOR = "\n"  # never in a folded key: every key has its whitespace collapsed


def fold(text: str) -> str:
    """Lower case without accents. ø, æ and friends have no decomposition, so they are
    mapped by hand (as domain.scope_search does)."""
    if text.isascii():
        return text.lower()
    return unicodedata.normalize("NFKD", text.casefold().translate(_LETTERS_BY_HAND)).translate(_COMBINING)


def name_key(text: str) -> str:
    """Folded, every run of spaces and punctuation one space: "Öster-Gren & Co." ->
    "oster gren co", so typing "oster gren" or "öster-g" finds it."""
    return _NOT_WORD.sub(" ", fold(text)).strip()


def digits(text: str) -> str:
    quick = (text or "").translate(_PUNCTUATION)  # the usual case, without a regex
    return quick if not quick or (quick.isascii() and quick.isdigit()) else _NOT_DIGIT.sub("", quick)


def phone_keys(phone: str, country: str = "") -> list[str]:
    """The phone's digits as written, plus the other form of a Nordic number: national
    for an international one ("+46 8 123" -> "08123"), international for a national one
    in the customer's country ("08-123" -> "468123"), so either form the caller reads
    out finds it."""
    found = digits(phone)
    if not found:
        return []
    keys = [found]
    international = found[2:] if found.startswith("00") else found if phone.strip().startswith("+") else ""
    if international:
        for code, trunk in CALLING_CODES.values():
            if international.startswith(code):
                keys.append(trunk + international[len(code):])
                break
    elif country in CALLING_CODES:
        code, trunk = CALLING_CODES[country]
        keys.append(code + (found[len(trunk):] if trunk and found.startswith(trunk) else found))
    return keys if len(keys) == 1 or keys[0] != keys[1] else keys[:1]


def typed_number(text: str) -> str:
    """The digits of a typed number ("" if the text is not one); "00" dialled abroad
    for "+" is dropped, as the register's numbers keep their country code without it."""
    if not _DIGITS_ONLY.match(text):
        return ""
    number = digits(text)
    return number[2:] if number.startswith("00") and len(number) > 2 else number


class _PrefixIndex:
    """Distinct keys, sorted, and after each the customers (positions in name order)
    it belongs to, flat: the keys starting with a text are one run, found by bisection,
    and their customers one slice. Arrays, not lists of lists: nothing for the garbage
    collector to walk."""

    def __init__(self, owners_by_key: dict[str, list[int]]):
        self.keys = sorted(owners_by_key)
        groups = list(map(owners_by_key.__getitem__, self.keys))
        self.offsets = array("q", accumulate(map(len, groups), initial=0))
        self.owners = array("q", chain.from_iterable(groups))

    def span(self, prefix: str) -> tuple[int, int]:
        """The customers' slice (start, end) of every key starting with `prefix`."""
        low = bisect_left(self.keys, prefix)
        high = bisect_left(self.keys, prefix + "\U0010ffff", low)
        return self.offsets[low], self.offsets[high]


class _Haystack:
    """All customers' keys in name order in one string, each after a separator, so a
    substring is found by str.find (C speed) and each hit maps back to its customer by
    bisection; a needle starting with the separator matches at the start of a key."""

    def __init__(self, keys_per_customer: Sequence[str]):
        self.text = _SEPARATOR + _SEPARATOR.join(keys_per_customer)
        # Where each key starts (and, last, one past the end): key k is text[starts[k]:starts[k + 1] - 1].
        self.starts = array("q", accumulate((len(key) + 1 for key in keys_per_customer), initial=1))

    def first_owners(self, needle: str, wanted: int, skip: set[int]) -> list[int]:
        """The first `wanted` customers (in name order) not in `skip` whose key holds
        `needle`; they are added to `skip`."""
        found: list[int] = []
        if not needle or wanted <= 0:
            return found
        lead = len(needle) - len(needle.lstrip(_SEPARATOR))
        text, starts, position = self.text, self.starts, 0
        while len(found) < wanted:
            position = text.find(needle, position)
            if position < 0:
                break
            owner = bisect_right(starts, position + lead) - 1
            if owner not in skip:
                skip.add(owner)
                found.append(owner)
            position = starts[owner + 1] - 1  # on at the next key's separator: one hit per customer
        return found


class CustomerSearch:
    def __init__(self, summaries: Iterable[CustomerSummary]):
        given = list(summaries)
        keys = [name_key(s.name) for s in given]
        order = sorted(range(len(given)), key=lambda i: (keys[i], given[i].id))
        self.summaries: list[CustomerSummary] = [given[i] for i in order]
        self._names: list[str] = [keys[i] for i in order]  # sorted: a name prefix is one run
        del given, keys, order
        self._emails: list[str] = [fold(s.email.strip()) if s.email else "" for s in self.summaries]
        # Words of the e-mail ("anna lindqvist bygg se") count as the customer's words, so
        # an agent typing the contact's name finds the customer by its address.
        self._words: list[str] = [
            f" {name} {_EMAIL_PARTS.sub(' ', email).strip()}" for name, email in zip(self._names, self._emails)]
        # " 5566778899 46812345678 0812345678": organisation number and phone forms.
        self._numbers: list[str] = []
        words: dict[str, list[int]] = {}
        add_word, intern = words.setdefault, sys.intern
        for owner, customer_words in enumerate(self._words):
            # A word twice in one name lists its customer twice; the queries take sets.
            for word in customer_words.split():
                add_word(intern(word), []).append(owner)  # many names share words: "ab", "bygg"
        self._word_index = _PrefixIndex(words)
        del words
        for summary in self.summaries:
            found = phone_keys(summary.phone, summary.country)
            org = digits(summary.org_number)
            self._numbers.append(" " + " ".join([org, *found] if org else found))
        self._name_text = _Haystack(self._names)
        self._email_text = _Haystack(self._emails)
        self._number_text = _Haystack(self._numbers)

    def __len__(self) -> int:
        return len(self.summaries)

    def search(self, text: str, limit: int = DEFAULT_LIMIT) -> list[CustomerSummary]:
        """The best `limit` customers for what has been typed so far; with nothing
        typed, the first `limit` by name (a register list with an empty filter)."""
        text = text or ""
        if limit <= 0:
            return []
        key = name_key(text)
        raw = " ".join(fold(text).split())  # a pasted line break is a space, never a separator
        number = typed_number(text)
        if not key and not raw:
            return self.summaries[:limit]
        chosen: list[int] = []
        taken: set[int] = set()

        def take(owners: Iterable[int]) -> None:
            for owner in owners:
                if len(chosen) == limit:
                    return
                if owner not in taken:
                    taken.add(owner)
                    chosen.append(owner)

        # 0: the name starts with the text: one run of the sorted names.
        if key:
            low = bisect_left(self._names, key)
            take(range(low, min(bisect_left(self._names, key + "\U0010ffff", low), low + limit)))
        # 1: the words, the digits or the e-mail start with what was typed; by name.
        if len(chosen) < limit:
            wanted, hits = limit - len(chosen), []
            if key:
                hits += self._word_starts(key, wanted, taken)
            # In the number text each number follows a space; in the e-mail text each address
            # follows the separator.
            if number:
                hits += self._number_text.first_owners(" " + number, wanted, set(taken))
            if not number and " " not in raw and _EMAIL_PARTS.search(raw):  # else its first word matched
                hits += self._email_text.first_owners(_SEPARATOR + raw, wanted, set(taken))
            take(sorted(set(hits)))
        # 2: anywhere; each scan stops at the first customers it needs, in name order.
        if len(chosen) < limit:
            wanted = limit - len(chosen)
            hits = []
            if not number or key == number:  # "3M", "Kontor 24"; not "556677-88"
                hits += self._name_text.first_owners(key, wanted, set(taken))
            if not number and " " not in raw:
                hits += self._email_text.first_owners(raw, wanted, set(taken))
            if number:
                hits += self._number_text.first_owners(number, wanted, set(taken))
            take(sorted(set(hits)))
        return [self.summaries[owner] for owner in chosen]

    def _word_starts(self, key: str, wanted: int, taken: set[int]) -> list[int]:
        """The first customers in which every typed word starts a word (name or e-mail),
        in any order: "bygg oster" finds "Östergren Bygg AB"."""
        typed = [" " + word for word in dict.fromkeys(key.split())]
        words = self._words
        if len(typed) == 1:
            only = typed[0]
            return self._first(self._word_index, only[1:], wanted, taken, lambda owner: only in words[owner])
        # Candidates from the rarest word, checked for all the others.
        spans = sorted((end - start, word) for word in typed for start, end in [self._word_index.span(word[1:])])
        rarest = spans[0][1][1:]
        return self._first(self._word_index, rarest, wanted, taken,
                           lambda owner: all(word in words[owner] for word in typed), check_all=True)

    def _first(self, index: _PrefixIndex, prefix: str, wanted: int, taken: set[int], matches,
               check_all: bool = False) -> list[int]:
        """The first `wanted` customers in name order, not taken, with a key in `index`
        starting with `prefix` for which `matches(owner)` holds.

        A few candidates are sorted; when they are many (a first letter, "ab"), walking
        the names in order meets enough of them sooner, with a bounded walk."""
        start, end = index.span(prefix)
        size, count = end - start, len(self._names)
        if size == 0:
            return []
        # A walk step checks every typed word: walk only when candidates are very many.
        if size * size > (30 if check_all else 3) * wanted * count:
            walk = min(count, 8 * wanted * count // size + 64)
            found = []
            for owner in range(walk):
                if owner not in taken and matches(owner):
                    found.append(owner)
                    if len(found) == wanted:
                        return found
            if walk == count:
                return found
        candidates = set(index.owners[start:end]) - taken
        if check_all:
            candidates = [owner for owner in candidates if matches(owner)]
        return heapq.nsmallest(wanted, candidates)
