"""GPU check: a few steps of every training job kind on real-size models, and candidate generation.

Builds a Gemma-2-2B-shaped policy (2.6 B parameters, random weights, bf16, 256k vocabulary; a BPE tokenizer
trained on the demo corpus uses the first 4,000 ids) and a reward model on the same backbone, from the published
config values — nothing is downloaded. Then runs, through the studio's own job code (``engine.jobs.process.run_job``,
in this process, one after another):

- ``reward`` (full fine-tuning and LoRA), ``dpo`` (full and LoRA), ``grpo`` (full and LoRA, rewarded by the reward
  model and chrF), ``ppo`` (full and LoRA: policy, reference, reward and value model), each for ``--steps`` steps;
- ``generate``: candidate generation (the default sampling strategies) for a few batches of sources.

For each it writes steps/s (from the run's progress events, which start after the first step, so model loading
and warm-up are left out), tokens/s (steps/s × tokens per step: sequences per step × their mean length in
tokens; generation: new tokens/s as the job reports them) and the peak GPU memory PyTorch allocated during the
job (``torch.cuda.max_memory_allocated``; peak RSS on the CPU) to ``bench/results/gpu_check.json``.

``--tiny`` builds tiny models instead (the test suite runs it on the CPU, so the check cannot rot) and writes to
``--out`` (default: a temporary folder). On one H200 the full check is meant to finish in about 8 minutes.

    python -m bench.gpu_check                 # on a GPU machine: bench/results/gpu_check.json
    python -m bench.gpu_check --tiny --out /tmp/gpu_check.json
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, NoReturn

from bench.common import RESULTS, peak_rss_mib

GEMMA2_2B = dict(
    hidden_size=2304,
    num_hidden_layers=26,
    num_attention_heads=8,
    num_key_value_heads=4,
    head_dim=256,
    intermediate_size=9216,
    vocab_size=256000,
    max_position_embeddings=8192,
    sliding_window=4096,
    attn_logit_softcapping=50.0,
)
"""google/gemma-2-2b's config.json values that set its size (soft-capped attention: eager, as Gemma-2 needs)."""
JOBS = ("reward", "reward_lora", "dpo", "dpo_lora", "grpo", "grpo_lora", "ppo", "ppo_lora", "generate")


def _sizes(tiny: bool) -> dict[str, int]:
    """Batch and length settings: real-size runs use realistic ones, tiny runs the smallest that exercise the code."""
    if tiny:
        return {"batch": 2, "max_length": 96, "completion": 8, "generations": 2, "ppo_batch": 2, "gen_sources": 4}
    return {"batch": 8, "max_length": 256, "completion": 32, "generations": 8, "ppo_batch": 8, "gen_sources": 64}


