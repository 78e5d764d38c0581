"""Benchmark: which Phase 3 step turns the simulated linguists' judgements into a better model — every attempt kept.

Phase 3 is cheap (about a minute) next to Phase 2, so its choices are swept on a finished ``bench.demo_pipeline``
workspace instead of by rerunning the whole loop: the workspace is copied (the original is left as it was), and
each attempt runs the Phase 3 pipeline (feedback → human pairs → reward-model fine-tune → the RL step) from that
run's cold-start model and reward model on the same judgements, with the *Small demo model* preset changed by the
attempt's settings. The evaluate job then translates (greedy) the demo test split's sentences of the feedback
domain and the rest with the cold-start and the new model, and the Compare page's paired bootstrap gives each
attempt's gain — the quantities ``bench.demo_pipeline`` checks against the target (≥ +1.0 chrF on the feedback
domain with p < 0.05, at most 0.5 lost on the rest).

    python -m bench.demo_phase3_sweep --from /tmp/demo-loop-9 [--workspace DIR] [--attempts a,b,...]

Results: ``bench/results/demo_phase3_sweep.json`` (``--name``: another file; merged with the earlier attempts
of the same workspace). ``--heldout`` also compares each attempt with the cold-start model on FLORES-200 dev
and Tatoeba.

**Another domain** (``--rejudge N --domain D``): the copy's judgements and human pairs are cleared and the simulated
linguists of ``bench.demo_pipeline`` judge ``N`` sources of domain ``D`` anew, with the run's cold-start model and
reward model, before the attempts — is the feedback domain the pipeline judges the reason Phase 3 does not gain?
Results: ``bench/results/demo_phase3_domains.json``, one entry per domain and number of judgements.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from typing import Any

from bench.common import RESULTS
from bench.loop import (
    StageFailed,
    domain_testsets,
    evaluate,
    log,
    model_of_run,
    open_copy,
    paired,
    r,
    shared_testsets,
    wait_pipeline,
    write_json,
)

NAME = "demo_phase3_sweep"
DOMAINS_NAME = "demo_phase3_domains"

ATTEMPTS: dict[str, dict[str, Any]] = {
    # Phase 3 template values over the demo preset (dpo_settings are merged into the preset's)
    "preset": {},
    "cpo-lr5e-5": {"dpo_settings": {"learning_rate": 5e-5}},
    "cpo-10-epochs": {"dpo_settings": {"epochs": 10.0}},
    "cpo-nll3": {"dpo_settings": {"nll_weight": 3.0}},
    "dpo-no-nll-lr5e-5": {"dpo_settings": {"nll_weight": 0.0, "learning_rate": 5e-5}},
    "cpo-objective": {"dpo_settings": {"objective": "cpo", "learning_rate": 1e-4}},
    "orpo": {"dpo_settings": {"objective": "orpo", "learning_rate": 1e-4, "epochs": 5.0}},
    "kto-judgements": {"dpo_settings": {"objective": "kto", "kto_source": "pairs+judgements",
                                        "learning_rate": 5e-5}},
    "ipo-lr5e-5": {"dpo_settings": {"loss_type": "ipo", "nll_weight": 0.0, "learning_rate": 5e-5}},
    # RL stage 2 with the fine-tuned reward model as the only reward, on the cold-start run's prompts
    "grpo-rm": {"rl_method": "grpo", "grpo_settings": {"method": "grpo", "chrf_weight": 0.0, "rm_weight": 1.0,
                                                       "learning_rate": 5e-5, "beta": 0.04, "num_generations": 8,
                                                       "batch_size": 8, "max_steps": 100, "max_prompts": 0,
                                                       "max_completion_length": 32, "temperature": 1.0,
                                                       "save_every": 1000}},
    # rehearsal: the policy step also trains on Phase 2's synthetic pairs ("$synthetic": the sets the reward model
    # was trained on), as the reward-model fine-tune already replays them — does it keep what the cold start gained
    # on data outside the feedback domain?
    "cpo-replay-all": {"dpo_settings": {"pair_sets": ["$run:pairs", "$synthetic"]}},
}


def run_attempt(studio, name: str, overrides: dict, chain: dict, sets: dict[str, str],
                heldout: dict[str, str] | None = None) -> dict:
    """One Phase 3 attempt from the chain's cold-start model and reward model, and its comparison."""
    from engine.jobs.config import config_from_dict
    from engine.jobs.presets import DEMO, preset
    from engine.pipelines.templates import TEMPLATES, start_template

    values = preset("phase3", DEMO)
    for key, value in overrides.items():
        values[key] = {**values.get(key, {}), **value} if isinstance(value, dict) else value
    from engine.models.registry import free_model_name

    values.update({"policy": chain["cold_start"], "reward_model": chain["rm"],
                   "model_name": free_model_name(studio.store, f"p3-{name}")})  # a name is never replaced
    sets_named = values.get("dpo_settings", {}).get("pair_sets")
    if sets_named:
        values["dpo_settings"]["pair_sets"] = [s for x in sets_named
                                               for s in (chain["synthetic"] if x == "$synthetic" else [x])]
    config = config_from_dict(TEMPLATES["phase3"].config_cls, values)
    t0 = time.perf_counter()
    pipeline = wait_pipeline(studio, start_template(studio.pipelines, studio.store, "phase3", config,
                                                    name=f"Phase 3 sweep · {name}"))
    out: dict[str, Any] = {"settings": values, "pipeline": pipeline, "wall_s": r(time.perf_counter() - t0, 1)}
    if pipeline["status"] != "succeeded":
        raise StageFailed(f"{name} ended {pipeline['status']}: {pipeline['error']}")
    rm = model_of_run(studio, pipeline["steps"][1]["run_id"])
    out["reward_model"] = {k: rm["metadata"].get(k) for k in ("valid_accuracy_human", "valid_accuracy_synthetic")}
    final = model_of_run(studio, pipeline["steps"][-1]["run_id"])["name"]
    for part, ts in sets.items():
        keys = evaluate(studio, [chain["cold_start"], final], testset=ts)
        out[part] = paired(studio, keys[chain["cold_start"]], keys[final])
        log(f"{name} · {part}: chrF {out[part]['chrf']['gain']:+.2f} (p {out[part]['chrf']['p_value']})")
    for part, ts in (heldout or {}).items():
        keys = evaluate(studio, [chain["cold_start"], final], testset=ts)
        out.setdefault("heldout", {})[part] = paired(studio, keys[chain["cold_start"]], keys[final])
        log(f"{name} · {part}: chrF {out['heldout'][part]['chrf']['gain']:+.2f} "
            f"(p {out['heldout'][part]['chrf']['p_value']})")
    return out


