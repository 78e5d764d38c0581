"""Finding an Arabic term in an Arabic translation, tolerant of spelling variants and attached clitics.

Both sides go through the project's Arabic normaliser (:mod:`engine.corpora.normalise`: NFKC, tatweel, alef and
ya variants, diacritics). Then each word of the translation is compared by its *bare forms*: the word with the
conjunctions و/ف, the prepositions ب/ل/ك and the article ال (also لل = ل + ال) taken off the front, and a
pronoun suffix (ه ها هم هن هما كم كن كما نا ي ك), a sound-plural/dual ending (ون ين ان ات) or the indefinite
accusative's alef (خبزا) off the end; a ta
marbuta ة that became ت before a suffix (or gave way to the plural ات) is restored, and ة/ه are compared as one
letter. A term word matches when
one of its own bare forms (as written, or without a leading ال) is among them. Broken plurals and other internal
changes are not found (a glossary lists them as alternatives: ``تذكرة|تذاكر``).
"""

from __future__ import annotations

import functools
import re

from engine.corpora.normalise import NormalisationOptions, normaliser

_ARABIC_WORD = re.compile(r"[\u0621-\u065F\u0660-\u0669\u066E-\u06D3\u06D5\u06FA-\u06FF\w]+")
"""A word: Arabic letters with their diacritics (U+064B–U+065F: harakat, tanwin, shadda, sukun, combining hamza —
``\\w`` leaves combining marks out, and a vowelled word fell apart into letters), digits, other word characters."""
CONJUNCTIONS = ("", "و", "ف")
PREPOSITIONS = ("", "ب", "ل", "ك")
SUFFIXES = ("", "ه", "ها", "هم", "هن", "هما", "كم", "كن", "كما", "نا", "ي", "ك", "ون", "ين", "ان", "ات", "ا")
"""Endings taken off a word: pronoun suffixes, sound-plural and dual endings, and the alef of the indefinite
accusative (خبزًا, written خبزا without its tanwin)."""
MIN_BARE = 2
MIN_CLITIC_HEAD = 4
"""The fewest letters a word keeps once ف or ك is taken off it without an article after (words begin with them)."""


_HAMZA_SEATS = str.maketrans({"ؤ": "ء", "ئ": "ء"})


def normalise(text: str) -> str:
    """The project's Arabic normalisation (the corpus de-duplication options), with a hamza on waw or ya written as
    a bare hamza: مسؤول and مسئول are one word in two spellings (a translation with the other counted as missed)."""
    return normaliser(NormalisationOptions()).target(text).translate(_HAMZA_SEATS)


def _fold_ta(word: str) -> str:
    return word[:-1] + "ه" if word.endswith("ة") else word


def bare(word: str) -> frozenset[str]:
    """A term word's bare forms: normalised with final ة written ه, and without a leading ال when it has one
    (which may be the article or, once alef variants are unified, the start of a word like إلكتروني)."""
    w = normalise(word)
    out = {_fold_ta(w)}
    if w.startswith("ال") and len(w) - 2 >= MIN_BARE:
        out.add(_fold_ta(w[2:]))
    return frozenset(out)


@functools.lru_cache(maxsize=65536)
def bare_forms(word: str) -> frozenset[str]:
    """Every bare form of a (normalised) translation word: clitics and endings taken off in every way."""
    out = set()
    heads = set()
    for conj in CONJUNCTIONS:
        if not word.startswith(conj):
            continue
        rest = word[len(conj) :]
        for prep in PREPOSITIONS:
            if not rest.startswith(prep):
                continue
            stem = rest[len(prep) :]
            # ف or ك off a word with no article leaves at least MIN_CLITIC_HEAD letters: فكرة (idea) held كرة
            # (ball) and فقط (only) held قط (cat), both counted as kept; و, ب and ل keep any stem (وشاي, بسوق)
            if "ف" not in conj + prep and "ك" not in prep or stem.startswith("ال") or len(stem) >= MIN_CLITIC_HEAD:
                heads.add(stem)
            if stem.startswith("ال"):
                heads.add(stem[2:])
            if prep == "ل" and stem.startswith("ل"):  # لل = ل + ال with the alef dropped
                heads.add(stem[1:])
    for head in heads:
        for suffix in SUFFIXES:
            if suffix and not head.endswith(suffix):
                continue
            stem = head[: len(head) - len(suffix)] if suffix else head
            if len(stem) < MIN_BARE:
                continue
            out.add(_fold_ta(stem))
            if suffix and stem.endswith("ت"):
                out.add(stem[:-1] + "ه")
            if suffix == "ات":  # a sound feminine plural replaces the ta marbuta: حافلة → حافلات
                out.add(stem + "ه")
    return frozenset(out)


def arabic_words(text: str) -> list[tuple[str, int, int]]:
    """Words of an Arabic text with their spans in ``text`` (the spans of the original, unnormalised text)."""
    return [(m.group(), m.start(), m.end()) for m in _ARABIC_WORD.finditer(text)]


def find_arabic(term: str, text: str, text_words: list[tuple[str, int, int]] | None = None) -> list[tuple[int, int]]:
    """Every ``(start, end)`` span of ``text`` where the Arabic ``term`` occurs (see the module docstring)."""
    wanted = [bare(w) for w, _, _ in arabic_words(term)]
    if not wanted:
        return []
    found = arabic_words(text) if text_words is None else text_words
    normalised = [bare_forms(normalise(w)) for w, _, _ in found]
    n = len(wanted)
    spans = []
    for i in range(len(found) - n + 1):
        if all(wanted[j] & normalised[i + j] for j in range(n)):
            spans.append((found[i][1], found[i + n - 1][2]))
    return spans
