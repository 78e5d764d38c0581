"""A small workspace for the training benchmarks: a demo-size random policy and learnable preference pairs."""

from __future__ import annotations

import random
from pathlib import Path

from bench.generate import demo_rows


def corrupted(text: str, rng: random.Random) -> str:
    """A worse translation of ``text``: half its words, shuffled, with an English word mixed in."""
    words = text.split()
    rng.shuffle(words)
    return " ".join(words[: max(1, len(words) // 2)] + ["the"])


def build_workspace(root: Path, n_pairs: int = 400, seed: int = 0, size: str = "demo"):
    """A workspace with the policy ``bench-sft`` (random weights, BPE tokenizer on the demo corpus), a corpus and
    ``n_pairs`` pairs (reference chosen, corrupted copy rejected) stored as the pair set ``bench-pairs``.

    Returns the open :class:`engine.services.Services`."""
    import pyarrow as pa
    import pyarrow.parquet as pq
    import torch

    from engine.models.demo import build_model, gemma2_config, train_bpe_tokenizer
    from engine.models.prompting import build_prompt, write_model_card
    from engine.services import Services
    from engine.workspace import Workspace

    studio = Services.open(Workspace(root))
    rows = demo_rows()
    tokenizer = train_bpe_tokenizer([r[0] for r in rows] + [r[1] for r in rows], 4000)
    torch.manual_seed(seed)
    model = build_model(gemma2_config(len(tokenizer), size))
    folder = root / "models" / "bench-sft"
    model.save_pretrained(folder, safe_serialization=True)
    tokenizer.save_pretrained(folder)
    write_model_card(folder, "tags", created_by="bench")
    studio.store.models.register("bench-sft", "policy", str(folder), stage="sft", metadata={"prompt_format": "tags"})
    rng = random.Random(seed)
    picked = rng.sample(rows, min(n_pairs, len(rows)))
    corpus = [{"line": i + 1, "source": s, "target": t, "pair": p, "split": "valid" if i % 10 == 0 else "train",
               "norm_key": f"{s}\n{t}"} for i, (s, t, p) in enumerate(picked)]
    corpus_id = studio.store.corpora.add("bench", "en-ar", pa.Table.from_pylist(corpus))
    pairs = [{"group_key": f"{corpus_id}:{i}", "pair": p, "source": s, "prompt": build_prompt(s, p, "tags"),
              "chosen": t, "rejected": corrupted(t, rng), "margin": 0.5, "chosen_quality": 0.8, "rejected_quality": 0.3,
              "chosen_cand": 2 * i, "rejected_cand": 2 * i + 1, "split": "valid" if i % 10 == 0 else "train",
              "strategy": "bench", "scores": "{}"} for i, (s, t, p) in enumerate(picked)]
    path = root / "bench-pairs.parquet"
    pq.write_table(pa.Table.from_pylist(pairs), path)
    with studio.store.db.transaction() as cur:
        studio.store.preferences.load_pairs(cur, "bench-pairs", "synthetic", None, path)
    return studio, corpus_id
