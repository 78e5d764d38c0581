"""Benchmark: seconds per GRPO step through the studio's ``grpo`` job — rollouts sampled by the studio's decoding
loop (:mod:`engine.rl.rollouts`) and log-probabilities computed with each distinct prompt once and the logits only
at the completions' tokens (:mod:`engine.rl.shared_prompts`) — against the same job with the second turned off, and
with both turned off (TRL's own ``generate()`` and forward passes: the baseline), measured in the same run; and each
step's arithmetic as a share of the machine's matmul rate.

All run the *Small demo model* preset (:data:`engine.jobs.presets.GRPO_DEMO`: chrF reward, 16 sources × 8 samples
per step, β 0.02) from the shipped demo SFT model on the demo's prefs sources, for ``--steps`` steps each, in turn
for ``--rounds`` rounds (the order of the variants rotates from round to round), in one demo workspace. Step time =
the median of TRL's ``step_time`` over a run's steps, the first two (warm-up) left out; the rollouts differ (another
random stream), so the completions' mean length is reported beside it.

**FLOP share** (``bench.flops``). The arithmetic a step cannot do without, from TRL's own per-step counts
(``num_tokens``: prompt + completion tokens of every row, no padding; ``completions_mean_length``), with ``P`` the
policy's per-token parameters, ``B`` those without the LM head (prompt positions need no logits) and each source's
prompt counted once for its group of samples: the rollouts (``2·B`` per prompt token and ``2·P`` per generated
token), the reference model's forward pass (``2·B`` and ``2·P``) and the policy's forward and backward pass (``6·B``
and ``6·P``). Divided by the step time it is the achieved FLOP/s; the share is that over the matmul rate on the
policy's linear shapes measured in this process, at the job's thread count, right before and after each run (~2 s
each). Attention, norms, the chrF reward and the optimizer are not counted: the share is a lower bound of the time
spent in useful arithmetic. The same count serves every variant, so a variant that repeats the prompts' arithmetic
gets a lower share.

    python -m bench.grpo [--steps 40] [--rounds 2]

Results: ``bench/results/grpo.json``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
from pathlib import Path
from typing import Any

from bench.common import write_results
from bench.loop import log, metrics_of, r, require, run_job

NAME = "grpo"


def _rate_now(sft_path: str) -> float:
    """The matmul rate (FLOP/s) on the policy's linear shapes at a step's ~2,000 token rows, over ~2 s, at the
    job's thread count."""

    from bench.flops import matmul_rate
    from engine.jobs.threads import use_job_threads
    from engine.models.loading import load_causal_lm

    use_job_threads()  # what the job's process uses
    return matmul_rate(load_causal_lm(sft_path), rows=2048, min_seconds=2.0)["flops_per_s"]


def step_flops(series: dict, per_token: int, lm_head: int, rows: int, num_generations: int,
               beta: float) -> list[float]:
    """The arithmetic of each logged step (see the module docstring), from TRL's cumulative ``num_tokens`` and the
    step's ``completions_mean_length`` over its ``rows`` completions."""
    body = per_token - lm_head
    cumulative = [v for _, v in series["num_tokens"]]
    flops = []
    for i, (_, mean_length) in enumerate(series["completions_mean_length"]):
        completion = mean_length * rows
        prompt = max(0.0, cumulative[i] - (cumulative[i - 1] if i else 0.0) - completion)
        distinct = prompt / num_generations  # each source's prompt once for its group
        rollouts = 2 * body * distinct + 2 * per_token * completion
        reference = 2 * body * distinct + 2 * per_token * completion if beta > 0 else 0.0
        policy = 6 * body * distinct + 6 * per_token * completion
        flops.append(rollouts + reference + policy)
    return flops


VARIANTS: dict[str, dict[str, bool]] = {
    "studio": {"studio_rollouts": True, "shared_prompts": True},
    "unshared": {"studio_rollouts": True, "shared_prompts": False},
    "trl": {"studio_rollouts": False, "shared_prompts": False},
}
"""The job's settings per variant: the studio's job as it is, without shared prompts, and TRL's own (the baseline)."""


