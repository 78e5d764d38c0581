"""Benchmark: the demo's whole cold-start loop, for real, through the studio's own engine and job processes.

In a fresh workspace (default: a new folder under /tmp, kept after the run), every stage runs as the studio runs
it — ``Supervisor.start`` launches the job in its own process and ``Supervisor.wait`` ingests its events:

``setup``
    :func:`engine.demo.setup_demo` — the demo corpora and the shipped demo SFT model (no training);
``generate``
    candidates for the train split of both demo corpora with the default strategies;
``score``
    the score job with its defaults (chrF only when no COMET/BERTScore model is configured). Below 2,000 pairs,
    the pairing rules are replayed with :func:`engine.preferences.build_pairs` on the job's own scores to see
    which rule removes the pairs and which setting reaches the bar, and the score job is run again with it;
``reward``
    the reward model with the Reward page's "Small demo model" values (lr 3e-4, batch 16, 4 epochs);
``flores``
    FLORES-200 eng-ara dev (from ../shared/corpora) as a corpus: generate (300 sources) + score with the same
    settings, and the demo reward model's accuracy on those pairs (chosen vs rejected, with ``RewardScorer``);
``ppo``
    PPO with the PPO page's "Small demo model" values (``DEMO_PPO``) and the default KL target 0.2; when the
    reward does not rise or the KL ends above the target, at most two other settings are tried — every attempt is
    recorded;
``compare``
    greedy translations of the demo test split and of the first 200 FLORES dev lines by the SFT model and every
    PPO model: sacrebleu corpus chrF and BLEU.
``ppo_kl``
    PPO at KL coefficients 0.5 and 1.0 (lr 3e-5, the demo preset otherwise), judged by the per-token KL (TRL's KL
    is summed over a translation); the first attempt whose reward rises with a final per-token KL below 0.2
    becomes the cold-start model. An attempt already in the workspace (model ``demo-ppo-kl<c>``) is reused;
``rm_sweep``
    after ``phase3``: the reward-model fine-tune again on its human pairs with other settings (no replay; lower and
    higher learning rates; more epochs), each evaluated on the held-out human and synthetic pairs;
``phase3``
    Phase 3 on the demo, with **simulated** linguists (there are none here): for 150 train sources, four of the
    generate run's candidates are shown; "sim-ranker" ranks them by chrF against the reference, "sim-picker"
    picks the highest-chrF one, "sim-posteditor" post-edits into the reference, in turn. Then the Phase 3
    pipeline (feedback → pairs → reward-model fine-tune with replay → PPO stage 2 → ``final``) runs through the
    studio's own pipeline runner, and the final model is compared with the SFT and cold-start models as in
    ``compare``. The human-pair accuracy measures agreement with these simulated judgements, not with people.

Wall times include the job's process start and the studio's ingestion. Results (and any failure with its
traceback) go to ``bench/results/demo_pipeline.json`` after every stage.

    python -m bench.demo_pipeline [--workspace DIR] [--steps setup,generate,score,reward,flores,ppo,compare]

``--steps`` with a subset re-runs those stages in an existing ``--workspace`` (the run ids and model names of
earlier stages are read from ``DIR/demo_pipeline_state.json``); the results file is then updated, not replaced.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
import traceback
from pathlib import Path
from typing import Any

from bench.common import RESULTS, SHARED_CORPORA, write_results

STAGES = ["setup", "generate", "score", "reward", "flores", "ppo", "compare", "ppo_kl", "phase3", "rm_sweep"]
NAME = "demo_pipeline"
PAIR_BAR = 2000
RM_BAR = 0.70
KL_TARGET = 0.2
FLORES_DEV = SHARED_CORPORA / "flores200" / "eng-ara.dev.tsv"
FLORES_CORPUS = "flores200-eng-ara-dev"
STATE_FILE = "demo_pipeline_state.json"
# the Reward page's "Small demo model" preset (pages/reward.py PRESETS) with the brief's eval/save cadence
RM_SETTINGS = {"learning_rate": 3e-4, "batch_size": 16, "epochs": 4.0, "eval_every": 50, "save_every": 500}
# settings tried, in order, when the default score run gives fewer than PAIR_BAR pairs
PAIRING_CANDIDATES = [("all_above_margin", 0.15), ("best_vs_each", 0.10), ("all_above_margin", 0.10),
                      ("best_vs_each", 0.05), ("all_above_margin", 0.05)]
TIMEOUTS = {"bootstrap": 2400, "generate": 4800, "score": 2400, "reward": 4800, "ppo": 4800}
KL_SWEEP = (0.5, 1.0)
SIMULATED_JUDGEMENTS = 150
# (learning rate, epochs, replay ratio) of the extra fine-tunes; Phase 3 itself used (1e-4, 1, 1.0)
RM_SWEEP = [(1e-4, 1.0, 0.0), (3e-5, 3.0, 1.0), (3e-4, 2.0, 1.0), (3e-4, 2.0, 0.0)]
PHASE3_PPO_STEPS = 150


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def _r(x: Any, nd: int = 4) -> Any:
    return round(x, nd) if isinstance(x, float) else x


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


# --- runs --------------------------------------------------------------------------------------------------
def run_job(studio, kind: str, config: Any, title: str = "") -> dict:
    """Start a job through the studio's supervisor, wait for it (printing its progress), and describe it."""
    t0 = time.perf_counter()
    run_id = studio.supervisor.start(kind, config, title=title)
    log(f"{kind}: started {run_id}")
    return wait_run(studio, run_id, kind, t0)


