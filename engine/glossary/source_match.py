"""Finding a glossary's source terms in an English or French sentence, tolerant of case, accents and inflection.

Words are compared through small sets of *forms*: the word lower-cased and stripped of accents, plus what remains
after removing one regular ending — plural ``-s``/``-es``/``-x``/``-aux`` (→ ``-al``), ``-ies`` (→ ``-y``),
``-ed``/``-d``/``-ing`` (with a doubled consonant undoubled and a dropped ``e`` restored) and the French
participle ``-é(e)(s)`` (written with its accent). A sentence word matches a glossary word when one of its forms
is the glossary word (or, for a glossary word written in the plural, its singular): the glossary's ``meeting`` is
found in ``meetings`` but not in ``meet``. A French elided article or pronoun (``l'``, ``d'``, ``j'``, ``qu'`` …)
is split off as its own word, so ``l'hôpital`` holds ``hôpital``. A multi-word term matches consecutive words.
This is a stemmer of a few rules, not a morphological analyser: irregular forms (``children``, ``went``,
``yeux``) are not found.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

_WORD = re.compile(r"(?:[^\W\d_][\u0300-\u036f]*)+(?:-(?:[^\W\d_][\u0300-\u036f]*)+)*")
"""A word: letters, each with its combining accents (text typed or pasted decomposed, NFD, split at every accent
otherwise), hyphenated parts kept together — a term is not found inside a compound (``porte`` in ``porte-parole``,
``ciel`` in ``arc-en-ciel``; nor, the price of it, ``hospital`` in ``hospital-based``); apostrophes end a word, so
elisions split off."""
MIN_FORM = 3
MAX_ACRONYM = 3
"""The longest term word in capitals read as an acronym (matched in capitals only)."""


def fold(text: str) -> str:
    """Lower-cased, accents removed (é → e, ç → c, œ → oe), NFKC first."""
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text).lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.replace("œ", "oe").replace("æ", "ae")


@dataclass(frozen=True)
class Word:
    """A word of a sentence with its character span in the original text."""

    text: str
    start: int
    end: int


def words(text: str) -> list[Word]:
    """The words of ``text`` with their spans (hyphenated words stay whole; apostrophes split)."""
    return [Word(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]


def _undouble(stem: str) -> list[str]:
    if len(stem) >= 4 and stem[-1] == stem[-2] and stem[-1] not in "aeiouls":
        return [stem, stem[:-1]]
    return [stem]


@functools.lru_cache(maxsize=65536)
def forms(word: str) -> frozenset[str]:
    """The forms a word is compared by (see the module docstring)."""
    w = fold(word)
    out = {w}
    if w.endswith("ies") and len(w) > 4:
        out.add(w[:-3] + "y")
    if w.endswith("aux") and len(w) > 4:
        out.add(w[:-3] + "al")
    if w.endswith("es") and len(w) > 3:
        out.add(w[:-2])
        out.add(w[:-1])
    if w.endswith(("s", "x")) and len(w) > 3 and not w.endswith(("ss", "us", "is")):
        out.add(w[:-1])
    if w.endswith("ied") and len(w) > 4:
        out.add(w[:-3] + "y")
    if w.endswith("ed") and len(w) > 4:
        for stem in _undouble(w[:-2]):
            out.update({stem, stem + "e"})
    if w.endswith("ing") and len(w) > 5:
        for stem in _undouble(w[:-3]):
            out.update({stem, stem + "e"})
    written = unicodedata.normalize("NFC", word).lower()
    for ending, accented in (("ees", "ées"), ("ee", "ée"), ("es", "és"), ("e", "é")):
        # French participles (é, ée, és, ées) → infinitive -er, only with the accent written: folded first, the
        # rule found "timer" in "time", "porter" in "la porte"
        if written.endswith(accented) and len(w) > len(ending) + 2:
            out.add(w[: -len(ending)] + "er")
    return frozenset(f for f in out if len(f) >= MIN_FORM or f == w)


@functools.lru_cache(maxsize=65536)
def plural_forms(word: str) -> frozenset[str]:
    """A glossary word and, when it is written in the plural, its singular (no verb endings: a term ``meeting``
    must not match the verb ``meet``)."""
    w = fold(word)
    out = {w}
    if w.endswith("ies") and len(w) > 4:
        out.add(w[:-3] + "y")
    if w.endswith("aux") and len(w) > 4:
        out.add(w[:-3] + "al")
    if w.endswith("es") and len(w) > 3:
        out.update({w[:-2], w[:-1]})
    if w.endswith(("s", "x")) and len(w) > 3 and not w.endswith(("ss", "us", "is")):
        out.add(w[:-1])
    return frozenset(out)


def same_word(term_word: str, word: str) -> bool:
    """Whether a sentence ``word`` is a form of the glossary's ``term_word``: the word, reduced by one of the
    endings of :func:`forms`, gives the term word or (for a term written in the plural) its singular. A short term
    word in capitals (``US``, ``IT``, ``WHO``) is an acronym: only the same capitals match (it matched "us", "It");
    a longer one (``NASA``, ``WORLD BANK``) matches as any word."""
    if 2 <= len(term_word) <= MAX_ACRONYM and term_word.isupper():
        return word == term_word or (word.endswith("s") and word[:-1] == term_word)  # "PCs" for "PC"
    return bool(plural_forms(term_word) & forms(word))


def term_key(term: str) -> str:
    """The folded words of a term, space-joined: how duplicate terms are recognised (``""``: no word)."""
    return " ".join(fold(w.text) for w in words(term))


def find_term(term_words: list[str], sentence_words: list[Word]) -> list[tuple[int, int]]:
    """Every ``(start, end)`` character span where the term's words occur consecutively in the sentence."""
    n = len(term_words)
    if n == 0:
        return []
    spans = []
    for i in range(len(sentence_words) - n + 1):
        if all(same_word(term_words[j], sentence_words[i + j].text) for j in range(n)):
            spans.append((sentence_words[i].start, sentence_words[i + n - 1].end))
    return spans
