"""Benchmark: the studio's candidate generation as a share of the model's FLOP bound, and against baselines.

Same model, same sources, same decoding parameters and ``max_new_tokens``, all in one child process, interleaved
in rounds and at each thread count in turn (1 and 2 by default: the generate job uses one thread per core), so
every figure of a round sees the same machine load:

``matmul``
    the machine's matmul rate on the model's own linear shapes at the batch in use (``bench.flops``; for
    ``studio``, ``batch_size`` × candidates per source rows, as many as its loop decodes together), measured
    right before and right after every measurement below; the **bound** is that rate / (2 × parameters per
    token), and a variant's share = its tokens / the tokens the bound allowed in the same seconds;
``studio``
    :func:`engine.decoding.candidates.generate_candidates` as the generate job runs it (its default ``batch_size``;
    on ``t`` threads, ``t`` single-thread decoding processes sharing the batches, :mod:`engine.decoding.processes`);
``studio_one_process``
    the same in one process of ``t`` threads (measured for ``t`` > 1): the decoding processes' gain;
``studio_model_cap``
    the same, with a soft-capping model's own ``forward`` at every step (its cap over the whole vocabulary) instead
    of the studio's split (:mod:`engine.decoding.softcap`: the cap only where a rule needs it) — the split's gain;
    measured only for a model with a cap (the shipped demo model has one); without the split the model's own
    forward runs every step (no fused step either: it needs the split for a capped model);
``studio_unfused``
    the same, with transformers' forward at every decoding step instead of the fused step
    (:mod:`engine.decoding.fused_step`: the same logits bit for bit, in fewer and cheaper operations) — its gain;
``studio_one_prefill``
    the same, with each batch's prompts prefilled in one call at the longest prompt's width instead of in runs of
    similar length (:func:`engine.decoding.loop.prefill_runs`) — the runs' gain;
``hf_generate``
    the same strategies through plain transformers ``generate()`` as the studio did before it was tuned —
    ``do_sample=True`` with ``num_return_sequences``, transformers' attention masks, ``no_grad``, batch 32;
``loop``
    one ``model.generate()`` per source and candidate, batch 1 (the original baseline), on a length-stratified
    subset of the sources (its time for all sources is extrapolated, and labelled so);
``decode``
    pure decoding throughput in the issue's setting: greedy, a batch of ``--batch-size`` prompts, exactly
    ``--decode-tokens`` new tokens, the studio's loop (:mod:`engine.decoding.loop`) vs plain ``generate()``.

The model is the shipped demo model (``data/demo/model``, Gemma-2, 5.2M parameters, SDPA attention) unless
``--model`` names another folder or ``--random-model`` asks for the old random-weight demo-size model. With a trained
model, candidates stop at EOS, so ``studio`` measures what the generate job really does (prompt prefill and rows
that finished early included); ``decode`` measures the steady decoding rate. Generated tokens are the non-pad new
tokens (EOS included).

    python -m bench.generate [--sources 128] [--max-new-tokens 64] [--threads 1,2] [--rounds 2] [--model PATH]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import time
from pathlib import Path
from typing import Any
from unittest import mock

from bench.common import measure_in_subprocess, peak_rss_mib, write_results

DEMO = Path(__file__).resolve().parents[1] / "data" / "demo"
DEMO_MODEL = DEMO / "model"
STUDIO_ABLATIONS = {
    "studio_one_process": "one process of {t} threads",
    "studio_model_cap": "the model's own cap",
    "studio_unfused": "transformers' decoding step",
    "studio_one_prefill": "one prefill per batch",
}
"""The variants of the studio's generation that each take one of its parts away, and how the summary names them."""
DEFAULT_STRATEGIES = ["greedy", "temperature:0.7", "temperature:1.0", "top_k:20", "top_p:0.9x2"]


def demo_rows() -> list[tuple[str, str, str]]:
    """Every ``(source, arabic, pair)`` row of ``data/demo/*.tsv`` (the pair is read from the file name)."""
    rows = []
    for path in sorted(DEMO.glob("*.tsv")):
        pair = path.name.split(".")[0]
        for line in path.read_text(encoding="utf-8").splitlines():
            cols = line.split("\t")
            if len(cols) >= 2 and cols[0].strip():
                rows.append((cols[0].strip(), cols[1].strip(), pair))
    return rows


