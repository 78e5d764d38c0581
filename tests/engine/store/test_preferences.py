"""The preference repository: candidates, scores and pairs loaded from job files, the exports for jobs, and the
queries of the preferences page."""

from __future__ import annotations

import json

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

GEN = "gen-1"
SCORE = "score-1"


def _candidates(first: int, sources: list[tuple[int, str]], per_source: int = 2) -> list[dict]:
    rows, cand_id = [], first
    for seg_id, source in sources:
        for k in range(per_source):
            rows.append(
                {
                    "cand_id": cand_id,
                    "corpus_id": 1,
                    "seg_id": seg_id,
                    "pair": "en-ar",
                    "split": "train",
                    "source": source,
                    "reference": f"ref {seg_id}",
                    "prompt": f"<en> {source}",
                    "text": f"cand {cand_id}",
                    "strategy": "beam" if k == 0 else "sample",
                    "params": json.dumps({"k": k}),
                    "n_samples": 1 + k,
                    "strategies": "beam,sample",
                }
            )
            cand_id += 1
    return rows


def _write(path, rows) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.Table.from_pylist(rows), path)
    return str(path)


def _pair(i: int, *, split="train", margin=0.5, run_cands=(0, 1), **extra) -> dict:
    return {
        "group_key": f"1:{i}",
        "pair": "en-ar",
        "source": f"src {i}",
        "prompt": f"<en> src {i}",
        "chosen": f"good {i}",
        "rejected": f"bad {i}",
        "margin": margin,
        "chosen_quality": 0.9,
        "rejected_quality": 0.9 - margin,
        "chosen_cand": run_cands[0],
        "rejected_cand": run_cands[1],
        "split": split,
        "strategy": "best_vs_worst",
        "scores": json.dumps({"chrf": [0.9, 0.4]}),
        **extra,
    }


@pytest.fixture
def generated(store, tmp_path):
    """A generate run's candidates (3 sources × 2, in two chunk files) loaded into the store."""
    chunks = tmp_path / "gen"
    _write(chunks / "chunk-0000.parquet", _candidates(0, [(1, "Hello."), (2, "Thanks.")]))
    _write(chunks / "chunk-0001.parquet", _candidates(4, [(3, "Bye.")]))
    _write(chunks / "other.parquet", _candidates(100, [(9, "not a chunk")]))
    with store.db.transaction() as cur:
        store.preferences.load_candidates(cur, GEN, chunks)
    return chunks


def _load_pairs(store, run_id, path, origin="synthetic", generate_run=GEN):
    with store.db.transaction() as cur:
        store.preferences.load_pairs(cur, run_id, origin, generate_run, path)


def test_candidates_load_from_every_chunk_once_and_export_in_order(store, generated, tmp_path):
    with store.db.transaction() as cur:
        store.preferences.load_candidates(cur, GEN, generated)  # ingested again: nothing doubles
    assert store.preferences.count_sources(GEN) == 3
    out = tmp_path / "export" / "candidates.parquet"
    assert store.preferences.export_candidates(GEN, out) == 6
    table = pq.read_table(out)
    assert table.column_names == [
        "cand_id",
        "corpus_id",
        "seg_id",
        "pair",
        "split",
        "source",
        "reference",
        "prompt",
        "text",
        "strategy",
        "n_samples",
    ]
    assert table.column("cand_id").to_pylist() == [0, 1, 2, 3, 4, 5]
    assert table.to_pylist()[4] == {
        "cand_id": 4,
        "corpus_id": 1,
        "seg_id": 3,
        "pair": "en-ar",
        "split": "train",
        "source": "Bye.",
        "reference": "ref 3",
        "prompt": "<en> Bye.",
        "text": "cand 4",
        "strategy": "beam",
        "n_samples": 1,
    }
    assert store.preferences.export_candidates("gen-unknown", tmp_path / "none.parquet") == 0
    assert store.preferences.count_sources("gen-unknown") == 0


