"""Review queues ordered by uncertainty: the measures on hand-checked numbers, the queue's ordering, and the
``queue_order`` job for real in a subprocess."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from engine.feedback.queue import create_queue, next_item, order_request
from engine.feedback.uncertainty import check_ordering, uncertainty
from tests.engine.feedback.helpers import stored_request


def test_uncertainty_measures():
    assert uncertainty([0.9, 0.1, 0.5], [0.2, 0.4, 0.0], "disagreement") == pytest.approx(0.2)
    assert uncertainty([0.9, 0.1, 0.5], [None, None, None], "disagreement") is None
    assert uncertainty([0.9, 0.1, 0.5], [None] * 3, "margin") == pytest.approx(-0.4)  # best 0.9, second 0.5
    assert uncertainty([0.3], [None], "margin") is None
    with pytest.raises(ValueError, match="unknown uncertainty measure"):
        uncertainty([1.0], [0.0], "entropy")
    check_ordering("margin", 1)
    with pytest.raises(ValueError, match="needs an ensemble"):
        check_ordering("disagreement", 1)
    with pytest.raises(ValueError, match="unknown queue order"):
        check_ordering("loudest", 2)


def _priorities(tmp_path, rows):
    path = tmp_path / "p.parquet"
    pq.write_table(
        pa.Table.from_pylist(rows, schema=pa.schema([("item_id", pa.int64()), ("priority", pa.float64())])), path
    )
    return str(path)


def test_claim_next_hands_out_the_most_uncertain_source_first(store, tiny_policy, tiny_rm, demo_corpus, tmp_path):
    qid = create_queue(
        store,
        name="u",
        corpus_ids=[demo_corpus],
        split="test",
        k=2,
        model=tiny_policy,
        rm=tiny_rm,
        created_by="Lead",
        sample_size=4,
        ordering="margin",
    )
    assert order_request(store, qid).measure == "margin"
    with store.db.transaction() as cur:
        store.feedback.load_priorities(
            cur,
            qid,
            _priorities(
                tmp_path,
                [
                    {"item_id": 1, "priority": -0.5},
                    {"item_id": 2, "priority": None},
                    {"item_id": 3, "priority": -0.01},
                    {"item_id": 4, "priority": -0.2},
                ],
            ),
        )
    order = [store.feedback.claim_next(qid, linguist, 2)["item_id"] for linguist in ("A", "B", "C", "D")]
    # A takes the most uncertain (3); B joins item 3 to reach k = 2 (filling up comes first); C takes the next
    # most uncertain (4), D joins it
    assert order == [3, 3, 4, 4]
    plain = create_queue(
        store,
        name="plain",
        corpus_ids=[demo_corpus],
        split="test",
        k=1,
        model=tiny_policy,
        rm=tiny_rm,
        created_by="Lead",
        sample_size=3,
    )
    assert order_request(store, plain) is None
    assert [store.feedback.claim_next(plain, n, 1)["item_id"] for n in ("A", "B", "C")] == [1, 2, 3]


@pytest.mark.slow
def test_queue_order_job_measures_every_source_and_orders_the_queue(
    supervisor, store, tiny_policy, tiny_rm, demo_corpus
):
    qid = create_queue(
        store,
        name="m",
        corpus_ids=[demo_corpus],
        split="test",
        k=1,
        model=tiny_policy,
        rm=tiny_rm,
        created_by="Lead",
        sample_size=4,
        max_new_tokens=8,
        ordering="margin",
    )
    run_id = supervisor.start("queue_order", order_request(store, qid))
    assert supervisor.wait(run_id, timeout_s=300) == "succeeded", store.runs.logs(run_id, tail=20)
    items = store.db.query_dicts(
        "SELECT item_id, priority FROM review_items WHERE queue_id = ? ORDER BY item_id", [qid]
    )
    measured = [r for r in items if r["priority"] is not None]
    assert len(items) == 4 and measured and all(r["priority"] <= 0 for r in measured)
    first = next_item(store, qid, "Amina")
    assert first.item_id == max(measured, key=lambda r: r["priority"])["item_id"]
    # the job sampled with the queue's own seed: the candidates handed out are the ones it measured
    cands = store.feedback.request(first.request_id)["candidates"]
    if len(cands) >= 2:
        top = sorted((c["rm_score"] for c in cands), reverse=True)
        expected = max(measured, key=lambda r: r["priority"])["priority"]
        assert -(top[0] - top[1]) == pytest.approx(expected, abs=1e-5)


def test_requests_without_spread_read_back_as_none(store):
    rid = stored_request(store)
    assert all(c["rm_spread"] is None for c in store.feedback.request(rid)["candidates"])
