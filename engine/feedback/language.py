"""Which language a source is in: Arabic script by Unicode names, English vs French by a small honest heuristic.

No language-identification package is used (``langdetect`` is not installed here; a heuristic this small is
easier to reason about and never varies between runs). The evidence is counted and reported:

* **script** — letters are classed by :func:`unicodedata.name` (``ARABIC …`` vs ``LATIN …``); a text whose
  letters are mostly Arabic is Arabic (a target, not a source);
* **function words** — frequent English and French words that are not words of the other language
  (*the, of, and, is, with* … vs *le, la, les, des, est, avec* …), each one point;
* **French marks** — a word with a French diacritic (é, è, ê, à, ç, ù, œ …) is one more point for French (so
  a loanword such as *crème brûlée* does not outweigh an English sentence around it), an elision (*l'*, *d'*,
  *qu'*, *n'* …) two.

The language with more points wins; its confidence is its share of all points. With no point at all the answer
is ``None`` and the page asks the linguist to choose.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from engine.corpora.validation import TATWEEL, is_arabic_script

_ENGLISH = """
the of and to is are was were be been being have has had do does did will would shall should can could may might
must this that these those it its with for from by at as but not or if then than there their they them he she
his her we our you your i me my what which who whom whose when where why how all any each some no yes about
into over under after before because while also just only very more most other such own same so too here
an am get got going one two three new good well much many few make made said say says see hello please thank thanks
"""
_FRENCH = """
le la les un une des du de et est sont était étaient être avoir ai as avons avez ont il elle ils elles nous vous
je tu me te se ce cet cette ces mon ma mes ton ta tes son sa ses notre votre leur leurs qui que quoi dont où
pour par avec sans sur sous dans chez mais ou donc car ni ne pas plus très bien tout tous toute toutes aussi
comme quand fait faire été y au aux cela ça ici là oui non merci bonjour
"""
ENGLISH_WORDS = frozenset(_ENGLISH.split())
FRENCH_WORDS = frozenset(_FRENCH.split())
AMBIGUOUS = ENGLISH_WORDS & FRENCH_WORDS
"""Words of both lists (*as*, *me*) count for neither."""

FRENCH_DIACRITICS = frozenset("éèêëàâäîïôöûùüçœæÿ")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_ELISION = re.compile(r"^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)['’][^\W\d_]+$")

LANGUAGE_NAMES = {"en": "English", "fr": "French", "ar": "Arabic"}


@dataclass(frozen=True)
class LanguageGuess:
    """The detected language (``en``, ``fr``, ``ar`` or ``None``), a confidence in [0, 1] and the evidence."""

    language: str | None
    confidence: float
    reason: str

    @property
    def pair(self) -> str | None:
        """The studio language pair for an English or French source (``en-ar`` / ``fr-ar``), else ``None``."""
        return f"{self.language}-ar" if self.language in ("en", "fr") else None

    @property
    def name(self) -> str:
        """The language's English name, or "unknown"."""
        return LANGUAGE_NAMES.get(self.language or "", "unknown")


def script_counts(text: str) -> tuple[int, int, int]:
    """How many letters of ``text`` are Arabic script, Latin script, and any other script (by Unicode name)."""
    arabic = latin = other = 0
    for ch in text:
        if not ch.isalpha() or ch == TATWEEL:  # a stretch of the line, not a letter (as corpora count it)
            continue
        name = unicodedata.name(ch, "")
        if name.startswith("ARABIC"):
            arabic += 1
        elif name.startswith("LATIN"):
            latin += 1
        else:
            other += 1
    return arabic, latin, other


def detect_language(text: str) -> LanguageGuess:
    """Guess whether ``text`` is English, French or Arabic (see the module docstring for the evidence)."""
    arabic, latin, other = script_counts(text)
    letters = arabic + latin + other
    if not letters:
        return LanguageGuess(None, 0.0, "no letters")
    # Arabic by the corpora's own rule (engine.corpora.validation): by another, a corpus row they took as English
    # was refused as Arabic when a review queue handed it out, at every claim
    if is_arabic_script(text):
        return LanguageGuess("ar", arabic / letters, f"{arabic} of {letters} letters are Arabic script")
    if latin == 0:
        return LanguageGuess(None, 0.0, "no Latin-script letters")
    en = fr = 0
    en_seen: list[str] = []
    fr_seen: list[str] = []
    for word in _WORD.findall(text.lower()):
        word = word.replace("’", "'")
        if word in AMBIGUOUS:
            continue
        if _ELISION.match(word):
            fr += 2
            fr_seen.append(word)
            continue
        if word in ENGLISH_WORDS:
            en += 1
            en_seen.append(word)
        elif word in FRENCH_WORDS:
            fr += 1
            fr_seen.append(word)
        if any(ch in FRENCH_DIACRITICS for ch in word):
            fr += 1
            if word not in fr_seen:
                fr_seen.append(word)
    if en == fr == 0:
        return LanguageGuess(None, 0.0, "no English or French function word or French accent")
    if en == fr:
        return LanguageGuess(None, 0.5, f"as many English clues ({_clues(en_seen)}) as French ({_clues(fr_seen)})")
    language, points, seen = ("en", en, en_seen) if en > fr else ("fr", fr, fr_seen)
    return LanguageGuess(language, points / (en + fr), f"{LANGUAGE_NAMES[language]} clues: {_clues(seen)}")


def function_word_language(text: str) -> str | None:
    """``en`` or ``fr`` when ``text`` holds function words (or, for French, an elision) of that language only —
    stronger evidence than accents, which loanwords carry into English (``café``, ``crème brûlée``); else None."""
    found = set()
    for word in _WORD.findall(text.lower()):
        word = word.replace("’", "'")
        if word in AMBIGUOUS:
            continue
        if _ELISION.match(word) or word in FRENCH_WORDS:
            found.add("fr")
        elif word in ENGLISH_WORDS:
            found.add("en")
    return found.pop() if len(found) == 1 else None


def _clues(words: list[str], limit: int = 5) -> str:
    unique = list(dict.fromkeys(words))
    more = f" … (+{len(unique) - limit})" if len(unique) > limit else ""
    return ", ".join(unique[:limit]) + more if unique else "none"