def test_scores_load_once_and_make_wide_rows(store, generated, tmp_path):
    path = _write(
        tmp_path / "scores.parquet",
        [{"cand_id": c, "metric": m, "value": v} for c in range(6) for m, v in (("chrf", c / 10), ("rm", -c))],
    )
    for _ in range(2):
        with store.db.transaction() as cur:
            store.preferences.load_scores(cur, SCORE, GEN, path)
    assert store.db.query("SELECT count(*) FROM candidate_scores")[0][0] == 12
    table = sorted(store.preferences.score_table(SCORE), key=lambda r: r["cand_id"])
    assert table[3] == {"cand_id": 3, "strategy": "sample", "strategies": ["beam", "sample"], "chrf": 0.3,
                        "rm": -3.0}
    assert [r["strategy"] for r in table] == ["beam", "sample"] * 3
    assert store.preferences.score_table("score-unknown") == []
    with store.db.transaction() as cur:  # a candidate stored without its strategies counts for its strategy
        cur.execute("UPDATE candidates SET strategies = '' WHERE cand_id = 3")
    assert sorted(store.preferences.score_table(SCORE), key=lambda r: r["cand_id"])[3]["strategies"] == ["sample"]


def test_pairs_of_a_run_are_replaced_when_loaded_again(store, tmp_path):
    first = _write(tmp_path / "a.parquet", [_pair(i) for i in range(5)])
    _load_pairs(store, SCORE, first)
    _load_pairs(store, SCORE, first)
    assert store.preferences.count_pairs(run_ids=[SCORE]) == 5
    _load_pairs(store, SCORE, _write(tmp_path / "b.parquet", [_pair(i, margin=0.25) for i in range(2)]))
    assert [p["margin"] for p in store.preferences.pairs(run_ids=[SCORE])] == [0.25, 0.25]
    _load_pairs(store, "score-2", first)
    assert store.preferences.count_pairs() == 7 and store.preferences.count_pairs(run_ids=[SCORE]) == 2


def test_a_pair_file_that_cannot_be_read_keeps_the_pairs_stored_before(store, tmp_path):
    _load_pairs(store, SCORE, _write(tmp_path / "a.parquet", [_pair(i) for i in range(3)]))
    broken = _write(tmp_path / "broken.parquet", [{k: v for k, v in _pair(0).items() if k != "chosen"}])
    with pytest.raises(duckdb.BinderException, match="chosen"):
        _load_pairs(store, SCORE, broken)
    with pytest.raises(duckdb.IOException):
        _load_pairs(store, SCORE, tmp_path / "missing.parquet")
    assert store.preferences.count_pairs(run_ids=[SCORE]) == 3


def test_pairs_round_trip_with_their_origin_and_human_fields(store, tmp_path):
    _load_pairs(store, SCORE, _write(tmp_path / "s.parquet", [_pair(0)]))
    human = [
        _pair(1, linguist="Amal", judgement_id=7, weight=0.5),
        _pair(2, linguist="Yusuf", judgement_id=8, weight=None),
    ]
    _load_pairs(store, "align-1", _write(tmp_path / "h.parquet", human), origin="human", generate_run=None)
    synthetic, amal, yusuf = store.preferences.pairs()
    assert (
        synthetic["origin"],
        synthetic["run_id"],
        synthetic["gen_run_id"],
        synthetic["linguist"],
        synthetic["weight"],
    ) == ("synthetic", SCORE, GEN, None, 1.0)
    assert synthetic["scores"] == {"chrf": [0.9, 0.4]}
    assert {k: synthetic[k] for k in ("group_key", "source", "prompt", "chosen", "rejected", "margin", "split")} == {
        "group_key": "1:0",
        "source": "src 0",
        "prompt": "<en> src 0",
        "chosen": "good 0",
        "rejected": "bad 0",
        "margin": 0.5,
        "split": "train",
    }
    assert (amal["origin"], amal["gen_run_id"], amal["linguist"], amal["judgement_id"], amal["weight"]) == (
        "human",
        None,
        "Amal",
        7,
        0.5,
    )
    assert yusuf["weight"] is None
    assert synthetic["id"] < amal["id"] < yusuf["id"]