def wait_run(studio, run_id: str, kind: str, t0: float) -> dict:
    deadline = time.monotonic() + TIMEOUTS.get(kind, 3600)
    status = None
    while time.monotonic() < deadline:
        try:
            status = studio.supervisor.wait(run_id, timeout_s=60, poll_s=1.0)
            break
        except TimeoutError:
            run = studio.store.runs.get(run_id)
            log(f"  {run_id}: {run['status']} {run['progress_done']}/{run['progress_total']} "
                f"{run['progress_unit'] or ''} · {run['message'] or ''}")
    wall = time.perf_counter() - t0
    if status is None:
        log(f"  {run_id}: timed out after {wall:.0f} s; cancelling")
        status = studio.supervisor.cancel_and_wait(run_id, timeout_s=60)
        status = f"timed out ({status})"
    return describe_run(studio, run_id, wall, status)


def describe_run(studio, run_id: str, wall: float, status: str) -> dict:
    run = studio.store.runs.get(run_id)
    started, finished = run.get("started_at"), run.get("finished_at")
    out = {"run_id": run_id, "status": status, "wall_s": round(wall, 1),
           "job_s": round((finished - started).total_seconds(), 1) if started and finished else None}
    log(f"  {run_id}: {status} in {wall:.0f} s")
    if status != "succeeded":
        out["error"] = run.get("error")
        stdout = Path(run["run_dir"]) / "stdout.log"
        tail = stdout.read_text(errors="replace").splitlines()[-80:] if stdout.exists() else []
        out["stdout_tail"] = "\n".join(tail)
        log(f"  error: {run.get('error')}\n" + "\n".join(tail[-40:]))
    return out


class StageFailed(RuntimeError):
    """A job of the stage did not succeed (its run description is in the results)."""


def require(run: dict, what: str) -> None:
    if run["status"] != "succeeded":
        raise StageFailed(f"{what} run {run['run_id']} ended {run['status']}: {run.get('error')}")


def series(studio, run_id: str) -> dict[str, list[tuple[int, float]]]:
    from engine.rl.alarms import series_from_rows

    return series_from_rows(studio.store.runs.metrics(run_id))


def run_summary(studio, run_id: str) -> dict:
    """The ``summary.json`` a job wrote into its outputs, if any."""
    path = Path(studio.store.runs.get(run_id)["run_dir"]) / "outputs" / "summary.json"
    return json.loads(path.read_text()) if path.exists() else {}


def model_of_run(studio, run_id: str) -> dict | None:
    rows = [m for m in studio.store.models.list() if m["run_id"] == run_id]
    return rows[0] if rows else None


# --- stages ------------------------------------------------------------------------------------------------
def stage_setup(studio, state: dict) -> dict:
    from engine.demo import setup_demo

    t0 = time.perf_counter()
    name = setup_demo(studio)
    wall = time.perf_counter() - t0
    model = studio.store.models.get(name)
    ids = [studio.store.corpora.by_name(n)["id"] for n in ("demo-en-ar", "demo-fr-ar")]
    state.update(sft=model["name"], demo_corpora=ids)
    corpora = {}
    for cid in ids:
        c = studio.store.corpora.get(cid)
        corpora[c["name"]] = {"id": cid, **{s: studio.store.corpora.count(cid, s) for s in ("train", "valid", "test")}}
    meta = model["metadata"]
    return {"wall_s": _r(wall), "corpora": corpora, "sft_model": model["name"],
            "sft_path": model["path"], "stage": model["stage"],
            "metadata": {k: _r(v) for k, v in meta.items() if k not in ("pairs", "test_chrf")},
            "valid_chrf": _r(meta.get("valid_chrf"), 2), "test_chrf": meta.get("test_chrf"),
            "parameters": meta.get("parameters"), "steps": meta.get("steps")}


def candidate_stats(studio, run_id: str) -> dict:
    db = studio.store.db
    n_cand, n_src = db.query("SELECT count(*), count(DISTINCT (corpus_id, seg_id)) FROM candidates WHERE run_id = ?",
                             [run_id])[0]
    per = [r[0] for r in db.query("SELECT count(*) FROM candidates WHERE run_id = ? GROUP BY corpus_id, seg_id",
                                  [run_id])]
    hist = {}
    for n in per:
        hist[str(n)] = hist.get(str(n), 0) + 1
    by_strategy = dict(db.query("SELECT strategy, count(*) FROM candidates WHERE run_id = ? GROUP BY strategy "
                                "ORDER BY 2 DESC", [run_id]))
    empty = db.query("SELECT count(*) FROM candidates WHERE run_id = ? AND trim(text) = ''", [run_id])[0][0]
    return {"sources": n_src, "candidates": n_cand,
            "distinct_candidates_per_source": round(n_cand / n_src, 3) if n_src else None,
            "distinct_per_source_histogram": dict(sorted(hist.items(), key=lambda kv: int(kv[0]))),
            "candidates_by_chosen_strategy": by_strategy, "empty_candidates": empty}


def generate(studio, model: str, corpus_ids: list[int], **kw) -> dict:
    from engine.jobs.generate import GenerateConfig

    config = GenerateConfig(model=model, corpus_ids=list(corpus_ids), split="train", **kw)
    run = run_job(studio, "generate", config)
    require(run, "generate")
    stats = candidate_stats(studio, run["run_id"])
    m = series(studio, run["run_id"])
    return {"config": {"strategies": config.strategies, "max_new_tokens": config.max_new_tokens,
                       "batch_size": config.batch_size, "sample_size": config.sample_size},
            "run": run, **stats,
            "sources_per_s_wall": round(stats["sources"] / run["wall_s"], 3),
            "sources_per_s_job_metric": _r(m["sources_per_s"][-1][1], 3) if m.get("sources_per_s") else None,
            "tokens_per_s_job_metric": _r(m["tokens_per_s"][-1][1], 1) if m.get("tokens_per_s") else None}


def stage_generate(studio, state: dict) -> dict:
    out = generate(studio, state["sft"], state["demo_corpora"])
    state["generate_run"] = out["run"]["run_id"]
    return out


