"""The demo model's pieces: BPE tokenizer, Gemma-2 configs, masked training examples, greedy translation."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch

from engine.decoding.greedy import greedy_translate
from engine.models.demo import (
    IGNORE_INDEX,
    SPECIAL_TOKENS,
    build_model,
    collate_examples,
    count_parameters,
    encode_example,
    gemma2_config,
    tokenize_pairs,
    train_bpe_tokenizer,
)
from engine.models.prompting import build_prompt

pytestmark = pytest.mark.usefixtures("one_torch_thread")  # tiny models gain nothing from threads

PAIRS = [
    ("Good morning.", "صباح الخير."),
    ("Where is the station?", "أين المحطة؟"),
    ("I like tea.", "أحب الشاي."),
    ("My mother is a doctor.", "أمي طبيبة."),
    ("Thank you very much.", "شكرا جزيلا."),
    ("Le marché est fermé.", "السوق مغلق."),
    ("Nous partons demain.", "سنغادر غدا."),
]


@pytest.fixture(scope="module")
def tokenizer():
    return train_bpe_tokenizer([t for pair in PAIRS for t in pair] * 4, vocab_size=320, model_max_length=128)


def test_special_tokens_have_fixed_ids_and_bos_is_added(tokenizer):
    assert [tokenizer.convert_tokens_to_ids(t) for t in SPECIAL_TOKENS] == list(range(len(SPECIAL_TOKENS)))
    assert (tokenizer.pad_token_id, tokenizer.bos_token_id, tokenizer.eos_token_id) == (0, 1, 2)
    ids = tokenizer("<en> Good morning. <ar>")["input_ids"]
    assert ids[:2] == [1, 4] and ids[-1] == 6
    assert "token_type_ids" not in tokenizer("Good morning.")


def test_language_tags_leave_no_space_only_tokens(tokenizer):
    tokens = tokenizer.convert_ids_to_tokens(
        tokenizer("<en> Good morning. <ar>", add_special_tokens=False)["input_ids"]
    )
    assert tokens[0] == "<en>" and tokens[-1].strip() == "<ar>"
    assert tokens[-2] != "▁", "the space before <ar> is absorbed by the tag"
    assert tokens[1].startswith("▁"), "the first word keeps its word-start mark, as inside a sentence"


def test_arabic_round_trips_exactly_hamza_included(tokenizer):
    for text in ("أمي طبيبة.", "إلى اللقاء", "ﻻ شيء 😀 Zebra"):  # unseen characters fall back to bytes
        ids = tokenizer(text, add_special_tokens=False)["input_ids"]
        assert tokenizer.unk_token_id not in ids
        assert tokenizer.decode(ids, skip_special_tokens=True) == text
    assert "<0xF0>" in tokenizer.tokenize("😀")


def test_tokenizer_settings_survive_save_and_load(tokenizer, tmp_path: Path):
    from transformers import AutoTokenizer

    tokenizer.save_pretrained(tmp_path)
    loaded = AutoTokenizer.from_pretrained(tmp_path)
    assert loaded.padding_side == "left"
    assert loaded.model_max_length == 128
    assert loaded.model_input_names == ["input_ids", "attention_mask"]
    text = build_prompt("Where is the station?", "en-ar")
    assert loaded(text)["input_ids"] == tokenizer(text)["input_ids"]


def test_a_vocabulary_smaller_than_the_bytes_is_refused():
    with pytest.raises(ValueError, match="vocab_size"):
        train_bpe_tokenizer(["hello"], vocab_size=100)


def test_presets():
    tiny = gemma2_config(500, "tiny")
    assert tiny.hidden_size == 32 and tiny.num_hidden_layers <= 2 and tiny._attn_implementation == "eager"
    demo = gemma2_config(8000, "demo")
    assert (demo.hidden_size, demo.num_hidden_layers, demo.num_attention_heads, demo.head_dim) == (256, 4, 4, 64)
    assert demo.intermediate_size == 768 and demo.max_position_embeddings == 256
    # no attention soft-capping, so SDPA; the final-logit cap stays
    assert demo.attn_logit_softcapping is None and demo._attn_implementation == "sdpa"
    assert demo.final_logit_softcapping == 30.0 and demo.query_pre_attn_scalar == 64
    assert (demo.pad_token_id, demo.bos_token_id, demo.eos_token_id) == (0, 1, 2)
    n = count_parameters(build_model(demo))
    assert 4_000_000 < n < 7_000_000, n
    base = gemma2_config(8000, "base")
    assert base.num_hidden_layers == 6 and base._attn_implementation == "sdpa"
    with pytest.raises(ValueError, match="unknown model size"):
        gemma2_config(500, "huge")


def test_examples_mask_the_prompt_and_the_padding(tokenizer):
    prompt = build_prompt("Good morning.", "en-ar")
    example = encode_example(tokenizer, prompt, "صباح الخير.")
    n_prompt = len(tokenizer(prompt)["input_ids"])
    assert example["labels"][:n_prompt] == [IGNORE_INDEX] * n_prompt
    assert example["labels"][n_prompt:] == example["input_ids"][n_prompt:]
    assert example["input_ids"][-1] == tokenizer.eos_token_id
    assert encode_example(tokenizer, prompt, "صباح الخير.", max_length=n_prompt + 1) is None

    short = encode_example(tokenizer, build_prompt("Hi.", "en-ar"), "أهلا")
    batch = collate_examples([example, short], tokenizer.pad_token_id)
    width = len(example["input_ids"])
    assert batch["input_ids"].shape == batch["labels"].shape == (2, width)
    pad = width - len(short["input_ids"])
    assert batch["attention_mask"][1].tolist() == [1] * len(short["input_ids"]) + [0] * pad
    assert batch["labels"][1, len(short["input_ids"]) :].tolist() == [IGNORE_INDEX] * pad
    left = collate_examples([example, short], tokenizer.pad_token_id, padding_side="left")
    assert left["input_ids"][1, :pad].tolist() == [tokenizer.pad_token_id] * pad


def test_tokenize_pairs_drops_what_does_not_fit(tokenizer):
    prompts = [build_prompt(s, "en-ar") for s, _ in PAIRS[:3]]
    batch = tokenize_pairs(tokenizer, prompts, [t for _, t in PAIRS[:3]])
    assert batch["input_ids"].shape[0] == 3
    with pytest.raises(ValueError):
        tokenize_pairs(tokenizer, prompts, [t for _, t in PAIRS[:3]], max_length=3)


def test_a_tiny_model_learns_and_translates_greedily(tokenizer):
    torch.manual_seed(0)
    model = build_model(gemma2_config(len(tokenizer), "tiny"))
    pairs = [p for p in PAIRS if p[0].isascii()]
    batch = tokenize_pairs(tokenizer, [build_prompt(s, "en-ar") for s, _ in pairs], [t for _, t in pairs])
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-2)
    model.train()
    losses = []
    for _ in range(80):
        loss = model(**batch, use_cache=False).loss
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
        losses.append(float(loss.detach()))
    assert losses[-1] < losses[0] - 1.0
    sources = [s for s, _ in pairs]
    out = greedy_translate(model, tokenizer, sources, "en-ar", batch_size=2, max_new_tokens=12)
    assert len(out) == len(sources) and all(isinstance(t, str) for t in out)
    assert any(any("\u0600" <= ch <= "\u06ff" for ch in t) for t in out)
