"""The translation log: what it records, the output checks, review sampling at a set rate, batch ingestion, QE."""

from __future__ import annotations

import json

import pytest

from engine.feedback.interactive import record, translate_with_registry
from engine.feedback.judgements import Judgement, new_submission_id, submit
from engine.feedback.queue import next_item
from engine.monitor.log import Served, ingest_batch_output, log_served, sampled, served_from_translation
from engine.monitor.settings import MonitorSettings, load_settings, save_settings

GOOD = "القطة على الطاولة."


def test_sampling_is_reproducible_and_follows_the_rate():
    assert not any(sampled(i, 0.0) for i in range(1, 1000))
    assert all(sampled(i, 1.0) for i in range(1, 1000))
    for rate in (0.05, 0.2, 0.5):
        share = sum(sampled(i, rate) for i in range(1, 20001)) / 20000
        assert abs(share - rate) < 0.015, (rate, share)
    assert [sampled(i, 0.3) for i in range(50)] == [sampled(i, 0.3) for i in range(50)]


def test_entries_record_model_scores_and_checks_and_none_is_sampled_at_rate_zero(store):
    save_settings(store, MonitorSettings(review_rate=0.0))
    ids = log_served(
        store,
        [
            Served("endpoint", "m1", "en-ar", "The cat is on the table.", GOOD, rm="rm1", reward=0.7),
            Served("endpoint", "m1", "en-ar", "The cat is on the table.", "The cat is on the table."),
            Served("endpoint", "m1", "en-ar", "The cat is on the table.", "قطة قطة قطة قطة قطة"),
        ],
    )
    assert len(ids) == 3
    good, copy, loop = store.translation_log.entries()
    assert (good["model"], good["rm"], good["reward"], good["qe"], good["degenerate"]) == (
        "m1",
        "rm1",
        0.7,
        None,
        False,
    )
    assert good["created_at"] is not None and good["source"] == "The cat is on the table." and good["output"] == GOOD
    assert copy["degenerate"] and "copy_of_source" in copy["flags"] and "low_arabic" in copy["flags"]
    assert loop["degenerate"] and "repetition" in loop["flags"]
    assert store.translation_log.sampled_count() == 0
    assert store.feedback.queues() == []


def test_sampled_entries_reach_the_review_queue_and_a_linguist_judges_what_was_served(store):
    save_settings(store, MonitorSettings(review_rate=0.5, review_k=2))
    served = [
        Served(
            "endpoint",
            "m1",
            "en-ar",
            f"Sentence number {i}.",
            f"{GOOD} {i}",
            rm="rm1",
            reward=0.1 * i,
            alternatives=[(f"قطة {i}", 0.01)],
        )
        for i in range(40)
    ]
    ids = log_served(store, served)
    expected = [i for i in ids if sampled(i, 0.5)]
    assert 0 < len(expected) < 40 and store.translation_log.sampled_count() == len(expected)
    [queue] = store.feedback.queues()
    assert queue["name"] == "Translation log · m1" and queue["k"] == 2 and queue["items"] == len(expected)
    entry = store.translation_log.get(expected[0])
    assert entry["queue_id"] == queue["id"]
    # a linguist works through the queue: the item's candidates are the served output first, then the alternative
    item = next_item(store, queue["id"], "Amina", translator=lambda q, i: pytest.fail("nothing to sample"))
    request = store.feedback.request(item.request_id)
    assert item.source == entry["source"]
    assert [c["text"] for c in request["candidates"]] == [entry["output"], f"قطة {ids.index(expected[0])}"]
    result = submit(
        store,
        Judgement(
            new_submission_id(),
            item.request_id,
            "Amina",
            "best",
            shown=[0, 1],
            best=0,
            queue_id=item.queue_id,
            item_id=item.item_id,
        ),
    )
    assert result.stored and store.feedback.progress(queue["id"], "Amina")["mine"] == 1


