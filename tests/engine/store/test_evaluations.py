"""The evaluation repository: content-addressed test sets, cached evaluations loaded from an evaluate job's files,
their exports, and blind A/B judgements (``tests/engine/compare`` covers the comparisons built on top)."""

from __future__ import annotations

from datetime import datetime, timedelta

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from engine.store import evaluations as evaluations_module  # not its testset_id_for: pytest would collect it

ROWS = [
    {"source": "Good morning.", "reference": "صباح الخير.", "pair": "en-ar", "corpus_id": 1, "seg_id": 4},
    {"source": "Bonjour.", "reference": None, "pair": "fr-ar"},
    {"source": "Thank you.", "reference": "شكرا.", "pair": "en-ar"},
]


@pytest.fixture
def clock(monkeypatch):
    """The repository's clock, stepping one second per reading from a fixed start."""
    ticks = iter(datetime(2026, 1, 1) + timedelta(seconds=i) for i in range(10_000))
    monkeypatch.setattr(evaluations_module, "utc_now", lambda: next(ticks))


def _write(path, table: pa.Table) -> str:
    pq.write_table(table, path)
    return str(path)


def _outputs(tmp_path, name: str, texts: list[str]) -> str:
    return _write(
        tmp_path / f"{name}-outputs.parquet",
        pa.table(
            {
                "idx": pa.array(range(len(texts)), pa.int32()),
                "output": texts,
                "strategy": ["beam"] * len(texts),
                "n_candidates": pa.array([4] * len(texts), pa.int32()),
            }
        ),
    )


def _scores(tmp_path, name: str, metric: str, values: list[float]) -> str:
    return _write(
        tmp_path / f"{name}-{metric}.parquet",
        pa.table({"idx": pa.array(range(len(values)), pa.int32()), "metric": [metric] * len(values), "value": values}),
    )


def _load(store, run_id: str, **event) -> None:
    with store.db.transaction() as cur:
        store.evaluations.load_evaluation(cur, run_id, event)


def _evaluate(store, tmp_path, key: str, testset: str, texts: list[str], chrf: list[float], run_id: str = "eval-1"):
    _load(
        store,
        run_id,
        key=key,
        model=f"model-{key}",
        model_path=f"/models/{key}",
        testset_id=testset,
        decoding={"strategy": "beam", "beams": 4},
        decoding_label="beam ×4",
        metrics={"chrf": "sacrebleu"},
        settings={"max_new_tokens": 64},
        outputs=_outputs(tmp_path, key, texts),
        scores=_scores(tmp_path, key, "chrf", chrf),
    )


def test_a_test_set_round_trips_and_its_id_is_its_content(store):
    testset = store.evaluations.add_testset("daily", "corpus", ROWS, details={"corpora": [1]})
    assert testset == evaluations_module.testset_id_for(ROWS) and testset.startswith("ts-")
    got = store.evaluations.get_testset(testset)
    assert (got["name"], got["origin"], got["size"], got["details"]) == ("daily", "corpus", 3, {"corpora": [1]})
    assert store.evaluations.segments(testset) == [
        {"idx": 0, "source": "Good morning.", "reference": "صباح الخير.", "pair": "en-ar", "corpus_id": 1, "seg_id": 4},
        {"idx": 1, "source": "Bonjour.", "reference": None, "pair": "fr-ar", "corpus_id": None, "seg_id": None},
        {"idx": 2, "source": "Thank you.", "reference": "شكرا.", "pair": "en-ar", "corpus_id": None, "seg_id": None},
    ]
    assert evaluations_module.testset_id_for(ROWS[::-1]) != testset  # order is content
    assert evaluations_module.testset_id_for([{**ROWS[1], "reference": ""}]) == evaluations_module.testset_id_for(
        [ROWS[1]]
    )  # no reference = ''


def test_a_test_set_origin_outside_the_table_is_refused(store):
    with pytest.raises(duckdb.ConstraintException):
        store.evaluations.add_testset("x", "scraped", ROWS)
    assert store.evaluations.testsets() == []


