"""Interactive translation on the tiny model: per-row sampling in one generate() call, ranking by the reward model."""

from __future__ import annotations

import pytest
import torch

from engine.decoding.candidates import SamplingStrategy
from engine.decoding.per_row import PerRowSampling
from engine.feedback.interactive import (
    check_strategies,
    record,
    translate_and_rank,
    translate_with_registry,
)
from engine.feedback.queue import create_queue, next_item


def test_per_row_sampling_applies_each_rows_own_setting():
    logits = torch.tensor([[1.0, 3.0, 2.0, 0.0]] * 4)
    rows = [SamplingStrategy.parse(s) for s in ("greedy", "top_k:2", "top_p:0.5", "temperature:0.5")]
    out = PerRowSampling(rows)(None, logits.clone())
    neg = torch.finfo(out.dtype).min
    assert out[0].tolist() == [neg, 3.0, neg, neg]  # greedy: only the argmax survives
    assert out[1].tolist() == [neg, 3.0, 2.0, neg]  # top-k 2
    assert out[2].tolist() == [neg, 3.0, neg, neg]  # top-p 0.5: the top token already holds ~0.64
    assert out[3].tolist() == pytest.approx([2.0, 6.0, 4.0, 0.0])  # temperature 0.5 doubles the logits
    with pytest.raises(ValueError, match="rows"):
        PerRowSampling(rows[:2])(None, logits)


def test_strategies_must_give_five_to_eight_candidates():
    assert sum(s.samples for s in check_strategies(["greedy", "temperature:0.7x4"])) == 5
    for specs in (["greedy", "top_k:20"], ["temperature:1.0x9"]):
        with pytest.raises(ValueError, match="between 5 and 8"):
            check_strategies(specs)


def test_batched_translation_is_ranked_by_the_reward_model(tiny_policy_dir, tiny_rm_dir):
    common = dict(source="The cat is on the table.", pair="en-ar", model_name="tiny-sft",
                  model_path=str(tiny_policy_dir), prompt_format="tags", rm_name="tiny-rm", rm_path=str(tiny_rm_dir),
                  max_new_tokens=12, seed=3)
    batched = translate_and_rank(**common)
    assert sum(c.n_samples for c in batched.candidates) == 8
    assert len({c.text for c in batched.candidates}) == len(batched.candidates)
    scores = [c.rm_score for c in batched.candidates]
    assert scores == sorted(scores, reverse=True)
    assert batched.rm == "tiny-rm" and batched.settings["mode"] == "batched" and batched.seconds > 0
    sequential = translate_and_rank(**common, mode="sequential")
    greedy = {c.text for c in batched.candidates if "greedy" in c.strategies}
    assert greedy == {c.text for c in sequential.candidates if "greedy" in c.strategies}  # the same greedy decode
    by_text = {c.text: c.rm_score for c in sequential.candidates}
    for cand in batched.candidates:  # batched scoring gives what one-at-a-time scoring gives
        if cand.text in by_text:
            assert cand.rm_score == pytest.approx(by_text[cand.text], abs=1e-4)
    unranked = translate_and_rank(**{**common, "rm_path": None})
    assert all(c.rm_score is None for c in unranked.candidates) and unranked.rm is None


def test_registry_translation_is_recorded_and_queue_items_get_candidates(store, tiny_policy, tiny_rm, demo_corpus):
    with pytest.raises(ValueError, match="choose a policy model"):
        translate_with_registry(store, source="Hello", pair="en-ar", model=tiny_rm, rm=None)
    with pytest.raises(ValueError, match="the source is empty: type or paste"):
        translate_with_registry(store, source="  ", pair="en-ar", model=tiny_policy, rm=tiny_rm)
    translation = translate_with_registry(store, source="Le chat est sur la table.", pair="fr-ar", model=tiny_policy,
                                          rm=tiny_rm, max_new_tokens=8)
    rid = record(store, translation, linguist="Amina", detected="fr")
    req = store.feedback.request(rid)
    assert len(req["candidates"]) == len(translation.candidates) and req["pair"] == "fr-ar"
    assert req["candidates"][0]["text"] == translation.candidates[0].text
    qid = create_queue(store, name="q", corpus_ids=[demo_corpus], split="test", k=2, model=tiny_policy, rm=tiny_rm,
                       created_by="Lead", sample_size=2, max_new_tokens=8)
    a, b = next_item(store, qid, "A"), next_item(store, qid, "B")
    assert a.request_id == b.request_id
    assert store.feedback.request(a.request_id)["rm"] == tiny_rm


