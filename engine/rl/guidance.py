"""Reference guidance for GRPO / RLOO: the corpus reference as one translation of a source's group.

Why: an RL step learns only from the policy's own samples, and a small model cannot sample a word it never learnt
(on the demo model the best of 16 samples, picked with the reference, still misses it). Off-policy guidance
(LUFFY, Yan et al. 2025: "Learning to Reason under Off-Policy Guidance") puts a demonstration in the group beside
the samples: it is scored by the same rewards and its advantage is computed against the same group, so where the
samples are poor it is pushed up hard, and where they already match it, not at all. Here the demonstration is the
corpus reference, which Phase 2's prompts carry anyway for the chrF reward.

:func:`with_reference_guidance` subclasses a TRL trainer (GRPOTrainer or RLOOTrainer, trl 1.12): in training, for a
seeded share of the step's groups, the group's last sampled completion is replaced by the reference's token ids
and EOS. The trainer then scores it as any other completion. Its "old" log-probabilities are the policy's own at
the step (TRL's on-policy path when a step's batch is used once), so the importance ratio is 1 and its gradient is
its advantage × the gradient of its log-likelihood — an advantage-weighted NLL term on the reference, held to the
starting policy by the same KL penalty. A reference longer than ``max_completion_length`` tokens is not put in
(it would be cut); nor is one under vLLM, whose sampling log-probabilities would have to be made up for it.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Any

from engine.reward.encoding import response_ids


def guided_completions(completions: list[list[int]], references: Sequence[str], samples: int, share: float,
                       rng: random.Random, tokenizer: Any, max_tokens: int) -> tuple[list[list[int]], int]:
    """``completions`` (each source's ``samples`` in a row) with the last of a ``share`` of the groups replaced by
    its reference's ids + EOS; returns them and how many groups took their reference. A group whose reference is
    empty or longer than ``max_tokens`` keeps its samples."""
    if samples < 2 or len(completions) != len(references) or len(completions) % samples:
        return completions, 0
    out = list(completions)
    placed = 0
    for start in range(0, len(out), samples):
        reference = (references[start] or "").strip()
        if not reference or rng.random() >= share:
            continue
        ids = response_ids(tokenizer, reference)
        if len(ids) > max_tokens:
            continue
        out[start + samples - 1] = ids
        placed += 1
    return out, placed


def with_reference_guidance(trainer_cls: type, share: float, seed: int, returns_logprobs: bool) -> type:
    """A subclass of TRL's ``trainer_cls`` that puts the reference in a ``share`` of the training groups (module
    docstring); ``returns_logprobs`` as for :func:`engine.rl.rollouts.with_studio_rollouts`."""

    class ReferenceGuided(trainer_cls):
        guided_groups = 0
        """How many groups took their reference (the job logs it)."""
        _batch_references: list[str] | None = None
        _guidance_rng = random.Random(seed)

        def _generate_and_score_completions(self, inputs, *args, **kwargs):
            self._batch_references = [x.get("reference") or "" for x in inputs]
            try:
                return super()._generate_and_score_completions(inputs, *args, **kwargs)
            finally:
                self._batch_references = None

        def _generate_single_turn(self, prompt_ids, images, multimodal_fields, *args, **kwargs):
            result = super()._generate_single_turn(prompt_ids, images, multimodal_fields, *args, **kwargs)
            completions, logprobs = result if returns_logprobs else (result, None)
            references = self._batch_references
            if (not self.model.training or references is None or logprobs is not None
                    or len(references) != len(prompt_ids)):
                return result
            completions, placed = guided_completions(
                [list(c) for c in completions], references, self.num_generations, share, self._guidance_rng,
                self._tokenizer, self.max_completion_length)
            self.guided_groups += placed
            return (completions, logprobs) if returns_logprobs else completions

    ReferenceGuided.__name__ = ReferenceGuided.__qualname__ = f"ReferenceGuided{trainer_cls.__name__}"
    return ReferenceGuided
