"""Reward shaping for PPO: penalties per failed check, rollout statistics, and the ``get_reward`` wrapper run on
TRL's real ``get_reward`` with a tiny reward model."""

from __future__ import annotations

import pytest
import torch

from engine.rl.shaping import RolloutStats, ShapingConfig, penalties, shaped_get_reward

GOOD = "القطة نائمة على الكرسي"
SOURCE = "The cat is asleep on the chair"


def test_a_clean_arabic_translation_costs_nothing() -> None:
    cost, degenerate = penalties([SOURCE], [GOOD], ShapingConfig())
    assert cost == [0.0] and degenerate == [False]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", 1.0),  # empty: the empty penalty only (not also "non-Arabic")
        ("the cat sleeps on a chair today", 1.0),  # Latin script
        ("القطة القطة القطة القطة القطة القطة القطة القطة", 0.5),  # repetition
        (SOURCE, 1.0 + 0.5),  # a copy of the source is also not Arabic
    ],
)
def test_each_failed_check_subtracts_its_penalty(text: str, expected: float) -> None:
    cost, degenerate = penalties([SOURCE], [text], ShapingConfig())
    assert cost == [pytest.approx(expected)]
    assert degenerate == [True]


def test_penalties_follow_the_config_and_zero_turns_shaping_off() -> None:
    config = ShapingConfig(empty_penalty=3.0, non_arabic_penalty=0.0, repetition_penalty=0.0, copy_penalty=0.0)
    cost, _ = penalties([SOURCE, SOURCE], ["", "hello there my friend"], config)
    assert cost == [3.0, 0.0]
    assert config.active
    assert not ShapingConfig(0.0, 0.0, 0.0, 0.0).active


def test_drain_summarises_then_forgets() -> None:
    stats = RolloutStats(scores=[1.0, 3.0], shaped=[0.0, 3.0], lengths=[4, 6], degenerate=[True, False])
    summary = stats.drain()
    assert summary["reward_mean"] == 2.0 and summary["reward_std"] == 1.0
    assert summary["reward_min"] == 1.0 and summary["reward_max"] == 3.0
    assert summary["shaped_reward_mean"] == 1.5 and summary["response_length"] == 5.0
    assert summary["degenerate_share"] == 0.5
    assert stats.drain() == {}


def test_wrapper_shapes_reward_model_scores_and_passes_the_value_model_through(tiny_policy_dir) -> None:
    from trl.experimental.utils import get_reward

    from engine.models.loading import load_tokenizer
    from engine.models.prompting import encode_prompt
    from engine.reward.model import build_reward_model

    torch.manual_seed(0)
    tok = load_tokenizer(tiny_policy_dir)
    reward_model = build_reward_model(tiny_policy_dir, pad_token_id=tok.pad_token_id).eval()
    value_model = build_reward_model(tiny_policy_dir, pad_token_id=tok.pad_token_id).eval()
    prompt = encode_prompt(tok, SOURCE, "en-ar", "tags")
    responses = [tok(text, add_special_tokens=False)["input_ids"] for text in (GOOD, "the cat")]
    width = max(map(len, responses))
    rows = [prompt + r + [tok.pad_token_id] * (width - len(r)) for r in responses]
    query_responses = torch.tensor(rows)

    stats = RolloutStats()
    wrapped = shaped_get_reward(get_reward, reward_model, tok, ShapingConfig(non_arabic_penalty=2.0), stats)
    with torch.no_grad():
        _, raw, _ = get_reward(reward_model, query_responses, tok.pad_token_id, len(prompt))
        _, shaped, _ = wrapped(reward_model, query_responses, tok.pad_token_id, len(prompt))
        _, value_raw, _ = get_reward(value_model, query_responses, tok.pad_token_id, len(prompt))
        _, value_out, _ = wrapped(value_model, query_responses, tok.pad_token_id, len(prompt))

    # the Arabic response is kept as scored; the Latin one loses the non-Arabic penalty
    assert shaped[0].item() == pytest.approx(raw[0].item(), abs=1e-6)
    assert shaped[1].item() == pytest.approx(raw[1].item() - 2.0, abs=1e-5)
    assert torch.equal(value_out, value_raw)
    assert stats.degenerate == [False, True]
    assert stats.lengths == [len(responses[0]), len(responses[1])]
    assert len(stats.samples) == 2 and stats.samples[1][1] == "the cat"
    # the shaped reward charted includes TRL's missing-EOS penalty, which TRL subtracts after this call: neither
    # response here ends with EOS
    stats = RolloutStats()
    wrapped = shaped_get_reward(get_reward, reward_model, tok, ShapingConfig(non_arabic_penalty=2.0), stats,
                                missing_eos_penalty=1.0)
    ended = torch.tensor([prompt + responses[0] + [tok.eos_token_id] + [tok.pad_token_id] * (width - len(responses[0])),
                          rows[1] + [tok.pad_token_id]])
    with torch.no_grad():
        _, returned, _ = wrapped(reward_model, ended, tok.pad_token_id, len(prompt))
    assert stats.shaped == pytest.approx([returned[0].item(), returned[1].item() - 1.0], abs=1e-5)
