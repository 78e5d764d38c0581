"""The studio's decoding loop (one prefill per prompt, finished rows dropped) against transformers' generate()."""

from __future__ import annotations

import pytest
import torch

from engine.decoding import loop as decoding_loop
from engine.decoding.loop import decode_rows, loop_supported, prefill_runs
from engine.decoding.sampler import FastSampler
from engine.demo import DEMO_MODEL_DIR
from engine.models.loading import load_causal_lm, load_tokenizer
from engine.models.prompting import decode_outputs, encode_prompt
from tests.conftest import demo_pairs


def _prompts(tokenizer, n: int = 12) -> list[list[int]]:
    rows = demo_pairs(200)[::15][:n]  # different lengths: a ragged, left-padded batch
    return [encode_prompt(tokenizer, s, p, "tags") for s, _, p in rows]


def _generate(model, tokenizer, prompts, max_new_tokens, **kwargs) -> list[list[int]]:
    """transformers' own greedy decoding of the same prompts, new ids up to and including EOS."""
    batch = tokenizer.pad({"input_ids": prompts}, padding=True, return_tensors="pt")
    with torch.no_grad():
        out = model.generate(**batch, do_sample=False, max_new_tokens=max_new_tokens,
                             pad_token_id=tokenizer.pad_token_id, eos_token_id=tokenizer.eos_token_id, **kwargs)
    rows = []
    for row in out[:, batch["input_ids"].shape[1]:].tolist():
        if tokenizer.eos_token_id in row:
            row = row[:row.index(tokenizer.eos_token_id) + 1]
        rows.append(row)
    return rows


def _tiny_llama(tokenizer):
    from transformers import LlamaConfig, LlamaForCausalLM

    torch.manual_seed(0)
    config = LlamaConfig(vocab_size=len(tokenizer), hidden_size=32, intermediate_size=64, num_hidden_layers=2,
                         num_attention_heads=4, num_key_value_heads=2, max_position_embeddings=96,
                         pad_token_id=tokenizer.pad_token_id, eos_token_id=tokenizer.eos_token_id,
                         bos_token_id=tokenizer.bos_token_id)
    return LlamaForCausalLM(config).eval()


@pytest.mark.parametrize("compact_share", [0.0, 0.125, 1.0])
def test_greedy_rows_are_generates_ids_whenever_finished_rows_leave(compact_share, one_torch_thread):
    """The shipped model (it ends its translations): finished rows dropped at once, in groups, or never — the
    ids are generate()'s, EOS included."""
    model, tokenizer = load_causal_lm(DEMO_MODEL_DIR), load_tokenizer(DEMO_MODEL_DIR)
    prompts = _prompts(tokenizer)
    expected = _generate(model, tokenizer, prompts, 40)
    assert sum(row[-1] == tokenizer.eos_token_id for row in expected) == len(expected)  # rows do finish
    assert len({len(row) for row in expected}) > 3  # at different steps
    got = decode_rows(model, prompts, [None], max_new_tokens=40, eos_token_id=tokenizer.eos_token_id,
                      pad_token_id=tokenizer.pad_token_id, compact_share=compact_share)
    assert [rows[0] for rows in got] == expected


def test_prefill_runs_split_off_the_prompts_that_would_pad_many():
    lengths = [10] * 60 + [40, 38, 39, 37]
    runs = prefill_runs(lengths)
    assert [sorted(run) for run in runs] == [list(range(60)), [60, 61, 62, 63]]
    assert [lengths[i] for i in runs[1]] == [37, 38, 39, 40]  # shortest first within a run
    assert prefill_runs([10, 12, 11, 9]) == [[3, 0, 2, 1]]  # alike: one run
    assert prefill_runs(lengths, call_tokens=10_000) == [sorted(range(64), key=lambda i: lengths[i])]
    mixed = [5, 30, 7, 6, 12, 31, 8, 29, 5, 18]
    assert sorted(i for run in prefill_runs(mixed, call_tokens=8) for i in run) == list(range(len(mixed)))
    assert prefill_runs([]) == []


