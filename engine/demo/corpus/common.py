"""What every domain module of the demo corpus generator shares: the triple, the persons, sampling.

Conventions of the Arabic side (Modern Standard Arabic):
- no short-vowel diacritics, except the accusative tanween on an alif (``شكرًا``, ``كتابًا``, ``جدًا``) and
  the shadda where a word would otherwise be ambiguous (rare);
- hamza written as usual (``أ إ آ ؤ ئ ء``), ta marbuta ``ة`` and alif maqsura ``ى`` where they belong;
- Arabic punctuation: ``،`` for the comma, ``؟`` for the question mark, ``؛`` for the semicolon, the full
  stop ``.`` and ``!`` as in the source;
- digits are Western (``0-9``) when the source has digits; names of people and places are transliterated into
  Arabic script (``Sarah`` → ``سارة``, ``Lyon`` → ``ليون``): an Arabic target has no Latin letters at all.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Triple:
    """One sentence in English, French and Arabic (French may be ``None`` when only EN→AR is written)."""

    en: str
    fr: str | None
    ar: str
    domain: str


PERSONS: tuple[str, ...] = ("i", "you_m", "you_f", "he", "she", "we", "you_pl", "they")
"""Grammatical persons used by verb tables: I, you (m. sg.), you (f. sg.), he, she, we, you (pl.), they (m.)."""

SUBJECT_EN = {"i": "I", "you_m": "you", "you_f": "you", "he": "he", "she": "she", "we": "we",
              "you_pl": "you", "they": "they"}
SUBJECT_FR = {"i": "je", "you_m": "tu", "you_f": "tu", "he": "il", "she": "elle", "we": "nous",
              "you_pl": "vous", "they": "ils"}
SUBJECT_AR = {"i": "أنا", "you_m": "أنت", "you_f": "أنتِ", "he": "هو", "she": "هي", "we": "نحن",
              "you_pl": "أنتم", "they": "هم"}


def capitalise(text: str) -> str:
    """The first letter upper-cased, the rest unchanged (``"je vais"`` → ``"Je vais"``)."""
    return text[:1].upper() + text[1:] if text else text


def fr_elide(text: str) -> str:
    """French elision and contraction inside a sentence: ``je ai`` → ``j'ai``, ``de le`` → ``du``, ``à le`` → ``au``.

    Applied word by word on lower- and upper-case forms; ``h`` is treated as mute (``je habite`` → ``j'habite``).
    """
    words = text.split(" ")
    out: list[str] = []
    i = 0
    elidable = {"je", "me", "te", "se", "le", "la", "de", "ne", "que", "Je", "Me", "Te", "Se", "Le", "La",
                "De", "Ne", "Que"}
    contractions = {("de", "le"): "du", ("de", "les"): "des", ("à", "le"): "au", ("à", "les"): "aux",
                    ("De", "le"): "Du", ("De", "les"): "Des", ("À", "le"): "Au", ("À", "les"): "Aux"}
    while i < len(words):
        w = words[i]
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if (w, nxt) in contractions:
            out.append(contractions[(w, nxt)])
            i += 2
            continue
        if w in elidable and nxt[:1].lower() in "aeiouéèêàâîïôûh" and nxt:
            out.append(w[:-1] + "'" + nxt)
            i += 2
            continue
        out.append(w)
        i += 1
    return " ".join(out)


def sample(items: Sequence, k: int, seed: int) -> list:
    """A seeded sample of ``k`` items (all of them, in order, when there are at most ``k``)."""
    if len(items) <= k:
        return list(items)
    return random.Random(seed).sample(list(items), k)


def balanced(generators: Iterable[Callable[[], list[Triple]]], total: int, seed: int) -> list[Triple]:
    """Up to ``total`` triples drawn evenly from several template generators (seeded).

    Each generator gets an equal share; what a small generator leaves unused goes to the others, so one
    large combinatorial template cannot crowd out the rest.
    """
    pools = [list(dict.fromkeys(g())) for g in generators]
    rng = random.Random(seed)
    for pool in pools:
        rng.shuffle(pool)
    out: list[Triple] = []
    remaining = total
    active = [p for p in pools if p]
    while remaining > 0 and active:
        share = max(1, remaining // len(active))
        nxt = []
        for pool in active:
            take, rest = pool[:share], pool[share:]
            out.extend(take[:remaining])
            remaining -= min(len(take), remaining)
            if rest:
                nxt.append(rest)
            if remaining <= 0:
                break
        active = nxt
    return out
