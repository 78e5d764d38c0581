"""Reward-model ensembles: the combinations on hand-checked numbers, the scorer, and the TRL wrapper read by
TRL's own ``get_reward`` on two tiny reward models."""

from __future__ import annotations

import math

import pytest
import torch

from engine.reward.ensemble import (
    COMBINATIONS,
    EnsembleRewardModel,
    EnsembleScorer,
    combine,
    combine_tensor,
    combine_within_sources,
    load_reward_ensemble,
    member_names,
    source_groups,
)


def test_combinations_on_hand_checked_numbers():
    # members 1, 2, 6: mean 3; population variance ((−2)² + (−1)² + 3²) / 3 = 14/3
    std = math.sqrt(14 / 3)
    assert combine([1, 2, 6], "mean").score == pytest.approx(3.0)
    assert combine([1, 2, 6], "min").score == pytest.approx(1.0)
    assert combine([1, 2, 6], "mean-k*std", k=1.0).score == pytest.approx(3.0 - std)
    assert combine([1, 2, 6], "mean-k*std", k=0.5).score == pytest.approx(3.0 - 0.5 * std)
    assert combine([1, 2, 6], "mean").spread == pytest.approx(std)
    # two members 1 and 3: spread 1 (ddof 0), mean − 2·std = 0
    two = combine([1.0, 3.0], "mean-k*std", k=2.0)
    assert (two.score, two.spread, two.members) == (pytest.approx(0.0), pytest.approx(1.0), (1.0, 3.0))
    # one member: every combination is its score, spread 0
    for how in COMBINATIONS:
        one = combine([-0.7], how, k=3.0)
        assert one.score == pytest.approx(-0.7) and one.spread == 0.0


def test_combine_tensor_works_on_the_last_dimension():
    t = torch.tensor([[[1.0, 3.0], [0.0, -2.0]]])  # batch 1 × tokens 2 × members 2
    assert combine_tensor(t, "mean").tolist() == [[2.0, -1.0]]
    assert combine_tensor(t, "min").tolist() == [[1.0, -2.0]]
    assert combine_tensor(t, "mean-k*std", 1.0).tolist() == [[1.0, -2.0]]  # std 1 each


def test_members_are_compared_within_a_source_not_by_their_offsets():
    # member B = A + 3 on source 1 (the same ranking), the opposite ranking on source 2: raw, source 1's constant gap
    # was the larger "disagreement" (1.5 against 0.5) and was queued first; min always took member A there
    table = torch.tensor([[1.0, 4.0], [2.0, 5.0], [1.0, 2.0], [2.0, 1.0], [7.0, 9.0]], dtype=torch.float64)
    groups = source_groups(["s1", "s1", "s2", "s2", "s3"], "en-ar")
    assert groups == [[0, 1], [2, 3], [4]]
    mean, spread = combine_within_sources(table, groups, "mean")
    assert mean.tolist() == pytest.approx(table.mean(dim=-1).tolist())  # the mean is unchanged
    # s3's one candidate: nothing to centre on — combined raw, as PPO and the cached evaluations combine it (as its
    # mean, min on an evaluation did nothing); a queue does not order it by disagreement (below)
    assert spread.tolist() == pytest.approx([0.0, 0.0, 0.5, 0.5, 1.0])
    low, _ = combine_within_sources(table, groups, "min")
    assert low.tolist() == pytest.approx([2.5, 3.5, 1.0, 1.0, 7.0])
    penalised, _ = combine_within_sources(table, groups, "mean-k*std", 2.0)
    assert penalised.tolist() == pytest.approx([2.5, 3.5, 0.5, 0.5, 6.0])
    from engine.feedback.uncertainty import uncertainty

    assert uncertainty([0, 0], spread[:2].tolist(), "disagreement") < uncertainty([0, 0], spread[2:4].tolist(),
                                                                                   "disagreement")
    assert uncertainty([8.0], spread[4:].tolist(), "disagreement") is None  # one candidate: not measured
    assert source_groups(["a", "a"], ["en-ar", "fr-ar"]) == [[0], [1]]  # one text in two pairs: two sources


@pytest.mark.parametrize(
    "how, k, message",
    [
        ("median", 1.0, "unknown ensemble combination"),
        ("mean-k*std", -1.0, "k must be"),
        ("mean", float("nan"), "k must be"),
    ],
)
def test_bad_settings_are_refused(how, k, message):
    with pytest.raises(ValueError, match=message):
        combine([1.0, 2.0], how, k)