def test_prompts_prefilled_in_runs_give_generates_ids(one_torch_thread, monkeypatch):
    """A batch of short prompts and a few long ones is prefilled in runs, each at its own width, the caches
    right-aligned into one batch: greedy ids still generate()'s for the whole batch, and the same as one prefill."""
    model, tokenizer = load_causal_lm(DEMO_MODEL_DIR), load_tokenizer(DEMO_MODEL_DIR)
    rows = demo_pairs(400)
    short = [encode_prompt(tokenizer, s, p, "tags") for s, _, p in rows[:40]]
    long = sorted((encode_prompt(tokenizer, s, p, "tags") for s, _, p in rows), key=len)[-3:]
    prompts = short[:20] + long[:1] + short[20:] + long[1:]
    assert len(prefill_runs([len(p) for p in prompts])) > 1
    expected = _generate(model, tokenizer, prompts, 24)
    kwargs = dict(max_new_tokens=24, eos_token_id=tokenizer.eos_token_id, pad_token_id=tokenizer.pad_token_id)
    in_runs = decode_rows(model, prompts, [None], **kwargs)
    assert [r[0] for r in in_runs] == expected
    monkeypatch.setattr(decoding_loop, "prefill_runs", lambda lengths: [list(range(len(lengths)))])
    assert decode_rows(model, prompts, [None], **kwargs) == in_runs


def test_another_family_and_the_position_limit(tiny_policy_dir, one_torch_thread):
    """A Llama model (random weights, so no row ends): the same ids as generate() up to the token budget."""
    tokenizer = load_tokenizer(tiny_policy_dir)
    model = _tiny_llama(tokenizer)
    assert loop_supported(model)
    prompts = _prompts(tokenizer, 6)
    expected = _generate(model, tokenizer, prompts, 20)
    got = decode_rows(model, prompts, [None, None], max_new_tokens=20, eos_token_id=tokenizer.eos_token_id,
                      pad_token_id=tokenizer.pad_token_id)
    assert [rows[0] for rows in got] == expected
    assert [rows[1] for rows in got] == expected  # every row of a prompt starts from the same prefill


def test_sampled_rows_follow_their_own_rule_along_their_own_path(one_torch_thread):
    """Rows with top-k 1 are greedy; rows with top-k 3 only ever take one of the 3 best tokens of the model's
    distribution at their own prefix (checked by re-running each finished row in full, without the cache)."""
    model, tokenizer = load_causal_lm(DEMO_MODEL_DIR), load_tokenizer(DEMO_MODEL_DIR)
    prompts = _prompts(tokenizer, 8)
    torch.manual_seed(0)
    rules = [FastSampler(top_k=1), FastSampler(temperature=1.5, top_k=3), None, FastSampler(temperature=1.5, top_k=3)]
    got = decode_rows(model, prompts, rules, max_new_tokens=30, eos_token_id=tokenizer.eos_token_id,
                      pad_token_id=tokenizer.pad_token_id, compact_share=0.0)
    greedy = _generate(model, tokenizer, prompts, 30)
    assert [rows[0] for rows in got] == greedy and [rows[2] for rows in got] == greedy
    differs = 0
    for prompt, rows in zip(prompts, got, strict=True):
        for sampled in (rows[1], rows[3]):
            differs += sampled != rows[0]
            with torch.no_grad():
                logits = model(input_ids=torch.tensor([prompt + sampled])).logits[0]
            for step, token in enumerate(sampled):
                top3 = torch.topk(logits[len(prompt) - 1 + step], 3).indices.tolist()
                assert token in top3, (step, token, top3)
    assert differs > 0  # the sampled rows did sample


def test_a_model_asking_for_a_logits_processor_is_left_to_generate(tiny_policy_dir, one_torch_thread):
    """A repetition penalty in the generation config is a processor the loop does not apply: the studio's
    generation falls back to generate(), which does (same output as plain generate() with the penalty)."""
    from engine.decoding.candidates import generate_candidates, parse_strategies

    model, tokenizer = load_causal_lm(DEMO_MODEL_DIR), load_tokenizer(DEMO_MODEL_DIR)
    assert loop_supported(model)
    model.generation_config.repetition_penalty = 3.0
    assert not loop_supported(model)
    rows = demo_pairs(200)[::15][:6]
    prompts = [encode_prompt(tokenizer, s, p, "tags") for s, _, p in rows]
    expected = decode_outputs(tokenizer, _generate(model, tokenizer, prompts, 24))
    got = generate_candidates(model, tokenizer, [r[0] for r in rows], [r[2] for r in rows],
                              parse_strategies(["greedy"]), batch_size=6, max_new_tokens=24)
    assert [c[0].text for c in got] == expected
    model.generation_config.repetition_penalty = 1.0
    plain = generate_candidates(model, tokenizer, [r[0] for r in rows], [r[2] for r in rows],
                                parse_strategies(["greedy"]), batch_size=6, max_new_tokens=24)
    assert [c[0].text for c in plain] != [c[0].text for c in got]  # the penalty did change something