def score(studio, generate_run: str, **kw) -> dict:
    from engine.jobs.score import ScoreConfig, fusion_plan

    config = ScoreConfig(generate_run=generate_run, **kw)
    plan = fusion_plan(config)
    run = run_job(studio, "score", config)
    require(run, "score")
    rid = run["run_id"]
    prefs = studio.store.preferences
    m = series(studio, rid)
    n_cand = m["candidates"][-1][1] if m.get("candidates") else None
    out = {"settings": {"pairing": config.pairing, "min_margin": config.min_margin,
                        "near_identical_chrf": config.near_identical_chrf, "valid_fraction": config.valid_fraction},
           "fusion_plan": plan.describe(), "run": run,
           "pairs": prefs.count_pairs(run_ids=[rid]), "train_pairs": prefs.count_pairs(run_ids=[rid], split="train"),
           "valid_pairs": prefs.count_pairs(run_ids=[rid], split="valid"),
           "candidates_scored": int(n_cand) if n_cand is not None else None,
           "failed_checks": int(m["failed_checks"][-1][1]) if m.get("failed_checks") else None,
           "mean_margin": _r(m["mean_margin"][-1][1]) if m.get("mean_margin") else None,
           "metric_means": {k[5:]: _r(v[-1][1], 3) for k, v in m.items()
                            if k.startswith("mean_") and k != "mean_margin"},
           "candidates_per_s": {k[:-6]: _r(v[-1][1], 1) for k, v in m.items() if k.endswith("_per_s")}}
    out["meets_bar"] = out["pairs"] >= PAIR_BAR
    return out


def scored_candidates(studio, score_run: str) -> list:
    """The score job's own candidates, fused quality and checks, as :class:`ScoredCandidate` (from its files)."""
    import pyarrow.parquet as pq

    from engine.preferences import ScoredCandidate

    run_dir = Path(studio.store.runs.get(score_run)["run_dir"])
    rows = pq.read_table(run_dir / "inputs" / "candidates.parquet").to_pylist()
    values: dict[int, dict[str, float]] = {}
    for r in pq.read_table(run_dir / "outputs" / "scores.parquet").to_pylist():
        values.setdefault(r["cand_id"], {})[r["metric"]] = r["value"]
    return [ScoredCandidate(cand_id=r["cand_id"], group=f"{r['corpus_id']}:{r['seg_id']}", source=r["source"],
                            text=r["text"], quality=values[r["cand_id"]]["quality"],
                            passes_checks=values[r["cand_id"]]["check_passed"] > 0.5, strategy=r["strategy"])
            for r in rows]


def diagnose_pairs(cands: list, pairing: str, min_margin: float, near_chrf: float) -> dict:
    """Replay the pairing rules of :mod:`engine.preferences` and count what each rule removes."""
    from collections import defaultdict

    from engine.preferences import _proposals, near_identical

    groups: dict[str, list] = defaultdict(list)
    for c in cands:
        groups[c.group].append(c)
    counts = {"sources": len(groups), "sources_without_passing_candidate": 0, "proposals": 0, "zero_or_tie": 0,
              "below_margin": 0, "duplicate_text": 0, "near_identical": 0, "kept": 0}
    margins = []
    for group in groups.values():
        if not any(c.passes_checks for c in group):
            counts["sources_without_passing_candidate"] += 1
        seen = set()
        for chosen, rejected in _proposals(group, pairing):
            counts["proposals"] += 1
            margin = chosen.quality - rejected.quality
            if margin <= 0 or chosen.cand_id == rejected.cand_id:
                counts["zero_or_tie"] += 1
                continue
            margins.append(margin)
            if margin < min_margin:
                counts["below_margin"] += 1
                continue
            if (chosen.text, rejected.text) in seen:
                counts["duplicate_text"] += 1
                continue
            if near_identical(chosen.text, rejected.text, near_chrf):
                counts["near_identical"] += 1
                continue
            seen.add((chosen.text, rejected.text))
            counts["kept"] += 1
    if margins:
        s = sorted(margins)
        counts["positive_margin_quantiles"] = {f"p{q}": round(s[min(len(s) - 1, int(q / 100 * len(s)))], 3)
                                               for q in (10, 25, 50, 75, 90)}
    return counts


def stage_score(studio, state: dict) -> dict:
    from engine.jobs.score import ScoreConfig
    from engine.preferences import PairingConfig, build_pairs

    out: dict[str, Any] = {"bar": PAIR_BAR}
    default = score(studio, state["generate_run"])
    out["default"] = default
    state["score_run_default"] = default["run"]["run_id"]
    state["score_run"] = default["run"]["run_id"]
    state["score_settings"] = {}
    log(f"score defaults: {default['pairs']} pairs ({default['train_pairs']} train / {default['valid_pairs']} valid)")
    d = ScoreConfig()
    cands = scored_candidates(studio, default["run"]["run_id"])
    out["quality"] = {"candidates": len(cands), "passing_checks": sum(c.passes_checks for c in cands),
                      "distinct_quality_values": len({round(c.quality, 6) for c in cands})}
    out["diagnosis_default"] = diagnose_pairs(cands, d.pairing, d.min_margin, d.near_identical_chrf)
    # what each alternative setting would give, through the engine's own build_pairs on the job's scores
    what_if = []
    for pairing, margin in [(d.pairing, d.min_margin), *PAIRING_CANDIDATES]:
        t0 = time.perf_counter()
        n = len(build_pairs(cands, PairingConfig(strategy=pairing, min_margin=margin,
                                                 near_identical_chrf=d.near_identical_chrf,
                                                 valid_fraction=d.valid_fraction, seed=d.seed)))
        what_if.append({"pairing": pairing, "min_margin": margin, "pairs": n, "s": round(time.perf_counter() - t0, 2)})
    out["what_if"] = what_if
    log("what-if: " + ", ".join(f"{w['pairing']}@{w['min_margin']}={w['pairs']}" for w in what_if))
    if default["pairs"] < PAIR_BAR:
        pick = next((w for w in what_if[1:] if w["pairs"] >= PAIR_BAR), None)
        if pick is None:
            out["rerun"] = None
            out["rerun_note"] = "no setting tried reaches the bar"
        else:
            settings = {"pairing": pick["pairing"], "min_margin": pick["min_margin"]}
            out["diagnosis_rerun_setting"] = diagnose_pairs(cands, pick["pairing"], pick["min_margin"],
                                                            d.near_identical_chrf)
            rerun = score(studio, state["generate_run"], **settings)
            out["rerun"] = rerun
            state["score_run"] = rerun["run"]["run_id"]
            state["score_settings"] = settings
            log(f"score {settings}: {rerun['pairs']} pairs ({rerun['train_pairs']} train / "
                f"{rerun['valid_pairs']} valid)")
    out["pairs_used_downstream"] = {"score_run": state["score_run"], "settings": state["score_settings"] or "defaults"}
    return out


