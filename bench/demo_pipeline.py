"""Benchmark: the whole demo loop, for real, through the studio's engine — and whether each step helps.

In a fresh workspace (default: a new folder under /tmp), timed end to end (``loop_wall_s``):

``setup``
    :func:`engine.demo.setup_demo` — the demo corpora and the shipped demo SFT model (seconds, no training);
``phase2``
    the Phase 2 pipeline with the *Small demo model* preset (:mod:`engine.jobs.presets`) on the held-out ``prefs``
    pools: generate → score & pair → reward model → RL, registered as the ``cold-start`` model;
``feedback``
    simulated linguists (the demo has no people): for ``--judgements`` sources of one domain (``--domain``) from
    the prefs pools, the Translate page's own engine samples candidates with the cold-start model and ranks them
    with its reward model, and the top 4 are judged in turn by "sim-ranker" (ranks by chrF against the
    reference), "sim-picker" (picks the highest chrF) and "sim-posteditor" (post-edits into the reference);
``phase3``
    the Phase 3 pipeline with the *Small demo model* preset: feedback → human pairs → reward-model fine-tune with
    synthetic replay → RL stage 2, registered as the ``final`` model;
``compare``
    the evaluate job translates (greedy) the demo **test** split with the SFT, cold-start and final models, and
    the Compare page's paired bootstrap (corpus chrF and BLEU) compares each step of the chain; the loop
    scorecard of the Start page. ``loop_wall_s`` ends here;
``heldout``
    (after the loop, for the report) the same comparison on the test split's sentences of the feedback domain and
    on the rest, and on data the studio was never tuned on: FLORES-200 dev EN→AR and FR→AR (first 400) and a
    random 500 (seed 0) of ManyThings/Tatoeba EN→AR.

Results go to ``bench/results/demo_pipeline.json``: ``loop_wall_s``, each stage's wall time, and per step of the
chain (``cold_start_vs_sft``, ``final_vs_cold_start``) ``chrf_gain`` and ``p_value`` (for the final model: on the
feedback domain, as the target is stated) with BLEU, the degenerate-output rates and the held-out sets.

    python -m bench.demo_pipeline [--workspace DIR] [--judgements 60] [--domain health_tech]
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.common import write_results
from bench.loop import (
    StageFailed,
    demo_domains,
    domain_testsets,
    evaluate,
    log,
    metrics_of,
    model_of_run,
    paired,
    r,
    shared_testsets,
    wait_pipeline,
)

NAME = "demo_pipeline"
TARGETS = {"cold_start_chrf_gain": 2.0, "final_chrf_gain_feedback_domain": 1.0, "final_max_loss_rest": 0.5,
           "p_value": 0.05, "rm_valid_accuracy": 0.75, "loop_wall_s": 20 * 60}


def stage_setup(studio, state: dict) -> dict:
    from engine.demo import DEMO_CORPORA, PREFS_CORPORA, setup_demo

    state["sft"] = setup_demo(studio)
    state["test_corpora"] = [studio.store.corpora.by_name(n)["id"] for n in DEMO_CORPORA]
    state["prefs_corpora"] = [studio.store.corpora.by_name(n)["id"] for n in PREFS_CORPORA]
    return {"sft": state["sft"], "metadata": studio.store.models.get(state["sft"])["metadata"]}


def run_template(studio, template: str, values: dict, name: str) -> tuple[dict, dict[str, str]]:
    """Start a pipeline template with ``values`` (its demo preset plus the chain's names) and wait for it: the
    stage's results so far and the run id of each step."""
    from engine.jobs.config import config_from_dict
    from engine.pipelines.templates import TEMPLATES, start_template

    config = config_from_dict(TEMPLATES[template].config_cls, values)
    pipeline_id = start_template(studio.pipelines, studio.store, template, config, name=name)
    out: dict[str, Any] = {"settings": values, "pipeline": wait_pipeline(studio, pipeline_id)}
    if out["pipeline"]["status"] != "succeeded":
        raise StageFailed(f"{name} ended {out['pipeline']['status']}: {out['pipeline']['error']}")
    return out, {s["name"]: s["run_id"] for s in out["pipeline"]["steps"]}


def stage_phase2(studio, state: dict) -> dict:
    from engine.jobs.presets import DEMO, preset

    out, runs = run_template(studio, "phase2", {**preset("phase2", DEMO), "policy": state["sft"],
                                                "corpus_ids": state["prefs_corpora"]}, "Phase 2 (demo)")
    state["score_run"] = runs["score"]
    rm = model_of_run(studio, runs["reward"])
    state["rm"] = rm["name"]
    out["rm_valid_accuracy"] = r(rm["metadata"].get("valid_accuracy"))
    out["rm_valid_pairs"] = rm["metadata"].get("valid_pairs")
    # the bar the reward model should clear: the SFT model's own likelihood on the same validation pairs
    out["rm_likelihood_accuracy"] = r(rm["metadata"].get("likelihood_accuracy"))
    out["pairs"] = studio.store.preferences.count_pairs(run_ids=[runs["score"]])
    rl_step = out["pipeline"]["steps"][-1]
    cold = model_of_run(studio, rl_step["run_id"])
    state["cold_start"] = cold["name"]
    out["cold_start"] = cold["name"]
    series = metrics_of(studio, rl_step["run_id"])
    for key in ("kl_per_token", "kl", "reward_mean", "rewards/chrf_reward/mean", "reward"):
        if series.get(key):
            values_ = [v for _, v in series[key]]
            out.setdefault("rl_metrics", {})[key] = {"first10": r(sum(values_[:10]) / len(values_[:10])),
                                                     "last10": r(sum(values_[-10:]) / len(values_[-10:]))}
    return out


def stage_feedback(studio, state: dict, n: int, domain: str) -> dict:
    """``n`` judgements by three simulated linguists on sources of ``domain`` from the prefs pools."""
    import sacrebleu

    from engine.demo import read_demo_split
    from engine.feedback.interactive import record, translate_with_registry
    from engine.feedback.judgements import Judgement, new_submission_id, submit

    domains = state.setdefault("domains", demo_domains())
    pool = [(pair, s, t) for pair in ("en-ar", "fr-ar") for s, t in read_demo_split(pair, "prefs")
            if domains.get((pair, s)) == domain]
    chosen = random.Random(1).sample(pool, len(pool))  # in a seeded order, until n judgements are made
    made = {"ranking": 0, "best": 0, "post_edit": 0, "skipped": 0}
    for i, (pair, source, reference) in enumerate(chosen):
        if made["ranking"] + made["best"] + made["post_edit"] >= n:
            break
        translation = translate_with_registry(studio.store, source=source, pair=pair, model=state["cold_start"],
                                              rm=state["rm"], seed=i)
        shown = translation.candidates[:4]
        request_id = record(studio.store, translation, linguist=None)
        if len(shown) < 2:  # every sample the same: nothing to judge between (the page shows one candidate)
            made["skipped"] += 1
            continue
        chrf = [sacrebleu.sentence_chrf(c.text, [reference]).score for c in shown]
        by_chrf = sorted(range(len(shown)), key=lambda k: -chrf[k])
        kind = ("ranking", "best", "post_edit")[i % 3]
        if kind == "post_edit" and reference in [c.text for c in shown]:
            kind = "best"  # nothing to edit: the reference was shown (the page asks for a pick then)
        linguist = {"ranking": "sim-ranker", "best": "sim-picker", "post_edit": "sim-posteditor"}[kind]
        submit(studio.store, Judgement(new_submission_id(), request_id, linguist, kind,
                                       shown=list(range(len(shown))),
                                       ranking=by_chrf if kind == "ranking" else None,
                                       best=by_chrf[0] if kind == "best" else None,
                                       correction=reference if kind == "post_edit" else None))
        made[kind] += 1
    return {"domain": domain, "pool": len(pool), "judged": made, "volume": studio.store.feedback.volume()}


def stage_phase3(studio, state: dict) -> dict:
    from engine.jobs.presets import DEMO, preset

    out, runs = run_template(studio, "phase3", {**preset("phase3", DEMO), "policy": state["cold_start"],
                                                "reward_model": state["rm"], "model_name": "demo-final"},
                             "Phase 3 (demo, simulated linguists)")
    rm = model_of_run(studio, runs["reward"])
    out["reward_model"] = {k: rm["metadata"].get(k) for k in (
        "base_accuracy", "valid_accuracy_human", "valid_accuracy_synthetic", "human_train_pairs", "replayed_pairs")}
    final = model_of_run(studio, out["pipeline"]["steps"][-1]["run_id"])
    state["final"] = final["name"]
    out["final"] = final["name"]
    return out


def stage_compare(studio, state: dict) -> dict:
    """The lead's comparison: the chain on the demo test split, and the loop scorecard the Start page shows."""
    from engine.compare.scorecard import build_scorecard

    models = [state["sft"], state["cold_start"], state["final"]]
    keys = evaluate(studio, models, corpus_ids=state["test_corpora"])
    out: dict[str, Any] = {"demo_test": {"cold_start_vs_sft": paired(studio, keys[models[0]], keys[models[1]]),
                                         "final_vs_cold_start": paired(studio, keys[models[1]], keys[models[2]]),
                                         "final_vs_sft": paired(studio, keys[models[0]], keys[models[2]])}}
    card = build_scorecard(studio.store, studio.store.evaluations.get(keys[models[0]])["testset_id"])
    out["scorecard"] = {"headline": card.headline(), "flags": card.flags,
                        "models": [{"name": m.name, "stage": m.stage, "scores": m.scores,
                                    "degenerate_rate": m.degenerate_rate} for m in card.models]}
    return out


def stage_heldout(studio, state: dict, domain: str) -> dict:
    """The chain on the demo test split's feedback-domain and other sentences, and on the shared held-out sets."""
    models = [state["sft"], state["cold_start"], state["final"]]
    out: dict[str, Any] = {}
    for part, (ts, n) in domain_testsets(studio, domain).items():
        k = evaluate(studio, models, testset=ts)
        out[f"demo_test_{part}"] = {"n": n, "cold_start_vs_sft": paired(studio, k[models[0]], k[models[1]]),
                                    "final_vs_cold_start": paired(studio, k[models[1]], k[models[2]])}
    for name, ts in shared_testsets(studio).items():
        k = evaluate(studio, models, testset=ts)
        out[name] = {"cold_start_vs_sft": paired(studio, k[models[0]], k[models[1]]),
                     "final_vs_cold_start": paired(studio, k[models[1]], k[models[2]]),
                     "final_vs_sft": paired(studio, k[models[0]], k[models[2]])}
    return out


def summary(results: dict) -> dict:
    """The headline keys: per step of the chain ``chrf_gain`` and ``p_value``, and the targets met or missed."""
    comp = {**results.get("stages", {}).get("compare", {}), **results.get("stages", {}).get("heldout", {})}
    out: dict[str, Any] = {}
    if "demo_test" in comp and "demo_test_rest" in comp:
        cs = comp["demo_test"]["cold_start_vs_sft"]
        out["cold_start_vs_sft"] = {"chrf_gain": cs["chrf"]["gain"], "p_value": cs["chrf"]["p_value"],
                                    "bleu_gain": cs["bleu"]["gain"], "bleu_p_value": cs["bleu"]["p_value"],
                                    "degenerate_rate": cs["degenerate_rate"], "test_set": "demo test split"}
        fd, rest = comp["demo_test_feedback_domain"]["final_vs_cold_start"], comp["demo_test_rest"][
            "final_vs_cold_start"]
        allf = comp["demo_test"]["final_vs_cold_start"]
        out["final_vs_cold_start"] = {"chrf_gain": fd["chrf"]["gain"], "p_value": fd["chrf"]["p_value"],
                                      "test_set": "demo test split, feedback domain",
                                      "rest": {"chrf_gain": rest["chrf"]["gain"], "p_value": rest["chrf"]["p_value"]},
                                      "all": {"chrf_gain": allf["chrf"]["gain"], "p_value": allf["chrf"]["p_value"]}}
        p2 = results["stages"].get("phase2", {})
        t = TARGETS
        out["targets"] = {
            "cold_start_chrf_gain>=2.0_p<0.05": cs["chrf"]["gain"] >= t["cold_start_chrf_gain"]
            and cs["chrf"]["p_value"] < t["p_value"],
            "cold_start_bleu_not_lower": cs["bleu"]["gain"] >= 0,
            "cold_start_degenerate_not_higher": (cs["degenerate_rate"]["new"] or 0) <= (
                cs["degenerate_rate"]["base"] or 0),
            "final_chrf_gain_feedback_domain>=1.0_p<0.05": fd["chrf"]["gain"] >= t["final_chrf_gain_feedback_domain"]
            and fd["chrf"]["p_value"] < t["p_value"],
            "final_loses_at_most_0.5_on_rest": rest["chrf"]["gain"] >= -t["final_max_loss_rest"],
            "rm_valid_accuracy>=0.75": (p2.get("rm_valid_accuracy") or 0) >= t["rm_valid_accuracy"],
            "loop_wall_s<=1200": (results.get("loop_wall_s") or 1e9) <= t["loop_wall_s"],
        }
    return out


def main(argv: list[str] | None = None) -> int:
    """Run the loop and write ``bench/results/demo_pipeline.json``."""
    from engine.services import Services
    from engine.workspace import Workspace

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workspace", default="", help="workspace folder (default: a new one under /tmp)")
    parser.add_argument("--judgements", type=int, default=60)
    parser.add_argument("--domain", default="health_tech", help="the domain the simulated linguists judge")
    parser.add_argument("--name", default=NAME)
    parser.add_argument("--no-heldout", action="store_true", help="skip the held-out comparison after the loop")
    args = parser.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    ws = Path(args.workspace or tempfile.mkdtemp(prefix="tarjama-demo-loop-"))
    os.environ["TARJAMA_HOME"] = str(ws)
    studio = Services.open(Workspace(ws))
    state: dict[str, Any] = {}
    results: dict[str, Any] = {"workspace": str(ws), "load_start": os.getloadavg(), "stages": {}, "stage_wall_s": {}}
    t_loop = time.perf_counter()
    try:
        for stage, call in (("setup", lambda: stage_setup(studio, state)),
                            ("phase2", lambda: stage_phase2(studio, state)),
                            ("feedback", lambda: stage_feedback(studio, state, args.judgements, args.domain)),
                            ("phase3", lambda: stage_phase3(studio, state)),
                            ("compare", lambda: stage_compare(studio, state)),
                            *([] if args.no_heldout else
                              [("heldout", lambda: stage_heldout(studio, state, args.domain))])):
            log(f"stage {stage}")
            t0 = time.perf_counter()
            results["stages"][stage] = call()
            results["stage_wall_s"][stage] = r(time.perf_counter() - t0, 1)
            if stage == "compare":  # the loop: set-up → Phase 2 → feedback → Phase 3 → the lead's comparison
                results["loop_wall_s"] = r(time.perf_counter() - t_loop, 1)
            write_results(args.name, results)
        results["load_end"] = os.getloadavg()
        results.update(summary(results))
    except Exception as exc:  # noqa: BLE001 — the failure is a result, written with what came before it
        import traceback

        results["error"] = f"{type(exc).__name__}: {exc}"
        results["traceback"] = traceback.format_exc()
        log(results["traceback"])
    finally:
        studio.close()
    write_results(args.name, results)
    log(f"results in bench/results/{args.name}.json")
    return 0 if "error" not in results else 1


if __name__ == "__main__":
    raise SystemExit(main())