def test_a_translate_page_request_is_logged_with_its_reward_and_reuses_the_request(store, tiny_policy, tiny_rm):
    save_settings(store, MonitorSettings(review_rate=1.0))
    translation = translate_with_registry(
        store, source="The cat is on the table.", pair="en-ar", model=tiny_policy, rm=tiny_rm, max_new_tokens=8, seed=3
    )
    request_id = record(store, translation, linguist="Amina", detected="en")
    [log_id] = log_served(store, [served_from_translation(translation, request_id)])
    entry = store.translation_log.get(log_id)
    best = translation.candidates[0]
    assert (entry["origin"], entry["model"], entry["rm"], entry["output"]) == (
        "translate",
        tiny_policy,
        tiny_rm,
        best.text,
    )
    assert entry["reward"] == pytest.approx(best.rm_score)
    assert entry["reward"] == max(c.rm_score for c in translation.candidates)
    assert entry["request_id"] == request_id
    [queue] = store.feedback.queues()
    assert store.feedback.item(queue["id"], entry["item_id"])["request_id"] == request_id


@pytest.mark.parametrize("judged", ["before", "after"])
def test_a_translation_judged_on_the_translate_tab_is_its_log_items_judgement(store, judged):
    # review sampling reuses the Translate tab's request: the queue handed the item back to the linguist who had
    # judged it there on every visit (each submit refused as a second judgement), and left it out of the progress
    from tests.engine.feedback.helpers import fake_translation

    translation = fake_translation()
    request_id = record(store, translation, linguist="Amina", detected="en")
    judgement = Judgement(new_submission_id(), request_id, "Amina", "best", shown=[0, 1, 2], best=2)
    if judged == "before":
        submit(store, judgement)
    log_served(store, [served_from_translation(translation, request_id)],
               settings=MonitorSettings(review_rate=1.0, review_k=2))
    if judged == "after":
        submit(store, judgement)
    [queue] = store.feedback.queues()
    stored = store.feedback.judgement(judgement.submission_id)
    assert (stored["queue_id"], stored["item_id"]) == (queue["id"], 1)
    assert next_item(store, queue["id"], "Amina") is None  # nothing left for her
    assert store.feedback.progress(queue["id"], "Amina")["mine"] == 1
    assert next_item(store, queue["id"], "Karim").request_id == request_id

def _batch_file(tmp_path, n=5):
    rows = [
        {
            "line": i + 1,
            "pair": "en-ar",
            "source": f"Source {i}.",
            "translation": f"{GOOD} {i}",
            "score": 0.5 - 0.1 * i,
            "strategy": "greedy",
            "alternatives": [{"text": "قطة", "score": -1.0}],
            "model": "m2",
            "rm": "rm1",
        }
        for i in range(n)
    ]
    path = tmp_path / "translations.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def test_batch_output_is_logged_once_inside_the_ingest_transaction(store, tmp_path):
    save_settings(store, MonitorSettings(review_rate=1.0))
    path = _batch_file(tmp_path)
    for _ in range(2):  # an event file read again must not log the rows twice
        with store.db.transaction() as cur:
            ingest_batch_output(store, cur, "run-1", {"path": str(path)})
    rows = store.translation_log.entries(origins=["batch"])
    assert [(r["run_id"], r["line"], r["model"]) for r in rows] == [("run-1", i + 1, "m2") for i in range(5)]
    assert [r["reward"] for r in rows] == pytest.approx([0.5, 0.4, 0.3, 0.2, 0.1])
    assert store.translation_log.sampled_count() == 5
    # a failing ingest leaves nothing behind
    with pytest.raises(RuntimeError, match="failed after"), store.db.transaction() as cur:
        ingest_batch_output(store, cur, "run-2", {"path": str(path)})
        raise RuntimeError("the ingest failed after the handler")
    assert store.translation_log.count() == 5


