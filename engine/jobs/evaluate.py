"""The ``evaluate`` job: translate a test set with each chosen model version and score every output.

A *system* is one model under one decoding setting (greedy or beam search, optionally best-of-n reranked by a
reward model). Each system's evaluation is cached in the store under a key of model (name, folder, weight
files) × test set (a content hash of its sentences) × decoding settings. ``prepare`` (in the studio) plans
each model: **cached** (nothing to do), **score** (the outputs are cached but some requested metric is not:
only the missing metrics are computed on the cached outputs) or **full** (translate, then score). The job
writes, per system, ``outputs/<key>/outputs.parquet`` (one output per sentence) and ``scores.parquet``
(sentence × metric) and announces an ``evaluation`` artifact that the studio loads into its tables.

Metrics come from :mod:`engine.metrics` (chrF, BLEU, TER, BERTScore, COMET, COMET-QE / CometKiwi — those
whose model is not configured are skipped and said so), plus the reward model's score (``rm``) and the
hallucination checks (``hallucination`` = 1 when any check flags the output, and one ``flag_*`` per check).
A resumed run skips the systems already written.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from engine.characters import MAX_LABEL_CHARS, shortened
from engine.jobs.config import SEED_MAX, config_to_dict, setting, setting_words
from engine.jobs.context import JobContext
from engine.jobs.kinds import JobKind
from engine.jobs.precision import inference_model, precision_setting, resolve_precision
from engine.jobs.threads import use_job_threads
from engine.models.loaded import model_fingerprint
from engine.models.prompting import read_model_card
from engine.models.refs import ModelRef, resolve_model
from engine.models.registry import folder_missing
from engine.wording import decimals

REQUESTABLE_METRICS = ("chrf", "bleu", "ter", "bertscore", "comet", "comet_qe")
"""Metrics of the registry an evaluation can ask for (the reward score and the checks are added on their own)."""
CHECK_FLAGS = ("empty", "low_arabic", "copy_of_source", "repetition", "bad_length")
PLAN_FILE = "plan.json"
TESTSET_FILE = "testset.parquet"
OUTPUT_SCHEMA = pa.schema([("idx", pa.int32()), ("output", pa.string()), ("strategy", pa.string()),
                           ("n_candidates", pa.int32())])
SCORE_SCHEMA = pa.schema([("idx", pa.int32()), ("metric", pa.string()), ("value", pa.float64())])


@dataclass
class EvaluateConfig:
    """Settings of an evaluate run."""

    models: list = setting([], "Registered policy models to evaluate; each becomes a system on the Compare page.",
                           label="Models")
    corpus_ids: list[int] = setting([], "Corpora whose split is the test set (not used when an uploaded test set is "
                                   "chosen).", label="Corpora")
    split: str = setting("test", "Which split of the corpora is the test set.", choices=("test", "valid", "train"))
    testset: str = setting("", "An uploaded test set (its id, from the Compare page); empty: the corpora's split.",
                           label="Uploaded test set")
    sample_size: int = setting(0, "Evaluate a seeded random sample of this many sentences of the split (0 = all).",
                               min=0)
    decoding: str = setting("greedy", "greedy: the most likely token each step; beam: beam search.",
                            choices=("greedy", "beam"))
    num_beams: int = setting(4, "Beams of beam search (used when decoding is beam).", min=2, max=16)
    best_of_n: int = setting(0, "Best-of-n: the decoding's output plus n−1 samples, and the reward model keeps the "
                                "best (0 or 1 = off; needs a reward model).", min=0, max=32, label="Best of n")
    best_of_n_pick: str = setting("reward", "Which best-of-n candidate is kept: the reward model's best, or the "
                                            "MBR pick — the candidate that agrees most (mean chrF) with the other "
                                            "samples of its source; needs no model.",
                                  choices=("reward", "mbr"), label="Best-of-n pick")
    sample_temperature: float = setting(0.8, "Temperature of the extra best-of-n samples.", min=0.05, max=5.0,
                                        advanced=True)
    reward_model: str = setting("", "Reward model: reranks best-of-n candidates and adds its score ('rm') as a "
                                    "metric (empty: none).")
    extra_reward_models: list = setting([], "More reward-model versions scored with it as an ensemble (best-of-n "
                                            "and 'rm' then use their combination).", advanced=True)
    ensemble: str = setting("mean", "How an ensemble's scores combine: mean, min (conservative) or mean − k·std.",
                            choices=("mean", "min", "mean-k*std"), advanced=True)
    ensemble_k: float = setting(1.0, "k of mean − k·std.", min=0.0, max=100.0, advanced=True)
    metrics: list = setting(list(REQUESTABLE_METRICS),
                            "Metrics per sentence: chrf, bleu, ter, bertscore, comet, comet_qe. Model metrics "
                            "whose model is not set below are skipped; the hallucination checks always run.")
    bertscore_model: str = setting("", "BERTScore encoder: a local folder or hub id (empty: BERTScore skipped).",
                                   advanced=True)
    bertscore_num_layers: int = setting(0, "Encoder layer BERTScore reads (0 = the last).", min=0, advanced=True)
    comet_model: str = setting("", "COMET with reference: checkpoint file/folder or hub id (empty: skipped).",
                               advanced=True)
    comet_qe_model: str = setting("", "Reference-free COMET-QE / CometKiwi: checkpoint or hub id (empty: skipped).",
                                  advanced=True)
    arabic_normalise: bool = setting(True, "Normalise Arabic (tashkeel, tatweel, alef/ya) before chrF, BLEU and "
                                           "TER.", advanced=True)
    min_arabic_share: float = setting(0.5, "Hallucination check: least share of Arabic-script letters.", min=0.0,
                                      max=1.0, advanced=True)
    max_new_tokens: int = setting(64, "Longest translation, in tokens.", min=4, max=1024)
    batch_size: int = setting(64, "Sentences per generate() call.", min=1, max=512, advanced=True)
    seed: int = setting(0, "Seed of the sentence sample and of the best-of-n sampling.",
                        min=0, max=SEED_MAX, advanced=True)
    precision: str = precision_setting()

    def metric_settings(self):
        """The :class:`engine.metrics.MetricSettings` these settings describe."""
        from engine.metrics import MetricSettings

        return MetricSettings(bertscore_model=self.bertscore_model,
                              bertscore_num_layers=self.bertscore_num_layers or None, comet_model=self.comet_model,
                              comet_qe_model=self.comet_qe_model, arabic_normalise=self.arabic_normalise)


# --- planning (in the studio: it owns the store) -------------------------------------------------------------

@dataclass
class SystemPlan:
    """What the run does for one model: ``cached``, ``score`` (missing metrics only) or ``full``."""

    model: str
    key: str
    action: str
    missing: dict[str, str]
    ref_file: str = ""
    cached_outputs: str = ""
    unlearnt: dict[str, int] = field(default_factory=dict)
    """Sentences of the test set per language pair the model's card does not list (``tarjama.json``'s ``pairs``):
    an EN→AR-only model evaluated on FR→AR sentences, with nothing said."""


@dataclass
class EvaluationPlan:
    """The test set, the decoding, the metrics and one :class:`SystemPlan` per model."""

    testset_id: str
    testset_name: str
    size: int
    decoding: dict
    decoding_label: str
    metrics: dict[str, str]
    skipped: dict[str, str]
    systems: list[SystemPlan] = field(default_factory=list)

    @property
    def all_cached(self) -> bool:
        """True when every system is already evaluated with every requested metric."""
        return all(s.action == "cached" for s in self.systems)

    def warnings(self) -> list[str]:
        """What the page and the run's log say before the scores: a model evaluated on a language pair it was not
        trained for."""
        return [f"{s.model} was not trained for {pair} (its model card lists the pairs it was): {n} of the test "
                f"set's {self.size} sentences are {pair}, and their scores measure a direction it never learnt"
                for s in self.systems for pair, n in s.unlearnt.items()]

    def describe(self) -> str:
        """One line per system, for the log and the page."""
        words = {"cached": "cached — nothing to do", "score": "outputs cached — scoring {m}",
                 "full": "translate and score"}
        return "\n".join(f"{s.model}: " + words[s.action].format(m=", ".join(s.missing)) for s in self.systems)


def decoding_of(config: EvaluateConfig, reward: ModelRef | None) -> dict:
    """The decoding settings that shape the outputs (part of the cache key)."""
    strategy = "greedy" if config.decoding == "greedy" else f"beam:{int(config.num_beams)}"
    decoding = {"strategy": strategy, "max_new_tokens": int(config.max_new_tokens), "best_of_n": 0}
    if config.best_of_n > 1 and config.best_of_n_pick == "mbr":
        decoding.update(best_of_n=int(config.best_of_n), temperature=float(config.sample_temperature),
                        seed=int(config.seed), pick="mbr")
    elif config.best_of_n > 1:
        decoding.update(best_of_n=int(config.best_of_n), temperature=float(config.sample_temperature),
                        seed=int(config.seed), reward_model=reward.name if reward else "",
                        reward_path=reward.path if reward else "")
    return decoding


def decoding_label(decoding: dict) -> str:
    """A short human name of decoding settings, e.g. ``beam:4 · best-of-8 (tiny-rm) · ≤64 tokens``."""
    parts = [decoding["strategy"]]
    if decoding.get("best_of_n", 0) > 1:
        picker = "MBR chrF" if decoding.get("pick") == "mbr" else decoding.get("reward_model", "")
        parts.append(f"best-of-{decoding['best_of_n']} ({picker}, T={decoding.get('temperature')})")
    parts.append(f"≤{decoding['max_new_tokens']} tokens")
    return " · ".join(parts)


def evaluation_key(ref: ModelRef, testset_id: str, decoding: dict) -> str:
    """The cache key of one system on one test set: model × test set × decoding."""
    payload = {"model": ref.name, "path": ref.path, "prompt_format": ref.prompt_format,
               "weights": model_fingerprint(ref.path), "testset": testset_id, "decoding": decoding}
    return "ev-" + hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()[:16]


def runnable_metrics(config: EvaluateConfig | None = None) -> list[str]:
    """The requestable metrics that can run here under ``config``'s metric settings (the defaults when None): what
    the Evaluate form ticks to begin with. It ticked BERTScore, COMET and COMET-QE with no model for them, and an
    evaluation "succeeded" without them, said only in its log."""
    from engine.metrics import available_metrics

    available = available_metrics((config or EvaluateConfig()).metric_settings())
    return [name for name in REQUESTABLE_METRICS if available[name]]


def metric_specs(config: EvaluateConfig, reward: ModelRef | None, has_references: bool
                 ) -> tuple[dict[str, str], dict[str, str]]:
    """The metrics this run can compute, each with what computes it (a changed model means a re-score), and the
    requested ones it cannot, each with the reason."""
    from engine.metrics import available_metrics
    from engine.metrics.sacrebleu_metrics import string_metric_spec

    availability = available_metrics(config.metric_settings(), has_references=has_references)
    specs, skipped = {}, {}
    for name in dict.fromkeys(config.metrics):
        if name not in REQUESTABLE_METRICS:
            raise ValueError(f"unknown metric {name!r}; choose from {', '.join(REQUESTABLE_METRICS)}")
        if not availability[name]:
            skipped[name] = availability[name].reason
            continue
        if name in ("chrf", "bleu", "ter"):
            specs[name] = string_metric_spec(config.arabic_normalise)
        elif name == "bertscore":
            specs[name] = f"{config.bertscore_model} (layer {config.bertscore_num_layers or 'last'})"
        else:
            specs[name] = config.comet_model if name == "comet" else config.comet_qe_model
    if reward is not None:
        specs["rm"] = f"{reward.name} ({reward.path})"
    # "letterless sources as written": a source without letters (2024) no longer flags its copy (scored again)
    specs["checks"] = f"min Arabic share {config.min_arabic_share:g}, letterless sources as written"
    return specs, skipped


def _corpus_testset(config: EvaluateConfig, store) -> str:
    ids = [int(i) for i in config.corpus_ids]
    if not ids:
        raise ValueError("choose the corpora whose split is the test set, or an uploaded test set")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "sources.parquet"
        n = store.corpora.export(ids, (config.split,), path, limit=config.sample_size or None, seed=config.seed)
        rows = pq.read_table(path).to_pylist() if n else []
    if not rows:
        names = ", ".join((store.corpora.get(i) or {}).get("name", str(i)) for i in ids)
        raise ValueError(f"{names} has no sentences in the {config.split} split: choose another split")
    names = " + ".join((store.corpora.get(i) or {}).get("name", str(i)) for i in ids)
    split = f" · {config.split}" + (f" · sample of {config.sample_size} (seed {config.seed})"
                                    if config.sample_size else "")
    name = shortened(names, MAX_LABEL_CHARS - len(split)) + split  # three corpora of 80-character names: 250
    details = {"corpus_ids": ids, "split": config.split, "sample_size": config.sample_size, "seed": config.seed}
    return store.evaluations.add_testset(name, "corpus", [
        {"source": r["source"], "reference": r["target"], "pair": r["pair"], "corpus_id": r["corpus_id"],
         "seg_id": r["seg_id"]} for r in rows], details)


def reward_members(config: EvaluateConfig, store) -> list[ModelRef]:
    """The reward model and the ensemble's other members, checked to be reward models."""
    from engine.reward.ensemble import check_combination, member_names, resolve_members

    if config.extra_reward_models and not config.reward_model:
        raise ValueError("choose the first reward model of the ensemble in "
                         f"{setting_words(EvaluateConfig, 'reward_model', inside=True)}")
    check_combination(config.ensemble, config.ensemble_k)
    return resolve_members(store, member_names(config.reward_model, config.extra_reward_models))


