"""The ``likelihood`` reward head: a linear head plus learned weights on the backbone's own log-likelihood.

A reward model built on a policy's backbone usually drops the language-model head and learns a score from the
last hidden state alone. On small preference sets (the demo's ~500 synthetic pairs) that head memorises its pairs
and stays at chance on new ones, while the policy's likelihood already prefers the chosen translation in three
to four pairs of five (74–79 % of the demo's validation pairs, :mod:`engine.reward.likelihood`). This head keeps
what the policy knew:

``reward(sequence) = w · h_last + a · log p(sequence so far) + b · (its number of tokens)``

where ``log p`` is the backbone's own causal log-likelihood of the tokens up to the scored one (its language-model
head, Gemma-2's logit soft-capping included), ``a`` starts at 1 and ``b`` and ``w`` are learnt. Within one
prompt the prompt's own log-likelihood and length are the same for every response, so comparisons (the
Bradley–Terry loss, ranking candidates, GRPO's group advantages) see the response's log-likelihood and length.

The model keeps the shape TRL's PPO reads (``getattr(model, model.base_model_prefix)`` is the backbone,
``model.score`` reads its last hidden state): the backbone is wrapped so that its last hidden state carries two
more channels, the running log-likelihood and the running token count, and ``model.score`` reads all of them.
"""

from __future__ import annotations

from typing import Any

import torch
from torch import nn

from engine.models.packed_head import token_log_probs

EXTRA_CHANNELS = 2
"""Channels the wrapped backbone adds to its last hidden state: running log-likelihood, running token count."""


class LikelihoodBackbone(nn.Module):
    """A causal-LM backbone whose last hidden state also carries the running log-likelihood and token count.

    ``lm_head``: the causal LM's output layer (``None`` when it is tied to the backbone's input embeddings);
    ``softcap``: the final-logit soft-capping of Gemma-2-style models (``None``: none).
    """

    def __init__(self, inner: nn.Module, lm_head: nn.Module | None, softcap: float | None) -> None:
        super().__init__()
        self.inner = inner
        self.lm_head = lm_head
        self.softcap = softcap

    def get_input_embeddings(self) -> nn.Module:
        """The wrapped backbone's input embeddings (Hugging Face's model API)."""
        return self.inner.get_input_embeddings()

    def set_input_embeddings(self, value: nn.Module) -> None:
        """Replace the wrapped backbone's input embeddings (Hugging Face's model API)."""
        self.inner.set_input_embeddings(value)

    def _logits(self, hidden: torch.Tensor) -> torch.Tensor:
        if self.lm_head is not None:
            logits = self.lm_head(hidden)
        else:
            logits = nn.functional.linear(hidden, self.inner.get_input_embeddings().weight)
        logits = logits.float()
        if self.softcap:
            logits = torch.tanh(logits / self.softcap) * self.softcap
        return logits

    def running_features(self, hidden: torch.Tensor, input_ids: torch.Tensor,
                         attention_mask: torch.Tensor | None) -> torch.Tensor:
        """``batch × tokens × 2``: at each position, the log-likelihood of the real tokens up to it (each token
        predicted from the ones before it; the first real token has none) and how many real tokens there are."""
        mask = torch.ones_like(input_ids) if attention_mask is None else attention_mask.to(input_ids.dtype)
        scored = (mask[:, 1:] * mask[:, :-1]).bool()  # a real token after a real token
        # the vocabulary-wide logits only where a token is scored: padding never goes through the head
        picked = token_log_probs(self._logits(hidden[:, :-1][scored]), input_ids[:, 1:][scored])
        token_lp = picked.new_zeros(scored.shape).masked_scatter(scored, picked)
        running = torch.cat([token_lp.new_zeros(token_lp.size(0), 1), token_lp.cumsum(dim=1)], dim=1)
        count = mask.to(token_lp.dtype).cumsum(dim=1)
        return torch.stack([running, count], dim=-1)

    def forward(self, input_ids: torch.Tensor | None = None, attention_mask: torch.Tensor | None = None,
                **kwargs: Any) -> Any:
        """The wrapped backbone's output, its last hidden state (and the last of ``hidden_states``) widened by
        :data:`EXTRA_CHANNELS`."""
        if input_ids is None:
            raise ValueError("the likelihood reward head needs input_ids (it scores the tokens themselves)")
        kwargs["return_dict"] = True
        out = self.inner(input_ids=input_ids, attention_mask=attention_mask, **kwargs)
        hidden = out.last_hidden_state
        features = self.running_features(hidden, input_ids, attention_mask).to(hidden.dtype)
        widened = torch.cat([hidden, features], dim=-1)
        out.last_hidden_state = widened
        if out.hidden_states is not None:
            out.hidden_states = (*out.hidden_states[:-1], widened)
        return out


class LikelihoodScore(nn.Module):
    """The head: ``linear(h) + a · log-likelihood + b · tokens`` on the widened last hidden state."""

    def __init__(self, linear: nn.Linear) -> None:
        super().__init__()
        self.linear = linear
        dtype = linear.weight.dtype
        self.likelihood_weights = nn.Parameter(torch.tensor([1.0, 0.0], dtype=dtype, device=linear.weight.device))

    def forward(self, widened: torch.Tensor) -> torch.Tensor:
        """Rewards (``… × 1``) from the widened hidden states."""
        hidden, features = widened[..., :-EXTRA_CHANNELS], widened[..., -EXTRA_CHANNELS:]
        return self.linear(hidden) + (features * self.likelihood_weights).sum(dim=-1, keepdim=True)


def wrap(model: Any, lm_head: nn.Module | None) -> Any:
    """Give a sequence classifier the likelihood head in place: wrap its backbone, replace its ``score``."""
    prefix = model.base_model_prefix
    softcap = getattr(model.config, "final_logit_softcapping", None)
    setattr(model, prefix, LikelihoodBackbone(getattr(model, prefix), lm_head, softcap))
    model.score = LikelihoodScore(model.score)
    return model


def output_layer(source: str, config: Any, load_kwargs: dict) -> nn.Module | None:
    """The causal LM's output layer when it is not tied to the input embeddings (``None`` when tied): read from
    the causal LM at ``source``."""
    if getattr(config, "tie_word_embeddings", True):
        return None
    from transformers import AutoModelForCausalLM

    lm = AutoModelForCausalLM.from_pretrained(source, **load_kwargs)
    head = lm.get_output_embeddings()
    del lm
    return head


def empty_output_layer(config: Any) -> nn.Module | None:
    """An output layer of the right shape for loading saved weights into (``None`` when tied)."""
    if getattr(config, "tie_word_embeddings", True):
        return None
    return nn.Linear(config.hidden_size, config.vocab_size, bias=False)
