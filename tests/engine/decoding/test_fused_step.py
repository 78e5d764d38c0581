"""The fused decoding step: the model's own logits bit for bit, or not used at all."""

from __future__ import annotations

import pytest
import torch

from engine.decoding import fused_step
from engine.decoding.fused_step import GROWTH, FusedStep, fused_step_for, window_allows
from engine.decoding.loop import _groups, _layout, decode_rows
from engine.decoding.masks import fast_masks
from engine.decoding.sampler import FastSampler
from engine.decoding.softcap import uncapped_head
from engine.demo import DEMO_MODEL_DIR
from engine.models.loading import load_causal_lm, load_tokenizer


def _tiny(kind: str, **overrides):
    import transformers

    config_class, model_class = {
        "llama": (transformers.LlamaConfig, transformers.LlamaForCausalLM),
        "qwen2": (transformers.Qwen2Config, transformers.Qwen2ForCausalLM),  # q/k/v with biases
        "gemma2": (transformers.Gemma2Config, transformers.Gemma2ForCausalLM),
        "gpt2": (transformers.GPT2Config, transformers.GPT2LMHeadModel),
    }[kind]
    torch.manual_seed(0)
    if kind == "gpt2":
        return model_class(config_class(vocab_size=97, n_embd=32, n_layer=2, n_head=4, n_positions=96)).eval()
    settings = dict(vocab_size=97, hidden_size=32, intermediate_size=64, num_hidden_layers=2, num_attention_heads=4,
                    num_key_value_heads=2, max_position_embeddings=96, attn_implementation="sdpa")
    if kind == "gemma2":
        settings.update(head_dim=8, query_pre_attn_scalar=8, sliding_window=64, attn_logit_softcapping=None)
    settings.update(overrides)
    model = model_class(config_class(**settings)).eval()
    if kind == "qwen2":  # random biases, so that a missing one would show
        with torch.no_grad():
            for layer in model.model.layers:
                for proj in (layer.self_attn.q_proj, layer.self_attn.k_proj, layer.self_attn.v_proj):
                    proj.bias.normal_()
    return model


def _head(model):
    split = uncapped_head(model)
    return split.head if split is not None else model.get_output_embeddings()


def _own_logits_and_fused(model, steps: int, keep_after: int | None = None):
    """The model's own forward (transformers' cache) against the fused step over ``steps`` decoding steps of a
    ragged batch, rows 1 and 3 dropped after ``keep_after`` steps; yields both logits of every step."""
    from transformers import DynamicCache

    generator = torch.Generator().manual_seed(1)
    vocab = model.config.vocab_size
    ids = torch.randint(0, vocab, (4, 6), generator=generator)
    mask = torch.ones_like(ids)
    mask[1, :3] = 0
    mask[3, :5] = 0
    positions = (mask.cumsum(-1) - 1).clamp(min=0)
    head = _head(model)
    cap = getattr(model.config, "final_logit_softcapping", None)
    step = fused_step_for(model, head)
    assert step is not None
    with torch.inference_mode(), fast_masks():
        cache = DynamicCache(config=model.config)
        model(input_ids=ids, attention_mask=mask, position_ids=positions, past_key_values=cache, use_cache=True)
        step.start(cache, mask, torch.arange(4), limit=ids.shape[1] + steps)
        position = positions[:, -1] + 1
        for n in range(steps):
            if n == keep_after:
                keep = torch.tensor([0, 2])
                step.select(keep)
                cache.batch_select_indices(keep)
                mask, position = mask[keep], position[keep]
            token = torch.randint(0, vocab, (mask.shape[0],), generator=generator)
            mask = torch.cat([mask, mask.new_ones(mask.shape[0], 1)], dim=1)
            own = model(input_ids=token[:, None], attention_mask=mask, position_ids=position[:, None],
                        past_key_values=cache, use_cache=True,
                        cache_position=torch.tensor([ids.shape[1] + n])).logits[:, -1]
            fused = head(step(token, position))
            if cap:
                fused = torch.tanh(fused / cap) * cap
            yield own, fused
            position = position + 1


@pytest.mark.parametrize("kind", ["demo", "llama", "qwen2", "gemma2", "llama-biases", "demo-unfused"])
def test_the_fused_step_gives_the_models_own_logits_bit_for_bit(kind, one_torch_thread, monkeypatch):
    """Past several growths of its key/value buffers, and after rows left the batch; also with every linear layer
    biased (a Llama with ``attention_bias`` and ``mlp_bias``), and with the products kept separate, as for a model
    whose concatenated weights would pass ``FUSE_LIMIT_BYTES``."""
    if kind == "demo-unfused":
        monkeypatch.setattr(fused_step, "FUSE_LIMIT_BYTES", 0)
    if kind.startswith("demo"):
        model = load_causal_lm(DEMO_MODEL_DIR).eval()
    elif kind == "llama-biases":
        model = _tiny("llama", attention_bias=True, mlp_bias=True)
        with torch.no_grad():
            for name, parameter in model.named_parameters():
                if name.endswith("bias"):
                    parameter.normal_()
    else:
        model = _tiny(kind)
    step = fused_step_for(model, _head(model))
    assert len(step.layers[0].qkv) == (3 if kind == "demo-unfused" else 1)
    steps = 2 * GROWTH + 3
    compared = 0
    for own, fused in _own_logits_and_fused(model, steps, keep_after=GROWTH - 2):
        assert torch.equal(own, fused)
        compared += 1
    assert compared == steps


