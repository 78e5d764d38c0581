"""The generate and score jobs, run for real in subprocesses on a tiny model, end to end into the store."""

from __future__ import annotations

import json
import os
import time

import pytest

from engine.jobs.generate import GenerateConfig
from engine.jobs.score import ScoreConfig, fusion_plan
from engine.preferences.export import export_preferences

pytestmark = pytest.mark.slow


def _generate(supervisor, policy, corpus, **overrides):
    values = {"model": policy, "corpus_ids": [corpus], "split": "train", "max_new_tokens": 10, "chunk_sources": 8,
              "strategies": ["greedy", "temperature:1.0x2", "top_k:20", "top_p:0.9"]}
    return GenerateConfig(**{**values, **overrides})


def test_generate_then_score_makes_synthetic_pairs(supervisor, store, tiny_policy, demo_corpus, tmp_path,
                                                  monkeypatch):
    # 5 chunks of 2 batches: on a machine of several cores each chunk's batches are shared by as many processes
    # (a job of one thread per core; the suite's jobs otherwise run on one thread)
    monkeypatch.setenv("TARJAMA_JOB_THREADS", str(os.cpu_count() or 1))
    gen = supervisor.start("generate", _generate(supervisor, tiny_policy, demo_corpus, sample_size=40, batch_size=4))
    assert supervisor.wait(gen, timeout_s=300) == "succeeded", store.runs.logs(gen)
    if (os.cpu_count() or 1) > 1:
        assert any(f"decoding in {os.cpu_count()} single-thread processes" in r["message"]
                   for r in store.runs.logs(gen))
    assert store.preferences.count_sources(gen) == 40
    cands = store.db.query_dicts("SELECT * FROM candidates WHERE run_id = ?", [gen])
    assert {c["strategy"] for c in cands} <= {"greedy", "temperature:1.0x2", "top_k:20", "top_p:0.9"}
    per_source = {}
    for c in cands:
        per_source[(c["corpus_id"], c["seg_id"])] = per_source.get((c["corpus_id"], c["seg_id"]), 0) + c["n_samples"]
        assert c["prompt"].startswith("<en>") or c["prompt"].startswith("<fr>")
    assert set(per_source.values()) == {5}  # 5 samples per source, duplicates merged with their count
    assert "sources_per_s" in store.runs.metric_keys(gen)

    groups: dict = {}
    for c in cands:
        groups.setdefault((c["corpus_id"], c["seg_id"]), []).append(c)
    counted_groups = [g for g in groups.values() if len(g) > 2][:3]
    for group in counted_groups:  # the first candidate of these as the majority answer, sampled 4 times more
        with store.db.transaction() as cur:
            cur.execute("UPDATE candidates SET n_samples = n_samples + 4 WHERE cand_id = ?", [group[0]["cand_id"]])
        group[0]["n_samples"] += 4
    assert counted_groups

    config = ScoreConfig(generate_run=gen, min_margin=0.05, valid_fraction=0.2)
    plan = fusion_plan(config)
    assert plan.weights == {"chrf": 1.0}  # no COMET or BERTScore model configured: re-normalised
    assert set(plan.skipped) == {"comet", "bertscore"}
    score = supervisor.start("score", config)
    assert supervisor.wait(score, timeout_s=300) == "succeeded", store.runs.logs(score)
    metrics = {m["metric"] for m in store.db.query_dicts(
        "SELECT DISTINCT metric FROM candidate_scores WHERE score_run_id = ?", [score])}
    assert {"chrf", "bleu", "ter", "mbr_chrf", "quality", "check_passed"} <= metrics
    pairs = store.preferences.pairs(run_ids=[score], limit=10_000)
    assert pairs, "a random tiny model still yields candidates of different quality"
    splits_of_source = {}
    for p in pairs:
        assert p["origin"] == "synthetic" and p["margin"] >= 0.05 and p["chosen"] != p["rejected"]
        assert splits_of_source.setdefault(p["group_key"], p["split"]) == p["split"]
    fusion = json.loads((supervisor.workspace.run_dir(score) / "outputs" / "fusion.json").read_text())
    assert "not used: comet" in fusion["description"].lower()
    logs = " ".join(r["message"] for r in store.runs.logs(score))
    assert "Quality = chrf 1.00" in logs
    # mbr_chrf counts a distinct candidate as often as it was sampled (each was scored once: the majority answer of
    # a source ranked below one-off samples)
    from engine.metrics.mbr import candidate_consensus

    stored = {r["cand_id"]: r["value"] for r in store.db.query_dicts(
        "SELECT cand_id, value FROM candidate_scores WHERE score_run_id = ? AND metric = 'mbr_chrf'", [score])}
    for group in counted_groups:
        expected = candidate_consensus([c["text"] for c in group], [c["n_samples"] for c in group])
        assert [stored[c["cand_id"]] for c in group] == pytest.approx(expected)
    # settings no pair passes (every two candidates "near-identical"): the run "succeeded" with 0 pairs, and the
    # reward model after it failed on an empty pair set
    none = supervisor.start("score", ScoreConfig(generate_run=gen, min_margin=0.5, near_identical_chrf=0.0))
    assert supervisor.wait(none, timeout_s=300) == "failed"
    error = store.runs.get(none)["error"]
    assert "no pair: the widest fused-quality gap between two candidates of one source is" in error
    assert "at least min_margin 0.5 between candidates less alike than chrF 0 (near_identical_chrf)" in error
    assert not store.preferences.count_pairs(run_ids=[none])

    out = export_preferences(store, tmp_path / "export")
    import datasets

    from_json = datasets.load_dataset("json", data_files=str(out["jsonl"]), split="train",
                                      cache_dir=str(tmp_path / "hf-cache"))
    from_disk = datasets.load_from_disk(str(out["dataset"]), keep_in_memory=True)
    assert len(from_json) == len(from_disk["train"]) == out["train"]
    assert out["train"] + out["validation"] + out["dropped"] == len(pairs)
    assert {"prompt", "chosen", "rejected", "margin", "scores", "strategy"} <= set(from_json.column_names)