def test_pair_queries_filter_and_page(store, tmp_path):
    rows = [_pair(i, split="valid" if i % 4 == 0 else "train", margin=i / 10) for i in range(10)]
    _load_pairs(store, SCORE, _write(tmp_path / "s.parquet", rows))
    _load_pairs(
        store,
        "align-1",
        _write(tmp_path / "h.parquet", [_pair(20, linguist="A", judgement_id=1, weight=2.0)]),
        origin="human",
    )
    pairs = store.preferences
    assert pairs.count_pairs() == 11
    assert pairs.count_pairs(origin="human") == 1 and pairs.count_pairs(origin="synthetic") == 10
    assert pairs.count_pairs(split="valid") == 3
    assert pairs.count_pairs(run_ids=[SCORE], min_margin=0.5) == 5
    assert pairs.count_pairs(run_ids=["nope"]) == 0
    assert [p["group_key"] for p in pairs.pairs(run_ids=[SCORE], split="train", limit=3, offset=2)] == [
        "1:3",
        "1:5",
        "1:6",
    ]
    assert pairs.pairs(run_ids=[SCORE], limit=5, offset=10) == []
    assert sorted(pairs.margins([SCORE])) == pytest.approx([i / 10 for i in range(10)])
    assert pairs.margins(["nope"]) == []


def test_pair_sets_count_each_run(store, tmp_path):
    _load_pairs(
        store,
        SCORE,
        _write(
            tmp_path / "s.parquet",
            [_pair(i, split="valid" if i == 0 else "train", margin=0.2 * (i + 1)) for i in range(4)],
        ),
    )
    _load_pairs(
        store,
        "align-1",
        _write(tmp_path / "h.parquet", [_pair(9, linguist="A", judgement_id=1, weight=1.0)]),
        origin="human",
    )
    sets = {s["run_id"]: s for s in store.preferences.pair_sets()}
    assert set(sets) == {SCORE, "align-1"}
    s = sets[SCORE]
    assert (s["origin"], s["gen_run_id"], s["pairs"], s["train"], s["valid"]) == ("synthetic", GEN, 4, 3, 1)
    assert s["mean_margin"] == pytest.approx(0.5)
    assert [s["run_id"] for s in store.preferences.pair_sets(origin="human")] == ["align-1"]


def test_export_pairs_reads_back_with_weights_in_id_order(store, tmp_path):
    _load_pairs(
        store, SCORE, _write(tmp_path / "s.parquet", [_pair(i, split=("train", "valid")[i % 2]) for i in range(4)])
    )
    _load_pairs(
        store,
        "align-1",
        _write(tmp_path / "h.parquet", [_pair(5, linguist="A", judgement_id=3, weight=None)]),
        origin="human",
    )
    out = tmp_path / "train" / "pairs.parquet"
    assert store.preferences.export_pairs(out, split="train") == 3
    rows = duckdb.sql(
        f"SELECT group_key, origin, weight, linguist, chosen FROM read_parquet('{out}') ORDER BY id"
    ).fetchall()
    assert rows == [
        ("1:0", "synthetic", 1.0, None, "good 0"),
        ("1:2", "synthetic", 1.0, None, "good 2"),
        ("1:5", "human", 1.0, "A", "good 5"),
    ]
    assert store.preferences.export_pairs(tmp_path / "v.parquet", run_ids=[SCORE], split="valid") == 2
    assert store.preferences.export_pairs(tmp_path / "h.parquet2", origin="human") == 1


