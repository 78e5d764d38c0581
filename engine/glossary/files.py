"""The glossary file a job reads: the entries switched on for it, written by the studio into the run folder.

Jobs never open the store, so the studio writes the chosen glossaries' entries as JSON lines
(``{"glossary", "source", "arabic": [...], "note", "domain", "pair"}``) and the job builds its
:class:`~engine.glossary.terms.TermIndex` from the file.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path

from engine.glossary.parsing import GlossaryEntry
from engine.glossary.terms import TermIndex, TermScore
from engine.jobs.config import field_label, named

GLOSSARY_INPUT = "glossary.jsonl"
"""The file name of a run's exported glossary entries, in its ``inputs/``."""


def check_terminology(penalty: float, glossaries: Iterable[str]) -> None:
    """Refuse a terminology penalty without glossaries (the run went on with no penalty and no word of it)."""
    if penalty > 0 and not list(glossaries):
        raise ValueError(f"{named(field_label('terminology_penalty'), 'terminology_penalty')} needs glossaries: choose "
                         "the glossaries whose terms it checks, or set it to 0")


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
    return [(glossary, entry) for glossary, entry, _ in _read(path, pair)]


def _read(path: Path | str, pair: str | None) -> list[tuple[str, GlossaryEntry, str | None]]:
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
                        row.get("pair"),
                    )
                )
        except (ValueError, KeyError, TypeError) as exc:
            raise ValueError(f"{path}: line {n} is not a glossary entry ({exc})") from None
    return out


def index_from_file(path: Path | str, pair: str | None = None) -> TermIndex | PairedTermIndex:
    """A :class:`TermIndex` of a glossary file's entries of ``pair``, or with no pair a :class:`PairedTermIndex` of
    all of them, each source matched against its own pair's."""
    if pair is not None:
        return TermIndex(read_entries(path, pair))
    by_pair: dict[str | None, list[tuple[str, GlossaryEntry]]] = {}
    for glossary, entry, entry_pair in _read(path, None):
        by_pair.setdefault(entry_pair, []).append((glossary, entry))
    every = by_pair.pop(None, [])  # an entry without a pair applies to both
    pairs = set(by_pair) or {"en-ar", "fr-ar"}
    return PairedTermIndex({p: TermIndex(by_pair.get(p, []) + every) for p in pairs})


class PairedTermIndex:
    """The glossary entries of a run by language pair: a source is matched against its own pair's terms only — its
    pair when the caller knows it, else the language detected (score, PPO and GRPO matched every source against the
    English and the French glossaries at once: French ``thé → شاي`` was found in English "the", and the demo's
    references kept 22 % of their terms instead of 97 %)."""

    def __init__(self, indexes: dict[str, TermIndex]) -> None:
        self.indexes = indexes

    def __len__(self) -> int:
        return sum(len(index) for index in self.indexes.values())

    def index_for(self, source: str, pair: str | None = None) -> TermIndex | None:
        """The index of ``source``'s pair (``None``: a pair without glossary). A source whose language cannot be
        told ("Remote control", "Bread.") takes the one pair whose terms occur in it, if only one's do."""
        if pair is None:
            from engine.feedback.language import detect_language

            pair = detect_language(source).pair
        if pair is None:
            found = [index for _, index in sorted(self.indexes.items()) if index.applicable(source)]
            return found[0] if len(found) == 1 else None
        return self.indexes.get(pair)

    def scores(self, sources: Sequence[str], translations: Sequence[str],
               pairs: Sequence[str | None] | None = None) -> list[TermScore]:
        """:meth:`TermIndex.scores`, each source against its pair's terms (no term: ``score`` ``None``)."""
        pairs = list(pairs) if pairs is not None else [None] * len(sources)
        detected: dict[str, TermIndex | None] = {}
        groups: dict[int, list[int]] = {}  # by index: each index matches its sources in one call (cached per source)
        indexes: dict[int, TermIndex] = {}
        for i, (source, pair) in enumerate(zip(sources, pairs, strict=True)):
            index = self.index_for(source, pair) if pair else detected.setdefault(source, self.index_for(source))
            if index is not None:
                groups.setdefault(id(index), []).append(i)
                indexes[id(index)] = index
        out: list[TermScore] = [TermScore(0, 0)] * len(sources)
        for key, rows in groups.items():
            for i, score in zip(rows, indexes[key].scores([sources[i] for i in rows],
                                                          [translations[i] for i in rows]), strict=True):
                out[i] = score
        return out
