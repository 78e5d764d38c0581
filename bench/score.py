"""Benchmark: score 20,000 candidates with chrF, BLEU and TER — the studio's metrics on both cores vs a sacrebleu loop.

The triples (source, candidate, reference) come from ``data/demo`` and ``../shared/corpora``: the reference is an
Arabic sentence and the candidate a seeded perturbation of it (kept as is, words dropped, substituted, locally
reordered or — for short sentences — shuffled, truncated, a phrase repeated, or another sentence altogether).

Variants, each in a fresh process (so no variant finds another's caches warm), scoring the same triples:

``baseline``
    a plain Python loop calling sacrebleu's ``sentence_chrf``, ``sentence_bleu`` and ``sentence_ter`` one
    candidate at a time, in one process;
``studio``
    ``get_metric(name, MetricSettings(workers=2)).score(...)`` for chrf, bleu and ter;
``studio1``
    the same with ``workers=1`` (one process), to show how much of the gain is the second core.

Every studio score must equal the baseline's within 1e-9.

    python -m bench.score [--candidates 20000] [--workers 2] [--repeats 2]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import tempfile
import time
from pathlib import Path

from bench.common import SHARED_CORPORA, measure_in_subprocess, peak_rss_mib, write_results

DEMO = Path(__file__).resolve().parents[1] / "data" / "demo"
CORPORA = ["ntrex128/eng-ara.tsv", "ntrex128/fra-ara.tsv", "flores200/eng-ara.dev.tsv", "flores200/fra-ara.dev.tsv",
           "manythings_eng_ara/eng-ara.tsv"]
METRICS = ("chrf", "bleu", "ter")
TOLERANCE = 1e-9
PERTURBATIONS = ("same", "drop", "substitute", "reorder", "shuffle", "truncate", "repeat", "other")
SHUFFLE_MAX_WORDS = 8
"""Whole-sentence shuffles only for sentences this short: TER's shift search on a shuffled 20-word sentence
takes ~50 ms (about 100× a typical pair), so a realistic set reorders long sentences locally instead."""


def load_pairs() -> list[tuple[str, str]]:
    """Every (source, Arabic) pair of the demo corpus and the shared corpora, in file order."""
    pairs: list[tuple[str, str]] = []
    files = sorted(DEMO.glob("*.tsv")) + [SHARED_CORPORA / name for name in CORPORA]
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            cols = line.split("\t")
            if len(cols) >= 2 and cols[0].strip() and cols[1].strip():
                pairs.append((cols[0].strip(), cols[1].strip()))
    return pairs


def perturb(reference: str, other: str, rng: random.Random) -> tuple[str, str]:
    """A candidate made from ``reference`` (``other`` is another sentence to borrow from) and its kind."""
    words = reference.split()
    kind = rng.choices(PERTURBATIONS, weights=(8, 20, 15, 20, 7, 10, 8, 12))[0]
    if kind == "shuffle" and len(words) > SHUFFLE_MAX_WORDS:
        kind = "reorder"
    if len(words) < 2 and kind not in ("same", "other"):
        kind = "other"
    if kind == "same":
        out = words
    elif kind == "drop":
        out = [w for w in words if rng.random() > 0.25] or words[:1]
    elif kind == "substitute":
        donors = other.split()
        out = [rng.choice(donors) if rng.random() < 0.2 else w for w in words]
    elif kind == "reorder":  # move a span of 1-3 words elsewhere, once or twice
        out = list(words)
        for _ in range(rng.randint(1, 2)):
            size = rng.randint(1, min(3, len(out) - 1))
            start = rng.randrange(len(out) - size + 1)
            span, rest = out[start:start + size], out[:start] + out[start + size:]
            at = rng.randrange(len(rest) + 1)
            out = rest[:at] + span + rest[at:]
    elif kind == "shuffle":
        out = list(words)
        rng.shuffle(out)
    elif kind == "truncate":
        out = words[:max(1, len(words) * rng.randint(3, 7) // 10)]
    elif kind == "repeat":  # a hallucination-like loop on a phrase
        start = rng.randrange(len(words))
        phrase = words[start:start + rng.randint(1, 3)]
        out = words[:start] + phrase * rng.randint(2, 4) + words[start + len(phrase):]
    else:
        out = other.split()
    return " ".join(out), kind


def build_triples(n: int, seed: int = 0) -> dict[str, list[str]]:
    """``n`` seeded (source, candidate, reference) triples; sampled without replacement while the pool lasts."""
    pairs = load_pairs()
    rng = random.Random(seed)
    chosen = rng.sample(pairs, n) if n <= len(pairs) else [rng.choice(pairs) for _ in range(n)]
    sources, candidates, references, kinds = [], [], [], []
    for src, ref in chosen:
        cand, kind = perturb(ref, rng.choice(pairs)[1], rng)
        sources.append(src)
        candidates.append(cand)
        references.append(ref)
        kinds.append(kind)
    return {"sources": sources, "candidates": candidates, "references": references, "kinds": kinds}


Timings = tuple[dict[str, float], dict[str, float], dict[str, list[float]]]
"""Per metric: wall seconds, CPU seconds (this process and its finished workers), scores."""


def _cpu_seconds() -> float:
    """CPU time (user + system) of this process and of its reaped child processes (the metric workers)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def run_baseline(data: dict[str, list[str]]) -> Timings:
    """A plain loop over sacrebleu's sentence functions, one metric after the other, in this process."""
    from sacrebleu import sentence_bleu, sentence_chrf, sentence_ter

    functions = {"chrf": sentence_chrf, "bleu": sentence_bleu, "ter": sentence_ter}
    seconds, cpu, scores = {}, {}, {}
    for name in METRICS:
        fn = functions[name]
        t0, c0 = time.perf_counter(), _cpu_seconds()
        scores[name] = [fn(c, [r]).score for c, r in zip(data["candidates"], data["references"], strict=True)]
        seconds[name], cpu[name] = time.perf_counter() - t0, _cpu_seconds() - c0
    return seconds, cpu, scores


