"""The score job with glossaries switched on: terminology is scored, can be weighted, and no pair prefers a
candidate that breaks a term (run in-process on constructed candidates; the store writes the glossary file)."""

from __future__ import annotations

import json

import pyarrow as pa
import pyarrow.parquet as pq

from engine.glossary import GlossaryEntry
from engine.glossary.export import export_glossaries
from engine.glossary.files import GLOSSARY_INPUT
from engine.jobs.context import JobContext
from engine.jobs.score import ScoreConfig, fusion_plan, run

ROWS = [  # (source, reference, candidates)
    (
        "Where is the remote control?",
        "أين جهاز التحكم؟",
        ["أين جهاز التحكم؟", "أين الريموت؟", "أين هو الريموت يا صديقي؟"],
    ),
    ("The hospital is closed.", "المستشفى مغلق.", ["المشفى مغلقة الآن.", "العيادة مغلقة.", "المستشفى مغلق."]),
    ("Good morning.", "صباح الخير.", ["صباح الخير.", "مساء الخير.", "صباح النور يا جار."]),
]


def test_score_job_scores_terminology_and_pairs_respect_terms(store, tmp_path):
    store.glossaries.add(
        "g", "en-ar", [GlossaryEntry("remote control", ("جهاز التحكم",)), GlossaryEntry("hospital", ("مستشفى",))]
    )
    run_dir = tmp_path / "run"
    export_glossaries(store, ["g"], run_dir / "inputs" / GLOSSARY_INPUT)
    rows, cand_id = [], 0
    for seg, (source, reference, cands) in enumerate(ROWS):
        for text in cands:
            rows.append(
                {
                    "cand_id": cand_id,
                    "corpus_id": 1,
                    "seg_id": seg,
                    "pair": "en-ar",
                    "split": "train",
                    "source": source,
                    "reference": reference,
                    "prompt": f"<en> {source} <ar>",
                    "text": text,
                    "strategy": "temperature:1.0",
                }
            )
            cand_id += 1
    pq.write_table(pa.Table.from_pylist(rows), run_dir / "inputs" / "candidates.parquet")
    config = ScoreConfig(
        generate_run="gen",
        weights={"chrf": 0.5, "terminology": 0.5},
        extra_metrics=["chrf"],
        glossaries=["g"],
        pairing="all_above_margin",
        min_margin=0.01,
        valid_fraction=0.0,
        near_identical_chrf=100.0,
    )
    assert fusion_plan(config).weights == {"chrf": 0.5, "terminology": 0.5}
    assert "terminology" in fusion_plan(ScoreConfig(weights={"chrf": 1, "terminology": 1})).skipped
    ctx = JobContext(run_dir)
    run(config, ctx)
    ctx.close()
    scores = pq.read_table(run_dir / "outputs" / "scores.parquet").to_pylist()
    terms = {r["cand_id"]: r["value"] for r in scores if r["metric"] == "terminology"}
    # مشفى is a synonym this glossary does not list: a miss; "Good morning." has no term: nothing stored
    assert terms == {0: 1.0, 1: 0.0, 2: 0.0, 3: 0.0, 4: 0.0, 5: 1.0}
    pairs = pq.read_table(run_dir / "outputs" / "pairs.parquet").to_pylist()
    assert pairs
    for p in pairs:
        assert terms.get(p["chosen_cand"], 1.0) >= terms.get(p["rejected_cand"], 1.0), p
        chosen = json.loads(p["scores"])["chosen"]
        assert ("terminology" in chosen) == (p["source"] != "Good morning.")
    events = [json.loads(line) for line in (run_dir / "events.jsonl").read_text(encoding="utf-8").splitlines()]
    assert any(e.get("type") == "metric" and "mean_terminology" in e.get("values", e) for e in events)