def test_translations_stop_at_every_end_token_the_generation_config_names(tiny_policy_dir):
    # a chat model ends its turn with a token of its generation config (Gemma's <end_of_turn>), not the tokenizer's
    # EOS: decoding that stopped at the tokenizer's EOS alone ran on past the turn
    from engine.decoding.candidates import generate_candidates, parse_strategies
    from engine.decoding.greedy import greedy_translate
    from engine.decoding.loop import stop_token_ids

    tokenizer, model = load_tokenizer(tiny_policy_dir), load_causal_lm(tiny_policy_dir)
    prompt = encode_prompt(tokenizer, "Where is the train station, please?", "en-ar", "tags")
    (full,) = decode_rows(model, [prompt], [None], max_new_tokens=8, eos_token_id=tokenizer.eos_token_id,
                          pad_token_id=tokenizer.pad_token_id)[0]
    k = next(k for k in range(1, len(full)) if full[k] not in full[:k] and full[k] != tokenizer.eos_token_id)
    end_of_turn = full[k]
    model.generation_config.eos_token_id = [tokenizer.eos_token_id, end_of_turn]
    assert stop_token_ids(model, tokenizer) == [tokenizer.eos_token_id, end_of_turn]
    (cut,) = decode_rows(model, [prompt], [None], max_new_tokens=8, eos_token_id=stop_token_ids(model, tokenizer),
                         pad_token_id=tokenizer.pad_token_id)[0]
    assert cut == full[:k + 1]
    (expected,) = decode_outputs(tokenizer, [full[:k + 1]])
    assert greedy_translate(model, tokenizer, ["Where is the train station, please?"], "en-ar",
                            max_new_tokens=8) == [expected]
    beam = generate_candidates(model, tokenizer, ["Where is the train station, please?"], ["en-ar"],
                               parse_strategies(["beam:2"]), max_new_tokens=8)[0]  # through generate()
    assert all(len(tokenizer(c.text, add_special_tokens=False)["input_ids"]) < len(full) for c in beam)


def test_a_sampling_neutral_config_keeps_the_ids_and_lets_no_model_default_into_a_samplers_settings(
        tiny_policy_dir):
    # TRL's PPO passes its own sampling config to generate(), which merged a hub model's defaults into it (a
    # repetition penalty the form never showed, missing from the rollouts' log-probabilities)
    from transformers import GenerationConfig

    from engine.decoding.loop import sampling_neutral

    model = load_causal_lm(tiny_policy_dir)
    model.generation_config.repetition_penalty, model.generation_config.top_k = 1.3, 5
    model.generation_config.eos_token_id = [1, 7]
    ppo_sampling = GenerationConfig(max_new_tokens=8, temperature=0.7, top_k=0, top_p=1.0, do_sample=True)
    merged, _ = model._prepare_generation_config(ppo_sampling)
    assert merged.repetition_penalty == 1.3  # what happened
    model.generation_config = sampling_neutral(model.generation_config)
    merged, _ = model._prepare_generation_config(
        GenerationConfig(max_new_tokens=8, temperature=0.7, top_k=0, top_p=1.0, do_sample=True))
    assert merged.repetition_penalty == 1.0 and merged.top_k == 0 and merged.temperature == 0.7
    assert model.generation_config.eos_token_id == [1, 7]


def test_a_prompt_longer_than_the_models_context_is_refused_in_words(tiny_policy_dir):
    # GPT-2 with 64 positions: an IndexError inside the model, a traceback on the Translate page
    from engine.decoding.candidates import generate_candidates, parse_strategies
    from engine.decoding.greedy import greedy_translate

    tokenizer, model = load_tokenizer(tiny_policy_dir), load_causal_lm(tiny_policy_dir)
    source = "Where is the train station, please? I would like to buy two tickets to the city."
    width = len(encode_prompt(tokenizer, source, "en-ar", "tags"))
    model.config.max_position_embeddings = width
    message = f"the prompt is {width} tokens and this model reads at most {width}"
    with pytest.raises(ValueError, match=message):
        greedy_translate(model, tokenizer, [source], "en-ar", max_new_tokens=8)
    for strategy in ("greedy", "beam:2"):  # the loop and generate()
        with pytest.raises(ValueError, match=message):
            generate_candidates(model, tokenizer, [source], ["en-ar"], parse_strategies([strategy]), max_new_tokens=8)
    model.config.max_position_embeddings = width + 3  # room for 3 new tokens: decoding stops there
    (cands,) = generate_candidates(model, tokenizer, [source], ["en-ar"], parse_strategies(["greedy"]),
                                   max_new_tokens=8)
    assert cands[0].new_tokens <= 3