def test_member_names_drop_blanks_and_repeats():
    assert member_names("rm-a", ["", "rm-b", "rm-a", " rm-c "]) == ["rm-a", "rm-b", "rm-c"]
    assert member_names("", ["rm-b"]) == ["rm-b"]
    assert member_names(None) == []


@pytest.fixture(scope="module")
def two_rms(tiny_policy_dir, tmp_path_factory):
    """Two reward models on the tiny backbone with different random heads (seeds 1 and 2)."""
    from engine.models.loading import load_tokenizer
    from engine.reward.model import build_reward_model, save_reward_model

    tok = load_tokenizer(tiny_policy_dir)
    folders = []
    for seed in (1, 2):
        model = build_reward_model(tiny_policy_dir, pad_token_id=tok.pad_token_id, seed=seed)
        with torch.no_grad():  # a head large enough that the members disagree clearly
            model.score.weight.mul_(50.0)
        folders.append(save_reward_model(model, tok, tmp_path_factory.mktemp(f"rm{seed}"), prompt_format="tags"))
    return tok, [str(f) for f in folders]


def test_scorer_combines_its_members_scores(two_rms):
    from engine.reward.scoring import RewardScorer

    _, paths = two_rms
    sources, cands = ["Good morning.", "Where is the station?"], ["صباح الخير.", "أين المحطة؟"]
    own = [RewardScorer(p).score(sources, cands, "en-ar") for p in paths]
    for how in COMBINATIONS:
        ensemble = EnsembleScorer(paths, how, k=1.5)
        scored = ensemble.score_with_spread(sources, cands, "en-ar")
        assert ensemble.score(sources, cands, "en-ar") == pytest.approx([s.score for s in scored])
        for i, s in enumerate(scored):  # one candidate per source: combined raw
            expected = combine([own[0][i], own[1][i]], how, 1.5)
            assert s.score == pytest.approx(expected.score, abs=1e-5)
            assert s.spread == pytest.approx(abs(own[0][i] - own[1][i]) / 2, abs=1e-5)
            assert s.members == pytest.approx((own[0][i], own[1][i]), abs=1e-5)
    assert any(abs(own[0][i] - own[1][i]) > 1e-3 for i in range(2))  # the members' scores differ
    # two candidates of one source: each member centred on the source, then combined
    own = [RewardScorer(p).score([sources[0]] * 2, cands, "en-ar") for p in paths]
    offsets = [sum(o) / 2 for o in own]
    for how in COMBINATIONS:
        same = EnsembleScorer(paths, how, k=1.5).score_with_spread([sources[0]] * 2, cands, "en-ar")
        for i, s in enumerate(same):
            expected = combine([own[0][i] - offsets[0], own[1][i] - offsets[1]], how, 1.5)
            assert s.score == pytest.approx(sum(offsets) / 2 + expected.score, abs=1e-5)
            assert s.spread == pytest.approx(expected.spread, abs=1e-5)
    gap = (own[0][0] - own[0][1]) - (own[1][0] - own[1][1])  # how differently the members rank the two
    assert [s.spread for s in same] == pytest.approx([abs(gap) / 4] * 2, abs=1e-5) and abs(gap) > 1e-3
    # an evaluation's outputs, one per sentence of a test set that holds a source twice: each combined raw, as
    # every other output is (min was the mean for those rows alone)
    each = EnsembleScorer(paths, "min").score_each([sources[0]] * 2, cands, "en-ar")
    assert each == pytest.approx([min(own[0][i], own[1][i]) for i in range(2)], abs=1e-5)
    assert RewardScorer(paths[0]).score_each([sources[0]] * 2, cands, "en-ar") == pytest.approx(own[0], abs=1e-6)


@pytest.mark.parametrize("how", COMBINATIONS)
def test_trl_get_reward_reads_the_combined_reward(two_rms, how):
    """TRL's own get_reward on the wrapper = the combination of get_reward on each member."""
    from trl.experimental.utils import get_reward

    tok, paths = two_rms
    members = [load_reward_ensemble([p]) for p in paths]
    ensemble = load_reward_ensemble(paths, how, k=2.0)
    assert isinstance(ensemble, EnsembleRewardModel)
    assert getattr(ensemble, ensemble.base_model_prefix) is ensemble.ensemble
    pad = tok.pad_token_id
    prompt = tok("<2ar> Good morning.")["input_ids"]
    responses = [
        tok("صباح الخير", add_special_tokens=False)["input_ids"],
        tok("صباح", add_special_tokens=False)["input_ids"],
    ]
    width = max(len(r) for r in responses) + 2
    rows = [prompt + r + [tok.eos_token_id] + [pad] * (width - len(r) - 1) for r in responses]
    query_responses = torch.tensor(rows)
    with torch.no_grad():
        _, combined, lengths = get_reward(ensemble, query_responses, pad, len(prompt))
        own = [get_reward(m, query_responses, pad, len(prompt)) for m in members]
    expected = combine_tensor(torch.stack([o[1] for o in own], dim=-1), how, 2.0)
    assert torch.allclose(combined, expected, atol=1e-5)
    assert torch.equal(lengths, own[0][2])
    assert not torch.allclose(own[0][1], own[1][1], atol=1e-3)


