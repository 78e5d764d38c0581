"""A decoding step of Gemma-2 and Llama-family models in plain tensor operations over the model's own weights.

Why: after a batch's prefill, the studio's loop (:mod:`engine.decoding.loop`) runs one forward pass per new token.
On a small model on a CPU most of such a step is not arithmetic: profiled on the shipped demo model (Gemma-2,
5.2M parameters, 384 rows, one thread) transformers' step spent ~11 % copying the key/value cache for grouped-query
attention (``repeat_kv``), ~10 % concatenating the cache and RoPE halves, and the rest of the overhead in three
separate q/k/v and two gate/up matrix products, per-module calls and a cache object per layer; at the batch's
tail, where few rows are left, that overhead is most of a step. :class:`FusedStep` computes the same step with
q/k/v and gate/up each one matrix product (the weights concatenated at each decoding call, so a policy being
trained is always decoded with its current weights; a larger model, whose copy would cost memory and whose step is
mostly arithmetic, keeps its separate products), a key/value buffer per layer written in place and grown
:data:`GROWTH` positions at a time, and attention by ``scaled_dot_product_attention`` with ``enable_gqa`` (no copy
of the cache per head).

It serves a model only where it gives **the model's own logits bit for bit**: the family's operations are
replayed in transformers' order (RMSNorm, RoPE, the embedding scale, the activation), and :func:`fused_step_for`
checks that once per model on a short ragged batch — two decoding steps after a prefill, against the model's own
``forward`` with ``torch.equal`` — before it is used; a model that differs anywhere (another family,
a quantised or half-precision model, a GPU kernel that rounds differently, a sliding window the decode would pass,
attention soft-capping, dropout in training mode) keeps transformers' forward. So greedy ids stay ``generate()``'s.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from typing import Any

import torch
import torch.nn.functional as F

FAMILIES = {"gemma2": "gemma", "llama": "llama", "mistral": "llama", "qwen2": "llama"}
"""The model types served (``config.model_type``) and which family's operations they use."""

GROWTH = 16
"""Positions added to the key/value buffers at a time (most candidates end within a few steps)."""

FUSE_LIMIT_BYTES = 256 * 2**20
"""Concatenate the q/k/v and gate/up weights only while they take at most this much (a copy per decoding call)."""

_CHECKED: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()

_ACTIVATIONS = {"gelu_pytorch_tanh": lambda x: F.gelu(x, approximate="tanh"), "silu": F.silu}


@dataclass(frozen=True)
class _Layer:
    """One decoder layer's weights as the fused step uses them."""

    qkv: tuple[torch.Tensor, ...]  # one concatenated weight, or q, k, v
    qkv_bias: tuple[torch.Tensor | None, ...]
    out: torch.Tensor
    out_bias: torch.Tensor | None
    gate_up: tuple[torch.Tensor, ...]  # one concatenated weight, or gate, up
    gate_up_bias: tuple[torch.Tensor | None, ...]
    down: torch.Tensor
    down_bias: torch.Tensor | None
    norms: tuple[torch.Tensor, ...]  # gemma: input, post-attention, pre-FFN, post-FFN (1 + w); llama: input, post-attn


def _joined(linears: list[Any], fuse: bool) -> tuple[tuple[torch.Tensor, ...], tuple[torch.Tensor | None, ...]]:
    """The weights and biases of ``linears`` applied to one input: concatenated into one product when ``fuse``."""
    weights, biases = tuple(lin.weight for lin in linears), tuple(lin.bias for lin in linears)
    if not fuse:
        return weights, biases
    if all(b is None for b in biases):
        return (torch.cat(weights),), (None,)
    return (torch.cat(weights),), (torch.cat([b if b is not None else lin.weight.new_zeros(lin.out_features)
                                              for b, lin in zip(biases, linears, strict=True)]),)


def _products(h: torch.Tensor, weights: tuple[torch.Tensor, ...], biases: tuple[torch.Tensor | None, ...],
              sizes: list[int]) -> list[torch.Tensor]:
    """``h`` through each of the joined linears (one product when they were concatenated)."""
    if len(weights) == 1:
        return list(F.linear(h, weights[0], biases[0]).split(sizes, dim=-1))
    return [F.linear(h, w, b) for w, b in zip(weights, biases, strict=True)]


