"""Benchmark: from clicking *Translate* to the ranked top 3 — 8 candidates of one source, sampled and scored.

The model is the demo-size Gemma-2 (``gemma2_config(len(tokenizer), "demo")``, random weights from a fixed seed,
BPE tokenizer trained on ``data/demo``) and a reward model built on its backbone — or the folders given with
``--model`` / ``--rm``. A random model rarely stops early, so every candidate runs to ``--max-new-tokens`` (the
page's default, 64): the worst case of a sentence of that length.

Variants of :func:`engine.feedback.interactive.translate_and_rank` on the same sources, seeds and settings:

``batched``
    every candidate in **one** ``generate()`` call (one row per candidate, each row with its own temperature /
    top-k / top-p through the ``PerRowSampling`` logits processor), then one reward-model pass over all of them —
    what the page does;
``per_strategy``
    one ``generate()`` call per strategy (``engine.decoding.candidates.generate_candidates``: 5 calls for the default 8
    candidates), then one reward-model pass;
``sequential``
    one ``generate()`` and one reward-model call per candidate (8 + 8 calls).

The three run interleaved per source in a rotating order (so they see the same machine load), after a warm-up,
each in a fresh process per torch thread count (``--threads 1,2``). The ``page`` measurement then times the
translate page itself in Streamlit's AppTest: click *Translate*, rerun, candidates on the page (the first click
also loads the models). Results: ``bench/results/translate.json``.

    python -m bench.translate [--sources 4] [--max-new-tokens 64] [--threads 1,2] [--model DIR --rm DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import tempfile
import time
from pathlib import Path

from bench.common import measure_in_subprocess, peak_rss_mib, timing_summary, write_results
from bench.generate import demo_rows

DEMO = Path(__file__).resolve().parents[1] / "data" / "demo"
MODES = ("batched", "per_strategy", "sequential")


def demo_sources(n: int, seed: int) -> list[tuple[str, str]]:
    """``n`` seeded ``(source, pair)`` picks from ``data/demo`` (EN and FR mixed)."""
    return random.Random(seed).sample([(source, pair) for source, _, pair in demo_rows()], n)


def build_models(folder: Path, seed: int) -> tuple[str, str, str]:
    """The random demo-size policy and a reward model on its backbone, saved under ``folder``."""
    import torch

    from engine.models.demo import build_model, gemma2_config, train_bpe_tokenizer
    from engine.models.loading import load_tokenizer
    from engine.models.prompting import write_model_card
    from engine.reward.model import build_reward_model, save_reward_model

    texts = []
    for path in sorted(DEMO.glob("*.tsv")):
        for line in path.read_text(encoding="utf-8").splitlines():
            texts += line.split("\t")[:2]
    tokenizer = train_bpe_tokenizer(texts, 4000, model_max_length=256)
    torch.manual_seed(seed)
    model = build_model(gemma2_config(len(tokenizer), "demo"))
    policy = folder / "policy"
    model.save_pretrained(policy, safe_serialization=True)
    tokenizer.save_pretrained(policy)
    write_model_card(policy, "tags", created_by="bench.translate")
    tok = load_tokenizer(policy)
    rm = save_reward_model(build_reward_model(policy, pad_token_id=tok.pad_token_id, seed=seed), tok, folder / "rm",
                           prompt_format="tags")
    return str(policy), str(rm), f"demo-size Gemma-2, random weights (seed {seed}), BPE 4k trained on data/demo"


def run_engine(args: argparse.Namespace) -> dict:
    """Time the three modes on every source (rotating order) in this process, with ``args.threads`` threads."""
    import torch

    from engine.feedback.interactive import DEFAULT_STRATEGIES, load_policy, translate_and_rank
    from engine.reward.scoring import cached_scorer

    load = os.getloadavg()
    os.environ["TARJAMA_INTERACTIVE_THREADS"] = str(args.threads)  # what translate_and_rank runs with
    torch.set_num_threads(int(args.threads))
    t0 = time.perf_counter()
    load_policy(args.model)
    cached_scorer(args.rm)
    load_s = time.perf_counter() - t0
    common = {"model_name": "bench", "model_path": args.model, "prompt_format": "tags", "rm_name": "bench-rm",
              "rm_path": args.rm, "strategies": DEFAULT_STRATEGIES, "max_new_tokens": args.max_new_tokens}
    sources = demo_sources(args.sources, args.seed)
    for mode in MODES:  # warm-up: first calls pay one-off costs
        translate_and_rank(source=sources[0][0], pair=sources[0][1], seed=999, mode=mode,
                           **{**common, "max_new_tokens": 4})
    timings: dict[str, dict[str, list[float]]] = {m: {"total": [], "generate": [], "score": []} for m in MODES}
    distinct: dict[str, list[int]] = {m: [] for m in MODES}
    for i, (source, pair) in enumerate(sources):
        for mode in MODES[i % 3:] + MODES[:i % 3]:
            t = time.perf_counter()
            out = translate_and_rank(source=source, pair=pair, seed=args.seed + i, mode=mode, **common)
            timings[mode]["total"].append(time.perf_counter() - t)
            timings[mode]["generate"].append(out.generate_s)
            timings[mode]["score"].append(out.score_s)
            distinct[mode].append(len(out.candidates))
    return {"threads": int(args.threads), "load_avg_at_start": [round(x, 2) for x in load],
            "load_avg_at_end": [round(x, 2) for x in os.getloadavg()], "model_load_s": round(load_s, 3),
            "modes": {m: {**timing_summary(timings[m]["total"]), "generate_mean_s": round(statistics.fmean(
                timings[m]["generate"]), 3), "score_mean_s": round(statistics.fmean(timings[m]["score"]), 3),
                "mean_distinct_candidates": round(statistics.fmean(distinct[m]), 2)} for m in MODES},
            "peak_rss_mib": round(peak_rss_mib(), 1)}


def run_page(args: argparse.Namespace) -> dict:
    """The translate page in AppTest: click Translate and rerun until the ranked candidates are on the page."""
    import torch
    from streamlit.testing.v1 import AppTest

    from engine.store import Store

    os.environ["TARJAMA_INTERACTIVE_THREADS"] = str(args.threads)
    torch.set_num_threads(int(args.threads))
    home = Path(args.home)
    store = Store(home / "studio.duckdb")
    store.models.register("bench-demo", "policy", args.model, stage="sft", metadata={"prompt_format": "tags"})
    store.models.register("bench-rm", "reward", args.rm, metadata={"prompt_format": "tags"})
    store.close()
    os.environ["TARJAMA_HOME"] = str(home)
    at = AppTest.from_file(str(Path(__file__).resolve().parents[1] / "pages" / "translate.py"), default_timeout=300)
    at.query_params["linguist"] = "bench"
    at.run()
    clicks = []
    for i, (source, _pair) in enumerate(demo_sources(args.page_clicks, args.seed + 1)):
        at.text_area(key="tr-source").input(source)
        at.number_input(key="tr-seed").set_value(i)
        at.run()
        at.button(key="tr-translate").click()
        t = time.perf_counter()
        at.run()
        clicks.append(time.perf_counter() - t)
        cards = [c for c in at.caption if c.value.startswith("**#")]
        if at.exception or len(cards) < 3:
            raise RuntimeError(f"the page did not show the ranked candidates: {at.exception}")
    return {"threads": int(args.threads), "first_click_s": round(clicks[0], 3),
            "later_clicks": timing_summary(clicks[1:]) if len(clicks) > 1 else None,
            "note": "AppTest rerun after clicking Translate: sampling, ranking, storing the request and rendering "
                    "the page; the first click also loads both models"}


def main() -> None:
    """Build the models, measure each thread count in a fresh process, then the page; write the results."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--sources", type=int, default=4, help="sources from data/demo, each translated by every mode")
    parser.add_argument("--max-new-tokens", type=int, default=64, help="the page's default")
    parser.add_argument("--threads", default="1,2", help="torch thread counts to measure, each in a fresh process")
    parser.add_argument("--page-clicks", type=int, default=4, help="Translate clicks timed on the page (0: skip)")
    parser.add_argument("--model", help="a policy folder instead of the random demo-size model")
    parser.add_argument("--rm", help="a reward-model folder (with --model)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--variant", choices=["engine", "page"])
    parser.add_argument("--home")
    args = parser.parse_args()
    if args.variant:  # a child process measuring
        print(json.dumps(run_engine(args) if args.variant == "engine" else run_page(args)))
        return

    with tempfile.TemporaryDirectory() as tmp:
        if args.model and args.rm:
            model, rm, description = args.model, args.rm, f"loaded from {args.model}, reward model {args.rm}"
        else:
            model, rm, description = build_models(Path(tmp), args.seed)
        child = ["--model", model, "--rm", rm, "--sources", str(args.sources), "--max-new-tokens",
                 str(args.max_new_tokens), "--seed", str(args.seed)]
        print(f"translate: 8 candidates (greedy, temperature:0.7x2, temperature:1.0x2, top_k:20, top_p:0.9x2), "
              f"max_new_tokens={args.max_new_tokens}, {args.sources} sources per mode; model: {description}",
              flush=True)
        engine = {}
        for threads in [t.strip() for t in args.threads.split(",") if t.strip()]:
            engine[threads] = measure_in_subprocess("bench.translate", "engine", *child, "--threads", threads)
            modes = engine[threads]["modes"]
            print(f"  {threads} thread(s): " + ", ".join(f"{m} {modes[m]['median_s']:.2f} s" for m in MODES)
                  + f" (median; load {engine[threads]['load_avg_at_start'][0]:.1f})", flush=True)
        best_threads = min(engine, key=lambda t: engine[t]["modes"]["batched"]["median_s"])
        page = None
        if args.page_clicks:
            home = Path(tmp) / "workspace"
            home.mkdir()
            page = measure_in_subprocess("bench.translate", "page", *child, "--threads", best_threads, "--home",
                                         str(home), "--page-clicks", str(args.page_clicks))
    best = engine[best_threads]["modes"]
    results = {
        "candidates": 8, "max_new_tokens": args.max_new_tokens, "sources": args.sources, "seed": args.seed,
        "model": description, "engine": engine, "page": page, "best_threads": int(best_threads),
        "ratio_sequential_over_batched": round(best["sequential"]["median_s"] / best["batched"]["median_s"], 2),
        "ratio_per_strategy_over_batched": round(best["per_strategy"]["median_s"] / best["batched"]["median_s"], 2),
    }
    path = write_results("translate", results)
    print(f"click → ranked top 3 ({best_threads} thread(s), median): batched {best['batched']['median_s']:.2f} s, "
          f"per strategy {best['per_strategy']['median_s']:.2f} s (x{results['ratio_per_strategy_over_batched']}), "
          f"one at a time {best['sequential']['median_s']:.2f} s (x{results['ratio_sequential_over_batched']})")
    if page:
        later = page["later_clicks"]["median_s"] if page["later_clicks"] else None
        print(f"translate page (AppTest): first click {page['first_click_s']:.2f} s (loads the models)"
              + (f", later clicks {later:.2f} s median" if later is not None else ""))
    print(f"results: {path}")


if __name__ == "__main__":
    main()