def load_model(model_path: str | None, seed: int) -> tuple[Any, Any, str, dict]:
    """``(model, tokenizer, prompt_format, description)``: the random demo model, or the folder ``model_path``."""
    import torch

    if model_path:
        from engine.models.loading import load_causal_lm, load_tokenizer
        from engine.models.prompting import prompt_format_of

        tokenizer, model = load_tokenizer(model_path), load_causal_lm(model_path)
        prompt_format = prompt_format_of(model_path)
        kind = f"loaded from {model_path}"
    else:
        from engine.models.demo import build_model, gemma2_config, train_bpe_tokenizer

        rows = demo_rows()
        tokenizer = train_bpe_tokenizer([r[0] for r in rows] + [r[1] for r in rows], 4000, model_max_length=256)
        torch.manual_seed(seed)
        model = build_model(gemma2_config(len(tokenizer), "demo"))
        prompt_format = "tags"
        kind = f"demo-size Gemma-2, random weights (seed {seed}), BPE tokenizer trained on data/demo"
    model.eval()
    info = {"model": kind, "parameters": sum(p.numel() for p in model.parameters()), "vocab": len(tokenizer),
            "prompt_format": prompt_format, "torch_threads": torch.get_num_threads()}
    return model, tokenizer, prompt_format, info


def pick_sources(n: int, seed: int) -> list[tuple[str, str]]:
    """``n`` seeded ``(source, pair)`` picks from the demo corpus (EN→AR and FR→AR mixed)."""
    rows = demo_rows()
    return [(r[0], r[2]) for r in random.Random(seed).sample(rows, n)]


