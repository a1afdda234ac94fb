"""The catalogues are complete: every string the app can show has a real translation
in every language, with the same placeholders, and the compiled .mo says the same.

The strings are extracted afresh from the code and the reference data (the same babel
mapping and keywords as `python3 dev.py catalogues`), so a new string nobody
translated fails here, not in front of a Finnish agent.
"""
from __future__ import annotations

import gettext
import re
from functools import cache

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from desktop.common.i18n import placeholders
from resources import catalogues

LANGUAGES = catalogues.TRANSLATED_LANGUAGES
# An accelerator: "&" before a letter ("&&" is a literal ampersand).
KEYWORD_NAMES = {*DEFAULT_KEYWORDS, *catalogues.EXTRA_KEYWORDS}
ACCELERATOR = re.compile(r"(?<!&)&(?=\w)")


@cache
def source_messages() -> dict[str, str | None]:
    """msgid -> msgid_plural (None for a singular) of every string in the code and data."""
    with catalogues.MAPPING.open(encoding="utf-8") as mapping:
        method_map, options_map = parse_mapping_cfg(mapping)
    keywords = {**DEFAULT_KEYWORDS, **catalogues.EXTRA_KEYWORDS}
    found: dict[str, str | None] = {}
    for _filename, _line, message, _comments, _context in extract_from_dir(
            str(catalogues.MAPPING.parent), method_map, options_map, keywords=keywords):
        if isinstance(message, tuple):
            found[message[0]] = message[1]
        else:
            found.setdefault(message, None)
    return found


@cache
def catalogue(language: str):
    with catalogues.po_file(language).open("rb") as po:
        return read_po(po, locale=language)


def forms(message) -> list[tuple[str, str]]:
    """(English, translation) pairs: one for a singular, one per plural form."""
    if isinstance(message.id, tuple):
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        english = [message.id[0]] + [message.id[1]] * (len(strings) - 1)
        return list(zip(english, strings))
    return [(message.id, message.string)]


def test_the_source_has_strings_to_translate():
    messages = source_messages()
    # A broken mapping would extract nothing and pass everything below.
    assert len(messages) > 500
    assert "Opening hours" in messages  # desktop/
    assert any("is not an e-mail address" in m for m in messages)  # domain Messages
    assert any(m.startswith("Ask for the customer's superuser") for m in messages)  # scope.toml


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_string_is_translated(language):
    po = catalogue(language)
    missing, fuzzy, empty = [], [], []
    for msgid, plural in source_messages().items():
        entry = po.get(msgid)
        if entry is None:
            missing.append(msgid)
        elif entry.fuzzy:
            fuzzy.append(msgid)
        elif not all(translation.strip() for _english, translation in forms(entry)):
            empty.append(msgid)
        elif plural is not None and not isinstance(entry.id, tuple):
            missing.append(f"{msgid} (plural form)")
    problems = ([f"not in the catalogue (run python3 dev.py catalogues): {m!r}" for m in missing]
                + [f"fuzzy: {m!r}" for m in fuzzy] + [f"empty: {m!r}" for m in empty])
    assert not problems, f"{language}: {len(problems)} problems, e.g.\n" + "\n".join(problems[:15])


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_the_placeholders(language):
    wrong = []
    for entry in catalogue(language):
        if not entry.id:
            continue
        for english, translation in forms(entry):
            if translation and placeholders(translation) != placeholders(english):
                wrong.append(f"{english!r}: {placeholders(english)} -> {translation!r}")
    assert not wrong, f"{language}:\n" + "\n".join(wrong[:15])


@pytest.mark.parametrize("language", LANGUAGES)
def test_accelerators_survive_translation(language):
    wrong = [f"{entry.id!r} -> {translation!r}"
             for entry in catalogue(language) if entry.id
             for english, translation in forms(entry)
             if translation and len(ACCELERATOR.findall(english)) != len(ACCELERATOR.findall(translation))]
    assert not wrong, f"{language}:\n" + "\n".join(wrong[:15])


@pytest.mark.parametrize("language", LANGUAGES)
def test_plural_forms_are_declared(language):
    po = catalogue(language)
    assert po.num_plurals == 2
    assert po.plural_expr.replace(" ", "") in {"(n!=1)", "n!=1"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_compiled_catalogue_says_what_the_po_says(language):
    """The app reads the .mo: a stale one (compiled before the last .po change) would
    show old or English texts."""
    mo = catalogues.po_file(language).with_suffix(".mo")
    assert mo.exists(), f"{mo} is missing: python3 dev.py setup compiles it"
    with mo.open("rb") as compiled:
        translations = gettext.GNUTranslations(compiled)
    stale = []
    for entry in catalogue(language):
        if not entry.id or entry.fuzzy:
            continue
        # An entry not yet translated is left out of the .mo: gettext says the English.
        if isinstance(entry.id, tuple):
            said = [translations.ngettext(entry.id[0], entry.id[1], n) for n in (1, 2)]
            expected = list(entry.string) if all(entry.string) else list(entry.id)
        else:
            said, expected = [translations.gettext(entry.id)], [entry.string or entry.id]
        if said != expected:
            stale.append(entry.id)
    assert not stale, f"{language}: {len(stale)} entries differ from the .po, e.g. {stale[:3]}"


def test_no_translatable_call_hides_inside_an_f_string():
    """pybabel reads Python 3.11's tokens, where an f-string is one token: a `_("...")`
    inside one is never extracted and shows in English in every language. (`_(text)` of
    a reference-data text is fine: the data's sentences are extracted from the TOML.)"""
    import ast

    hidden = []
    for folder in ("desktop", "domain"):
        for path in sorted((catalogues.MAPPING.parent / folder).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.JoinedStr):
                    hidden += [f"{path.name}:{call.lineno}" for call in ast.walk(node)
                               if isinstance(call, ast.Call) and getattr(call.func, "id", None) in KEYWORD_NAMES
                               and call.args and isinstance(call.args[0], ast.Constant)]
    assert not hidden, f"_() inside an f-string: {hidden}"
