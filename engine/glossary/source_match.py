"""Finding a glossary's source terms in an English or French sentence, tolerant of case, accents and inflection.

Words are compared through small sets of *forms*: the word lower-cased and stripped of accents, plus what remains
after removing one regular ending — plural ``-s``/``-es``/``-x``/``-aux`` (→ ``-al``), ``-ies`` (→ ``-y``)
(``-es`` whole only after s, x, z, ch, sh, o: ``rates`` is ``rate``, never ``rat``), ``-ed``/``-d``/``-ing``
(with a doubled consonant undoubled or a dropped ``e`` restored — not both: ``planned`` is ``plan``, never
``plane``; ``-lled`` both ways, ``travelled``, ``filled``; a one-syllable stem ending in vowel + consonant only
with its ``e``: ``hoping`` is ``hope``, never ``hop``) and the French participle ``-é(e)(s)`` (written with its
accent). A sentence word matches a glossary word when one of its forms is the glossary word (or, for a glossary
word written in the plural, its singular — unless that plural is a word of its own, :data:`PLURAL_TERMS`:
``news``, ``customs``, ``electronics``): the glossary's ``meeting`` is found in ``meetings`` but not in ``meet``.
Where several glossary words match one sentence word, :func:`word_cost` says which is closest to it (``cares`` is
``cares`` before ``care``). A French elided article or pronoun (``l'``, ``d'``, ``j'``, ``qu'`` …) is split off as
its own word, so ``l'hôpital`` holds ``hôpital``. A multi-word term matches consecutive words.
This is a stemmer of a few rules, not a morphological analyser: irregular forms (``children``, ``went``,
``yeux``) are not found.
"""

from __future__ import annotations

import functools
import os
import re
import unicodedata
from dataclasses import dataclass

_WORD = re.compile(r"(?:[^\W_][\u0300-\u036f]*)+(?:-(?!\d+\b)(?:[^\W_][\u0300-\u036f]*)+)*")
"""A word: letters and digits, each with its combining accents (text typed or pasted decomposed, NFD, split at
every accent otherwise; digits left out, ``Room 101`` was the term ``room`` and ``Windows 10`` applied to "Windows
11"), hyphenated parts kept together — save a part of digits only, its own word (``COVID-19`` holds ``COVID``,
``Boeing-737`` ``Boeing``: a term of them was no longer found once digits were letters) — a term is not found
inside a compound (``porte`` in
``porte-parole``, ``ciel`` in ``arc-en-ciel``; nor, the price of it, ``hospital`` in ``hospital-based``);
apostrophes end a word, so elisions split off."""
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


_VOWELS = "aeiouy"
_ES_PLURAL = ("s", "x", "z", "ch", "sh", "o")
"""The endings after which a plural adds ``-es`` (``buses``, ``boxes``, ``churches``, ``heroes``); after any other
letter the ``e`` is the word's own (``rates`` is ``rate``, never ``rat``; ``notes``, ``planes``, ``portes``)."""


PLURAL_NOUNS = frozenset({
    "news", "goods", "clothes", "premises", "outskirts", "surroundings", "belongings", "headquarters",
    "vacances", "fiancailles", "funerailles", "moeurs", "environs",
})
"""Folded plurals that are words of their own, not the plural of their singular (``news`` is not ``new``s,
``goods`` not ``good``s, ``vacances`` not ``vacance``s): a glossary term written so does not match the singular,
and the singular's term is not found in them (``new`` in "the news")."""
PLURAL_TERMS = PLURAL_NOUNS | {
    "customs", "glasses", "arms", "minutes", "manners", "spectacles", "damages", "savings", "earnings",
    "lunettes", "ciseaux",
    # fields named by an -ics plural whose singular is an adjective or another thing (every -ics word was: the
    # glossary's antibiotics, clinics, diagnostics no longer matched antibiotic, clinic, diagnostic)
    "electronics", "physics", "economics", "mathematics", "politics", "statistics", "ethics", "athletics",
    "linguistics", "logistics", "genetics", "acoustics", "mechanics", "semantics", "phonetics", "robotics",
    "gymnastics", "aerobics", "optics", "aeronautics", "informatics", "pharmaceutics", "dynamics",
}
"""Folded plurals whose own sense a glossary means when it lists them in the plural (``customs`` the service,
``glasses`` the spectacles, ``electronics`` the field): the term does not match the singular (``custom``,
``glass``, ``electronic``), though the singular's term still matches them (``glass`` in "two glasses")."""


def _plural_only(folded: str) -> bool:
    """Whether a folded glossary word is a plural that does not match its singular (:data:`PLURAL_TERMS`)."""
    return folded in PLURAL_TERMS


def _short_closed(stem: str) -> bool:
    """Whether ``stem`` is one syllable ending in a single vowel and a single consonant (``hop``, ``star``,
    ``car``): such a verb doubles its consonant before ``-ed``/``-ing`` (``hopping``, ``starred``), so ``hoping``,
    ``stared``, ``cared`` come from ``hope``, ``stare``, ``care``. Not after ``w``/``x``/``y``, never doubled
    (``fixed``, ``snowing``, ``played``)."""
    if len(stem) < 2 or stem[-1] in _VOWELS + "wx" or stem[-2] not in _VOWELS:
        return False
    if len(stem) >= 3 and stem[-3] in _VOWELS:  # two vowels (need, rain, cook): no doubling
        return False
    groups = re.findall(f"[{_VOWELS}]+", stem[1:] if stem[0] == "y" else stem)
    return len(groups) == 1