def test_each_request_draws_its_own_seed_and_records_it(tiny_policy_dir):
    """A fixed seed gave every source the same random stream (the same words on top for 4 of 5 sources)."""
    common = dict(source="The cat is on the table.", pair="en-ar", model_name="tiny-sft",
                  model_path=str(tiny_policy_dir), prompt_format="tags", max_new_tokens=6,
                  strategies=["temperature:1.0x5"])
    first, second = translate_and_rank(**common), translate_and_rank(**common)
    seeds = first.settings["seed"], second.settings["seed"]
    assert all(isinstance(s, int) for s in seeds) and seeds[0] != seeds[1]
    again = translate_and_rank(**common, seed=seeds[0])  # the recorded seed samples the request again exactly
    assert [c.text for c in again.candidates] == [c.text for c in first.candidates]
    assert again.settings["seed"] == seeds[0]


def test_a_replaced_or_deleted_model_folder_is_not_served_from_the_cache(tiny_policy_dir, tiny_rm_dir, tmp_path):
    # loaded models were cached by path alone: a folder whose weights were replaced went on translating with the
    # old ones (recorded under the model's name), and a deleted one translated on; cached by path and fingerprint,
    # the old copy then stayed loaded beside the new one
    import shutil

    from engine.feedback import interactive
    from engine.models.loading import ModelLoadError, load_causal_lm
    from engine.reward import scoring

    interactive._POLICIES.clear()
    scoring._SCORERS.clear()
    policy, rm = tmp_path / "policy", tmp_path / "rm"
    shutil.copytree(tiny_policy_dir, policy)
    shutil.copytree(tiny_rm_dir, rm)
    first, scorer = interactive.load_policy(str(policy)), scoring.cached_scorer(str(rm))
    assert interactive.load_policy(str(policy)) is first and scoring.cached_scorer(str(rm)) is scorer  # once
    model = load_causal_lm(policy)
    with torch.no_grad():
        model.get_input_embeddings().weight.mul_(-1)
    model.save_pretrained(policy, safe_serialization=True)  # replaced at once: the same second, the same size
    replaced = interactive.load_policy(str(policy))
    assert replaced is not first and len(interactive._POLICIES) == 1  # the old copy is not kept beside it
    assert torch.equal(replaced.model.get_input_embeddings().weight, -first.model.get_input_embeddings().weight)
    (rm / "config.json").write_text((rm / "config.json").read_text())
    assert scoring.cached_scorer(str(rm)) is not scorer and len(scoring._SCORERS) == 1
    shutil.rmtree(policy)
    with pytest.raises(ModelLoadError, match="does not exist"):
        interactive.load_policy(str(policy))


def test_a_review_queue_leaves_out_sources_too_long_to_translate(store, tiny_policy):
    # a corpus row of 1,500 characters (the Data page takes 100,000) became an item whose translation was refused
    # every time it was claimed: its linguist never got past it
    import pyarrow as pa

    from engine.characters import MAX_SOURCE_CHARS

    long_source = "word " * 300
    rows = [{"line": i + 1, "source": source, "target": "كلمة.", "pair": "en-ar", "split": "train",
             "norm_key": f"{i}"} for i, source in enumerate([long_source.strip(), "A short one."])]
    corpus = store.corpora.add("long", "en-ar", pa.Table.from_pylist(rows))
    qid = create_queue(store, name="q", corpus_ids=[corpus], split="train", k=1, model=tiny_policy, rm=None,
                       created_by="Lead", max_new_tokens=4)
    item = next_item(store, qid, "A")
    assert item.source == "A short one." and store.feedback.queues()[0]["items"] == 1
    only_long = store.corpora.add("only long", "en-ar", pa.Table.from_pylist(rows[:1]))
    with pytest.raises(ValueError, match=f"no sources in that split of at most {MAX_SOURCE_CHARS:,} characters"):
        create_queue(store, name="q2", corpus_ids=[only_long], split="train", k=1, model=tiny_policy, rm=None,
                     created_by="Lead")


def test_a_source_in_arabic_script_is_refused_whatever_language_was_chosen():
    # with English chosen by hand an Arabic text was translated as English, its garbage candidates there to be judged
    from engine.feedback.interactive import check_source

    with pytest.raises(ValueError, match="the source is in Arabic script: sources must be English or French"):
        check_source("أين أقرب صيدلية؟")
    assert check_source("  Where is the  pharmacy? ") == "Where is the pharmacy?"
