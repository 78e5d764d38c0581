"""Benchmark: a GRPO step's log-probability passes (the policy's forward and backward pass and the reference's
forward pass, :func:`engine.rl.shared_prompts.shared_prompt_logps`) with the attention masks built by broadcasting
(:mod:`engine.decoding.masks`, what the job does) against the same passes with transformers' own ``vmap``-built masks
(the baseline), measured in the same process, alternating pass by pass.

The batch has the demo preset's shapes (:data:`engine.jobs.presets.GRPO_DEMO`: 16 sources × 8 samples): the
prompts of 16 seeded demo sources, left-padded as TRL pads them, and completions of 2–14 random tokens
right-padded. The shipped demo model, torch on the machine's cores as a job runs it. The two variants compute the
same values (checked before timing); the ratio is the median over the pairs of passes of broadcast time over
``vmap`` time.

    python -m bench.rl_masks [--pairs 30]

Results: ``bench/results/rl_masks.json``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from typing import Any

from bench.common import write_results
from bench.generate import pick_sources

NAME = "rl_masks"


def step_batch(tokenizer: Any, sources: int, samples: int, seed: int) -> dict:
    """TRL's ``prompt + completion`` rows for ``sources`` demo sources × ``samples`` random completions."""
    import torch

    from engine.decoding.loop import left_padded
    from engine.models.prompting import encode_prompt

    gen = torch.Generator().manual_seed(seed)
    prompts = [encode_prompt(tokenizer, s, p, "tags") for s, p in pick_sources(sources, seed)]
    p_ids, p_mask = left_padded([p for p in prompts for _ in range(samples)], tokenizer.pad_token_id)
    lengths = torch.randint(2, 15, (len(p_ids),), generator=gen)
    width = int(lengths.max())
    c_ids = torch.randint(5, len(tokenizer), (len(p_ids), width), generator=gen)
    c_mask = (torch.arange(width)[None, :] < lengths[:, None]).long()
    return {"input_ids": torch.cat([p_ids, c_ids], 1), "attention_mask": torch.cat([p_mask, c_mask], 1),
            "logits_to_keep": width}


def passes(model: Any, batch: dict, logps: Any) -> tuple[float, Any]:
    """Seconds of one step's passes through ``logps`` (the policy's with its backward, the reference's), and the
    policy's log-probabilities."""
    import torch

    started = time.perf_counter()
    out, _ = logps(model, batch["input_ids"], batch["attention_mask"], batch["logits_to_keep"],
                   compute_entropy=True)
    out.sum().backward()
    with torch.no_grad():
        logps(model, batch["input_ids"], batch["attention_mask"], batch["logits_to_keep"])
    seconds = time.perf_counter() - started
    model.zero_grad(set_to_none=True)
    return seconds, out.detach()


def measure(model: Any, batch: dict, pairs: int) -> dict:
    """``pairs`` alternating timings of the broadcast-mask and ``vmap``-mask passes (which goes first alternates)."""
    import torch

    from engine.rl.shared_prompts import shared_prompt_logps

    broadcast, vmap = shared_prompt_logps, shared_prompt_logps.__wrapped__  # the function without the mask switch
    _, a = passes(model, batch, broadcast)
    _, b = passes(model, batch, vmap)
    if not torch.equal(a, b):
        raise AssertionError("the two ways of building masks gave different log-probabilities")
    fast, slow = [], []
    for i in range(pairs):
        order = ((broadcast, fast), (vmap, slow)) if i % 2 else ((vmap, slow), (broadcast, fast))
        for fn, times in order:
            times.append(passes(model, batch, fn)[0])
    ratios = sorted(f / s for f, s in zip(fast, slow, strict=True))
    return {"pairs": pairs, "broadcast_s_median": round(statistics.median(fast), 4),
            "vmap_s_median": round(statistics.median(slow), 4),
            "ratio_median": round(statistics.median(ratios), 3),
            "ratio_quartiles": [round(q, 3) for q in statistics.quantiles(ratios, n=4)[::2]]}


def main(argv: list[str] | None = None) -> dict:
    """Measure and write ``bench/results/rl_masks.json``."""
    import torch

    from engine.demo import DEMO_MODEL_DIR
    from engine.jobs.presets import GRPO_DEMO
    from engine.models.loading import load_causal_lm, load_tokenizer

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=30, help="timings of each variant, alternating")
    parser.add_argument("--model", default=str(DEMO_MODEL_DIR), help="a policy folder (default: the demo model)")
    args = parser.parse_args(argv)
    torch.manual_seed(0)
    torch.set_num_threads(os.cpu_count() or 1)
    model, tokenizer = load_causal_lm(args.model), load_tokenizer(args.model)
    model.train()
    batch = step_batch(tokenizer, GRPO_DEMO["batch_size"], GRPO_DEMO["num_generations"], seed=0)
    load_before = os.getloadavg()
    results = {"model": args.model, "rows": int(batch["input_ids"].shape[0]),
               "width": int(batch["input_ids"].shape[1]), "torch_threads": torch.get_num_threads(),
               "load_avg_at_start": load_before, **measure(model, batch, args.pairs),
               "load_avg_at_end": os.getloadavg()}
    path = write_results(NAME, results)
    print(f"GRPO log-probability passes: masks by broadcasting {results['broadcast_s_median']:.3f} s, by "
          f"transformers' vmap {results['vmap_s_median']:.3f} s: time ×{results['ratio_median']:.3f} (quartiles "
          f"{results['ratio_quartiles'][0]:.3f}–{results['ratio_quartiles'][1]:.3f}); load {load_before[0]:.2f} → "
          f"{results['load_avg_at_end'][0]:.2f}; results: {path}")
    return results


if __name__ == "__main__":
    main()
