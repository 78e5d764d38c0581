"""The ``translate_batch`` job: translate every source of an uploaded file with best-of-n reranking.

For each chunk of sources the policy samples 5–8 candidates per source (batched over sources, one
``generate()`` call per strategy — :func:`engine.decoding.candidates.generate_candidates`), the reward model scores
every candidate of the chunk in batches, and the best becomes the translation; the others are kept as
alternatives with their scores. Without a reward model the translation is the candidate the source's samples
agree with most (minimum Bayes risk: the highest mean chrF against the other samples,
:func:`engine.metrics.mbr.candidate_consensus`), its score that chrF — no model is needed, so a file can be
translated right after the demo set-up. Chunks are written atomically (``outputs/chunks/chunk-*.jsonl``) and double
as checkpoints, so a resumed run skips the sources already done. At the end ``outputs/translations.jsonl`` and
``outputs/translations.tsv`` hold one row per source: line, pair, source, translation, score, alternatives.
A ``translation_log`` artifact event then names the JSONL file: the studio logs its rows in the translation log
(:mod:`engine.monitor.log`) when it ingests the event — the job never opens the database.

The upload reaches the run through :mod:`engine.feedback.batch`: the page checks the file and stages its
sources under an engine-made token; ``prepare`` accepts only such a token and moves the sources into
``inputs/sources.jsonl``. The file name is a label, never a path.
"""

from __future__ import annotations

import csv
import json
import os
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from engine.jobs.chunks import chunk_files, missing_note, read_chunk, write_chunk
from engine.jobs.config import SEED_MAX, setting
from engine.jobs.context import JobContext
from engine.jobs.kinds import JobKind
from engine.jobs.precision import inference_model, precision_setting, resolve_precision
from engine.jobs.threads import use_job_threads
from engine.markup import json_line, spreadsheet_cell
from engine.metrics.checks import run_checks
from engine.models.refs import ModelRef, resolve_model
from engine.wording import counted

DEFAULT_STRATEGIES = ["greedy", "temperature:0.7x2", "temperature:1.0x2", "top_k:20", "top_p:0.9x2"]
OUTPUT_JSONL = "translations.jsonl"
OUTPUT_TSV = "translations.tsv"
MBR_PICK = "mbr"
"""A row's ``pick`` when no reward model chose it: the candidate of the highest mean chrF against the other samples
(its ``score`` is that chrF, 0–100); ``reward`` otherwise (its ``score`` the reward model's)."""
TSV_COLUMNS = ("line", "pair", "source", "translation", "score", "alternatives", "cut", "checks")
"""``cut``: ``true`` when the translation stopped at ``max_new_tokens`` before its end token (it may be cut short);
``checks``: the output checks the translation fails, comma-separated (``empty``, ``low_arabic``, ``copy_of_source``,
``repetition``, ``bad_length``; blank when it passes them — the translation log's ``degenerate``)."""


@dataclass
class TranslateBatchConfig:
    """Settings of a batch translation run."""

    model: str = setting("", "Registered policy model that samples the candidate translations.")
    reward_model: str = setting("", "Registered reward model that picks the best candidate of each source (empty: "
                                    "the candidate the samples agree with most — minimum Bayes risk by chrF, no "
                                    "model needed).")
    extra_reward_models: list = setting([], "More reward-model versions scored with it as an ensemble; the best "
                                            "candidate is then the one with the best combined score.", advanced=True)
    ensemble: str = setting("mean", "How an ensemble's scores combine: mean, min (conservative) or mean − k·std.",
                            choices=("mean", "min", "mean-k*std"), advanced=True)
    ensemble_k: float = setting(1.0, "k of mean − k·std.", min=0.0, max=100.0, advanced=True)
    pair: str = setting("auto", "Language of the sources: auto detects English or French per line (English "
                        "when a line gives no clue); a JSONL line's own \"pair\" always wins.",
                        choices=("auto", "en-ar", "fr-ar"))
    strategies: list = setting(list(DEFAULT_STRATEGIES),
                               "Sampling strategies, each one candidate (xN for N): greedy, beam:4, temperature:0.8, "
                               "top_k:20, top_p:0.9x2. Between 5 and 8 candidates per source in all.")
    max_new_tokens: int = setting(64, "Longest translation, in tokens.", min=4, max=1024)
    upload: str = setting("", "Token of the checked upload staged by the studio (32 hex digits; not a path).",
                          advanced=True)
    upload_name: str = setting("", "The uploaded file's name, shown as a label only.", advanced=True)
    batch_size: int = setting(16, "Sources per generate() call (each call yields sources × samples candidates).",
                              min=1, max=256, advanced=True)
    chunk_sources: int = setting(64, "Sources per saved chunk (a chunk is also a checkpoint).", min=1, advanced=True)
    seed: int = setting(0, "Seed of the sampling.", min=0, max=SEED_MAX, advanced=True)
    qe_model: str = setting("", "COMET-QE / CometKiwi checkpoint or hub id that scores each chosen translation for the "
                            "translation log (empty: the Monitor page's QE model, if one is set).", advanced=True)
    precision: str = precision_setting()


