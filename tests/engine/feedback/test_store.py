"""The feedback store: requests, judgements stored exactly once under concurrency, queues, agreement, export."""

from __future__ import annotations

import json
import threading
from datetime import timedelta

import pytest

from engine.feedback.export import export_records, write_export
from engine.feedback.judgements import Judgement, new_submission_id, submit
from engine.feedback.queue import create_queue, next_item, queue_agreement
from engine.store.clock import utc_now
from engine.store.feedback import ASSIGNMENT_TIMEOUT
from tests.engine.feedback.helpers import fake_translation, stored_request


def test_migration_creates_the_feedback_tables(store):
    tables = {r[0] for r in store.db.query("SELECT table_name FROM information_schema.tables")}
    assert {"linguists", "translation_requests", "request_candidates", "judgements", "review_queues",
            "review_items", "review_assignments"} <= tables


def test_request_round_trip_keeps_the_reward_order(store):
    rid = stored_request(store, n=6)
    req = store.feedback.request(rid)
    assert [c["position"] for c in req["candidates"]] == list(range(6))
    assert [c["rm_score"] for c in req["candidates"]] == sorted((c["rm_score"] for c in req["candidates"]),
                                                                reverse=True)
    assert (req["model"], req["rm"], req["pair"], req["linguist"], req["detected"]) == (
        "tiny-sft", "tiny-rm", "en-ar", "Amina", "en")
    store.feedback.register_linguist("Amina")
    store.feedback.register_linguist("Amina")
    store.feedback.register_linguist("bilal")
    assert store.feedback.linguists() == ["Amina", "bilal"]


def test_200_concurrent_submissions_with_retries_are_stored_exactly_once(store):
    """8 threads (sessions) submit 25 judgements each; every submission is sent twice, once by a neighbour."""
    n_threads, per_thread = 8, 25  # each linguist judges each translation once (the forms take one per linguist)
    requests = [stored_request(store, linguist=None, source=f"Sentence number {i}.") for i in range(per_thread)]
    plans = [[Judgement(new_submission_id(), requests[i], f"linguist {t}", "ranking",
                        [0, 1, 2], ranking=[(i + t) % 3, (i + t + 1) % 3, (i + t + 2) % 3], tags=["style"])
              for i in range(per_thread)] for t in range(n_threads)]
    barrier = threading.Barrier(n_threads)
    results: dict[str, list] = {}
    errors: list[BaseException] = []
    lock = threading.Lock()

    def session(t: int) -> None:
        try:
            barrier.wait()
            for i, j in enumerate(plans[t]):
                mine = submit(store, j)
                neighbour = plans[(t + 1) % n_threads][i]  # a retry racing the neighbour's own submission
                theirs = submit(store, neighbour)
                store.feedback.request(j.request_id)  # reads interleaved with the writes
                with lock:
                    results.setdefault(j.submission_id, []).append(mine)
                    results.setdefault(neighbour.submission_id, []).append(theirs)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=session, args=(t,)) for t in range(n_threads)]
    for th in threads:
        th.start()
    for th in threads:
        th.join(timeout=120)
    assert not errors, errors
    rows = store.feedback.judgements()
    assert len(rows) == n_threads * per_thread == 200
    expected = {j.submission_id: j for plan in plans for j in plan}
    assert {r["submission_id"] for r in rows} == set(expected)
    assert len({r["id"] for r in rows}) == 200
    for outcomes in results.values():
        assert len(outcomes) == 2 and sum(o.stored for o in outcomes) == 1  # one stored it, the other saw it
        assert len({o.judgement_id for o in outcomes}) == 1
    for r in rows:
        j = expected[r["submission_id"]]
        assert (r["linguist"], r["ranking"], r["request_id"]) == (j.linguist, j.ranking, j.request_id)


def _translator(queue, item):
    return fake_translation(source=item["source"], pair=item["pair"], model=queue["model"], rm=queue["rm"])


@pytest.fixture
def queue_id(store, tiny_policy, demo_corpus):
    return create_queue(store, name="  test  review ", corpus_ids=[demo_corpus], split="test", k=2,
                        model=tiny_policy, rm=None, created_by="Lead", sample_size=4)


def test_create_queue_checks_its_settings(store, tiny_policy, demo_corpus, queue_id):
    queue = store.feedback.queue(queue_id)
    assert (queue["name"], queue["k"], queue["split"], queue["linguists"]) == ("test review", 2, "test", [])
    assert store.feedback.queues()[0]["items"] == 4
    base = {"corpus_ids": [demo_corpus], "split": "test", "k": 2, "model": tiny_policy, "rm": None,
            "created_by": "Lead"}
    for change, message in (({"name": "test review"}, "already exists"), ({"k": 0}, "between 1 and"),
                            ({"model": "nope"}, "no registered model"), ({"corpus_ids": []}, "at least one corpus"),
                            ({"split": "dev"}, "split must be"),
                            # the translation log's samples of that model joined a lead's queue of the log's name
                            ({"name": f"translation log · {tiny_policy}"}, "translation log's review queues")):
        with pytest.raises((ValueError, LookupError), match=message):
            create_queue(store, **{"name": "other", **base, **change})
    with pytest.raises(ValueError, match="no sources"):
        create_queue(store, **{**base, "name": "empty", "corpus_ids": [demo_corpus + 99]})


