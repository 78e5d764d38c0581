"""Log-probabilities of a GRPO / RLOO batch with each distinct prompt run through the model once, and the
vocabulary-wide logits computed only where a completion token is read.

Why: TRL's GRPOTrainer and RLOOTrainer score a step's completions (the policy's forward and backward pass, and the
reference model's forward pass) on ``prompt + completion`` rows in which every prompt stands ``num_generations``
times: the prompt's tokens go through every layer once per sample, in the forward and in the backward pass. On the
demo preset (16 sources × 8 samples, prompts of 15–35 tokens once padded, translations of ~8) most of a step's
arithmetic was those repeats and padding. Here the batch's distinct prompts are run once with a key/value cache, the
cache is gathered to one row per completion (``index_select``: the gradient of a prompt shared by eight completions
is the sum of theirs, as it is when each row computes it; its backward adds in a fixed order, where plain indexing's
accumulates in parallel and made two runs of the same seed differ), and the completions are run on top of it, in
groups of similar length.

The logits are the other half of the cost. TRL materialises them for every row at every position of the longest
completion (``rows × width × vocabulary``: 128 × 25 × 8,000 floats on the demo preset, when the translations average
~9 tokens), divides, log-softmaxes and takes the entropy of all of them, forward and backward. Here a forward
pre-hook on the model's output embeddings (:class:`~engine.models.packed_head.PackedHead`) hands them only the
hidden states of the positions TRL reads (each row's completion tokens: its attention mask), so the model's own
head — with its own post-processing, e.g. Gemma-2's logit soft-capping — runs on those alone, and the
log-probabilities and entropies (TRL's own ``selective_log_softmax`` and ``entropy_from_logits``) are computed on
them and scattered back to TRL's ``(rows, width)`` layout with zeros at the padding, which TRL's completion mask
leaves out. Measured on the demo preset's shapes: the policy's forward and backward pass 1.0 s → 0.55 s, the
reference's pass 0.42 s → 0.22 s (``bench.grpo`` measures the whole step).

The model calls build their attention masks by broadcasting (:func:`engine.decoding.masks.fast_masks`: the same
masks, without transformers' per-call ``vmap``, ~10 % of a step under a profiler; ``bench.rl_masks``).

The values are the whole rows' up to floating-point rounding (``tests/engine/rl/test_shared_prompts.py``: the same
positions ``0 … P+C−1`` as TRL's forward numbers them, the same masks). :func:`shared_prompt_logps` returns ``None``
where it does not apply, and the caller then runs TRL's own pass: a model that is not a plain transformers model with
a cache (a PEFT or DeepSpeed wrapper, gradient checkpointing in training, which turns the cache off), extra model
inputs (images, token types, MoE router logits), completions that are not right-padded, or a batch without repeated
prompts.
"""

from __future__ import annotations

from typing import Any

from engine.decoding.loop import loop_supported
from engine.decoding.masks import fast_masks
from engine.models.packed_head import PackedHead

LENGTH_GROUPS = 4
"""Groups of completions of similar length run on the shared prompts one after the other (each as wide as its
longest): a step's translations differ in length several times over, and one long sample made every row as long."""


def _read(logits: Any, targets: Any, temperature: float, compute_entropy: bool, entropy_grad: bool
          ) -> tuple[Any, Any | None]:
    """Log-probabilities of ``targets`` and (optionally) entropies of ``logits`` (positions × vocabulary), as TRL
    reads its logits: divided by the sampling temperature, its own ``selective_log_softmax`` and
    ``entropy_from_logits``."""
    import torch
    from trl.trainer.utils import entropy_from_logits, selective_log_softmax

    if temperature != 1.0:
        logits = logits / temperature
    logps = selective_log_softmax(logits.unsqueeze(0), targets.unsqueeze(0))[0]  # one logsumexp over all positions
    if not compute_entropy:
        return logps, None
    with torch.set_grad_enabled(entropy_grad and torch.is_grad_enabled()):
        return logps, entropy_from_logits(logits)


