"""Benchmark: time per PPO step through the studio's ``ppo`` job vs a bare TRL ``PPOTrainer`` loop — the engine's
overhead (goal ≤ 5%).

Both run in fresh child processes on the same demo-size random policy, the same reward model (a fresh head on that
backbone), the same prompts and the same PPO settings. The job runs with its monitors on but no held-out
evaluation or checkpoint inside the measured steps (``eval_every`` and ``save_every`` beyond the run), so the
difference is the engine itself: the event log, the reward-shaping wrapper and its statistics, the alarms and the
progress reports. Step time = the mean interval between consecutive ``on_step_end`` calls, the first step (warm-up)
left out.

Each variant also reports the step's achieved FLOP/s as a share of the matmul rate measured in the same child
process right before and after its steps (``bench.flops``, ~2 s each, on the policy's linear shapes at a PPO
minibatch's rows). FLOPs per step, with ``B`` episodes of ``P`` prompt + ``R`` response tokens, ``Np`` the
policy's per-token parameters (non-embedding + LM head) and ``Nv`` the value / reward model's (backbone + head):
rollout ``2·Np`` per token, log-probs of policy and reference ``2·2·Np``, value and reward ``2·2·Nv``, and
``ppo_epochs × 6·(Np + Nv)`` of training — all times ``B·(P + R)``. Responses are counted at full length (TRL
generates ``response_length`` tokens and truncates after).

    python -m bench.ppo [--steps 12] [--rounds 2]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
import time
from pathlib import Path

from bench.common import measure_in_subprocess, peak_rss_mib, write_results

SETTINGS = {"batch_size": 8, "mini_batch_size": 2, "ppo_epochs": 4, "response_length": 24, "learning_rate": 1e-5,
            "kl_coef": 0.1, "cliprange": 0.2, "temperature": 0.7}


def _reward_model(studio, root: Path) -> str:
    from engine.models.loading import load_tokenizer
    from engine.reward.model import build_reward_model, save_reward_model

    sft = studio.store.models.get("bench-sft")["path"]
    tok = load_tokenizer(sft)
    folder = save_reward_model(build_reward_model(sft, pad_token_id=tok.pad_token_id), tok, root / "rm",
                               prompt_format="tags")
    studio.store.models.register("bench-rm", "reward", str(folder), metadata={"prompt_format": "tags"})
    return str(folder)


def _rate_now(sft: str, prompt_tokens: float) -> float:
    """The matmul rate (FLOP/s) on the policy's linear shapes at a PPO minibatch's rows, over ~2 s."""
    from bench.flops import matmul_rate
    from engine.models.loading import load_causal_lm

    rows = int(round(SETTINGS["mini_batch_size"] * (prompt_tokens + SETTINGS["response_length"])))
    return matmul_rate(load_causal_lm(sft), rows=rows, min_seconds=2.0)["flops_per_s"]


def _flop_share(sft: str, rm_path: str, step_seconds: float, prompt_tokens: float, rate_before: float) -> dict:
    """Achieved FLOP/s of a PPO step (see the module docstring) and its share of the matmul rate measured now."""
    import torch

    from bench.flops import flop_parameters
    from engine.models.loading import load_causal_lm
    from engine.reward.model import load_reward_model

    policy = load_causal_lm(sft)
    n_policy = flop_parameters(policy)["per_token"]
    n_value = flop_parameters(load_reward_model(rm_path))["per_token"]
    s = SETTINGS
    tokens = s["batch_size"] * (prompt_tokens + s["response_length"])
    per_token = 2 * n_policy + 2 * 2 * n_policy + 2 * 2 * n_value + s["ppo_epochs"] * 6 * (n_policy + n_value)
    achieved = per_token * tokens / step_seconds
    rate_after = _rate_now(sft, prompt_tokens)
    rate = {"flops_per_s": (rate_before + rate_after) / 2}
    return {"policy_flop_parameters": n_policy, "value_flop_parameters": n_value,
            "mean_prompt_tokens": round(prompt_tokens, 1), "step_gflop": round(per_token * tokens / 1e9, 3),
            "achieved_gflops_per_s": round(achieved / 1e9, 3),
            "matmul_gflops_per_s": round(rate["flops_per_s"] / 1e9, 2),
            "matmul_gflops_per_s_before_after": [round(rate_before / 1e9, 2), round(rate_after / 1e9, 2)],
            "torch_threads": torch.get_num_threads(),
            "share_of_matmul_rate": round(achieved / rate["flops_per_s"], 3)}


def _prompt_tokens(studio, corpus_id: int) -> float:
    from engine.models.loading import load_tokenizer
    from engine.models.prompting import encode_prompt

    tok = load_tokenizer(studio.store.models.get("bench-sft")["path"])
    rows = studio.store.corpora.page(corpus_id, split="train", limit=10_000)
    return sum(len(encode_prompt(tok, r["source"], "en-ar", "tags")) for r in rows) / len(rows)


def _intervals(times: list[float]) -> float:
    gaps = [b - a for a, b in zip(times, times[1:], strict=False)][1:]  # drop the warm-up step
    return sum(gaps) / len(gaps)


def run_studio(steps: int) -> dict:
    """The studio's job, in this process through the runner (as ``python -m engine run``)."""
    from bench.training_setup import build_workspace
    from engine.jobs.events import read_events
    from engine.jobs.ppo import PPOJobConfig
    from engine.jobs.process import run_job

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        studio, corpus_id = build_workspace(root / "ws", n_pairs=200)
        rm_path = _reward_model(studio, root)
        sft, prompt_tokens = studio.store.models.get("bench-sft")["path"], _prompt_tokens(studio, corpus_id)
        config = PPOJobConfig(policy="bench-sft", reward_model="bench-rm", corpus_ids=[corpus_id], steps=steps,
                              eval_every=10_000, save_every=10_000, heldout_size=1, **SETTINGS)
        run_id = studio.supervisor.create("ppo", config)
        run_dir = studio.workspace.run_dir(run_id)
        studio.store.close()
        rate_before = _rate_now(sft, prompt_tokens)
        assert run_job(run_dir) == 0
        events = read_events(run_dir, 0, -1).events
        times = [e["time"] for e in events if e["type"] == "progress" and e.get("unit") == "steps" and e["done"] > 0]
        step_s = _intervals(times)
        flops = _flop_share(sft, rm_path, step_s, prompt_tokens, rate_before)
    return {"step_seconds": step_s, "steps": steps, **flops, "peak_rss_mib": round(peak_rss_mib(), 1)}


