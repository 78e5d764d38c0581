"""Finding an Arabic term in an Arabic translation, tolerant of spelling variants and attached clitics.

Both sides go through the project's Arabic normaliser (:mod:`engine.corpora.normalise`: NFKC, tatweel, alef and
ya variants, diacritics). Then each word of the translation is compared by its *bare forms*: the word with the
conjunctions و/ف, the prepositions ب/ل/ك and the article ال (also لل = ل + ال) taken off the front (with no
article after them, ف and ك only off a word that keeps 4 letters — فكرة is not كرة — and none so as to leave a
stem under 3 letters once endings are off — لحم is not حم), and off the end a pronoun suffix (ه ها هم هن هما كم
كن كما نا ي ك), a sound-plural/dual ending (ون ين ان ات) or the indefinite accusative's alef (خبزا) — or a
pronoun suffix and, before it, a plural or dual ending (ات, the construct's ي/ا/و: سياراتهم, مهندسيهم,
كتابيهما, مهندسونا; see :data:`BEFORE_PRONOUN`); a ta
marbuta ة that became ت before a suffix (or gave way to the plural ات) is restored, and ة/ه are compared as one
letter. A word of :data:`WHOLE_WORDS` (بطاقة, زيتون, لبنان …) is not cut inside. The article is told from the word
as written: its alef is bare, so آلام is not ال + ام nor ألبوم ال + بوم
(normalised, أ/إ/آ are ا). A term word matches when
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
PRONOUNS = ("ه", "ها", "هم", "هن", "هما", "كم", "كن", "كما", "نا", "ي", "ك")
SUFFIXES = ("", *PRONOUNS, "ون", "ين", "ان", "ات", "ا")
"""Endings taken off a word: pronoun suffixes, sound-plural and dual endings, and the alef of the indefinite
accusative (خبزًا, written خبزا without its tanwin)."""
BEFORE_PRONOUN = {"ات": 3, "ي": 3, "ا": 3, "و": 4}
"""Endings taken off before a pronoun suffix, each with the fewest letters the stem keeps: the feminine plural ات
(سياراتهم, رحلاتنا), the construct's masculine plural and dual ي/ا/و (ون/ين/ان lose their ن: مهندسيهم, عيناها,
مهندسونا). و needs 4: the past tense's plural و takes pronouns too (كتبوه "they wrote it" held كتب). Not ة written
ت (مديرتها for مدير): a feminine word does not match a masculine term (مديرة is not مدير), and ت + pronoun ends
most past-tense verbs (عملته "I did it" held عمل)."""
MIN_BARE = 2
MIN_CLITIC_HEAD = 4
"""The fewest letters a word keeps once ف or ك is taken off it without an article after (words begin with them)."""
MIN_PROCLITIC_STEM = 3
"""The fewest letters left of a word once و, ب or ل (with no article after) and any ending are taken off: ولد
held لد, لحم held حم, بحر held حر, برد held رد, ولدها held لد (a three-letter word still matches: وشاي, بسوق) —
except the two-letter nouns of :data:`BILITERAL_NOUNS`."""
BILITERAL_NOUNS = frozenset({"يد", "دم", "فم"})
"""Two-letter nouns (hand, blood, mouth) that keep a proclitic's stem of two letters: بيده, ودم, بفمه (the
three-letter rule above missed them). Not غد (وغد "scoundrel") or حم (لحم "meat"). أب, أم, أخ keep theirs when
written with their hamza (لأمي, وأخي: :func:`normalise_word`); not so spelt, normalised أ is ا, and باب (door) would
hold أب, لام أم."""

WHOLE_WORDS = (
    "بطاقة", "زيتون", "لبنان", "سمك", "بنك", "وجبة", "وزارة", "بحيرة", "بعثة", "وصفة", "وسادة",
    "لياقة", "بدلة", "بسمة", "وحدة", "بحار",
)
"""Common words that read as a clitic or an ending around another word — card (ب + طاقة "energy"), olives (زيت "oil"
+ ون), Lebanon (لبن "milk" + ان), fish (سم "poison" + ك), bank (بن + ك), meal (و + جبة), ministry, lake (ب + حيرة),
mission (ب + عثة), recipe (و + صفة), pillow (و + سادة), fitness
(ل + ياقة), suit (ب + دلة), smile (ب + سمة), unit (و + حدة), seas (ب + حار "hot"): a word that holds one of them
(بطاقتي, الزيتون, والبنك) is not cut inside it, so طاقة is not found in بطاقة. Not بعيد, "far" but also ب + عيد
("at the feast": بعيد الميلاد), بنية ("structure", also ب + نية: بنية حسنة "in good faith") or لجنة ("committee",
also ل + جنة)."""

_HAMZA_SEATS = str.maketrans({"ؤ": "ء", "ئ": "ء"})
_HAMZA_ON_MAQSURA = re.compile("\u0649[\u0621\u0654]")
"""ى followed by a hamza (شاطىء, an older spelling of شاطئ): alef maqsura is only ever a word's last letter, so this
is always ئ written another way (folded before ى becomes ي: يء is a ya and a hamza, شيء, بريء)."""


def normalise(text: str) -> str:
    """The project's Arabic normalisation (the corpus de-duplication options), with a hamza on waw or ya written as
    a bare hamza: مسؤول and مسئول are one word in two spellings (a translation with the other counted as missed),
    and so are شاطئ and شاطىء."""
    text = _HAMZA_ON_MAQSURA.sub("ئ", text)
    return normaliser(NormalisationOptions()).target(text).translate(_HAMZA_SEATS)


_HAMZA_ALEFS = "أإآ"


@functools.lru_cache(maxsize=65536)
def normalise_word(word: str) -> tuple[str, frozenset[int]]:
    """A word :func:`normalise` d, and the positions in it of an alef written with a hamza or madda (أ إ آ) before
    normalisation made it ا. The article is a bare alef, so a word whose ا there was أ/إ/آ has no article (آلام
    "pains" is not ال + ام, ألبوم not ال + بوم), and a two-letter stem written with its hamza after a proclitic is
    a word (لأمي is ل + أم + ي; باب, with a bare alef, is not ب + أب). The alef is the only letter the two
    normalisations treat apart, so their positions agree."""
    w = normalise(word)
    kept = _HAMZA_ON_MAQSURA.sub("ئ", word)
    kept = normaliser(NormalisationOptions(unify_alef=False)).target(kept).translate(_HAMZA_SEATS)
    if len(kept) != len(w):
        return w, frozenset()
    return w, frozenset(i for i, c in enumerate(kept) if c in _HAMZA_ALEFS)


def _fold_ta(word: str) -> str:
    return word[:-1] + "ه" if word.endswith("ة") else word


def bare(word: str) -> frozenset[str]:
    """A term word's bare forms: normalised with final ة written ه, and without a leading ال when it has one —
    written with a bare alef (إلكتروني, آلام have none: :func:`normalise_word`)."""
    w, hamzas = normalise_word(word)
    out = {_fold_ta(w)}
    if w.startswith("ال") and 0 not in hamzas and len(w) - 2 >= MIN_BARE:
        out.add(_fold_ta(w[2:]))
    return frozenset(out)


def heads(word: str, hamzas: frozenset[int] = frozenset()) -> set[tuple[str, int]]:
    """A (normalised) word with its proclitics taken off in every way (conjunction, preposition, article), each
    with the fewest letters its stem must keep once endings are off too: ف or ك with no article after them come
    off a word that keeps :data:`MIN_CLITIC_HEAD` letters (فكرة held كرة, فقط held قط), و, ب or ل leave a stem of
    :data:`MIN_PROCLITIC_STEM` (لحم held حم, ولدها held لد). ``hamzas``: where the word had أ/إ/آ
    (:func:`normalise_word`) — no article starts there."""
    out = set()
    for conj in CONJUNCTIONS:
        if not word.startswith(conj):
            continue
        rest = word[len(conj) :]
        for prep in PREPOSITIONS:
            if not rest.startswith(prep):
                continue
            stem = rest[len(prep) :]
            if stem.startswith("ال") and len(conj + prep) not in hamzas:
                out |= {(stem, MIN_BARE), (stem[2:], MIN_BARE)}
            elif not conj + prep:
                out.add((stem, MIN_BARE))
            elif len(stem) >= MIN_CLITIC_HEAD or not ("ف" in conj or "ك" in prep):
                out.add((stem, MIN_PROCLITIC_STEM))
            if prep == "ل" and stem.startswith("ل"):  # لل = ل + ال with the alef dropped
                out.add((stem[1:], MIN_BARE))
    return out


def endings_off(head: str) -> set[tuple[str, str]]:
    """``(stem, ending taken off)`` for a word without its proclitics: nothing off, one ending of
    :data:`SUFFIXES`, or a pronoun suffix and one ending of :data:`BEFORE_PRONOUN` before it."""
    out = {(head, "")}
    for suffix in SUFFIXES:
        if suffix and head.endswith(suffix):
            out.add((head[: -len(suffix)], suffix))
    for pronoun in PRONOUNS:
        if not head.endswith(pronoun):
            continue
        rest = head[: -len(pronoun)]
        for ending, min_stem in BEFORE_PRONOUN.items():
            if rest.endswith(ending) and len(rest) - len(ending) >= min_stem:
                out.add((rest[: -len(ending)], ending))
    return out


@functools.lru_cache(maxsize=65536)
def bare_forms(word: str, hamzas: frozenset[int] = frozenset()) -> frozenset[str]:
    """Every bare form of a (normalised) translation word: clitics and endings taken off in every way (``hamzas``:
    see :func:`heads`; a two-letter stem after a proclitic is kept when written with its hamza, وأمي)."""
    readings: list[tuple[int, int, set[str]]] = []  # (start, end) of the stem in the word, its forms
    for head, min_stem in heads(word, hamzas):
        start = len(word) - len(head)
        for stem, ending in endings_off(head):
            if len(stem) < min_stem and not (
                min_stem == MIN_PROCLITIC_STEM and (stem in BILITERAL_NOUNS or (len(stem) == 2 and start in hamzas))
            ):
                continue
            forms = {_fold_ta(stem)}
            if ending and stem.endswith("ت"):  # ة written ت before a suffix: سيارته
                forms.add(stem[:-1] + "ه")
            if ending == "ات":  # a sound feminine plural replaces the ta marbuta: حافلة → حافلات
                forms.add(stem + "ه")
            readings.append((start, start + len(stem), forms))
    wholes = [(a, b) for a, b, forms in readings if forms & _WHOLE]
    return frozenset(
        f
        for start, end, forms in readings
        if not any(a < start < b or a < end < b for a, b in wholes)  # cut inside a word of WHOLE_WORDS
        for f in forms
    )


_WHOLE = frozenset(_fold_ta(normalise(w)) for w in WHOLE_WORDS)


def arabic_words(text: str) -> list[tuple[str, int, int]]:
    """Words of an Arabic text with their spans in ``text`` (the spans of the original, unnormalised text)."""
    return [(m.group(), m.start(), m.end()) for m in _ARABIC_WORD.finditer(text)]


def find_arabic(term: str, text: str, text_words: list[tuple[str, int, int]] | None = None) -> list[tuple[int, int]]:
    """Every ``(start, end)`` span of ``text`` where the Arabic ``term`` occurs (see the module docstring)."""
    wanted = [bare(w) for w, _, _ in arabic_words(term)]
    if not wanted:
        return []
    found = arabic_words(text) if text_words is None else text_words
    normalised = [bare_forms(*normalise_word(w)) for w, _, _ in found]
    n = len(wanted)
    spans = []
    for i in range(len(found) - n + 1):
        if all(wanted[j] & normalised[i + j] for j in range(n)):
            spans.append((found[i][1], found[i + n - 1][2]))
    return spans