@fast_masks()  # identical masks, built without transformers' per-call vmap: ten model calls a step
def shared_prompt_logps(model: Any, input_ids: Any, attention_mask: Any, logits_to_keep: int, *,
                        temperature: float = 1.0, compute_entropy: bool = False, entropy_grad: bool = False,
                        groups: int = LENGTH_GROUPS) -> tuple[Any, Any | None] | None:
    """The per-token log-probabilities of the completions (rows × ``logits_to_keep``) and, with
    ``compute_entropy``, the entropies of their distributions (with gradient only with ``entropy_grad``) — what TRL's
    ``_get_per_token_logps_and_entropies`` returns for these rows — computed with each distinct prompt once and the
    logits only at the completions' own positions (module docstring); ``None`` where that does not apply.

    ``input_ids`` and ``attention_mask`` are TRL's ``prompt + completion`` rows (prompts left-padded to one width,
    completions right-padded), ``logits_to_keep`` the completions' width. Positions past a row's completion hold 0.
    """
    import torch
    from transformers import DynamicCache, PreTrainedModel

    if not isinstance(model, PreTrainedModel) or not loop_supported(model):
        return None
    if model.training and getattr(model, "is_gradient_checkpointing", False):
        return None
    head = model.get_output_embeddings()
    width = int(logits_to_keep)
    prompt_width = input_ids.shape[1] - width
    if head is None or width < 1 or prompt_width < 1:
        return None
    ids, mask = input_ids, attention_mask
    lengths = mask[:, prompt_width:].sum(dim=1)
    positions = torch.arange(width, device=ids.device)
    if not torch.equal(mask[:, prompt_width:].bool(), positions[None, :] < lengths[:, None]):
        return None  # not right-padded completions: the rows' own pass reads them
    started = torch.nonzero(lengths > 0).flatten()
    if not len(started):
        return None  # not one completion token to read
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
    # a completion's first token is predicted by its prompt's last position
    parts = [(started, torch.zeros_like(started),
              _read(first.logits[:, -1].index_select(0, row_of[started]), ids[started, prompt_width], temperature,
                    compute_entropy, entropy_grad))]
    # each later token by the completion's own position before it, run in groups of rows of similar length
    order = torch.argsort(lengths, stable=True)
    for rows in order.tensor_split(min(groups, len(order))):
        steps = int(lengths[rows].max()) - 1  # tensor_split into at most len(order) parts: none is empty
        if steps < 1:
            continue
        keep = positions[None, :steps] < (lengths[rows, None] - 1)
        prompts_of = row_of[rows]
        with PackedHead(head, keep) as packed:
            out = model(input_ids=ids[rows, prompt_width:prompt_width + steps],
                        attention_mask=mask[rows, :prompt_width + steps],
                        past_key_values=DynamicCache([(k.index_select(0, prompts_of), v.index_select(0, prompts_of))
                                                      for k, v in prompt_states]),
                        use_cache=True, logits_to_keep=steps)
        logits = packed.read(out.logits)
        row_idx, step_idx = torch.nonzero(keep, as_tuple=True)
        at = rows[row_idx]
        parts.append((at, step_idx + 1, _read(logits, ids[at, prompt_width + step_idx + 1], temperature,
                                              compute_entropy, entropy_grad)))
    flat = torch.cat([r * width + p for r, p, _ in parts])

    def scattered(values: list) -> Any:
        values = torch.cat(values)
        return values.new_zeros(ids.shape[0] * width).index_put((flat,), values).view(ids.shape[0], width)

    logps = scattered([v[0] for _, _, v in parts])
    return logps, (scattered([v[1] for _, _, v in parts]) if compute_entropy else None)


def with_shared_prompts(trainer_cls: type) -> type:
    """A subclass of TRL's GRPOTrainer or RLOOTrainer whose log-probabilities (the policy's, with gradient, and the
    reference's) are computed by :func:`shared_prompt_logps` (module docstring); on one process only — under DDP,
    DeepSpeed or FSDP, for MoE models' auxiliary loss, multimodal inputs, or where the function steps aside, TRL's
    own pass runs."""

    class SharedPrompts(trainer_cls):
        shared_prompt_calls = 0
        """How many calls took the shared path (the job logs it)."""

        def _get_per_token_logps_and_entropies(self, model, input_ids, attention_mask, logits_to_keep,
                                               batch_size=None, compute_entropy=False, compute_aux_loss=False,
                                               **extra):
            import torch

            if (self.accelerator.num_processes == 1 and not compute_aux_loss
                    and all(v is None for v in extra.values())):
                size = batch_size or input_ids.size(0)
                chunks = []
                for start in range(0, input_ids.size(0), size):
                    chunk = shared_prompt_logps(
                        model, input_ids[start:start + size], attention_mask[start:start + size], logits_to_keep,
                        temperature=self.temperature, compute_entropy=compute_entropy,
                        entropy_grad=getattr(self, "_entropy_bonus_enabled", False))
                    if chunk is None:
                        break
                    chunks.append(chunk)
                else:
                    self.shared_prompt_calls += 1
                    return (torch.cat([c[0] for c in chunks]),
                            torch.cat([c[1] for c in chunks]) if compute_entropy else None, None)
            return super()._get_per_token_logps_and_entropies(
                model, input_ids, attention_mask, logits_to_keep, batch_size=batch_size,
                compute_entropy=compute_entropy, compute_aux_loss=compute_aux_loss, **extra)

    SharedPrompts.__name__ = SharedPrompts.__qualname__ = f"SharedPrompts{trainer_cls.__name__}"
    return SharedPrompts
