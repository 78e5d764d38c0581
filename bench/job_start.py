"""Benchmark: how long a job takes to start and to finish, forked warm by the fork server or started cold.

A fresh workspace holds the shipped demo model and ~120 learnable preference pairs (the test suite's); each launch
trains a reward model on them for ``--epochs`` through the studio's own :class:`~engine.jobs.supervisor.Supervisor`,
exactly as the Reward page starts one. Variants, interleaved per round in a rotating order so that they see the same
machine load:

``warm``
    the studio as it ships on a CPU machine: the run forked by the fork server (:mod:`engine.jobs.forkserver`),
    started and awaited once before the first round (its start-up is reported on its own);
``cold``
    ``python -m engine run RUN_DIR`` as a new process (``warm_start=False``, what GPU machines do): the baseline.

Reported per variant (medians over rounds): from the launch call to the job's first own log line
(``first_log_s``: what the user waits before anything happens) and to its final status (``wall_s``), with the
ratios cold / warm. Results: ``bench/results/job_start.json`` (``--name`` for another), with the load average at
the start and end of each launch.

    python -m bench.job_start [--rounds 3] [--epochs 1]
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

from bench.common import write_results

ROOT = Path(__file__).resolve().parents[1]
VARIANTS = ("warm", "cold")


def _first_log_time(run_dir: Path) -> float | None:
    """The wall-clock time of the run's first ``log`` event (its first own line), if any."""
    from engine.jobs.events import read_events

    return next((float(e["time"]) for e in read_events(run_dir, 0, -1).events if e["type"] == "log"), None)


def run_once(supervisor, pair_set: str, variant: str, epochs: float, n: int) -> dict:
    """Launch one reward job (``variant``'s way) and time it."""
    from engine.jobs.reward import RewardJobConfig

    config = RewardJobConfig(base_model="demo-sft", pair_sets=[pair_set], epochs=epochs, batch_size=8,
                             unfreeze_schedule=["all@0"], model_name=f"rm-{variant}-{n}", eval_every=1000)
    supervisor.warm_start = variant == "warm"
    load_start = os.getloadavg()
    run_id = supervisor.create("reward", config)
    started = time.time()
    supervisor.launch(run_id)
    status = supervisor.wait(run_id, timeout_s=1800, poll_s=0.05)
    ended = time.time()
    if status != "succeeded":
        raise RuntimeError(f"{variant} run {run_id} ended {status}: {supervisor.store.runs.logs(run_id, tail=20)}")
    first_log = _first_log_time(supervisor.workspace.run_dir(run_id))
    return {"variant": variant, "run_id": run_id, "first_log_s": round(first_log - started, 3),
            "wall_s": round(ended - started, 3), "load_avg_at_start": [round(x, 2) for x in load_start],
            "load_avg_at_end": [round(x, 2) for x in os.getloadavg()]}


def main() -> None:
    """Start the fork server, then run both variants ``--rounds`` times, interleaved; print and write the medians
    and the ratios cold / warm."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3, help="launches per variant (interleaved)")
    parser.add_argument("--epochs", type=float, default=1.0, help="epochs of each reward-model run")
    parser.add_argument("--name", default="job_start", help="results file: bench/results/NAME.json")
    parser.add_argument("--model", default=str(ROOT / "data" / "demo" / "model"), help="the base policy")
    args = parser.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")

    from engine.jobs.forkserver import fork_is_safe, shared_server
    from engine.jobs.supervisor import Supervisor
    from engine.store import Store
    from engine.workspace import Workspace
    from tests.conftest import store_pair_set

    if not fork_is_safe():
        raise SystemExit("warm starts are off on this machine (not Linux, or a GPU device node): nothing to compare")
    with tempfile.TemporaryDirectory(prefix="bench-job-start-") as tmp:
        workspace = Workspace(Path(tmp) / "workspace").ensure()
        os.environ["TARJAMA_HOME"] = str(workspace.root)
        store = Store(workspace.db_path)
        store.models.register("demo-sft", "policy", args.model, stage="sft", metadata={"prompt_format": "tags"})
        pair_set = store_pair_set(store, Path(tmp))
        supervisor = Supervisor(store, workspace)
        begun = time.time()
        server = shared_server(supervisor.job_env())
        if not server.wait_ready():
            raise SystemExit("the fork server did not get ready")
        server_ready_s = round(time.time() - begun, 3)
        print(f"fork server ready in {server_ready_s} s (load {os.getloadavg()[0]:.1f})", flush=True)
        runs = []
        for r in range(args.rounds):
            for variant in VARIANTS[r % 2:] + VARIANTS[:r % 2]:
                run = run_once(supervisor, pair_set, variant, args.epochs, len(runs))
                runs.append(run)
                print(f"  round {r + 1} {variant}: first log line {run['first_log_s']} s, done {run['wall_s']} s "
                      f"(load {run['load_avg_at_start'][0]:.1f})", flush=True)
        store.close()
    summary = {v: {key: round(statistics.median(run[key] for run in runs if run["variant"] == v), 3)
                   for key in ("first_log_s", "wall_s")} for v in VARIANTS}
    cold_over_warm = {key: round(summary["cold"][key] / summary["warm"][key], 2) for key in summary["warm"]}
    print(f"job start, reward model on the demo model ({args.epochs} epoch): {summary}; cold / warm: "
          f"{cold_over_warm}")
    path = write_results(args.name, {"rounds": args.rounds, "epochs": args.epochs, "model": args.model,
                                     "fork_server_ready_s": server_ready_s, "variants": summary,
                                     "cold_over_warm": cold_over_warm, "runs": runs})
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
