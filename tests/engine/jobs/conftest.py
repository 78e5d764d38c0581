"""Fixtures of the job tests: a tiny corpus and a bootstrap job on it that trains a tiny model in seconds."""

from __future__ import annotations

import pyarrow as pa
import pytest

from engine.jobs.bootstrap import BootstrapConfig

PAIRS = [
    ("Good morning.", "صباح الخير."), ("Where is the station?", "أين المحطة؟"), ("I like tea.", "أحب الشاي."),
    ("The museum opens at nine.", "يفتح المتحف في التاسعة."), ("Thank you very much.", "شكرا جزيلا."),
    ("The weather is nice today.", "الطقس جميل اليوم."), ("Where is the hotel?", "أين الفندق؟"),
    ("I need a taxi.", "أحتاج إلى سيارة أجرة."),
]


@pytest.fixture
def corpus_id(store):
    """The tiny EN→AR corpus in the test's store (one validation pair); returns its id."""
    rows = [{"line": i + 1, "source": s, "target": t, "pair": "en-ar", "split": "valid" if i == 0 else "train",
             "norm_key": f"{s}\n{t}"} for i, (s, t) in enumerate(PAIRS * 3)]
    return store.corpora.add("tiny", "en-ar", pa.Table.from_pylist(rows))


def tiny(corpus_id, **overrides) -> BootstrapConfig:
    """A bootstrap job of 20 steps on the tiny corpus (``overrides`` replace any field)."""
    values = {"corpus_ids": [corpus_id], "model_name": "tiny-sft", "size": "tiny", "vocab_size": 300,
              "max_steps": 20, "max_minutes": 5.0, "batch_size": 8, "eval_every": 5, "checkpoint_every": 5,
              "eval_pairs": 4, "warmup_steps": 2}
    return BootstrapConfig(**{**values, **overrides})