class FusedStep:
    """The decoding steps of one :func:`~engine.decoding.loop.decode_rows` call: :meth:`start` takes the prefill's
    cache, :meth:`__call__` runs a step (the last hidden state of every row, after the final norm), :meth:`select`
    keeps some rows. Build with :func:`fused_step_for`."""

    def __init__(self, model: Any) -> None:
        config = model.config
        self.family = FAMILIES[config.model_type]
        decoder = model.model
        self.heads = config.num_attention_heads
        self.kv_heads = config.num_key_value_heads
        self.head_dim = getattr(config, "head_dim", None) or config.hidden_size // config.num_attention_heads
        self.eps = config.rms_norm_eps
        self.intermediate = config.intermediate_size
        self.activation = _ACTIVATIONS[config.hidden_activation if self.family == "gemma" else config.hidden_act]
        self.scaling = (config.query_pre_attn_scalar if self.family == "gemma" else self.head_dim) ** -0.5
        self.embedding = decoder.embed_tokens.weight
        self.normalizer = (torch.tensor(config.hidden_size ** 0.5, dtype=self.embedding.dtype)
                           if self.family == "gemma" else None)
        self.inv_freq = decoder.rotary_emb.inv_freq
        self.rope_scaling = decoder.rotary_emb.attention_scaling
        gemma = self.family == "gemma"
        self.final_norm = (1.0 + decoder.norm.weight.float()) if gemma else decoder.norm.weight
        joined = [p.weight for layer in decoder.layers
                  for p in (layer.self_attn.q_proj, layer.self_attn.k_proj, layer.self_attn.v_proj,
                            layer.mlp.gate_proj, layer.mlp.up_proj)]
        fuse = sum(w.numel() * w.element_size() for w in joined) <= FUSE_LIMIT_BYTES
        self.layers = []
        for layer in decoder.layers:
            attn, mlp = layer.self_attn, layer.mlp
            names = (("input_layernorm", "post_attention_layernorm", "pre_feedforward_layernorm",
                      "post_feedforward_layernorm") if gemma else ("input_layernorm", "post_attention_layernorm"))
            norms = tuple((1.0 + getattr(layer, n).weight.float()) if gemma else getattr(layer, n).weight
                          for n in names)
            qkv, qkv_bias = _joined([attn.q_proj, attn.k_proj, attn.v_proj], fuse)
            gate_up, gate_up_bias = _joined([mlp.gate_proj, mlp.up_proj], fuse)
            self.layers.append(_Layer(qkv=qkv, qkv_bias=qkv_bias, out=attn.o_proj.weight, out_bias=attn.o_proj.bias,
                                      gate_up=gate_up, gate_up_bias=gate_up_bias, down=mlp.down_proj.weight,
                                      down_bias=mlp.down_proj.bias, norms=norms))
        self.keys: list[torch.Tensor] = []
        self.values: list[torch.Tensor] = []
        self.attend: torch.Tensor | None = None  # (rows, 1, 1, capacity) bool: which cache slots a row may see
        self.length = 0
        self.limit = 0

    def _norm(self, x: torch.Tensor, weight: torch.Tensor) -> torch.Tensor:
        if self.family == "gemma":  # Gemma2RMSNorm: in float32, times (1 + w), back to the input's dtype
            out = x.float()
            out = out * torch.rsqrt(out.pow(2).mean(-1, keepdim=True) + self.eps)
            return (out * weight).type_as(x)
        out = x.to(torch.float32)  # LlamaRMSNorm: in float32, back to the input's dtype, times w
        out = out * torch.rsqrt(out.pow(2).mean(-1, keepdim=True) + self.eps)
        return weight * out.to(x.dtype)

    def start(self, cache: Any, attention_mask: torch.Tensor, source: torch.Tensor, limit: int) -> None:
        """Take the prefill's key/value ``cache`` (a ``DynamicCache`` of ``attention_mask.shape[0]`` prompts) into
        buffers that grow up to ``limit`` positions, row ``i`` of the decode being prompt ``source[i]``."""
        self.limit = limit
        self.length = attention_mask.shape[1]
        self._fill([layer.keys for layer in cache.layers], [layer.values for layer in cache.layers],
                   attention_mask.bool()[:, None, None, :], source)

    def select(self, keep: torch.Tensor) -> None:
        """Keep only the rows ``keep`` (indices into the current rows)."""
        used = self.length
        self._fill([k[:, :, :used] for k in self.keys], [v[:, :, :used] for v in self.values],
                   self.attend[..., :used], keep)

    def _fill(self, keys: list[torch.Tensor], values: list[torch.Tensor], attend: torch.Tensor,
              index: torch.Tensor | None) -> None:
        """New buffers holding rows ``index`` (all rows for ``None``) of each used part (every layer's keys and
        values, the attended slots), with room for a few more steps: copying a buffer costs what it holds, not
        ``limit``. The rows are gathered straight into the new buffer (``index_select`` into its used part)."""
        used = self.length
        capacity = min(self.limit, used + GROWTH)
        rows = attend.shape[0] if index is None else index.shape[0]

        def filled(part: torch.Tensor) -> torch.Tensor:  # (rows, heads, positions, head_dim)
            buffer = part.new_empty(rows, part.shape[1], capacity, part.shape[3])
            if index is None:
                buffer[:, :, :used] = part
            else:
                torch.index_select(part, 0, index, out=buffer[:, :, :used])
            return buffer

        self.keys = [filled(k) for k in keys]
        self.values = [filled(v) for v in values]
        self.attend = attend.new_zeros(rows, 1, 1, capacity)  # (rows, 1, 1, positions): small, gathered plainly
        self.attend[..., :used] = attend if index is None else attend[index]

    def _grow(self) -> None:
        """Room for :data:`GROWTH` more positions (up to ``limit``)."""
        self._fill(self.keys, self.values, self.attend, None)

    def __call__(self, tokens: torch.Tensor, positions: torch.Tensor) -> torch.Tensor:
        """One step: ``tokens`` and their ``positions`` (``(rows,)`` each) → the final-norm hidden state of every
        row, ``(rows, hidden)``."""
        rows, slot = tokens.shape[0], self.length
        if slot >= self.keys[0].shape[2]:
            self._grow()
        x = F.embedding(tokens, self.embedding).unsqueeze(1)
        if self.normalizer is not None:
            x = x * self.normalizer
        freqs = (self.inv_freq[None, :, None].float() @ positions.view(rows, 1, 1).float()).transpose(1, 2)
        angles = torch.cat((freqs, freqs), dim=-1)
        cos = (angles.cos() * self.rope_scaling).to(x.dtype).unsqueeze(1)
        sin = (angles.sin() * self.rope_scaling).to(x.dtype).unsqueeze(1)
        self.attend[:, 0, 0, slot] = True
        mask = self.attend[..., :slot + 1]
        q_size, kv_size = self.heads * self.head_dim, self.kv_heads * self.head_dim
        gemma = self.family == "gemma"
        for index, layer in enumerate(self.layers):
            residual = x
            h = self._norm(x, layer.norms[0])
            q, k, v = _products(h, layer.qkv, layer.qkv_bias, [q_size, kv_size, kv_size])
            q = q.view(rows, 1, self.heads, self.head_dim).transpose(1, 2)
            k = k.view(rows, 1, self.kv_heads, self.head_dim).transpose(1, 2)
            v = v.view(rows, 1, self.kv_heads, self.head_dim).transpose(1, 2)
            q = (q * cos) + (_rotate_half(q) * sin)
            k = (k * cos) + (_rotate_half(k) * sin)
            keys, values = self.keys[index], self.values[index]
            keys[:, :, slot:slot + 1] = k
            values[:, :, slot:slot + 1] = v
            attended = F.scaled_dot_product_attention(q, keys[:, :, :slot + 1], values[:, :, :slot + 1],
                                                      attn_mask=mask, scale=self.scaling,
                                                      enable_gqa=self.heads != self.kv_heads)
            h = F.linear(attended.transpose(1, 2).reshape(rows, 1, q_size), layer.out, layer.out_bias)
            if gemma:
                x = residual + self._norm(h, layer.norms[1])
                residual = x
                h = self._norm(x, layer.norms[2])
            else:
                x = residual + h
                residual = x
                h = self._norm(x, layer.norms[1])
            gate, up = _products(h, layer.gate_up, layer.gate_up_bias, [self.intermediate] * 2)
            h = F.linear(self.activation(gate) * up, layer.down, layer.down_bias)
            x = residual + (self._norm(h, layer.norms[3]) if gemma else h)
        self.length += 1
        return self._norm(x, self.final_norm)[:, 0]