def _verb_stems(stem: str) -> set[str]:
    """What a word stripped of ``-ed``/``-ing`` may come from: the stem, the stem with a dropped ``e`` restored,
    and, for a doubled final consonant, the stem undoubled (``planned`` → ``plan``; never ``plane``: a consonant
    is doubled after a short vowel only, so no ``e`` was dropped — it found the glossary's ``plane`` there). A
    one-syllable stem ending in vowel + consonant is only the ``e`` form (:func:`_short_closed`: ``hoping`` is
    ``hope``, never ``hop``)."""
    out = {stem + "e"} if _short_closed(stem) else {stem, stem + "e"}
    if len(stem) >= 4 and stem[-1] == stem[-2] and stem[-1] not in "aeious":
        out.add(stem[:-1])  # ll too, both kept: British travelled is travel, filled is fill
    return out


@functools.lru_cache(maxsize=65536)
def forms(word: str) -> frozenset[str]:
    """The forms a word is compared by (see the module docstring)."""
    w = fold(word)
    out = {w}
    if w in PLURAL_NOUNS:
        return frozenset(out)
    if w.endswith("ies") and len(w) > 4:
        out.add(w[:-3] + "y")
    if w.endswith("aux") and len(w) > 4:
        out.add(w[:-3] + "al")
    if w.endswith("es") and len(w) > 3:
        if w[:-2].endswith(_ES_PLURAL):
            out.add(w[:-2])
        out.add(w[:-1])
    if w.endswith(("s", "x")) and len(w) > 3 and not w.endswith(("ss", "us", "is")):
        out.add(w[:-1])
    if w.endswith("ied") and len(w) > 4:
        out.add(w[:-3] + "y")
    if w.endswith("ed") and len(w) > 4:
        out.update(_verb_stems(w[:-2]))
    if w.endswith("ing") and len(w) > 5:
        out.update(_verb_stems(w[:-3]))
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
    must not match the verb ``meet``) — save a plural of its own (:func:`_plural_only`: ``news``, ``customs``,
    ``electronics`` are not ``new``, ``custom``, ``electronic``)."""
    w = fold(word)
    out = {w}
    if _plural_only(w):
        return frozenset(out)
    if w.endswith("ies") and len(w) > 4:
        out.add(w[:-3] + "y")
    if w.endswith("aux") and len(w) > 4:
        out.add(w[:-3] + "al")
    if w.endswith("es") and len(w) > 3:
        out.add(w[:-1])
        if w[:-2].endswith(_ES_PLURAL):
            out.add(w[:-2])
    if w.endswith(("s", "x")) and len(w) > 3 and not w.endswith(("ss", "us", "is")):
        out.add(w[:-1])
    return frozenset(out)


def _is_acronym(term_word: str) -> bool:
    """A term word of two or three capitals (``US``, ``IT``, ``WHO``), matched in capitals only."""
    return 2 <= len(term_word) <= MAX_ACRONYM and term_word.isupper()


def same_word(term_word: str, word: str) -> bool:
    """Whether a sentence ``word`` is a form of the glossary's ``term_word``: the word, reduced by one of the
    endings of :func:`forms`, gives the term word or (for a term written in the plural) its singular. A short term
    word in capitals (``US``, ``IT``, ``WHO``) is an acronym: only the same capitals match (it matched "us", "It");
    a longer one (``NASA``, ``WORLD BANK``) matches as any word."""
    if _is_acronym(term_word):
        return word == term_word or (word.endswith("s") and word[:-1] == term_word)  # "PCs" for "PC"
    return bool(plural_forms(term_word) & forms(word))


def _changed(word: str, form: str) -> int:
    """The letters of ``word`` after the start it shares with ``form``: what an ending rule changed on it."""
    return len(word) - len(os.path.commonprefix([word, form]))


def word_cost(term_word: str, word: str) -> int | None:
    """How far a sentence ``word`` is from the glossary's ``term_word``: ``None`` when it is not one of its forms
    (:func:`same_word`), 0 when it is written the same (case aside, accents included), else 1 + the fewest letters
    the ending rules change on the two sides to meet (``planes``: 2 for ``plane``, 3 for ``plan``; ``cars``: 2 for
    ``car``, 4 for ``cares``). Where several terms match the same words the cheapest is the one meant."""
    return _match_cost(term_word, word) if same_word(term_word, word) else None


def _match_cost(term_word: str, word: str) -> int:
    """:func:`word_cost` of a ``word`` known to be a form of ``term_word``."""
    if unicodedata.normalize("NFC", word).lower() == unicodedata.normalize("NFC", term_word).lower():
        return 0
    if _is_acronym(term_word):
        return 2  # "PCs": the plural s
    w, t = fold(word), fold(term_word)
    return 1 + min(_changed(w, f) + _changed(t, f) for f in plural_forms(term_word) & forms(word))


def term_key(term: str) -> str:
    """The folded words of a term, space-joined: how duplicate terms are recognised (``""``: no word)."""
    return " ".join(fold(w.text) for w in words(term))


def term_matches(term_words: list[str], sentence_words: list[Word]) -> list[tuple[int, int, int]]:
    """Every ``(start, end, cost)`` where the term's words occur consecutively in the sentence; ``cost``: the
    words' summed :func:`word_cost` (0: the term as written)."""
    n = len(term_words)
    matches = []
    for i in range(len(sentence_words) - n + 1 if n else 0):
        if all(same_word(term_words[j], sentence_words[i + j].text) for j in range(n)):
            cost = sum(_match_cost(term_words[j], sentence_words[i + j].text) for j in range(n))
            matches.append((sentence_words[i].start, sentence_words[i + n - 1].end, cost))
    return matches


def find_term(term_words: list[str], sentence_words: list[Word]) -> list[tuple[int, int]]:
    """Every ``(start, end)`` character span where the term's words occur consecutively in the sentence."""
    return [(start, end) for start, end, _ in term_matches(term_words, sentence_words)]