def run_studio(data: dict[str, list[str]], workers: int) -> Timings:
    """The studio's metrics (``engine.metrics``) with ``workers`` processes; the worker start-up is timed too."""
    from engine.metrics import MetricSettings, get_metric

    settings = MetricSettings(workers=workers)
    seconds, cpu, scores = {}, {}, {}
    for name in METRICS:
        metric = get_metric(name, settings)
        t0, c0 = time.perf_counter(), _cpu_seconds()
        scores[name] = metric.score(data["sources"], data["candidates"], data["references"])
        seconds[name], cpu[name] = time.perf_counter() - t0, _cpu_seconds() - c0
    return seconds, cpu, scores


def run_variant(variant: str, triples: Path, out: Path, workers: int) -> dict:
    """Score the triples in ``triples`` with one variant; write the scores to ``out``, return the timings."""
    load = os.getloadavg()
    data = json.loads(triples.read_text(encoding="utf-8"))
    if variant == "baseline":
        seconds, cpu, scores = run_baseline(data)
    else:
        seconds, cpu, scores = run_studio(data, workers if variant == "studio" else 1)
    out.write_text(json.dumps(scores), encoding="utf-8")
    n = len(data["candidates"])
    total = sum(seconds.values())
    return {"workers": 1 if variant != "studio" else workers, "load_avg_at_start": [round(x, 2) for x in load],
            "seconds": round(total, 3), "candidates_per_s": round(n / total, 1),
            "cpu_seconds": round(sum(cpu.values()), 3),
            "per_metric": {m: {"seconds": round(s, 3), "cpu_seconds": round(cpu[m], 3),
                               "candidates_per_s": round(n / s, 1)} for m, s in seconds.items()},
            "peak_rss_mib": round(peak_rss_mib(), 1)}


def _best(runs: list[dict], n: int) -> dict:
    """The fastest time of each metric over repeated runs (the least disturbed by other jobs)."""
    per_metric = {}
    for m in METRICS:
        per_metric[m] = min((r["per_metric"][m] for r in runs), key=lambda x: x["seconds"])
    total = sum(v["seconds"] for v in per_metric.values())
    cpu = sum(v["cpu_seconds"] for v in per_metric.values())
    return {"seconds": round(total, 3), "cpu_seconds": round(cpu, 3), "candidates_per_s": round(n / total, 1),
            "per_metric": per_metric, "runs": runs}


def _max_diff(a: dict[str, list[float]], b: dict[str, list[float]]) -> dict[str, float]:
    return {m: max((abs(x - y) for x, y in zip(a[m], b[m], strict=True)), default=0.0) for m in METRICS}


