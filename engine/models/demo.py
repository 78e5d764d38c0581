"""The studio's own small translation model: a BPE tokenizer and a Gemma-2-architecture causal LM.

Used by the ``bootstrap`` job (and by test fixtures) to have a real, if weak, EN/FR→AR model without
any hub access. Prompts use the ``tags`` format of :mod:`engine.models.prompting`: ``<bos> <en> source <ar>``
followed by the target and ``<eos>``; the loss is computed on the target (and EOS) only.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

import torch
from tokenizers import AddedToken, Tokenizer, decoders, models, pre_tokenizers, processors, trainers
from transformers import Gemma2Config, Gemma2ForCausalLM, PreTrainedTokenizerFast

from engine.models.prompting import LANGUAGE_TAGS

PAD, BOS, EOS, UNK = "<pad>", "<bos>", "<eos>", "<unk>"
SPECIAL_TOKENS: tuple[str, ...] = (PAD, BOS, EOS, UNK, *LANGUAGE_TAGS.values())
"""In this order they get ids 0..6: pad 0, bos 1, eos 2, unk 3, <en> 4, <fr> 5, <ar> 6."""
PAD_ID, BOS_ID, EOS_ID, UNK_ID = 0, 1, 2, 3
IGNORE_INDEX = -100

SIZES: dict[str, dict[str, Any]] = {
    # a model for tests: builds and trains in seconds
    "tiny": dict(
        hidden_size=32,
        num_hidden_layers=2,
        num_attention_heads=2,
        num_key_value_heads=1,
        head_dim=16,
        intermediate_size=64,
        max_position_embeddings=256,
        sliding_window=128,
    ),
    # the shipped demo SFT model (data/demo/model): ~5M parameters with an 8k vocabulary. No attention-logit
    # soft-capping, so it runs with SDPA attention (about twice eager's generation speed on a CPU). Chosen over
    # "base" by measurement: in the same 6 minutes on 2 cores it took more steps and reached a higher chrF.
    "demo": dict(
        hidden_size=256,
        num_hidden_layers=4,
        num_attention_heads=4,
        num_key_value_heads=2,
        head_dim=64,
        intermediate_size=768,
        max_position_embeddings=256,
        sliding_window=128,
        attn_logit_softcapping=None,
    ),
    # a deeper variant (~8M parameters): slower per step on a small CPU
    "base": dict(
        hidden_size=256,
        num_hidden_layers=6,
        num_attention_heads=4,
        num_key_value_heads=2,
        head_dim=64,
        intermediate_size=1024,
        max_position_embeddings=256,
        sliding_window=128,
        attn_logit_softcapping=None,
    ),
}


def _special(token: str) -> AddedToken:
    # A language tag swallows the space before it, so "<en> Hello <ar>" ends without a space-only token,
    # while the word after "<en> " keeps its word-start mark ("▁Hello", as inside a sentence).
    strip = token in LANGUAGE_TAGS.values()
    return AddedToken(token, lstrip=strip, rstrip=False, normalized=False, special=True)


BYTE_TOKENS: tuple[str, ...] = tuple(f"<0x{b:02X}>" for b in range(256))
"""Byte-fallback tokens: a character the BPE never saw is spelled as its UTF-8 bytes."""


def train_bpe_tokenizer(
    texts: Iterable[str], vocab_size: int, model_max_length: int = 256, min_frequency: int = 2
) -> PreTrainedTokenizerFast:
    """Train a BPE tokenizer on ``texts`` (sources and targets), SentencePiece-style as Gemma's.

    Metaspace pre-tokenization (``▁`` marks a word start) over characters, with byte fallback: every
    token is whole characters, so whatever a small model emits decodes to readable text, and a character
    never seen in training is spelled as ``<0xNN>`` byte tokens instead of ``<unk>``. ``vocab_size`` is
    the target size including the 256 byte tokens (a tiny corpus may end a little above it: every
    character seen is kept). Special tokens ``<pad> <bos> <eos> <unk> <en> <fr> <ar>`` take ids 0–6;
    encoding adds ``<bos>`` in front. Padding is on the left (for batched generation);
    ``model_max_length`` is explicit.
    """
    if vocab_size < len(SPECIAL_TOKENS) + len(BYTE_TOKENS):
        raise ValueError(
            f"vocab_size must be at least {len(SPECIAL_TOKENS) + len(BYTE_TOKENS)} "
            f"(special tokens and 256 byte-fallback tokens)"
        )
    tok = Tokenizer(models.BPE(unk_token=UNK, byte_fallback=True))
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always", split=True)
    trainer = trainers.BpeTrainer(
        vocab_size=vocab_size - len(BYTE_TOKENS),
        min_frequency=min_frequency,
        show_progress=False,
        special_tokens=[_special(t) for t in SPECIAL_TOKENS],
        limit_alphabet=1000,
    )
    tok.train_from_iterator((t for t in texts if t), trainer=trainer)
    # add the byte-fallback tokens to the model's vocabulary (as ordinary tokens, after the trained ones)
    data = json.loads(tok.to_str())
    vocab = data["model"]["vocab"]
    next_id = max(vocab.values()) + 1
    for token in BYTE_TOKENS:
        if token not in vocab:
            vocab[token] = next_id
            next_id += 1
    tok = Tokenizer.from_str(json.dumps(data))
    tok.decoder = decoders.Sequence(
        [decoders.Replace("▁", " "), decoders.ByteFallback(), decoders.Fuse(), decoders.Strip(" ", 1, 0)]
    )
    for i, token in enumerate(SPECIAL_TOKENS):
        if tok.token_to_id(token) != i:
            raise RuntimeError(f"special token {token} got id {tok.token_to_id(token)}, expected {i}")
    tok.post_processor = processors.TemplateProcessing(
        single=f"{BOS} $A", pair=f"{BOS} $A $B", special_tokens=[(BOS, BOS_ID)]
    )
    return PreTrainedTokenizerFast(
        tokenizer_object=tok,
        bos_token=BOS,
        eos_token=EOS,
        pad_token=PAD,
        unk_token=UNK,
        additional_special_tokens=[_special(t) for t in LANGUAGE_TAGS.values()],
        model_input_names=["input_ids", "attention_mask"],
        padding_side="left",
        model_max_length=model_max_length,
        clean_up_tokenization_spaces=False,
    )


def gemma2_config(
    vocab_size: int,
    size: str = "demo",
    *,
    pad_token_id: int = PAD_ID,
    bos_token_id: int = BOS_ID,
    eos_token_id: int = EOS_ID,
    **overrides: Any,
) -> Gemma2Config:
    """A Gemma-2 config of a preset size (``"tiny"`` for tests, ``"demo"`` for the demo model).

    Gemma-2's final-logit soft-capping (30), alternating sliding/global attention and tied embeddings are kept.
    Attention logits are soft-capped at 50 (eager attention, as Gemma-2 recommends) unless the size sets
    ``attn_logit_softcapping=None`` (then SDPA attention).
    """
    if size not in SIZES:
        raise ValueError(f"unknown model size {size!r}; known: {', '.join(SIZES)}")
    values: dict[str, Any] = dict(
        vocab_size=vocab_size,
        hidden_activation="gelu_pytorch_tanh",
        rms_norm_eps=1e-6,
        initializer_range=0.02,
        attn_logit_softcapping=50.0,
        final_logit_softcapping=30.0,
        attention_dropout=0.0,
        tie_word_embeddings=True,
        use_cache=True,
        pad_token_id=pad_token_id,
        bos_token_id=bos_token_id,
        eos_token_id=eos_token_id,
    )
    values.update(SIZES[size])
    values.update(overrides)
    values.setdefault("query_pre_attn_scalar", values["head_dim"])
    config = Gemma2Config(**values)
    config._attn_implementation = "eager" if config.attn_logit_softcapping is not None else "sdpa"
    return config


def build_model(config: Gemma2Config) -> Gemma2ForCausalLM:
    """A freshly initialised Gemma-2 causal LM with pad/bos/eos set in its generation config."""
    model = Gemma2ForCausalLM(config)
    gen = model.generation_config
    gen.pad_token_id, gen.bos_token_id, gen.eos_token_id = (
        config.pad_token_id,
        config.bos_token_id,
        config.eos_token_id,
    )
    gen.do_sample = False
    return model


def count_parameters(model: torch.nn.Module) -> int:
    """Distinct parameters of a model (tied embeddings counted once)."""
    return sum(p.numel() for p in model.parameters())


# --- training examples ---------------------------------------------------------------------------
def encode_example(tokenizer: Any, prompt: str, target: str, max_length: int | None = None) -> dict | None:
    """One training example: ``<bos> prompt target <eos>`` with labels ``-100`` on the prompt.

    Returns ``None`` when it is longer than ``max_length`` tokens (it is dropped, not cut: a cut
    example would teach the model to stop without EOS).
    """
    prompt_ids = list(tokenizer(prompt, add_special_tokens=True)["input_ids"])
    target_ids = list(tokenizer(target.strip(), add_special_tokens=False)["input_ids"]) + [
        tokenizer.eos_token_id
    ]
    if max_length is not None and len(prompt_ids) + len(target_ids) > max_length:
        return None
    return {"input_ids": prompt_ids + target_ids, "labels": [IGNORE_INDEX] * len(prompt_ids) + target_ids}


def collate_examples(
    examples: Sequence[dict], pad_token_id: int, padding_side: str = "right"
) -> dict[str, torch.Tensor]:
    """Pad examples into tensors ``input_ids``, ``attention_mask``, ``labels`` (``-100`` on padding).

    Training pads on the right, so every sequence starts at position 0 (as in generation, where
    left padding is offset by position ids computed from the attention mask).
    """
    width = max(len(e["input_ids"]) for e in examples)
    ids, mask, labels = [], [], []
    for e in examples:
        n, pad = len(e["input_ids"]), width - len(e["input_ids"])
        if padding_side == "right":
            ids.append(e["input_ids"] + [pad_token_id] * pad)
            mask.append([1] * n + [0] * pad)
            labels.append(e["labels"] + [IGNORE_INDEX] * pad)
        else:
            ids.append([pad_token_id] * pad + e["input_ids"])
            mask.append([0] * pad + [1] * n)
            labels.append([IGNORE_INDEX] * pad + e["labels"])
    return {
        "input_ids": torch.tensor(ids, dtype=torch.long),
        "attention_mask": torch.tensor(mask, dtype=torch.long),
        "labels": torch.tensor(labels, dtype=torch.long),
    }


def tokenize_pairs(
    tokenizer: Any,
    prompts: Sequence[str],
    targets: Sequence[str],
    max_length: int | None = None,
    padding_side: str = "right",
) -> dict[str, torch.Tensor]:
    """Tokenize (prompt, target) pairs into one padded batch with the loss masked on prompt and padding.

    Pairs longer than ``max_length`` are dropped; raises ``ValueError`` when none is left.
    """
    if len(prompts) != len(targets):
        raise ValueError(f"{len(prompts)} prompts but {len(targets)} targets")
    examples = [
        e
        for p, t in zip(prompts, targets, strict=True)
        if (e := encode_example(tokenizer, p, t, max_length)) is not None
    ]
    if not examples:
        raise ValueError("no (prompt, target) pair fits in max_length")
    return collate_examples(examples, tokenizer.pad_token_id, padding_side)