def rm_accuracy(model_path: str, rows: list[dict]) -> dict:
    """Score chosen and rejected of each pair with ``RewardScorer`` and count the wins."""
    from engine.reward.scoring import RewardScorer

    scorer = RewardScorer(model_path)
    t0 = time.perf_counter()
    sources, pairs = [r["source"] for r in rows], [r["pair"] for r in rows]
    chosen = scorer.score(sources, [r["chosen"] for r in rows], pairs)
    rejected = scorer.score(sources, [r["rejected"] for r in rows], pairs)
    wins = sum(c > j for c, j in zip(chosen, rejected, strict=True))
    ties = sum(c == j for c, j in zip(chosen, rejected, strict=True))
    longer = sum(len(r["chosen"]) > len(r["rejected"]) for r in rows)
    return {"pairs": len(rows), "accuracy": round(wins / len(rows), 4) if rows else None, "ties": ties,
            "mean_reward_gap": _r(_mean([c - j for c, j in zip(chosen, rejected, strict=True)])),
            "baseline_chosen_is_longer": round(longer / len(rows), 4) if rows else None,
            "scoring_s": round(time.perf_counter() - t0, 1)}


def stage_reward(studio, state: dict) -> dict:
    from engine.jobs.reward import RewardConfig

    config = RewardConfig(base_model=state["sft"], pair_sets=[state["score_run"]], **RM_SETTINGS)
    run = run_job(studio, "reward", config)
    require(run, "reward")
    model = model_of_run(studio, run["run_id"])
    state["rm"] = model["name"]
    meta = model["metadata"]
    m = series(studio, run["run_id"])
    out = {"settings": RM_SETTINGS, "pair_set": state["score_run"], "run": run, "model": model["name"],
           "valid_accuracy": _r(meta.get("valid_accuracy")), "meets_bar": (meta.get("valid_accuracy") or 0) > RM_BAR,
           "bar": RM_BAR, "train_pairs": meta.get("train_pairs"), "valid_pairs": meta.get("valid_pairs"),
           "steps": meta.get("steps"), "parameters": meta.get("parameters"),
           "eval_accuracy_curve": [(s, _r(v)) for s, v in m.get("eval_accuracy", [])],
           "train_loss_last": _r(m["loss"][-1][1]) if m.get("loss") else None,
           "s_per_step": round(run["wall_s"] / meta["steps"], 3) if meta.get("steps") else None}
    # the same validation pairs re-scored through RewardScorer (the path pages and the flores check use)
    valid = studio.store.preferences.pairs(run_ids=[state["score_run"]], split="valid", limit=100000)
    out["valid_rescored_with_RewardScorer"] = rm_accuracy(model["path"], valid)
    log(f"reward: valid accuracy {out['valid_accuracy']} (RewardScorer: "
        f"{out['valid_rescored_with_RewardScorer']['accuracy']})")
    return out


def stage_flores(studio, state: dict) -> dict:
    from engine.corpora import PrepareOptions

    out: dict[str, Any] = {"file": str(FLORES_DEV)}
    existing = studio.store.corpora.by_name(FLORES_CORPUS)
    if existing:
        cid = existing["id"]
    else:
        t0 = time.perf_counter()
        cid, prepared = studio.add_corpus(FLORES_CORPUS, FLORES_DEV.read_bytes(), PrepareOptions(
            format="tsv", pair="en-ar", skip_invalid_rows=True, valid_fraction=0.0, test_fraction=0.0),
            filename=FLORES_DEV.name)
        out["add_corpus"] = {"s": round(time.perf_counter() - t0, 2), "rows_stored": prepared.n_rows,
                             "rows_rejected": len(prepared.errors),
                             "rejections": [str(e) for e in prepared.errors[:10]]}
    state["flores_corpus"] = cid
    out["generate"] = generate(studio, state["sft"], [cid], sample_size=300)
    out["score"] = score(studio, out["generate"]["run"]["run_id"], **state.get("score_settings", {}))
    rid = out["score"]["run"]["run_id"]
    pairs = studio.store.preferences.pairs(run_ids=[rid], limit=100000)
    rm = studio.store.models.get(state["rm"])
    out["rm"] = state["rm"]
    out["rm_on_flores_pairs"] = rm_accuracy(rm["path"], pairs)
    log(f"flores: {len(pairs)} pairs, RM accuracy {out['rm_on_flores_pairs']['accuracy']}")
    return out


