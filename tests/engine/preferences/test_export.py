"""The exported preference pairs: ``strategy`` is the decoding strategy, not the pairing mode."""

from __future__ import annotations

import json

import pyarrow as pa
import pyarrow.parquet as pq

from engine.preferences.export import export_preferences, pair_records


def learnable_pair_rows(n: int) -> list[dict]:
    return [{"group_key": f"1:{i}", "pair": "en-ar", "source": f"Good morning {i}",
             "prompt": f"<en> Good morning {i} <ar>",
             "chosen": f"صباح الخير {i}", "rejected": f"مساء {i}", "margin": 0.5, "chosen_quality": 0.8,
             "rejected_quality": 0.3, "chosen_cand": 2 * i, "rejected_cand": 2 * i + 1, "split": "train",
             "strategy": "", "scores": "{}"} for i in range(n)]


def _load(store, folder, rows, run_id="score-x"):
    path = folder / f"{run_id}.parquet"
    pq.write_table(pa.Table.from_pylist(rows), path)
    with store.db.transaction() as cur:
        store.preferences.load_pairs(cur, run_id, "synthetic", None, path)


def test_strategy_is_the_decoding_strategy_of_the_chosen_translation(store, tmp_path):
    rows = learnable_pair_rows(4)
    for row in rows:  # as the score job writes them now
        row["strategy"] = "temperature:0.7"
        row["scores"] = json.dumps({"chosen": {}, "rejected": {}, "pairing": "best_vs_each",
                                    "chosen_strategy": "temperature:0.7", "rejected_strategy": "greedy"})
    _load(store, tmp_path, rows)
    records = pair_records(store, origin="synthetic")
    assert {(r["strategy"], r["rejected_strategy"], r["pairing"]) for r in records} == {
        ("temperature:0.7", "greedy", "best_vs_each")}
    out = export_preferences(store, tmp_path / "export")
    first = json.loads(out["jsonl"].read_text(encoding="utf-8").splitlines()[0])
    assert first["strategy"] == "temperature:0.7" and first["pairing"] == "best_vs_each"


def test_pairs_stored_with_the_pairing_mode_export_their_decoding_strategy(store, tmp_path):
    rows = learnable_pair_rows(3)
    for row in rows:  # as the score job stored them before: the pairing mode in the strategy column
        row["strategy"] = "best_vs_each"
        row["scores"] = json.dumps({"chosen": {}, "rejected": {}, "chosen_strategy": "top_p:0.9",
                                    "rejected_strategy": "beam:4"})
    _load(store, tmp_path, rows)
    record = pair_records(store, origin="synthetic")[0]
    assert (record["strategy"], record["rejected_strategy"], record["pairing"]) == ("top_p:0.9", "beam:4",
                                                                                   "best_vs_each")
