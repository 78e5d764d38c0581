"""Words a translation keeps as written from its source — names, brands, acronyms, numbers — so that a check of
"is this Arabic?" weighs only what was translated (the corpora's validation, the output checks of scoring and
evaluation, and the linguists' corrections all use it).

A source word is a name when the source writes it as one:

* with a digit or a capital inside it, or in capitals (``S24``, ``iPhone``, ``YouTube``, ``WHO``);
* capitalised where no sentence starts, unless a function word (``Google Chrome``, ``New York``; not ``On``);
* capitalised at a sentence's start (``Microsoft released …``) when the translation does not itself start with it:
  an Arabic sentence starts with an Arabic word, and a translation starting with the source's first word copied
  (``Welcome to متجرنا``) is untranslated there.

Capitals tell nothing in a source of capitals alone or in a heading (title case: two capitalised function words or
more, ``Free Shipping On All Orders``): there only a digit or an inner capital makes a name.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W_]+")
"""A run of letters and digits (any script): a word as :func:`without_kept_names` compares them."""

_SENTENCE_OPENERS = frozenset('.!?…:"«“(¿¡')
"""What may stand (spaces aside) before a word that starts a sentence."""


SMALL_WORDS = frozenset({
    "a", "an", "the", "of", "on", "in", "at", "to", "for", "from", "by", "with", "into", "onto", "over", "under",
    "about", "after", "before", "and", "or", "but", "nor", "so", "as", "is", "are", "was", "be", "not", "all", "any",
    "no", "this", "that", "your", "our", "my", "his", "her", "its", "their", "we", "you", "he", "she", "it", "they",
    "i", "le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "au", "aux", "et", "ou", "mais", "ni", "en",
    "sur", "sous", "dans", "par", "pour", "avec", "sans", "chez", "ce", "cette", "ces", "mon", "ma", "mes", "ton",
    "ta", "tes", "son", "sa", "ses", "notre", "votre", "nos", "vos", "leur", "leurs", "je", "tu", "il", "elle",
    "nous", "vous", "ils", "elles", "est", "sont", "tout", "tous", "toute", "toutes", "pas", "ne",
})
"""English and French articles, prepositions, conjunctions, pronouns and auxiliaries: words no name is, and which a
heading capitalises (``Free Shipping On All Orders``)."""


def _starts_sentence(source: str, word: re.Match) -> bool:
    before = source[: word.start()].rstrip()
    return not before or before[-1] in _SENTENCE_OPENERS


def source_names(source: str, translation: str = "") -> set[str]:
    """The words ``source`` writes as names (see the module docstring); ``translation``: the text checked, whose
    first word decides for a source's sentence-initial word."""
    words = list(_WORD.finditer(source))
    lettered = [m.group() for m in words if any(ch.isalpha() for ch in m.group())]
    function = SMALL_WORDS
    shouting = bool(lettered) and all(w.isupper() for w in lettered if len(w) > 1) and len(lettered) > 1
    heading = sum(1 for m in words if m.group().istitle() and m.group().casefold() in function
                  and not _starts_sentence(source, m)) >= 2
    first = _WORD.search(translation)
    opening = first.group() if first else None
    names = set()
    for m in words:
        text = m.group()
        if text.islower():
            continue
        if any(ch.isdigit() for ch in text) or (any(ch.isupper() for ch in text[1:]) and not text.isupper()):
            names.add(text)  # S24, 5G, iPhone, YouTube: a name in any source
        elif shouting or heading:
            continue  # capitals say nothing there
        elif text.isupper() and len(text) > 1:
            names.add(text)  # WHO, NASA
        elif text.casefold() in function:
            continue
        elif not _starts_sentence(source, m) or text != opening:
            names.add(text)  # New York; Microsoft released … when the translation starts otherwise
    return names


def without_kept_names(text: str, source: str) -> str:
    """``text`` without the names it keeps as written from ``source`` (:func:`source_names`): a translation keeps
    them in Latin script (``أحب New York``), which is no reason to call it "not Arabic"; a word in lower case copied
    from the source (``the cat القطة``) stays, as untranslated text. A text of Latin script alone is returned as it
    is (no Arabic letter to weigh: a copy stays a copy)."""
    if text.isascii() or not source:
        return text
    names = source_names(source, text)
    if not names:
        return text
    return _WORD.sub(lambda m: " " if m.group() in names else m.group(), text)
