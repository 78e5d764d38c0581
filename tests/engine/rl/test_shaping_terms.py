"""Reward shaping with glossaries: the terminology penalty, and the PPO get_reward wrapper applying it."""

from __future__ import annotations

import pytest
import torch

from engine.glossary import GlossaryEntry, TermIndex
from engine.rl.shaping import RolloutStats, ShapingConfig, penalties, shaped_get_reward, terminology_penalties

TERMS = TermIndex([("g", GlossaryEntry("remote control", ("جهاز التحكم",))), ("g", GlossaryEntry("plant", ("نبات",)))])
OFF = ShapingConfig(empty_penalty=0, non_arabic_penalty=0, repetition_penalty=0, copy_penalty=0)


def test_penalty_is_the_missed_share_times_the_weight_and_zero_without_terms():
    sources = [
        "Water the plants and find the remote control.",
        "Water the plants and find the remote control.",
        "Good morning.",
    ]
    texts = ["اسق النبات وابحث عن جهاز التحكم.", "اسق الزرع وابحث عن جهاز التحكم.", "صباح الخير."]
    assert terminology_penalties(sources, texts, TERMS, 2.0) == [0.0, 1.0, 0.0]
    assert terminology_penalties(sources, texts, None, 2.0) == [0.0] * 3
    config = ShapingConfig(
        empty_penalty=0, non_arabic_penalty=0, repetition_penalty=0, copy_penalty=0, terminology_penalty=2.0
    )
    assert config.active and not OFF.active
    assert penalties(sources, texts, config, terms=TERMS)[0] == [0.0, 1.0, 0.0]


def test_wrapper_subtracts_the_penalty_from_reward_model_scores_only(tiny_policy_dir, tmp_path):
    """TRL's own get_reward on a tiny reward model, wrapped: the shaped score is the raw score minus the penalty."""
    from trl.experimental.utils import get_reward as trl_get_reward

    from engine.models.loading import load_tokenizer
    from engine.models.prompting import encode_prompt
    from engine.reward.model import build_reward_model

    tok = load_tokenizer(tiny_policy_dir)
    torch.manual_seed(0)
    reward_model = build_reward_model(tiny_policy_dir, pad_token_id=tok.pad_token_id).eval()
    value_model = build_reward_model(tiny_policy_dir, pad_token_id=tok.pad_token_id).eval()
    query = encode_prompt(tok, "Find the remote control.", "en-ar", "tags")
    responses = [
        tok("ابحث عن جهاز التحكم.", add_special_tokens=False)["input_ids"],
        tok("ابحث عن الريموت.", add_special_tokens=False)["input_ids"],
    ]
    width = max(len(r) for r in responses)
    rows = [query + r + [tok.pad_token_id] * (width - len(r)) for r in responses]
    qr = torch.tensor(rows)
    config = ShapingConfig(
        empty_penalty=0, non_arabic_penalty=0, repetition_penalty=0, copy_penalty=0, terminology_penalty=1.5
    )
    stats = RolloutStats()
    get_reward = shaped_get_reward(trl_get_reward, reward_model, tok, config, stats, terms=TERMS)
    with torch.no_grad():
        _, raw, _ = trl_get_reward(reward_model, qr, tok.pad_token_id, len(query))
        _, shaped, _ = get_reward(reward_model, qr, tok.pad_token_id, len(query))
        _, value_raw, _ = trl_get_reward(value_model, qr, tok.pad_token_id, len(query))
        _, value, _ = get_reward(value_model, qr, tok.pad_token_id, len(query))
    assert (raw - shaped).tolist() == pytest.approx([0.0, 1.5], abs=1e-5)
    assert value.tolist() == pytest.approx(value_raw.tolist())
    assert stats.drain()["shaped_reward_mean"] == pytest.approx(float(shaped.mean()), abs=1e-5)


def test_wrapper_gives_the_checks_and_the_glossary_each_rollouts_own_source_and_pair(tiny_policy_dir, tmp_path):
    """A ``tags`` prompt decodes without its language tag: the penalty matched English "pain" (an ache) against the
    French glossary's ``pain → خبز``; an ``instruction`` prompt decoded as the whole request, read as English."""
    from trl.experimental.utils import get_reward as trl_get_reward

    from engine.glossary.files import index_from_file, write_entries
    from engine.models.loading import load_tokenizer
    from engine.models.prompting import encode_prompt
    from engine.reward.model import build_reward_model
    from engine.rl.shaping import PromptSources

    tok = load_tokenizer(tiny_policy_dir)
    reward_model = build_reward_model(tiny_policy_dir, pad_token_id=tok.pad_token_id).eval()
    terms = index_from_file(write_entries(tmp_path / "glossary.jsonl", [
        ("fr", "fr-ar", GlossaryEntry("pain", ("خبز",))), ("en", "en-ar", GlossaryEntry("back", ("ظهر",)))]))
    prompts = [(encode_prompt(tok, source, pair, "tags"), source, pair)
               for source, pair in [("pain", "en-ar"), ("Le pain", "fr-ar")]]
    width = max(len(ids) for ids, _, _ in prompts)
    response = tok("ألم", add_special_tokens=False)["input_ids"]
    qr = torch.tensor([[tok.pad_token_id] * (width - len(ids)) + ids + response for ids, _, _ in prompts])
    config = ShapingConfig(empty_penalty=0, non_arabic_penalty=0, repetition_penalty=0, copy_penalty=0,
                           terminology_penalty=1.0)
    shaped = {}
    for name, lookup in (("decoded", None), ("prompts", PromptSources(prompts, tok.pad_token_id))):
        stats = RolloutStats()
        get_reward = shaped_get_reward(trl_get_reward, reward_model, tok, config, stats, terms=terms, prompts=lookup)
        with torch.no_grad():
            shaped[name] = get_reward(reward_model, qr, tok.pad_token_id, width)[1]
        if lookup is not None:
            assert [s[0] for s in stats.samples] == ["pain", "Le pain"]
    # English "pain" has no term of its own pair (no penalty); the French one misses خبز either way
    assert (shaped["prompts"] - shaped["decoded"]).tolist() == pytest.approx([1.0, 0.0], abs=1e-5)
    # a query that is not among the prompts keeps its decoded text
    assert PromptSources(prompts, tok.pad_token_id).lookup(torch.tensor([[5, 6]]), ["other"]) == (["other"], [None])
