"""Words a translation keeps as written from its source — names, brands, acronyms, numbers — so that a check of
"is this Arabic?" weighs only what was translated (the corpora's validation, the output checks of scoring and
evaluation, and the linguists' corrections all use it).

A source word is a name when the source writes it as one:

* with a digit or a capital inside it (``S24``, ``iPhone``, ``YouTube``), or in capitals (``WHO``, ``NASA``);
* capitalised where no sentence starts, unless a small word (``New York``, ``Le Monde``'s ``Monde``; not ``On``);
* capitalised at a sentence's start (``Microsoft released …``, ``Google Maps is down``) — unless the translation
  has it followed by a Latin word that is no name (``Welcome to متجرنا``: a copied stretch, untranslated).

Capitals tell nothing in a source of capitals alone (``WARNING: DO NOT ENTER``) or in title case — every word
capitalised, four words or more or three with a small word (``Free Shipping On All Orders``, ``Add To Cart``,
``Contact Customer Support Today``): there only a digit or an inner capital makes a name. Not told apart: a short
title (``Save Changes`` → ``حفظ Changes`` passes, as ``Download Chrome`` → ``تنزيل Chrome`` must) or a capitalised
title word (``Le Président للجمهورية``) — only a dictionary would know they are no names.
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
    "hello", "hi", "welcome", "please", "thanks", "thank", "yes", "sorry", "today", "tomorrow", "yesterday",
    "bonjour", "bonsoir", "salut", "bienvenue", "merci", "oui", "non", "pardon", "demain", "hier",
})
"""English and French articles, prepositions, conjunctions, pronouns and auxiliaries, and the greetings and time
words that open sentences: words no name is (``Hello عالم`` copies one), and which a heading capitalises
(``Free Shipping On All Orders``)."""


def _starts_sentence(source: str, word: re.Match) -> bool:
    before = source[: word.start()].rstrip()
    return not before or before[-1] in _SENTENCE_OPENERS


def _copied_on(translation: str, word: str, names: set[str]) -> bool:
    """Whether ``translation`` has ``word`` followed (after spaces) by a Latin word that is no name: ``Welcome to``
    of ``Welcome to متجرنا``, a stretch of the source copied untranslated."""
    for m in re.finditer(rf"(?<![^\W_]){re.escape(word)}(?![^\W_])", translation):
        after = _WORD.match(translation[m.end():].lstrip())
        if after and after.group().isascii() and not after.group().isdigit() and after.group() not in names:
            return True
    return False


def source_names(source: str, translation: str = "") -> set[str]:
    """The words ``source`` writes as names (see the module docstring); ``translation``: the text checked, which
    decides for a source's sentence-initial words."""
    words = list(_WORD.finditer(source))
    lettered = [m.group() for m in words if any(ch.isalpha() for ch in m.group())]
    shouting = sum(len(w) > 1 for w in lettered) > 1 and all(w.isupper() for w in lettered if len(w) > 1)
    title_case = (len(lettered) >= 3 and all(w[0].isupper() or w[0].isdigit() for w in lettered)
                  and (len(lettered) >= 4 or any(w.casefold() in SMALL_WORDS for w in lettered)))
    names: set[str] = set()
    initial: list[str] = []
    for m in words:
        text = m.group()
        if text.islower():
            continue
        if any(ch.isdigit() for ch in text) or (any(ch.isupper() for ch in text[1:]) and not text.isupper()):
            names.add(text)  # S24, 5G, iPhone, YouTube: a name in any source
        elif shouting or title_case:
            continue  # capitals say nothing there
        elif text.isupper() and len(text) > 1:
            names.add(text)  # WHO, NASA
        elif text.casefold() in SMALL_WORDS:
            continue
        elif _starts_sentence(source, m):
            initial.append(text)
        else:
            names.add(text)  # New York
    return names | {w for w in initial if not _copied_on(translation, w, names)}


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