@pytest.mark.parametrize("why, build", [
    ("another family", lambda: _tiny("gpt2")),
    ("eager attention", lambda: _tiny("llama", attn_implementation="eager")),
    ("attention soft-capping", lambda: _tiny("gemma2", attn_logit_softcapping=50.0)),
    ("half precision", lambda: _tiny("llama").to(torch.bfloat16)),
    ("dropout in training mode", lambda: _tiny("llama", attention_dropout=0.1).train()),
])
def test_models_it_would_not_reproduce_keep_their_own_forward(why, build):
    model = build()
    assert fused_step_for(model, _head(model)) is None, why


def test_a_hook_or_an_adapter_keeps_the_models_own_forward():
    """Either could change the output after the check (a fresh LoRA adapter does nothing until trained)."""
    from peft import LoraConfig, inject_adapter_in_model

    model = _tiny("llama")
    handle = model.model.layers[0].mlp.register_forward_hook(lambda module, args, out: out * 2)
    assert fused_step_for(model, _head(model)) is None
    handle.remove()
    assert fused_step_for(model, _head(model)) is not None
    adapted = inject_adapter_in_model(LoraConfig(r=2, target_modules=["q_proj"]), _tiny("llama"))
    assert fused_step_for(adapted, _head(adapted)) is None


def test_a_model_whose_step_differs_is_caught_by_the_check(monkeypatch):
    """The one-time check compares logits: a step computed differently (here: the wrong attention scale) is
    refused, so the loop keeps the model's own forward."""
    model = _tiny("llama")
    monkeypatch.setattr(FusedStep, "__init__", _wrong_scale(FusedStep.__init__))
    assert fused_step_for(model, _head(model)) is None


def _wrong_scale(init):
    def wrapped(self, model):
        init(self, model)
        self.scaling *= 1.01
    return wrapped


def test_a_decode_past_the_sliding_window_keeps_the_models_own_forward(one_torch_thread):
    model = _tiny("gemma2", layer_types=["sliding_attention", "full_attention"], sliding_window=16)
    assert window_allows(model, 16) and not window_allows(model, 17)
    prompts = [[5, 6, 7], [8, 9]]
    from transformers import GenerationConfig

    expected = []
    for prompt in prompts:
        out = model.generate(input_ids=torch.tensor([prompt]), max_new_tokens=20, do_sample=False,
                             generation_config=GenerationConfig(eos_token_id=None, pad_token_id=0))
        expected.append(out[0, len(prompt):].tolist())
    got = decode_rows(model, prompts, [None], max_new_tokens=20, eos_token_id=-1, pad_token_id=0)
    assert [rows[0] for rows in got] == expected


def test_the_batch_layout_puts_each_rules_rows_together():
    """Grouped by rule (the two rows of a shared sampler together, prompt by prompt), one group = prompt-major."""
    sampler = FastSampler(temperature=0.7)
    groups = _groups([None, sampler, sampler])
    prompt, output, group = _layout(2, groups, 3, "cpu")
    assert prompt.tolist() == [0, 1, 0, 0, 1, 1]
    assert output.tolist() == [0, 3, 1, 2, 4, 5]
    assert group.tolist() == [0, 0, 1, 1, 1, 1]
    prompt, output, group = _layout(2, _groups([sampler] * 3), 3, "cpu")
    assert prompt.tolist() == [0, 0, 0, 1, 1, 1] and output.tolist() == list(range(6))


def test_candidates_are_the_same_with_and_without_the_fused_step(monkeypatch, one_torch_thread):
    """Greedy and sampled rows together, finished rows leaving: the same ids for a seed either way."""
    import engine.decoding.loop as loop

    model, tokenizer = load_causal_lm(DEMO_MODEL_DIR), load_tokenizer(DEMO_MODEL_DIR)
    from engine.models.prompting import encode_prompt
    from tests.conftest import demo_pairs

    prompts = [encode_prompt(tokenizer, s, p, "tags") for s, _, p in demo_pairs(120)[::10]]
    rules = [None, FastSampler(temperature=0.9), FastSampler(top_k=5), FastSampler(top_p=0.9)]

    def decode():
        torch.manual_seed(3)
        return decode_rows(model, prompts, rules + [rules[1]], max_new_tokens=30,
                           eos_token_id=tokenizer.eos_token_id, pad_token_id=tokenizer.pad_token_id)

    assert fused_step_for(model, _head(model)) is not None
    fused = decode()
    monkeypatch.setattr(loop, "fused_step_for", lambda model, head: None)
    assert decode() == fused
