"""Benchmark: seconds per GRPO step through the studio's ``grpo`` job, rollouts sampled by the studio's decoding loop
(:mod:`engine.rl.rollouts`) vs by TRL's own ``generate()`` — the baseline, measured in the same run.

Both run the *Small demo model* preset (:data:`engine.jobs.presets.GRPO_DEMO`: chrF reward, 8 sources × 8 samples
per step, β 0.02) from the shipped demo SFT model on the demo's prefs sources, for ``--steps`` steps each, in turn
for ``--rounds`` rounds (each round runs both, in alternating order), in one demo workspace. Step time = the
median of TRL's ``step_time`` over a run's steps, the first two (warm-up) left out; the rollouts differ (another
random stream), so the completions' mean length is reported beside it.

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


def run_variant(studio, sft: str, corpora: list[int], studio_rollouts: bool, steps: int, seed: int) -> dict:
    """One GRPO run of ``steps`` steps; its step times and completion lengths."""
    from engine.jobs.config import config_from_dict
    from engine.jobs.grpo import GrpoJobConfig
    from engine.jobs.presets import GRPO_DEMO

    config = config_from_dict(GrpoJobConfig, {**GRPO_DEMO, "policy": sft, "corpus_ids": corpora, "max_steps": steps,
                                              "save_every": 10 * steps, "studio_rollouts": studio_rollouts,
                                              "seed": seed, "register_stage": "candidate"})
    run = run_job(studio, "grpo", config, title=f"bench grpo ({'studio' if studio_rollouts else 'TRL'} rollouts)")
    require(run, "grpo")
    series = metrics_of(studio, run["run_id"])
    times = [v for _, v in series["step_time"]][2:]
    lengths = [v for _, v in series["completions_mean_length"]][2:]
    return {"run_wall_s": run["wall_s"], "step_s_median": r(statistics.median(times)),
            "step_s_mean": r(statistics.fmean(times)), "completion_tokens_mean": r(statistics.fmean(lengths), 2),
            "steps_timed": len(times)}


def main(argv: list[str] | None = None) -> int:
    """Run both variants in turn and write ``bench/results/grpo.json``."""
    from engine.demo import PREFS_CORPORA, setup_demo
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
                               "settings": "engine.jobs.presets.GRPO_DEMO", "runs": {"studio": [], "trl": []}}
    try:
        sft = setup_demo(studio)
        corpora = [studio.store.corpora.by_name(n)["id"] for n in PREFS_CORPORA]
        for round_ in range(args.rounds):
            order = (True, False) if round_ % 2 == 0 else (False, True)
            for studio_rollouts in order:
                key = "studio" if studio_rollouts else "trl"
                out = run_variant(studio, sft, corpora, studio_rollouts, args.steps, seed=round_)
                results["runs"][key].append(out)
                log(f"round {round_} · {key} rollouts: {out['step_s_median']:.3f} s/step (median), "
                    f"{out['completion_tokens_mean']} tokens per completion")
    finally:
        studio.close()
    for key in ("studio", "trl"):
        results[f"{key}_step_s"] = r(statistics.fmean(x["step_s_median"] for x in results["runs"][key]))
    results["speedup"] = r(results["trl_step_s"] / results["studio_step_s"], 3)
    results["load_avg_at_end"] = os.getloadavg()
    path = write_results(NAME, results)
    print(f"GRPO step: studio rollouts {results['studio_step_s']:.3f} s, TRL generate() {results['trl_step_s']:.3f} s "
          f"(×{results['speedup']:.2f}); load {results['load_avg_at_start'][0]:.2f} → "
          f"{results['load_avg_at_end'][0]:.2f}; results: {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
