"""Which corpora the sampling stages draw from by default: those the SFT model was not trained on."""

from __future__ import annotations

import pyarrow as pa

from engine.corpora.fresh import fresh_source_corpora, sft_training_corpora
from tests.conftest import demo_pairs


def add_corpus(store, name: str) -> int:
    rows = [
        {"line": i + 1, "source": s, "target": t, "pair": p, "split": "train", "norm_key": f"{s}\n{t}"}
        for i, (s, t, p) in enumerate(demo_pairs(8))
    ]
    return store.corpora.add(name, "en-ar", pa.Table.from_pylist(rows))


def test_shipped_demo_model_samples_the_held_out_pools(store, tiny_policy_dir):
    seen = add_corpus(store, "demo-en-ar")
    held_out = add_corpus(store, "demo-en-ar-prefs")
    mine = add_corpus(store, "my-corpus")
    store.models.register("demo-sft", "policy", str(tiny_policy_dir), stage="sft", metadata={"shipped": True})
    assert sft_training_corpora(store) == {seen}
    assert fresh_source_corpora(store) == [held_out, mine]


def test_a_model_trained_in_the_studio_names_its_corpora_through_its_run(store, tiny_policy_dir, tmp_path):
    trained = add_corpus(store, "train-me")
    other = add_corpus(store, "fresh-sources")
    store.runs.create("bootstrap-1", "bootstrap", "Bootstrap", {"corpus_ids": [trained]}, str(tmp_path / "run"))
    store.models.register("my-sft", "policy", str(tiny_policy_dir), stage="sft", run_id="bootstrap-1")
    assert fresh_source_corpora(store) == [other]


def test_nothing_known_held_out_keeps_every_corpus(store, tiny_policy_dir):
    a, b = add_corpus(store, "a"), add_corpus(store, "b")
    assert fresh_source_corpora(store) == [a, b]  # no SFT model yet
    store.models.register("external", "policy", str(tiny_policy_dir), stage="sft")
    assert fresh_source_corpora(store) == [a, b]  # registered from a folder: its training data is unknown


def test_every_corpus_seen_in_training_keeps_them_all(store, tiny_policy_dir):
    seen = add_corpus(store, "demo-en-ar")
    store.models.register("demo-sft", "policy", str(tiny_policy_dir), stage="sft", metadata={"shipped": True})
    assert fresh_source_corpora(store) == [seen]  # sample the training sources rather than nothing