def ppo_metrics(studio, run_id: str, kl_target: float) -> dict:
    m = series(studio, run_id)
    reward = [v for _, v in m.get("reward_mean", [])]
    kl = [v for _, v in m.get("kl", [])]
    chrf = m.get("heldout_chrf", [])
    times = [r["time"] for r in studio.store.runs.metrics(run_id, keys=("kl",))]
    per_step = ((times[-1] - times[0]).total_seconds() / (len(times) - 1)) if len(times) > 1 else None
    alarms = [r["message"] for r in studio.store.runs.logs(run_id, tail=100000) if r["message"].startswith("ALARM")]
    first10, last10 = _mean(reward[:10]), _mean(reward[-10:])
    final_kl = _mean(kl[-10:])
    lengths = dict(m.get("response_length", []))
    per_token = [v / max(1.0, lengths[step]) for step, v in m.get("kl", []) if lengths.get(step)]
    final_kl_per_token = _mean(per_token[-10:])
    return {"final_kl_per_token_last10": _r(final_kl_per_token),
            "kl_per_token_below_target": bool(final_kl_per_token is not None and final_kl_per_token < kl_target),
            "steps_logged": len(reward), "reward_mean_first10": _r(first10), "reward_mean_last10": _r(last10),
            "reward_rises": bool(first10 is not None and last10 is not None and last10 > first10),
            "shaped_reward_first10": _r(_mean([v for _, v in m.get("shaped_reward_mean", [])][:10])),
            "shaped_reward_last10": _r(_mean([v for _, v in m.get("shaped_reward_mean", [])][-10:])),
            "final_kl_mean_last10": _r(final_kl), "max_kl": _r(max(kl)) if kl else None,
            "kl_below_target": bool(final_kl is not None and final_kl < kl_target),
            "heldout_chrf": [(s, _r(v, 2)) for s, v in chrf],
            "heldout_chrf_step0": _r(chrf[0][1], 2) if chrf else None,
            "heldout_chrf_end": _r(chrf[-1][1], 2) if chrf else None,
            "heldout_reward": [(s, _r(v)) for s, v in m.get("heldout_reward", [])],
            "degenerate_share_last10": _r(_mean([v for _, v in m.get("degenerate_share", [])][-10:])),
            "response_length_first10": _r(_mean([v for _, v in m.get("response_length", [])][:10]), 2),
            "response_length_last10": _r(_mean([v for _, v in m.get("response_length", [])][-10:]), 2),
            "alarms": alarms, "s_per_step_from_metric_times": _r(per_step, 2),
            "reward_curve_every10": [(i + 1, _r(_mean(reward[i:i + 10]))) for i in range(0, len(reward), 10)],
            "kl_curve_every10": [(i + 1, _r(_mean(kl[i:i + 10]))) for i in range(0, len(kl), 10)]}


def next_ppo_setting(attempts: list[dict], demo: dict) -> tuple[dict, str] | None:
    """At most two more settings, chosen from what the previous attempts showed."""
    if len(attempts) >= 3:
        return None
    last = attempts[-1]
    mets = last.get("metrics") or {}
    kl_ok, rises = mets.get("kl_below_target"), mets.get("reward_rises")
    if last["run"]["status"] != "succeeded" and not mets:
        return None
    if kl_ok and rises:
        return None
    lr, kl_coef = last["settings"]["learning_rate"], last["settings"]["kl_coef"]
    if not kl_ok:
        tried_lower = any(a["settings"]["learning_rate"] < lr for a in attempts[:-1])
        if lr > 3e-5 and not tried_lower:
            return {**demo, "learning_rate": 3e-5, "kl_coef": kl_coef}, \
                f"final KL {mets.get('final_kl_mean_last10')} >= {KL_TARGET}: lower the learning rate to 3e-5"
        return {**demo, "learning_rate": lr, "kl_coef": 0.2}, \
            f"final KL {mets.get('final_kl_mean_last10')} >= {KL_TARGET} at lr {lr:g}: raise kl_coef to 0.2"
    # KL fine but the reward did not rise: larger steps
    if lr < 3e-4:
        return {**demo, "learning_rate": 3e-4, "kl_coef": kl_coef}, \
            "reward did not rise with KL under target: raise the learning rate to 3e-4"
    return {**demo, "learning_rate": lr, "kl_coef": 0.05}, \
        "reward did not rise at lr 3e-4: lower kl_coef to 0.05"


def _demo_ppo() -> dict:
    """``DEMO_PPO`` from pages/ppo.py, read from the page's source (importing the page would run Streamlit)."""
    import ast

    source = (Path(__file__).resolve().parents[1] / "pages" / "ppo.py").read_text()
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "DEMO_PPO" for t in node.targets):
            return ast.literal_eval(node.value)
    raise LookupError("DEMO_PPO not found in pages/ppo.py")


