"""Glossary terms for an instruction prompt (retrieval-augmented translation).

For a source, the terms of the switched-on glossaries that apply to it (:meth:`TermIndex.applicable`) become
``(source term, Arabic term)`` pairs that :func:`engine.models.prompting.build_prompt` lists after the source for
``instruction``-format models. ``tags``-format models (the studio's own) cannot read them; the Translate page shows
the terms to linguists instead (:func:`prompt_accepts_terms`).
"""

from __future__ import annotations

from collections.abc import Sequence

from engine.glossary.terms import AppliedTerm

MAX_PROMPT_TERMS = 20
"""At most this many terms go into one prompt (the first found in the source)."""


def prompt_terms(applied: Sequence[AppliedTerm], limit: int = MAX_PROMPT_TERMS) -> list[tuple[str, str]]:
    """``(source term, Arabic term)`` for a prompt; several renderings are written ``a / b``."""
    return [(t.source, " / ".join(t.arabic)) for t in list(applied)[:limit]]


def prompt_accepts_terms(prompt_format: str) -> bool:
    """Whether a model of this prompt format reads glossary terms in its prompt (``instruction`` only)."""
    return prompt_format == "instruction"
