"""The ``feedback_pairs`` job: turn linguists' judgements into a set of human preference pairs.

The studio exports the judgements (and, with agreement weighting, each linguist's weight) into ``inputs/``;
the job applies the rules of :mod:`engine.feedback.pairs`, frames each source as a prompt in the reward
model's format, and writes ``outputs/pairs.parquet``, which the studio loads as a pair set of origin
``human`` (one row per pair, with the linguist and judgement it came from).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from engine.jobs.config import SEED_MAX, setting
from engine.jobs.context import JobContext
from engine.jobs.kinds import JobKind
from engine.models.refs import ModelRef, newest_model, resolve_model

JUDGEMENTS_FILE = "judgements.jsonl"
WEIGHTS_FILE = "weights.json"


@dataclass
class FeedbackPairsConfig:
    """Settings of a conversion of feedback into preference pairs."""

    reward_model: str = setting("", "The reward model the pairs are for: its prompt format frames the sources "
                                    "(empty: the newest reward model).")
    linguists: list = setting([], "Only these linguists' judgements (empty: everyone's).")
    models: list = setting([], "Only judgements of translations by these policies (empty: all).", advanced=True)
    weight_by_agreement: bool = setting(False, "Weight each linguist by their agreement with the others on shared "
                                               "review-queue items (training then samples pairs by weight).")
    valid_share: float = setting(0.2, "Share of sources whose pairs are held out to validate the reward model.",
                                 min=0.0, max=0.9)
    seed: int = setting(0, "Seed of the train/valid assignment.", min=0, max=SEED_MAX, advanced=True)
    error_spans: bool = setting(True, "Also use the linguists' error-span (MQM) annotations: of two candidates of "
                                      "one source a linguist annotated, the one with fewer weighted errors is "
                                      "chosen.", label="Pairs from error spans")


def prepare(config: FeedbackPairsConfig, store, run_dir: Path) -> None:
    """Export the matching judgements (and linguist weights) and the reward model's reference."""
    from engine.feedback.export import export_records, latest_per_linguist
    from engine.feedback.pairs import linguist_weights

    inputs = run_dir / "inputs"
    if (inputs / "reward.json").is_file():  # a resume takes the judgements again, and keeps its reward model
        ref = ModelRef.load(inputs / "reward.json")  # (an empty setting would pick the newest one by then)
    else:
        name = config.reward_model or newest_model(store, "reward", hint="train one on 3 · Reward model first")
        ref = resolve_model(store, name)
        if ref.kind != "reward":
            raise ValueError(f"{ref.name} is a {ref.kind} model; choose a reward model")
    records = latest_per_linguist(export_records(store, linguists=list(config.linguists) or None,
                                                 models=list(config.models) or None))
    if config.error_spans:
        from engine.mqm.pairs import span_records

        annotations = store.annotations.annotations(models=list(config.models) or None)
        records += span_records(annotations, linguists=list(config.linguists) or None)
    if not records:
        stored = store.feedback.count_judgements()
        filters = "; ".join(f"{name}: {', '.join(map(str, values))}" for name, values in
                            (("linguists", config.linguists), ("models", config.models)) if values)
        if stored and filters:  # it said where linguists judge, with judgements stored that the filters left out
            raise ValueError(f"no judgement matches the filters ({filters}); {stored} judgement(s) are stored")
        raise ValueError("no judgements match: linguists judge translations on 6 · Translate & feedback")
    inputs.mkdir(parents=True, exist_ok=True)
    ref.save(inputs / "reward.json")
    with (inputs / JUDGEMENTS_FILE).open("w", encoding="utf-8") as fh:
        for record in records:
            fh.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
    weights = linguist_weights(store.feedback.judgements()) if config.weight_by_agreement else {}
    (inputs / WEIGHTS_FILE).write_text(json.dumps(weights, ensure_ascii=False, indent=2), encoding="utf-8")


def run(config: FeedbackPairsConfig, ctx: JobContext) -> None:
    """Convert, frame the prompts, write the pairs and announce them."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from engine.feedback.pairs import convert
    from engine.models.loading import load_tokenizer
    from engine.models.prompting import build_prompt

    ref = ModelRef.load(ctx.inputs_dir / "reward.json")
    with (ctx.inputs_dir / JUDGEMENTS_FILE).open(encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()]
    weights = json.loads((ctx.inputs_dir / WEIGHTS_FILE).read_text(encoding="utf-8"))
    if weights:
        ctx.log("linguist weights by agreement: " + ", ".join(f"{k} {v:.2f}" for k, v in sorted(weights.items())))
    rows, report = convert(records, weights=weights, valid_share=config.valid_share, seed=config.seed)
    ctx.progress(len(records), len(records), unit="judgements")
    if not rows:
        raise ValueError(f"the {_read(report)} give no pairs: a pair needs two different translations "
                         "of a source — a pick or ranking among candidates that differ, or a post-edit (not a "
                         "none-acceptable without a correction, a tie, or a pick of the only candidate shown)")
    tokenizer = load_tokenizer(ref.path, trust_remote_code=ref.trust_remote_code) \
        if ref.prompt_format == "instruction" else None
    for row in rows:
        row["prompt"] = build_prompt(row["source"], row["pair"], ref.prompt_format, tokenizer)
    path = ctx.output_dir / "pairs.parquet"
    pq.write_table(pa.Table.from_pylist(rows), path)
    summary = {**report.as_dict(), "reward_model": ref.name, "weighted": bool(weights), "weights": weights}
    (ctx.output_dir / "summary.json").write_text(json.dumps(summary, ensure_ascii=False, indent=2))
    ctx.metric(0, pairs=report.pairs, train_pairs=report.train, valid_pairs=report.valid,
               judgements_used=report.used, duplicates=report.duplicates, conflicts=report.conflicts)
    ctx.log(f"{report.used} of the {_read(report)} gave {report.pairs} pairs ({report.train} train, "
            f"{report.valid} valid; {report.duplicates} duplicates merged, {report.conflicts} conflicts, "
            f"{report.ties} ties skipped)")
    if not report.train:  # the fine-tune that reads them fails then ("no human training pairs"), one step later
        ctx.log(f"every pair fell in the validation split ({report.valid} valid, valid share {config.valid_share:g}):"
                " a reward-model fine-tune needs training pairs — lower the share or judge more sources",
                level="warning")
    ctx.artifact("pairs", origin="human", path=str(path))


def _read(report) -> str:
    """What a conversion read, in words: judgements, and error-span groups apart (they are no judgements)."""
    from engine.wording import counted

    read = counted(report.judgements, "judgement")
    return read + (f" and {counted(report.annotated, 'error-span group')}" if report.annotated else "")


KIND = JobKind(
    name="feedback_pairs", title="Feedback → preference pairs",
    description="Rankings, best picks and corrections of the linguists become (chosen, rejected) pairs of origin "
                "human, de-duplicated, split by source.",
    config_cls=FeedbackPairsConfig, run=run, prepare=prepare, prepare_on_resume=True,
)