def test_settings_are_checked_and_stored(store):
    assert load_settings(store) == MonitorSettings()
    with pytest.raises(ValueError, match="review_rate must be at most 1"):
        save_settings(store, MonitorSettings(review_rate=1.5))
    # a QE model that cannot run was saved, and every entry then had no QE score (a hub id resolves on first use)
    with pytest.raises(ValueError, match="QE model: COMET checkpoint not found at x"):
        save_settings(store, MonitorSettings(review_rate=0.25, qe_model="x"))
    save_settings(store, MonitorSettings(review_rate=0.25))
    assert load_settings(store).review_rate == 0.25 and load_settings(store).qe_model == ""
    # one stored before the check does not block saving the other settings
    store.translation_log.save_settings({"qe_model": "/models/gone"})
    save_settings(store, MonitorSettings(review_rate=0.3, qe_model="/models/gone"))
    assert load_settings(store).review_rate == 0.3
    # an unknown reward model made every endpoint request fail
    with pytest.raises(ValueError, match="no registered reward model named 'no-such-rm'"):
        save_settings(store, MonitorSettings(reward_model="no-such-rm"))
    store.models.register("sft", "policy", "/m/sft", stage="sft")
    with pytest.raises(ValueError, match="no registered reward model named 'sft'"):
        save_settings(store, MonitorSettings(reward_model="sft"))
    store.models.register("rm", "reward", "/m/rm")
    save_settings(store, MonitorSettings(reward_model=" rm "))
    assert load_settings(store).reward_model == "rm"


def test_a_configured_qe_model_scores_every_entry(store, tmp_path_factory):
    from engine.metrics.tiny_models import build_tiny_bert_encoder, build_tiny_comet

    texts = ["The cat is on the table.", GOOD, "Le marché est fermé.", "السوق مغلق."] * 3
    encoder = build_tiny_bert_encoder(tmp_path_factory.mktemp("qe") / "encoder", texts, vocab_size=200)
    qe_dir = tmp_path_factory.mktemp("qe") / "comet_qe"
    build_tiny_comet(qe_dir, encoder, reference_free=True)
    save_settings(store, MonitorSettings(review_rate=0.0, qe_model=str(qe_dir)))
    log_served(
        store,
        [
            Served("endpoint", "m1", "en-ar", "The cat is on the table.", GOOD),
            Served("endpoint", "m1", "fr-ar", "Le marché est fermé.", "السوق مغلق."),
        ],
    )
    rows = store.translation_log.entries()
    assert all(isinstance(r["qe"], float) for r in rows) and all(r["qe_model"] == str(qe_dir) for r in rows)


def test_a_broken_qe_model_costs_the_score_not_the_entry(store, tmp_path, caplog):
    folder = tmp_path / "broken" / "checkpoints"
    folder.mkdir(parents=True)
    (folder / "model.ckpt").write_bytes(b"not a checkpoint")
    (tmp_path / "broken" / "hparams.yaml").write_text("class_identifier: referenceless_regression_metric\n")
    save_settings(store, MonitorSettings(review_rate=0.0, qe_model=str(tmp_path / "broken")))
    [log_id] = log_served(store, [Served("endpoint", "m1", "en-ar", "The cat is on the table.", GOOD)])
    assert store.translation_log.get(log_id)["qe"] is None
    assert "failed; entries logged without a QE score" in caplog.text


def test_a_review_k_saved_applies_to_the_log_queue_already_made(store):
    # the log's review queue kept the k of when it was made: k=3 saved after the first sample left every item at 1
    log_served(store, [Served("endpoint", "m1", "en-ar", "Hello.", "مرحبا.")],
               settings=MonitorSettings(review_rate=1.0, review_k=1))
    save_settings(store, MonitorSettings(review_rate=1.0, review_k=3))
    assert [q["k"] for q in store.feedback.queues()] == [3]


def test_a_batch_is_logged_in_one_add_and_its_lines_already_logged_are_skipped(store):
    # logged entry by entry, each entry read the run's logged lines again: 8,000 rows took 36 s under the lock
    def entry(line, run="run-1"):
        return {"origin": "batch", "model": "m", "pair": "en-ar", "source": f"S {line}.", "output": GOOD,
                "degenerate": False, "flags": [], "run_id": run, "line": line}

    first = store.translation_log.add([entry(1), entry(1), entry(2), {**entry(3), "run_id": None}])
    assert first[1] is None and first[0] < first[2] < first[3]  # the log's order is the batch's
    assert [e["source"] for e in store.translation_log.entries()] == ["S 1.", "S 2.", "S 3."]
    again = store.translation_log.add([entry(2), entry(3), entry(1, run="run-2")])
    assert again[0] is None and again[1] is not None and again[2] is not None
    assert store.translation_log.count() == 5
