"""Benchmark: self-distillation of the shipped demo model — can its greedy outputs learn what best-of-n finds?

MBR decoding of the shipped SFT model (the decoding's output plus samples, the candidate with the highest mean
chrF against the others kept) beats its greedy outputs on the demo test split (``bench.demo_rl_sweep``'s
``sft-mbr-best-of-16``). This experiment distils a best-of-n pick into the weights: for a seeded sample of the
held-out ``prefs`` pool, the SFT model samples greedy + ``--samples`` − 1 candidates
(:func:`engine.decoding.candidates.generate_candidates`), the pick becomes the target — the MBR pick
(:func:`engine.jobs.evaluate.mbr_pick`, no reference read) or, with ``--pick oracle``, the candidate with the
highest chrF against the source's reference (rejection-sampling fine-tuning on the demo's Phase 2 metric, as in
ReST / RAFT), or with ``--pick reference`` the reference itself (nothing sampled: plain supervised fine-tuning on
the pool, the baseline any preference step on the same references has to beat) — and a copy of the model is
fine-tuned on the targets with a plain NLL loss (AdamW, linear warm-up and decay, the prompt masked); ``--rounds``
repeats sample → pick → fine-tune from the new model (ReST's *Grow* steps). The studio's DPO job with
``nll_weight`` adds a preference term to this, and is measured by the sweep. Greedy outputs of both models on
the whole test split are compared with the Compare page's paired bootstrap
(corpus chrF and BLEU). The test split is never read before the model is final.

    python -m bench.demo_mbr_distill [--sources 2000] [--samples 16] [--lr 5e-5] [--epochs 2] [--seed 0]
                                     [--pick mbr|oracle|reference] [--rounds 1]

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


def pick_targets(model, tokenizer, rows: list[tuple[str, str, str]], samples: int, seed: int,
                 pick: str = "mbr") -> list[str]:
    """Per (source, reference, pair) row, the target among greedy + ``samples`` − 1 samples at temperature 1:
    the MBR pick (no reference read), or with ``pick="oracle"`` the candidate with the highest sentence chrF
    against the reference — rejection sampling on the demo's Phase 2 metric (ReST / RAFT)."""
    import sacrebleu

    from engine.decoding.candidates import SamplingStrategy, generate_candidates
    from engine.jobs.evaluate import mbr_pick

    strategies = [SamplingStrategy.parse("greedy"), SamplingStrategy("temperature", 1.0, samples - 1)]
    candidates = generate_candidates(model, tokenizer, [r[0] for r in rows], [r[2] for r in rows], strategies,
                                     batch_size=64, max_new_tokens=64, seed=seed)
    if pick == "mbr":
        return [mbr_pick(c).text for c in candidates]
    return [max((c.text for c in cands), key=lambda text: sacrebleu.sentence_chrf(text, [row[1]]).score)
            for cands, row in zip(candidates, rows, strict=True)]


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
        losses.append(round(float(loss.detach()), 4))
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
    parser.add_argument("--pick", choices=("mbr", "oracle", "reference"), default="mbr",
                        help="the target per source: the MBR pick, the best by chrF against the reference, or the "
                             "reference itself (plain supervised fine-tuning on the pool: the baseline RL must beat)")
    parser.add_argument("--rounds", type=int, default=1, help="sample → pick → fine-tune rounds (ReST's Grow steps)")
    parser.add_argument("--save", default="", help="also save the distilled model in this folder (safetensors, with "
                                                   "its tokenizer and model card), e.g. to start RL from it")
    args = parser.parse_args(argv)
    torch.set_num_threads(args.threads)
    load = os.getloadavg()
    model, tokenizer = load_causal_lm(DEMO_MODEL_DIR), load_tokenizer(DEMO_MODEL_DIR)
    pairs = sorted(DEMO_CORPORA.values())
    prefs = [(s, t, p) for p in pairs for s, t in read_demo_split(p, "prefs")]
    random.Random(args.seed).shuffle(prefs)
    prefs = prefs[:args.sources]
    timing = {"mbr_s": 0.0, "train_s": 0.0}
    policy = model
    for round_ in range(args.rounds):
        t1 = time.perf_counter()
        targets = ([r[1] for r in prefs] if args.pick == "reference"
                   else pick_targets(policy, tokenizer, prefs, args.samples, args.seed + round_, args.pick))
        timing["mbr_s"] += round(time.perf_counter() - t1, 1)
        t1 = time.perf_counter()
        policy, losses = fine_tune(policy, tokenizer, prefs, targets, lr=args.lr, epochs=args.epochs, seed=args.seed)
        timing["train_s"] += round(time.perf_counter() - t1, 1)
    if args.save:
        from engine.models.prompting import write_model_card

        policy.save_pretrained(args.save, safe_serialization=True)
        tokenizer.save_pretrained(args.save)
        write_model_card(args.save, "tags", created_by="bench.demo_mbr_distill")
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
