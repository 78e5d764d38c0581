"""Words a translation keeps as written from its source — names, brands, acronyms, numbers — so that a check of
"is this Arabic?" weighs only what was translated (the corpora's validation, the output checks of scoring and
evaluation, and the linguists' corrections all use it).

A source word is a name when the source writes it as one: with a digit or a capital inside it (``iPhone``,
``YouTube``, ``COVID19``), or capitalised where no sentence starts (``New York``), or capitalised at a sentence's
start unless it is a function word (``Microsoft released …`` but not ``The café``). Capitals say nothing in a
source of capitals alone or of title case (``WARNING: DO NOT ENTER``, ``Free Shipping On All Orders``): there only
a digit or an inner capital makes a name. And a name is short: a run of more than :data:`MAX_NAME_WORDS` such words
in the translation is a copied stretch of the source, not a name, and counts as untranslated.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W_]+")
"""A run of letters and digits (any script): a word as :func:`without_kept_names` compares them."""

_SENTENCE_OPENERS = frozenset('.!?…:"«“(¿¡')
"""What may stand (spaces aside) before a word that starts a sentence."""

MAX_NAME_WORDS = 4
"""The longest run of kept words a translation may hold as one name (``iPhone 15 Pro Max``); a longer run is a
stretch of the source copied untranslated (``On All Orders Over 50 Dollars``)."""

_BETWEEN_NAME_WORDS = re.compile(r"[\s\-'’.&]*")
"""What may stand between two words of one name in the translation (``New York``, ``Jean-Pierre``, ``AT&T``)."""


def _function_words() -> frozenset[str]:
    from engine.feedback.language import ENGLISH_WORDS, FRENCH_WORDS  # imported on use: it loads the corpora

    return ENGLISH_WORDS | FRENCH_WORDS


def _starts_sentence(source: str, word: re.Match) -> bool:
    before = source[: word.start()].rstrip()
    return not before or before[-1] in _SENTENCE_OPENERS


def source_names(source: str) -> set[str]:
    """The words ``source`` writes as names (see the module docstring)."""
    words = list(_WORD.finditer(source))
    lettered = [m.group() for m in words if any(ch.isalpha() for ch in m.group())]
    # capitals tell a name only where the source writes other words in lower case: not a heading, not capitals
    capitals_tell = any(w.islower() for w in lettered[1:])
    names = set()
    for m in words:
        text = m.group()
        if text.islower():
            continue
        if any(ch.isdigit() for ch in text) or (any(ch.isupper() for ch in text[1:]) and not text.isupper()):
            names.add(text)  # 15, iPhone, YouTube
        elif not capitals_tell:
            continue
        elif not (text.istitle() and _starts_sentence(source, m)):
            names.add(text)  # New, York, WHO
        elif text.casefold() not in _function_words():
            names.add(text)  # Microsoft released …, not The café
    return names


def without_kept_names(text: str, source: str) -> str:
    """``text`` without the names it keeps as written from ``source`` (:func:`source_names`), runs of at most
    :data:`MAX_NAME_WORDS` words: a translation keeps them in Latin script (``أحب New York``), which is no reason to
    call it "not Arabic"; a word in lower case copied from the source (``the cat القطة``) stays, as untranslated
    text. A text of Latin script alone is returned as it is (no Arabic letter to weigh: a copy stays a copy)."""
    if text.isascii() or not source:
        return text
    names = source_names(source)
    if not names:
        return text
    out, last, run = [], 0, []
    for m in [*_WORD.finditer(text), None]:
        joined = m is not None and m.group() in names and (
            not run or _BETWEEN_NAME_WORDS.fullmatch(text, run[-1].end(), m.start()))
        if joined:
            run.append(m)
            continue
        if run:  # a run of names ended: left out when short, kept (counted) when a copied stretch
            if len(run) <= MAX_NAME_WORDS:
                out.append(text[last:run[0].start()])
                out.append(" ")
                last = run[-1].end()
            run = []
        if m is not None and m.group() in names:
            run = [m]
    out.append(text[last:])
    return "".join(out)