def test_generate_resumes_without_redoing_finished_sources(supervisor, store, tiny_policy, demo_corpus):
    # batches of one source: a cancel may find the chunk's batches shared by forked decoding processes
    config = _generate(supervisor, tiny_policy, demo_corpus, split="all", sample_size=40, chunk_sources=2,
                       batch_size=1, max_new_tokens=24, strategies=["beam:4", "temperature:1.0x4"])
    gen = supervisor.start("generate", config)
    chunk_dir = supervisor.workspace.run_dir(gen) / "outputs" / "candidates"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not list(chunk_dir.glob("chunk-*.parquet")):
        time.sleep(0.05)
    status = supervisor.cancel_and_wait(gen, timeout_s=60)
    if status == "succeeded":
        pytest.skip("the machine finished generation before the cancel arrived")
    assert status == "cancelled"
    chunks_before = sorted((supervisor.workspace.run_dir(gen) / "outputs" / "candidates").glob("chunk-*.parquet"))
    assert chunks_before
    supervisor.resume(gen)
    assert supervisor.wait(gen, timeout_s=300) == "succeeded"
    logs = [r["message"] for r in store.runs.logs(gen, tail=1000)]
    assert any(m.startswith("resumed:") and "sources already done" in m for m in logs)
    # the cancel's note agreed with the resume (it said "a resume starts from the beginning")
    assert "cancelled: the work finished so far stays in outputs/, and a resume skips it" in logs
    assert not any("before any checkpoint" in m for m in logs)
    per_source = store.db.query("SELECT corpus_id, seg_id, sum(n_samples) FROM candidates WHERE run_id = ?"
                                " GROUP BY ALL", [gen])
    assert len(per_source) == 40
    assert {n for _, _, n in per_source} == {5}  # no source generated twice


def _a_run_and_one_that_kept(supervisor, store, config, chunk: str):
    """A generate run to its end, and a second run of the same config (created, not launched) whose output holds
    only the first one's ``chunk``, as a kill would leave it: (first run's chunks, second run, its chunk folder)."""
    import shutil

    whole = supervisor.start("generate", config)
    assert supervisor.wait(whole, timeout_s=300) == "succeeded", store.runs.logs(whole)
    resumed = supervisor.create("generate", config)
    whole_chunks = supervisor.workspace.run_dir(whole) / "outputs" / "candidates"
    chunk_dir = supervisor.workspace.run_dir(resumed) / "outputs" / "candidates"
    chunk_dir.mkdir(parents=True)
    shutil.copy(whole_chunks / chunk, chunk_dir)
    return whole_chunks, resumed, chunk_dir