def reward_of(config: EvaluateConfig, store) -> ModelRef | None:
    """What scores rewards in this run, as one reference for the cache key: the reward model, or for an ensemble
    its label (``a + b (min)``) with every member's folder."""
    from engine.reward.ensemble import ensemble_label

    refs = reward_members(config, store)
    if len(refs) <= 1:
        return refs[0] if refs else None
    return ModelRef(name=ensemble_label([r.name for r in refs], config.ensemble, config.ensemble_k),
                    path=" | ".join(r.path for r in refs), kind="reward", prompt_format=refs[0].prompt_format)


def plan_evaluation(config: EvaluateConfig, store) -> EvaluationPlan:
    """Check the settings, store the test set, and decide per model what is cached and what is to do."""
    models = list(dict.fromkeys(str(m) for m in config.models if str(m).strip()))
    if not models:
        raise ValueError("choose at least one model to evaluate")
    if config.best_of_n > 1 and config.best_of_n_pick == "reward" and not config.reward_model:
        raise ValueError("best-of-n needs a reward model to pick the best candidate (or the MBR pick)")
    reward = reward_of(config, store)
    if config.testset:
        testset = store.evaluations.get_testset(config.testset)
        if testset is None:
            raise ValueError(f"no test set {config.testset!r}")
        testset_id = config.testset
    else:
        testset_id = _corpus_testset(config, store)
        testset = store.evaluations.get_testset(testset_id)
    segments = store.evaluations.segments(testset_id)
    has_references = all((s["reference"] or "").strip() for s in segments)
    pair_counts = Counter(s["pair"] for s in segments)
    specs, skipped = metric_specs(config, reward, has_references)
    decoding = decoding_of(config, reward)
    plan = EvaluationPlan(testset_id, testset["name"], testset["size"], decoding, decoding_label(decoding), specs,
                          skipped)
    for name in models:
        ref = resolve_model(store, name)
        if ref.kind != "policy":
            raise ValueError(f"{name} is a {ref.kind} model; choose policy models")
        if folder_missing(store.models.get(name)):  # the run started, failed on it, and evaluated no model at all
            raise ValueError(f"{name}'s folder {ref.path} is gone (moved or deleted): leave it out, or put the folder "
                             "back")
        key = evaluation_key(ref, testset_id, decoding)
        learnt = trained_pairs(store, name)
        unlearnt = {p: n for p, n in sorted(pair_counts.items()) if learnt and p not in learnt}
        existing = store.evaluations.get(key)
        if existing is None:
            plan.systems.append(SystemPlan(name, key, "full", dict(specs), unlearnt=unlearnt))
            continue
        missing = {m: s for m, s in specs.items() if existing["metrics"].get(m) != s}
        plan.systems.append(SystemPlan(name, key, "score" if missing else "cached", missing, unlearnt=unlearnt))
    return plan


