"""The ``score`` job: score a generate run's candidates with the metric registry, fuse, and draw pairs.

Every metric score is written per candidate and metric; the fused quality and the output checks join them;
pairs follow the pairing rules of :mod:`engine.preferences.pairing`. The studio loads scores and pairs into its
store when the run ends.
"""

from __future__ import annotations

import contextlib
import json
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from engine.glossary.files import GLOSSARY_INPUT
from engine.jobs.config import SEED_MAX, setting, setting_words
from engine.jobs.context import JobContext
from engine.jobs.kinds import JobKind
from engine.wording import counted, decimals

PAIR_SCHEMA = pa.schema([
    ("group_key", pa.string()), ("pair", pa.string()), ("source", pa.string()), ("prompt", pa.string()),
    ("chosen", pa.string()), ("rejected", pa.string()), ("margin", pa.float64()), ("chosen_quality", pa.float64()),
    ("rejected_quality", pa.float64()), ("chosen_cand", pa.int32()), ("rejected_cand", pa.int32()),
    ("split", pa.string()), ("strategy", pa.string()), ("scores", pa.string()),
])


def _mean(values: list[float]) -> float:
    """Mean over the defined values (terminology is NaN where no term applies); 0.0 when none is."""
    defined = [v for v in values if v == v]
    return sum(defined) / len(defined) if defined else 0.0


@dataclass
class ScoreConfig:
    """Settings of a score run."""

    generate_run: str = setting("", "The generate run whose candidates are scored.")
    weights: dict[str, float] = setting({"comet": 0.5, "bertscore": 0.3, "chrf": 0.2},
                                        "Metric weights of the fused quality (re-normalised over the metrics that can "
                                        "run). Metrics: chrf, bleu, ter, bertscore, comet, comet_qe, mbr_chrf, "
                                        "terminology (with glossaries).")
    reference_free: bool = setting(False, "Ignore references (for corpora without them): only reference-free "
                                          "metrics (comet_qe, mbr_chrf) can be used.")
    extra_metrics: list = setting(["chrf", "bleu", "ter", "mbr_chrf"],
                                  "Metrics scored and stored for inspection even without a weight.")
    bertscore_model: str = setting("", "BERTScore encoder: a local folder or hub id (empty: BERTScore not used).")
    bertscore_num_layers: int = setting(0, "Encoder layer BERTScore reads (0 = the last).", min=0, advanced=True)
    comet_model: str = setting("", "COMET with reference: checkpoint file/folder or hub id (empty: not used).")
    comet_qe_model: str = setting("", "Reference-free COMET-QE / CometKiwi: checkpoint or hub id (empty: not used).")
    arabic_normalise: bool = setting(True, "Normalise Arabic (tashkeel, tatweel, alef/ya) before string metrics.")
    workers: int = setting(2, "Processes for string metrics on big batches.", min=1, max=64, advanced=True)
    pairing: str = setting("best_vs_each", "best_vs_worst: one pair per source; best_vs_each: the best against "
                                           "every other; all_above_margin: every ordered pair above the margin.",
                           choices=("best_vs_worst", "best_vs_each", "all_above_margin"))
    min_margin: float = setting(0.15, "Smallest fused-quality gap (0–1) for a pair.", min=0.0, max=1.0)
    near_identical_chrf: float = setting(90.0, "Candidates whose mutual chrF reaches this are near-identical: "
                                               "no pair.", min=0.0, max=100.0, advanced=True)
    valid_fraction: float = setting(0.1, "Share of sources whose pairs form the validation split.", min=0.0,
                                    max=0.9)
    min_arabic_share: float = setting(0.5, "Output check: least share of Arabic-script letters.", min=0.0, max=1.0,
                                      advanced=True)
    seed: int = setting(0, "Seed of the validation draw.", min=0, max=SEED_MAX, advanced=True)
    glossaries: list = setting([], "Glossaries switched on for this run (Data page → Glossaries): every candidate "
                                   "gets the terminology score, usable as a weight (\"terminology\"), and a "
                                   "candidate that keeps fewer terms is never chosen over one that keeps more.",
                               label="Glossaries")

    def metric_settings(self, glossary_file: str = ""):
        """The :class:`engine.metrics.MetricSettings` these settings describe (``glossary_file``: the run's
        exported glossary; before the run exists, a placeholder when glossaries are chosen)."""
        from engine.metrics import MetricSettings

        if not glossary_file and self.glossaries:
            glossary_file = GLOSSARY_INPUT
        return MetricSettings(bertscore_model=self.bertscore_model,
                              bertscore_num_layers=self.bertscore_num_layers or None, comet_model=self.comet_model,
                              comet_qe_model=self.comet_qe_model, arabic_normalise=self.arabic_normalise,
                              workers=self.workers, glossary_file=glossary_file)


def fusion_plan(config: ScoreConfig):
    """Which metrics the fused quality will use, given the configured models (raises FusionError if none)."""
    from engine.metrics import available_metrics
    from engine.preferences.fusion import plan_fusion

    availability = available_metrics(config.metric_settings(), has_references=not config.reference_free)
    return plan_fusion(config.weights, availability)