def run_variant(studio, sft: str, corpora: list[int], variant: str, steps: int, seed: int,
                params: dict[str, int]) -> dict:
    """One GRPO run of ``steps`` steps; its step times, completion lengths and FLOP share (``params``: the policy's
    :func:`bench.flops.flop_parameters`)."""
    from engine.jobs.config import config_from_dict
    from engine.jobs.grpo import GrpoJobConfig
    from engine.jobs.presets import GRPO_DEMO

    config = config_from_dict(GrpoJobConfig, {**GRPO_DEMO, "policy": sft, "corpus_ids": corpora, "max_steps": steps,
                                              "save_every": 10 * steps, **VARIANTS[variant],
                                              "seed": seed, "register_stage": "candidate"})
    sft_path = studio.store.models.get(sft)["path"]
    rate_before = _rate_now(sft_path)
    run = run_job(studio, "grpo", config, title=f"bench grpo ({variant})")
    require(run, "grpo")
    rate = (rate_before + _rate_now(sft_path)) / 2
    series = metrics_of(studio, run["run_id"])
    times = [v for _, v in series["step_time"]]
    lengths = [v for _, v in series["completions_mean_length"]][2:]
    flops = step_flops(series, params["per_token"], params["lm_head"],
                       config.batch_size * config.num_generations, config.num_generations, config.beta)
    achieved = statistics.median(f / t for f, t in zip(flops[2:], times[2:], strict=True))
    return {"run_wall_s": run["wall_s"], "step_s_median": r(statistics.median(times[2:])),
            "step_s_mean": r(statistics.fmean(times[2:])), "completion_tokens_mean": r(statistics.fmean(lengths), 2),
            "steps_timed": len(times[2:]), "step_gflop_median": r(statistics.median(flops[2:]) / 1e9, 3),
            "achieved_gflops_per_s": r(achieved / 1e9, 3), "matmul_gflops_per_s": r(rate / 1e9, 2),
            "matmul_gflops_per_s_before_after": [r(rate_before / 1e9, 2), r((2 * rate - rate_before) / 1e9, 2)],
            "share_of_matmul_rate": r(achieved / rate, 3)}


def main(argv: list[str] | None = None) -> int:
    """Run the variants in turn and write ``bench/results/grpo.json``."""
    from bench.flops import flop_parameters
    from engine.demo import PREFS_CORPORA, setup_demo
    from engine.models.loading import load_causal_lm
    from engine.services import Services
    from engine.workspace import Workspace

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    ws = Path(tempfile.mkdtemp(prefix="tarjama-bench-grpo-"))
    os.environ["TARJAMA_HOME"] = str(ws)
    studio = Services.open(Workspace(ws))
    results: dict[str, Any] = {"steps": args.steps, "rounds": args.rounds, "load_avg_at_start": os.getloadavg(),
                               "settings": "engine.jobs.presets.GRPO_DEMO", "runs": {v: [] for v in VARIANTS}}
    try:
        sft = setup_demo(studio)
        params = flop_parameters(load_causal_lm(studio.store.models.get(sft)["path"]))
        results["flop_parameters"] = params
        corpora = [studio.store.corpora.by_name(n)["id"] for n in PREFS_CORPORA]
        names = list(VARIANTS)
        for round_ in range(args.rounds):
            for key in names[round_ % len(names):] + names[:round_ % len(names)]:
                out = run_variant(studio, sft, corpora, key, args.steps, seed=round_, params=params)
                results["runs"][key].append(out)
                log(f"round {round_} · {key}: {out['step_s_median']:.3f} s/step (median), "
                    f"{out['completion_tokens_mean']} tokens per completion")
    finally:
        studio.close()
    for key in VARIANTS:
        results[f"{key}_step_s"] = r(statistics.fmean(x["step_s_median"] for x in results["runs"][key]))
        results[f"{key}_share_of_matmul_rate"] = r(statistics.fmean(x["share_of_matmul_rate"]
                                                                   for x in results["runs"][key]), 3)
    results["speedup"] = r(results["trl_step_s"] / results["studio_step_s"], 3)
    results["speedup_shared_prompts"] = r(results["unshared_step_s"] / results["studio_step_s"], 3)
    results["load_avg_at_end"] = os.getloadavg()
    path = write_results(NAME, results)
    print(f"GRPO step: the studio's job {results['studio_step_s']:.3f} s, without shared prompts "
          f"{results['unshared_step_s']:.3f} s (×{results['speedup_shared_prompts']:.2f}), TRL's own "
          f"{results['trl_step_s']:.3f} s (×{results['speedup']:.2f}); share of the matmul rate "
          f"{results['studio_share_of_matmul_rate']:.1%} / {results['unshared_share_of_matmul_rate']:.1%} / "
          f"{results['trl_share_of_matmul_rate']:.1%}; load {results['load_avg_at_start'][0]:.2f} → "
          f"{results['load_avg_at_end'][0]:.2f}; results: {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
