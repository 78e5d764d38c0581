"""Evaluations written straight into a store (no job): a test set and systems with known outputs."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from engine.jobs.evaluate import CHECK_FLAGS
from engine.metrics import get_metric, run_checks

ROWS = [
    ("Where is the station?", "أين المحطة؟"),
    ("I would like a coffee, please.", "أريد قهوة من فضلك."),
    ("The museum opens at nine.", "يفتح المتحف في الساعة التاسعة."),
    ("How much does this cost?", "كم ثمن هذا؟"),
    ("My brother lives in Cairo.", "يعيش أخي في القاهرة."),
    ("We are going to the sea tomorrow.", "سنذهب إلى البحر غداً."),
    ("The weather is nice today.", "الطقس جميل اليوم."),
    ("Please close the window.", "من فضلك أغلق النافذة."),
]


def add_testset(store, name: str = "travel · test") -> str:
    """The eight sentences of :data:`ROWS` as an EN→AR test set."""
    return store.evaluations.add_testset(name, "upload", [{"source": s, "reference": r, "pair": "en-ar"}
                                                          for s, r in ROWS])


def add_evaluation(store, folder: Path, testset_id: str, model: str, outputs: list[str], *,
                   decoding_label: str = "greedy · ≤64 tokens", run_id: str = "evaluate-fixture",
                   extra: dict[str, list[float]] | None = None, specs: dict[str, str] | None = None,
                   key: str | None = None) -> str:
    """Score ``outputs`` with chrF/BLEU/TER and the checks, and ingest them as an evaluation of ``model``
    (``specs``: how a metric was computed, where not the fixture's ``test``)."""
    segments = store.evaluations.segments(testset_id)
    sources, refs = [s["source"] for s in segments], [s["reference"] for s in segments]
    values = {m: get_metric(m).score(sources, outputs, refs) for m in ("chrf", "bleu", "ter")}
    checks = run_checks(sources, outputs)
    values["hallucination"] = [0.0 if c.passes else 1.0 for c in checks]
    for flag in CHECK_FLAGS:
        values[f"flag_{flag}"] = [1.0 if getattr(c, flag) else 0.0 for c in checks]
    values.update(extra or {})
    key = key or f"ev-{model}-{hashlib.sha1(decoding_label.encode()).hexdigest()[:6]}"
    folder.mkdir(parents=True, exist_ok=True)
    out_path, score_path = folder / f"{key}-outputs.parquet", folder / f"{key}-scores.parquet"
    pq.write_table(pa.table({"idx": pa.array(range(len(outputs)), pa.int32()), "output": outputs,
                             "strategy": ["greedy"] * len(outputs), "n_candidates": pa.array([1] * len(outputs),
                                                                                              pa.int32())}), out_path)
    long = [(i, m, float(v)) for m, vs in values.items() for i, v in enumerate(vs)]
    pq.write_table(pa.table({"idx": pa.array([r[0] for r in long], pa.int32()), "metric": [r[1] for r in long],
                             "value": [r[2] for r in long]}), score_path)
    event = {"key": key, "model": model, "model_path": f"/models/{model}", "testset_id": testset_id,
             "decoding": {"strategy": "greedy", "max_new_tokens": 64, "best_of_n": 0},
             "decoding_label": decoding_label, "metrics": {**{m: "test" for m in [*values, "checks"]}, **(specs or {})},
             "settings": {"arabic_normalise": True, "max_new_tokens": 64}, "outputs": str(out_path),
             "scores": str(score_path)}
    with store.db.transaction() as cur:
        store.evaluations.load_evaluation(cur, run_id, event)
    return key


def references() -> list[str]:
    return [r for _, r in ROWS]


def degraded() -> list[str]:
    """Worse translations: each reference with its last word dropped and a Latin word added."""
    return [" ".join(r.split()[:-1] + ["the"]) if len(r.split()) > 1 else "the" for _, r in ROWS]


def seed_two_systems(store, folder: Path) -> tuple[str, str, str]:
    """A test set with a good system (the references, one sentence changed) and a worse one; returns ids/keys."""
    testset = add_testset(store)
    good = references()
    good[2] = "المتحف يفتح في التاسعة."
    key_good = add_evaluation(store, folder, testset, "final-v1", good)
    key_bad = add_evaluation(store, folder, testset, "sft-v1", degraded())
    return testset, key_good, key_bad
