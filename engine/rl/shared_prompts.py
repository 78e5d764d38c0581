"""Log-probabilities of a GRPO / RLOO batch with each distinct prompt run through the model once.

Why: TRL's GRPOTrainer and RLOOTrainer score a step's completions (the policy's forward and backward pass, and the
reference model's forward pass) on ``prompt + completion`` rows in which every prompt stands ``num_generations``
times: the prompt's tokens go through every layer once per sample, in the forward and in the backward pass. On the
demo preset (16 sources × 8 samples, prompts of 15–35 tokens once padded, translations of ~8) most of a step's
arithmetic was those repeats and padding. Here the batch's distinct prompts are run once with a key/value cache, the
cache is gathered to one row per completion (``index_select``: the gradient of a prompt shared by eight completions
is the sum of theirs, as it is when each row computes it; its backward adds in a fixed order, where plain indexing's
accumulates in parallel and made two runs of the same seed differ), and the completions are run on top of it. The
logits are the ones the whole rows give — the same positions (``0 … P+C−1``, as TRL's forward numbers them), the
same masks — up to floating-point rounding (``tests/engine/rl/test_shared_prompts.py``).

:func:`shared_prompt_logits` returns ``None`` where it does not apply, and the caller then runs the model as TRL
does: a model that is not a plain transformers model with a cache (a PEFT or DeepSpeed wrapper, gradient
checkpointing in training, which turns the cache off), extra model inputs (images, token types), or a batch without
repeated prompts.
"""

from __future__ import annotations

from typing import Any

from engine.decoding.loop import loop_supported

_MODEL_INPUTS = {"input_ids", "attention_mask", "logits_to_keep", "use_cache"}
"""The inputs TRL passes for a text-only model without MoE router logits: the only case handled here."""

LENGTH_GROUPS = 4
"""Groups of completions of similar length run on the shared prompts one after the other (each as wide as its
longest): a step's translations differ in length several times over, and one long sample made every row as long."""


def shared_prompt_logits(model: Any, inputs: dict[str, Any], groups: int = LENGTH_GROUPS) -> Any | None:
    """``model(**inputs).logits`` computed with each distinct prompt once, or ``None`` where that does not apply.

    ``inputs`` are TRL's: ``input_ids`` and ``attention_mask`` of ``prompt + completion`` rows (prompts left-padded
    to one width, completions right-padded) and ``logits_to_keep`` = completion length + 1. The completions run in
    ``groups`` groups of rows of similar length, each only as wide as its longest: right padding changes no logit
    before it, and the positions past a row's end (zeros here) are the ones TRL's completion mask leaves out.
    """
    import torch
    from transformers import DynamicCache, PreTrainedModel

    if set(inputs) != _MODEL_INPUTS or not isinstance(model, PreTrainedModel) or not loop_supported(model):
        return None
    if model.training and getattr(model, "is_gradient_checkpointing", False):
        return None
    ids, mask, keep = inputs["input_ids"], inputs["attention_mask"], int(inputs["logits_to_keep"])
    prompt_width = ids.shape[1] - (keep - 1)
    if keep < 2 or prompt_width < 1:
        return None
    prompt_rows = torch.cat([ids[:, :prompt_width], mask[:, :prompt_width]], dim=1)
    distinct, row_of = torch.unique(prompt_rows, dim=0, return_inverse=True)
    if distinct.shape[0] == ids.shape[0]:
        return None  # no prompt repeats: nothing to share
    # a cache without the model's sliding-window layers keeps every prompt position, as the whole rows' pass sees
    # them; the window itself is in the attention masks either way
    cache = DynamicCache()
    first = model(input_ids=distinct[:, :prompt_width], attention_mask=distinct[:, prompt_width:],
                  past_key_values=cache, use_cache=True, logits_to_keep=1)
    prompt_states = [(layer.keys, layer.values) for layer in cache.layers]
    lengths = mask[:, prompt_width:].sum(dim=1)
    order = torch.argsort(lengths, stable=True)
    parts = []
    for rows in order.tensor_split(min(groups, len(order))):
        width = max(1, int(lengths[rows].max()))
        prompts_of = row_of[rows]
        part = model(input_ids=ids[rows, prompt_width:prompt_width + width],
                     attention_mask=mask[rows, :prompt_width + width],
                     past_key_values=DynamicCache([(k.index_select(0, prompts_of), v.index_select(0, prompts_of))
                                                   for k, v in prompt_states]),
                     use_cache=True, logits_to_keep=width)
        # the last prompt position's logits predict the first completion token; the completion's own the rest
        logits = torch.cat([first.logits.index_select(0, prompts_of), part.logits], dim=1)
        parts.append(torch.nn.functional.pad(logits, (0, 0, 0, keep - logits.shape[1])))
    return torch.cat(parts)[torch.argsort(order)]


class SharedPromptModel:
    """Stands in for a model in TRL's log-probability computation: calls return an object with the ``logits`` of
    :func:`shared_prompt_logits`, or the model's own output where that does not apply."""

    def __init__(self, model: Any) -> None:
        self.model = model
        self.shared_calls = 0
        """How many calls took the shared path."""

    def __call__(self, **inputs: Any) -> Any:
        logits = shared_prompt_logits(self.model, inputs)
        if logits is None:
            return self.model(**inputs)
        self.shared_calls += 1
        return _Output(logits)


def with_shared_prompts(trainer_cls: type) -> type:
    """A subclass of TRL's GRPOTrainer or RLOOTrainer whose log-probabilities (the policy's, with gradient, and the
    reference's) are computed with each distinct prompt once (module docstring); on one process only — under DDP,
    DeepSpeed or FSDP the wrapped model's own forward runs, as TRL runs it."""

    class SharedPrompts(trainer_cls):
        shared_prompt_calls = 0
        """How many model calls took the shared path (the job logs it)."""

        def _get_per_token_logps_and_entropies(self, model, *args, **kwargs):
            if self.accelerator.num_processes > 1:
                return super()._get_per_token_logps_and_entropies(model, *args, **kwargs)
            proxy = SharedPromptModel(model)
            out = super()._get_per_token_logps_and_entropies(proxy, *args, **kwargs)
            self.shared_prompt_calls += proxy.shared_calls
            return out

    SharedPrompts.__name__ = SharedPrompts.__qualname__ = f"SharedPrompts{trainer_cls.__name__}"
    return SharedPrompts


class _Output:
    """The one field of a causal LM's output that TRL reads here."""

    def __init__(self, logits: Any) -> None:
        self.logits = logits