def _rotate_half(x: torch.Tensor) -> torch.Tensor:
    half = x.shape[-1] // 2
    return torch.cat((-x[..., half:], x[..., :half]), dim=-1)


def _plausible(model: Any) -> bool:
    """The cheap part of the check: a served family, float32 on the CPU, default RoPE, SDPA attention,
    no attention soft-capping, no dropout that training mode would apply, plain linear layers and no hooks (an
    adapter or a hook could change the model's output after the one-time check: a fresh LoRA adapter does nothing
    until it is trained)."""
    config = getattr(model, "config", None)
    if config is None or getattr(config, "model_type", None) not in FAMILIES:
        return False
    decoder = getattr(model, "model", None)
    if decoder is None or not hasattr(decoder, "rotary_emb") or not hasattr(decoder, "layers"):
        return False
    if getattr(config, "attn_logit_softcapping", None) or getattr(config, "rope_scaling", None):
        return False
    # hooks or adapters (LoRA layers…) change what forward does, maybe only later
    if any(module._forward_hooks or module._forward_pre_hooks for module in decoder.modules()):
        return False
    for layer in decoder.layers:
        attn, mlp = getattr(layer, "self_attn", None), getattr(layer, "mlp", None)
        projections = [getattr(attn, n, None) for n in ("q_proj", "k_proj", "v_proj", "o_proj")]
        projections += [getattr(mlp, n, None) for n in ("gate_proj", "up_proj", "down_proj")]
        if any(type(p) is not torch.nn.Linear for p in projections):
            return False
    if getattr(config, "_attn_implementation", None) != "sdpa":  # eager attention rounds differently
        return False
    if model.training and (getattr(config, "attention_dropout", 0.0) or getattr(config, "hidden_dropout", 0.0)):
        return False
    try:
        parameter = next(model.parameters())
    except StopIteration:
        return False
    if parameter.dtype != torch.float32 or parameter.device.type != "cpu":
        return False
    family = FAMILIES[config.model_type]
    activation = config.hidden_activation if family == "gemma" else config.hidden_act
    return activation in _ACTIVATIONS


