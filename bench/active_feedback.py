"""Benchmark: does handing linguists the sources the reward models are unsure of teach the reward model faster?

On the demo, with a simulated linguist (the demo has no people): "sim-picker" of :mod:`bench.demo_pipeline`, who
picks the candidate with the highest chrF against the reference, which gives the pairs *best over each other
candidate shown* (as :mod:`engine.feedback.pairs` makes them from a best pick; chrF ties give nothing).

1. Sources of the demo's ``prefs`` pools (held out of the SFT model's training) are split, seeded, into a
   **pool** the linguist judges from and a **held-out** set. For each source the shipped demo SFT model samples
   candidates (the Translate page's eight: greedy, 2 at T 0.7, 2 at T 1.0, top-k 20, 2 top-p 0.9, with the
   generate job's batched sampler);
   sources with fewer than two distinct candidates are dropped (nothing to judge).
2. The reward model is the studio's reward model on the demo backbone (:func:`engine.reward.model.build_reward_model`)
   fine-tuned **head only** (the backbone frozen, as the studio's ``head@0`` unfreezing schedule trains at first):
   the backbone's last hidden state at the last token of each (prompt, candidate) — what the ``score`` head reads —
   is computed once, and each ensemble member is a linear head trained with the Bradley–Terry loss on a bootstrap
   resample (by source) of the judgements so far. ``--members`` heads form the ensemble; its **mean** is the
   fine-tuned reward model whose accuracy is reported (share of held-out pairs ranked the linguist's way).
3. Every arm starts from the same ``--step`` random judgements; then, ``--step`` at a time up to ``--budget``,
   it picks the next sources: ``random`` (a seeded shuffle), ``disagreement`` (highest mean spread of the ensemble
   over the source's candidates) or ``margin`` (smallest gap between the two best candidates' mean rewards), with
   :func:`engine.feedback.uncertainty.uncertainty` — the measure the review queue uses. After each step the
   ensemble is retrained and measured. Repeated for ``--repeats`` seeds; means and per-seed curves are written.

Writes ``bench/results/active_feedback.json`` (with the machine's load at start and end).

    python -m bench.active_feedback [--pool 400] [--heldout 150] [--budget 300] [--step 50] [--repeats 3]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import time
from pathlib import Path

import torch

from bench.common import write_results

NAME = "active_feedback"
ARMS = ("random", "disagreement", "margin")
STRATEGIES = ["greedy", "temperature:0.7x2", "temperature:1.0x2", "top_k:20", "top_p:0.9x2"]


def _sources(n: int, seed: int) -> list[tuple[str, str, str]]:
    from engine.demo import read_demo_split

    rows = [(pair, s, t) for pair in ("en-ar", "fr-ar") for s, t in read_demo_split(pair, "prefs")]
    return random.Random(seed).sample(rows, min(n, len(rows)))


def _sample(rows: list[tuple[str, str, str]], max_new_tokens: int, batch_size: int) -> list[dict]:
    """Candidates of every source (the generate job's batched sampler) with each one's chrF against the reference."""
    import sacrebleu

    from engine.decoding.candidates import generate_candidates, parse_strategies
    from engine.demo import DEMO_MODEL_DIR
    from engine.models.loading import load_causal_lm, load_tokenizer
    from engine.models.prompting import prompt_format_of

    model, tok = load_causal_lm(DEMO_MODEL_DIR), load_tokenizer(DEMO_MODEL_DIR)
    cands = generate_candidates(
        model,
        tok,
        [s for _, s, _ in rows],
        [p for p, _, _ in rows],
        parse_strategies(STRATEGIES),
        prompt_format=prompt_format_of(DEMO_MODEL_DIR),
        batch_size=batch_size,
        max_new_tokens=max_new_tokens,
        seed=0,
    )
    out = []
    for (pair, source, reference), found in zip(rows, cands, strict=True):
        texts = [c.text for c in found]
        out.append(
            {
                "pair": pair,
                "source": source,
                "texts": texts,
                "chrf": [sacrebleu.sentence_chrf(x, [reference]).score for x in texts],
            }
        )
    return out


def _judge(items: list[dict], min_gap: float) -> list[dict]:
    """The simulated linguist's pairs: the highest-chrF candidate over each other one more than ``min_gap`` chrF
    below it; sources with no pair are dropped (nothing to judge)."""
    out = []
    for item in items:
        chrf = item["chrf"]
        if len(chrf) < 2:
            continue
        best = max(range(len(chrf)), key=lambda k: chrf[k])
        pairs = [(best, k) for k in range(len(chrf)) if chrf[best] - chrf[k] > min_gap]
        if pairs:
            out.append({**item, "pairs": pairs})
    return out


@torch.no_grad()
def _features(items: list[dict], pooling: str = "last") -> None:
    """The frozen backbone's last hidden state of each (prompt, candidate): at its last token (``last``, what the
    studio's ``score`` head reads) or averaged over the candidate's tokens (``mean``)."""
    from engine.demo import DEMO_MODEL_DIR
    from engine.models.loading import load_tokenizer
    from engine.models.prompting import prompt_format_of
    from engine.reward.encoding import source_ids
    from engine.reward.model import build_reward_model

    tok = load_tokenizer(DEMO_MODEL_DIR)
    fmt = prompt_format_of(DEMO_MODEL_DIR)
    model = build_reward_model(DEMO_MODEL_DIR, pad_token_id=tok.pad_token_id).eval()
    backbone = getattr(model, model.base_model_prefix)
    for item in items:
        seqs = [source_ids(tok, item["source"], item["pair"], c, fmt, 256) for c in item["texts"]]
        width = max(len(s) for s in seqs)
        ids = torch.full((len(seqs), width), tok.pad_token_id, dtype=torch.long)
        mask = torch.zeros_like(ids)
        for r, s in enumerate(seqs):
            ids[r, : len(s)], mask[r, : len(s)] = torch.tensor(s), 1
        hidden = backbone(input_ids=ids, attention_mask=mask).last_hidden_state
        last = mask.sum(dim=1) - 1
        if pooling == "last":
            item["features"] = hidden[torch.arange(len(seqs)), last].float()
            continue
        start = len(source_ids(tok, item["source"], item["pair"], "", fmt, 256)) - 1  # the prompt's length
        item["features"] = torch.stack([hidden[r, start : int(last[r]) + 1].mean(dim=0) for r in range(len(seqs))])


def _train_head(items: list[dict], seed: int, steps: int = 150, l2: float = 1e-3) -> torch.Tensor:
    """A linear reward head trained with the Bradley–Terry loss on the pairs of ``items``."""
    chosen = torch.stack([it["features"][c] for it in items for c, _ in it["pairs"]])
    rejected = torch.stack([it["features"][r] for it in items for _, r in it["pairs"]])
    diff = chosen - rejected
    scale = diff.abs().mean().clamp(min=1e-6)
    torch.manual_seed(seed)
    w = (torch.randn(diff.shape[1]) * 1e-3).requires_grad_()
    opt = torch.optim.Adam([w], lr=0.05)
    for _ in range(steps):
        opt.zero_grad()
        loss = -torch.nn.functional.logsigmoid(diff / scale @ w).mean() + l2 * (w * w).sum()
        loss.backward()
        opt.step()
    return w.detach() / scale


def _ensemble(judged: list[dict], members: int, seed: int) -> torch.Tensor:
    """``members`` heads, each on a bootstrap resample (by source) of the judged items: a members × hidden tensor."""
    rng = random.Random(seed)
    heads = []
    for m in range(members):
        sample = [judged[rng.randrange(len(judged))] for _ in judged]
        heads.append(_train_head(sample, seed * 1000 + m))
    return torch.stack(heads)


def _accuracy(heads: torch.Tensor, heldout: list[dict]) -> float:
    mean_head = heads.mean(dim=0)  # the ensemble's mean reward (linear heads: the mean of the heads)
    right = total = 0
    for it in heldout:
        scores = it["features"] @ mean_head
        for c, r in it["pairs"]:
            right += int(scores[c] > scores[r])
            total += 1
    return right / total


def _priority(heads: torch.Tensor, item: dict, arm: str) -> float:
    from engine.feedback.uncertainty import uncertainty
    from engine.reward.ensemble import combine_tensor, spread_tensor

    members = (item["features"] @ heads.T).double()  # candidates × members
    value = uncertainty(combine_tensor(members, "mean").tolist(), spread_tensor(members).tolist(), arm)
    return float("-inf") if value is None else value


def run_arm(
    arm: str, pool: list[dict], heldout: list[dict], budget: int, step: int, members: int, seed: int
) -> list[dict]:
    """One arm's learning curve: accuracy after each ``step`` judgements."""
    order = list(range(len(pool)))
    random.Random(seed).shuffle(order)
    judged, left = order[:step], order[step:]  # every arm starts from the same random first step
    curve = []
    while True:
        heads = _ensemble([pool[i] for i in judged], members, seed)
        curve.append(
            {
                "judgements": len(judged),
                "accuracy": round(_accuracy(heads, heldout), 4),
                "pairs": sum(len(pool[i]["pairs"]) for i in judged),
            }
        )
        if len(judged) >= budget or not left:
            return curve
        if arm != "random":
            left.sort(key=lambda i: -_priority(heads, pool[i], arm))
        judged, left = judged + left[:step], left[step:]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pool", type=int, default=400, help="sources the linguist may be handed")
    parser.add_argument("--heldout", type=int, default=150, help="sources whose pairs measure accuracy")
    parser.add_argument("--budget", type=int, default=300, help="judgements per arm")
    parser.add_argument("--step", type=int, default=50, help="judgements between two retrainings")
    parser.add_argument("--members", type=int, default=4, help="reward-model heads in the ensemble")
    parser.add_argument("--repeats", type=int, default=3, help="seeds")
    parser.add_argument("--max-new-tokens", type=int, default=40)
    parser.add_argument("--batch-size", type=int, default=32, help="sources per generate() call")
    parser.add_argument("--threads", type=int, default=1, help="torch threads (two collapse on a loaded machine)")
    parser.add_argument(
        "--min-gap",
        type=float,
        default=0.0,
        help="the linguist prefers a candidate only when its chrF is this much higher",
    )
    parser.add_argument(
        "--features",
        choices=("last", "mean"),
        default="last",
        help="the head reads the last token's hidden state (as the studio's reward model) or the mean "
        "over the candidate's tokens",
    )
    parser.add_argument("--cache", default="", help="a JSON file keeping the sampled candidates between runs")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    load_start = os.getloadavg()
    t0 = time.perf_counter()
    rows = _sources(args.pool + args.heldout, seed=0)
    cache = Path(args.cache) if args.cache else None
    if cache and cache.is_file():
        sampled = json.loads(cache.read_text(encoding="utf-8"))
    else:
        sampled = _sample(rows, args.max_new_tokens, args.batch_size)
        if cache:
            cache.write_text(json.dumps(sampled, ensure_ascii=False), encoding="utf-8")
    items = _judge(sampled, args.min_gap)
    t_sample = time.perf_counter() - t0
    _features(items, args.features)
    t_features = time.perf_counter() - t0 - t_sample
    heldout, pool = items[: args.heldout * len(items) // len(rows)], items[args.heldout * len(items) // len(rows) :]
    curves: dict[str, list[list[dict]]] = {arm: [] for arm in ARMS}
    for seed in range(args.repeats):
        for arm in ARMS:
            curves[arm].append(run_arm(arm, pool, heldout, args.budget, args.step, args.members, seed))
            print(arm, seed, [p["accuracy"] for p in curves[arm][-1]], flush=True)
    mean = {
        arm: [
            {
                "judgements": pts[0]["judgements"],
                "accuracy": round(sum(p["accuracy"] for p in pts) / len(pts), 4),
                "min": min(p["accuracy"] for p in pts),
                "max": max(p["accuracy"] for p in pts),
            }
            for pts in zip(*runs, strict=True)
        ]
        for arm, runs in curves.items()
    }
    results = {
        "what": "held-out pairwise accuracy of the fine-tuned reward model (ensemble mean of head-only "
        "Bradley–Terry heads on the frozen demo backbone) after each step of simulated judgements",
        "linguist": "sim-picker: best = highest chrF against the reference; pairs best over each other candidate"
        + (f" more than {args.min_gap:g} chrF below it" if args.min_gap else ""),
        "settings": {**vars(args), "strategies": STRATEGIES},
        "pool_sources": len(pool),
        "heldout_sources": len(heldout),
        "heldout_pairs": sum(len(it["pairs"]) for it in heldout),
        "sources_dropped": len(rows) - len(items),
        "curves_mean": mean,
        "curves_per_seed": curves,
        "final": {arm: mean[arm][-1]["accuracy"] for arm in ARMS},
        "wall_s": {
            "sampling": round(t_sample, 1),
            "features": round(t_features, 1),
            "total": round(time.perf_counter() - t0, 1),
        },
        "load_avg_at_start": list(load_start),
        "load_avg_at_end": list(os.getloadavg()),
    }
    print(write_results(NAME, results))
    print({arm: [p["accuracy"] for p in mean[arm]] for arm in ARMS})


if __name__ == "__main__":
    main()