def test_unknown_ids_answer_none_or_nothing(store, tmp_path):
    assert store.evaluations.get_testset("ts-nope") is None and store.evaluations.get("nope") is None
    assert store.evaluations.segments("ts-nope") == [] and store.evaluations.list(testset_id="ts-nope") == []
    assert store.evaluations.outputs([]) == {} and store.evaluations.scores([]) == {}
    assert store.evaluations.outputs(["nope"]) == {"nope": {}} and store.evaluations.scores(["nope"]) == {"nope": {}}
    assert store.evaluations.export_testset("ts-nope", tmp_path / "t.parquet") == 0
    assert store.evaluations.judgements() == [] and store.evaluations.judged("A", "ts-nope", ("a", "b")) == set()
    store.evaluations.delete("nope")  # nothing to forget: no error


def test_an_evaluation_round_trips_its_settings_outputs_and_scores(store, tmp_path):
    testset = store.evaluations.add_testset("daily", "corpus", ROWS)
    _evaluate(store, tmp_path, "k1", testset, ["صباح", "مرحبا", "شكرا"], [50.0, 20.0, 80.0])
    evaluation = store.evaluations.get("k1")
    assert {
        k: evaluation[k]
        for k in (
            "model",
            "model_path",
            "testset_id",
            "decoding",
            "decoding_label",
            "run_id",
            "scored_by",
            "metrics",
            "settings",
        )
    } == {
        "model": "model-k1",
        "model_path": "/models/k1",
        "testset_id": testset,
        "decoding": {"strategy": "beam", "beams": 4},
        "decoding_label": "beam ×4",
        "run_id": "eval-1",
        "scored_by": "eval-1",
        "metrics": {"chrf": "sacrebleu"},
        "settings": {"max_new_tokens": 64},
    }
    assert store.evaluations.outputs(["k1"]) == {"k1": {0: "صباح", 1: "مرحبا", 2: "شكرا"}}
    assert store.evaluations.scores(["k1"]) == {"k1": {"chrf": {0: 50.0, 1: 20.0, 2: 80.0}}}


def test_a_new_translation_replaces_outputs_and_rescoring_replaces_only_its_metric(store, tmp_path):
    testset = store.evaluations.add_testset("daily", "corpus", ROWS)
    _evaluate(store, tmp_path, "k1", testset, ["a", "b", "c"], [1.0, 2.0, 3.0])
    _load(store, "eval-2", key="k1", metrics={"rm": "tiny-rm"}, scores=_scores(tmp_path, "k1", "rm", [0.1, 0.2, 0.3]))
    _load(
        store,
        "eval-3",
        key="k1",
        metrics={"chrf": "sacrebleu 2"},
        scores=_scores(tmp_path, "k1b", "chrf", [9.0, 8.0, 7.0]),
        outputs=_outputs(tmp_path, "k1b", ["x", "y"]),
    )
    evaluation = store.evaluations.get("k1")
    assert evaluation["metrics"] == {"chrf": "sacrebleu 2", "rm": "tiny-rm"}
    assert (evaluation["run_id"], evaluation["scored_by"]) == ("eval-3", "eval-3")
    assert store.evaluations.outputs(["k1"]) == {"k1": {0: "x", 1: "y"}}  # the old third output is gone
    assert store.evaluations.scores(["k1"])["k1"] == {"chrf": {0: 9.0, 1: 8.0, 2: 7.0}, "rm": {0: 0.1, 1: 0.2, 2: 0.3}}


def test_list_is_newest_first_and_filters_by_test_set_and_run(store, tmp_path, clock):
    first = store.evaluations.add_testset("one", "corpus", ROWS)
    second = store.evaluations.add_testset("two", "upload", ROWS[:1])
    _evaluate(store, tmp_path, "a", first, ["a"] * 3, [1.0] * 3, run_id="r1")
    _evaluate(store, tmp_path, "b", second, ["b"], [1.0], run_id="r2")
    _evaluate(store, tmp_path, "c", first, ["c"] * 3, [1.0] * 3, run_id="r3")
    assert [e["key"] for e in store.evaluations.list()] == ["c", "b", "a"]
    assert [e["key"] for e in store.evaluations.list(testset_id=first)] == ["c", "a"]
    _load(store, "r4", key="a", metrics={"rm": "rm"}, scores=_scores(tmp_path, "a", "rm", [0.0] * 3))
    assert [e["key"] for e in store.evaluations.list()] == ["a", "c", "b"]  # rescored: newest again
    assert [e["key"] for e in store.evaluations.list(run_id="r1")] == ["a"]  # it translated
    assert [e["key"] for e in store.evaluations.list(run_id="r4")] == ["a"]  # it scored
    assert [e["key"] for e in store.evaluations.list(testset_id=second, run_id="r1")] == []
    listed = store.evaluations.testsets()
    assert [(t["id"], t["evaluations"]) for t in listed] == [(first, 2), (second, 1)]
    third = store.evaluations.add_testset("never evaluated", "upload", ROWS[2:])
    assert [t["id"] for t in store.evaluations.testsets()] == [first, second, third]


