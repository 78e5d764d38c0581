"""Benchmark: does moving a trained model further along its training direction (ExPO) or part of the way back
(WiSE-FT) help — weights chosen on the demo **valid** split, reported on the test split and the held-out sets.

On a copy of a finished ``bench.demo_pipeline`` workspace (the original is left as it was), for each step of the
chain — SFT → cold-start (Phase 2) and cold-start → final (Phase 3) — models ``base + w × (tuned − base)`` are
written for each weight ``w`` (:mod:`engine.models.extrapolate`; ``w = 1`` is the tuned model itself) and
translated greedily by the evaluate job:

1. on the demo **valid** split (for Phase 3: its sentences of the feedback domain), where the weight is chosen —
   the highest corpus chrF — so that the test split is not what the choice is fitted to;
2. every weight on the demo **test** split (Phase 3: the feedback domain and the rest), compared with the base by
   the Compare page's paired bootstrap;
3. every weight on FLORES-200 dev EN→AR / FR→AR and a random 500 of Tatoeba (data no choice was made on).

    python -m bench.demo_extrapolate --from /tmp/demo-loop [--weights 0.5,1.5,2,3] [--domain health_tech]

Results: ``bench/results/demo_extrapolate.json`` (``--name``: another file).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from bench.common import RESULTS
from bench.loop import domain_testsets, evaluate, log, paired, shared_testsets, studio_on_copy, write_json

NAME = "demo_extrapolate"


def weighted_models(studio, ws: Path, base: dict, tuned: dict, weights: list[float]) -> dict[float, str]:
    """Register ``base + w × (tuned − base)`` for each weight (``w = 1``: the tuned model itself): ``{w: name}``."""
    from engine.models.extrapolate import extrapolate_model

    out = {1.0: tuned["name"]}
    for w in weights:
        if w == 1.0:
            continue
        name = f"{tuned['name']}-w{w:g}"
        if studio.store.models.get(name) is None:
            folder = extrapolate_model(base["path"], tuned["path"], ws / "models" / name, w)
            studio.store.models.register(name, "policy", str(folder), parent=tuned["name"],
                                         metadata={**tuned["metadata"], "extrapolated_from": base["name"],
                                                   "extrapolation_weight": w})
        out[w] = name
    return out


def compare_all(studio, base: str, models: dict[float, str], **where: Any) -> dict[str, dict]:
    """Each weighted model against ``base`` on one evaluation set (``corpus_ids=…`` or ``testset=…``)."""
    keys = evaluate(studio, [base, *models.values()], **where)
    return {f"{w:g}": paired(studio, keys[base], keys[name]) for w, name in sorted(models.items())}


def best_weight(valid: dict[str, dict]) -> float:
    """The weight whose model scores the highest corpus chrF on the validation set."""
    return float(max(valid, key=lambda w: valid[w]["chrf"]["new"]))


def step(studio, ws: Path, base: dict, tuned: dict, weights: list[float], valid_where: dict,
         test_sets: dict[str, dict], heldout: dict[str, str]) -> dict:
    """One step of the chain: the weighted models, the weight chosen on ``valid_where``, the test and held-out
    comparisons with the base."""
    models = weighted_models(studio, ws, base, tuned, weights)
    out: dict[str, Any] = {"base": base["name"], "tuned": tuned["name"]}
    log(f"{tuned['name']}: valid")
    out["valid"] = compare_all(studio, base["name"], models, **valid_where)
    chosen = best_weight(out["valid"])
    out["chosen_weight"] = chosen
    log(f"  chosen weight {chosen:g}")
    for label, where in test_sets.items():
        log(f"{tuned['name']}: {label}")
        out[label] = compare_all(studio, base["name"], models, **where)
    for label, ts in heldout.items():
        log(f"{tuned['name']}: {label}")
        out[label] = compare_all(studio, base["name"], models, testset=ts)
    return out


def main(argv: list[str] | None = None) -> int:
    """Run both steps of the chain and write ``bench/results/NAME.json``."""
    from engine.demo import DEMO_CORPORA

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--from", dest="source", required=True, help="a finished bench.demo_pipeline workspace")
    parser.add_argument("--workspace", default="/tmp/tarjama-extrapolate", help="the copy the models are made in")
    parser.add_argument("--weights", default="0.5,1.5,2,3", help="weights besides 1 (the tuned model)")
    parser.add_argument("--phase3-weights", default="", help="Phase 3's weights (default: --weights)")
    parser.add_argument("--domain", default="health_tech", help="the domain the simulated linguists judged")
    parser.add_argument("--name", default=NAME)
    parser.add_argument("--no-heldout", action="store_true")
    args = parser.parse_args(argv)
    weights = [float(w) for w in args.weights.split(",") if w]
    weights3 = [float(w) for w in args.phase3_weights.split(",") if w] or weights
    path = RESULTS / f"{args.name}.json"
    with studio_on_copy(args.source, args.workspace, path, NAME) as (studio, ws, results):
        models = {m["name"]: m for m in studio.store.models.list(kind="policy")}
        by_stage = {m["stage"]: m for m in sorted(models.values(), key=lambda m: m["created_at"])}
        sft, cold, final = by_stage["sft"], by_stage["cold-start"], by_stage["final"]
        demo = [studio.store.corpora.by_name(n)["id"] for n in DEMO_CORPORA]
        heldout = {} if args.no_heldout else shared_testsets(studio)
        results["cold_start_vs_sft"] = step(
            studio, ws, sft, cold, weights, {"corpus_ids": demo, "split": "valid"},
            {"demo_test": {"corpus_ids": demo}}, heldout)
        write_json(path, results)
        valid_domain = domain_testsets(studio, args.domain, split="valid")["feedback_domain"][0]
        test_parts = domain_testsets(studio, args.domain)
        results["final_vs_cold_start"] = step(
            studio, ws, cold, final, weights3, {"testset": valid_domain},
            {f"demo_test_{part}": {"testset": ts} for part, (ts, _) in test_parts.items()}, heldout)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