def trained_pairs(store, name: str) -> list[str]:
    """The language pairs a registered model was trained for — its registry metadata's ``pairs``, else its card's
    (``tarjama.json``); empty when neither says (a hub model: nothing is assumed)."""
    row = store.models.get(name) or {}
    pairs = (row.get("metadata") or {}).get("pairs")
    if not pairs and row.get("path") and Path(row["path"]).is_dir():
        try:
            card = read_model_card(row["path"])
        except (OSError, ValueError):
            card = None
        pairs = card.pairs if card else []
    return [str(p) for p in pairs or []]


def prepare(config: EvaluateConfig, store, run_dir: Path) -> None:
    """Plan the run and export what it reads: the test set, model references, cached outputs to re-score."""
    plan = plan_evaluation(config, store)
    inputs = run_dir / "inputs"
    store.evaluations.export_testset(plan.testset_id, inputs / TESTSET_FILE)
    for i, system in enumerate(plan.systems):
        system.ref_file = f"models/{i}.json"
        resolve_model(store, system.model).save(inputs / system.ref_file)
        if system.action == "score":
            system.cached_outputs = f"cached/{system.key}.parquet"
            store.evaluations.export_outputs(system.key, inputs / system.cached_outputs)
    for i, ref in enumerate(reward_members(config, store)):
        ref.save(inputs / ("reward_model.json" if i == 0 else f"reward_model-{i}.json"))
    (inputs / PLAN_FILE).write_text(json.dumps(asdict(plan), ensure_ascii=False, indent=2), encoding="utf-8")