def job_configs(tiny: bool, steps: int, precision: str, corpus_id: int) -> dict[str, tuple[str, Any]]:
    """``name → (job kind, config)`` of every job the check runs."""
    from engine.jobs.dpo import DpoJobConfig
    from engine.jobs.generate import GenerateConfig
    from engine.jobs.grpo import GrpoJobConfig
    from engine.jobs.ppo import PPOJobConfig
    from engine.jobs.reward import RewardJobConfig

    s = _sizes(tiny)
    rare = 10_000  # no evaluation or checkpoint inside the few steps
    out: dict[str, tuple[str, Any]] = {}
    for lora in (False, True):
        suffix = "_lora" if lora else ""
        common = {"lora": lora, "lora_r": 16, "precision": precision}
        # the reward model and DPO train on the same pairs for the same few steps
        pair_run = {"pair_sets": ["bench-pairs"], "batch_size": s["batch"], "epochs": 1,
                    "max_pairs": s["batch"] * steps, "eval_every": rare, "save_every": rare,
                    "max_length": s["max_length"]}
        out[f"reward{suffix}"] = (
            "reward",
            RewardJobConfig(
                base_model="bench-sft",
                unfreeze_schedule=["all@0"],
                learning_rate=1e-5,
                **pair_run,
                model_name=f"check-rm{suffix}",
                **common,
            ),
        )
        out[f"dpo{suffix}"] = (
            "dpo",
            DpoJobConfig(
                policy="bench-sft",
                model_name=f"check-dpo{suffix}",
                **pair_run,
                **common,
            ),
        )
        out[f"grpo{suffix}"] = (
            "grpo",
            GrpoJobConfig(
                policy="bench-sft",
                reward_model="bench-rm",
                corpus_ids=[corpus_id],
                max_prompts=s["batch"] * steps,
                batch_size=max(1, s["batch"] // s["generations"] * 2),
                num_generations=s["generations"],
                max_completion_length=s["completion"],
                max_steps=steps,
                save_every=rare,
                sample_every=rare,
                model_name=f"check-grpo{suffix}",
                **common,
            ),
        )
        out[f"ppo{suffix}"] = (
            "ppo",
            PPOJobConfig(
                policy="bench-sft",
                reward_model="bench-rm",
                corpus_ids=[corpus_id],
                steps=steps,
                batch_size=s["ppo_batch"],
                mini_batch_size=max(1, s["ppo_batch"] // 2),
                ppo_epochs=1,
                response_length=s["completion"],
                eval_every=rare,
                heldout_size=4,
                save_every=rare,
                model_name=f"check-ppo{suffix}",
                lora=lora,
                lora_r=16,
                precision=precision,
            ),
        )
    out["generate"] = (
        "generate",
        GenerateConfig(
            model="bench-sft",
            corpus_ids=[corpus_id],
            split="train",
            sample_size=s["gen_sources"],
            max_new_tokens=s["completion"],
            batch_size=min(16, s["gen_sources"]),
            precision=precision,
        ),
    )
    return out


def build(root: Path, tiny: bool, n_pairs: int) -> tuple[Any, int]:
    """The workspace: policy ``bench-sft`` (tiny or Gemma-2-2B-shaped), reward model ``bench-rm`` on its backbone,
    a corpus and the pair set ``bench-pairs``."""
    import torch

    from bench.training_setup import build_workspace
    from engine.models.loading import load_tokenizer
    from engine.reward.model import build_reward_model, save_reward_model

    dtype = None if tiny else torch.bfloat16
    studio, corpus_id = build_workspace(
        root, n_pairs=n_pairs, size="tiny" if tiny else "demo", overrides=None if tiny else GEMMA2_2B, dtype=dtype
    )
    sft = studio.store.models.get("bench-sft")["path"]
    tokenizer = load_tokenizer(sft)
    rm = build_reward_model(sft, pad_token_id=tokenizer.pad_token_id, dtype=dtype)
    folder = save_reward_model(rm, tokenizer, root / "models" / "bench-rm", prompt_format="tags")
    del rm
    studio.store.models.register("bench-rm", "reward", str(folder), metadata={"prompt_format": "tags"})
    return studio, corpus_id


def _tokens_per_step(kind: str, config: Any, run_dir: Path, tokenizer: Any, metrics: dict) -> float | None:
    """Tokens one training step processes: sequences per step × mean tokens per sequence."""
    import pyarrow.parquet as pq

    from engine.reward.encoding import pair_ids

    if kind in ("reward", "dpo"):
        rows = pq.read_table(run_dir / "inputs" / "pairs.parquet").to_pylist()[:64]
        per_pair = statistics.mean(
            len(pair_ids(tokenizer, r["prompt"], r["chosen"], "tags", config.max_length))
            + len(pair_ids(tokenizer, r["prompt"], r["rejected"], "tags", config.max_length))
            for r in rows
        )
        return config.batch_size * per_pair
    if kind == "grpo":
        completion = metrics.get("completions_mean_length") or config.max_completion_length
        return config.batch_size * config.num_generations * (24 + completion)  # ~24 prompt tokens
    if kind == "ppo":
        return config.batch_size * (24 + config.response_length)  # response length: the upper bound
    return None


def run_one(studio: Any, name: str, kind: str, config: Any, tokenizer: Any) -> dict:
    """Create the run, run it here through the job runner, and measure it from its events."""
    import torch

    from engine.jobs.events import read_events
    from engine.jobs.process import run_job

    run_id = studio.supervisor.create(kind, config)
    run_dir = studio.workspace.run_dir(run_id)
    gc.collect()
    if torch.cuda.is_available():
        torch.cuda.empty_cache()
        torch.cuda.reset_peak_memory_stats()
    t0 = time.perf_counter()
    code = run_job(run_dir)
    wall = time.perf_counter() - t0
    events = read_events(run_dir, 0, -1).events
    logs = [e["message"] for e in events if e["type"] == "log"]
    if code != 0:
        raise RuntimeError(f"{name} failed: {logs[-3:]}")
    metrics: dict[str, float] = {}
    for e in events:
        if e["type"] == "metric":
            metrics.update({k: v for k, v in e["values"].items() if v is not None})
    result: dict[str, Any] = {
        "kind": kind,
        "lora": bool(getattr(config, "lora", False)),
        "wall_s": round(wall, 2),
        "precision": next((m.split()[1] for m in logs if m.startswith("precision ")), None),
    }
    if kind == "generate":
        rates = [e["tokens_per_s"] for e in events if e["type"] == "progress" and e.get("tokens_per_s")]
        result["tokens_per_s"] = round(rates[-1], 1) if rates else None
    else:
        steps = [
            (e["time"], e["done"])
            for e in events
            if e["type"] == "progress" and e.get("unit") == "steps" and (e.get("done") or 0) >= 1
        ]
        rate = None
        if len(steps) >= 2 and steps[-1][0] > steps[0][0]:
            rate = (steps[-1][1] - steps[0][1]) / (steps[-1][0] - steps[0][0])
        per_step = _tokens_per_step(kind, config, run_dir, tokenizer, metrics)
        result.update(
            steps=int(steps[-1][1]) if steps else 0,
            steps_per_s=round(rate, 4) if rate else None,
            tokens_per_step=round(per_step, 1) if per_step else None,
            tokens_per_s=round(rate * per_step, 1) if rate and per_step else None,
        )
    if torch.cuda.is_available():
        result["peak_gpu_gib"] = round(torch.cuda.max_memory_allocated() / 2**30, 2)
    result["peak_rss_mib_so_far"] = round(peak_rss_mib(), 1)
    for folder in ("outputs", "checkpoints"):  # a full 2.6 B policy saves ~10 GB: keep the disk for the next job
        shutil.rmtree(run_dir / folder, ignore_errors=True)
    return result


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tiny", action="store_true", help="tiny models (CPU, for the test suite)")
    parser.add_argument(
        "--out",
        type=Path,
        help="where to write the results (default: bench/results/gpu_check.json; with --tiny a temporary file)",
    )
    parser.add_argument("--steps", type=int, default=3,
                        help="training steps per job (at least 2: steps/s is timed from the first step's end)")
    parser.add_argument(
        "--precision", default="auto", help="auto (bf16 on a recent GPU, fp32 on the CPU), bf16, fp16 or fp32"
    )
    parser.add_argument("--jobs", default=",".join(JOBS), help="comma-separated subset of: " + ", ".join(JOBS))
    args = parser.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    wanted = [j.strip() for j in args.jobs.split(",") if j.strip()]
    unknown = sorted(set(wanted) - set(JOBS))
    if unknown:
        parser.error(f"unknown job(s) {', '.join(unknown)}; known: {', '.join(JOBS)}")
    import torch

    from engine.models.loading import load_tokenizer

    precision = _checked_precision(args)
    device = torch.cuda.get_device_name(0) if torch.cuda.is_available() else "cpu"
    out = args.out or (Path(tempfile.mkdtemp()) / "gpu_check.json" if args.tiny else RESULTS / "gpu_check.json")
    results: dict[str, Any] = {
        "benchmark": "gpu_check",
        "tiny": args.tiny,
        "device": device,
        "precision": precision.name,
        "steps": args.steps,
        "load_avg_at_start": os.getloadavg(),
        "when_utc": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "jobs": {},
    }
    t_start = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        studio, corpus_id = build(Path(tmp) / "ws", args.tiny, n_pairs=64 if args.tiny else 400)
        results["build_s"] = round(time.perf_counter() - t0, 1)
        sft = studio.store.models.get("bench-sft")["path"]
        results["policy_parameters"] = saved_parameters(sft)
        tokenizer = load_tokenizer(sft)
        configs = job_configs(args.tiny, args.steps, args.precision, corpus_id)
        for name in wanted:
            kind, config = configs[name]
            results["jobs"][name] = run_one(studio, name, kind, config, tokenizer)
            print(f"{name:>12}: {json.dumps(results['jobs'][name])}", flush=True)
        studio.store.close()
    results["total_s"] = round(time.perf_counter() - t_start, 1)
    results["load_avg_at_end"] = os.getloadavg()
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n")
    print(f"results: {out}")
    return results


def refuse(message: str) -> NoReturn:
    """End the check before it builds anything: one line on stderr, exit status 2 (as for a wrong argument)."""
    print(f"gpu_check: error: {message}", file=sys.stderr)
    raise SystemExit(2)


def _checked_precision(args: argparse.Namespace) -> Any:
    """The resolved precision of a check this machine can run, or :func:`refuse`: fewer than 2 steps (the
    progress events that time steps/s start after the first step, so one step gave no rate), a real-size check
    without a GPU (a 2.6 B-parameter model on the CPU), a precision this machine cannot honour."""
    import torch

    from engine.jobs.precision import PrecisionError, resolve_precision

    if args.steps < 2:
        refuse(f"--steps must be at least 2, got {args.steps}: steps/s is timed between the ends of the steps")
    if not args.tiny and not torch.cuda.is_available():
        refuse("no CUDA GPU here: the real-size check builds a 2.6 B-parameter model; on the CPU run it with --tiny")
    try:
        return resolve_precision(args.precision)
    except PrecisionError as exc:
        refuse(f"--precision {args.precision}: {exc}")


def saved_parameters(folder: str) -> int:
    """The parameter count of a saved model, from its safetensors headers (no tensor is loaded)."""
    from safetensors import safe_open

    total = 0
    for path in sorted(Path(folder).glob("*.safetensors")):
        with safe_open(str(path), framework="pt") as fh:
            total += sum(math.prod(fh.get_slice(k).get_shape()) for k in fh.keys())  # noqa: SIM118 - safe_open is not iterable
    return total


if __name__ == "__main__":
    main()