def test_items_fill_up_to_k_with_the_same_candidates_and_come_back_after_a_reload(store, queue_id):
    a = next_item(store, queue_id, "A", _translator)
    b = next_item(store, queue_id, "B", _translator)
    c = next_item(store, queue_id, "C", _translator)
    assert a.item_id == b.item_id and a.request_id == b.request_id  # overlap: same item, same candidates
    assert c.item_id != a.item_id  # the first item is held by k = 2 linguists
    assert next_item(store, queue_id, "A", _translator) == a  # not judged yet: it comes back (a reload loses nothing)
    for who, item, ranking in (("A", a, [0, 1, 2]), ("B", b, [1, 0, 2])):
        submit(store, Judgement(new_submission_id(), item.request_id, who, "ranking", [0, 1, 2], ranking=ranking,
                                queue_id=queue_id, item_id=item.item_id))
    assert next_item(store, queue_id, "A", _translator).item_id == c.item_id  # joins C on the next item
    progress = store.feedback.progress(queue_id, "A")
    assert progress == {"items": 4, "complete": 1, "judged": 2, "wanted": 8, "mine": 1}
    report = queue_agreement(store, queue_id)
    assert report.shared_items == 1 and report.mean_tau == pytest.approx(1 / 3) and report.best_agreement == 0.0


def test_an_abandoned_item_is_handed_on_after_the_timeout(store, queue_id):
    a = next_item(store, queue_id, "A", _translator)
    next_item(store, queue_id, "B", _translator)
    assert store.feedback.claim_next(queue_id, "C", 2)["item_id"] != a.item_id
    later = utc_now() + ASSIGNMENT_TIMEOUT + timedelta(minutes=1)
    assert store.feedback.claim_next(queue_id, "D", 2, now=later)["item_id"] == a.item_id


def test_assigned_linguists_only(store, tiny_policy, demo_corpus):
    qid = create_queue(store, name="closed", corpus_ids=[demo_corpus], split="valid", k=1, model=tiny_policy,
                       rm=None, created_by="Lead", linguists=["A"], sample_size=1)
    assert next_item(store, qid, "A", _translator) is not None
    assert next_item(store, qid, "A", _translator).item_id == 1
    with pytest.raises(PermissionError):
        next_item(store, qid, "B", _translator)


def test_export_holds_one_self_contained_record_per_judgement(store, tmp_path):
    rid = stored_request(store, n=5)
    kinds = [dict(kind="ranking", shown=[0, 1, 2, 3, 4], ranking=[3, 0, 1, 2, 4]),
             dict(kind="best", shown=[2, 0, 1], best=1, tags=["style"], comment="fine"),
             dict(kind="none", shown=[0, 1, 2], tags=["accuracy", "omission"]),
             dict(kind="post_edit", shown=[0, 1, 2], correction="القطة جالسة على الطاولة.")]
    for i, values in enumerate(kinds):
        submit(store, Judgement(new_submission_id(), rid, ["Bilal", "Amina", "Lina", "Karim"][i], **values))
    records = export_records(store)
    assert [r["kind"] for r in records] == ["ranking", "best", "none", "post_edit"]
    cands = store.feedback.request(rid)["candidates"]
    ranking, best, none, edit = records
    assert ranking["source"] == "The cat is on the table." and ranking["model"] == "tiny-sft"
    assert [c["text"] for c in ranking["candidates"]] == [c["text"] for c in cands]
    assert [ranking["candidates"][i]["rm_rank"] for i in ranking["ranking"]] == [4, 1, 2, 3, 5]
    assert ranking["best_text"] == cands[3]["text"]
    assert [c["rm_rank"] for c in best["candidates"]] == [3, 1, 2]
    assert best["best"] == 2 and best["best_text"] == cands[1]["text"] and best["tags"] == ["style"]
    assert none["none_acceptable"] and none["best"] is None and none["ranking"] is None
    assert edit["correction"] == "القطة جالسة على الطاولة." and edit["linguist"] == "Karim"
    assert edit["time"].endswith("Z")
    assert len(export_records(store, linguists=["Amina", "Karim"])) == 2
    assert export_records(store, since=utc_now() + timedelta(days=1)) == []
    path = write_export(store, tmp_path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert path.name == "human_preferences.jsonl" and len(lines) == 4
    assert json.loads(lines[3])["correction"] == "القطة جالسة على الطاولة."