def stage_ppo(studio, state: dict) -> dict:
    from engine.jobs.ppo import PPOJobConfig

    demo = _demo_ppo()
    defaults = PPOJobConfig()
    out: dict[str, Any] = {"page_preset_DEMO_PPO": demo, "kl_target": defaults.kl_target,
                           "other_defaults": {k: getattr(defaults, k) for k in (
                               "batch_size", "mini_batch_size", "ppo_epochs", "temperature", "cliprange",
                               "heldout_size", "missing_eos_penalty")}}
    attempts: list[dict] = []
    setting, reason = dict(demo), "the page's 'Small demo model' preset"
    while setting is not None:
        config = PPOJobConfig(policy=state["sft"], reward_model=state["rm"], corpus_ids=list(state["demo_corpora"]),
                              **setting)
        attempt: dict[str, Any] = {"attempt": len(attempts) + 1, "why": reason, "settings": setting}
        attempts.append(attempt)
        run = run_job(studio, "ppo", config, title=f"PPO attempt {attempt['attempt']}")
        attempt["run"] = run
        try:
            attempt["metrics"] = ppo_metrics(studio, run["run_id"], config.kl_target)
        except Exception:  # noqa: BLE001
            attempt["metrics_error"] = traceback.format_exc()
        model = model_of_run(studio, run["run_id"])
        if model:
            attempt["model"] = model["name"]
            attempt["summary"] = {k: _r(v) for k, v in model["metadata"].items()}
            state.setdefault("ppo_models", [])
            if model["name"] not in state["ppo_models"]:
                state["ppo_models"].append(model["name"])
        mets = attempt.get("metrics") or {}
        if mets.get("steps_logged"):
            attempt["s_per_step_wall"] = round(run["wall_s"] / mets["steps_logged"], 2)
        log(f"ppo attempt {attempt['attempt']}: {run['status']}, reward {mets.get('reward_mean_first10')} -> "
            f"{mets.get('reward_mean_last10')}, KL {mets.get('final_kl_mean_last10')}, chrF "
            f"{mets.get('heldout_chrf_step0')} -> {mets.get('heldout_chrf_end')}, alarms {len(mets.get('alarms', []))}")
        nxt = next_ppo_setting(attempts, demo)
        setting, reason = nxt if nxt else (None, None)
    out["attempts"] = attempts
    ok = [a for a in attempts if (a.get("metrics") or {}).get("reward_rises")
          and (a.get("metrics") or {}).get("kl_below_target") and a.get("model")]
    chosen = ok[0] if ok else next((a for a in attempts if a.get("model")), None)
    out["cold_start_model"] = chosen["model"] if chosen else None
    out["cold_start_attempt"] = chosen["attempt"] if chosen else None
    out["criteria_met_by_attempts"] = [a["attempt"] for a in ok]
    state["cold_start"] = out["cold_start_model"]
    return out


def translate_eval(model_path: str, fmt: str, sets: dict[str, list[dict]]) -> dict:
    import sacrebleu

    from engine.demo_model import greedy_translate
    from engine.models import load_causal_lm, load_tokenizer

    tokenizer, model = load_tokenizer(model_path), load_causal_lm(model_path)
    out = {}
    for name, rows in sets.items():
        t0 = time.perf_counter()
        hyps = greedy_translate(model, tokenizer, [r["source"] for r in rows], [r["pair"] for r in rows],
                                prompt_format=fmt)
        refs = [[r["target"] for r in rows]]
        res = {"n": len(rows), "chrf": round(sacrebleu.corpus_chrf(hyps, refs).score, 2),
               "bleu": round(sacrebleu.corpus_bleu(hyps, refs).score, 2), "s": round(time.perf_counter() - t0, 1),
               "empty_outputs": sum(not h for h in hyps), "samples": [
                   {"source": r["source"], "reference": r["target"], "output": h}
                   for r, h in list(zip(rows, hyps, strict=True))[:3]]}
        pairs = sorted({r["pair"] for r in rows})
        if len(pairs) > 1:
            for p in pairs:
                sub = [(r, h) for r, h in zip(rows, hyps, strict=True) if r["pair"] == p]
                res[p] = {"n": len(sub), "chrf": round(sacrebleu.corpus_chrf([h for _, h in sub],
                                                                             [[r["target"] for r, _ in sub]]).score, 2),
                          "bleu": round(sacrebleu.corpus_bleu([h for _, h in sub],
                                                              [[r["target"] for r, _ in sub]]).score, 2)}
        out[name] = res
        log(f"  {name}: chrF {res['chrf']} BLEU {res['bleu']} ({res['n']} lines, {res['s']} s)")
    return out


def stage_compare(studio, state: dict) -> dict:
    import pyarrow.parquet as pq

    from engine.registry import resolve_model

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "test.parquet"
        studio.store.corpora.export(list(state["demo_corpora"]), ("test",), path)
        test = [{"source": r["source"], "target": r["target"], "pair": r["pair"]}
                for r in pq.read_table(path).to_pylist()]
    flores = []
    for line in FLORES_DEV.read_text(encoding="utf-8").splitlines()[:200]:
        src, tgt = line.split("\t")[:2]
        flores.append({"source": src.strip(), "target": tgt.strip(), "pair": "en-ar"})
    sets = {"demo_test": test, "flores_dev_first200": flores}
    out: dict[str, Any] = {"sets": {k: len(v) for k, v in sets.items()}, "models": {}}
    for name in [state["sft"], *state.get("ppo_models", [])]:
        ref = resolve_model(studio.store, name)
        log(f"compare: {name}")
        out["models"][name] = translate_eval(ref.path, ref.prompt_format, sets)
    cold = state.get("cold_start")
    if cold and cold in out["models"]:
        sft = out["models"][state["sft"]]
        out["cold_start_minus_sft"] = {
            k: {"chrf": round(out["models"][cold][k]["chrf"] - sft[k]["chrf"], 2),
                "bleu": round(out["models"][cold][k]["bleu"] - sft[k]["bleu"], 2)} for k in sets}
    return out


def stage_ppo_kl(studio, state: dict) -> dict:
    from engine.jobs.ppo import PPOJobConfig

    demo = _demo_ppo()
    out: dict[str, Any] = {"kl_target_per_token": KL_TARGET, "attempts": []}
    for kl_coef in KL_SWEEP:
        name = f"demo-ppo-kl{kl_coef}"
        setting = {**demo, "learning_rate": 3e-5, "kl_coef": kl_coef}
        existing = studio.store.models.get(name)
        if existing:
            run = {"run_id": existing["run_id"], "status": "succeeded", "reused": True}
        else:
            config = PPOJobConfig(policy=state["sft"], reward_model=state["rm"],
                                  corpus_ids=list(state["demo_corpora"]), model_name=name, **setting)
            run = run_job(studio, "ppo", config, title=f"PPO kl_coef {kl_coef}")
        attempt = {"kl_coef": kl_coef, "settings": setting, "run": run, "model": name,
                   "metrics": ppo_metrics(studio, run["run_id"], KL_TARGET)}
        out["attempts"].append(attempt)
        mets = attempt["metrics"]
        log(f"ppo kl_coef {kl_coef}: reward {mets['reward_mean_first10']} -> {mets['reward_mean_last10']}, KL "
            f"{mets['final_kl_mean_last10']} ({mets['final_kl_per_token_last10']} per token), chrF "
            f"{mets['heldout_chrf_step0']} -> {mets['heldout_chrf_end']}")
        if name not in state.setdefault("ppo_models", []):
            state["ppo_models"].append(name)
    ok = [a for a in out["attempts"] if a["metrics"]["reward_rises"] and a["metrics"]["kl_per_token_below_target"]]
    out["criteria_met_by"] = [a["kl_coef"] for a in ok]
    if ok:
        state["cold_start"] = ok[0]["model"]
    out["cold_start_model"] = state.get("cold_start")
    return out


