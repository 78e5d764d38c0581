"""What a corpus may be called in the studio (one rule for the Data page's upload and import, and the store)."""

from __future__ import annotations

from engine.characters import check_label
from engine.wording import as_sentence


def corpus_name_problem(name: str) -> str | None:
    """Why ``name`` cannot name a corpus, or None when it can: the store's own rule
    (:func:`~engine.characters.check_label`, at most 200 characters). The page had a stricter one of its own —
    letters, digits and six marks, at most 80 — which refused an Arabic name with its vowel marks (``مُعجم``)."""
    try:
        check_label(name, "corpus")
    except ValueError as exc:
        return as_sentence(str(exc))
    return None
