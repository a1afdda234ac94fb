"""Babel extractor for the reference data's sentences (babel.cfg maps *.toml here).

The reference data is English policy text (reasons, next steps, obligations, phase
rules); the GUI shows it through `_()` (domain/messages.py `data_text`), so the
catalogue must hold each sentence as a msgid. Only the keys below are prose a person
reads; ids, quotes of the (Swedish) source documents, product names and citations
(the [dataset] source) are not translated; the [dataset] title is (the About box shows it). Topic titles carry their own five languages
in scope.toml and are not extracted either.
"""
from __future__ import annotations

import tomllib
from collections.abc import Iterator
from pathlib import PurePath

TRANSLATABLE_KEYS: dict[str, frozenset[str]] = {
    "desks.toml": frozenset({"closed_days_note", "name"}),  # name: desks and the eves they add
    "escalation.toml": frozenset({"title", "situation", "question", "obligations", "submit_via", "languages",
                                  "downgrade", "steps", "extra", "text"}),
    "lifecycle.toml": frozenset({"title", "text", "notes"}),
    "scope.toml": frozenset({"text", "next_step", "rejected_next_step", "unknown_next_step", "what", "covers"}),
}


def translatable_texts(name: str, data: dict) -> Iterator[str]:
    """Every translatable sentence of one reference file, in file order."""
    keys = TRANSLATABLE_KEYS.get(name, frozenset())

    def walk(value, key: str | None) -> Iterator[str]:
        if isinstance(value, dict):
            for child_key, child in value.items():
                yield from walk(child, child_key)
        elif isinstance(value, list):
            for item in value:
                yield from walk(item, key)
        elif isinstance(value, str) and key in keys and value.strip():
            yield value

    for section, value in data.items():
        if section == "dataset":
            yield value["title"]
        else:
            yield from walk(value, section)


def extract_toml(fileobj, keywords, comment_tags, options) -> Iterator[tuple[int, str, str, list[str]]]:
    """Babel's extractor interface: (line, funcname, message, comments) per sentence."""
    raw = fileobj.read().decode("utf-8")
    lines = raw.splitlines()
    name = PurePath(getattr(fileobj, "name", "")).name
    for text in translatable_texts(name, tomllib.loads(raw)):
        # The line that holds the text, for translators to find its context.
        needle = text[:40].replace('"', '\\"')
        line = next((number for number, content in enumerate(lines, 1) if needle in content), 0)
        yield line, "", text, [f"reference data, {name}"]