def test_a_resumed_generate_draws_what_an_uninterrupted_one_draws(supervisor, store, tiny_policy, demo_corpus):
    # each chunk was seeded by its place among the sources *left*, which restarts at 0 on a resume
    import pyarrow.parquet as pq

    config = _generate(supervisor, tiny_policy, demo_corpus, sample_size=6, chunk_sources=2, batch_size=2,
                       strategies=["greedy", "temperature:1.0x3"])
    whole_chunks, resumed, chunk_dir = _a_run_and_one_that_kept(supervisor, store, config, "chunk-00000.parquet")
    supervisor.launch(resumed)
    assert supervisor.wait(resumed, timeout_s=300) == "succeeded", store.runs.logs(resumed)

    def drawn(folder):
        rows = [r for f in sorted(folder.glob("chunk-*.parquet")) for r in pq.read_table(f).to_pylist()]
        return sorted((r["seg_id"], r["strategy"], r["text"], r["n_samples"]) for r in rows)

    assert drawn(chunk_dir) == drawn(whole_chunks)
    assert store.runs.get(resumed)["title"] == f"Generate candidates · {tiny_policy}"  # the model it samples


def test_a_resume_after_a_chunk_was_deleted_does_every_source_and_a_damaged_chunk_is_named(supervisor, store,
                                                                                            tiny_policy, demo_corpus):
    # new chunks were numbered by counting the files: with chunk 0 deleted each one overwrote chunk 1, and the run
    # "succeeded" with a fraction of its sources
    config = _generate(supervisor, tiny_policy, demo_corpus, sample_size=8, chunk_sources=2, batch_size=2,
                       strategies=["greedy", "temperature:1.0x2"])
    _, resumed, chunk_dir = _a_run_and_one_that_kept(supervisor, store, config, "chunk-00001.parquet")
    (chunk_dir / "chunk-00002.parquet").write_bytes(b"PAR1 cut short")  # a chunk a full disk truncated
    supervisor.launch(resumed)
    assert supervisor.wait(resumed, timeout_s=300) == "failed"
    error = store.runs.get(resumed)["error"]
    assert "outputs/candidates/chunk-00002.parquet is damaged" in error and "delete it and resume" in error
    (chunk_dir / "chunk-00002.parquet").unlink()  # as the message says
    supervisor.resume(resumed)
    assert supervisor.wait(resumed, timeout_s=300) == "succeeded", store.runs.logs(resumed)
    per_source = store.db.query("SELECT seg_id, sum(n_samples) FROM candidates WHERE run_id = ? GROUP BY ALL",
                                [resumed])
    assert len(per_source) == 8 and {n for _, n in per_source} == {3}
    assert sorted(p.name for p in chunk_dir.glob("chunk-*")) == [f"chunk-0000{i}.parquet" for i in (1, 2, 3, 4)]


def test_a_generate_run_with_one_candidate_per_source_is_refused_before_scoring(supervisor, store, tmp_path):
    # every strategy wrote the same text (the SFT model's own training sentences): the score job computed every
    # metric, COMET too, then failed with "no pair"
    from engine.jobs.score import ScoreConfig
    from tests.engine.store.test_preferences import _candidates, _write

    rows = [r for r in _candidates(0, [(1, "Hello."), (2, "Bye.")]) if r["strategy"] == "beam"]
    _write(tmp_path / "g" / "chunk-0000.parquet", rows)
    store.runs.create("gen-one", "generate", "Generate", {}, str(tmp_path / "gen-one"))
    with store.db.transaction() as cur:
        store.preferences.load_candidates(cur, "gen-one", tmp_path / "g")
        store.runs.mark_final(cur, "gen-one", "succeeded", None)
    with pytest.raises(ValueError, match="every source has a single distinct candidate"):
        supervisor.create("score", ScoreConfig(generate_run="gen-one"))
    assert store.runs.list(kinds=("score",)) == []