def window_allows(model: Any, length: int) -> bool:
    """True when a decode reaching ``length`` positions stays inside every sliding-window layer's window (the
    fused step attends to the whole cache)."""
    config = model.config
    window = getattr(config, "sliding_window", None)
    layer_types = getattr(config, "layer_types", None) or []
    sliding = any(t == "sliding_attention" for t in layer_types)
    if config.model_type in ("mistral",) or (config.model_type == "qwen2" and getattr(config, "use_sliding_window",
                                                                                         False)):
        sliding = sliding or window is not None
    return not sliding or window is None or length <= window


def fused_step_for(model: Any, head: Any) -> FusedStep | None:
    """A :class:`FusedStep` over ``model``'s current weights, or ``None`` where it would not give the model's own
    logits bit for bit (checked once per model; see the module docstring). ``head``: the output layer the loop
    applies to the hidden state (the model's, or a soft-capping model's head before its cap)."""
    if not _plausible(model):
        return None
    verdict = _CHECKED.get(model)
    if verdict is None:
        verdict = _same_as_forward(model, head)
        _CHECKED[model] = verdict
    return FusedStep(model) if verdict else None


@torch.inference_mode()
def _same_as_forward(model: Any, head: Any) -> bool:
    """The fused step's logits against the model's own forward on a short ragged batch: two decoding steps."""
    from transformers import DynamicCache

    from engine.decoding.masks import fast_masks

    vocab = model.config.vocab_size
    generator = torch.Generator().manual_seed(0)
    ids = torch.randint(0, vocab, (3, 5), generator=generator)
    mask = torch.ones_like(ids)
    mask[1, :2] = 0
    mask[2, :4] = 0
    positions = (mask.cumsum(-1) - 1).clamp(min=0)
    try:
        with fast_masks():
            cache = DynamicCache(config=model.config)
            model(input_ids=ids, attention_mask=mask, position_ids=positions, past_key_values=cache, use_cache=True)
            step = FusedStep(model)
            step.start(cache, mask, torch.arange(3), ids.shape[1] + 2)
            position = positions[:, -1] + 1
            for n in range(2):
                token = torch.randint(0, vocab, (3,), generator=generator)
                mask = torch.cat([mask, mask.new_ones(3, 1)], dim=1)
                own = model(input_ids=token[:, None], attention_mask=mask, position_ids=position[:, None],
                            past_key_values=cache, use_cache=True,
                            cache_position=torch.tensor([ids.shape[1] + n])).logits[:, -1]
                fused = head(step(token, position))
                reference = own if not getattr(model.config, "final_logit_softcapping", None) else None
                if reference is None:  # the head is before the cap: compare on the model's own capped scale
                    cap = model.config.final_logit_softcapping
                    fused = torch.tanh(fused / cap) * cap
                    reference = own
                if fused.shape != reference.shape or not torch.equal(fused, reference):
                    return False
                position = position + 1
    except (RuntimeError, ValueError, TypeError, AttributeError, KeyError, IndexError):
        return False
    return True