def rejudge(studio, chain: dict, n: int, domain: str) -> dict:
    """Clear the copy's judgements and human pairs; ``n`` new judgements on ``domain`` by the simulated linguists."""
    from bench.demo_pipeline import stage_feedback

    with studio.store.db.cursor() as cur:  # only ever on the sweep's own copy of the workspace
        for table in ("judgements", "request_candidates", "translation_requests"):
            cur.execute(f"DELETE FROM {table}")
        cur.execute("DELETE FROM preference_pairs WHERE origin = 'human'")
    return stage_feedback(studio, {"cold_start": chain["cold_start"], "rm": chain["rm"]}, n, domain)


def main(argv: list[str] | None = None) -> int:
    """Run the chosen attempts and merge them into ``bench/results/demo_phase3_sweep.json``."""
    from engine.services import Services
    from engine.workspace import Workspace

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--from", dest="source", required=True, help="a finished bench.demo_pipeline workspace")
    parser.add_argument("--workspace", default="/tmp/tarjama-phase3-sweep", help="the copy the attempts run in")
    parser.add_argument("--attempts", default=",".join(ATTEMPTS))
    parser.add_argument("--domain", default="health_tech", help="the domain the simulated linguists judged")
    parser.add_argument("--rejudge", type=int, default=0,
                        help="clear the copy's judgements and have the simulated linguists judge this many sources "
                             "of --domain first (results: demo_phase3_domains.json)")
    parser.add_argument("--name", default=NAME, help="the results file's name (bench/results/NAME.json)")
    parser.add_argument("--heldout", action="store_true",
                        help="also compare each attempt with the cold-start model on FLORES-200 dev and Tatoeba")
    args = parser.parse_args(argv)
    ws = open_copy(args.source, args.workspace)
    path = RESULTS / (f"{DOMAINS_NAME}.json" if args.rejudge else f"{args.name}.json")
    saved = json.loads(path.read_text()) if path.exists() else {}
    key = f"{args.domain} · {args.rejudge} judgements"
    results = saved.setdefault("domains", {}).setdefault(key, {}) if args.rejudge else saved
    if results.get("workspace") != str(ws):
        results.clear()
        results.update({"benchmark": NAME, "workspace": str(ws), "from": args.source, "attempts": {}})
    studio = Services.open(Workspace(ws))
    try:
        models = {m["name"]: m for m in studio.store.models.list()}
        cold = next(m for m in models.values() if m["kind"] == "policy" and m["stage"] == "cold-start")
        # Phase 2's reward model (the cold-start model names it only when it was a reward in the RL step)
        rm = cold["metadata"].get("reward_model") or next(
            m["name"] for m in models.values() if m["kind"] == "reward" and str(m["run_id"]).startswith("reward-"))
        from engine.pipelines.templates import phase3_defaults

        chain = {"cold_start": cold["name"], "rm": rm,
                 "synthetic": phase3_defaults(studio.store, cold["name"])["replay_pair_sets"]}
        results["chain"] = chain
        if args.rejudge and "feedback" not in results:
            results["feedback"] = rejudge(studio, chain, args.rejudge, args.domain)
            write_json(path, saved)
        sets = {part: ts for part, (ts, _) in domain_testsets(studio, args.domain).items()}
        heldout = shared_testsets(studio) if args.heldout else None
        for name in [a for a in args.attempts.split(",") if a]:
            log(f"attempt {name}")
            load = os.getloadavg()
            try:
                out = run_attempt(studio, name, ATTEMPTS[name], chain, sets, heldout)
            except StageFailed as exc:
                out = {"error": str(exc)}
            out["load_start"], out["load_end"] = [r(x, 2) for x in load], [r(x, 2) for x in os.getloadavg()]
            results["attempts"][name] = out
            results["when_utc"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
            write_json(path, saved)
    finally:
        studio.close()
    log(f"results in {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
