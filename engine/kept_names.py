"""Words a translation keeps as written from its source — names, brands, acronyms, numbers, web and e-mail
addresses — so that a check of "is this Arabic?" weighs only what was translated (the corpora's validation, the
output checks of scoring and evaluation, and the linguists' corrections all use it).

A source word may be a name when the source writes it as one: with a digit or a capital inside it (``S24``,
``iPhone``), in capitals (``WHO``), or capitalised and no small word (``New York``; not ``On``, ``Welcome``) —
a sentence's first word too (``Microsoft released …``). Capitals tell nothing in a source of capitals alone
(``WARNING: DO NOT ENTER``) or one whose every word is capitalised (``Free Shipping On All Orders``, ``Happy New
Year``, ``Download Google Chrome``): there only a digit or an inner capital makes a name.

The translation's Latin words are then taken in runs (words joined by spaces, hyphens, apostrophes or dots). A run
is left out as a name when it holds at least one such word, its first and last words are capitalised, the words
between are names or small words (``Game of Thrones``, ``Le Monde``) — and it does not open the translation with the
source's first word (``Call John غدا``, ``Microsoft أصدرت …``: a copied opening is untranslated; an Arabic sentence
opens with its own word). Any other run counts against the translation (``Google Maps is down للجميع``, ``Welcome to
متجرنا``). Not told apart, for want of a dictionary: a capitalised title word (``Le Président للجمهورية``).
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


ADDRESS = re.compile(r"(?:https?://|www\.)[!-~]+|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+", re.IGNORECASE)
"""A web or e-mail address (ASCII: ``السعر@١٠.٥`` is none), which a translation keeps as written."""

_RUN_JOINER = re.compile(r"[ \t\-'’.&]*")
"""What may stand between two words of one run of Latin words (``New York``, ``Jean-Pierre``, ``J. R. R. Tolkien``)."""


_ELIDED = frozenset({"l", "d", "j", "qu", "n", "s", "m", "t", "c", "L", "D"})
"""French elided words, joined to the next by an apostrophe (``l'Europe``)."""


def _starts_sentence(source: str, word: re.Match) -> bool:
    before = source[: word.start()].rstrip(" \t")
    return not before or before[-1] in _SENTENCE_OPENERS or before[-1] in "\n\r"


def _latin(word: str) -> bool:
    """A word of letters (and digits) none of which is Arabic: a word of the source's script."""
    return any(ch.isalpha() for ch in word) and not any("\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u08ff"
                                                       or "\ufb50" <= ch <= "\ufeff" for ch in word)


def source_names(source: str) -> tuple[set[str], set[str]]:
    """The words ``source`` writes as names, and of those the ones that open a sentence (see the module
    docstring)."""
    words = list(_WORD.finditer(source))
    lettered = [m.group() for m in words if any(ch.isalpha() for ch in m.group())]
    shouting = sum(len(w) > 1 for w in lettered) > 1 and all(w.isupper() for w in lettered if len(w) > 1)
    every_capitalised = len(lettered) >= 2 and all(not w[0].islower() for w in lettered)
    names: set[str] = set()
    openers: set[str] = set()
    for m in words:
        text = m.group()
        if text.islower():
            continue
        if any(ch.isdigit() for ch in text) or (any(ch.isupper() for ch in text[1:]) and not text.isupper()):
            names.add(text)  # S24, 5G, iPhone, YouTube: a name in any source
        elif shouting or every_capitalised:
            continue  # capitals say nothing there
        elif text.isupper() and len(text) > 1:
            names.add(text)  # WHO, NASA
        elif text.casefold() not in SMALL_WORDS:
            names.add(text)
            if _starts_sentence(source, m):
                openers.add(text)
    return names, openers


def _runs(text: str) -> list[list[re.Match]]:
    """The runs of Latin words of ``text``: words joined by :data:`_RUN_JOINER` only."""
    runs: list[list[re.Match]] = []
    for m in _WORD.finditer(text):
        if not _latin(m.group()) and not m.group().isdigit():
            continue
        if runs and runs[-1][-1].end() <= m.start() and _RUN_JOINER.fullmatch(text, runs[-1][-1].end(), m.start()):
            runs[-1].append(m)
        else:
            runs.append([m])
    return runs


def _is_name(run: list[re.Match], names: set[str], openers: set[str], opening: bool) -> bool:
    texts = [m.group() for m in run]
    if not any(t in names for t in texts):
        return False
    if opening and texts[0] in openers:  # the source's first word copied where the translation opens
        return False
    ends = (texts[0], texts[-1])
    if not all(t in names or t.isdigit() or (t[:1].isupper() and t.casefold() in SMALL_WORDS) for t in ends):
        return False
    # between the ends, small words in lower case (Game of Thrones; not The WHO And The UN, a heading's stretch)
    return all(t in names or t.isdigit() or (t.islower() and t in SMALL_WORDS) for t in texts[1:-1])


def without_kept_names(text: str, source: str) -> str:
    """``text`` without the names (runs of them, see the module docstring) and the web and e-mail addresses it keeps
    as written from ``source``: a translation keeps them in Latin script (``أحب New York``), which is no reason to
    call it "not Arabic"; words copied from the source otherwise (``the cat القطة``) stay, as untranslated text. A
    text of Latin script alone is returned as it is (no Arabic letter to weigh: a copy stays a copy)."""
    if text.isascii() or not source:
        return text
    text = ADDRESS.sub(" ", text)
    names, openers = source_names(source)
    if not names:
        return text
    first = next((m for m in _WORD.finditer(text)), None)
    out, last = [], 0
    for run in _runs(text):
        while len(run) > 1 and run[0].group() in _ELIDED and "'" in text[run[0].end():run[1].start()].replace("’", "'"):
            run = run[1:]  # l'Europe, d'Amazon: the name after the elided article
        if _is_name(run, names, openers, opening=first is not None and run[0].start() == first.start()):
            out += [text[last:run[0].start()], " "]
            last = run[-1].end()
    return "".join(out) + text[last:]
