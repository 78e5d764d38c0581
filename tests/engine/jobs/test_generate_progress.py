"""Generation reports progress per batch, not per saved chunk (in-process on the tiny model: no subprocess)."""

from __future__ import annotations

import json

import pyarrow as pa
import pyarrow.parquet as pq

from engine.jobs.context import JobContext
from engine.jobs.generate import GenerateConfig, run
from engine.models.refs import ModelRef


def test_progress_moves_with_every_batch_and_has_an_eta(tmp_path, tiny_policy_dir, one_torch_thread):
    run_dir = tmp_path / "run"
    (run_dir / "inputs").mkdir(parents=True)
    ModelRef("tiny-sft", str(tiny_policy_dir), "policy", "tags").save(run_dir / "inputs" / "model.json")
    sources = [{"corpus_id": 1, "seg_id": i, "pair": "en-ar", "split": "train", "source": f"Good morning {i}",
                "target": "صباح الخير"} for i in range(12)]
    pq.write_table(pa.Table.from_pylist(sources), run_dir / "inputs" / "sources.parquet")
    ctx = JobContext(run_dir)
    # one chunk of 128 sources held all 12: the bar stood at 0 until the whole chunk was done
    run(GenerateConfig(model="tiny-sft", corpus_ids=[1], strategies=["greedy", "temperature:1.0x2", "top_k:20"],
                       batch_size=4, max_new_tokens=4, chunk_sources=128), ctx)
    ctx.close()
    events = [json.loads(line) for line in (run_dir / "events.jsonl").read_text(encoding="utf-8").splitlines()]
    done = [e["done"] for e in events if e["type"] == "progress"]
    assert done[0] == 0 and done[-1] == 12
    partial = [d for d in done if 0 < d < 12]
    # 3 batches of 4 sources, every strategy decoded together in each (engine.decoding.loop): the bar moves with
    # each batch
    assert partial == [4, 8], done
    assert any(e.get("eta_s") for e in events if e["type"] == "progress" and 0 < e["done"] < 12)