def simulate_feedback(studio, state: dict, n: int) -> dict:
    """Judgements by three simulated linguists over the generate run's candidates (see the module docstring)."""
    from engine.feedback.interactive import RankedCandidate, Translation, record
    from engine.feedback.judgements import Judgement, JudgementError, new_submission_id, submit

    total = studio.store.preferences.count_sources(state["generate_run"])  # both ends: EN→AR and FR→AR sources
    sources = [*studio.store.preferences.scored_sources(state["generate_run"], state["score_run"], limit=n // 2),
               *studio.store.preferences.scored_sources(state["generate_run"], state["score_run"], limit=n - n // 2,
                                                        offset=max(0, total - (n - n // 2)))]
    made = {"ranking": 0, "best": 0, "post_edit": 0, "skipped": 0}
    pairs_of = {c["id"]: c["pair"] for c in studio.store.corpora.list()}
    for i, src in enumerate(sources):
        seen, shown = set(), []
        for c in src["candidates"]:
            text = (c["text"] or "").strip()
            if text and text not in seen and "chrf" in c["scores"]:
                seen.add(text)
                shown.append((text, c["scores"]["chrf"], c["strategy"]))
        shown = shown[:4]
        if len(shown) < 2:
            made["skipped"] += 1
            continue
        pair = pairs_of[int(str(src["group_key"]).split(":")[0])]
        cands = [RankedCandidate(t, None, strategy, [strategy], 1) for t, _, strategy in shown]
        translation = Translation(source=src["source"], pair=pair, model=state["sft"], rm=state["rm"],
                                  strategies=sorted({s for _, _, s in shown}), settings={"simulated": True},
                                  candidates=cands, generate_s=0.0, score_s=0.0)
        request_id = record(studio.store, translation, linguist=None)
        by_chrf = sorted(range(len(shown)), key=lambda k: -shown[k][1])
        kind = ("ranking", "best", "post_edit")[i % 3]
        linguist = {"ranking": "sim-ranker", "best": "sim-picker", "post_edit": "sim-posteditor"}[kind]
        judgement = Judgement(new_submission_id(), request_id, linguist, kind, shown=list(range(len(shown))),
                              ranking=by_chrf if kind == "ranking" else None,
                              best=by_chrf[0] if kind == "best" else None,
                              correction=src["reference"] if kind == "post_edit" else None)
        try:
            submit(studio.store, judgement)
            made[kind] += 1
        except JudgementError:
            made["skipped"] += 1
    return made


def stage_phase3(studio, state: dict) -> dict:
    from engine.pipelines.templates import Phase3Config, start_template

    out: dict[str, Any] = {"simulated": True}
    if studio.store.feedback.volume()["judgements"] == 0:
        out["judgements"] = simulate_feedback(studio, state, SIMULATED_JUDGEMENTS)
    out["volume"] = studio.store.feedback.volume()
    cold = state.get("cold_start")
    config = Phase3Config(
        policy=cold, reward_model=state["rm"], replay_pair_sets=[state["score_run"]], replay_ratio=1.0,
        corpus_ids=list(state["demo_corpora"]), rm_epochs=1.0, ppo_steps=PHASE3_PPO_STEPS, ppo_learning_rate=3e-5,
        kl_coef=1.0, model_name="demo-final",
        reward_settings={"learning_rate": 1e-4, "batch_size": 16, "eval_every": 50, "save_every": 500},
        ppo_settings={"eval_every": 25, "save_every": 50, "response_length": 32})
    t0 = time.perf_counter()
    pipeline_id = start_template(studio.pipelines, studio.store, "phase3", config, name="Phase 3 (simulated)")
    deadline = time.monotonic() + sum(TIMEOUTS.values())
    while time.monotonic() < deadline:
        studio.tick()
        pipeline = studio.store.pipelines.get(pipeline_id)
        if pipeline["status"] != "running":
            break
        time.sleep(2)
    out["pipeline"] = {"id": pipeline_id, "status": pipeline["status"], "error": pipeline["error"],
                       "wall_s": round(time.perf_counter() - t0, 1),
                       "steps": [{"name": s["name"], "status": s["status"], "run_id": s["run_id"],
                                  "run_wall_s": _run_wall(studio, s["run_id"])} for s in pipeline["steps"]]}
    pairs_run, rm_run, ppo_run = (s["run_id"] for s in pipeline["steps"])
    if pairs_run:
        out["pairs"] = json.loads((studio.workspace.run_dir(pairs_run) / "outputs" / "summary.json").read_text())
    rm_models = studio.store.models.by_run(rm_run) if rm_run else []
    if rm_models:
        meta = rm_models[0]["metadata"]
        out["reward_model"] = {k: meta.get(k) for k in (
            "base_accuracy", "valid_accuracy_human", "valid_accuracy_synthetic", "valid_pairs_human",
            "valid_pairs_synthetic", "human_train_pairs", "replayed_pairs", "steps")}
        out["reward_model"]["name"] = rm_models[0]["name"]
        out["reward_model"]["human_bar_0.80_met"] = (meta.get("valid_accuracy_human") or 0) > 0.80
    state["human_pairs"] = pairs_run
    if ppo_run and studio.store.models.by_run(ppo_run):
        out["ppo"] = ppo_metrics(studio, ppo_run, KL_TARGET)
        state["final"] = studio.store.models.by_run(ppo_run)[0]["name"]
        if state["final"] not in state.setdefault("ppo_models", []):
            state["ppo_models"].append(state["final"])
        out["compare"] = stage_compare(studio, state)
    return out


def stage_rm_sweep(studio, state: dict) -> dict:
    from engine.jobs.reward_finetune import RewardFinetuneConfig

    if not state.get("human_pairs"):
        state["human_pairs"] = studio.store.preferences.pair_sets(origin="human")[0]["run_id"]
    out: dict[str, Any] = {"human_pairs": state["human_pairs"], "base": state["rm"], "fine_tunes": []}
    for lr, epochs, ratio in RM_SWEEP:
        config = RewardFinetuneConfig(base_model=state["rm"], pair_sets=[state["human_pairs"]],
                                      replay_pair_sets=[state["score_run"]], replay_ratio=ratio, learning_rate=lr,
                                      epochs=epochs, batch_size=16, eval_every=50, save_every=500)
        run = run_job(studio, "reward_finetune", config, title=f"RM fine-tune lr {lr:g} x{epochs:g} replay {ratio:g}")
        models = studio.store.models.by_run(run["run_id"])
        meta = models[0]["metadata"] if models else {}
        row = {"learning_rate": lr, "epochs": epochs, "replay_ratio": ratio, "run": run,
               "human_before": _r(meta.get("base_accuracy", {}).get("human")),
               "human_after": _r(meta.get("valid_accuracy_human")),
               "synthetic_before": _r(meta.get("base_accuracy", {}).get("synthetic")),
               "synthetic_after": _r(meta.get("valid_accuracy_synthetic")),
               "train_pairs": meta.get("train_pairs")}
        out["fine_tunes"].append(row)
        log(f"rm fine-tune lr {lr:g} x{epochs:g} replay {ratio:g}: human {row['human_before']} -> "
            f"{row['human_after']}, synthetic {row['synthetic_before']} -> {row['synthetic_after']}")
    return out


def _run_wall(studio, run_id: str | None) -> float | None:
    run = studio.store.runs.get(run_id) if run_id else None
    if not run or not run["finished_at"] or not run["launched_at"]:
        return None
    return round((run["finished_at"] - run["launched_at"]).total_seconds(), 1)


STAGE_FUNCS = {"setup": stage_setup, "generate": stage_generate, "score": stage_score, "reward": stage_reward,
               "flores": stage_flores, "ppo": stage_ppo, "compare": stage_compare, "ppo_kl": stage_ppo_kl,
               "phase3": stage_phase3, "rm_sweep": stage_rm_sweep}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workspace", help="workspace folder (default: a new folder under /tmp, kept)")
    parser.add_argument("--steps", nargs="+", default=None,
                        help=f"stages to run, space- or comma-separated, in order: {' '.join(STAGES)} (default: all)")
    args = parser.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    steps = [s for part in (args.steps or STAGES) for s in part.split(",") if s]
    unknown = [s for s in steps if s not in STAGES]
    if unknown:
        parser.error(f"unknown stage(s) {unknown}; known: {STAGES}")
    steps = [s for s in STAGES if s in steps]
    root = Path(args.workspace).resolve() if args.workspace else Path(tempfile.mkdtemp(prefix="tarjama-demo-",
                                                                                       dir="/tmp"))
    from engine.studio import Studio
    from engine.workspace import Workspace

    state_file = root / STATE_FILE
    state = json.loads(state_file.read_text()) if state_file.exists() else {}
    previous = RESULTS / f"{NAME}.json"
    results: dict[str, Any] = {}
    if previous.exists() and set(steps) != set(STAGES):
        old = json.loads(previous.read_text())
        if old.get("workspace") == str(root):
            results = {k: v for k, v in old.items() if k not in ("benchmark", "when_utc", "machine")}
    results.update(workspace=str(root), torch_threads_per_job="one per core (jobs call torch.set_num_threads)")
    results.setdefault("stages", {})
    results.setdefault("load_avg", {})
    log(f"workspace {root}; stages {steps}")
    studio = Studio.open(Workspace(root))
    t_all = time.perf_counter()
    for stage in steps:
        log(f"=== {stage} ===")
        results["load_avg"][f"{stage}_start"] = [round(x, 2) for x in os.getloadavg()]
        t0 = time.perf_counter()
        try:
            out = STAGE_FUNCS[stage](studio, state)
            out["stage_wall_s"] = round(time.perf_counter() - t0, 1)
            out["ok"] = True
        except Exception as exc:  # noqa: BLE001 — a failed stage is recorded, the next ones still run when possible
            tb = traceback.format_exc()
            log(f"{stage} FAILED: {exc}\n{tb}")
            out = {"ok": False, "error": f"{type(exc).__name__}: {exc}", "traceback": tb,
                   "stage_wall_s": round(time.perf_counter() - t0, 1)}
        results["stages"][stage] = out
        results["load_avg"][f"{stage}_end"] = [round(x, 2) for x in os.getloadavg()]
        state_file.write_text(json.dumps(state, indent=2))
        results["state"] = state
        results["total_wall_s_this_invocation"] = round(time.perf_counter() - t_all, 1)
        path = write_results(NAME, results)
    log(f"done in {time.perf_counter() - t_all:.0f} s; results: {path}; workspace kept: {root}")


if __name__ == "__main__":
    main()

