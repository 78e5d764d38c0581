"""Writing the glossaries chosen for a job into its run folder (the studio side; the job reads the file)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from engine.glossary.files import write_entries


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
