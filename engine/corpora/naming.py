"""What a corpus may be called in the studio (one rule for the Data page's upload and import)."""

from __future__ import annotations

import re

CORPUS_NAME = re.compile(r"[\w .,()+-]{1,80}")
"""Letters and digits (any script), spaces and ``. , ( ) + - _``, at most 80 characters."""


def corpus_name_problem(name: str) -> str | None:
    """Why ``name`` (after stripping spaces) cannot name a corpus, or None when it can."""
    if not CORPUS_NAME.fullmatch(name.strip()):
        return "Give the corpus a name (letters, digits, spaces and . , ( ) + - _; at most 80 characters)."
    return None