def run_fusion_description(run_dir: Path, config: ScoreConfig) -> str:
    """How a score run fuses its metrics, in words: what it used (``outputs/fusion.json``) once it has scored, else
    the plan it will use with the models of the moment — or why none can run (a metric model deleted since: the
    plan was recomputed from today's models, and the page stopped on the error)."""
    from engine.preferences.fusion import FusionError

    with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
        return str(json.loads((run_dir / "outputs" / "fusion.json").read_text(encoding="utf-8"))["description"])
    try:
        return fusion_plan(config).describe()
    except FusionError as exc:
        return f"No fusion plan can be made with the metric models of the moment: {exc}"


def check(config: ScoreConfig) -> None:
    """The weights name known metrics and at least one can run; the extra metrics are known."""
    from engine.metrics import available_metrics

    fusion_plan(config)
    known = available_metrics(config.metric_settings())
    unknown = [name for name in config.extra_metrics if name not in known]
    if unknown:  # failed inside the job with a KeyError's traceback
        raise ValueError(f"{setting_words(ScoreConfig, 'extra_metrics')}: unknown metric "
                         f"{', '.join(map(repr, unknown))}; known: "
                         f"{', '.join(sorted(known))}")


def prepare(config: ScoreConfig, store, run_dir: Path) -> None:
    """Export the generate run's candidates into ``inputs/`` (the settings were checked by :func:`check`)."""
    run = store.runs.get(config.generate_run)
    if run is None or run["kind"] != "generate":
        raise ValueError(f"{config.generate_run!r} is not a generate run")
    n = store.preferences.export_candidates(config.generate_run, run_dir / "inputs" / "candidates.parquet")
    if n == 0:
        raise ValueError(f"the generate run {config.generate_run} has no candidates in the store (has it finished?)")
    if not store.preferences.sources_with_choice(config.generate_run):  # refused now, not after every metric ran
        raise ValueError(f"the generate run {config.generate_run}: {_SINGLE_CANDIDATES}")
    if config.glossaries:
        from engine.glossary.export import export_glossaries

        export_glossaries(store, config.glossaries, run_dir / "inputs" / GLOSSARY_INPUT)


def _groups(rows: list[dict]) -> list[str]:
    return [f"{r['corpus_id']}:{r['seg_id']}" for r in rows]


_SINGLE_CANDIDATES = "every source has a single distinct candidate (sample more, or at a higher temperature)"


def _no_pair_reason(candidates: list, config: ScoreConfig) -> str:
    """Why scoring gave no pair, in words: the widest quality gap within one source against the margin asked."""
    by_group: dict[str, list[float]] = {}
    for cand in candidates:
        by_group.setdefault(cand.group, []).append(cand.quality)
    widest = max((max(q) - min(q) for q in by_group.values() if len(q) > 1), default=None)
    if widest is None:
        return f"no pair: {_SINGLE_CANDIDATES}"
    return (f"no pair: the widest fused-quality gap between two candidates of one source is {widest:.3f}, and a "
            f"pair needs at least min_margin {config.min_margin:g} between candidates less alike than chrF "
            f"{config.near_identical_chrf:g} (near_identical_chrf): lower min_margin or raise near_identical_chrf — "
            "the scores are in outputs/scores.parquet")