def test_scored_sources_group_candidates_with_scores_and_pair_roles(store, generated, tmp_path):
    _write(tmp_path / "scores.parquet", [{"cand_id": c, "metric": "chrf", "value": c / 10} for c in range(6)])
    with store.db.transaction() as cur:
        store.preferences.load_scores(cur, SCORE, GEN, tmp_path / "scores.parquet")
    # source 1: cand 0 beats 1; source 2: cand 3 beats 2 (and again for a second strategy)
    pairs = [
        _pair(0, run_cands=(0, 1)) | {"group_key": "1:1"},
        _pair(1, run_cands=(3, 2)) | {"group_key": "1:2"},
        _pair(2, run_cands=(3, 2)) | {"group_key": "1:2", "strategy": "adjacent"},
    ]
    _load_pairs(store, SCORE, _write(tmp_path / "p.parquet", pairs))
    sources = store.preferences.scored_sources(GEN, SCORE)
    assert [s["group_key"] for s in sources] == ["1:1", "1:2", "1:3"]
    assert (sources[0]["source"], sources[0]["reference"]) == ("Hello.", "ref 1")
    first, second = sources[1]["candidates"]
    assert (first["cand_id"], first["text"], first["scores"], first["roles"]) == (
        2,
        "cand 2",
        {"chrf": 0.2},
        ["rejected"],
    )
    assert (second["cand_id"], second["roles"]) == (3, ["chosen"])
    assert [c["roles"] for c in sources[2]["candidates"]] == [[], []]
    assert [s["group_key"] for s in store.preferences.scored_sources(GEN, SCORE, limit=1, offset=2)] == ["1:3"]
    unscored = store.preferences.scored_sources(GEN, None)
    assert [[c["cand_id"] for c in s["candidates"]] for s in unscored] == [[0, 1], [2, 3], [4, 5]]
    assert unscored[0]["candidates"][0]["scores"] == {} and unscored[0]["candidates"][0]["roles"] == []
    assert store.preferences.scored_sources("gen-unknown", SCORE) == []
    assert store.preferences.scored_sources(GEN, SCORE, offset=3) == []


def test_a_strategy_picks_the_sources_that_have_a_candidate_of_it_shown_with_all_their_candidates(store, tmp_path):
    rows = _candidates(0, [(1, "Hello.")]) + [
        {**_candidates(10, [(2, "Only sampled.")], per_source=2)[1], "cand_id": 10, "strategies": "sample"},
        {**_candidates(10, [(2, "Only sampled.")], per_source=2)[1], "cand_id": 11, "text": "cand 11",
         "strategies": "sample"},
        # beam:4 wrote greedy's text: stored once, under the first strategy, with both in ``strategies``
        {**_candidates(12, [(3, "Both agree.")], per_source=1)[0], "strategy": "greedy",
         "strategies": "greedy,beam:4"},
    ]
    _write(tmp_path / "g" / "chunk-0000.parquet", rows)
    with store.db.transaction() as cur:
        store.preferences.load_candidates(cur, GEN, tmp_path / "g")
    assert [s["group_key"] for s in store.preferences.scored_sources(GEN, None, strategy="sample")] == ["1:1", "1:2"]
    only_beam = store.preferences.scored_sources(GEN, None, strategy="beam")
    assert [s["group_key"] for s in only_beam] == ["1:1"]
    assert [c["strategy"] for c in only_beam[0]["candidates"]] == ["beam", "sample"]
    # a strategy counts for every candidate it wrote: beam:4's source was filtered out, and beam:4 not offered
    assert [s["group_key"] for s in store.preferences.scored_sources(GEN, None, strategy="beam:4")] == ["1:3"]
    assert store.preferences.run_strategies(GEN) == ["beam", "beam:4", "greedy", "sample"]
    assert [store.preferences.count_sources(GEN, s) for s in (None, "beam", "sample", "beam:4", "top_k")] == [
        3, 1, 2, 1, 0]
    assert store.preferences.scored_sources(GEN, None, strategy="top_k") == []
