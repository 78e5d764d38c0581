"""``python -m engine demo train``: train the shipped demo SFT model on the demo corpus's train split.

The training is the ``bootstrap`` job (:mod:`engine.jobs.bootstrap`) run in this process on a run folder of
its own (by default ``workspace/demo-train/<time>``; interrupt and rerun with ``--run-dir`` to resume from its
last checkpoint). Only the train split of ``data/demo/*.train.tsv`` trains; the valid split measures the
valid loss; the test split is never read until the model is final. The model folder is written to
``data/demo/model/`` (safetensors, tokenizer, ``tarjama.json``) with ``training.json``: the config, the
corpus files' hashes, steps, loss curve, greedy chrF per split and pair, and the command that reproduces it.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shutil
import sys
import time
from dataclasses import asdict
from pathlib import Path

from engine.demo import (
    DEMO_CORPORA,
    DEMO_DIR,
    DEMO_MODEL_DIR,
    EXAMPLE_SENTENCES,
    TRAINING_RECORD,
    demo_split_files,
    read_demo_split,
)

EVAL_SPLITS = ("train", "valid", "test")
TRAIN_EVAL_ROWS = 500
"""The train split is measured on its first rows only (a memorisation check, not a score)."""


def corpus_sha256(demo_dir: Path = DEMO_DIR) -> str:
    """One hash over every demo split file (what the model was trained and measured on)."""
    h = hashlib.sha256()
    for pair in sorted(DEMO_CORPORA.values()):
        for split, path in demo_split_files(pair, demo_dir).items():
            h.update(f"{pair}.{split}\n".encode())
            h.update(path.read_bytes())
    return h.hexdigest()


def write_inputs(run_dir: Path, demo_dir: Path = DEMO_DIR) -> None:
    """The bootstrap job's inputs: the demo train and valid splits as Parquet (``pair, source, target``)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from engine.jobs.bootstrap import TRAIN_FILE, VALID_FILE

    inputs = run_dir / "inputs"
    inputs.mkdir(parents=True, exist_ok=True)
    for split, name in (("train", TRAIN_FILE), ("valid", VALID_FILE)):
        rows = [(pair, s, t) for pair in sorted(DEMO_CORPORA.values())
                for s, t in read_demo_split(pair, split, demo_dir)]
        table = pa.table({"pair": [r[0] for r in rows], "source": [r[1] for r in rows],
                          "target": [r[2] for r in rows]})
        pq.write_table(table, inputs / name)


def loss_curve(run_dir: Path) -> list[dict]:
    """The run's ``loss`` / ``valid_loss`` metric rows from its ``events.jsonl``."""
    curve = []
    path = run_dir / "events.jsonl"
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            event = json.loads(line)
        except ValueError:
            continue
        if event.get("type") == "metric":
            values = {k: v for k, v in event.get("values", {}).items() if k in ("loss", "valid_loss", "valid_chrf")}
            if values:
                curve.append({"step": event.get("step"), **values})
    return curve


def evaluate(model_dir: Path, splits: tuple[str, ...] = EVAL_SPLITS, limit: int | None = None,
             demo_dir: Path = DEMO_DIR) -> dict:
    """Greedy chrF and BLEU of a model folder on the demo splits: ``{split: {pair: chrF, "all": chrF}}``."""
    import sacrebleu

    from engine.decoding.greedy import greedy_translate
    from engine.models.loading import load_causal_lm, load_tokenizer

    model = load_causal_lm(model_dir)
    tokenizer = load_tokenizer(model_dir)
    chrf: dict = {}
    bleu: dict = {}
    for split in splits:
        chrf[split], bleu[split] = {}, {}
        all_hyps, all_refs = [], []
        for pair in sorted(DEMO_CORPORA.values()):
            rows = read_demo_split(pair, split, demo_dir)[: TRAIN_EVAL_ROWS if split == "train" else limit]
            hyps = greedy_translate(model, tokenizer, [s for s, _ in rows], pair, "tags", batch_size=64)
            refs = [t for _, t in rows]
            chrf[split][pair] = round(sacrebleu.corpus_chrf(hyps, [refs]).score, 2)
            bleu[split][pair] = round(sacrebleu.corpus_bleu(hyps, [refs]).score, 2)
            all_hyps += hyps
            all_refs += refs
        chrf[split]["all"] = round(sacrebleu.corpus_chrf(all_hyps, [all_refs]).score, 2)
        bleu[split]["all"] = round(sacrebleu.corpus_bleu(all_hyps, [all_refs]).score, 2)
    examples = [{"pair": pair, "source": source,
                 "output": greedy_translate(model, tokenizer, [source], pair, "tags")[0]}
                for pair, source in EXAMPLE_SENTENCES]
    return {"chrf": chrf, "bleu": bleu, "examples": examples}


