"""The README's demo terminology figures are what the matcher gives (they drifted from it unnoticed)."""

from __future__ import annotations

import re
from pathlib import Path

from engine.demo import DEMO_DIR, DEMO_SPLITS, read_demo_split
from engine.glossary import TermIndex, corpus_share, parse_glossary

README = Path(__file__).resolve().parents[3] / "README.md"
FIGURES = re.compile(
    r"the demo references keep\s+([\d.]+) %\s+and ([\d.]+) % of the terms the matcher finds in the demo sources, "
    r"each term counted once per sentence\s+—\s+all three\s+splits, ([\d,]+) of ([\d,]+) and ([\d,]+) of ([\d,]+)"
)


def demo_share(pair: str) -> tuple[int, int]:
    """``(kept, applicable)`` of the demo references over every split, each term once per sentence."""
    parsed = parse_glossary((DEMO_DIR / "glossary" / f"{pair}.tsv").read_bytes(), "tsv", pair)
    index = TermIndex(("demo", e) for e in parsed.entries)
    rows = [r for split in DEMO_SPLITS for r in read_demo_split(pair, split)]
    _, kept, applicable = corpus_share(index.scores([s for s, _ in rows], [t for _, t in rows]))
    return kept, applicable


def test_the_readme_states_the_demo_shares_the_matcher_gives():
    match = FIGURES.search(README.read_text(encoding="utf-8"))
    assert match, "the README's demo terminology sentence changed: update FIGURES"
    en_pct, fr_pct, *counts = match.groups()
    en = (int(counts[0].replace(",", "")), int(counts[1].replace(",", "")))
    fr = (int(counts[2].replace(",", "")), int(counts[3].replace(",", "")))
    assert (en, fr) == (demo_share("en-ar"), demo_share("fr-ar"))
    assert (en_pct, fr_pct) == (f"{100 * en[0] / en[1]:.1f}", f"{100 * fr[0] / fr[1]:.1f}")