def test_exports_read_back(store, tmp_path):
    testset = store.evaluations.add_testset("daily", "corpus", ROWS)
    _evaluate(store, tmp_path, "k1", testset, ["a", "b", "c"], [1.0, 2.0, 3.0])
    out = tmp_path / "jobs" / "testset.parquet"
    assert store.evaluations.export_testset(testset, out) == 3
    assert pq.read_table(out).to_pylist() == [
        {"idx": 0, "source": "Good morning.", "reference": "صباح الخير.", "pair": "en-ar"},
        {"idx": 1, "source": "Bonjour.", "reference": "", "pair": "fr-ar"},
        {"idx": 2, "source": "Thank you.", "reference": "شكرا.", "pair": "en-ar"},
    ]
    outputs = tmp_path / "jobs" / "outputs.parquet"
    assert store.evaluations.export_outputs("k1", outputs) == 3
    assert duckdb.sql(f"SELECT idx, output, strategy, n_candidates FROM '{outputs}'").fetchall() == [
        (0, "a", "beam", 4),
        (1, "b", "beam", 4),
        (2, "c", "beam", 4),
    ]


def test_delete_forgets_an_evaluation_and_only_it(store, tmp_path):
    testset = store.evaluations.add_testset("daily", "corpus", ROWS)
    _evaluate(store, tmp_path, "k1", testset, ["a"] * 3, [1.0] * 3)
    _evaluate(store, tmp_path, "k2", testset, ["b"] * 3, [2.0] * 3)
    store.evaluations.delete("k1")
    assert store.evaluations.get("k1") is None
    assert store.evaluations.outputs(["k1", "k2"]) == {"k1": {}, "k2": {0: "b", 1: "b", 2: "b"}}
    assert store.evaluations.scores(["k1"]) == {"k1": {}}
    assert [e["key"] for e in store.evaluations.list()] == ["k2"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("ts", 0, "  ", "a", "b", "left"), "linguist's name"),
        (("ts", 0, "Amal", "a", "b", "both"), "left, right or tie"),
        (("ts", 0, "Amal", "a", "a", "left"), "two different systems"),
    ],
)
def test_a_judgement_that_cannot_be_right_is_refused(store, args, message):
    with pytest.raises(ValueError, match=message):
        store.evaluations.record_judgement(*args)
    with pytest.raises(ValueError, match="role must be one of"):
        store.evaluations.record_judgement("ts", 0, "Amal", "a", "b", "left", role="boss")
    assert store.evaluations.judgements() == []


def test_judgements_record_the_winner_and_filter_by_test_set_and_systems(store):
    first = store.evaluations.record_judgement("ts-1", 0, " Amal ", "a", "b", "left")
    store.evaluations.record_judgement("ts-1", 1, "Amal", "b", "a", "right", role="lead")
    store.evaluations.record_judgement("ts-1", 2, "Omar", "a", "c", "tie")
    store.evaluations.record_judgement("ts-2", 0, "Amal", "a", "b", "right")
    rows = store.evaluations.judgements("ts-1")
    assert [
        (r["id"] - first, r["idx"], r["linguist"], r["role"], r["left"], r["right"], r["choice"], r["winner"])
        for r in rows
    ] == [
        (0, 0, "Amal", "linguist", "a", "b", "left", "a"),
        (1, 1, "Amal", "lead", "b", "a", "right", "a"),
        (2, 2, "Omar", "linguist", "a", "c", "tie", None),
    ]
    assert [r["idx"] for r in store.evaluations.judgements("ts-1", systems=["a", "b"])] == [0, 1]
    assert store.evaluations.judgements(systems=[]) == []
    assert len(store.evaluations.judgements()) == 4
    assert store.evaluations.judged("Amal", "ts-1", ("a", "b")) == {0, 1}
    assert store.evaluations.judged(" Amal", "ts-1", ("b", "a")) == {0, 1}
    assert store.evaluations.judged("Amal", "ts-1", ("a", "c")) == set()
    assert store.evaluations.judged("Omar", "ts-1", ("c", "a")) == {2}