def test_wrapper_called_as_a_classifier_combines_pooled_rewards(two_rms):
    from engine.reward.encoding import source_ids
    from engine.reward.scoring import score_sequences

    tok, paths = two_rms
    ensemble = load_reward_ensemble(paths, "min")
    seqs = [source_ids(tok, "Thank you.", "en-ar", c, "tags") for c in ("شكرا", "شكرا جزيلا لك")]
    combined = score_sequences(ensemble, seqs, tok.pad_token_id)
    own = [score_sequences(m, seqs, tok.pad_token_id) for m in ensemble.members]
    assert combined == pytest.approx([min(a, b) for a, b in zip(*own, strict=True)], abs=1e-5)


def test_an_ensemble_refuses_to_mix_the_likelihood_head_with_others(two_rms, tiny_policy_dir, tmp_path):
    from engine.feedback.interactive import translate_and_rank
    from engine.reward.model import build_reward_model, save_reward_model

    tok, paths = two_rms
    likelihood = [str(save_reward_model(build_reward_model(tiny_policy_dir, head="likelihood", seed=seed,
                                                           pad_token_id=tok.pad_token_id),
                                        tok, tmp_path / f"lik{seed}", prompt_format="tags")) for seed in (1, 2)]
    with pytest.raises(ValueError, match="cannot mix reward models with the likelihood head"):
        EnsembleScorer([paths[0], likelihood[0]])
    with pytest.raises(ValueError, match="cannot mix"):
        load_reward_ensemble([likelihood[0], paths[1]])
    with pytest.raises(ValueError, match="cannot mix"):  # the Translate page's own ranking path
        translate_and_rank(source="Good morning.", pair="en-ar", model_name="tiny", model_path=str(tiny_policy_dir),
                           prompt_format="tags", rm_name="rm", rm_path=paths[0], extra_rm_paths=[likelihood[0]],
                           max_new_tokens=4, seed=0)
    # members with the same kind of head combine as before
    assert len(EnsembleScorer(likelihood).score(["Good morning."] * 2, ["صباح", "الخير"], "en-ar")) == 2


def test_an_ensemble_that_mixes_heads_is_refused_when_the_queue_or_run_is_made(store, tiny_policy, tiny_rm,
                                                                              demo_corpus, tiny_policy_dir, tmp_path):
    # a likelihood-head member beside a linear one was accepted: the queue failed at its first item, a PPO run once
    # its policy and reference had loaded
    from engine.feedback.queue import create_queue
    from engine.jobs.kinds import checked_config, job_kind
    from engine.models.loading import load_tokenizer
    from engine.reward.ensemble import resolve_members
    from engine.reward.model import build_reward_model, save_reward_model

    tokenizer = load_tokenizer(tiny_policy_dir)
    folder = save_reward_model(build_reward_model(tiny_policy_dir, pad_token_id=tokenizer.pad_token_id,
                                                  head="likelihood"), tokenizer, tmp_path / "lik",
                               prompt_format="tags")
    store.models.register("lik-rm", "reward", str(folder), metadata={"prompt_format": "tags"})
    with pytest.raises(ValueError, match="cannot mix reward models with the likelihood head"):
        create_queue(store, name="mix", corpus_ids=[demo_corpus], split="test", k=1, model=tiny_policy, rm=tiny_rm,
                     extra_rms=["lik-rm"], created_by="Lead", sample_size=2, ordering="disagreement")
    assert store.feedback.queue_named("mix") is None
    config = checked_config("ppo", {"policy": tiny_policy, "reward_model": tiny_rm, "extra_reward_models": ["lik-rm"],
                                    "corpus_ids": [demo_corpus]})
    with pytest.raises(ValueError, match="cannot mix reward models with the likelihood head"):
        job_kind("ppo").prepare(config, store, tmp_path / "run")
    assert [r.name for r in resolve_members(store, [tiny_rm])] == [tiny_rm]
    with pytest.raises(ValueError, match="tiny-sft is a policy model, not a reward model"):
        resolve_members(store, [tiny_rm, "tiny-sft"])
