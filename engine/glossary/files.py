"""The glossary file a job reads: the entries switched on for it, written by the studio into the run folder.

Jobs never open the store, so the studio writes the chosen glossaries' entries as JSON lines
(``{"glossary", "source", "arabic": [...], "note", "domain", "pair"}``) and the job builds its
:class:`~engine.glossary.terms.TermIndex` from the file.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from engine.glossary.parsing import GlossaryEntry
from engine.glossary.terms import TermIndex

GLOSSARY_INPUT = "glossary.jsonl"
"""The file name of a run's exported glossary entries, in its ``inputs/``."""


def check_terminology(penalty: float, glossaries: Iterable[str]) -> None:
    """Refuse a terminology penalty without glossaries (the run went on with no penalty and no word of it)."""
    if penalty > 0 and not list(glossaries):
        raise ValueError("terminology_penalty needs glossaries: choose the glossaries whose terms it checks, or set "
                         "it to 0")


def write_entries(path: Path | str, entries: Iterable[tuple[str, str, GlossaryEntry]]) -> Path:
    """Write ``(glossary name, pair, entry)`` triples to ``path`` (JSON lines); returns the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [
        json.dumps(
            {
                "glossary": name,
                "pair": pair,
                "source": e.source,
                "arabic": list(e.arabic),
                "note": e.note,
                "domain": e.domain,
            },
            ensure_ascii=False,
        )
        for name, pair, e in entries
    ]
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def read_entries(path: Path | str, pair: str | None = None) -> list[tuple[str, GlossaryEntry]]:
    """The ``(glossary name, entry)`` pairs of a file written by :func:`write_entries` (of ``pair`` when given)."""
    out = []
    # lines end at "\n" only: splitlines() also splits at U+2028, U+0085 … that json.dumps leaves in a string
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").split("\n"), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            if pair is None or row.get("pair") in (None, pair):
                out.append(
                    (
                        row["glossary"],
                        GlossaryEntry(row["source"], tuple(row["arabic"]), row.get("note", ""), row.get("domain", "")),
                    )
                )
        except (ValueError, KeyError, TypeError) as exc:
            raise ValueError(f"{path}: line {n} is not a glossary entry ({exc})") from None
    return out


def index_from_file(path: Path | str, pair: str | None = None) -> TermIndex:
    """A :class:`TermIndex` of the entries in a glossary file."""
    return TermIndex(read_entries(path, pair))