def run_bare(steps: int) -> dict:
    """TRL's PPOTrainer on the same models and prompts, nothing of the studio around it."""
    from datasets import Dataset
    from transformers import TrainerCallback
    from trl.experimental.ppo import PPOConfig, PPOTrainer

    from bench.training_setup import build_workspace
    from engine.jobs.threads import use_job_threads
    from engine.models.loading import load_causal_lm, load_tokenizer
    from engine.models.prompting import encode_prompt
    from engine.reward.model import load_reward_model

    use_job_threads()  # what the job's process uses
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        studio, corpus_id = build_workspace(root / "ws", n_pairs=200)
        rm_path = _reward_model(studio, root)
        sft = studio.store.models.get("bench-sft")["path"]
        rows = studio.store.corpora.page(corpus_id, split="train", limit=10_000)
        tok = load_tokenizer(sft)
        dataset = Dataset.from_list([{"input_ids": encode_prompt(tok, r["source"], "en-ar", "tags")} for r in rows])
        times: list[float] = []

        class Clock(TrainerCallback):
            def on_step_end(self, args, state, control, **kw):
                times.append(time.time())

        s = SETTINGS
        args = PPOConfig(output_dir=str(root / "trl"), learning_rate=s["learning_rate"],
                         per_device_train_batch_size=s["batch_size"], gradient_accumulation_steps=1,
                         num_mini_batches=s["batch_size"] // s["mini_batch_size"],
                         total_episodes=steps * s["batch_size"], num_ppo_epochs=s["ppo_epochs"], kl_coef=s["kl_coef"],
                         cliprange=s["cliprange"], response_length=s["response_length"], temperature=s["temperature"],
                         stop_token="eos", missing_eos_penalty=1.0, local_rollout_forward_batch_size=s["batch_size"],
                         num_sample_generations=0, logging_steps=1, save_strategy="no", report_to=[], use_cpu=True,
                         disable_tqdm=True, vf_coef=0.1, lam=0.95, gamma=1.0)
        policy, ref = load_causal_lm(sft), load_causal_lm(sft)
        for m in (policy,):
            m.config.pad_token_id = tok.pad_token_id
        trainer = PPOTrainer(args=args, processing_class=tok, model=policy, ref_model=ref,
                             reward_model=load_reward_model(rm_path), value_model=load_reward_model(rm_path),
                             train_dataset=dataset, callbacks=[Clock()])
        prompt_tokens = _prompt_tokens(studio, corpus_id)
        rate_before = _rate_now(sft, prompt_tokens)
        trainer.train()
        step_s = _intervals(times)
        flops = _flop_share(sft, rm_path, step_s, prompt_tokens, rate_before)
    return {"step_seconds": step_s, "steps": steps, **flops, "peak_rss_mib": round(peak_rss_mib(), 1)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--steps", type=int, default=12)
    parser.add_argument("--rounds", type=int, default=2, help="alternating bare/studio rounds (the median counts)")
    parser.add_argument("--variant", choices=["studio", "bare"])
    args = parser.parse_args()
    if args.variant:
        print(json.dumps((run_studio if args.variant == "studio" else run_bare)(args.steps)))
        return
    load = os.getloadavg()
    rounds = []
    for _ in range(args.rounds):  # alternate, so a load change on the machine hits both variants alike
        bare = measure_in_subprocess("bench.ppo", "bare", "--steps", str(args.steps))
        studio = measure_in_subprocess("bench.ppo", "studio", "--steps", str(args.steps))
        rounds.append({"bare_trl": bare, "studio_job": studio,
                       "overhead": round(studio["step_seconds"] / bare["step_seconds"] - 1, 4)})
    bare_s = statistics.median(r["bare_trl"]["step_seconds"] for r in rounds)
    studio_s = statistics.median(r["studio_job"]["step_seconds"] for r in rounds)
    overhead = studio_s / bare_s - 1
    path = write_results("ppo", {"settings": SETTINGS, "steps": args.steps, "load_avg_at_start": load,
                                 "load_avg_at_end": os.getloadavg(), "rounds": rounds,
                                 "bare_trl_median_step_s": round(bare_s, 4),
                                 "studio_job_median_step_s": round(studio_s, 4), "overhead": round(overhead, 4)})
    print(f"PPO step (median of {args.rounds} rounds): bare TRL {bare_s:.3f} s, studio job {studio_s:.3f} s "
          f"-> overhead {overhead:+.1%} (goal <= 5%)")
    for r in rounds:
        for name in ("bare_trl", "studio_job"):
            m = r[name]
            print(f"  {name}: {m['achieved_gflops_per_s']:.2f} GFLOP/s = {m['share_of_matmul_rate']:.1%} of the matmul "
                  f"rate measured around it ({m['matmul_gflops_per_s']:.1f} GFLOP/s, {m['torch_threads']} threads)")
    print(f"load average: start {load[0]:.2f}, end {os.getloadavg()[0]:.2f}")
    print(f"results: {path}")


if __name__ == "__main__":
    main()
