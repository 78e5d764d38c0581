"""DPO with the corpus reference as a chosen translation (the ALMA-R / CPO recipe)."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.parquet as pq

from engine.jobs.dpo import add_references, with_reference_pairs


def test_references_are_added_against_each_rejected_translation_once():
    rows = [{"source": "s1", "chosen": "a", "rejected": "b", "reference": "ref1"},
            {"source": "s1", "chosen": "a", "rejected": "c", "reference": "ref1"},
            {"source": "s1", "chosen": "b", "rejected": "c", "reference": "ref1"},
            {"source": "s2", "chosen": "x", "rejected": "ref2", "reference": "ref2"},  # the reference was rejected
            {"source": "s3", "chosen": "y", "rejected": "z", "reference": ""}]  # no reference
    out = with_reference_pairs(rows)
    added = out[len(rows):]
    assert [(r["source"], r["chosen"], r["rejected"]) for r in added] == [("s1", "ref1", "b"), ("s1", "ref1", "c")]
    assert all(r["strategy"] == "reference" for r in added)


def test_the_exported_pairs_get_their_corpus_references(store, demo_corpus, tmp_path):
    path = tmp_path / "pairs.parquet"
    segments = store.corpora.page(demo_corpus, limit=2)
    keys = [f"{demo_corpus}:{s['seg_id']}" for s in segments] + ["human:17"]
    pq.write_table(pa.table({"group_key": keys, "source": ["a", "b", "c"]}), path)
    add_references(store, path)
    refs = pq.read_table(path).column("reference").to_pylist()
    assert refs[:2] == [s["target"] for s in segments] and refs[2] == ""