# --- the job (its own process) -------------------------------------------------------------------------------

def read_plan(inputs_dir: Path) -> EvaluationPlan:
    """The plan the studio wrote into a run's ``inputs`` folder: its test set, decoding and each model's
    evaluation key."""
    data = json.loads((inputs_dir / PLAN_FILE).read_text(encoding="utf-8"))
    systems = [SystemPlan(**s) for s in data.pop("systems")]
    return EvaluationPlan(**data, systems=systems)


def mbr_pick(candidates: list, arabic_normalise: bool = True):
    """The candidate with the highest expected chrF against the source's samples (minimum Bayes risk): each
    distinct candidate counts as many times as it was sampled, so a text sampled twice agrees fully with its twin.
    Ties go to the earlier candidate (the decoding's own output first)."""
    from engine.metrics.mbr import candidate_consensus

    scores = candidate_consensus([c.text for c in candidates], [c.count for c in candidates], arabic_normalise)
    return candidates[max(range(len(candidates)), key=lambda i: (scores[i], -i))]


def translate(ref: ModelRef, rows: list[dict], config: EvaluateConfig, ctx: JobContext, scorer, on_chunk) -> list[dict]:
    """One output per sentence: the decoding's output, or the pick among best-of-n candidates (the reward
    model's, or MBR's)."""
    from engine.decoding.candidates import SamplingStrategy, generate_candidates
    from engine.decoding.processes import decoding_processes
    from engine.models.loading import load_tokenizer

    tokenizer = load_tokenizer(ref.path, trust_remote_code=ref.trust_remote_code)
    model = inference_model(ref.path, resolve_precision(config.precision), trust_remote_code=ref.trust_remote_code)
    base = SamplingStrategy.parse("greedy" if config.decoding == "greedy" else f"beam:{config.num_beams}")
    strategies = [base]
    if config.best_of_n > 1:
        strategies.append(SamplingStrategy("temperature", float(config.sample_temperature), config.best_of_n - 1))
    processes = decoding_processes(model)
    chunk = max(1, config.batch_size) * 4
    out: list[dict] = []
    for start in range(0, len(rows), chunk):
        ctx.raise_if_cancelled()
        part = rows[start:start + chunk]
        candidates = generate_candidates(model, tokenizer, [r["source"] for r in part], [r["pair"] for r in part],
                                         strategies, prompt_format=ref.prompt_format, batch_size=config.batch_size,
                                         max_new_tokens=config.max_new_tokens, seed=config.seed + start,
                                         processes=processes)
        for row, cands in zip(part, candidates, strict=True):
            best = cands[0]
            if config.best_of_n > 1 and config.best_of_n_pick == "mbr" and len(cands) > 1:
                best = mbr_pick(cands, config.arabic_normalise)
            elif scorer is not None and len(cands) > 1:
                rewards = scorer.score([row["source"]] * len(cands), [c.text for c in cands], row["pair"])
                best = cands[max(range(len(cands)), key=rewards.__getitem__)]
            out.append({"idx": row["idx"], "output": best.text, "strategy": best.strategy,
                        "n_candidates": sum(c.count for c in cands)})
        on_chunk(len(part))
    return out


