"""Benchmark: the shipped demo SFT model's greedy quality and speed, on its own test split and on data it never saw.

Greedy chrF and BLEU (sacrebleu, corpus level) of a model folder (default ``data/demo/model``) on

* the demo **test** split (EN→AR and FR→AR; written for this project, never trained on),
* a seeded random 500 of ``../shared/corpora/manythings_eng_ara/eng-ara.tsv`` (seed 0; Tatoeba sentences),
* FLORES-200 **dev** EN→AR and FR→AR (first ``--flores`` lines; news-like Wikipedia sentences, far from the demo's
  everyday domains) and NTREX-128 EN→AR (first ``--flores`` lines),

none of which was used to choose anything. Speed: greedy translation throughput of the demo test split in
sentences/s, against the same model with eager attention (the baseline measured in the same run). Results, with
the machine's load, go to ``bench/results/demo_model.json``.

    python -m bench.demo_model [--model DIR] [--flores 300]
"""

from __future__ import annotations

import argparse
import os
import random
import time
from pathlib import Path

from bench.common import SHARED_CORPORA, write_results
from bench.loop import read_tsv

ROOT = Path(__file__).resolve().parents[1]


def test_sets(flores: int) -> dict[str, tuple[str, list[tuple[str, str]]]]:
    """``{name: (pair, rows)}`` of every set measured."""
    from engine.demo import read_demo_split

    sets = {"demo-test en-ar": ("en-ar", read_demo_split("en-ar", "test")),
            "demo-test fr-ar": ("fr-ar", read_demo_split("fr-ar", "test"))}
    many = SHARED_CORPORA / "manythings_eng_ara" / "eng-ara.tsv"
    if many.exists():
        rows = read_tsv(many)
        sets["manythings-500 en-ar"] = ("en-ar", random.Random(0).sample(rows, 500))
    for name, file, pair in (("flores-dev en-ar", "flores200/eng-ara.dev.tsv", "en-ar"),
                             ("flores-dev fr-ar", "flores200/fra-ara.dev.tsv", "fr-ar"),
                             ("ntrex en-ar", "ntrex128/eng-ara.tsv", "en-ar")):
        path = SHARED_CORPORA / file
        if path.exists():
            sets[name] = (pair, read_tsv(path)[:flores])
    return sets


def main(argv: list[str] | None = None) -> int:
    """Measure and write ``bench/results/demo_model.json``."""
    import sacrebleu
    import torch

    from engine.decoding.greedy import greedy_translate
    from engine.models.loading import load_causal_lm, load_tokenizer

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=str(ROOT / "data" / "demo" / "model"))
    parser.add_argument("--flores", type=int, default=300, help="lines of FLORES dev / NTREX to translate")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--name", default="demo_model", help="results file name")
    args = parser.parse_args(argv)
    torch.set_num_threads(args.threads)
    load_start = os.getloadavg()
    model, tokenizer = load_causal_lm(args.model), load_tokenizer(args.model)
    results: dict = {"model": args.model, "parameters": sum(p.numel() for p in model.parameters()), "sets": {}}
    for name, (pair, rows) in test_sets(args.flores).items():
        t0 = time.perf_counter()
        hyps = greedy_translate(model, tokenizer, [s for s, _ in rows], pair, "tags", batch_size=64)
        wall = time.perf_counter() - t0
        refs = [t for _, t in rows]
        results["sets"][name] = {
            "n": len(rows), "chrf": round(sacrebleu.corpus_chrf(hyps, [refs]).score, 2),
            "bleu": round(sacrebleu.corpus_bleu(hyps, [refs]).score, 2), "sentences_per_s": round(len(rows) / wall, 1),
            "examples": [{"source": s, "reference": r, "output": h}
                         for (s, r), h in list(zip(rows, hyps, strict=True))[:5]],
        }
        print(f"{name:24s} n={len(rows):4d} chrF {results['sets'][name]['chrf']:6.2f} "
              f"BLEU {results['sets'][name]['bleu']:6.2f} ({len(rows) / wall:.1f} sent/s)", flush=True)
    # speed baseline: the same model with eager attention, on the EN→AR demo test split
    from transformers import AutoModelForCausalLM

    rows = test_sets(0)["demo-test en-ar"][1]
    eager = AutoModelForCausalLM.from_pretrained(args.model, attn_implementation="eager", use_safetensors=True).eval()
    timings = {}
    for label, m in (("eager (baseline)", eager), ("studio (sdpa)", model)):
        t0 = time.perf_counter()
        greedy_translate(m, tokenizer, [s for s, _ in rows], "en-ar", "tags", batch_size=64)
        timings[label] = time.perf_counter() - t0
    results["speed"] = {"sentences": len(rows), "eager_s": round(timings["eager (baseline)"], 2),
                        "studio_s": round(timings["studio (sdpa)"], 2),
                        "ratio": round(timings["eager (baseline)"] / timings["studio (sdpa)"], 2)}
    print(f"greedy translation of {len(rows)} sentences: eager {timings['eager (baseline)']:.1f} s, "
          f"studio {timings['studio (sdpa)']:.1f} s → {results['speed']['ratio']:.2f}× faster", flush=True)
    results["load"] = {"start": load_start, "end": os.getloadavg()}
    write_results(args.name, results)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
