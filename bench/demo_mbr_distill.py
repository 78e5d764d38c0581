"""Benchmark: MBR self-distillation of the shipped demo model — can its greedy outputs learn what MBR decoding finds?

MBR decoding of the shipped SFT model (the decoding's output plus samples, the candidate with the highest mean
chrF against the others kept) beats its greedy outputs on the demo test split (``bench.demo_rl_sweep``'s
``sft-mbr-best-of-16``). This experiment distils that into the weights, without references: for a seeded sample
of the held-out ``prefs`` pool, the SFT model samples greedy + ``--samples`` − 1 candidates
(:func:`engine.decoding.candidates.generate_candidates`), the MBR pick (:func:`engine.jobs.evaluate.mbr_pick`)
becomes the target, and a copy of the model is fine-tuned on the targets with a plain NLL loss (AdamW, linear
warm-up and decay, the prompt masked) — the studio's DPO job with ``nll_weight`` adds a preference term to this,
and is measured by the sweep. Greedy outputs of both models on the whole test split are compared with the
Compare page's paired bootstrap (corpus chrF and BLEU). The test split is never read before the model is final.

    python -m bench.demo_mbr_distill [--sources 2000] [--samples 16] [--lr 5e-5] [--epochs 2] [--seed 0]

Results: appended to ``bench/results/demo_mbr_distill.json`` (one entry per run, with the machine's load).
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import random
import time

from bench.common import RESULTS


def mbr_targets(model, tokenizer, rows: list[tuple[str, str, str]], samples: int, seed: int) -> list[str]:
    """The MBR pick among greedy + ``samples`` − 1 samples at temperature 1, per (source, reference, pair) row."""
    from engine.decoding.candidates import SamplingStrategy, generate_candidates
    from engine.jobs.evaluate import mbr_pick

    strategies = [SamplingStrategy.parse("greedy"), SamplingStrategy("temperature", 1.0, samples - 1)]
    candidates = generate_candidates(model, tokenizer, [r[0] for r in rows], [r[2] for r in rows], strategies,
                                     batch_size=64, max_new_tokens=64, seed=seed)
    return [mbr_pick(c).text for c in candidates]


def fine_tune(model, tokenizer, rows: list[tuple[str, str, str]], targets: list[str], *, lr: float, epochs: float,
              batch_size: int = 32, seed: int = 0) -> tuple[object, list[float]]:
    """A copy of ``model`` trained with NLL on ``targets`` (prompt tokens masked); returns it and its losses."""
    import torch

    from engine.models.prompting import encode_prompt
    from engine.reward.encoding import response_ids

    data = [(encode_prompt(tokenizer, s, p, "tags"), response_ids(tokenizer, y))
            for (s, _, p), y in zip(rows, targets, strict=True) if y]
    rng = random.Random(seed)
    torch.manual_seed(seed)
    policy = copy.deepcopy(model).train()
    optimiser = torch.optim.AdamW(policy.parameters(), lr=lr, weight_decay=0.0)
    steps = max(1, int(len(data) * epochs / batch_size))
    warmup = max(1, steps // 10)
    order: list[int] = []
    losses = []
    for step in range(steps):
        if len(order) < batch_size:
            fresh = list(range(len(data)))
            rng.shuffle(fresh)
            order += fresh
        batch = [data[i] for i in order[:batch_size]]
        del order[:batch_size]
        width = max(len(a) + len(b) for a, b in batch)
        ids = torch.full((len(batch), width), tokenizer.pad_token_id)
        labels = torch.full((len(batch), width), -100)
        mask = torch.zeros((len(batch), width), dtype=torch.long)
        for i, (prompt, target) in enumerate(batch):
            n = len(prompt) + len(target)
            ids[i, :n] = torch.tensor(prompt + target)
            mask[i, :n] = 1
            labels[i, len(prompt):n] = torch.tensor(target)
        for group in optimiser.param_groups:
            group["lr"] = lr * min(1.0, (step + 1) / warmup) * (1 - step / steps)
        loss = policy(input_ids=ids, attention_mask=mask, labels=labels).loss
        optimiser.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(policy.parameters(), 1.0)
        optimiser.step()
        losses.append(round(float(loss), 4))
    return policy.eval(), losses


def main(argv: list[str] | None = None) -> int:
    """Run one distillation and append its result to ``bench/results/demo_mbr_distill.json``."""
    import torch

    from engine.compare.significance import CorpusStatistics, corpus_paired_test
    from engine.decoding.greedy import greedy_translate
    from engine.demo import DEMO_CORPORA, DEMO_MODEL_DIR, read_demo_split
    from engine.models.loading import load_causal_lm, load_tokenizer

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=int, default=2000, help="prefs sources to distil on (seeded sample)")
    parser.add_argument("--samples", type=int, default=16, help="candidates per source (greedy + samples)")
    parser.add_argument("--lr", type=float, default=5e-5)
    parser.add_argument("--epochs", type=float, default=2.0)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args(argv)
    torch.set_num_threads(args.threads)
    load = os.getloadavg()
    t0 = time.perf_counter()
    model, tokenizer = load_causal_lm(DEMO_MODEL_DIR), load_tokenizer(DEMO_MODEL_DIR)
    pairs = sorted(DEMO_CORPORA.values())
    prefs = [(s, t, p) for p in pairs for s, t in read_demo_split(p, "prefs")]
    random.Random(args.seed).shuffle(prefs)
    prefs = prefs[:args.sources]
    targets = mbr_targets(model, tokenizer, prefs, args.samples, args.seed)
    timing = {"mbr_s": round(time.perf_counter() - t0, 1)}
    policy, losses = fine_tune(model, tokenizer, prefs, targets, lr=args.lr, epochs=args.epochs, seed=args.seed)
    timing["train_s"] = round(time.perf_counter() - t0 - timing["mbr_s"], 1)
    test = [(s, t, p) for p in pairs for s, t in read_demo_split(p, "test")]
    sources, refs, langs = [r[0] for r in test], [r[1] for r in test], [r[2] for r in test]
    before = greedy_translate(model, tokenizer, sources, langs, "tags", batch_size=64, max_new_tokens=48)
    after = greedy_translate(policy, tokenizer, sources, langs, "tags", batch_size=64, max_new_tokens=48)
    result = {"when_utc": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "settings": vars(args),
              "test_sentences": len(test), "load_start": [round(x, 2) for x in load], **timing,
              "loss_first10": losses[:10], "loss_last10": losses[-10:],
              "prefs_target_chrf": round(CorpusStatistics("chrf", targets, [r[1] for r in prefs]).score(), 2)}
    for metric in ("chrf", "bleu"):
        a, b = CorpusStatistics(metric, before, refs), CorpusStatistics(metric, after, refs)
        test_result = corpus_paired_test(a, b)
        result[metric] = {"sft": round(a.score(), 2), "distilled": round(b.score(), 2),
                          "gain": round(b.score() - a.score(), 2), "p_value": round(test_result.p_value, 4)}
    result["load_end"] = [round(x, 2) for x in os.getloadavg()]
    print(json.dumps(result, indent=1))
    path = RESULTS / "demo_mbr_distill.json"
    runs = json.loads(path.read_text()) if path.exists() else {"benchmark": "demo_mbr_distill", "runs": []}
    runs["runs"].append(result)
    RESULTS.mkdir(exist_ok=True)
    path.write_text(json.dumps(runs, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
