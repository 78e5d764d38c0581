"""The feedback repository: linguists, translation requests, judgements stored once, and review queues handed out
by the store's clock (``tests/engine/feedback`` covers the same tables through the feedback engine, with models)."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta

import duckdb
import pyarrow as pa
import pytest

from engine.feedback.judgements import Judgement
from engine.store import feedback as feedback_module
from engine.store.feedback import ASSIGNMENT_TIMEOUT, SubmissionConflict

T0 = datetime(2026, 3, 1, 9, 0)


def _corpus(store, n: int = 6) -> int:
    rows = [
        {
            "line": i + 1,
            "source": f"Sentence {i + 1}.",
            "target": f"جملة {i + 1}.",
            "pair": "en-ar",
            "split": "test" if i % 2 else "train",
            "norm_key": str(i),
        }
        for i in range(n)
    ]
    return store.corpora.add("c", "en-ar", pa.Table.from_pylist(rows))


def _request(store, request_id: str, *, linguist="Amal", model="m1", created_at=None, queue=(None, None)) -> str:
    return store.feedback.add_request(
        {
            "id": request_id,
            "created_at": created_at,
            "linguist": linguist,
            "source": f"source of {request_id}",
            "pair": "en-ar",
            "detected": "en",
            "model": model,
            "rm": "rm1",
            "strategies": ["beam", "sample"],
            "settings": {"n": 3},
            "generate_s": 1.5,
            "score_s": 0.25,
            "queue_id": queue[0],
            "item_id": queue[1],
        },
        [
            {
                "text": "best",
                "rm_score": 0.9,
                "rm_spread": 0.125,
                "strategy": "beam",
                "strategies": ["beam", "sample"],
                "n_samples": 2,
            },
            {"text": "middle", "rm_score": 0.5, "strategy": "sample"},
            {"text": "worst", "rm_score": None, "strategy": "sample"},
        ],
    )


def _judge(
    store, sid: str, request_id: str, linguist: str = "Amal", *, kind="ranking", model="m1", queue=None, item=None
):
    ranking = [0, 2, 1] if kind == "ranking" else None
    judgement = Judgement(
        sid,
        request_id,
        linguist,
        kind,
        [2, 0, 1],
        ranking=ranking,
        best=0 if kind in ("ranking", "best") else None,
        correction="تصحيح" if kind == "post_edit" else None,
        tags=["fluency", "نحو"],
        comment="ok",
        queue_id=queue,
        item_id=item,
    )
    return store.feedback.add_judgement(judgement, model=model, rm="rm1")


def _queue(store, corpus_id: int, *, name="q", k=1, split="train", sample_size=0, seed=0) -> int:
    return store.feedback.create_queue(
        name=name,
        corpus_ids=[corpus_id],
        split=split,
        k=k,
        model="m1",
        rm=None,
        strategies=["beam"],
        settings={"n": 4},
        linguists=["Amal", "Omar"],
        created_by="Lead",
        sample_size=sample_size,
        seed=seed,
    )


def test_linguists_are_remembered_once_in_alphabetical_order(store):
    for name in ("omar", "Amal", "Zaid", "amal", "Amal"):
        store.feedback.register_linguist(name)
    assert store.feedback.linguists() == ["Amal", "amal", "omar", "Zaid"]


def test_a_request_round_trips_with_its_candidates_in_reward_order(store):
    assert _request(store, "r1", created_at=T0) == "r1"
    req = store.feedback.request("r1")
    assert {
        k: req[k]
        for k in (
            "id",
            "created_at",
            "linguist",
            "source",
            "pair",
            "detected",
            "model",
            "rm",
            "strategies",
            "settings",
            "generate_s",
            "score_s",
            "queue_id",
            "item_id",
        )
    } == {
        "id": "r1",
        "created_at": T0,
        "linguist": "Amal",
        "source": "source of r1",
        "pair": "en-ar",
        "detected": "en",
        "model": "m1",
        "rm": "rm1",
        "strategies": ["beam", "sample"],
        "settings": {"n": 3},
        "generate_s": 1.5,
        "score_s": 0.25,
        "queue_id": None,
        "item_id": None,
    }
    assert req["candidates"] == [
        {
            "position": 0,
            "text": "best",
            "rm_score": 0.9,
            "rm_spread": 0.125,  # an ensemble's spread (migration 0014); None for a single reward model
            "strategy": "beam",
            "strategies": "beam,sample",
            "n_samples": 2,
            "cut": False,  # stopped at an end token (migration 0016)
        },
        {
            "position": 1,
            "text": "middle",
            "rm_score": 0.5,
            "rm_spread": None,
            "strategy": "sample",
            "strategies": "",
            "n_samples": 1,
            "cut": False,
        },
        {
            "position": 2,
            "text": "worst",
            "rm_score": None,
            "rm_spread": None,
            "strategy": "sample",
            "strategies": "",
            "n_samples": 1,
            "cut": False,
        },
    ]
    assert store.feedback.request("nope") is None


def test_a_duplicate_request_id_is_refused_and_stores_no_second_candidate(store):
    _request(store, "r1")
    with pytest.raises(duckdb.ConstraintException):
        _request(store, "r1", linguist="Omar")
    assert store.feedback.request("r1")["linguist"] == "Amal"
    assert len(store.feedback.request("r1")["candidates"]) == 3


def test_a_judgement_is_stored_once_per_submission(store):
    _request(store, "r1")
    first = _judge(store, "s1", "r1")
    again = _judge(store, "s1", "r1")
    assert first.stored and not again.stored and again.judgement_id == first.judgement_id
    row = store.feedback.judgement("s1")
    assert {
        k: row[k]
        for k in (
            "id",
            "request_id",
            "linguist",
            "kind",
            "shown",
            "ranking",
            "best",
            "none_acceptable",
            "correction",
            "tags",
            "comment",
            "model",
            "rm",
        )
    } == {
        "id": first.judgement_id,
        "request_id": "r1",
        "linguist": "Amal",
        "kind": "ranking",
        "shown": [2, 0, 1],
        "ranking": [0, 2, 1],
        "best": 0,
        "none_acceptable": False,
        "correction": None,
        "tags": ["fluency", "نحو"],
        "comment": "ok",
        "model": "m1",
        "rm": "rm1",
    }
    assert store.feedback.count_judgements() == 1
    assert store.feedback.judgement("nope") is None


def test_a_submission_id_reused_by_someone_else_is_refused_not_confirmed(store):
    _request(store, "r1")
    _request(store, "r2")
    _judge(store, "s1", "r1", "Amal")
    with pytest.raises(SubmissionConflict, match="already submitted for another judgement"):
        _judge(store, "s1", "r1", "Omar")
    with pytest.raises(SubmissionConflict):
        _judge(store, "s1", "r2", "Amal")
    assert [j["linguist"] for j in store.feedback.judgements()] == ["Amal"]


def test_judgement_queries_filter_order_and_count(store, monkeypatch):
    times = iter(T0 + timedelta(hours=i) for i in range(100))
    monkeypatch.setattr(feedback_module, "utc_now", lambda: next(times))
    _request(store, "r1", created_at=T0)
    _request(store, "r2", model="m2", created_at=T0)
    plan = [
        ("s1", "r1", "Amal", "ranking", "m1"),
        ("s2", "r1", "Omar", "none", "m1"),
        ("s3", "r2", "Amal", "post_edit", "m2"),
        ("s4", "r2", "Zaid", "best", "m2"),
    ]
    ids = [_judge(store, sid, rid, who, kind=kind, model=model).judgement_id for sid, rid, who, kind, model in plan]
    fb = store.feedback
    assert [j["submission_id"] for j in fb.judgements()] == ["s1", "s2", "s3", "s4"]
    assert [j["id"] for j in fb.judgements(newest_first=True)] == ids[::-1]
    assert [j["submission_id"] for j in fb.judgements(linguists=["Amal"])] == ["s1", "s3"]
    assert [j["submission_id"] for j in fb.judgements(models=["m2"])] == ["s3", "s4"]
    assert [j["submission_id"] for j in fb.judgements(request_id="r1")] == ["s1", "s2"]
    # judged at T0, T0 + 1 h, + 2 h, + 3 h: since is inclusive, until exclusive
    since, until = T0 + timedelta(hours=1), T0 + timedelta(hours=3)
    assert [j["submission_id"] for j in fb.judgements(since=since, until=until)] == ["s2", "s3"]
    assert [j["submission_id"] for j in fb.judgements(limit=2, offset=1)] == ["s2", "s3"]
    assert fb.judgements(linguists=["Nobody"]) == [] and fb.judgements(queue_id=1) == []
    first = fb.judgements()[0]
    assert (first["source"], first["pair"]) == ("source of r1", "en-ar")
    assert fb.judgements(request_id="r2")[0]["correction"] == "تصحيح"
    assert fb.judgements(linguists=["Omar"])[0]["none_acceptable"] is True
    assert fb.count_judgements(linguists=["Amal", "Zaid"], models=["m2"]) == 2
    assert fb.count_judgements(since=since) == 3
    assert fb.volume() == {
        "judgements": 4,
        "linguists": 3,
        "per_kind": {"ranking": 1, "none": 1, "post_edit": 1, "best": 1},
    }
    assert fb.judged_models() == ["m1", "m2"] and fb.judging_linguists() == ["Amal", "Omar", "Zaid"]
    assert [c["text"] for c in fb.candidates_of(["r2", "nope"])["r2"]] == ["best", "middle", "worst"]
    assert set(fb.candidates_of(["r1", "r2", "nope"])) == {"r1", "r2"} and fb.candidates_of([]) == {}


def test_a_queue_round_trips_and_holds_the_split_in_order(store):
    corpus_id = _corpus(store)
    queue_id = _queue(store, corpus_id, k=2)
    queue = store.feedback.queue(queue_id)
    assert {
        k: queue[k]
        for k in (
            "name",
            "corpus_ids",
            "split",
            "k",
            "model",
            "rm",
            "strategies",
            "settings",
            "linguists",
            "created_by",
        )
    } == {
        "name": "q",
        "corpus_ids": [corpus_id],
        "split": "train",
        "k": 2,
        "model": "m1",
        "rm": None,
        "strategies": ["beam"],
        "settings": {"n": 4},
        "linguists": ["Amal", "Omar"],
        "created_by": "Lead",
    }
    items = [store.feedback.item(queue_id, i) for i in (1, 2, 3)]
    assert [(i["seg_id"], i["source"], i["reference"], i["request_id"]) for i in items] == [
        (1, "Sentence 1.", "جملة 1.", None),
        (3, "Sentence 3.", "جملة 3.", None),
        (5, "Sentence 5.", "جملة 5.", None),
    ]
    assert store.feedback.item(queue_id, 4) is None and store.feedback.queue(queue_id + 1) is None
    assert [(q["id"], q["items"], q["complete"], q["judged"]) for q in store.feedback.queues()] == [(queue_id, 3, 0, 0)]
    assert store.feedback.progress(queue_id, "Amal") == {"items": 3, "complete": 0, "judged": 0, "wanted": 6, "mine": 0}


def test_queue_samples_are_seeded_and_all_takes_every_split(store):
    corpus_id = _corpus(store, n=40)

    def items(queue_id):
        return [store.feedback.item(queue_id, i)["seg_id"] for i in range(1, 6)]

    a = items(_queue(store, corpus_id, name="a", split="all", sample_size=5, seed=3))
    b = items(_queue(store, corpus_id, name="b", split="all", sample_size=5, seed=3))
    c = items(_queue(store, corpus_id, name="c", split="all", sample_size=5, seed=4))
    assert a == b and a != c and len(set(a)) == 5
    everything = _queue(store, corpus_id, name="everything", split="all")
    assert store.feedback.progress(everything, "x")["items"] == 40


def test_a_queue_without_sources_or_with_a_taken_name_stores_nothing(store):
    corpus_id = _corpus(store)
    with pytest.raises(ValueError, match="no sources in that split"):
        _queue(store, corpus_id, split="valid")
    with pytest.raises(ValueError, match="no sources"):
        _queue(store, corpus_id + 1)
    assert store.feedback.queues() == []
    _queue(store, corpus_id, name="taken")
    with pytest.raises(duckdb.ConstraintException):
        _queue(store, corpus_id, name="taken")
    assert [q["name"] for q in store.feedback.queues()] == ["taken"]


def test_two_linguists_never_get_the_same_item_when_one_judgement_is_wanted(store):
    queue_id = _queue(store, _corpus(store), k=1)
    amal = store.feedback.claim_next(queue_id, "Amal", 1, now=T0)
    omar = store.feedback.claim_next(queue_id, "Omar", 1, now=T0)
    assert (amal["item_id"], omar["item_id"]) == (1, 2)
    assert store.feedback.claim_next(queue_id, "Amal", 1, now=T0)["item_id"] == 1  # a reload: the same item
    _request(store, "r1", queue=(queue_id, 1))
    _judge(store, "s1", "r1", "Amal", queue=queue_id, item=1)
    assert store.feedback.claim_next(queue_id, "Amal", 1, now=T0)["item_id"] == 3
    assert store.feedback.claim_next(queue_id, "Zaid", 1, now=T0) is None  # 1 judged, 2 and 3 held
    assert store.feedback.progress(queue_id, "Amal") == {"items": 3, "complete": 1, "judged": 1, "wanted": 3, "mine": 1}


def test_concurrent_claims_hand_each_item_to_exactly_one_linguist(store):
    queue_id = _queue(store, _corpus(store, n=40), k=1)  # 20 train items
    got: dict[str, list[int]] = {"Amal": [], "Omar": []}
    barrier = threading.Barrier(2)

    def work(linguist: str) -> None:
        barrier.wait()
        while (item := store.feedback.claim_next(queue_id, linguist, 1)) is not None:
            request_id = f"{linguist}-{item['item_id']}"
            _request(store, request_id, linguist=linguist, queue=(queue_id, item["item_id"]))
            _judge(store, request_id, request_id, linguist, queue=queue_id, item=item["item_id"])
            got[linguist].append(item["item_id"])

    threads = [threading.Thread(target=work, args=(name,)) for name in got]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(got["Amal"] + got["Omar"]) == list(range(1, 21))
    assert store.feedback.progress(queue_id, "Amal")["complete"] == 20


def test_with_k_two_linguists_share_an_item_and_a_third_gets_the_next(store):
    queue_id = _queue(store, _corpus(store), k=2)
    assert [store.feedback.claim_next(queue_id, who, 2, now=T0)["item_id"] for who in ("Amal", "Omar", "Zaid")] == [
        1,
        1,
        2,
    ]


def test_a_held_item_expires_by_the_store_clock(store, monkeypatch):
    queue_id = _queue(store, _corpus(store), k=1)
    clock = {"now": T0}
    monkeypatch.setattr(feedback_module, "utc_now", lambda: clock["now"])
    assert store.feedback.claim_next(queue_id, "Amal", 1)["item_id"] == 1
    clock["now"] = T0 + ASSIGNMENT_TIMEOUT - timedelta(seconds=1)
    assert store.feedback.claim_next(queue_id, "Omar", 1)["item_id"] == 2  # Amal still holds item 1
    clock["now"] = T0 + ASSIGNMENT_TIMEOUT + timedelta(seconds=1)
    assert store.feedback.claim_next(queue_id, "Zaid", 1)["item_id"] == 1  # Amal's hold expired
    # Amal comes back after her hold expired: item 1 is Zaid's now (k = 1), so she gets the next free one
    assert store.feedback.claim_next(queue_id, "Amal", 1)["item_id"] == 3
    assert store.feedback.claim_next(queue_id, "Zaid", 1)["item_id"] == 1  # a reload keeps Zaid's


def test_an_expired_hold_nobody_took_over_comes_back_after_a_reload(store):
    queue_id = _queue(store, _corpus(store), k=2)
    store.feedback.claim_next(queue_id, "Amal", 2, now=T0)
    store.feedback.claim_next(queue_id, "Omar", 2, now=T0)  # item 1 is held by k = 2
    after_lunch = T0 + 3 * ASSIGNMENT_TIMEOUT
    assert store.feedback.claim_next(queue_id, "Amal", 2, now=after_lunch)["item_id"] == 1  # nobody took it over
    assert store.feedback.claim_next(queue_id, "Zaid", 2, now=after_lunch)["item_id"] == 1  # Omar's expired place
    assert store.feedback.claim_next(queue_id, "Omar", 2, now=after_lunch)["item_id"] == 2  # item 1 is full now


def test_a_judged_item_never_comes_back_to_its_linguist(store):
    queue_id = _queue(store, _corpus(store), k=2)
    store.feedback.claim_next(queue_id, "Amal", 2, now=T0)
    _request(store, "r1", queue=(queue_id, 1))
    _judge(store, "s1", "r1", "Amal", queue=queue_id, item=1)
    later = T0 + 10 * ASSIGNMENT_TIMEOUT
    assert store.feedback.claim_next(queue_id, "Amal", 2, now=later)["item_id"] == 2
    for item_id in (2, 3):
        _request(store, f"r{item_id}", queue=(queue_id, item_id))
        _judge(store, f"s{item_id}", f"r{item_id}", "Amal", queue=queue_id, item=item_id)
        store.feedback.claim_next(queue_id, "Amal", 2, now=later)
    assert store.feedback.claim_next(queue_id, "Amal", 2, now=later) is None
    assert store.feedback.claim_next(queue_id, "Omar", 2, now=later)["item_id"] == 1


def test_the_first_request_attached_to_an_item_wins(store):
    queue_id = _queue(store, _corpus(store), k=2)
    assert store.feedback.set_item_request(queue_id, 1, "req-amal") == "req-amal"
    assert store.feedback.set_item_request(queue_id, 1, "req-omar") == "req-amal"
    assert store.feedback.item(queue_id, 1)["request_id"] == "req-amal"
    assert store.feedback.item(queue_id, 2)["request_id"] is None


def test_a_queue_is_found_by_its_name(store):
    corpus_id = _corpus(store)
    queue_id = _queue(store, corpus_id, name="Week 12")
    assert store.feedback.queue_named("Week 12") == {"id": queue_id, "name": "Week 12"}
    assert store.feedback.queue_named("week 12") is None


def test_a_queues_items_come_in_order_with_their_source_and_pair(store):
    queue_id = _queue(store, _corpus(store), name="items")
    items = store.feedback.queue_items(queue_id)
    assert [i["item_id"] for i in items] == sorted(i["item_id"] for i in items) and len(items) > 0
    assert set(items[0]) == {"item_id", "source", "pair"} and items[0]["pair"] == "en-ar"
    assert store.feedback.queue_items(queue_id + 99) == []
