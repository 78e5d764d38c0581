"""Benchmark: reward-model training — full fine-tuning vs LoRA vs head-only on the same pairs: pairs/s and peak
memory.

Each variant runs the studio's own ``reward`` job (TRL's RewardTrainer) in a fresh child process on a demo-size
Gemma-2 backbone (random weights, ~4M parameters) and the same 360 training pairs, for one epoch; pairs/s is
TRL's ``train_samples_per_second`` and peak memory the child's peak RSS. Head-only is the baseline.

Each variant also reports its achieved FLOP/s as a share of the matmul rate measured in the same child process
(``bench.flops``, on the reward model's own linear shapes at the training batch's rows, after training): FLOPs =
``k × backbone parameters × tokens`` with ``k`` = 6 for full fine-tuning (forward 2 + backward 4), 4 for LoRA (the
backward still runs through every layer, without weight gradients) and 2 for head-only (forward through a frozen
backbone); tokens = the real (non-pad) tokens of chosen and rejected sequences trained on. Padding, attention and the
head are left out, so the share is a lower bound of the machine's use.

    python -m bench.reward [--pairs 400]
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
from pathlib import Path

from bench.common import measure_in_subprocess, peak_rss_mib, write_results

FLOP_FACTOR = {"head_only": 2, "lora": 4, "full": 6}
BATCH_SIZE = 16
VARIANTS = {
    "head_only": {"unfreeze_schedule": ["head@0"]},
    "lora": {"lora": True, "unfreeze_schedule": ["all@0"]},
    "full": {"unfreeze_schedule": ["all@0"]},
}


def run_variant(variant: str, pairs: int) -> dict:
    """Train one variant through the job runner in this process; return throughput, accuracy and memory."""
    from bench.training_setup import build_workspace
    from engine.jobs.events import read_events
    from engine.jobs.process import run_job
    from engine.jobs.reward import RewardJobConfig

    with tempfile.TemporaryDirectory() as tmp:
        studio, _ = build_workspace(Path(tmp) / "ws", n_pairs=pairs)
        sft = studio.store.models.get("bench-sft")["path"]  # read before the job takes the store
        config = RewardJobConfig(base_model="bench-sft", pair_sets=["bench-pairs"], learning_rate=3e-4,
                              batch_size=BATCH_SIZE, epochs=1, eval_every=1000, save_every=10_000,
                              model_name=f"rm-{variant}", **VARIANTS[variant])
        run_id = studio.supervisor.create("reward", config)
        run_dir = studio.workspace.run_dir(run_id)
        studio.store.close()
        code = run_job(run_dir)
        events = read_events(run_dir, 0, -1).events
        if code != 0:
            raise RuntimeError([e for e in events if e["type"] == "log"][-3:])
        metrics = {}
        for e in events:
            if e["type"] == "metric":
                metrics.update(e["values"])
        trainable = [e["values"]["trainable_params"] for e in events
                     if e["type"] == "metric" and "trainable_params" in e["values"]]
        flops = _flop_share(sft, Path(tmp), variant, metrics.get("train_samples_per_second") or 0.0)
    return {"pairs_per_s": metrics.get("train_samples_per_second"), "train_seconds": metrics.get("train_runtime"),
            "valid_accuracy": metrics.get("valid_accuracy"), "trainable_params": trainable[-1] if trainable else None,
            **flops, "peak_rss_mib": round(peak_rss_mib(), 1)}


def _flop_share(sft: str, root: Path, variant: str, pairs_per_s: float) -> dict:
    """Achieved FLOP/s of the training (see the module docstring) and its share of the matmul rate measured now."""
    import pyarrow.parquet as pq
    import torch

    from bench.flops import flop_parameters, matmul_rate
    from engine.models.loading import load_tokenizer
    from engine.reward.encoding import pair_ids
    from engine.reward.model import build_reward_model

    tokenizer = load_tokenizer(sft)
    rows = pq.read_table(root / "ws" / "bench-pairs.parquet").to_pylist()
    tokens = [len(pair_ids(tokenizer, r["prompt"], r[side], "tags", 256))
              for r in rows for side in ("chosen", "rejected")]
    tokens_per_pair = 2 * sum(tokens) / len(tokens)
    model = build_reward_model(sft, pad_token_id=tokenizer.pad_token_id)
    params = flop_parameters(model)["per_token"]  # backbone (no LM head) + the reward head
    rate = matmul_rate(model, rows=int(round(BATCH_SIZE * tokens_per_pair)))
    achieved = FLOP_FACTOR[variant] * params * tokens_per_pair * pairs_per_s
    return {"flop_factor": FLOP_FACTOR[variant], "flop_parameters": params,
            "tokens_per_pair": round(tokens_per_pair, 1), "achieved_gflops_per_s": round(achieved / 1e9, 3),
            "matmul_gflops_per_s": round(rate["flops_per_s"] / 1e9, 2), "torch_threads": torch.get_num_threads(),
            "share_of_matmul_rate": round(achieved / rate["flops_per_s"], 3)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pairs", type=int, default=400)
    parser.add_argument("--variant", choices=list(VARIANTS))
    args = parser.parse_args()
    if args.variant:
        print(json.dumps(run_variant(args.variant, args.pairs)))
        return
    load = os.getloadavg()
    results = {name: measure_in_subprocess("bench.reward", name, "--pairs", str(args.pairs)) for name in VARIANTS}
    base = results["head_only"]
    summary = {"pairs": args.pairs, "load_avg_at_start": load, "load_avg_at_end": os.getloadavg(), "variants": results,
               "ratios_vs_head_only": {name: {"pairs_per_s": round(r["pairs_per_s"] / base["pairs_per_s"], 2),
                                              "peak_rss": round(r["peak_rss_mib"] / base["peak_rss_mib"], 2)}
                                       for name, r in results.items()}}
    path = write_results("reward", summary)
    for name, r in results.items():
        ratio = summary["ratios_vs_head_only"][name]
        print(f"{name:>9}: {r['pairs_per_s']:.1f} pairs/s (x{ratio['pairs_per_s']} of head-only), peak "
              f"{r['peak_rss_mib']:.0f} MiB (x{ratio['peak_rss']}), trainable {r['trainable_params']:,}, "
              f"valid accuracy {r['valid_accuracy']:.2f}; {r['achieved_gflops_per_s']:.2f} GFLOP/s = "
              f"{r['share_of_matmul_rate']:.1%} of the matmul rate ({r['matmul_gflops_per_s']:.1f} GFLOP/s, "
              f"{r['flop_factor']} × parameters × tokens)")
    print(f"load average: start {load[0]:.2f}, end {summary['load_avg_at_end'][0]:.2f}")
    print(f"results: {path}")


if __name__ == "__main__":
    main()