def score_outputs(names: list[str], rows: list[dict], outputs: list[str], config: EvaluateConfig, scorer,
                  ctx: JobContext) -> dict[str, list[float]]:
    """Per-sentence values of each metric in ``names`` (``rm`` and ``checks`` included)."""
    from engine.metrics import CheckThresholds, get_metric, run_checks

    sources = [r["source"] for r in rows]
    references = [r["reference"] for r in rows]
    settings = config.metric_settings()
    values: dict[str, list[float]] = {}
    for name in names:
        ctx.raise_if_cancelled()
        t0 = time.time()
        if name == "rm":
            values["rm"] = scorer.score_each(sources, outputs, [r["pair"] for r in rows])  # a source may repeat
        elif name == "checks":
            results = run_checks(sources, outputs, CheckThresholds(min_arabic_share=config.min_arabic_share))
            values["hallucination"] = [0.0 if c.passes else 1.0 for c in results]
            for flag in CHECK_FLAGS:
                values[f"flag_{flag}"] = [1.0 if getattr(c, flag) else 0.0 for c in results]
        else:
            metric = get_metric(name, settings)
            values[name] = metric.score(sources, outputs, references if metric.needs_reference else None)
        ctx.log(f"  {name}: {len(outputs) / max(time.time() - t0, 1e-6):.0f} sentences/s")
    return values