def _sample_count(strategies: list) -> int:
    from engine.decoding.candidates import parse_strategies

    return sum(s.samples for s in parse_strategies(strategies))


def check(config: TranslateBatchConfig) -> None:
    """The strategies can be read and give 5–8 candidates per source."""
    n = _sample_count(config.strategies)
    if not 5 <= n <= 8:
        raise ValueError(f"the strategies give {n} candidate{'' if n == 1 else 's'} per source; choose between 5 and 8")


def prepare(config: TranslateBatchConfig, store, run_dir: Path) -> None:
    """Resolve both models, and move the staged sources into ``inputs/``."""
    from engine.feedback.batch import assign_pairs, read_sources, staged_path

    ref = resolve_model(store, config.model)
    if ref.kind != "policy":
        raise ValueError(f"{config.model} is a {ref.kind} model; choose a policy model")
    from engine.reward.ensemble import check_combination, member_names, resolve_members

    check_combination(config.ensemble, config.ensemble_k)
    if config.extra_reward_models and not config.reward_model:
        raise ValueError("choose the first reward model before adding more")
    names = member_names(config.reward_model, config.extra_reward_models) if config.reward_model else []
    rms = resolve_members(store, names)  # none: the samples' consensus picks
    if not config.qe_model:  # config.yaml records the QE model the run used
        from engine.monitor.settings import load_settings

        config.qe_model = load_settings(store).qe_model
    workspace_root = run_dir.parent.parent  # runs/<run id> lies in the workspace root (Workspace.run_dir)
    staged = staged_path(workspace_root, config.upload)
    sources = assign_pairs(read_sources(staged), config.pair)
    inputs = run_dir / "inputs"
    inputs.mkdir(parents=True, exist_ok=True)
    ref.save(inputs / "model.json")
    for i, rm in enumerate(rms):
        rm.save(inputs / ("reward_model.json" if i == 0 else f"reward_model-{i}.json"))
    (inputs / "sources.jsonl").write_text(
        "".join(json.dumps(asdict(s), ensure_ascii=False) + "\n" for s in sources), encoding="utf-8")
    staged.unlink()


def _chunk_rows(chunk: Path) -> list[dict]:
    return read_chunk(chunk, lambda p: [json.loads(line) for line in p.read_text(encoding="utf-8").split("\n")
                                        if line.strip()],  # not splitlines(): U+2028 is text
                      "outputs/chunks")


def _done(chunk_dir: Path) -> set[int]:
    return {int(row["line"]) for chunk in chunk_files(chunk_dir, "jsonl") for row in _chunk_rows(chunk)}


