"""Benchmark: batched multi-candidate generation vs one ``generate()`` call per candidate — tokens/s.

Same model, same sources, same decoding parameters and ``max_new_tokens``:

``batched``
    :func:`engine.generation.generate_candidates` with ``batch_size`` sources × the strategy's samples per call;
``loop``
    for each source and each candidate, one ``model.generate()`` call with batch 1 (a ``top_p:0.9x2`` strategy
    is two calls with different seeds).

The model is the demo-size Gemma-2 (``gemma2_config(len(tokenizer), "demo")``) with random weights from a fixed
seed and a BPE tokenizer trained on ``data/demo`` — or the model folder given with ``--model``. Generated tokens
are the non-pad new tokens (EOS included). A random model rarely stops early, so nearly every candidate runs to
``max_new_tokens``: this measures decoding throughput, not translation.

Both variants run in one child process on one model, interleaved in rounds (batched, then a slice of the loop,
then batched again, ...) so they see the same machine load. The loop is slow (~15 ms per token at batch 1 on
2 cores), so by default it runs on a length-stratified subset of the sources: its tokens/s is measured on that
subset, and its time for all sources is extrapolated (and labelled so). ``--loop-sources N`` with N = ``--sources``
runs the full loop.

    python -m bench.generate [--sources 64] [--max-new-tokens 32] [--loop-sources 16] [--model PATH]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import time
from pathlib import Path
from typing import Any

from bench.common import measure_in_subprocess, peak_rss_mib, write_results

DEMO = Path(__file__).resolve().parents[1] / "data" / "demo"
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
        from engine.models import load_causal_lm, load_tokenizer
        from engine.prompting import prompt_format_of

        tokenizer, model = load_tokenizer(model_path), load_causal_lm(model_path)
        prompt_format = prompt_format_of(model_path)
        kind = f"loaded from {model_path}"
    else:
        from engine.demo_model import build_model, gemma2_config, train_bpe_tokenizer

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
                batch_size: int, max_new_tokens: int, seed: int) -> dict:
    """One :func:`generate_candidates` pass over all sources; tokens counted from its ``on_batch`` reports."""
    from engine.generation import generate_candidates

    tokens, calls = [0], [0]

    def on_batch(done: int, new_tokens: int) -> None:
        tokens[0] += new_tokens
        calls[0] += 1

    t0 = time.perf_counter()
    generate_candidates(model, tokenizer, [s for s, _ in sources], [p for _, p in sources], strategies,
                        prompt_format=prompt_format, batch_size=batch_size, max_new_tokens=max_new_tokens, seed=seed,
                        on_batch=on_batch)
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

    from engine.prompting import encode_prompt

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


def run_variant(variant: str, args: argparse.Namespace) -> dict:
    """Build (or load) the model once and measure ``variant``: batched, loop, or both interleaved in rounds."""
    import torch

    from engine.generation import parse_strategies
    from engine.prompting import encode_prompt

    load = os.getloadavg()
    if args.threads:
        torch.set_num_threads(args.threads)
    t0 = time.perf_counter()
    model, tokenizer, prompt_format, info = load_model(args.model, args.seed)
    strategies = parse_strategies(args.strategies)
    sources = pick_sources(args.sources, args.seed)
    lengths = [len(encode_prompt(tokenizer, s, p, prompt_format)) for s, p in sources]
    subset_index = loop_subset(lengths, args.loop_sources)
    subset = [sources[i] for i in subset_index]
    setup_s = time.perf_counter() - t0
    # warm-up: the first generate() of a process pays one-off costs (allocations, lazy imports)
    with torch.no_grad():
        ids = torch.tensor([encode_prompt(tokenizer, *sources[0], prompt_format)] * 2)
        model.generate(input_ids=ids, attention_mask=torch.ones_like(ids), max_new_tokens=4, do_sample=False,
                       pad_token_id=tokenizer.pad_token_id, eos_token_id=tokenizer.eos_token_id)
    rounds = max(1, min(args.rounds, len(subset))) if variant == "interleaved" else 1
    slices = [subset[len(subset) * r // rounds:len(subset) * (r + 1) // rounds] for r in range(rounds)]
    batched, loop = [], []
    for r in range(rounds):
        if variant in ("batched", "interleaved"):
            batched.append(run_batched(model, tokenizer, sources, strategies, prompt_format, args.batch_size,
                                       args.max_new_tokens, args.seed))
        if variant in ("loop", "interleaved"):
            loop.append(run_loop(model, tokenizer, slices[r], strategies, prompt_format, args.max_new_tokens,
                                 args.seed + r, args.loop_budget_s / rounds))
    result: dict[str, Any] = {
        "load_avg_at_start": [round(x, 2) for x in load], **info, "setup_s": round(setup_s, 3),
        "mean_prompt_tokens": round(sum(lengths) / len(lengths), 1),
        "loop_mean_prompt_tokens": round(sum(lengths[i] for i in subset_index) / len(subset_index), 1),
    }
    if batched:
        result["batched"] = _rate(batched)
    if loop:
        result["loop"] = _rate(loop)
    result["peak_rss_mib"] = round(peak_rss_mib(), 1)
    return result


def main() -> None:
    """Run the interleaved measurement in a child process, print the ratio and write ``bench/results``."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--sources", type=int, default=64, help="sources taken from data/demo")
    parser.add_argument("--max-new-tokens", type=int, default=32)
    parser.add_argument("--batch-size", type=int, default=32, help="sources per generate() call in 'batched'")
    parser.add_argument("--loop-sources", type=int, default=16,
                        help="sources the per-candidate loop runs on (a length-stratified subset; = --sources: all)")
    parser.add_argument("--rounds", type=int, default=2, help="interleaved rounds: batched, then a loop slice")
    parser.add_argument("--loop-budget-s", type=float, default=120.0,
                        help="the loop stops (between calls) after this many seconds in all; its rate still counts")
    parser.add_argument("--strategies", nargs="+", default=DEFAULT_STRATEGIES)
    parser.add_argument("--threads", type=int, default=0,
                        help="torch intra-op threads (0 = torch's default, one per core); both variants use it")
    parser.add_argument("--model", help="a model folder (engine.models) instead of the random demo model")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--variant", choices=["interleaved", "batched", "loop"])
    args = parser.parse_args()
    args.loop_sources = max(1, min(args.loop_sources, args.sources))
    if args.variant:  # a child process measuring
        print(json.dumps(run_variant(args.variant, args)))
        return

    from engine.generation import parse_strategies

    strategies = parse_strategies(args.strategies)
    per_source = sum(s.samples for s in strategies)
    load_start = os.getloadavg()
    print(f"generate: {args.sources} sources × {per_source} candidates ({', '.join(s.name for s in strategies)}), "
          f"max_new_tokens={args.max_new_tokens}, batch_size={args.batch_size}; per-candidate loop on "
          f"{args.loop_sources} of the {args.sources} sources, {args.rounds} interleaved rounds "
          f"(load average at start {load_start[0]:.2f}) ...", flush=True)
    child_args = ["--sources", str(args.sources), "--max-new-tokens", str(args.max_new_tokens),
                  "--batch-size", str(args.batch_size), "--loop-sources", str(args.loop_sources),
                  "--rounds", str(args.rounds), "--loop-budget-s", str(args.loop_budget_s), "--seed", str(args.seed),
                  "--threads", str(args.threads), "--strategies", *args.strategies]
    if args.model:
        child_args += ["--model", args.model]
    measured = measure_in_subprocess("bench.generate", "interleaved", *child_args)
    batched, loop = measured.pop("batched"), measured.pop("loop")
    ratio = batched["tokens_per_s"] / loop["tokens_per_s"]
    full_loop = loop["sources"] == args.sources
    loop_all_s = loop["seconds"] / loop["candidates"] * args.sources * per_source
    batched_once_s = batched["seconds"] / len(batched["rounds"])
    results = {
        "sources": args.sources, "candidates_per_source": per_source, "strategies": [s.name for s in strategies],
        "max_new_tokens": args.max_new_tokens, "batch_size": args.batch_size, "loop_sources": args.loop_sources,
        "rounds": args.rounds, "seed": args.seed, "threads_requested": args.threads,
        "load_avg_at_start": [round(x, 2) for x in load_start],
        "load_avg_at_end": [round(x, 2) for x in os.getloadavg()], "run": measured,
        "batched": batched, "loop": loop,
        "tokens_per_s_ratio_batched_over_loop": round(ratio, 2),
        "loop_is_subset": not full_loop,
        "loop_seconds_for_all_sources": round(loop_all_s, 1), "loop_seconds_extrapolated": not full_loop,
        "batched_seconds_for_all_sources": round(batched_once_s, 2),
    }
    cores = len(os.sched_getaffinity(0))
    busy_load = max(results["load_avg_at_start"][0], results["load_avg_at_end"][0])
    results["machine_busy"] = busy_load > cores - 0.5
    path = write_results("generate", results)
    print(f"  batched  {batched['tokens']:6,} tokens in {batched['seconds']:6.1f} s = {batched['tokens_per_s']:7,.1f} "
          f"tokens/s ({batched['generate_calls']} generate() calls, all {args.sources} sources × "
          f"{len(batched['rounds'])} rounds)")
    print(f"  loop     {loop['tokens']:6,} tokens in {loop['seconds']:6.1f} s = {loop['tokens_per_s']:7,.1f} "
          f"tokens/s ({loop['generate_calls']} generate() calls, batch 1, on {loop['sources']} sources"
          + (f"; stopped by the {args.loop_budget_s:.0f} s budget" if loop["stopped_by_budget"] else "") + ")")
    note = "" if full_loop else f" (extrapolated from {loop['sources']} sources)"
    print(f"generate {args.sources} sources × {per_source} candidates, max_new_tokens={args.max_new_tokens}: batched "
          f"x{ratio:.1f} the tokens/s of a per-candidate generate() loop; all sources: batched "
          f"{batched_once_s:.1f} s vs loop {loop_all_s:.0f} s{note}")
    print(f"load average: start {load_start[0]:.2f}, end {results['load_avg_at_end'][0]:.2f} "
          f"on {len(os.sched_getaffinity(0))} cores, {measured['torch_threads']} torch threads")
    print(f"model: {measured['model']}, {measured['parameters']:,} parameters")
    if results["machine_busy"]:
        print(f"WARNING: other jobs shared the machine (1-min load average up to {busy_load:.1f} on {cores} cores): "
              "absolute speeds are depressed and the ratio is noisy; rerun on a quiet machine to compare")
    print(f"results: {path}")


if __name__ == "__main__":
    main()