def _write_atomic(table: pa.Table, path: Path) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    pq.write_table(table, tmp)
    os.replace(tmp, path)


class _Progress:
    """Progress over all systems to evaluate, in sentences, with the rate of the current system."""

    def __init__(self, ctx: JobContext, total: int) -> None:
        self.ctx, self.total, self.done = ctx, total, 0
        self.system_start, self.t0, self.model = 0, time.time(), ""

    def start_system(self, model: str) -> None:
        self.system_start, self.t0, self.model = self.done, time.time(), model

    def advance(self, n: int) -> None:
        self.done += n
        rate = (self.done - self.system_start) / max(time.time() - self.t0, 1e-6)
        self.ctx.progress(self.done, self.total, unit="sentences", sentences_per_s=rate,
                          message=f"{self.model}: translating · {rate:.1f} sentences/s")

    def set(self, done: int, message: str) -> None:
        self.done = done
        self.ctx.progress(done, self.total, unit="sentences", message=message)


def _evaluate_system(system: SystemPlan, plan: EvaluationPlan, rows: list[dict], config: EvaluateConfig,
                     ctx: JobContext, scorer, progress: _Progress, step: int) -> tuple[Path, Path]:
    """Translate (when planned) and score one system; returns its outputs and scores files."""
    out_dir = ctx.output_dir / system.key
    out_dir.mkdir(exist_ok=True)
    outputs_file, scores_file = out_dir / "outputs.parquet", out_dir / "scores.parquet"
    if scores_file.exists():
        ctx.log(f"{system.model}: resumed — already evaluated in this run")
        return outputs_file, scores_file
    if system.action == "full":
        if outputs_file.exists():
            ctx.log(f"{system.model}: resumed with its translations already written")
        else:
            ctx.log(f"{system.model}: translating {len(rows)} sentences ({plan.decoding_label})")
            progress.start_system(system.model)
            ref = ModelRef.load(ctx.inputs_dir / system.ref_file)
            translated = translate(ref, rows, config, ctx, scorer, progress.advance)
            _write_atomic(pa.Table.from_pylist(translated, schema=OUTPUT_SCHEMA), outputs_file)
    source = outputs_file if system.action == "full" else ctx.inputs_dir / system.cached_outputs
    by_idx = {r["idx"]: r["output"] for r in pq.read_table(source).to_pylist()}
    outputs = [by_idx.get(r["idx"], "") for r in rows]
    progress.set(progress.done, f"{system.model}: scoring {', '.join(system.missing)}")
    values = score_outputs(list(system.missing), rows, outputs, config, scorer, ctx)
    long = [(r["idx"], metric, float(v)) for metric, vs in values.items() for r, v in zip(rows, vs, strict=True)]
    idxs, metrics, vals = zip(*long, strict=True) if long else ((), (), ())
    _write_atomic(pa.table({"idx": pa.array(idxs, pa.int32()), "metric": pa.array(metrics, pa.string()),
                            "value": pa.array(vals, pa.float64())}, schema=SCORE_SCHEMA), scores_file)
    means = {f"{m}/{system.model}": sum(v) / len(v) for m, v in values.items() if v}
    ctx.metric(step, **means)
    ctx.log(f"{system.model}: " + ", ".join(f"{k.split('/')[0]} {decimals(v)}" for k, v in means.items()))
    return outputs_file, scores_file


