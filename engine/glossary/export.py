"""Writing the glossaries chosen for a job into its run folder (the studio side; the job reads the file)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from engine.glossary.files import write_entries


def check_penalty_pairs(store, penalty: float, names: Sequence[str], corpus_ids: Sequence[int]) -> None:
    """Refuse a terminology penalty whose glossaries are all of a language pair that none of the run's corpora is:
    each source is checked against its own pair's terms, so the penalty was 0 on every translation while the log
    said "terminology penalty 0.5 over 22 glossary terms"."""
    if penalty <= 0 or not names:
        return
    glossary_pairs = {g["pair"] for g in store.glossaries.list() if g["name"] in set(names)}
    corpus_pairs = {c["pair"] for c in (store.corpora.get(int(i)) for i in corpus_ids) if c}
    if glossary_pairs and corpus_pairs and not glossary_pairs & corpus_pairs:
        raise ValueError(f"the terminology penalty's glossaries are {', '.join(sorted(glossary_pairs))} and the "
                         f"corpora {', '.join(sorted(corpus_pairs))}: no source would be checked against a term — "
                         f"choose a glossary of {', '.join(sorted(corpus_pairs))}, or set the penalty to 0")


def export_glossaries(store, names: Sequence[str], path: Path, pair: str | None = None) -> int:
    """Write the entries of the named glossaries (of ``pair`` when given) to ``path``; the number of entries.

    Raises ``ValueError`` naming a glossary that is not in the store."""
    known = {g["name"] for g in store.glossaries.list()}
    missing = [n for n in names if n not in known]
    if missing:
        raise ValueError(f"no glossary named {', '.join(repr(n) for n in missing)} (Data page → Glossaries)")
    entries = store.glossaries.entries(list(names), pair)
    write_entries(path, entries)
    return len(entries)