def train(args: argparse.Namespace) -> int:
    """Train (or resume), copy the model to ``--out``, evaluate it and write its training record."""
    import yaml

    from engine.jobs.bootstrap import BootstrapConfig
    from engine.jobs.kinds import checked_config
    from engine.jobs.precision import resolve_precision
    from engine.jobs.process import run_job

    demo_dir = Path(args.demo_dir).resolve()
    run_dir = Path(args.run_dir or Path(os.environ.get("TARJAMA_HOME", "workspace")) / "demo-train"
                   / time.strftime("%Y%m%d-%H%M%S")).resolve()
    config = BootstrapConfig(
        model_name="demo-sft", size=args.size, vocab_size=args.vocab_size, max_steps=args.steps,
        max_minutes=args.minutes, batch_size=args.batch_size, learning_rate=args.lr, warmup_steps=args.warmup,
        eval_every=500, checkpoint_every=500, seed=args.seed, threads=args.threads, eval_pairs=400,
        precision=args.precision,
    )
    out = Path(args.out).resolve()
    if out.exists() and not (out / TRAINING_RECORD).is_file():  # it is replaced whole at the end
        print(f"[demo train] error: {out} exists and is not a demo model this command wrote: choose another --out",
              file=sys.stderr)
        return 2
    try:  # before the run folder exists (an existing one resumes with the config it holds): bounds and the job's own
        checked_config("bootstrap", asdict(config))  # checks, e.g. a warm-up longer than the training
        resolve_precision(config.precision)  # and this machine: fp16 without CUDA failed inside the run, a traceback
    except ValueError as exc:
        print(f"[demo train] error: {exc}", file=sys.stderr)
        return 2
    if run_dir.exists() and not run_dir.is_dir():
        print(f"[demo train] error: --run-dir {run_dir} is a file, not a folder", file=sys.stderr)
        return 2
    if not (run_dir / "config.yaml").exists():
        # the outermost folder this makes: --run-dir a/b/c removed c alone and left a/b behind
        made = next((p for p in reversed([run_dir, *run_dir.parents]) if not p.exists()), None)
        run_dir.mkdir(parents=True, exist_ok=True)
        try:
            write_inputs(run_dir, demo_dir)
        except (OSError, ValueError) as exc:  # a --demo-dir without the demo's files: no run folder left behind
            if made is not None:
                shutil.rmtree(made, ignore_errors=True)
            print(f"[demo train] error: {exc}", file=sys.stderr)
            return 2
        (run_dir / "config.yaml").write_text(
            yaml.safe_dump({"kind": "bootstrap", "config": asdict(config)}, allow_unicode=True), encoding="utf-8")
    print(f"[demo train] run folder {run_dir}", flush=True)
    started = time.time()
    if run_job(run_dir) != 0:
        print(f"[demo train] training failed: see the error above and {run_dir / 'events.jsonl'}", file=sys.stderr)
        return 1
    train_s = time.time() - started
    saved = yaml.safe_load((run_dir / "config.yaml").read_text(encoding="utf-8"))["config"]
    tmp = out.with_name(out.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    shutil.copytree(run_dir / "outputs" / "model", tmp)
    print("[demo train] measuring greedy chrF on the valid and test splits", flush=True)
    scores = evaluate(tmp, demo_dir=demo_dir)
    events = loss_curve(run_dir)
    steps = max((e["step"] or 0 for e in events), default=0)
    meta = json.loads((tmp / "tarjama.json").read_text(encoding="utf-8"))
    record = {
        "command": "python -m engine demo train " + " ".join(args.argv),
        "config": saved,
        "corpus_sha256": corpus_sha256(demo_dir),
        "corpus_rows": {pair: {split: len(read_demo_split(pair, split, demo_dir))
                               for split in ("train", "valid", "test")}
                        for pair in sorted(DEMO_CORPORA.values())},
        "parameters": meta.get("parameters"),
        "steps": steps,
        "train_wall_s": round(train_s, 1),
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(), "load_at_end": os.getloadavg()},
        "loss_curve": events,
        **scores,
    }
    (tmp / TRAINING_RECORD).write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    shutil.rmtree(out, ignore_errors=True)
    tmp.rename(out)
    print(json.dumps({"chrf": scores["chrf"], "bleu": scores["bleu"], "steps": steps}, indent=1), flush=True)
    print(f"[demo train] model written to {out}", flush=True)
    return 0


def build_parser(parser: argparse.ArgumentParser | None = None) -> argparse.ArgumentParser:
    """The ``demo train`` options (the defaults are the shipped model's)."""
    parser = parser or argparse.ArgumentParser(prog="python -m engine demo train",
                                               description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(DEMO_MODEL_DIR), help="model folder to write")
    parser.add_argument("--run-dir", default="", help="run folder (an existing one resumes)")
    parser.add_argument("--size", default="demo", help="model size of engine.models.demo.SIZES")
    parser.add_argument("--vocab-size", type=int, default=8000)
    parser.add_argument("--steps", type=int, default=5000)
    parser.add_argument("--minutes", type=float, default=0.0, help="time budget for training (0 = none)")
    parser.add_argument("--batch-size", type=int, default=48)
    parser.add_argument("--lr", type=float, default=1.5e-3)
    parser.add_argument("--warmup", type=int, default=200)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--threads", type=int, default=0)
    parser.add_argument("--precision", default="bf16", choices=("auto", "fp32", "bf16", "fp16"),
                        help="bf16 autocast (measured about twice as fast here) or fp32")
    parser.add_argument("--demo-dir", default=str(DEMO_DIR), help="folder of the demo corpus files")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``python -m engine demo train``."""
    argv = list(sys.argv[1:] if argv is None else argv)
    args = build_parser().parse_args(argv)
    args.argv = argv
    return train(args)


if __name__ == "__main__":
    sys.exit(main())
