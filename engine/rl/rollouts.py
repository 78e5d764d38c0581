"""GRPO / RLOO rollouts sampled by the studio's decoding loop instead of TRL's ``generate()`` call.

Why: TRL's GRPOTrainer and RLOOTrainer (trl 1.12) sample a step's completions with ``model.generate`` on the
prompts repeated ``num_generations`` times: each repeat runs its own prefill, and every row is decoded until the
longest one ends. On the demo preset at 8 sources per step that generation was about 0.5 s of a 1.2 s step
(``bench.grpo``; through this loop 0.19 s of 1.0 s). The studio's loop (:func:`engine.decoding.loop.decode_rows`)
prefills each prompt once for all its samples and drops finished rows — ``bench.generate`` measures it at ~6×
plain ``generate()`` — and :class:`~engine.decoding.sampler.FastSampler` draws from the same distribution
transformers' warpers give (temperature, top-k, top-p).

:func:`with_studio_rollouts` subclasses a TRL trainer so that its ``_generate_single_turn`` takes that path when it
gives the same distribution, and falls back to TRL's own otherwise: vLLM or continuous batching, images, a
generation setting the sampler does not implement (``min_p``, a repetition penalty, extra ``generation_kwargs``),
a model the loop does not serve (:func:`~engine.decoding.loop.loop_supported`: e.g. a PEFT-wrapped policy), a model
training with gradient checkpointing (which turns its cache off), or a batch that is not each prompt repeated
``num_generations`` times in a row (the layout TRL's sampler gives).
Completions keep TRL's form: the new token ids up to and including the first EOS.

**The greedy translation in the group** (``greedy_in_group``; a self-critical baseline, Rennie et al. 2017:
"Self-critical Sequence Training"): in training, the first translation of each group is the policy's greedy one
instead of a sample. It is rewarded and weighed against the samples like them, so where a sample beats it, the
greedy translation is pushed down and the sample up — the update aims at the translation greedy decoding gives,
which is what the Compare page scores. It is not a draw from the policy, so the group's gradient is no longer an
unbiased estimate of the sampled translations' expected reward; the KL penalty still holds the policy to its
start.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from engine.decoding.loop import decode_rows, loop_supported
from engine.decoding.sampler import FastSampler


def repeated_prompts(prompt_ids: Sequence[Sequence[int]], samples: int) -> list[list[int]] | None:
    """The distinct prompts of a batch laid out as each prompt ``samples`` times in a row, or ``None`` when the
    batch is not laid out so."""
    if samples < 1 or not prompt_ids or len(prompt_ids) % samples:
        return None
    prompts = []
    for start in range(0, len(prompt_ids), samples):
        first = list(prompt_ids[start])
        if any(list(p) != first for p in prompt_ids[start + 1:start + samples]):
            return None
        prompts.append(first)
    return prompts


def sampler_for(generation_config: Any, extra_kwargs: dict | None = None) -> FastSampler | None:
    """The :class:`FastSampler` that draws as ``generation_config`` does (sampling with temperature, top-k, top-p
    only), or ``None`` when it asks for more."""
    if extra_kwargs or not getattr(generation_config, "do_sample", False):
        return None
    if getattr(generation_config, "min_p", None) or (getattr(generation_config, "repetition_penalty", None)
                                                     or 1.0) != 1.0:
        return None
    return FastSampler(float(generation_config.temperature or 1.0), int(generation_config.top_k or 0),
                       float(generation_config.top_p if generation_config.top_p is not None else 1.0))


def sample_completions(model: Any, prompts: Sequence[Sequence[int]], samples: int, sampler: FastSampler, *,
                       max_new_tokens: int, eos_token_id: int, pad_token_id: int,
                       greedy_first: bool = False) -> list[list[int]]:
    """``samples`` completions of every prompt, prompt by prompt (TRL's order), each up to and including its
    first EOS; ``greedy_first``: the first of each prompt's is its greedy translation, the rest sampled."""
    rules = [sampler] * samples if not greedy_first or samples < 2 else [None] + [sampler] * (samples - 1)
    rows = decode_rows(model, prompts, rules, max_new_tokens=max_new_tokens,
                       eos_token_id=eos_token_id, pad_token_id=pad_token_id)
    return [ids for per_prompt in rows for ids in per_prompt]


def with_studio_rollouts(trainer_cls: type, returns_logprobs: bool, greedy_in_group: bool = False) -> type:
    """A subclass of TRL's ``trainer_cls`` (GRPOTrainer: ``returns_logprobs=True``, its ``_generate_single_turn``
    returns ``(completion_ids, logprobs)``; RLOOTrainer: ``False``) whose rollouts go through the studio's loop
    where that gives the same distribution (module docstring); ``greedy_in_group``: in training, each group's first
    translation is the greedy one (module docstring)."""
    from trl.models import unwrap_model_for_generation

    class StudioRollouts(trainer_cls):
        studio_rollouts_used = 0
        """How many generation calls took the studio's path (the job logs it)."""
        greedy_groups = 0
        """How many groups had the greedy translation as their first (the job logs it)."""

        def _generate_single_turn(self, prompt_ids, images, multimodal_fields, *args, **kwargs):
            plan = self._studio_rollout_plan(prompt_ids, images, multimodal_fields)
            if plan is None:
                return super()._generate_single_turn(prompt_ids, images, multimodal_fields, *args, **kwargs)
            prompts, samples, sampler = plan
            with (unwrap_model_for_generation(self.model_wrapped, self.accelerator,
                                              gather_deepspeed3_params=self.args.ds3_gather_for_generation)
                  as unwrapped, self._dist.summon_full_params(self.model_wrapped, recurse=False)):
                completions = None
                greedy = greedy_in_group and self.model.training and samples > 1
                # gradient checkpointing in training mode turns the model's cache off: the loop needs it
                if loop_supported(unwrapped) and not (unwrapped.training
                                                      and getattr(unwrapped, "is_gradient_checkpointing", False)):
                    completions = sample_completions(
                        unwrapped, prompts, samples, sampler, max_new_tokens=self.max_completion_length,
                        eos_token_id=self._tokenizer.eos_token_id, pad_token_id=self._tokenizer.pad_token_id,
                        greedy_first=greedy)
            if completions is None:
                return super()._generate_single_turn(prompt_ids, images, multimodal_fields, *args, **kwargs)
            self.studio_rollouts_used += 1
            self.greedy_groups += len(prompts) if greedy else 0
            return (completions, None) if returns_logprobs else completions

        def _studio_rollout_plan(self, prompt_ids, images, multimodal_fields):
            if (self.use_vllm or getattr(self, "use_transformers_continuous_batching", False) or images
                    or multimodal_fields or self._tokenizer.pad_token_id is None
                    or self._tokenizer.eos_token_id is None):
                return None
            sampler = sampler_for(self.generation_config, self.args.generation_kwargs)
            samples = self.num_generations if self.model.training else self.num_generations_eval
            prompts = repeated_prompts(prompt_ids, samples)
            if sampler is None or prompts is None:
                return None
            return prompts, samples, sampler

    StudioRollouts.__name__ = StudioRollouts.__qualname__ = f"Studio{trainer_cls.__name__}"
    return StudioRollouts