def _write_chunk(chunk_dir: Path, rows: list[dict]) -> None:
    write_chunk(chunk_dir, "jsonl", lambda tmp: tmp.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"))


def _tsv_field(value: object) -> str:
    return " ".join(str(value).replace("\t", " ").splitlines())


def _assemble(chunk_dir: Path, out_dir: Path) -> int:
    rows = sorted((row for chunk in chunk_files(chunk_dir, "jsonl") for row in _chunk_rows(chunk)),
                  key=lambda r: r["line"])
    unchecked = [r for r in rows if "checks" not in r]  # chunks written before the column existed (a resumed run)
    for row, check in zip(unchecked, run_checks([r["source"] for r in unchecked],
                                                [r["translation"] for r in unchecked]), strict=True):
        row["checks"] = check.flags
    tmp = out_dir / f".{OUTPUT_JSONL}.tmp"
    tmp.write_text("".join(json_line(r) for r in rows), encoding="utf-8")  # the file other tools read
    os.replace(tmp, out_dir / OUTPUT_JSONL)
    tmp = out_dir / f".{OUTPUT_TSV}.tmp"
    with tmp.open("w", encoding="utf-8", newline="") as f:
        # csv's tab dialect quotes a field with a double quote in it: a source that starts with one (a quotation)
        # was read back by pandas, csv and spreadsheets as a quoted field running into the next columns
        writer = csv.writer(f, dialect="excel-tab", lineterminator="\n")
        writer.writerow(TSV_COLUMNS)
        for r in rows:
            alternatives = json.dumps([{"text": a["text"], "score": round(a["score"], 4)}
                                       for a in r["alternatives"]], ensure_ascii=False)
            # the text cells a spreadsheet could run as a formula (a source "=HYPERLINK(…)") get its text marker
            writer.writerow(_tsv_field(v) for v in (r["line"], r["pair"], spreadsheet_cell(r["source"]),
                                                    spreadsheet_cell(r["translation"]), f"{r['score']:.4f}",
                                                    spreadsheet_cell(alternatives),
                                                    "true" if r.get("cut") else "false", ",".join(r.get("checks", ()))))
    os.replace(tmp, out_dir / OUTPUT_TSV)
    return len(rows)


def _qe_metric(spec: str, ctx: JobContext):
    """The COMET-QE metric that scores the chosen translations, or None (none set, or it cannot run here: logged)."""
    if not spec.strip():
        return None
    from engine.metrics import MetricSettings, get_metric

    metric = get_metric("comet_qe", MetricSettings(comet_qe_model=spec))
    available = metric.availability()
    if not available.ok:
        ctx.log(f"no QE scores: {available.reason}", level="warning")
        return None
    return metric


def run(config: TranslateBatchConfig, ctx: JobContext) -> None:
    """Translate chunk by chunk with best-of-n reranking; resumable; assemble TSV and JSONL at the end."""
    from engine.decoding.candidates import generate_candidates, parse_strategies
    from engine.decoding.processes import decoding_processes
    from engine.feedback.batch import read_sources
    from engine.metrics.mbr import candidate_consensus
    from engine.models.loading import load_tokenizer
    from engine.reward.ensemble import ensemble_label, reward_files, scorer_for

    use_job_threads()
    strategies = parse_strategies(config.strategies)
    ref = ModelRef.load(ctx.inputs_dir / "model.json")
    rms = [ModelRef.load(f) for f in reward_files(ctx.inputs_dir, "reward_model") if f.exists()]
    sources = read_sources(ctx.inputs_dir / "sources.jsonl")
    chunk_dir = ctx.output_dir / "chunks"
    chunk_dir.mkdir(exist_ok=True)
    done = _done(chunk_dir)
    todo = [s for s in sources if s.line not in done]
    if done:
        ctx.log(f"resumed: {len(done)} sources already translated, {len(todo)} to go")
    rm_label = ensemble_label([r.name for r in rms], config.ensemble, config.ensemble_k) if rms else None
    ctx.log(f"loading {ref.name} from {ref.path} and " + (f"the reward model {rm_label}" if rms else
                                                           f"no reward model: the {MBR_PICK} pick"))
    tokenizer = load_tokenizer(ref.path, trust_remote_code=ref.trust_remote_code)
    precision = resolve_precision(config.precision)
    ctx.log(precision.describe())
    model = inference_model(ref.path, precision, trust_remote_code=ref.trust_remote_code)
    processes = decoding_processes(model, ctx.log)
    scorer = scorer_for([r.path for r in rms], config.ensemble, config.ensemble_k, batch_size=32,
                        trust_remote_code=rms[0].trust_remote_code, precision=precision) if rms else None
    qe_metric = _qe_metric(config.qe_model, ctx)
    total, t0 = len(sources), time.time()
    n_samples = sum(s.samples for s in strategies)
    ctx.progress(len(done), total, unit="sources", message=f"best of {n_samples} samples per source")
    for start in range(0, len(todo), config.chunk_sources):
        ctx.raise_if_cancelled()
        chunk = todo[start:start + config.chunk_sources]
        candidates = generate_candidates(
            model, tokenizer, [s.source for s in chunk], [s.pair for s in chunk], strategies,
            prompt_format=ref.prompt_format, batch_size=config.batch_size, max_new_tokens=config.max_new_tokens,
            seed=config.seed + len(done) + start, processes=processes)  # as uninterrupted, when resumed
        flat = [(i, c) for i, cands in enumerate(candidates) for c in cands]
        if scorer is not None:
            scores = scorer.score([chunk[i].source for i, _ in flat], [c.text for _, c in flat],
                                  [chunk[i].pair for i, _ in flat])
        else:  # the samples' consensus: each candidate's mean chrF against the source's other samples
            scores = [score for cands in candidates
                      for score in candidate_consensus([c.text for c in cands], [c.count for c in cands])]
        ranked: list[list[dict]] = [[] for _ in chunk]
        for (i, cand), score in zip(flat, scores, strict=True):
            ranked[i].append({"text": cand.text, "score": float(score), "strategy": cand.strategy,
                              "n_samples": cand.count, "cut": cand.cut})
        rows = []
        for src, alts in zip(chunk, ranked, strict=True):
            alts.sort(key=lambda a: -a["score"])
            best = alts[0]
            rows.append({"line": src.line, "pair": src.pair, "detected": src.detected, "source": src.source,
                         "translation": best["text"], "score": best["score"], "strategy": best["strategy"],
                         "n_samples": best["n_samples"],
                         "cut": best["cut"], "alternatives": alts[1:], "model": ref.name, "rm": rm_label,
                         "pick": "reward" if rms else MBR_PICK})
        for row, check in zip(rows, run_checks([r["source"] for r in rows], [r["translation"] for r in rows]),
                              strict=True):
            row["checks"] = check.flags
        if qe_metric is not None:
            for row, qe in zip(rows, qe_metric.score([r["source"] for r in rows], [r["translation"] for r in rows]),
                               strict=True):
                row["qe"] = float(qe)
        _write_chunk(chunk_dir, rows)
        n_cut = sum(r["cut"] for r in rows)
        if n_cut:  # a translation that ran into max_new_tokens was written as if whole
            ctx.log(f"{counted(n_cut, 'translation')} of lines {rows[0]['line']}–{rows[-1]['line']} stopped at the "
                    f"token limit ({config.max_new_tokens}) and may be cut (\"cut\": true in the JSONL): raise "
                    "max_new_tokens", level="warning")
        n_flagged = sum(bool(r["checks"]) for r in rows)
        if n_flagged:  # empty, not Arabic, a copy, repetitive or an odd length: shipped without a word
            ctx.log(f"{counted(n_flagged, 'translation')} of lines {rows[0]['line']}–{rows[-1]['line']} failed the "
                    "output checks (\"checks\" in the JSONL and TSV)", level="warning")
        finished = total - len(todo) + start + len(chunk)
        rate = (start + len(chunk)) / max(time.time() - t0, 1e-6)
        ctx.progress(finished, total, unit="sources", sources_per_s=rate, message=f"{rate:.2f} sources/s")
        ctx.metric(finished, sources_per_s=rate, mean_best_score=sum(r["score"] for r in rows) / len(rows))
        ctx.log(f"line {rows[0]['line']}: {rows[0]['source']} → {rows[0]['translation']} "
                f"({'reward' if rms else 'consensus chrF'} {rows[0]['score']:.3f})")
    missing = len({s.line for s in sources} - _done(chunk_dir))
    if missing:
        raise RuntimeError(missing_note(missing, total, "outputs/chunks"))
    n = _assemble(chunk_dir, ctx.output_dir)
    ctx.log(f"{n} sources translated: outputs/{OUTPUT_TSV} and outputs/{OUTPUT_JSONL}")
    # the studio logs the served translations (the translation log) when it ingests this event
    ctx.artifact("translation_log", path=str(ctx.output_dir / OUTPUT_JSONL), rows=n,
                 qe_model=config.qe_model if qe_metric is not None else None)


KIND = JobKind(
    name="translate_batch", title="Batch translation",
    description="Translate an uploaded file of sources: the policy samples 5–8 candidates per source, the reward "
                "model (or, without one, the samples' consensus) picks the best; download the translations with "
                "their scores and the alternatives.",
    config_cls=TranslateBatchConfig, run=run, prepare=prepare, check=check,
    resumes_from_outputs=True,
)
