"""Words a translation keeps as written from its source — names, brands, acronyms, numbers — so that a check of
"is this Arabic?" weighs only what was translated (no dependencies: the corpora's validation, the output checks
of scoring and evaluation, and the linguists' corrections all use it)."""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W_]+")
"""A run of letters and digits (any script): a word as :func:`without_kept_names` compares them."""


_SENTENCE_OPENERS = frozenset('.!?…:"«“(¿¡')
"""What may stand (spaces aside) before a word that starts a sentence."""


def _is_name(source: str, word: re.Match) -> bool:
    """Whether ``source`` writes ``word`` as a name: with a digit, a capital letter inside it or in every letter
    (``iPhone``, ``COVID``, ``15``), or a capital first letter where no sentence starts (``The`` of ``The café``
    is no name)."""
    text = word.group()
    if text.islower():
        return False
    if not text.istitle():
        return True
    before = source[: word.start()].rstrip()
    return bool(before) and before[-1] not in _SENTENCE_OPENERS


def without_kept_names(text: str, source: str) -> str:
    """``text`` without the words it keeps as written from ``source``: words the source writes as names (a capital
    letter not at a sentence's start, a digit: ``New``, ``York``, ``iPhone``, ``COVID``, ``19``). A translation
    keeps them in Latin script (``أحب New York``), which is no reason to call it "not Arabic"; a word in lower
    case copied from the source (``the cat القطة``) stays, as untranslated text. A text of Latin script alone is
    returned as it is (no Arabic letter is left to weigh: a copied source stays a copy)."""
    if text.isascii() or not source:
        return text
    kept = {m.group() for m in _WORD.finditer(source) if _is_name(source, m)}
    if not kept:
        return text
    return _WORD.sub(lambda m: " " if m.group() in kept else m.group(), text)