def run(config: EvaluateConfig, ctx: JobContext) -> None:
    """Translate and score each planned system; resumable per system; announce each evaluation."""
    plan = read_plan(ctx.inputs_dir)
    rows = pq.read_table(ctx.inputs_dir / TESTSET_FILE).to_pylist()
    ctx.log(f"test set {plan.testset_name} ({len(rows)} sentences) · decoding {plan.decoding_label}")
    for warning in plan.warnings():
        ctx.log(warning, level="warning")
    for name, reason in plan.skipped.items():
        ctx.log(f"{name}: skipped ({reason})", level="warning")
    for system in plan.systems:
        if system.action == "cached":
            ctx.log(f"{system.model}: cached evaluation {system.key} reused — nothing to translate or score")
    todo = [s for s in plan.systems if s.action != "cached"]
    if not todo:
        ctx.progress(1, 1, unit="systems", message="every evaluation was cached")
        return
    scorer = None
    reranks = config.best_of_n > 1 and config.best_of_n_pick == "reward"
    needs_reward = any("rm" in s.missing or (s.action == "full" and reranks) for s in todo)
    if needs_reward and (ctx.inputs_dir / "reward_model.json").exists():
        from engine.reward.ensemble import reward_files, scorer_for

        use_job_threads()
        rewards = [ModelRef.load(f) for f in reward_files(ctx.inputs_dir, "reward_model")]
        scorer = scorer_for([r.path for r in rewards], config.ensemble, config.ensemble_k,
                            trust_remote_code=rewards[0].trust_remote_code,
                            precision=resolve_precision(config.precision))
    settings = config_to_dict(config)
    progress = _Progress(ctx, len(todo) * len(rows))
    progress.set(0, f"{len(todo)} system(s) to evaluate")
    for step, system in enumerate(todo):
        ctx.raise_if_cancelled()
        outputs_file, scores_file = _evaluate_system(system, plan, rows, config, ctx, scorer, progress, step)
        progress.set((step + 1) * len(rows), f"{system.model}: done")
        ref = ModelRef.load(ctx.inputs_dir / system.ref_file)
        ctx.artifact("evaluation", key=system.key, model=system.model, model_path=ref.path,
                     testset_id=plan.testset_id, decoding=plan.decoding, decoding_label=plan.decoding_label,
                     metrics=system.missing, settings=settings,
                     outputs=str(outputs_file) if system.action == "full" else None, scores=str(scores_file))
    ctx.log(f"evaluated {len(todo)} system(s) on {len(rows)} sentences")


KIND = JobKind(
    name="evaluate", title="Evaluate models on a test set",
    description="Translates a test set with each chosen model (greedy or beam, optionally best-of-n picked by a "
                "reward model or by MBR) and scores every sentence: chrF, BLEU, TER, BERTScore, COMET, COMET-QE where "
                "available, the reward, and the hallucination checks. Evaluations are cached per model × test "
                "set × decoding.",
    config_cls=EvaluateConfig, run=run, prepare=prepare,
    resumes_from_outputs=True,
)
