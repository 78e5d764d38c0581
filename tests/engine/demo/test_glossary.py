"""The demo glossaries: clean files, every term found in the demo corpus, kept by its references, stored by the
demo set-up."""

from __future__ import annotations

import pytest

from engine.demo import DEMO_DIR, DEMO_GLOSSARIES, load_demo_glossaries, read_demo_split
from engine.glossary import TermIndex, corpus_share, parse_glossary


@pytest.mark.parametrize("pair", ["en-ar", "fr-ar"])
def test_every_demo_term_occurs_in_the_corpus_and_the_references_keep_them(pair):
    parsed = parse_glossary((DEMO_DIR / "glossary" / f"{pair}.tsv").read_bytes(), "tsv", pair)
    assert parsed.ok and parsed.has_header and len(parsed.entries) >= 20
    index = TermIndex(("demo", e) for e in parsed.entries)
    rows = [r for split in ("train", "test") for r in read_demo_split(pair, split)]
    scores = index.scores([s for s, _ in rows], [t for _, t in rows])
    found = {c.term.source for s in scores for c in s.checks}
    assert found == {e.source for e in parsed.entries}
    share, kept, applicable = corpus_share(scores)
    assert applicable > 1000 and share >= 0.9, (share, kept, applicable)


def test_the_demo_glossaries_are_stored_once(store):
    from types import SimpleNamespace

    studio = SimpleNamespace(store=store)
    assert load_demo_glossaries(studio) == list(DEMO_GLOSSARIES)
    load_demo_glossaries(studio)
    assert {g["name"]: g["pair"] for g in store.glossaries.list()} == DEMO_GLOSSARIES