def loop_subset(lengths: list[int], k: int) -> list[int]:
    """Indices of ``k`` sources spread evenly over the prompt-length order (a representative subset)."""
    order = sorted(range(len(lengths)), key=lambda i: lengths[i])
    if k >= len(order):
        return order
    return [order[(2 * j + 1) * len(order) // (2 * k)] for j in range(k)]


def run_batched(model: Any, tokenizer: Any, sources: list[tuple[str, str]], strategies: list, prompt_format: str,
                batch_size: int, max_new_tokens: int, seed: int, processes: int = 1) -> dict:
    """One :func:`generate_candidates` pass over all sources in ``processes`` decoding processes; tokens counted from
    its ``on_batch`` reports."""
    from engine.decoding.candidates import generate_candidates

    tokens, calls = [0], [0]

    def on_batch(done: int, new_tokens: int) -> None:
        tokens[0] += new_tokens
        calls[0] += 1

    t0 = time.perf_counter()
    generate_candidates(model, tokenizer, [s for s, _ in sources], [p for _, p in sources], strategies,
                        prompt_format=prompt_format, batch_size=batch_size, max_new_tokens=max_new_tokens, seed=seed,
                        on_batch=on_batch, processes=processes)
    seconds = time.perf_counter() - t0
    return {"seconds": seconds, "tokens": tokens[0], "generate_calls": calls[0],
            "candidates": len(sources) * sum(s.samples for s in strategies)}


def run_loop(model: Any, tokenizer: Any, sources: list[tuple[str, str]], strategies: list, prompt_format: str,
             max_new_tokens: int, seed: int, budget_s: float = float("inf")) -> dict:
    """One ``model.generate()`` per source and candidate, batch 1, with each strategy's decoding parameters.

    Stops before the next call once ``budget_s`` seconds are spent (a guard for a heavily loaded machine);
    the result then says how many sources it started and how many candidates it made.
    """
    import torch

    from engine.models.prompting import encode_prompt

    limit = int(getattr(model.config, "max_position_embeddings", 0) or tokenizer.model_max_length)
    tokens = calls = done = 0
    stopped = False
    t0 = time.perf_counter()
    with torch.no_grad():
        for source, pair in sources:
            if stopped:
                break
            done += 1
            ids = torch.tensor([encode_prompt(tokenizer, source, pair, prompt_format)])
            width = ids.shape[1]
            for s_index, strategy in enumerate(strategies):
                if stopped:
                    break
                kwargs = strategy.params()
                if strategy.kind == "beam":
                    kwargs["early_stopping"] = True
                for sample in range(strategy.samples):
                    if time.perf_counter() - t0 > budget_s:
                        stopped = True
                        break
                    torch.manual_seed(seed * 1_000_003 + s_index * 7919 + calls * 31 + sample)
                    out = model.generate(input_ids=ids, attention_mask=torch.ones_like(ids),
                                         max_new_tokens=max(1, min(max_new_tokens, limit - width)),
                                         pad_token_id=tokenizer.pad_token_id, eos_token_id=tokenizer.eos_token_id,
                                         **kwargs)
                    tokens += int((out[:, width:] != tokenizer.pad_token_id).sum())
                    calls += 1
    seconds = time.perf_counter() - t0
    return {"seconds": seconds, "tokens": tokens, "generate_calls": calls, "candidates": calls,
            "sources": done, "stopped_by_budget": stopped}


def _rate(parts: list[dict]) -> dict:
    """Totals over rounds, with tokens/s and candidates/s."""
    seconds = sum(p["seconds"] for p in parts)
    tokens = sum(p["tokens"] for p in parts)
    candidates = sum(p["candidates"] for p in parts)
    return {"seconds": round(seconds, 3), "tokens": tokens, "candidates": candidates,
            "generate_calls": sum(p["generate_calls"] for p in parts),
            "sources": sum(p.get("sources", 0) for p in parts) or None,
            "stopped_by_budget": any(p.get("stopped_by_budget", False) for p in parts),
            "tokens_per_s": round(tokens / seconds, 1), "candidates_per_s": round(candidates / seconds, 2),
            "rounds": [{k: round(v, 3) if isinstance(v, float) else v for k, v in p.items()} for p in parts]}


def run_hf_generate(model: Any, tokenizer: Any, sources: list[tuple[str, str]], strategies: list,
                    prompt_format: str, batch_size: int, max_new_tokens: int, seed: int) -> dict:
    """The studio's generation before tuning: one plain ``generate()`` per strategy and batch (``do_sample`` with
    ``num_return_sequences``, transformers' own masks and warpers, ``no_grad``)."""
    import torch

    from engine.models.prompting import encode_prompt

    encoded = [encode_prompt(tokenizer, s, p, prompt_format) for s, p in sources]
    order = sorted(range(len(encoded)), key=lambda i: len(encoded[i]))
    tokens = calls = 0
    t0 = time.perf_counter()
    with torch.no_grad():
        for s_index, strategy in enumerate(strategies):
            for start in range(0, len(order), batch_size):
                batch = tokenizer.pad({"input_ids": [encoded[i] for i in order[start:start + batch_size]]},
                                      padding=True, return_tensors="pt")
                width = batch["input_ids"].shape[1]
                torch.manual_seed(seed * 1_000_003 + s_index * 7919 + start)
                kwargs = strategy.params()
                if strategy.kind == "beam":
                    kwargs["early_stopping"] = True
                out = model.generate(input_ids=batch["input_ids"], attention_mask=batch["attention_mask"],
                                     num_return_sequences=strategy.samples, max_new_tokens=max_new_tokens,
                                     pad_token_id=tokenizer.pad_token_id, eos_token_id=tokenizer.eos_token_id,
                                     **kwargs)
                tokens += int((out[:, width:] != tokenizer.pad_token_id).sum())
                calls += 1
    return {"seconds": time.perf_counter() - t0, "tokens": tokens, "generate_calls": calls,
            "candidates": len(sources) * sum(s.samples for s in strategies)}


def run_decode(model: Any, tokenizer: Any, sources: list[tuple[str, str]], prompt_format: str, batch_size: int,
               new_tokens: int, studio: bool) -> dict:
    """Greedy decoding of ``batch_size`` prompts for exactly ``new_tokens`` tokens: the studio's loop
    (:func:`engine.decoding.loop.decode_rows`, no row allowed to end) or plain ``generate()``."""
    import torch

    from engine.decoding.loop import decode_rows
    from engine.models.prompting import encode_prompt

    encoded = [encode_prompt(tokenizer, s, p, prompt_format) for s, p in sources[:batch_size]]
    t0 = time.perf_counter()
    if studio:
        rows = decode_rows(model, encoded, [None], max_new_tokens=new_tokens, eos_token_id=-1,  # no id is -1
                           pad_token_id=tokenizer.pad_token_id)
        seconds = time.perf_counter() - t0
        return {"seconds": seconds, "tokens": sum(len(r[0]) for r in rows), "generate_calls": 1,
                "candidates": len(rows)}
    batch = tokenizer.pad({"input_ids": encoded}, padding=True, return_tensors="pt")
    with torch.no_grad():
        out = model.generate(**batch, max_new_tokens=new_tokens, min_new_tokens=new_tokens, do_sample=False,
                             pad_token_id=tokenizer.pad_token_id, eos_token_id=tokenizer.eos_token_id)
    seconds = time.perf_counter() - t0
    tokens = int(out.shape[0] * (out.shape[1] - batch["input_ids"].shape[1]))
    return {"seconds": seconds, "tokens": tokens, "generate_calls": 1, "candidates": out.shape[0]}


def _mean(values: list[float]) -> float:
    return sum(values) / len(values)


def run_variant(variant: str, args: argparse.Namespace) -> dict:
    """Load the model once and measure every variant, interleaved in rounds and over the thread counts."""
    import torch

    from bench.flops import flop_parameters, generation_bound_tokens_per_s, matmul_rate
    from engine.decoding import loop as decoding_loop
    from engine.decoding.candidates import parse_strategies
    from engine.decoding.processes import decoding_processes
    from engine.decoding.softcap import uncapped_head
    from engine.models.prompting import encode_prompt

    load = os.getloadavg()
    threads = [int(t) for t in str(args.threads).split(",") if t.strip()]
    t0 = time.perf_counter()
    model_path = None if args.random_model else (args.model or str(DEMO_MODEL))
    model, tokenizer, prompt_format, info = load_model(model_path, args.seed)
    info["attention"] = getattr(model.config, "_attn_implementation", None)
    params = flop_parameters(model)
    strategies = parse_strategies(args.strategies)
    sources = pick_sources(args.sources, args.seed)
    lengths = [len(encode_prompt(tokenizer, s, p, prompt_format)) for s, p in sources]
    subset_index = loop_subset(lengths, args.loop_sources)
    subset = [sources[i] for i in subset_index]
    setup_s = time.perf_counter() - t0
    with torch.no_grad():  # warm-up: the first generate() of a process pays one-off costs
        ids = torch.tensor([encode_prompt(tokenizer, *sources[0], prompt_format)] * 2)
        model.generate(input_ids=ids, attention_mask=torch.ones_like(ids), max_new_tokens=4, do_sample=False,
                       pad_token_id=tokenizer.pad_token_id, eos_token_id=tokenizer.eos_token_id)
    rounds = max(1, min(args.rounds, len(subset)))
    slices = [subset[len(subset) * r // rounds:len(subset) * (r + 1) // rounds] for r in range(rounds)]
    parts: dict[int, dict[str, list]] = {t: {k: [] for k in ("matmul", "studio", "studio_one_process",
                                                              "studio_model_cap", "studio_unfused",
                                                              "studio_one_prefill",
                                                              "hf_generate", "loop",
                                                              "decode_studio", "decode_hf")} for t in threads}
    soft_capped = uncapped_head(model) is not None
    # the studio decodes every candidate of batch_size sources together: its bound is the matmul rate at that
    # many rows (a larger matmul runs nearer the machine's peak, so the bound is not flattered by a small batch)
    studio_rows = args.batch_size * sum(s.samples for s in strategies)

    def bracketed(part: str, t: int, run: Any) -> None:
        # the matmul rate right before and right after each measurement: its bound sees the same load
        rows = studio_rows if part.startswith("studio") else args.batch_size
        before = matmul_rate(model, rows)
        result = run()
        after = matmul_rate(model, rows)
        result["bound_rows"] = rows
        rate = (before["flops_per_s"] + after["flops_per_s"]) / 2
        result["bound_tokens_per_s"] = generation_bound_tokens_per_s(rate, params["per_token"])
        if rows == args.batch_size:  # the summary's matmul rate: at batch_size rows, as before
            parts[t]["matmul"] += [before["flops_per_s"], after["flops_per_s"]]
        parts[t][part].append(result)

    for r in range(rounds):
        for t in threads:
            torch.set_num_threads(t)
            # as the generate job runs: one single-thread decoding process per thread (engine.decoding.processes)
            processes = decoding_processes(model)
            bracketed("studio", t, lambda p=processes: run_batched(
                model, tokenizer, sources, strategies, prompt_format, args.batch_size, args.max_new_tokens, args.seed,
                p))
            if processes > 1:
                bracketed("studio_one_process", t, lambda: run_batched(
                    model, tokenizer, sources, strategies, prompt_format, args.batch_size, args.max_new_tokens,
                    args.seed))
            with mock.patch.object(decoding_loop, "fused_step_for", lambda model, head: None):
                bracketed("studio_unfused", t, lambda p=processes: run_batched(
                    model, tokenizer, sources, strategies, prompt_format, args.batch_size, args.max_new_tokens,
                    args.seed, p))
            with mock.patch.object(decoding_loop, "prefill_runs", lambda lengths: [list(range(len(lengths)))]):
                bracketed("studio_one_prefill", t, lambda p=processes: run_batched(
                    model, tokenizer, sources, strategies, prompt_format, args.batch_size, args.max_new_tokens,
                    args.seed, p))
            if soft_capped:
                with mock.patch.object(decoding_loop, "uncapped_head", lambda model: None):
                    bracketed("studio_model_cap", t, lambda p=processes: run_batched(
                        model, tokenizer, sources, strategies, prompt_format, args.batch_size, args.max_new_tokens,
                        args.seed, p))
            bracketed("hf_generate", t, lambda: run_hf_generate(model, tokenizer, sources, strategies, prompt_format,
                                                                args.baseline_batch_size, args.max_new_tokens,
                                                                args.seed))
            bracketed("decode_studio", t, lambda: run_decode(model, tokenizer, sources, prompt_format,
                                                             args.batch_size, args.decode_tokens, True))
            bracketed("decode_hf", t, lambda: run_decode(model, tokenizer, sources, prompt_format, args.batch_size,
                                                         args.decode_tokens, False))
            if args.loop_sources:
                bracketed("loop", t, lambda r=r: run_loop(model, tokenizer, slices[r], strategies, prompt_format,
                                                          args.max_new_tokens, args.seed + r,
                                                          args.loop_budget_s / rounds / len(threads)))
    by_threads = {}
    for t in threads:
        p = parts[t]
        rate = _mean(p["matmul"])
        entry: dict[str, Any] = {
            "matmul_gflops_per_s": round(rate / 1e9, 2),
            "matmul_gflops_per_s_each": [round(x / 1e9, 2) for x in p["matmul"]],
            "bound_tokens_per_s": round(generation_bound_tokens_per_s(rate, params["per_token"]), 1),
        }
        for name in ("studio", *STUDIO_ABLATIONS, "hf_generate", "decode_studio", "decode_hf", "loop"):
            if p[name]:
                # tokens over what the bound allowed in the same seconds, each part with the rate measured around it
                allowed = sum(x["seconds"] * x["bound_tokens_per_s"] for x in p[name])
                entry[name] = _rate(p[name])
                entry[name]["share_of_bound"] = round(entry[name]["tokens"] / allowed, 3)
        by_threads[str(t)] = entry
    return {"load_avg_at_start": [round(x, 2) for x in load], "load_avg_at_end": [round(x, 2) for x in os.getloadavg()],
            **info, "flop_parameters": params, "setup_s": round(setup_s, 3),
            "mean_prompt_tokens": round(sum(lengths) / len(lengths), 1),
            "loop_mean_prompt_tokens": round(sum(lengths[i] for i in subset_index) / max(1, len(subset_index)), 1),
            "by_threads": by_threads, "peak_rss_mib": round(peak_rss_mib(), 1)}


def main() -> None:
    """Run the interleaved measurement in a child process, print the shares and ratios, write ``bench/results``."""
    from engine.jobs.generate import GenerateConfig

    parser = argparse.ArgumentParser()
    parser.add_argument("--sources", type=int, default=GenerateConfig().chunk_sources,
                        help="sources taken from data/demo (default: one chunk of the generate job)")
    parser.add_argument("--max-new-tokens", type=int, default=64)
    parser.add_argument("--batch-size", type=int, default=GenerateConfig().batch_size,
                        help="sources per generate() call (default: the generate job's)")
    parser.add_argument("--baseline-batch-size", type=int, default=32,
                        help="batch of the plain-generate() baseline (the job's default before tuning)")
    parser.add_argument("--decode-tokens", type=int, default=64, help="new tokens of the fixed-length decode test")
    parser.add_argument("--loop-sources", type=int, default=8,
                        help="sources the per-candidate loop runs on (a length-stratified subset; 0 = no loop)")
    parser.add_argument("--rounds", type=int, default=2, help="interleaved rounds")
    parser.add_argument("--loop-budget-s", type=float, default=120.0,
                        help="the loop stops (between calls) after this many seconds in all; its rate still counts")
    parser.add_argument("--strategies", nargs="+", default=DEFAULT_STRATEGIES)
    parser.add_argument("--threads", default="1,2", help="torch thread counts, measured in turn (comma-separated)")
    parser.add_argument("--model", help="a model folder (default: the shipped demo model data/demo/model)")
    parser.add_argument("--random-model", action="store_true", help="the random-weight demo-size model instead")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--variant", choices=["interleaved"])
    args = parser.parse_args()
    args.loop_sources = max(0, min(args.loop_sources, args.sources))
    if args.variant:  # the child process measuring
        print(json.dumps(run_variant(args.variant, args)))
        return

    from engine.decoding.candidates import parse_strategies

    strategies = parse_strategies(args.strategies)
    per_source = sum(s.samples for s in strategies)
    load_start = os.getloadavg()
    cores = len(os.sched_getaffinity(0))
    print(f"generate: {args.sources} sources × {per_source} candidates ({', '.join(s.name for s in strategies)}), "
          f"max_new_tokens={args.max_new_tokens}, batch_size={args.batch_size} (plain generate() baseline "
          f"{args.baseline_batch_size}); threads {args.threads}; {args.rounds} interleaved rounds "
          f"(load average at start {load_start[0]:.2f} on {cores} cores) ...", flush=True)
    child_args = ["--sources", str(args.sources), "--max-new-tokens", str(args.max_new_tokens),
                  "--batch-size", str(args.batch_size), "--baseline-batch-size", str(args.baseline_batch_size),
                  "--decode-tokens", str(args.decode_tokens), "--loop-sources", str(args.loop_sources),
                  "--rounds", str(args.rounds), "--loop-budget-s", str(args.loop_budget_s), "--seed", str(args.seed),
                  "--threads", str(args.threads), "--strategies", *args.strategies]
    if args.model:
        child_args += ["--model", args.model]
    if args.random_model:
        child_args += ["--random-model"]
    measured = measure_in_subprocess("bench.generate", "interleaved", *child_args)
    by_threads = measured.pop("by_threads")
    results: dict[str, Any] = {
        "sources": args.sources, "candidates_per_source": per_source, "strategies": [s.name for s in strategies],
        "max_new_tokens": args.max_new_tokens, "batch_size": args.batch_size,
        "baseline_batch_size": args.baseline_batch_size, "decode_tokens": args.decode_tokens,
        "loop_sources": args.loop_sources, "rounds": args.rounds, "seed": args.seed, "threads": args.threads,
        "load_avg_at_start": [round(x, 2) for x in load_start],
        "load_avg_at_end": [round(x, 2) for x in os.getloadavg()],
        "bound": "matmul rate on the model's linear shapes at batch_size rows / (2 × per-token parameters: "
                 "non-embedding + the LM head as used)",
        "run": measured, "by_threads": by_threads,
    }
    summary = {}
    per_token = measured["flop_parameters"]["per_token"]
    print(f"model: {measured['model']}, {measured['parameters']:,} parameters, {per_token:,} "
          f"per token (non-embedding + LM head), attention {measured['attention']}")
    for t, e in by_threads.items():
        s, hf = e["studio"], e["hf_generate"]
        line = {"bound_tokens_per_s": e["bound_tokens_per_s"], "matmul_gflops_per_s": e["matmul_gflops_per_s"],
                "studio_tokens_per_s": s["tokens_per_s"], "studio_share_of_bound": s["share_of_bound"],
                "hf_generate_tokens_per_s": hf["tokens_per_s"], "hf_generate_share_of_bound": hf["share_of_bound"],
                "studio_over_hf_generate": round(s["tokens_per_s"] / hf["tokens_per_s"], 2),
                "decode_studio_share_of_bound": e["decode_studio"]["share_of_bound"],
                "decode_hf_share_of_bound": e["decode_hf"]["share_of_bound"],
                "decode_studio_tokens_per_s": e["decode_studio"]["tokens_per_s"],
                "decode_hf_tokens_per_s": e["decode_hf"]["tokens_per_s"]}
        for name in STUDIO_ABLATIONS:
            if name in e:
                line[f"{name}_tokens_per_s"] = e[name]["tokens_per_s"]
                line[f"{name}_share_of_bound"] = e[name]["share_of_bound"]
                line[f"studio_over_{name.removeprefix('studio_')}"] = round(
                    s["tokens_per_s"] / e[name]["tokens_per_s"], 3)
        if "loop" in e:
            line["loop_tokens_per_s"] = e["loop"]["tokens_per_s"]
            line["studio_over_loop"] = round(s["tokens_per_s"] / e["loop"]["tokens_per_s"], 2)
        summary[t] = line
        print(f"  {t} thread(s): matmul {e['matmul_gflops_per_s']:.1f} GFLOP/s -> bound {e['bound_tokens_per_s']:,.0f} "
              f"tokens/s")
        print(f"    studio generate  {s['tokens_per_s']:8,.1f} tokens/s = {s['share_of_bound']:.1%} of the bound "
              f"({s['tokens']:,} tokens, {s['seconds']:.1f} s)")
        for name, label in STUDIO_ABLATIONS.items():
            if name in e:
                ratio = line["studio_over_" + name.removeprefix("studio_")]
                print(f"    {label.format(t=t)} {line[name + '_tokens_per_s']:8,.1f} tokens/s = "
                      f"{line[name + '_share_of_bound']:.1%} (studio x{ratio})")
        print(f"    plain generate() {hf['tokens_per_s']:8,.1f} tokens/s = {hf['share_of_bound']:.1%} "
              f"(studio x{line['studio_over_hf_generate']})")
        print(f"    decode {args.decode_tokens} tokens, greedy, batch {args.batch_size}: studio "
              f"{e['decode_studio']['tokens_per_s']:,.0f} tokens/s = {e['decode_studio']['share_of_bound']:.1%}, "
              f"plain generate() {e['decode_hf']['tokens_per_s']:,.0f} = {e['decode_hf']['share_of_bound']:.1%}")
        if "loop" in e:
            print(f"    per-candidate loop {e['loop']['tokens_per_s']:,.1f} tokens/s "
                  f"(studio x{line['studio_over_loop']})")
    results["summary"] = summary
    busy_load = max(results["load_avg_at_start"][0], results["load_avg_at_end"][0])
    results["machine_busy"] = busy_load > cores - 0.5
    path = write_results("generate", results)
    print(f"load average: start {load_start[0]:.2f}, end {results['load_avg_at_end'][0]:.2f} on {cores} cores")
    if results["machine_busy"]:
        print(f"WARNING: other jobs shared the machine (1-min load average up to {busy_load:.1f} on {cores} cores): "
              "absolute speeds are depressed; the shares compare figures measured side by side in one process")
    print(f"results: {path}")


if __name__ == "__main__":
    main()
