"""Benchmark: does averaging the last checkpoints of the cold start's GRPO run (LAWA, latest weight averaging)
help — how many chosen on the demo **valid** split, reported on the test split and the held-out sets.

On a copy of a finished ``bench.demo_pipeline`` workspace (the original is left as it was), the pipeline's GRPO run
(the one that made the cold-start model) is run again with its own settings but a checkpoint every ``--every``
steps (the job keeps its last two; a thread copies each one's weights once it is complete). The run is
deterministic on one machine, so its last checkpoint must be the pipeline's cold-start model bit for bit (checked,
and recorded). The uniform average of the last ``k`` checkpoints is then written for each ``k`` (``k = 1``: the
cold-start model itself) and translated greedily by the evaluate job on the demo valid split (where ``k`` is
chosen), the test split and the held-out sets, each compared with the SFT model by the Compare page's paired
bootstrap.

    python -m bench.demo_weight_average --from /tmp/demo-loop [--every 50] [--last 1,2,3,5,9]

Results: ``bench/results/demo_weight_average.json`` (``--name``: another file).
"""

from __future__ import annotations

import argparse
import shutil
import threading
import time
from pathlib import Path

import torch
import yaml

from bench.common import RESULTS
from bench.demo_extrapolate import best_weight, compare_all
from bench.loop import log, shared_testsets, studio_on_copy, wait_run

NAME = "demo_weight_average"


def copy_checkpoints(run_dir: Path, into: Path, stop: threading.Event, poll_s: float = 2.0) -> None:
    """Until ``stop`` is set (and once more after), copy each ``checkpoint-N/model.safetensors`` of the run into
    ``into/checkpoint-N.safetensors`` once the checkpoint is complete (its trainer state written last)."""
    into.mkdir(parents=True, exist_ok=True)
    while True:
        finished = stop.is_set()
        for folder in sorted((run_dir / "checkpoints").glob("checkpoint-*")):
            target = into / f"{folder.name}.safetensors"
            if not target.exists() and (folder / "trainer_state.json").exists():
                shutil.copy2(folder / "model.safetensors", target)
        if finished:
            return
        stop.wait(poll_s)


def average_state(files: list[Path]) -> dict[str, torch.Tensor]:
    """The uniform average of the weights in ``files`` (computed in float32, stored in the first's dtypes)."""
    from safetensors.torch import load_file

    states = [load_file(str(f)) for f in files]
    return {name: (sum(s[name].float() for s in states) / len(states)).to(t.dtype).contiguous()
            for name, t in states[0].items()}


def rerun_grpo(studio, ws: Path, values: dict, every: int, into: Path) -> dict:
    """The GRPO run of config ``values`` again, with a checkpoint every ``every`` steps copied into ``into``."""
    from engine.jobs.config import config_from_dict
    from engine.jobs.kinds import job_kind
    from engine.models.registry import free_model_name

    values = {**values, "save_every": every, "register_stage": "candidate",
              "model_name": free_model_name(studio.store, "grpo-rerun")}  # a name is never replaced
    run_id = studio.supervisor.create("grpo", config_from_dict(job_kind("grpo").config_cls, values))
    stop = threading.Event()
    copier = threading.Thread(target=copy_checkpoints, args=(ws / "runs" / run_id, into, stop), daemon=True)
    copier.start()
    try:
        t0 = time.perf_counter()
        studio.supervisor.launch(run_id)
        log(f"grpo: started {run_id}")
        return wait_run(studio, run_id, t0)
    finally:
        stop.set()
        copier.join()


def main(argv: list[str] | None = None) -> int:
    """Rerun GRPO with checkpoints, average the last ones, compare them with the SFT model."""
    from safetensors.torch import load_file

    from engine.demo import DEMO_CORPORA
    from engine.models.extrapolate import write_model_folder
    from engine.models.loading import load_state_dict

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--from", dest="source", required=True, help="a finished bench.demo_pipeline workspace")
    parser.add_argument("--workspace", default="/tmp/tarjama-weight-average", help="the copy the run is made in")
    parser.add_argument("--every", type=int, default=50, help="steps between two checkpoints")
    parser.add_argument("--last", default="1,2,3,5,9", help="how many of the last checkpoints to average")
    parser.add_argument("--name", default=NAME)
    args = parser.parse_args(argv)
    path = RESULTS / f"{args.name}.json"
    with studio_on_copy(args.source, args.workspace, path, NAME, every=args.every) as (studio, ws, results):
        saved = ws / "averaged-checkpoints"
        policies = studio.store.models.list(kind="policy")
        sft = next(m for m in policies if m["stage"] == "sft")
        cold = next(m for m in policies if m["stage"] == "cold-start")
        values = yaml.safe_load((ws / "runs" / cold["run_id"] / "config.yaml").read_text())["config"]
        if not (saved / f"checkpoint-{values['max_steps']}.safetensors").exists():  # none yet, or a broken rerun's
            shutil.rmtree(saved, ignore_errors=True)
            results["grpo"] = rerun_grpo(studio, ws, values, args.every, saved)
        steps = sorted(int(p.stem.split("-")[1]) for p in saved.glob("checkpoint-*.safetensors"))
        last, cold_state = load_file(str(saved / f"checkpoint-{steps[-1]}.safetensors")), load_state_dict(cold["path"])
        results["steps"] = steps
        same = set(last) == set(cold_state) and all(torch.equal(last[k], cold_state[k]) for k in cold_state)
        results["last_checkpoint_is_the_cold_start_model"] = same
        log(f"checkpoints {steps}; the last is the cold-start model: {same}")
        variants = {1.0: cold["name"]}
        for k in sorted({int(x) for x in args.last.split(",") if x} - {1}):
            name = f"{cold['name']}-last{k}"
            if studio.store.models.get(name) is None:
                folder = write_model_folder(average_state([saved / f"checkpoint-{s}.safetensors" for s in steps[-k:]]),
                                            cold["path"], ws / "models" / name)
                studio.store.models.register(name, "policy", str(folder), parent=cold["name"],
                                             metadata={**cold["metadata"], "averaged_steps": steps[-k:]})
            variants[float(k)] = name
        demo = [studio.store.corpora.by_name(n)["id"] for n in DEMO_CORPORA]
        results["valid"] = compare_all(studio, sft["name"], variants, corpus_ids=demo, split="valid")
        results["chosen_last"] = best_weight(results["valid"])
        results["demo_test"] = compare_all(studio, sft["name"], variants, corpus_ids=demo)
        for label, ts in shared_testsets(studio).items():
            results[label] = compare_all(studio, sft["name"], variants, testset=ts)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