def main() -> None:
    """Build the triples, score them with each variant in its own process, compare, report, write results."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--candidates", type=int, default=20_000)
    parser.add_argument("--workers", type=int, default=2, help="processes for the studio variant")
    parser.add_argument("--repeats", type=int, default=2, help="runs of each variant (interleaved); best is kept")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--variant", choices=["baseline", "studio", "studio1"])
    parser.add_argument("--triples")
    parser.add_argument("--out")
    args = parser.parse_args()
    if args.variant:  # a child process measuring one variant
        print(json.dumps(run_variant(args.variant, Path(args.triples), Path(args.out), args.workers)))
        return

    load_start = os.getloadavg()
    data = build_triples(args.candidates, args.seed)
    n = len(data["candidates"])
    kinds = {k: data["kinds"].count(k) for k in PERTURBATIONS}
    variants = ("baseline", "studio", "studio1")
    runs: dict[str, list[dict]] = {v: [] for v in variants}
    diffs: dict[str, dict[str, float]] = {}
    print(f"score: {n:,} candidates × {', '.join(METRICS)}; {args.repeats} run(s) of {', '.join(variants)} "
          f"(load average at start {load_start[0]:.2f})", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        triples = Path(tmp) / "triples.json"
        triples.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        for r in range(args.repeats):
            scores: dict[str, dict[str, list[float]]] = {}
            for variant in variants:
                out = Path(tmp) / f"{variant}.json"
                runs[variant].append(measure_in_subprocess("bench.score", variant, "--triples", str(triples),
                                                           "--out", str(out), "--workers", str(args.workers)))
                scores[variant] = json.loads(out.read_text(encoding="utf-8"))
            for variant in ("studio", "studio1"):
                diff = _max_diff(scores["baseline"], scores[variant])
                diffs[variant] = {m: max(diff[m], diffs.get(variant, {}).get(m, 0.0)) for m in METRICS}
            if r == 0:
                means = {m: round(sum(scores["baseline"][m]) / n, 3) for m in METRICS}
    best = {v: _best(runs[v], n) for v in variants}
    equal = all(d <= TOLERANCE for per in diffs.values() for d in per.values())
    base, studio, one = best["baseline"], best["studio"], best["studio1"]
    results = {
        "candidates": n, "metrics": list(METRICS), "workers": args.workers, "repeats": args.repeats,
        "seed": args.seed, "perturbations": kinds, "mean_baseline_scores": means,
        "load_avg_at_start": [round(x, 2) for x in load_start],
        "load_avg_at_end": [round(x, 2) for x in os.getloadavg()],
        "baseline": base, "studio": studio, "studio_one_process": one,
        "scores_equal_within_1e-9": equal, "max_abs_difference": diffs,
        "speedup_studio_over_baseline": round(base["seconds"] / studio["seconds"], 2),
        "speedup_per_metric": {m: round(base["per_metric"][m]["seconds"] / studio["per_metric"][m]["seconds"], 2)
                               for m in METRICS},
        "speedup_one_process_over_baseline": round(base["seconds"] / one["seconds"], 2),
        "speedup_studio_over_one_process": round(one["seconds"] / studio["seconds"], 2),
    }
    cores = len(os.sched_getaffinity(0))
    busy_load = max(results["load_avg_at_start"][0], results["load_avg_at_end"][0])
    results["machine_busy"] = busy_load > cores - 0.5
    path = write_results("score", results)
    labels = ("sacrebleu loop", f"studio, {args.workers} workers", "studio, 1 process")
    for label, res in zip(labels, (base, studio, one), strict=True):
        per = ", ".join(f"{m} {v['seconds']:.2f} s ({v['candidates_per_s']:,.0f}/s)"
                        for m, v in res["per_metric"].items())
        print(f"  {label:<18} {res['seconds']:6.2f} s (CPU {res['cpu_seconds']:5.2f} s) "
              f"{res['candidates_per_s']:7,.0f} candidates/s  [{per}]")
    print(f"score {n:,} candidates (chrF+BLEU+TER): studio speed-up x{results['speedup_studio_over_baseline']} over a "
          f"single-process sacrebleu loop (x{results['speedup_one_process_over_baseline']} from the studio's code in "
          f"one process, x{results['speedup_studio_over_one_process']} from {args.workers} workers); "
          f"scores equal within 1e-9: {'yes' if equal else 'NO'}")
    print(f"cores used (CPU s / wall s): loop {base['cpu_seconds'] / base['seconds']:.2f}, "
          f"studio {studio['cpu_seconds'] / studio['seconds']:.2f}; below 1 and 2: other jobs share the CPUs")
    print(f"load average: start {load_start[0]:.2f}, end {results['load_avg_at_end'][0]:.2f} "
          f"on {len(os.sched_getaffinity(0))} cores")
    if results["machine_busy"]:
        print(f"WARNING: other jobs shared the machine (1-min load average up to {busy_load:.1f} on {cores} cores): "
              "absolute speeds are depressed and the ratio is noisy; rerun on a quiet machine to compare")
    print(f"results: {path}")
    if not equal:
        raise SystemExit(f"scores differ from sacrebleu's: {diffs}")


if __name__ == "__main__":
    main()