def run(config: ScoreConfig, ctx: JobContext) -> None:
    """Score, fuse, check, pair; write Parquet outputs and announce them."""
    from engine.metrics import CheckThresholds, get_metric, metric_class, run_checks
    from engine.preferences.fusion import fuse
    from engine.preferences.pairing import PairingConfig, ScoredCandidate, build_pairs

    plan = fusion_plan(config)
    ctx.log(plan.describe())
    rows = pq.read_table(ctx.inputs_dir / "candidates.parquet").to_pylist()
    sources, texts = [r["source"] for r in rows], [r["text"] for r in rows]
    references = None if config.reference_free else [r["reference"] or "" for r in rows]
    groups = _groups(rows)
    settings = config.metric_settings(str(ctx.inputs_dir / GLOSSARY_INPUT) if config.glossaries else "")
    names = list(dict.fromkeys([*plan.weights, *config.extra_metrics, *(["terminology"] if config.glossaries
                                                                          else [])]))
    if config.reference_free:
        names = [n for n in names if not metric_class(n).needs_reference]
    scores: dict[str, list[float]] = {}
    total = len(names) + 2
    for i, name in enumerate(names):
        ctx.raise_if_cancelled()
        metric = get_metric(name, settings)
        status = metric.availability(settings)
        if not status:
            ctx.log(f"{name}: skipped ({status.reason})", level="warning")
            continue
        t0 = time.time()
        ctx.progress(i, total, unit="steps", message=f"scoring {len(rows)} candidates with {name}")
        scores[name] = metric.score(sources, texts, references if metric.needs_reference else None, groups,
                                    pairs=[r["pair"] for r in rows], counts=[r.get("n_samples") or 1 for r in rows])
        rate = len(rows) / max(time.time() - t0, 1e-6)
        ctx.log(f"{name}: mean {decimals(_mean(scores[name]))} ({rate:.0f} candidates/s)")
        ctx.metric(i, **{f"mean_{name}": _mean(scores[name]), f"{name}_per_s": rate})
    ctx.progress(len(names), total, unit="steps", message="checks and fusion")
    directions = {n: metric_class(n).higher_is_better for n in scores}
    quality = fuse(scores, plan, directions)
    checks = run_checks(sources, texts, CheckThresholds(min_arabic_share=config.min_arabic_share))

    long_rows = []
    for j, row in enumerate(rows):
        for name, values in scores.items():
            if values[j] == values[j]:  # an undefined score (NaN: no glossary term applies) is not stored
                long_rows.append((row["cand_id"], name, float(values[j])))
        long_rows.append((row["cand_id"], "quality", float(quality[j])))
        long_rows.append((row["cand_id"], "check_passed", 1.0 if checks[j].passes else 0.0))
        long_rows.append((row["cand_id"], "arabic_share", float(checks[j].arabic_share)))
    cand_ids, metric_names, values = zip(*long_rows, strict=True)
    pq.write_table(pa.table({"cand_id": pa.array(cand_ids, pa.int32()), "metric": metric_names,
                             "value": pa.array(values, pa.float64())}), ctx.output_dir / "scores.parquet")

    ctx.progress(len(names) + 1, total, unit="steps", message="drawing pairs")
    terms = scores.get("terminology")
    candidates = [
        ScoredCandidate(cand_id=r["cand_id"], group=g, source=r["source"], pair=r["pair"], text=r["text"],
                        quality=float(q),
                        passes_checks=c.passes, strategy=r["strategy"],
                        scores={n: round(float(v[j]), 4) for n, v in scores.items() if v[j] == v[j]},
                        terminology=terms[j] if terms is not None and terms[j] == terms[j] else None)
        for j, (r, g, q, c) in enumerate(zip(rows, groups, quality, checks, strict=True))
    ]
    pairing = PairingConfig(strategy=config.pairing, min_margin=config.min_margin,
                            near_identical_chrf=config.near_identical_chrf, valid_fraction=config.valid_fraction,
                            seed=config.seed, arabic_normalise=config.arabic_normalise)
    pairs = build_pairs(candidates, pairing)
    if not pairs:  # the run "succeeded" with nothing, and the reward model after it failed on an empty pair set
        raise ValueError(_no_pair_reason(candidates, config))
    by_id = {r["cand_id"]: r for r in rows}
    pq.write_table(pa.Table.from_pylist([{
        "group_key": p.group, "pair": by_id[p.chosen_id]["pair"], "source": p.source,
        "prompt": by_id[p.chosen_id]["prompt"], "chosen": p.chosen, "rejected": p.rejected, "margin": p.margin,
        "chosen_quality": p.chosen_quality, "rejected_quality": p.rejected_quality, "chosen_cand": p.chosen_id,
        "rejected_cand": p.rejected_id, "split": p.split, "strategy": by_id[p.chosen_id]["strategy"],
        "scores": json.dumps({"chosen": p.chosen_scores, "rejected": p.rejected_scores, "pairing": p.strategy,
                              "chosen_strategy": by_id[p.chosen_id]["strategy"],
                              "rejected_strategy": by_id[p.rejected_id]["strategy"]}, ensure_ascii=False),
    } for p in pairs], schema=PAIR_SCHEMA), ctx.output_dir / "pairs.parquet")
    (ctx.output_dir / "fusion.json").write_text(json.dumps({**asdict(plan), "description": plan.describe()},
                                                           ensure_ascii=False, indent=2))
    n_failed = sum(not c.passes for c in checks)
    n_valid = sum(p.split == "valid" for p in pairs)
    ctx.metric(len(names) + 1, candidates=len(rows), pairs=len(pairs), valid_pairs=n_valid,
               failed_checks=n_failed, mean_margin=(sum(p.margin for p in pairs) / len(pairs)) if pairs else 0.0)
    ctx.artifact("scores", path=str(ctx.output_dir / "scores.parquet"), generate_run=config.generate_run,
                 fusion=asdict(plan))
    ctx.artifact("pairs", path=str(ctx.output_dir / "pairs.parquet"), origin="synthetic",
                 generate_run=config.generate_run)
    ctx.progress(total, total, unit="steps", message=f"{counted(len(pairs), 'pair')} ({n_valid} validation) from "
                 f"{counted(len(set(groups)), 'source')}; {counted(n_failed, 'candidate')} failed the checks")
    ctx.log(f"{counted(len(pairs), 'pair')}, {n_valid} in validation; {n_failed} of "
            f"{counted(len(rows), 'candidate')} failed the checks")


KIND = JobKind(
    name="score", title="Score candidates and draw pairs",
    description="Scores every candidate with the chosen metrics, fuses them into one quality, checks for "
                "hallucination-like output, and keeps (chosen, rejected) pairs above a quality margin.",
    config_cls=ScoreConfig, run=run, prepare=prepare, check=check,
)
