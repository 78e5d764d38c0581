"""Helpers for feedback tests: a tiny reward model, and requests stored without running a model."""

from __future__ import annotations

from pathlib import Path

from engine.feedback.interactive import RankedCandidate, Translation, record

ARABIC = ["القطة على الطاولة.", "القط فوق المائدة.", "هناك قطة على الطاولة.", "قطة الطاولة.", "على الطاولة القط."]


def build_tiny_rm(policy_dir: Path, folder: Path) -> Path:
    """A reward model with a fresh linear head on the tiny policy's backbone, saved as the studio saves one."""
    from engine.models.loading import load_tokenizer
    from engine.reward.model import build_reward_model, save_reward_model

    tok = load_tokenizer(policy_dir)
    return save_reward_model(build_reward_model(policy_dir, pad_token_id=tok.pad_token_id), tok, folder,
                             prompt_format="tags")


def fake_translation(source: str = "The cat is on the table.", pair: str = "en-ar", n: int = 5,
                     model: str = "tiny-sft", rm: str | None = "tiny-rm") -> Translation:
    """A translation with ``n`` made-up Arabic candidates, scored in decreasing order (no model involved)."""
    cands = [RankedCandidate(ARABIC[i % len(ARABIC)] + ("" if i < len(ARABIC) else f" {i}"), 1.0 - 0.1 * i,
                             "temperature:1.0x2", ["temperature:1.0x2"], 1) for i in range(n)]
    return Translation(source=source, pair=pair, model=model, rm=rm, strategies=["temperature:1.0x2"],
                       settings={"max_new_tokens": 16, "seed": 0, "mode": "batched"}, candidates=cands,
                       generate_s=0.1, score_s=0.01)


def stored_request(store, linguist: str | None = "Amina", **kwargs) -> str:
    """Store a :func:`fake_translation`; returns its request id."""
    return record(store, fake_translation(**kwargs), linguist=linguist, detected="en")
