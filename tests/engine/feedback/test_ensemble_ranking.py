"""Ranking on the Translate page with an ensemble of reward models: combined scores, the spread, and its storage."""

from __future__ import annotations

import pytest

from engine.feedback.interactive import record, translate_and_rank, translate_with_registry
from engine.feedback.queue import create_queue, next_item
from engine.reward.ensemble import combine, ensemble_label
from engine.reward.scoring import RewardScorer


@pytest.fixture(scope="module")
def second_rm_dir(tiny_policy_dir, tmp_path_factory):
    import torch

    from engine.models.loading import load_tokenizer
    from engine.reward.model import build_reward_model, save_reward_model

    tok = load_tokenizer(tiny_policy_dir)
    model = build_reward_model(tiny_policy_dir, pad_token_id=tok.pad_token_id, seed=5)
    with torch.no_grad():
        model.score.weight.mul_(30.0)  # a head whose scores differ clearly from the first model's
    return save_reward_model(model, tok, tmp_path_factory.mktemp("rm-b") / "rm", prompt_format="tags")


def test_an_ensemble_ranks_by_the_combination_and_returns_the_spread(tiny_policy_dir, tiny_rm_dir, second_rm_dir):
    common = dict(
        source="The cat is on the table.",
        pair="en-ar",
        model_name="tiny-sft",
        model_path=str(tiny_policy_dir),
        prompt_format="tags",
        rm_name="a + b (min)",
        rm_path=str(tiny_rm_dir),
        max_new_tokens=10,
        seed=4,
    )
    ranked = translate_and_rank(**common, extra_rm_paths=[str(second_rm_dir)], ensemble="min")
    texts = [c.text for c in ranked.candidates]
    own = [RewardScorer(p).score([common["source"]] * len(texts), texts, "en-ar") for p in (tiny_rm_dir, second_rm_dir)]
    # the candidates of one source: each member centred on the source, then combined (a constant gap between the
    # members is no disagreement), the members' mean offset added back
    offsets = [sum(scores) / len(scores) for scores in own]
    for i, cand in enumerate(ranked.candidates):
        expected = combine([own[0][i] - offsets[0], own[1][i] - offsets[1]], "min")
        assert cand.rm_score == pytest.approx(sum(offsets) / 2 + expected.score, abs=1e-5)
        assert cand.rm_spread == pytest.approx(expected.spread, abs=1e-5)
    assert [c.rm_score for c in ranked.candidates] == sorted((c.rm_score for c in ranked.candidates), reverse=True)
    assert any(c.rm_spread > 1e-3 for c in ranked.candidates)
    single = translate_and_rank(**common)
    assert all(c.rm_spread is None for c in single.candidates)


def test_label_names_the_members_and_the_combination():
    assert ensemble_label(["rm-a"], "min", 1.0) == "rm-a"
    assert ensemble_label(["rm-a", "rm-b"], "mean", 1.0) == "rm-a + rm-b (mean)"
    assert ensemble_label(["rm-a", "rm-b"], "mean-k*std", 0.5) == "rm-a + rm-b (mean-0.5*std)"


def test_registry_ensemble_is_recorded_with_spreads_and_queues_rank_with_it(
    store, tiny_policy, tiny_rm, second_rm_dir, demo_corpus
):
    store.models.register("rm-b", "reward", str(second_rm_dir), metadata={"prompt_format": "tags"})
    with pytest.raises(ValueError, match="tiny-sft is a policy model"):
        translate_with_registry(
            store, source="Hello.", pair="en-ar", model=tiny_policy, rm=tiny_rm, extra_rms=[tiny_policy]
        )
    translation = translate_with_registry(
        store,
        source="Good morning.",
        pair="en-ar",
        model=tiny_policy,
        rm=tiny_rm,
        extra_rms=["rm-b"],
        ensemble="mean-k*std",
        ensemble_k=2.0,
        max_new_tokens=8,
    )
    assert translation.rm == "tiny-rm + rm-b (mean-2*std)"
    stored = store.feedback.request(record(store, translation, linguist="Amina"))
    assert [c["rm_spread"] for c in stored["candidates"]] == pytest.approx(
        [c.rm_spread for c in translation.candidates]
    )
    with pytest.raises(ValueError, match="disagreement needs an ensemble"):
        create_queue(
            store,
            name="one",
            corpus_ids=[demo_corpus],
            split="test",
            k=1,
            model=tiny_policy,
            rm=tiny_rm,
            created_by="Lead",
            sample_size=2,
            ordering="disagreement",
        )
    qid = create_queue(
        store,
        name="ens",
        corpus_ids=[demo_corpus],
        split="test",
        k=1,
        model=tiny_policy,
        rm=tiny_rm,
        extra_rms=["rm-b"],
        ensemble="min",
        created_by="Lead",
        sample_size=2,
        max_new_tokens=8,
        ordering="disagreement",
    )
    item = next_item(store, qid, "Amina")
    request = store.feedback.request(item.request_id)
    assert request["rm"] == "tiny-rm + rm-b (min)"
    assert all(c["rm_spread"] is not None for c in request["candidates"])
